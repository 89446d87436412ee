"""Gerund subjects: 'Lee said having Ruiz on the ticket puts every seat at risk'.

A reported clause whose subject is a gerund phrase ('having Ruiz on the
ticket', 'seeing so many officers', 'legalizing it') is misread by the parser:
the gerund becomes an open complement of "said" and the clause's verb a clause
hanging from the gerund, so the reported-speech pass, which reads the clausal
complements of the cue, finds nothing.  The gerund with everything it heads is
what was said.
"""

from __future__ import annotations

from spacy.tokens import Token

from .collector import Collector
from .content import reported_kind, stripped
from .cues import loose_speaker, speaker_span, subject

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(tok: Token) -> bool:
    return tok.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in tok.children)


def gerund_reports(found: Collector) -> None:
    """Pass: a reporting verb whose open complement is a gerund heading a finite clause ('said
    legalizing it could put thousands to work'): the gerund phrase and that clause are the content."""
    doc, text = found.doc, found.text
    for verb in found.candidates:
        ger = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1), None)
        if ger is None or not any(c.dep_ in ("ccomp", "conj") and c.i > ger.i and _finite(c) for c in ger.children):
            continue
        toks = stripped(list(doc[ger.i:ger.right_edge.i + 1]))
        if len(toks) < 3:
            continue
        cs, ce = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if found.overlaps(cs, ce):
            continue
        subj = subject(verb)
        speaker = speaker_span(subj) if subj is not None else loose_speaker(verb)
        if speaker is None or speaker.end_char > cs:
            continue
        found.add(reported_kind(text[cs:ce]), cs, ce, toks[0].i, verb, speaker)
