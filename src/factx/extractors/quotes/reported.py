"""Reported speech from the parse: a reporting verb and what it reports, and "according to X".

A reporting verb (lexicon ``data/reporting_verbs.txt``, learned from PolNeAR
train) with a clausal complement is the cue, its subject the speaker and the
complement the content; a parenthetical cue ("Prices rose, he said")
reports the clause it hangs from.  "according to X" is a cue of its own.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import VERB
from spacy.strings import hash_string
from spacy.tokens import Token

from .collector import Collector
from .content import char_range, content_span, parenthetical_content, reported_kind, stripped
from .cues import (
    ADDRESSEE_VERBS,
    CONTENT_DEPS,
    asked_participle,
    frames,
    loose_speaker,
    reporting_verbs,
    speaker_span,
    subject,
)


def verb_reports(found: Collector) -> None:
    """Pass: reporting verb + clausal complement, or a parenthetical reporting verb."""
    doc, text = found.doc, found.text
    for tok in found.candidates:
        # the complement after the verb first: one before it is often a quote already taken
        comps = sorted((c for c in tok.children if c.dep_ in CONTENT_DEPS), key=lambda c: c.i < tok.i)
        if not comps:
            comps = noun_complement(tok) or object_clause(tok)
        asked = asked_participle(tok)
        if asked and not comps:
            comps = asked_about(tok)
        if comps:
            ranges = [with_object_subject(content_span(c, tok), c, tok) for c in comps]
        elif tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
            ranges = [parenthetical_content(tok)]  # "Prices rose, he said." / "The plan, she said, is dead."
        else:
            continue
        free = [(rng, char_range(doc, rng)) for rng in ranges if rng is not None]
        free = [(rng, chars) for rng, chars in free if not found.clashes(*chars, tok.idx)]  # one may hold another
        if not free:
            continue
        rng, (cs, ce) = free[0]
        if asked:  # 'Asked whether he would run, Smith said ...': the question, its asker unnamed
            found.add("indirect", cs, ce, rng[0], tok, None)
            continue
        subj = subject(tok)
        if subj is not None:
            speaker = speaker_span(subj)
        elif tok.tag_ in FINITE_TAGS:  # a finite verb has a subject the parser missed ('X, Zycie Warszawy daily said')
            speaker = loose_speaker(tok)
        else:
            speaker = None
        if speaker is None or (cs < speaker.end_char and speaker.start_char < ce and not cs <= tok.idx < ce):
            continue  # no one is part of what they say ('said Ann Cole, director of the programme ...');
            # a parenthetical cue and its speaker sit inside the clause ('Time, Pence added, was ...')
        found.add(reported_kind(text[cs:ce]), cs, ce, rng[0], tok, speaker)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def with_object_subject(rng: tuple[int, int] | None, comp: Token, verb: Token) -> tuple[int, int] | None:
    """``rng`` widened to the subject of the reported clause when the parser made it the verb's
    object ('said his focus groups and other research show that ...': "groups" the object of
    "said", "show" a noun): a verb of saying takes a clause, not an object and a clause (the
    verbs whose object is the addressee, 'told reporters that', are left alone)."""
    if rng is None or comp.i < verb.i or verb.lemma_.lower() in ADDRESSEE_VERBS:
        return rng
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < comp.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return rng
    return (obj.left_edge.i, rng[1])


def asked_about(verb: Token) -> list[Token]:
    """What 'asked about X' asks: the object of "about" (a question reported by its topic)."""
    return [obj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "about" and prep.i > verb.i
            for obj in prep.children if obj.dep_ == "pobj"]


_RELATIVE = frozenset({"that", "which", "who", "whom", "whose", "where", "when"})


def object_clause(verb: Token) -> list[Token]:
    """A clause the parser read as the verb's object: 'Lund says the rise in prices
    that the union fears also makes a strike more likely' (the noun "rise" as object,
    "makes" as a relative clause on it).  A relative clause has a subject or a relative word;
    a finite one with neither is the rest of a clause whose subject is the "object"."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.i < verb.i:
            continue
        for rel in obj.children:
            if rel.dep_ == "relcl" and rel.i > obj.i and (rel.tag_ in FINITE_TAGS or any(
                    c.dep_ == "aux" and c.tag_ == "MD" for c in rel.children)) \
                    and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") or c.lower_ in _RELATIVE
                                for c in rel.children):
                return [obj]
    return []


def noun_complement(verb: Token) -> list[Token]:
    """The clause a reporting verb reports through a noun of its own: 'said in a statement that
    CLAUSE', 'said in a separate report that CLAUSE' (the parser hangs the clause on the noun,
    with "that" as its complementiser; a relative clause has none)."""
    out = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            out.extend(c for c in obj.children if c.dep_ in ("acl", "relcl") and c.i > obj.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children))
    return out


def according_to(found: Collector) -> None:
    """Pass: "according to X, CLAUSE" / "CLAUSE, according to X": X the speaker, the rest of
    the sentence (on the cue's line) the content, even around a quote found already ('Most
    voters said Y, according to a poll': the poll reports what the voters said)."""
    doc = found.doc
    if not len(doc):
        return
    according = doc.vocab.strings.add("according")
    for i in (doc.to_array([LOWER]) == according).nonzero()[0].tolist():
        tok = doc[i]
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None:
            continue
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        sent = tok.sent
        src = doc[obj.left_edge.i:obj.right_edge.i + 1]
        line_start = found.text.rfind("\n", 0, tok.idx) + 1
        line_end = found.text.find("\n", tok.idx) % (len(found.text) + 1)
        rest = stripped([t for t in sent if not (tok.i <= t.i <= obj.right_edge.i)
                         and line_start <= t.idx < line_end], keep_closing_marks=False)
        if not rest:
            continue
        cs, ce = rest[0].idx, rest[-1].idx + len(rest[-1].text)
        if any((s < cs or ce < e or (s, e) == (cs, ce)) for s, e in found.taken if s < ce and cs < e):
            continue  # nested reports are kept: 'X said Y, according to Z' attributes "X said Y" to Z
        found.add("indirect", cs, ce, sent.start, doc[tok.i:to.i + 1], src)


@cache
def _frame_hashes() -> np.ndarray:
    return np.array([hash_string(v) for v in frames()], dtype=np.uint64)


def _frame_parts(verb: Token, wanted: frozenset[str]) -> tuple[list[Token], Token | None]:
    """The complements of ``verb`` that its frames name, and the preposition that joins the cue
    when the content is a prepositional object ('pointed to X': ``pobj:to``)."""
    parts: list[Token] = []
    prep = None
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ == "prep":
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if f"prep:{c.lower_}" in wanted:
                parts.append(c)
            elif obj is not None and f"pobj:{c.lower_}" in wanted and not parts and prep is None:
                parts.append(obj)
                prep = c
        elif c.dep_ in wanted:
            parts.append(c)
    return parts, prep


_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "who"})


def _source_like(subj: Token) -> bool:
    """A subject that can say something: a name, a personal pronoun, or a noun the article
    gives a name to ('the senator', 'critics' are left out: without a name or a pronoun a
    noun is as often a thing, 'all signs point to', 'the platform will endorse')."""
    return subj.pos_ == "PROPN" or bool(subj.ent_type_) or subj.lower_ in _PERSONAL \
        or any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in subj.children)


def _adjunct(verb: Token) -> bool:
    """A verb that says why or how something else was done, not what someone said: an
    infinitive of purpose ('went before the legislature to urge Arabs to ...') or a participle
    that is not a verb of speech ('raced to the scene, hoping to find survivors', 'the
    newspaper, quoting witnesses, said')."""
    if verb.dep_ != "advcl" and not (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True
    return verb.tag_ == "VBG" and verb.lemma_.lower() not in reporting_verbs()


def _names_a_speaker(found: Collector, start: int, end: int) -> bool:
    """The content lies inside the speaker of a quote already found, or runs straight into it: a
    description before a name, with a word of it taken for a verb ('Romanian listed state
    engineer Norvik said ...')."""
    base = found.ctx.base
    for q in found.quotes:
        if q.speaker is None:
            continue
        s, e = q.speaker.start - base, q.speaker.end - base
        if s <= start < e or (end <= s and found.text[end:s].strip() == ""):
            return True
    return False


def frame_reports(found: Collector) -> None:
    """Pass: what a verb reports through its object, infinitive or prepositional complement
    ("announced his resignation", "vowed to fight on", "accused the mayor of lying", "pointed
    to the record"): the complements after the verb that its frames name (learned from
    PolNeAR train) are the content, the active subject the speaker."""
    doc = found.doc
    if not len(doc):
        return
    arr = doc.to_array([LEMMA, POS])
    hits = (np.isin(arr[:, 0], _frame_hashes()) & (arr[:, 1] == VERB)).nonzero()[0].tolist()
    cue_starts = found.cue_starts()
    lemma_frames = frames()
    for i in hits:
        verb = doc[i]
        if verb.idx in cue_starts:
            continue
        parts, prep = _frame_parts(verb, lemma_frames.get(verb.lemma_.lower(), frozenset()))
        if not parts:
            continue
        if _adjunct(verb):
            continue
        subj = subject(verb)  # in a relative clause too: 'Clinton, who announced a plan on Monday, ...'
        if subj is None or subj.dep_ != "nsubj" or not _source_like(subj):
            continue
        toks = stripped(list(doc[min(c.left_edge.i for c in parts):max(c.right_edge.i for c in parts) + 1]))
        if not toks:
            continue
        cs, ce = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if found.overlaps(cs, ce) or _names_a_speaker(found, cs, ce):
            continue
        cue = doc[verb.i:prep.i + 1] if prep is not None else verb
        found.add(reported_kind(found.text[cs:ce]), cs, ce, toks[0].i, cue, speaker_span(subj))
