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
from .cues import CONTENT_DEPS, frames, speaker_span, subject


def verb_reports(found: Collector) -> None:
    """Pass: reporting verb + clausal complement, or a parenthetical reporting verb."""
    doc, text = found.doc, found.text
    for tok in found.candidates:
        # the complement after the verb first: one before it is often a quote already taken
        comps = sorted((c for c in tok.children if c.dep_ in CONTENT_DEPS), key=lambda c: c.i < tok.i)
        if comps:
            ranges = [content_span(c, tok) for c in comps]
        elif tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
            ranges = [parenthetical_content(tok)]  # "Prices rose, he said." / "The plan, she said, is dead."
        else:
            continue
        free = [(rng, char_range(doc, rng)) for rng in ranges if rng is not None]
        free = [(rng, chars) for rng, chars in free if not found.overlaps(*chars)]
        if not free:
            continue
        rng, (cs, ce) = free[0]
        subj = subject(tok)
        if subj is None:
            continue
        found.add(reported_kind(text[cs:ce]), cs, ce, rng[0], tok, speaker_span(subj))


def according_to(found: Collector) -> None:
    """Pass: "according to X, CLAUSE" / "CLAUSE, according to X": X the speaker, the rest of
    the sentence the content."""
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
        rest = stripped([t for t in sent if not (tok.i <= t.i <= obj.right_edge.i)], keep_closing_marks=False)
        if not rest:
            continue
        cs, ce = rest[0].idx, rest[-1].idx + len(rest[-1].text)
        if found.overlaps(cs, ce):
            continue
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
        subj = subject(verb)
        if subj is None or subj.dep_ != "nsubj" or not _source_like(subj) or verb.dep_ == "relcl":
            continue  # 'a candidate who pledged to ban ...': the writer's background, not a report
        toks = stripped(list(doc[min(c.left_edge.i for c in parts):max(c.right_edge.i for c in parts) + 1]))
        if not toks:
            continue
        cs, ce = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if found.overlaps(cs, ce):
            continue
        cue = doc[verb.i:prep.i + 1] if prep is not None else verb
        found.add(reported_kind(found.text[cs:ce]), cs, ce, toks[0].i, cue, speaker_span(subj))
