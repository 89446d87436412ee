"""Times: time expressions as TIMEX3 (TimeML), the article's own date, and the time each fact holds for.

A package of named passes, in order:

1. ``detect`` (per piece): every time expression in the text by a grammar of patterns over the
   lexicons in ``factx/data/time_*.txt`` (dates, times of day, durations, sets, and the relative
   ones: "Friday", "last week", "two years ago", "now"), each with its TIMEX3 type and a ``Spec``:
   what its words say, before any date is known.
2. ``checks`` (per piece): what the parse adds: a bare number that the tagger reads as a count or
   a name is no year; the tense of the governing clause, which points a weekday or a month ahead
   or back.
3. ``dateline`` (per article): the article's date: ``--date``, else the page's metadata (web
   page, PDF), else a date line or a dateline at the head of the text.
4. ``anchor`` (per article): each spec's value against that date (TIMEX3: ``1998-01-08``,
   ``1998-W02``, ``1989-Q3``, ``P2Y``, ``PRESENT_REF``); with no date, what the words give
   (``XXXX-WXX-5``).
5. ``when`` (per piece): the time expression that governs each figure and quote in its clause or
   sentence.

Method after HeidelTime (Strötgen and Gertz, "Multilingual and cross-domain temporal tagging",
LRE 2013): rules for extraction and normalisation, a document-creation-time anchor for news, the
tense for the direction of underspecified dates.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..context import Context
from .anchor import anchor
from .checks import head_token, is_year_count, tense
from .dateline import ArticleDate, article_date
from .detect import detect
from .spec import Spec, TimeMention
from .when import governing_time

__all__ = ["ArticleDate", "Spec", "TimeMention", "anchor", "article_date", "extract_times", "governing_time"]


def extract_times(doc: Doc, ctx: Context) -> list[TimeMention]:
    """The time expressions of one parsed piece, with global offsets, spec, tense and sentence (no value yet)."""
    text = ctx.text
    out: list[TimeMention] = []
    for start, end, kind, spec in detect(text):
        if spec.kind == "value" and spec.value.isdigit() and len(spec.value) == 4 and is_year_count(doc, start, end):
            continue
        head = head_token(doc, start, end)
        out.append(TimeMention(start=ctx.base + start, end=ctx.base + end, text=text[start:end], type=kind,
                               spec=spec, tense=tense(head), head=head.i if head is not None else -1,
                               sentence=ctx.sentence_of(head.i) if head is not None else 0))
    return out
