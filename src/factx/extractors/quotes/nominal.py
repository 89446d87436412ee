"""Nominal cues: speech or opinion carried by a noun ("in X's view", "In a statement, X ...").

The nouns are the ones PolNeAR train's cues use (``data/opinion_nouns.txt``,
``data/statement_nouns.txt``).
"""

from __future__ import annotations

from functools import cache

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ... import lexicon
from .collector import Collector
from .content import char_range, content_span, trimmed
from .cues import SUBJECT_DEPS, reporting_verbs, speaker_span


@cache
def _nominal_cue_hashes() -> np.ndarray:
    words = lexicon.words("opinion_nouns.txt") | lexicon.words("statement_nouns.txt")
    return np.array([hash_string(w) for w in words], dtype=np.uint64)


NominalCue = tuple[int, int, int, SpacySpan, SpacySpan, Token | None]


def find_nominal_cues(doc: Doc) -> list[NominalCue]:
    """(content start, content end, sentence start, cue, speaker, verb) of cues made by a noun.

    * "In Bolton's view, CLAUSE" / "CLAUSE, in his view": the possessor is the
      speaker, the rest of the sentence the content (like "according to");
    * "Bolton's view is that CLAUSE": the possessor and the complement clause;
    * "In a statement, the ministry condemned X": the subject of the verb the
      phrase modifies is the speaker, the rest of that verb's clause the
      content (when the verb is itself a reporting verb, the verb is the cue
      and this is not needed).
    """
    if not len(doc):
        return []
    opinion = lexicon.words("opinion_nouns.txt")
    out: list[NominalCue] = []
    hits = np.isin(doc.to_array([LOWER]).reshape(-1), _nominal_cue_hashes()).nonzero()[0].tolist()
    for i in hits:  # found on the token array: no Token object for the other words
        tok = doc[i]
        word = tok.lower_
        head = tok.head  # the preposition "in", or the verb "is"
        if word in opinion:
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is None:
                continue
            speaker = doc[poss.left_edge.i:poss.i + 1]
            if tok.dep_ == "pobj" and head.lower_ == "in":
                phrase = set(range(head.left_edge.i, head.right_edge.i + 1))
                rng = trimmed([t for t in tok.sent if t.i not in phrase])
                if rng is not None:
                    out.append((*rng, tok.sent.start, doc[head.i:tok.i + 1], speaker, None))
            elif tok.dep_ == "nsubj" and head.lemma_ == "be":
                comp = next((c for c in head.children if c.dep_ == "ccomp"), None)
                trng = content_span(comp, head) if comp is not None else None
                if trng is not None and trng[1] - trng[0] >= 3:
                    out.append((*char_range(doc, trng), tok.sent.start, doc[tok.i:head.i + 1], speaker, None))
        elif tok.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB" \
                and head.head.lemma_ not in reporting_verbs():
            verb = head.head
            subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is None:
                continue
            skip = {*range(head.left_edge.i, head.right_edge.i + 1), *range(subj.left_edge.i, subj.right_edge.i + 1)}
            rng = trimmed([t for t in verb.subtree if t.i not in skip])
            if rng is not None:
                out.append((*rng, verb.sent.start, doc[head.i:tok.i + 1], speaker_span(subj), verb))
    return out


def nominal_cues(found: Collector) -> None:
    """Pass: quotes cued by a noun, unless their content or verb is already taken
    ('In an interview, X went on: "..."' is cued by its verb)."""
    cue_starts = found.cue_starts()
    for cs, ce, sent_start, cue, src, verb in find_nominal_cues(found.doc):
        if found.overlaps(cs, ce) or (verb is not None and verb.idx in cue_starts):
            continue
        found.add("indirect", cs, ce, sent_start, cue, src)
