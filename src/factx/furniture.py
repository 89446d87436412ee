"""Find page furniture: bylines, credit lines, social footers and teasers.

News text pasted from the web carries lines that are not the article:
"SOURCE : AFP | Follow Us: Facebook | Twitter", "By Jane Doe", photo credits,
"Contributing: ...", "Follow Jane Doe on Twitter", author bios at the edges,
"RELATED NEWS : ..." teasers.  They are found on the raw text, line by line,
before any parsing, and reported as regions so users can see what was set
aside.  Extractors decide per kind what to skip: entities skip every region;
figures and quotes skip all but teasers (a teaser headline still states facts).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .layout import reading_form
from .models import Region

# kind -> pattern matched against a whole line (stripped of surrounding space)
_LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("social", re.compile(r"(?i)^(?:source\s*:.*\|.*|.*\bfollow\s+us\b.*)$")),
    ("credit", re.compile(r"(?i)^(?:source|credit|photo|image|picture|video|graphic)s?\s*(?:credit)?\s*:.{0,120}$")),
    ("credit", re.compile(r"(?i)^\(?(?:photo|image|picture)s?\s+(?:by|credit|courtesy)\b.{0,120}$")),
    ("credit", re.compile(r"(?i)^.{0,80}\b(?:getty images|associated press photo|ap photo|reuters/|afp photo)\b"
                          r".{0,80}$")),
    ("byline", re.compile(r"^(?:By|BY|Written by|Reporting by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
                          r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*\s*$")),
    ("related", re.compile(r"(?i)^(?:related(?:\s+news|\s+stories|\s+articles?)?|read\s+more|see\s+also"
                           r"|more\s+from)\s*:")),
    ("social", re.compile(r"(?i)^(?:share\s+this|subscribe\b|sign\s+up\b|click\s+here\b).{0,120}$")),
    # "Follow Jane Doe on Twitter @janedoe", "Follow @outlet"
    ("social", re.compile(r"(?i)^follow\s+(?:@|.{1,80}?\bon\s+(?:twitter|facebook|instagram|x)\b).{0,200}$")),
    # "Contributing: Jane Doe", "Additional reporting by Jane Doe"
    ("credit", re.compile(r"(?i)^(?:contributing|(?:additional\s+)?reporting|editing|writing)\s*(?:by\b|:).{0,150}$")),
)

# An author bio: "Jane Doe is a reporter for ...", only near the start or the end of
# the text (the same shape in the body introduces a source).
_BIO = re.compile(r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:is|was|writes)\s+(?:a|an|the)\b.{0,200}?\b"
                  r"(?:reporter|correspondent|writer|editor|columnist|co-host|host|contributor|author|"
                  r"fellow|professor|lecturer|blogger)s?\b.{0,250}$")
_BIO_EDGE_LINES = 3

# Kinds whose content still counts for figures and quotes (a teaser headline
# reports facts; a credit line does not).
FACT_BEARING = frozenset({"related"})


def find_regions(text: str) -> list[Region]:
    """Furniture regions of ``text``, one per matching line as read (a footer wrapped over two
    lines is one line: ``layout.reading_form``), in text order."""
    regions: list[Region] = []
    lines = [m for m in re.finditer(r"[^\r\n]+", reading_form(text)) if m.group().strip()]
    for n, m in enumerate(lines):
        line = m.group()
        stripped = line.strip()
        if not stripped or len(stripped) > 500:
            continue
        at_edge = n < _BIO_EDGE_LINES or n >= len(lines) - _BIO_EDGE_LINES
        patterns = _LINE_PATTERNS + ((("bio", _BIO),) if at_edge else ())
        for kind, pattern in patterns:
            if len(stripped) > 300 and kind != "bio":
                continue
            if pattern.match(stripped):
                start = m.start() + (len(line) - len(line.lstrip()))
                end = start + len(stripped)
                regions.append(Region(start=start, end=end, text=text[start:end], kind=kind))
                break
    return regions


class Regions:
    """Overlap test of character offsets against a set of regions (a page has only a few)."""

    def __init__(self, regions: Iterable[Region], exclude_kinds: frozenset[str] = frozenset()):
        self._spans = sorted((r.start, r.end) for r in regions if r.kind not in exclude_kinds)

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with a region."""
        return any(start < e and s < end for s, e in self._spans)
