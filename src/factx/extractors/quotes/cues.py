"""Reporting cues on the parse: the verbs, their speakers and the spans that name them.

Shared by every quote pass.  The dependency-label sets the passes rely on are
named once here (as textacy's ``extract/triples.py`` does).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from spacy.attrs import LEMMA, POS
from spacy.parts_of_speech import AUX, VERB
from spacy.strings import hash_string
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ... import lexicon

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
# he / him / his / she / her: a person's pronoun (``data/speaker_pronouns.txt``)
PRONOUN_GENDER = {w: cls.split(",")[0] for w, cls in lexicon.mapping("speaker_pronouns.txt").items()
                  if cls.split(",")[0] in ("male", "female")}
# What the parser calls the noun after a cue it did not see as inverted ('said the
# senator'); "tell" and "ask" take the addressee there ('told reporters'), not the speaker.
INVERTED_SUBJECT_DEPS = ("nsubj", "dobj", "npadvmod", "attr", "dep", "oprd")
ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "assure", "warn", "remind", "urge"})
QUOTE_TOKENS = ("”", '"', "“", "''")
# Entity types that name a speaker after a description ("the engineer Tom Ruiz", "the
# statistics agency Destatis": the tagger may take an agency for a place).
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@dataclass
class Cue:
    """A cue (a reporting verb, or the colon of 'X: "..."') and the speaker mention it attaches to."""

    verb: Token
    speaker: SpacySpan | None


def british(lemma: str) -> str | None:
    """The British spelling of an -ize/-yze verb ('emphasize' -> 'emphasise'): the lexicons are
    learned from US news, world news writes both."""
    if lemma.endswith(("ize", "yze")) and len(lemma) > 5:
        return lemma[:-2] + "se"
    return None


@cache
def reporting_verbs() -> frozenset[str]:
    """Lemmas of verbs that report a clause: learned (``data/reporting_verbs.txt``), verbs of
    speaking (``data/speech_verbs.txt``), and the British spellings of both; less the learned lemmas
    that report no speech (``data/not_reporting_verbs.txt``)."""
    words = (lexicon.words("reporting_verbs.txt") - _not_reporting()) | lexicon.words("speech_verbs.txt")
    return words | {b for w in words if (b := british(w))}


def _not_reporting() -> frozenset[str]:
    return frozenset(row[0].lower() for row in lexicon.rows("not_reporting_verbs.txt"))


@cache
def frames() -> dict[str, frozenset[str]]:
    """Lemma -> the complements of it that hold reported content besides a clause
    (``data/reporting_frames.txt``: "dobj", "xcomp", "prep:of", ...; British spellings too)."""
    out: dict[str, set[str]] = {}
    for row in lexicon.rows("reporting_frames.txt"):
        lemma = row[0].lower()
        if lemma in _not_reporting():
            continue
        for key in (lemma, british(lemma)):
            if key:
                out.setdefault(key, set()).add(row[1])
    return {k: frozenset(v) for k, v in out.items()}


def is_reporting_lemma(lemma: str) -> bool:
    """A verb that reports, through a clause or through another complement."""
    return lemma in reporting_verbs() or lemma in frames()


@cache
def _reporting_verb_hashes() -> np.ndarray:
    """The lexicon as spaCy string hashes (the same in every vocabulary), computed once."""
    return np.array([hash_string(v) for v in reporting_verbs()], dtype=np.uint64)


def candidates(doc: Doc) -> list[Token]:
    """Verbs whose lemma is a reporting verb, found on the token arrays (no Token objects
    are made for the other words: this runs over every token of every input)."""
    if not len(doc):
        return []
    arr = doc.to_array([LEMMA, POS])
    hits = np.isin(arr[:, 0], _reporting_verb_hashes()) & np.isin(arr[:, 1], [VERB, AUX])
    return [tok for i in hits.nonzero()[0].tolist() if not discourse_marker(tok := doc[i]) and not premodifier(tok)]


def premodifier(verb: Token) -> bool:
    """A participle before a noun, after a possessive or an article ('Stadia's recommended
    Chromecast', 'the reported deal'): a modifier, whatever the parser made of it, not a cue."""
    doc = verb.doc
    return verb.i > 0 and verb.tag_ in ("VBN", "VBD") and (doc[verb.i - 1].tag_ == "POS" or (
        doc[verb.i - 1].dep_ == "det" and doc[verb.i - 1].head.i > verb.i))




def discourse_marker(verb: Token) -> bool:
    """A reporting verb in a fixed phrase that opens a sentence and reports nothing: "That
    being said,", "Having said that,", "That said,", "Needless to say,"."""
    doc, start = verb.doc, verb.sent.start
    words = [t.lower_ for t in doc[start:verb.i]]
    after = [t.lower_ for t in doc[verb.i + 1:verb.i + 3]]
    if not words or any(w not in lexicon.words("marker_words.txt") for w in words):
        return False
    if after[:1] == [","]:
        return True
    return words == ["having"] and after[:1] in (["that"], ["this"], ["so"]) and after[1:] == [","]


def detached(comp: Token, verb: Token) -> bool:
    """A clause after the verb with a relative clause between them ('she said of the election,
    in which she was sure Trump would win'): the parser gave the relative clause's complement to
    the verb; it is not what the verb reports."""
    if comp.i < verb.i:
        return False
    return any(t.dep_ == "relcl" and verb.i < t.i < comp.left_edge.i for t in verb.doc[verb.i:comp.left_edge.i])


def adverbial_mark(comp: Token) -> bool:
    """A clause opened by a subordinating word other than "that", "whether" or "if" ('said as
    the crowd booed', 'said because ...') says when or why, not what."""
    return any(k.dep_ == "mark" and k.lower_ not in ("that", "whether", "if") and k.i < comp.i for k in comp.children)


@cache
def _question_lemmas() -> frozenset[str]:
    return frozenset(lemma.lower() for lemma, comp in lexicon.rows("request_frames.txt") if comp == "question")


def question_verb(verb: Token) -> bool:
    """A verb that reports a question: one whose "question" frame ``data/request_frames.txt``
    lists (its if/whether clause is what was asked, ``questions.py``)."""
    return verb.lemma_.lower() in _question_lemmas()


def asked_passive(verb: Token) -> bool:
    """'X was asked about Y' / 'X was asked whether ...': the one asked is the subject; who
    asked is not said (unless a "by" agent names them)."""
    return question_verb(verb) and any(c.dep_ == "nsubjpass" for c in verb.children) \
        and not any(c.dep_ == "agent" for c in verb.children)


def asked_participle(verb: Token) -> bool:
    """A passive participle without a subject ('Asked about X, Smith said ...', 'told Congress
    when asked: "..."'): the one it is said of answered; who asked is not said."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" \
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "agent" for c in verb.children)  # 'when asked by X': X asks


def told_passive(verb: Token) -> bool:
    """'Employees were told that ...': the subject of a passive verb whose object is the
    addressee is the one told, not the speaker (questions are ``asked_passive``'s)."""
    return verb.lemma_.lower() in ADDRESSEE_VERBS and not question_verb(verb) \
        and any(c.dep_ == "nsubjpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def medium(verb: Token) -> Token | None:
    """The document a passive report came in ('In an email sent by X, employees were told'):
    it speaks for its sender (``data/document_nouns.txt``)."""
    nouns = lexicon.words("document_nouns.txt")
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "via", "through"):
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in nouns:
                return obj
    return None


def subject(verb: Token) -> Token | None:
    """The verb's subject (in the passive, the "by" agent), or, for a verb without one, whom it
    is said of.

    * a participle or coordinated verb ("..., adding that", "she smiled and
      said"): the subject of the verb it hangs from;
    * a gerund after a preposition ("by saying that"): the subject of the
      verb the preposition modifies, but the object of "quoted X as saying";
    * a participle modifying a noun: the noun ("voters saying they want"),
      unless the noun is the object of a verb ("put out a statement saying",
      "emailed supporters saying"): then that verb's subject.
    """
    if asked_participle(verb):
        return None
    agent = by_agent(verb)  # of the cue itself: 'X was quoted by newspapers as saying' is X's
    if agent is not None:
        return agent
    if told_passive(verb):
        return medium(verb)
    if any(c.dep_ == "nsubjpass" for c in verb.children) and verb.lemma_.lower() != "quote":
        return None  # what 'has been described' or 'was reported' is said of; who said it is not said
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            return after_boundary(subj, verb)
        if verb.head.i == verb.i:
            return None
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            quoted = quoted_source(verb)
            if quoted is not None:
                return quoted
            verb = verb.head.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.dep_ == "advmod" \
                and verb.head.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head.head  # 'aside from saying', 'apart from saying': the verb "aside" modifies
        elif (outer := _outer_report(verb)) is not None:
            # 'X told Y that Z had ..., adding, "..."' / 'X said Z is ... and accused him of ...': a second
            # report of the first speaker, which the parser hung on the reported clause
            verb = outer
        elif verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and not is_reporting_lemma(verb.head.lemma_) \
                and is_reporting_lemma(verb.head.head.lemma_) and any(c.dep_ == "ccomp" for c in verb.children):
            # "X said the evidence supported it, and added (that) ...": a second report, parsed into the content
            verb = verb.head.head
        elif verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None  # 'His refusal to say which side ...', 'a plan to announce': the noun says nothing
        elif verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
                and any(c.dep_ == "nsubjpass" for c in verb.head.children):
            return None  # 'The video had been altered to show ...': a purpose, not the subject's report
        elif verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = verb.head
            if noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX"):
                return noun
            verb = noun.head
        elif verb.dep_ in ("advcl", "xcomp", "conj", "acl"):
            verb = verb.head
        else:
            return None
    return None


def _outer_report(verb: Token) -> Token | None:
    """The reporting verb whose reported clause the parser gave ``verb`` to, when ``verb`` is a
    report of its own: a participle after a comma or quotation mark, or a coordinated verb
    ('X said Z will have to choose, saying, "..."', 'X said Z is ... and accused him of ...')."""
    if verb.dep_ not in ("advcl", "conj") or not is_reporting_lemma(verb.lemma_):
        return None
    if verb.dep_ == "advcl" and not (verb.tag_ == "VBG" and verb.doc[verb.i - 1].text in (",", "”", '"')):
        return None
    clause = verb.head
    while clause.dep_ == "xcomp" and clause.head.i != clause.i:
        clause = clause.head
    outer = clause.head
    if clause.dep_ != "ccomp" or is_reporting_lemma(clause.lemma_) or not is_reporting_lemma(outer.lemma_) \
            or not any(c.dep_ in SUBJECT_DEPS for c in outer.children):
        return None
    return outer


def by_agent(verb: Token) -> Token | None:
    """Who speaks in the passive: 'was told by Israeli soldiers that ...', 'it was announced by
    the ministry that ...' (the subject is the one told, or the content)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None:
        return None
    return next((c for c in agent.children if c.dep_ == "pobj"), None)


def quoted_source(verb: Token) -> Token | None:
    """Whom 'the agency quoted X as saying' quotes: the object of "quote", not its subject
    (the passive 'X was quoted as saying' finds X as the subject)."""
    prep, head = verb.head, verb.head.head
    if prep.lower_ != "as" or head.lemma_.lower() != "quote":
        return None
    return next((c for c in head.children if c.dep_ == "dobj"), None)


_BOUNDARIES = ("—", "–", "--")


def after_boundary(subj: Token, verb: Token) -> Token:
    """The subject, unless a spaced dash lies between it and the verb: then the noun phrase
    after the last one (a dateline parsed as the subject: 'DENVER, May 3 (UPI) — Former
    Treasury Secretary Ann Cole told').  A dateline on a line of its own ('OSLO
    1996-08-31\\nHansen said') is a sentence of its own (sentences.py), so the parser never
    makes it the subject."""
    if subj.i > verb.i:
        return subj
    doc = verb.doc
    cut = next((k for k in range(verb.i - 1, subj.i, -1) if doc[k].text in _BOUNDARIES), None)
    if cut is None:
        return subj
    roots = [t for t in doc[cut + 1:verb.i] if not cut < t.head.i < verb.i and t.pos_ in ("NOUN", "PROPN", "PRON")]
    return roots[-1] if roots else subj


def speaker_span(subj: Token) -> SpacySpan:
    """The speaker mention: the subject's entity or its compact noun phrase; for "that" or
    "which" heading a relative clause, the noun it attaches to ('a poll that says ...')."""
    doc = subj.doc
    if subj.lower_ in ("that", "which") and subj.head.dep_ == "relcl" and subj.head.head.pos_ in ("NOUN", "PROPN"):
        return speaker_span(subj.head.head)
    if subj.ent_type_:
        s = e = subj.i
        while (s > 0 and doc[s - 1].ent_iob_ == "I") or (s > 0 and doc[s].ent_iob_ == "I"):
            s -= 1
        # not past the subject's phrase: a title-case headline runs the name into the verb
        # ('Trump Says He Never ...' tagged as one PERSON)
        stop = subj.head.i if subj.head.i > subj.i and subj.head.pos_ in ("VERB", "AUX") else len(doc)
        while e + 1 < min(len(doc), stop) and doc[e + 1].ent_iob_ == "I":
            e += 1
        # keep title words before the name ("Interim President Ahmed Al-Sharaa")
        while s > 0 and doc[s - 1].dep_ in ("compound", "amod") and doc[s - 1].head.i in range(s, e + 1) \
                and doc[s - 1].pos_ in ("PROPN", "ADJ", "NOUN"):
            s -= 1
        return doc[s:e + 1]
    # "the engineer Tom Ruiz", "the statistics agency Destatis": a name in apposition or right
    # after the noun is the speaker
    # ("Acme SpA chairman and chief executive officer Anna Berti Rossi": after a coordinated title)
    named = next((c for t in (subj, *(c for c in subj.children if c.dep_ == "conj" and c.pos_ == "NOUN"))
                  for c in t.children if c.dep_ in ("appos", "compound") and c.i > t.i
                  and (c.ent_type_ in NAME_TYPES or c.pos_ == "PROPN")), None)
    if named is None and subj.i + 1 < len(doc) and doc[subj.i + 1].ent_type_ in NAME_TYPES \
            and doc[subj.i + 1].ent_iob_ == "B":
        named = doc[subj.i + 1]
    if named is not None:
        return speaker_span(named)
    left = [t for t in subj.lefts if t.dep_ in ("det", "compound", "amod", "poss", "nmod")]
    start = min([subj.i, *(t.left_edge.i for t in left)])
    return doc[start:subj.i + 1]


def cue_span(verb: Token) -> SpacySpan:
    """The cue: the verb with its auxiliaries ("has warned")."""
    doc = verb.doc
    auxes = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass") and c.i >= verb.i - 3]
    start = min([verb.i, *(a.i for a in auxes)])
    if any(doc[k].dep_ not in ("aux", "auxpass", "neg") for k in range(start, verb.i)):
        start = verb.i
    return doc[start:verb.i + 1]


def loose_speaker(verb: Token) -> SpacySpan | None:
    """A speaker the parser did not attach as subject: the name right next to the cue
    ('"...," William Daley, a former aide, said' / '"...," said Jane Doe, who ...'), or the
    noun phrase after an inverted cue ('"...," added another New Hampshire Democrat')."""
    doc = verb.doc

    def boundary(tok: Token) -> bool:
        return tok.text in QUOTE_TOKENS or "\n" in tok.text

    def named(tok: Token) -> bool:
        return tok.ent_type_ in ("PERSON", "ORG", "NORP") or (tok.pos_ == "PRON" and tok.lower_ in PRONOUN_GENDER)

    for i in range(verb.i - 1, max(-1, verb.i - 12), -1):
        if boundary(doc[i]):
            break
        if named(doc[i]) or (doc[i].pos_ == "PROPN" and i == verb.i - 1):  # '"...," Conway notes'
            return speaker_span(doc[i])
    inverted = after_quote_speaker(verb)
    if inverted is not None:  # a name in the phrase after the cue first ('said Secretary of State Ann Cole')
        for tok in doc[verb.i + 1:min(len(doc), verb.i + 9)]:
            if boundary(tok) or tok.is_punct:
                break
            if tok.ent_type_ in ("PERSON", "ORG"):
                return speaker_span(tok)
        return inverted
    for i in range(verb.i + 1, min(len(doc), verb.i + 6)):
        tok = doc[i]
        if boundary(tok) or tok.is_punct:
            break
        if named(tok):
            return speaker_span(tok)
        if tok.head.i == verb.i and tok.dep_ in INVERTED_SUBJECT_DEPS and tok.pos_ in ("NOUN", "PROPN") \
                and verb.lemma_ not in ADDRESSEE_VERBS:
            return speaker_span(tok)
    return None


_PRONOUN_SPEAKERS = frozenset({"another", "one", "others", "both", "several", "many", "some"})


def after_quote_speaker(verb: Token) -> SpacySpan | None:
    """The noun phrase right after a cue that directly follows a quotation ('"...," said the
    woman, who ...', '"...?" asked the boy', '"...," tweeted another', '"...," said Skelly,
    explaining ...'): in that order it is the speaker, whatever the parser made of it (the
    subject of a later clause, an object, an adverb)."""
    doc = verb.doc
    before = [t for t in doc[max(0, verb.i - 2):verb.i] if not t.is_space]
    if not before or before[-1].text not in QUOTE_TOKENS:
        return None
    words: list[Token] = []
    for tok in doc[verb.i + 1:min(len(doc), verb.i + 7)]:
        if tok.is_punct or tok.is_space or (tok.pos_ in ("VERB", "AUX", "ADP", "PRON", "SCONJ") \
                and tok.lower_ not in _PRONOUN_SPEAKERS):
            break
        words.append(tok)
    heads = [t for t in words if t.pos_ in ("NOUN", "PROPN") or t.lower_ in _PRONOUN_SPEAKERS
             or (t.is_title and t.is_alpha)]
    if not heads:
        return None
    return doc[words[0].i:heads[-1].i + 1]


def reporting_cues(sent: SpacySpan, verbs: list[Token]) -> list[Cue]:
    """The reporting verbs of a sentence with their speakers."""
    out = []
    for tok in verbs:
        if sent.start <= tok.i < sent.end and not asked_participle(tok):
            subj = subject(tok)
            out.append(Cue(tok, speaker_span(subj) if subj is not None else loose_speaker(tok)))
    return out
