"""Quote paragraphs: a paragraph that is nothing but a quotation carries on the speaker before it.

News writes 'Lund said that 2,000 jobs would go.' and then, as the next
paragraph, '"That is a third of the plant."' with no cue: the quotation is
Lund's.  The direct pass already carries a direct quote
on into such a paragraph; this pass does the same after reported speech
(found by the later passes), once every attributed quote is known.
"""

from __future__ import annotations

import re

from ...models import Quote
from .collector import Collector
from .direct import minor_quote

# a sentence of the writer's that starts after the attributed quote: then the quotation is not
# the next thing after it ('X said Y. The vote is Tuesday.\n\n"..."')
_NEW_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*\s+\S")
MAX_GAP = 300


def _fills_its_paragraph(text: str, qs: int, qe: int) -> bool:
    """Only spaces lie between the quotation and the line breaks around it."""
    before = text[text.rfind("\n", 0, qs) + 1:qs]
    nl = text.find("\n", qe)
    after = text[qe:nl if nl >= 0 else len(text)]
    return not before.strip() and not after.strip()


def _after_its_cue(prev: Quote, gap: str) -> bool:
    """The quotation follows, in the same paragraph, the sentence that ends with the attributed
    quote's cue ('..., he added. "You name it, ..."'): only that cue, its speaker and
    punctuation lie between them."""
    if prev.cue is None or prev.speaker is None or "\n" in gap:
        return False
    tail = max(prev.cue.end, prev.speaker.end) - prev.end
    return 0 < tail <= len(gap) and not gap[tail:].strip(" \t.!?")


def _ends_its_paragraph(text: str, qe: int) -> bool:
    nl = text.find("\n", qe)
    return not text[qe:nl if nl >= 0 else len(text)].strip()


def quote_paragraphs(found: Collector) -> None:
    """Pass: a quotation that fills its paragraph, with no cue of its own, right after a
    paragraph whose last sentence holds an attributed quote, is a direct quote of the same
    speaker with the same cue (a quote of its own: reported speech and its quotation are two
    statements); so is one that ends its paragraph right after the sentence that ends with
    that quote's cue ('..., Dempsey said. "That way they may ..."')."""
    doc, text, base = found.doc, found.text, found.ctx.base
    for qs, qe in found.marks:
        if found.overlaps(qs, qe) or minor_quote(text[qs + 1:qe - 1].strip(" '`")) \
                or not _ends_its_paragraph(text, qe):
            continue
        before = [q for q in found.quotes if q.end - base <= qs]
        if not before:
            continue
        prev = max(before, key=lambda q: q.end)
        if prev.speaker is None:
            continue
        gap = text[prev.end - base:qs]
        breaks = list(found.paragraph_break.finditer(gap))
        if not _after_its_cue(prev, gap) and (
                not _fills_its_paragraph(text, qs, qe) or len(gap) >= MAX_GAP or len(breaks) != 1
                or gap[breaks[0].end():].strip(" \t") or "\n" in gap[:breaks[0].start()]
                or _NEW_SENTENCE.search(gap[:breaks[0].start()])):
            continue
        span = doc.char_span(qs, qe, alignment_mode="expand")
        speaker = doc.char_span(prev.speaker.start - base, prev.speaker.end - base)
        cue = doc.char_span(prev.cue.start - base, prev.cue.end - base) if prev.cue is not None else None
        if span is None or speaker is None:
            continue
        found.add("direct", qs, qe, span[0].i, cue, speaker)
