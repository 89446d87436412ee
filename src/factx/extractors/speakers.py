"""Speakers: each quote's speaker mention resolved to a person or organization, as a careful reader would.

Two steps, because entities are clustered over the whole input while the
parse exists only per piece:

* ``speaker_hints`` (per parsed piece, beside the extractors) keeps what the
  parse says and the entities do not: the subjects of clauses, the nouns the
  article uses to describe a name ("Toyota, the carmaker", "the carmaker
  Toyota", "Toyota is a carmaker"), and the form of each speaker mention
  (pronoun; relative pronoun and the noun it attaches to; description, its
  head noun and whether it has an article or a possessive).
* ``resolve_speakers`` (per input, once entities are built) applies the
  rules in text order, so a speaker resolved early helps the later ones:

  1. a speaker mention that is a name, or holds one as its head ("the
     statistics agency Destatis"), is that entity;
  2. a relative pronoun ("X, who ..., said") is what it attaches to;
  3. he / she: the most recent person of compatible gender that is the
     subject or speaker of a clause in the last few sentences, before any
     nearer person merely mentioned; failing that the nearest compatible
     person (gender from honorifics, first names and pronouns resolved so far);
  4. it / they: the organization that is the subject or speaker of the
     preceding sentences ("The bank rejected the report. In a statement, it
     said ...");
  5. a description: the person holding that title (the last one named
     before, or the only one in the article: "The prime minister said ...
     Prime Minister Jan Novak told"); else the entity the article described
     with that noun ("One of Cuba's best authors, Jose Puig ... The author
     said"); else the organization whose name ends with it ("Commerce
     Department" for "the department"); else the last organization of the
     kind the noun names (``data/speaker_nouns.txt``: "the company",
     "the daily"); else a name it holds that is not its head ("a Toyota
     spokesman": Toyota).  Finer rules for descriptions:

     * a document ("the report said", ``data/document_nouns.txt``) is its
       issuer: a name or description inside it, else the issuer of the last
       subject with the same noun;
     * a role noun (``data/person_nouns.txt``) with "the" is the person the
       last sentences are about, as a pronoun; with "a" and nothing before,
       the person named as the next speaker with an affiliation;
     * a plural description is never one person;
     * "the company" with no company named as one: the organization the
       article is about, or an untagged name that spoke when the model
       tagged no organization at all.

  6. an organization named by its short form ("Vesta", "Commerce") is the one
     with the full name ("Vesta SA", "Commerce Department") when the article
     gives exactly one (``data/name_tails.txt``).

  When no rule is credible the name stays null, except for a bare
  description written as a name ("says war monitor"), which names itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from spacy.attrs import DEP
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import lexicon
from ..layout import as_read
from ..models import Organization, Person, Quote
from .context import Context
from .entities.names import first_name_gender, name_words, short_forms

_Entity = Person | Organization
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
_ORG_PRONOUNS = frozenset({"it", "they", "its", "their"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "that", "which",
                       "us", "me", "one", "this", "these", "those", "someone", "anyone", "everyone"})
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
_AFFILIATION = frozenset({"of", "for", "at", "from", "with"})
# How far back, in entity mentions, a pronoun or a description looks for its
# referent: farther than that none is credible, and the search must not grow
# with the length of the input.
_LOOKBACK = 500
# How many sentences back the subject or speaker a pronoun refers to may be.
_PRONOUN_SENTENCES = 3
_ORG_PRONOUN_SENTENCES = 2


# ---------------------------------------------------------------- hints (per piece)


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


@dataclass
class SpeakerHints:
    """What ``resolve_speakers`` needs from the parse of one input (offsets global)."""

    sent_starts: list[int] = field(default_factory=list)
    subjects: list[tuple[int, int]] = field(default_factory=list)  # subject head tokens
    subject_forms: dict[tuple[int, int], SpeakerForm] = field(default_factory=dict)  # descriptions among them
    descriptors: list[tuple[str, int, int]] = field(default_factory=list)  # (noun, span of the named token)
    forms: dict[tuple[int, int], SpeakerForm] = field(default_factory=dict)  # speaker span -> its form

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
    if head.pos_ == "PRON" and lower in _RELATIVE and head.head.dep_ == "relcl":
        noun = head.head.head
        ante = SpacySpan(head.doc, noun.i, noun.i + 1)
        return SpeakerForm("relative", lower, hs, antecedent=_form(_noun_phrase(noun), ctx),
                           antecedent_span=(ctx.base + ante.start_char, ctx.base + ante.end_char))
    if head.pos_ == "PRON":
        return SpeakerForm("pronoun", lower, hs)
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
                       span=(ctx.base + tok_span.start_char, ctx.base + tok_span.end_char),
                       indefinite=bool(dets & {"a", "an"}),
                       definite=bool(dets & {"the", "this", "that"}) and not any(c.dep_ == "poss" for c in head.lefts),
                       possessor=poss.lemma_.lower() if poss is not None else "", plural=head.tag_ in ("NNS", "NNPS"))


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
    hints.descriptors = _descriptors(doc, ctx)
    for q in quotes:
        sp = q.speaker
        if sp is None:
            continue
        toks = doc.char_span(sp.start - ctx.base, sp.end - ctx.base, alignment_mode="expand")
        if toks is not None and len(toks):
            hints.forms[(sp.start, sp.end)] = _form(toks, ctx)
    return hints


# ---------------------------------------------------------------- resolution (per input)


@cache
def _noun_kinds() -> dict[str, str]:
    return lexicon.mapping("speaker_nouns.txt")


@cache
def _person_nouns() -> dict[str, str]:
    return lexicon.mapping("person_nouns.txt")


@cache
def _document_nouns() -> frozenset[str]:
    return lexicon.words("document_nouns.txt")


def _fuller_names(organizations: list[Organization]) -> dict[str, Organization]:
    """Organization id -> the one other organization of the article whose full name shortens to
    one of its names ("Commerce" -> "Commerce Department", "Vesta" -> "Vesta SA").  Entities keep
    them apart (the CoNLL gold does too); a speaker named by the short form is the full one."""
    offers: dict[tuple[str, ...], dict[str, Organization]] = {}
    for org in organizations:
        for name in (org.name, *org.aliases):
            for short in short_forms(name_words(name)):
                offers.setdefault(short, {})[org.id] = org
    out: dict[str, Organization] = {}
    if not offers:
        return out
    for org in organizations:
        found: dict[str, Organization] = {}
        for name in (org.name, *org.aliases):
            found.update(offers.get(name_words(name), {}))
        found.pop(org.id, None)
        if len(found) == 1:
            out[org.id] = next(iter(found.values()))
    return out


def _last_word(name: str) -> str:
    words = re.findall(r"[\w'’&-]+", name.lower())
    return words[-1] if words else ""


def _title_heads(title: str) -> tuple[str, frozenset[str]]:
    """('minister', {'prime', 'minister'}) for 'Prime Minister'; the head is the word before
    'of' when there is one ('founder of the Institute')."""
    words = [w.strip(".") for w in title.lower().split()]
    if "of" in words:
        words = words[:words.index("of")]
    return (words[-1] if words else ""), frozenset(words)


class _Resolver:
    """Indexes over one input's entities and hints, and the rules that use them."""

    def __init__(self, people: list[Person], organizations: list[Organization], hints: SpeakerHints):
        self.hints = hints
        self.mentions = sorted(((m.start, m.end, ent) for ent in [*people, *organizations] for m in ent.mentions),
                               key=lambda x: x[0])
        self.starts = [s for s, _, _ in self.mentions]
        self.longest = max((e - s for s, e, _ in self.mentions), default=0)
        self.gender: dict[str, str] = {p.id: p.gender for p in people if p.gender}
        self.people, self.organizations = people, organizations
        self.salient = self._subject_mentions()
        self.events: list[tuple[int, _Entity]] = []  # (speaker start, entity) of speakers resolved so far
        self.titles: dict[str, list[tuple[Person, frozenset[str]]]] = {}
        for p in people:
            for t in p.titles:
                head, words = _title_heads(t)
                if head:
                    self.titles.setdefault(head, []).append((p, words))
        kinds = _noun_kinds()
        self.described: dict[str, list[tuple[int, _Entity]]] = {}
        self.org_kind: dict[str, set[str]] = {}
        for noun, s, e in hints.descriptors:
            ent = self.at(s, e)
            if ent is not None:
                self.described.setdefault(noun, []).append((s, ent))
                if isinstance(ent, Organization) and noun in kinds:
                    self.org_kind.setdefault(ent.id, set()).add(kinds[noun])
        for org in organizations:
            for name in (org.name, *org.aliases):
                if _last_word(name) in kinds:
                    self.org_kind.setdefault(org.id, set()).add(kinds[_last_word(name)])
        for lst in self.described.values():
            lst.sort(key=lambda x: x[0])
        self.fuller = _fuller_names(organizations)
        # description head -> (start, form) of the subjects with it, in order
        self.subject_heads: dict[str, list[tuple[int, SpeakerForm]]] = {}
        for (s, _), f in sorted(hints.subject_forms.items(), key=lambda x: x[0]):
            if f.kind == "description":
                self.subject_heads.setdefault(f.head, []).append((s, f))
        self.by_head: dict[str, _Entity | None] = {}  # description head -> what the last speaker with it was
        self.speakers: list[tuple[int, int, SpeakerForm | None]] = []  # every speaker mention, in order
        self.unknown: list[tuple[int, str]] = []  # speakers named by a name that is no entity, so far

    # -- lookups

    def _subject_mentions(self) -> set[int]:
        """Indices of the mentions that are the subject of a clause."""
        out = set()
        subjects = self.hints.subjects
        for i, (s, e, _) in enumerate(self.mentions):
            j = bisect.bisect_left(subjects, (s, -1))
            if j < len(subjects) and subjects[j][0] < e:
                out.add(i)
        return out

    def at(self, start: int, end: int, inside: tuple[int, int] | None = None) -> _Entity | None:
        """The entity with a mention overlapping ``start:end`` (overlapping ``inside`` too, when
        given): the one starting last, i.e. the head of 'Russian Foreign Ministry spokeswoman
        Maria Zakharova'."""
        i = bisect.bisect_left(self.starts, end) - 1
        while i >= 0 and self.starts[i] > start - self.longest:
            s, e, ent = self.mentions[i]
            if e > start and (inside is None or (s < inside[1] and inside[0] < e)):
                return ent
            i -= 1
        return None

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.hints.sent_starts, pos) - 1

    def _back(self, pos: int) -> Iterator[tuple[int, _Entity, bool]]:
        """(position, entity, salient) of mentions and resolved speakers before ``pos``, latest
        first, at most ``_LOOKBACK`` mentions back."""
        i = bisect.bisect_left(self.starts, pos) - 1
        j = bisect.bisect_left(self.events, pos, key=lambda x: x[0]) - 1
        stop = max(-1, i - _LOOKBACK)
        while i > stop or j >= 0:
            if j >= 0 and (i <= stop or self.events[j][0] >= self.starts[i]):
                yield self.events[j][0], self.events[j][1], True
                j -= 1
            else:
                s, e, ent = self.mentions[i]
                if e <= pos:
                    yield s, ent, i in self.salient
                i -= 1

    # -- rules

    def person_pronoun(self, pos: int, gender: str | None) -> Person | None:
        """Rule 3: the latest compatible person that is a subject or speaker within a few
        sentences, else the nearest compatible person."""
        here = self.sentence(pos)
        nearest = None
        for at, ent, salient in self._back(pos):
            if not isinstance(ent, Person) or (gender and self.gender.get(ent.id, gender) != gender):
                continue
            if salient and here - self.sentence(at) <= _PRONOUN_SENTENCES:
                return ent
            if nearest is None:
                nearest = ent
            if here - self.sentence(at) > _PRONOUN_SENTENCES:
                break
        return nearest

    def org_pronoun(self, pos: int) -> Organization | None:
        """Rule 4: the organization that is the subject or speaker of the preceding sentences,
        named or described ('The bank rejected the report. In a statement, it said ...')."""
        here = self.sentence(pos)
        best: tuple[int, Organization] | None = None
        for at, ent, salient in self._back(pos):
            if here - self.sentence(at) > _ORG_PRONOUN_SENTENCES:
                break
            if salient and isinstance(ent, Organization):
                best = (at, ent)
                break
        subjects = self.hints.subjects
        k = bisect.bisect_left(subjects, (pos, -1)) - 1
        while k >= 0 and here - self.sentence(subjects[k][0]) <= _ORG_PRONOUN_SENTENCES:
            if best is not None and subjects[k][0] <= best[0]:
                break
            form = self.hints.subject_forms.get(subjects[k])
            if form is not None and form.determined:
                ent = self.description(form, subjects[k][0], people=False)
                if isinstance(ent, Organization):
                    return ent
            k -= 1
        return best[1] if best else None

    def titled(self, form: SpeakerForm, pos: int) -> Person | None:
        """Rule 5a: the person with that title named last before, or the only holder."""
        holders = [p for p, words in self.titles.get(form.head, []) if set(form.words) <= words | {form.head}]
        if not holders:
            return None
        ids = {p.id for p in holders}
        for _, ent, _ in self._back(pos):
            if ent.id in ids:
                return ent  # type: ignore[return-value]
        return holders[0] if len(ids) == 1 else None

    def issuer(self, form: SpeakerForm, pos: int) -> _Entity | None:
        """Rule 5b: a document ("the report said") is the one who issued it: a name inside the
        mention ("the Labour Department's report"), a description inside it ("the company
        report"), else the issuer of the last subject with the same document noun."""
        if form.span is not None and form.span[0] < form.head_span[0]:
            ent = self.at(form.span[0], form.head_span[0])
            if ent is not None:
                return ent
        kinds, people = _noun_kinds(), _person_nouns()
        if form.possessor in _ORG_PRONOUNS:
            return self.org_pronoun(pos)
        for w in (form.possessor, *form.words):
            if w != form.head and (w in kinds or w in people):
                return self.description(SpeakerForm("description", w, form.head_span, words=(w,), determined=True),
                                        pos)
        earlier = self.subject_heads.get(form.head, [])
        k = bisect.bisect_left(earlier, form.head_span[0], key=lambda x: x[0]) - 1
        while k >= 0:
            prev = earlier[k][1]
            if prev.span is not None and prev.span[1] <= form.head_span[0] \
                    and ((prev.span[0] < prev.head_span[0] and len(prev.words) > 1) or self.at(*prev.span)):
                return self.issuer(prev, prev.head_span[0])
            k -= 1
        return None

    def role_anaphor(self, form: SpeakerForm, pos: int) -> Person | None:
        """Rule 5c: 'The fighter said' is the person the last sentences are about, as 'he' would
        be: the latest person (of the noun's gender, if it has one) that is the subject or speaker
        of a clause within a few sentences.  Not when the article used the same noun for someone
        before ('a ministry spokesman said ... The spokesman added': that unnamed one)."""
        nouns = _person_nouns()
        if form.head not in nouns or not form.definite or form.plural:
            return None
        if form.span is not None and self.at(*form.span) is not None:
            return None  # 'the Kremlin spokesman': someone of the Kremlin, not the person just named
        if form.head in self.by_head:
            ent = self.by_head[form.head]
            return ent if isinstance(ent, Person) else None
        earlier = self.subject_heads.get(form.head, [])
        if earlier and earlier[0][0] < form.head_span[0]:
            return None
        gender = nouns[form.head] or None
        here = self.sentence(pos)
        for at, ent, salient in self._back(pos):
            if here - self.sentence(at) > _PRONOUN_SENTENCES:
                break
            if salient and isinstance(ent, Person) and (gender is None or self.gender.get(ent.id, gender) == gender):
                return ent
        return None

    def announced(self, form: SpeakerForm, pos: int) -> Person | None:
        """Rule 5d: 'a spokeswoman said ...' that nothing before resolves is the person the next
        sentences name as a speaker ('..., said Erin Purcell of ...'), of the noun's gender."""
        nouns = _person_nouns()
        if form.head not in nouns or not form.indefinite or form.plural:
            return None
        gender = nouns[form.head] or None
        here = self.sentence(pos)
        k = bisect.bisect_right(self.speakers, pos, key=lambda x: x[0])
        for start, end, f in self.speakers[k:]:
            if self.sentence(start) - here > 1:
                break
            if f is None or f.kind != "name":
                continue
            if not f.affiliated:
                return None
            ent = self.at(start, end)
            if isinstance(ent, Person):
                return ent if gender is None or self.gender.get(ent.id, gender) == gender else None
        return None

    def description(self, form: SpeakerForm, pos: int, people: bool = True) -> _Entity | None:
        """Rule 5: a description resolved through titles, descriptors, names and noun kinds."""
        if form.head in _document_nouns():
            return self.issuer(form, pos)
        people = people and not form.plural  # 'Bosnian refugees' are not the one refugee named later
        if people:
            p = self.titled(form, pos)
            if p is not None:
                return p
        described = [(s, e) for s, e in self.described.get(form.head, ()) if people or isinstance(e, Organization)]
        if described:
            k = bisect.bisect_left(described, pos, key=lambda x: x[0])
            if k:
                return described[k - 1][1]
            later = {ent.id: ent for _, ent in described}
            if len(later) == 1:
                return next(iter(later.values()))
        if people and form.head in _person_nouns() and form.head not in _noun_kinds():
            return self.role_anaphor(form, pos) or self.announced(form, pos)
        if not form.determined:
            return None
        kind = _noun_kinds().get(form.head)
        for _, ent, _ in self._back(pos):
            if not isinstance(ent, Organization):
                continue
            if ent.name.lower() == form.head:
                continue  # 'Department officials' tagged as a name: no name at all
            if _last_word(ent.name) == form.head or any(_last_word(a) == form.head for a in ent.aliases):
                return ent
            if kind is not None and (kind == "any" or kind in self.org_kind.get(ent.id, ())):
                return ent
        return self.main_company(form, pos)

    def main_company(self, form: SpeakerForm, pos: int) -> Organization | None:
        """Rule 5f: 'the company' (a company noun, definite, singular) when no organization was
        named as one: the organization the article is about so far, i.e. mentioned at least twice
        and more than any other, of no other known kind."""
        if _noun_kinds().get(form.head) != "company" or not form.definite or form.plural:
            return None
        counts: dict[str, int] = {}
        orgs: dict[str, Organization] = {}
        for _, ent, _ in self._back(pos):
            if isinstance(ent, Organization) and self.org_kind.get(ent.id, {"company"}) >= {"company"}:
                counts[ent.id] = counts.get(ent.id, 0) + 1
                orgs[ent.id] = ent
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return None
        return orgs[max(counts, key=lambda i: counts[i])]

    def resolve(self, start: int, end: int, form: SpeakerForm | None) -> _Entity | None:
        ent = self._resolve(start, end, form)
        if isinstance(ent, Organization):
            return self.fuller.get(ent.id, ent)
        return ent

    def _resolve(self, start: int, end: int, form: SpeakerForm | None) -> _Entity | None:
        if form is None or form.kind == "name":
            return self.at(start, end)
        if form.kind == "relative":
            ante = form.antecedent_span
            if ante is not None:
                hit = self.at(*ante)
                if hit is not None:
                    return hit
            return self._resolve(*ante, form.antecedent) if ante and form.antecedent else None
        if form.kind == "pronoun":
            if form.head in PRONOUN_GENDER:
                return self.person_pronoun(start, PRONOUN_GENDER[form.head])
            if form.head in _ORG_PRONOUNS:
                return self.org_pronoun(start)
            return None
        head_hit = self.at(start, end, inside=form.head_span)
        if head_hit is not None:
            return head_hit  # 'the statistics agency Destatis', 'analyst Tom Bell'
        found = self.description(form, start)
        return found if found is not None else self.at(start, end)  # 'a Toyota spokesman'

    def spoke(self, pos: int, ent: _Entity) -> None:
        self.events.append((pos, ent))

    def untagged(self, form: SpeakerForm | None, pos: int) -> str | None:
        """Rule 5e: 'Norvik said ... The company said', where the model tagged no organization at
        all before: the company is the last speaker named by a name that is no entity and no
        person's (no known first name), as a reader would take it."""
        if form is None or form.kind != "description" or not form.definite or form.plural \
                or _noun_kinds().get(form.head) != "company":
            return None
        if any(isinstance(ent, Organization) for _, ent, _ in self._back(pos)):
            return None
        return self.unknown[-1][1] if self.unknown else None


def _own_name(text: str, form: SpeakerForm | None) -> str | None:
    """The name an unresolved speaker gives itself: a description written as a name
    ('says war monitor'), never a pronoun or a description with an article or possessor."""
    if text.lower() in _PRONOUNS or (form is not None and (form.kind in ("pronoun", "relative") or form.determined)):
        return None
    return re.sub(r"(?i)^(?:the|a|an)\s+", "", as_read(text))  # across a wrapped line: one space


def resolve_speakers(quotes: list[Quote], people: list[Person], organizations: list[Organization],
                     hints: SpeakerHints | None = None) -> None:
    """Fill ``speaker.name`` and ``speaker.entity`` in place, in text order (see the module
    docstring for the rules)."""
    hints = hints or SpeakerHints()
    r = _Resolver(people, organizations, hints)
    ordered = sorted((q for q in quotes if q.speaker is not None), key=lambda q: q.speaker.start)  # type: ignore[union-attr]
    forms = []
    for q in ordered:
        sp = q.speaker
        assert sp is not None
        form = hints.forms.get((sp.start, sp.end))
        if form is None and sp.text.lower() in PRONOUN_GENDER:
            form = SpeakerForm("pronoun", sp.text.lower(), (sp.start, sp.end))
        forms.append(form)
        r.speakers.append((sp.start, sp.end, form))
    for q, form in zip(ordered, forms, strict=True):
        sp = q.speaker
        assert sp is not None
        ent = r.resolve(sp.start, sp.end, form)
        if form is not None and form.kind == "description":
            # what a later 'the spokesman' is: the person this one was found to be, or an unnamed
            # one ('a ministry spokesman', 'Yeltsin's spokesman': not Yeltsin himself)
            r.by_head[form.head] = ent if isinstance(ent, Person) and r.at(sp.start, sp.end) is None else None
        if ent is not None:
            sp.name, sp.entity = ent.name, ent.id
            r.spoke(sp.start, ent)
            g = PRONOUN_GENDER.get(sp.text.lower())
            if g and isinstance(ent, Person):
                r.gender.setdefault(ent.id, g)
        else:
            sp.name = _own_name(sp.text, form) or r.untagged(form, sp.start)
            if form is not None and form.kind == "name" and form.label not in ("NORP", "GPE", "LOC") \
                    and sp.text[:1].isupper() and " " not in sp.text and first_name_gender(sp.text) is None:
                r.unknown.append((sp.start, sp.text))
