"""Reported speech from the parse: a reporting verb and what it reports, and "according to X".

A reporting verb (lexicon ``data/reporting_verbs.txt``, learned from PolNeAR
train) with a clausal complement is the cue, its subject the speaker and the
complement the content; a parenthetical cue ("Prices rose, he said")
reports the clause it hangs from.  "according to X" is a cue of its own.
"""

from __future__ import annotations

from spacy.attrs import LOWER

from .collector import Collector
from .content import char_range, content_span, parenthetical_content, reported_kind, stripped
from .cues import CONTENT_DEPS, speaker_span, subject


def verb_reports(found: Collector) -> None:
    """Pass: reporting verb + clausal complement, or a parenthetical reporting verb."""
    doc, text = found.doc, found.text
    for tok in found.candidates:
        comps = [c for c in tok.children if c.dep_ in CONTENT_DEPS]
        if comps:
            rng = content_span(comps[0], tok)
        elif tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
            rng = parenthetical_content(tok)  # "Prices rose, he said." / "The plan, she said, is dead."
        else:
            continue
        if rng is None:
            continue
        cs, ce = char_range(doc, rng)
        if found.overlaps(cs, ce):
            continue
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
