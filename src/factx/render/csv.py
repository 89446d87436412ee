"""CSV: one table of records (figures, quotes, people, ...) for spreadsheets, one row per record.

Every row starts with the ``source`` it came from, so many inputs make one
table under one header row.  Columns are flat: a nested span becomes its
text plus ``_start``/``_end`` columns, a list becomes its items joined by
``"; "``, a count stands for a list of mentions (the ``mentions`` table has
them one per row).  Empty cell = null; booleans are ``true``/``false``.

Output follows RFC 4180 (CRLF row ends, fields with commas, quotes or line
breaks in double quotes) in UTF-8 without a byte-order mark.

Spreadsheet safety: a text cell beginning with ``=``, ``+``, ``-``, ``@``, tab
or carriage return is read by Excel, LibreOffice and Google Sheets as a
formula, and a news text controls what is quoted, so a crafted quote could
run a formula (exfiltrate other cells through a link, or worse through
DDE) on the analyst's machine.  As the OWASP guidance on CSV injection
says, such a cell is prefixed with a single quote, which spreadsheets hide
and which makes the cell plain text.  A cell that already begins with a
single quote gets one too, so the text shows unchanged in a spreadsheet and
the escaping can be undone exactly (drop one leading ``'``).  Numeric
columns are written from numbers and are left alone (``-3`` stays a number).
``--raw-csv`` turns the escaping off for programs that are not spreadsheets.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from typing import Any

from ..models import Article
from .target import TextTarget

# The cell beginnings spreadsheets read as formulas (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def _span(prefix: str, span: Any) -> dict:
    if span is None:
        return {prefix: None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {prefix: span.text, f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def _figure_rows(article: Article) -> Iterator[dict]:
    for f in article.figures:
        yield {"id": f.id, "text": f.text, "start": f.start, "end": f.end, "value": f.value, "unit": f.unit,
               "counted": f.counted, "counted_relation": f.counted_relation, "approximate": f.approximate,
               "qualifier": f.qualifier, "low": f.low, "high": f.high, "event": f.event, "sentence": f.sentence,
               "quote": f.quote, "part_of": f.part_of, "when": f.when}


def _quote_rows(article: Article) -> Iterator[dict]:
    for q in article.quotes:
        sp = q.speaker
        yield {"id": q.id, "type": q.type, "text": q.text, "start": q.start, "end": q.end,
               **_span("speaker", sp), "speaker_name": sp.name if sp else None,
               "speaker_entity": sp.entity if sp else None, **_span("cue", q.cue), "sentence": q.sentence,
               "figures": q.figures, "continues": q.continues, "when": q.when}


def _time_rows(article: Article) -> Iterator[dict]:
    for t in article.times:
        yield {"id": t.id, "type": t.type, "value": t.value, "text": t.text, "start": t.start, "end": t.end,
               "sentence": t.sentence}


def _entity_row(e: Any) -> dict:
    return {"id": e.id, "name": e.name, "aliases": e.aliases, "mentions": len(e.mentions)}


def _people_rows(article: Article) -> Iterator[dict]:
    for p in article.people:
        yield {**_entity_row(p), "titles": p.titles, "gender": p.gender}


def _place_rows(article: Article) -> Iterator[dict]:
    for p in article.places:
        yield {**_entity_row(p), "kind": p.kind, "country": p.country, "latitude": p.latitude,
               "longitude": p.longitude}


def _organization_rows(article: Article) -> Iterator[dict]:
    for o in article.organizations:
        yield _entity_row(o)


ENTITY_KINDS = (("person", "people"), ("place", "places"), ("organization", "organizations"))


def _mention_rows(article: Article) -> Iterator[dict]:
    for kind, field in ENTITY_KINDS:
        for e in getattr(article, field):
            for m in e.mentions:
                yield {"entity": e.id, "kind": kind, "name": e.name, "text": m.text, "start": m.start,
                       "end": m.end, "sentence": m.sentence}


# table -> (columns after ``source``, rows of one article).  The column lists are the documentation.
TABLES: dict[str, tuple[tuple[str, ...], Callable[[Article], Iterator[dict]]]] = {
    "figures": (("id", "text", "start", "end", "value", "unit", "counted", "counted_relation", "approximate",
                 "qualifier", "low", "high", "event", "sentence", "quote", "part_of", "when"), _figure_rows),
    "quotes": (("id", "type", "text", "start", "end", "speaker", "speaker_start", "speaker_end", "speaker_name",
                "speaker_entity", "cue", "cue_start", "cue_end", "sentence", "figures", "continues", "when"),
               _quote_rows),
    "people": (("id", "name", "aliases", "titles", "gender", "mentions"), _people_rows),
    "places": (("id", "name", "aliases", "kind", "country", "latitude", "longitude", "mentions"), _place_rows),
    "organizations": (("id", "name", "aliases", "mentions"), _organization_rows),
    "mentions": (("entity", "kind", "name", "text", "start", "end", "sentence"), _mention_rows),
    "times": (("id", "type", "value", "text", "start", "end", "sentence"), _time_rows),
}
LIST_SEPARATOR = "; "


def neutralise(cell: str) -> str:
    """``cell`` made safe to open in a spreadsheet (see the module docstring); reversible."""
    return ESCAPE + cell if cell.startswith((*FORMULA_STARTS, ESCAPE)) else cell


def cell(value: Any, safe: bool = True) -> str:
    """One value as CSV text: numbers in their shortest exact form, lists joined, text made safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    return neutralise(value) if safe else value


def columns(table: str) -> list[str]:
    """The header of ``table``."""
    return ["source", *TABLES[table][0]]


def rows(article: Article, table: str, safe: bool = True) -> Iterator[list[str]]:
    """The CSV rows (cells as text) of one article's ``table``."""
    names, make = TABLES[table]
    source = cell(article.source, safe)
    for record in make(article):
        yield [source, *(cell(record[name], safe) for name in names)]


class CsvWriter:
    """One table over all inputs: the header once, then each article's rows as it comes."""

    def __init__(self, target: TextTarget, table: str, safe: bool = True):
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
        self.target, self.table, self.safe = target, table, safe
        # the csv module's defaults are RFC 4180: CRLF row ends, minimal quoting, doubled quotes
        self._csv = csv.writer(target.stream, lineterminator="\r\n")
        self._csv.writerow(columns(table))

    def write(self, article: Article) -> None:
        self._csv.writerows(rows(article, self.table, self.safe))
        self.target.flush()

    def close(self) -> None:
        self.target.flush()
        self.target.commit()

    def abort(self) -> None:
        self.target.abort()
