"""Speaker hints: what the parse of one piece says about its speakers and their possible referents.

Entities are clustered over the whole input while the parse exists only per
piece, so this step (run beside the extractors) keeps what the parse says and
the entities do not: the subjects of clauses, the nouns the article uses to
describe a name ("Toyota, the carmaker", "the carmaker Toyota", "Toyota is a
carmaker"), and the form of each speaker mention (pronoun; relative pronoun
and the noun it attaches to; description, its head noun and whether it has
an article or a possessive).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...models import Quote
from ..context import Context
from .words import RELATIVE, document_nouns, issue_verbs, person_nouns

_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
_AFFILIATION = frozenset({"of", "for", "at", "from", "with"})


@dataclass(slots=True)
class SpeakerForm:
    """What a speaker mention is, read on the parse (offsets global)."""

    kind: str  # "name" | "pronoun" | "relative" | "description"
    head: str  # lower-case lemma of the head word
    head_span: tuple[int, int]
    words: tuple[str, ...] = ()  # a description's words, lower case, without article or possessor
    determined: bool = False  # an article or a possessive: "the company", "its chief"
    antecedent: SpeakerForm | None = None  # a relative pronoun's noun
    antecedent_span: tuple[int, int] | None = None
    span: tuple[int, int] | None = None  # the whole mention ("the Labour Department's report")
    indefinite: bool = False  # "a spokeswoman", "an official"
    definite: bool = False  # "the fighter", "this official" (not "his mother")
    possessor: str = ""  # lemma of a common-noun or pronoun possessor: "company" of "the company's report"
    affiliated: bool = False  # a name followed by whom it speaks for: "Erin Purcell of Reagan Communications"
    plural: bool = False  # "the officials"
    label: str = ""  # a name's entity label ("NORP" for "Romanian")
    # where the description names whom it stands for: (phrase span, span of its name word) of an
    # apposition ("Another diplomat, former envoy Kurt Volker") or a 'by' agent ("a report by X",
    # "an email sent by chairman X")
    named: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()
    personal: bool = False  # a description only a person fits: an age ("the 27-year-old"), "the Brazilian"


@dataclass(slots=True)
class DocumentMention:
    """A document noun in the text ("Acme issued a statement", "said in a statement") and the
    clause subject that issued it, when the clause says so (offsets global)."""

    form: SpeakerForm
    issuer_span: tuple[int, int] | None = None
    issuer: SpeakerForm | None = None


@dataclass
class SpeakerHints:
    """What ``resolve_speakers`` needs from the parse of one input (offsets global)."""

    sent_starts: list[int] = field(default_factory=list)
    subjects: list[tuple[int, int]] = field(default_factory=list)  # subject head tokens
    subject_forms: dict[tuple[int, int], SpeakerForm] = field(default_factory=dict)  # descriptions among them
    descriptors: list[tuple[str, int, int]] = field(default_factory=list)  # (noun, span of the named token)
    forms: dict[tuple[int, int], SpeakerForm] = field(default_factory=dict)  # speaker span -> its form
    documents: list[DocumentMention] = field(default_factory=list)  # document nouns, in order

    @classmethod
    def merged(cls, parts: Iterable[SpeakerHints]) -> SpeakerHints:
        """The hints of a whole input from those of its pieces, in order."""
        out = cls()
        for p in parts:
            out.sent_starts += p.sent_starts
            out.subjects += p.subjects
            out.subject_forms.update(p.subject_forms)
            out.descriptors += p.descriptors
            out.forms.update(p.forms)
            out.documents += p.documents
        return out


def _dep_hits(doc: Doc, labels: tuple[str, ...]) -> Iterator[Token]:
    """Tokens with one of the dependency labels, found on the token array."""
    hashes = [doc.vocab.strings.add(label) for label in labels]
    for i in np.isin(doc.to_array([DEP]).reshape(-1), hashes).nonzero()[0].tolist():
        yield doc[i]


def _named(tok: Token) -> bool:
    return tok.ent_type_ in _NAMED or tok.pos_ == "PROPN"


def _descriptor_noun(tok: Token) -> Token:
    """The noun that describes: 'one of Cuba's most acclaimed authors' -> authors."""
    if tok.lower_ in ("one", "some") or tok.pos_ == "NUM":
        obj = next((o for c in tok.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    return tok


def _span(ctx: Context, tok: Token) -> tuple[int, int]:
    return ctx.base + tok.idx, ctx.base + tok.idx + len(tok.text)


def _age(tok: Token) -> str:
    """'27-year-old' for the head of '27-year-old' ('old' with 'year' and its number) or for a
    number in apposition to a name ('Silva, 27,'); '' otherwise."""
    if tok.lower_ in ("old", "year-old"):
        year = next((c for c in tok.children if c.lower_ == "year"), tok if tok.lower_ == "year-old" else None)
        num = next((c for c in year.children if c.like_num), None) if year is not None else None
        if num is not None:
            return f"{num.text}-year-old"
    if tok.like_num and tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON" and tok.text.isdigit() \
            and 10 <= int(tok.text) <= 110:
        return f"{tok.text}-year-old"
    return ""


def _personal_descriptors(doc: Doc, ctx: Context) -> list[tuple[str, int, int]]:
    """(age or nationality, named token span) for each person the article gives an age or a
    nationality ('Marcus Silva, 27,', '27-year-old Marcus Silva', 'Brazilian striker Marcus
    Silva'): what a later 'the 27-year-old' or 'the Brazilian' stands for."""
    out = []
    for tok in doc:
        if tok.ent_type_ != "PERSON" or tok.dep_ == "compound":
            continue
        mods = [c for c in tok.children if c.i < tok.i or c.dep_ == "appos"]
        mods += [g for c in mods if c.dep_ == "compound" and c.pos_ == "NOUN" for g in c.children if g.i < c.i]
        for m in mods:
            age = _age(m)
            if age:
                out.append((age, *_span(ctx, tok)))
            elif m.ent_type_ == "NORP" and m.i < tok.i:
                out.append((m.lower_, *_span(ctx, tok)))
    return out


def _descriptors(doc: Doc, ctx: Context) -> list[tuple[str, int, int]]:
    """(noun, named token span) for each noun the article puts beside a name: apposition
    ('Toyota, the carmaker'; 'Jose Puig, one of Cuba's authors'), a noun before the name
    ('the carmaker Toyota', 'statistics agency Destatis') or a copula ('Toyota is a carmaker')."""
    out = []
    for tok in _dep_hits(doc, ("appos", "compound", "attr")):
        head = tok.head
        if tok.dep_ == "appos":
            pairs = [(head, tok), (tok, head)]
        elif tok.dep_ == "compound":
            pairs = [(head, tok)] if tok.pos_ == "NOUN" else []
        else:  # attr of "be" with a named subject
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None) if head.lemma_ == "be" else None
            pairs = [(subj, tok)] if subj is not None else []
        for name, noun in pairs:
            noun = _descriptor_noun(noun)
            if _named(name) and noun.pos_ == "NOUN":
                out.append((noun.lemma_.lower(), *_span(ctx, name)))
    return out


def _form(tok_span: SpacySpan, ctx: Context) -> SpeakerForm:
    """The form of a speaker mention from its tokens."""
    head = tok_span.root
    lower = head.lower_
    hs = _span(ctx, head)
    if head.pos_ == "PRON" and lower in RELATIVE and head.head.dep_ == "relcl":
        noun = head.head.head
        ante = SpacySpan(head.doc, noun.i, noun.i + 1)
        return SpeakerForm("relative", lower, hs, antecedent=_form(_noun_phrase(noun), ctx),
                           antecedent_span=(ctx.base + ante.start_char, ctx.base + ante.end_char))
    if head.pos_ == "PRON":
        return SpeakerForm("pronoun", lower, hs)
    age = _age(head)
    if age or (head.ent_type_ == "NORP" and head.tag_ == "NNP" and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children)):
        # 'the 27-year-old', 'The Brazilian': the person the article gave that age or nationality
        return SpeakerForm("description", age or lower, hs, words=(age or lower,), determined=True, definite=True,
                           span=(ctx.base + tok_span.start_char, ctx.base + tok_span.end_char), personal=True)
    if _named(head):
        affiliated = any(c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ in _AFFILIATION and any(
            o.dep_ == "pobj" and _named(o) for o in c.children)) for c in head.rights)
        return SpeakerForm("name", lower, hs, affiliated=affiliated, label=head.ent_type_)
    words = tuple(t.lower_ for t in tok_span if t.pos_ in ("NOUN", "ADJ", "PROPN") and t.dep_ != "poss"
                  and not (t.i < head.i and any(a.dep_ == "poss" for a in t.ancestors if a.i <= head.i)))
    determined = any(c.dep_ in ("det", "poss") for c in head.lefts)
    dets = {c.lower_ for c in head.lefts if c.dep_ == "det"}
    poss = next((c for c in head.lefts if c.dep_ == "poss" and c.pos_ in ("NOUN", "PRON")), None)
    return SpeakerForm("description", head.lemma_.lower(), hs, words=words, determined=determined,
                       named=_named_parts(head, ctx),
                       span=(ctx.base + tok_span.start_char, ctx.base + tok_span.end_char),
                       indefinite=bool(dets & {"a", "an"}),
                       definite=bool(dets & {"the", "this", "that"}) and not any(c.dep_ == "poss" for c in head.lefts),
                       possessor=poss.lemma_.lower() if poss is not None else "", plural=head.tag_ in ("NNS", "NNPS"))


def _named_parts(head: Token, ctx: Context) -> tuple[tuple[tuple[int, int], tuple[int, int]], ...]:
    """(phrase span, name word span) where a description names whom it stands for: its
    apposition, by the name that ends it ("Another diplomat, former special envoy to Ukraine Kurt
    Volker"), and the agent of a document or an act, not of a person ("a report by the IEA",
    "tests by Digital Foundry"), also through an issuing verb ("an email sent by chairman Marcelo
    Claure"; not "emails combed through by Vox")."""
    out = []
    agents = [c for c in head.rights if c.dep_ == "prep" and c.lower_ == "by"]
    agents += [a for c in head.rights if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in issue_verbs()
               for a in c.children if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by")]
    if head.lemma_.lower() not in person_nouns():
        for by in agents:
            obj = next((o for o in by.children if o.dep_ == "pobj"), None)
            if obj is not None and _named(obj):
                out.append(((ctx.base + obj.left_edge.idx, _span(ctx, obj.right_edge)[1]), _span(ctx, obj)))
    for c in head.rights:
        if c.dep_ == "appos":
            last = c if _named(c) else c.right_edge
            if _named(last):
                out.append(((ctx.base + c.left_edge.idx, _span(ctx, c.right_edge)[1]), _span(ctx, last)))
    return tuple(out)


def _issuer(noun: Token) -> Token | None:
    """The subject of the clause that issued a document: 'Acme issued a statement' (an issuing
    verb, ``data/issue_verbs.txt``), 'Acme said in a statement', 'denied the claims in a
    statement'."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in issue_verbs():
        pass
    elif noun.dep_ == "pobj" and verb.lower_ == "in":
        verb = verb.head
        while verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "pobj", "prep") and verb.head is not verb:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
    else:
        return None
    while verb is not None:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
        verb = verb.head if verb.dep_ in ("conj", "xcomp") and verb.head is not verb else None
    return None


def _documents(doc: Doc, ctx: Context, quoted: list[tuple[int, int]]) -> list[DocumentMention]:
    """Each document noun of the piece with the subject that issued it, when the clause says so;
    not those inside a quotation (a speaker's own words about a statement issue none)."""
    nouns = document_nouns()
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns:
            continue
        at = ctx.base + tok.idx
        if any(s <= at < e for s, e in quoted):
            continue
        subj = _issuer(tok)
        issuer = _noun_phrase(subj) if subj is not None else None
        out.append(DocumentMention(
            _form(_noun_phrase(tok), ctx),
            (ctx.base + issuer.start_char, ctx.base + issuer.end_char) if issuer is not None else None,
            _form(issuer, ctx) if issuer is not None else None))
    return out


def _noun_phrase(noun: Token) -> SpacySpan:
    left = [t for t in noun.lefts if t.dep_ in ("det", "compound", "amod", "poss", "nmod")]
    start = min([noun.i, *(t.left_edge.i for t in left)])
    return noun.doc[start:noun.i + 1]


def speaker_hints(doc: Doc, ctx: Context, quotes: list[Quote]) -> SpeakerHints:
    """What the parse of one piece says about its speakers and their possible referents."""
    hints = SpeakerHints()
    if not len(doc):
        return hints
    hints.sent_starts = [ctx.base + s.start_char for s in doc.sents]
    for tok in _dep_hits(doc, ("nsubj", "nsubjpass")):
        sp = _span(ctx, tok)
        hints.subjects.append(sp)
        if tok.pos_ == "NOUN":
            hints.subject_forms[sp] = _form(_noun_phrase(tok), ctx)
    hints.subjects.sort()
    hints.descriptors = _descriptors(doc, ctx) + _personal_descriptors(doc, ctx)
    hints.documents = _documents(doc, ctx, [(q.start, q.end) for q in quotes if q.type != "indirect"])
    for q in quotes:
        sp = q.speaker
        if sp is None:
            continue
        toks = doc.char_span(sp.start - ctx.base, sp.end - ctx.base, alignment_mode="expand")
        if toks is not None and len(toks):
            hints.forms[(sp.start, sp.end)] = _form(toks, ctx)
    return hints

