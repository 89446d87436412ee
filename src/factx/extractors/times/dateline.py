"""The article's own date: given by the user, else from the page's metadata, else from the head of the text.

Which wins: ``--date YYYY-MM-DD`` (the user knows best), then the metadata of a web page or a PDF
(``page.date``, read by the reader), then a date written at the head of the text: a line that is
a date ("January 8, 1998", "Published: Friday, March 22, 2013 10:02 EST") or a dateline whose
date has its year ("LONDON 1996-08-30", "BRUSSELS, March 22, 2013 (Reuters) -").  A dateline
without a year ("WASHINGTON, Nov 19 (Reuters) -") gives no date: the year would be a guess.
Only the first lines are read, so a date in the body (an event's) never passes for the article's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .detect import detect

HEAD_LINES = 8  # how many non-empty lines at the head of the text may hold the date
HEAD_CHARS = 1200
LINE_CHARS = 120  # a dateline's date is near the start of its line
YEARLESS = 2000  # the year a yearless dateline's date is computed in (a leap year: 29 February exists), then hidden
# words a date line may carry besides the date: "Published: Friday, March 22, 2013, 10:02 a.m. EST"
_FILLER = re.compile(r"(?i)\b(?:published|posted|updated|last|modified|date|dated|on|at|am|pm|a\.m\.|p\.m\.|"
                     r"gmt|utc|[ecmp][sd]t|bst|cet|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
                     r"|[\d:|,.()/–—-]+")
_DATELINE = re.compile(r"^[\s\"'“]*[A-Z][A-Z.'’ -]{1,40}(?:\s*,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?[\s,]+$")


@dataclass(frozen=True, slots=True)
class ArticleDate:
    """The date relative expressions are anchored to, and where it came from."""

    date: dt.date | None = None
    source: str | None = None  # 'option' (--date), 'metadata' (web page, PDF) or 'text' (head of the text)
    start: int = -1  # the date's offsets in the text, when it came from the text
    end: int = -1
    year_known: bool = True  # False: a dateline gave the month and day only (``date`` has the year YEARLESS)

    def iso(self) -> str | None:
        """'2013-03-22', or 'XXXX-11-19' when the year is not known; None without a date."""
        if self.date is None:
            return None
        return self.date.isoformat() if self.year_known else f"XXXX-{self.date.month:02d}-{self.date.day:02d}"


def parse_iso(value: str | None) -> dt.date | None:
    """A date from 'YYYY-MM-DD' (or a longer ISO 8601 stamp); None when it is none."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d\d)-(\d\d)", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def head_date(text: str) -> ArticleDate:
    """A date line or a dated dateline among the first lines of ``text``; one without a year
    ("WASHINGTON, Nov 19 (Reuters) -") only when no line gives the year."""
    pos = 0
    seen = 0
    yearless = ArticleDate()
    for line in text[:HEAD_CHARS].splitlines(keepends=True):
        start, body = pos, line.rstrip("\r\n")
        pos += len(line)
        if not body.strip():
            continue
        seen += 1
        if seen > HEAD_LINES:
            break
        body = body[:LINE_CHARS]
        if not any(ch.isdigit() for ch in body):
            continue  # a date line or dateline writes its day in digits
        for s, e, _kind, spec in detect(body):
            full = spec.kind == "value" and re.fullmatch(r"\d{4}-\d\d-\d\d", spec.value)
            if not full and not (spec.kind == "monthday" and not spec.value and yearless.date is None):
                continue
            rest = _FILLER.sub(" ", body[:s] + " " + body[e:])
            if len(rest.split()) > 2 and not _DATELINE.match(body[:s]):
                continue
            if full:
                d = parse_iso(spec.value)
                if d is not None:
                    return ArticleDate(d, "text", start + s, start + e)
            else:  # the month and day, in a leap year that stands for the unknown one
                yearless = ArticleDate(dt.date(YEARLESS, spec.n, spec.day), "text", start + s, start + e, False)
    return yearless


def article_date(text: str, page_date: str | None = None, given: str | None = None) -> ArticleDate:
    """The article's date: ``given`` (--date), else ``page_date`` (metadata), else the head of ``text``."""
    d = parse_iso(given)
    if d is not None:
        return ArticleDate(d, "option")
    d = parse_iso(page_date)
    if d is not None:
        return ArticleDate(d, "metadata")
    return head_date(text)
