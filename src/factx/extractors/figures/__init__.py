"""Figures: numbers that state a fact, with value, unit, what they count and what happened.

GOLD_FORMAT.md (section Figures) is the spec.  The extractor is a sequence of passes, one module each:

1. ``read``: number cores, one reader per way of writing a number: digits ("9,000", "1.5", "3bn",
   "4-1/2"), number words ("two", "forty-five"), scale words ("1.5 million"), "a dozen", "half a
   million", vague magnitudes ("hundreds", "several million").
2. ``exclude``: cores the guidelines leave out, one predicate per rule: dates, years, clock times,
   ordinals, identifiers ("Part 3", "G8", "1080p"), names ("Gang of Eight", "One Home Depot"), idioms
   and ranks ("two-way"), "one" as pronoun or article, and the optional durations and ages; ``layout``
   has the rules the layout decides (result lines, seeds and table rows, phone numbers), ``around``
   the tokens they read.
3. ``widen``: currency sign and unit words ("$4.5 million", "45 percent", "20ft") and the
   qualifier ("approximately").
4. ``combine``: won-lost records dropped whole ("4-2-1"), ranges joined into one figure ("between 50
   and 60", "$200,000 to $300,000"), poll pairs, market moves and conversions kept as two, units spread
   by ellipsis ("11 and 8 percent"), "from A to B" levels paired.
5. ``counted``: the counted noun and the event word from the dependency parse (the noun it modifies, its
   "of" or "in" complement, the quantity it is the level of in its clause).
6. ``links``: ``part_of`` from cue words between two figures ("1,311, including 830 civilians").

Lexicons (scales, currencies, units, qualifiers, time nouns, idioms) are data files in ``factx/data``.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from spacy.tokens import Doc

from ...models import Figure, Span
from ..context import Context
from .combine import combine
from .counted import counted, event
from .exclude import excluded
from .lex import DASHES, is_scale
from .links import link_parts
from .read import read_core
from .widen import Cand, attach_qualifier, widen
from .words import words_of

__all__ = ["extract_figures"]


def candidates(doc: Doc) -> list[Cand]:
    """Passes 1-3 over the words of ``doc``: read a core, widen it, drop it if excluded, take its qualifier."""
    words = words_of(doc)
    cands: list[Cand] = []
    k = 0
    dropped = -1  # token end of the last excluded core
    while k < len(words):
        got = read_core(doc, words, k)
        if got is None:
            k += 1
            continue
        core, k = got
        c = widen(doc, core)
        # the widened unit may swallow the next word ("5-point"): skip words already used
        while k < len(words) and words[k].start < c.end:
            k += 1
        if excluded(doc, core, c.unit is not None) or _glued_to(doc, dropped, core.start):
            dropped = c.end
            if cands and _glued_to(doc, cands[-1].end, core.start):  # "6-1" with "1" left out: both go
                cands.pop()
            continue
        attach_qualifier(doc, c)
        cands.append(c)
    return cands


def _span(doc: Doc, ctx: Context, c: Cand) -> Span:
    """The figure's characters; a full stop glued to its last word ("$3m.", "12m.") is the sentence's."""
    span = doc[c.start:c.end]
    if c.end - 1 >= c.core.start and re.fullmatch(r"[^\W\d_]+\.", doc[c.end - 1].text):
        return ctx.char_span(span.start_char, span.end_char - 1)
    return ctx.span(span)


def _glued_to(doc: Doc, end: int, start: int) -> bool:
    """The number at ``start`` is glued by a dash to a number ending at ``end``: the halves of a score or a
    code ("Giants 3-2", "Essex 532-8", "6-1 6-0") share their fate."""
    return start == end + 1 and doc[end].text in DASHES and doc[end - 1].whitespace_ == "" \
        and doc[end].whitespace_ == ""


def to_figure(doc: Doc, ctx: Context, c: Cand) -> Figure:
    """The output record of a candidate: value, bounds, approximation, counted noun and event."""
    core = c.core
    if c.high is not None:
        value, low, high = None, c.low, c.high
    elif core.value is None:
        value, low, high = None, (core.low or 0) * c.factor or None, None
    else:
        value, low, high = core.value * c.factor, None, None
    if value is not None:
        value = round(value, 10)
    # a bare scale word ("billion-dollar loss") is an order of magnitude, not an exact amount
    bare_scale = core.words and is_scale(doc[core.start].lower_)
    noun, relation = counted(doc, c.range_of) if c.range_of else (None, None)
    if noun is None:
        noun, relation = counted(doc, c)
    if noun is None and c.level_of is not None:
        noun, relation = counted(doc, c.level_of)
    return Figure(
        id="",
        **asdict(_span(doc, ctx, c)),
        value=value,
        unit=c.unit,
        counted=noun,
        counted_relation=relation,
        approximate=value is None or c.qualifier is not None or bare_scale,
        qualifier=c.qualifier,
        low=low,
        high=high,
        event=event(doc, c),
        sentence=ctx.sentence_of(core.start),
    )


def extract_figures(doc: Doc, ctx: Context | None = None) -> list[Figure]:
    """Every figure in ``doc``, in text order, ids ``f1``, ``f2``, ... (renumbered later if merged)."""
    ctx = ctx or Context(doc)
    figures: list[tuple[Cand, Figure]] = []
    for c in combine(doc, candidates(doc)):
        if ctx.non_fact_furniture.overlaps(*ctx.global_range(doc[c.start:c.end])):
            continue
        figures.append((c, to_figure(doc, ctx, c)))
    figures.sort(key=lambda p: p[1].start)
    for i, (_, f) in enumerate(figures, 1):
        f.id = f"f{i}"
    link_parts(doc, figures)
    return [f for _, f in figures]
