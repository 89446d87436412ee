"""Roles the layout gives names: result tables, fixtures, venues, players, datelines.

Sports reports print results as tables, one side per row ("Walsall 3 0 1 2 2
4 1", "Stuttgart 2 Werder Bremen 1", "Leeds v Everton"), or head a report
with its result ("Wild 4, Sabres 1: ..."), where the tagger sees no sentence
and often no name; a dateline at the top ("LONDON 1996-08-30") names a place.
This pass reads those roles line by line, before any parse is consulted:

- ``side``: the head of a result-table row or of a result line, a name on
  either side of "v", the first name of a schedule line "Texas at Seattle";
- ``place``: a dateline, a venue ("At Cardiff:", the second name of a
  schedule line);
- ``player``: a name in a result list ("Asa Carlsson (Sweden) beat ...",
  scorers "(Samson 24th)", a scorecard's "c P. Strang b Whittall").

Rows, fixtures, venues and players are read only in a sports report (enough
words of sport, ``data/sport_words.txt``), so a table of prices is left alone.
``roles`` reads the roles a sentence gives and what kind each role makes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import IDX, LOWER
from spacy.tokens import Doc, Token

from ... import lexicon
from .. import places
from ..context import Context
from .names import first_name_gender

SIDE = "side"
CLUB = "club"  # a side known to be a club or a country's side, never a player
PLACE = "place"
PLAYER = "player"
BODY = "body"
# sport words a text needs to be read as a sports report
_SPORT_MIN = 3
_NUM = re.compile(r"[\d.,:/+\-–]*\d[\d.,:/+\-–]*")
_DATE = re.compile(r"^\s*(?:\d{4}-\d\d-\d\d|\d{1,2}-\d\d-\d{2,4}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)\b")
_AGENCY = re.compile(r"\([A-Z][\w ]{1,20}\)\s*[-–—]")  # "WASHINGTON (Reuters) -"
_DASH = re.compile(r"[-–—]\s")  # "BUFFALO, N.Y. — Hours before ..."
_CONNECT = {"de", "del", "da", "di", "do", "dos", "van", "von", "der", "den", "la", "le", "&", "-", ".", "'s"}
_DATELINE_LINES = 4
_VERSUS = {"v", "v.", "vs", "vs."}
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


@dataclass
class Roles:
    """Roles found in one ``Doc``: token -> role for names placed by layout, and those names' spans."""

    sports: bool = False
    by_token: dict[int, str] = field(default_factory=dict)
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # token ranges of names placed by layout

    def put(self, start: int, end: int, role: str) -> None:
        if any(i in self.by_token for i in range(start, end)):
            return
        for i in range(start, end):
            self.by_token[i] = role
        self.spans.append((start, end, role))


def is_sports_report(doc: Doc) -> bool:
    """Enough words of sport in the text to read names that play as sides.

    Counted on the token array (no Python work per token): this runs on every input."""
    if not len(doc):
        return False
    strings = doc.vocab.strings
    ids = numpy.fromiter((strings[w] for w in lexicon.words("sport_words.txt")), dtype=numpy.uint64)
    return int(numpy.isin(doc.to_array(LOWER), ids).sum()) >= _SPORT_MIN


def _is_num(t: Token) -> bool:
    return bool(_NUM.fullmatch(t.text)) or (t.text in ("-", "–") and t.i > 0 and bool(_NUM.fullmatch(t.nbor(-1).text)))


def _is_name_start(t: Token) -> bool:
    return t.text[:1].isupper() and any(ch.isalpha() for ch in t.text) and t.lower_ not in _VERSUS


def _connects(toks: list[Token], i: int, j: int) -> bool:
    """``toks[j]`` joins two parts of one name: "de" of "Vasco da Gama", the hyphen of "Saint-Germain"
    (a spaced dash parts two names: "Valletta - Gilbert Agius")."""
    t = toks[j]
    if j <= i or j + 1 >= len(toks) or not _is_name_start(toks[j + 1]) or t.lower_ not in _CONNECT:
        return False
    if t.text in ("-", "–"):
        return not t.whitespace_ and not toks[j - 1].whitespace_
    return t.whitespace_ == toks[j - 1].whitespace_


def _name_end(toks: list[Token], i: int) -> int:
    """End (exclusive, index in ``toks``) of the capitalised name run starting at ``toks[i]``."""
    j = i
    while j < len(toks):
        t = toks[j]
        if _is_name_start(t) or _connects(toks, i, j) or (t.text in (".", "'s") and j > i):
            j += 1
        else:
            break
    while j > i and not _is_name_start(toks[j - 1]):
        j -= 1
    return j


def _items(toks: list[Token]) -> list[tuple[str, int, int]] | None:
    """A line as (kind, start, end) items: "name", "num"; bracketed parts skipped; None when the line
    holds anything else (words, so it is a sentence, not a row)."""
    items: list[tuple[str, int, int]] = []
    i = 0
    depth = 0
    while i < len(toks):
        t = toks[i]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth:
            pass
        elif _is_num(t):
            if items and items[-1][0] == "num":
                items[-1] = ("num", items[-1][1], i + 1)
            else:
                items.append(("num", i, i + 1))
        elif _is_name_start(t):
            j = _name_end(toks, i)
            if j == i:
                return None
            items.append(("name", i, j))
            i = j
            continue
        elif t.is_punct:
            pass
        else:
            return None
        i += 1
    return items


def _result_head(toks: list[Token]) -> list[Token]:
    """The part of a line before a colon that heads a paragraph of text ("Wild 4, Sabres 1: Zach Parise
    scored twice ..."): a result line leading its report; the whole line otherwise."""
    colon = next((i for i, t in enumerate(toks) if t.text == ":"), None)
    if colon is None or colon < 2 or colon + 1 >= len(toks):
        return toks
    return toks[:colon]


def _rows(doc: Doc, lines: list[list[Token]], roles: Roles) -> None:
    """Result-table rows: "Walsall 3 0 1 2 2 4 1", "Stuttgart 2 Werder Bremen 1", "1. Leeds 3", and a
    result line heading its report ("Wild 4, Sabres 1: ..."), whose two names are sides even when they
    are common words (a row's "Total 300" is not).  The rows of one table are all clubs when most of
    their names are not shaped as a person's: a standings table's "Crystal Palace 4 1 2 1 4 3 5" is
    the club beside "Stoke" and "Barnsley", though "Crystal" is a first name."""
    table: list[tuple[int, int]] = []
    last = -2
    for n, toks in enumerate(lines):
        items = _items(toks)
        heading = False
        if items is None:
            head = _result_head(toks)
            items = _items(head) if len(head) < len(toks) else None
            heading = bool(items) and _shape(items) == "N9N9"
            if not heading:
                continue
        if not items:
            continue
        if items[0][0] == "num" and len(items) > 1:  # a rank: "1. Leeds 3"
            items = items[1:]
        if _shape(items) in ("N9", "N9N9"):
            if n != last + 1:
                _clubs(doc, table, roles)
                table = []
            last = n
            for k, a, b in items:
                if k == "name" and (heading or not (b - a == 1 and toks[a].lower_ in lexicon.words("lower_words.txt")
                                                    and places.lookup(toks[a].text) is None)):
                    table.append((toks[a].i, toks[b - 1].i + 1))  # not "Total 300", "Halftime 1-0"
    _clubs(doc, table, roles)


_TABLE_MIN = 3


def _clubs(doc: Doc, names: list[tuple[int, int]], roles: Roles) -> None:
    """The names of one table's rows as sides, as clubs when few of them look like people's."""
    people = sum(1 for a, b in names if b - a > 1 and (
        (len(doc[a]) > 2 and first_name_gender(doc[a].text) is not None) or _INITIALS.fullmatch(doc[a].text)))
    role = CLUB if len(names) >= _TABLE_MIN and people * 3 < len(names) else SIDE
    for a, b in names:
        roles.put(a, b, role)


def _shape(items: list[tuple[str, int, int]]) -> str:
    """A row's items as a string: "N" a name, "9" a number ("N9N9": "Stuttgart 2 Werder Bremen 1")."""
    return "".join("N" if k == "name" else "9" for k, _, _ in items)


def _fixtures(doc: Doc, lines: list[list[Token]], roles: Roles) -> None:
    """Names on either side of "v" ("Leeds v Everton"); a schedule line "Texas at Seattle" (side, venue)."""
    preps = lexicon.words("sport_preps.txt")
    for toks in lines:
        for i, t in enumerate(toks):
            if t.lower_ not in preps or t.lower_ in ("against", "over"):
                continue
            _side_around(toks, i, roles)
        if len(toks) >= 3:
            at = next((i for i, t in enumerate(toks) if t.lower_ == "at"), None)
            if at is not None and at > 0 and _is_name_start(toks[0]) and _name_end(toks, 0) == at \
                    and at + 1 < len(toks) and _name_end(toks, at + 1) == len(toks):
                roles.put(toks[0].i, toks[at - 1].i + 1, SIDE)
                roles.put(toks[at + 1].i, toks[-1].i + 1, PLACE)


def _side_around(toks: list[Token], i: int, roles: Roles) -> None:
    """The names right before and right after ``toks[i]`` ("v") are sides."""
    j = i
    while j > 0 and (_is_name_start(toks[j - 1]) or (j > 1 and toks[j - 1].lower_ in _CONNECT
                                                      and _is_name_start(toks[j - 2]))):
        j -= 1
    if j < i:
        roles.put(toks[j].i, toks[i - 1].i + 1, SIDE)
    if i + 1 < len(toks) and _is_name_start(toks[i + 1]):
        k = _name_end(toks, i + 1)
        roles.put(toks[i + 1].i, toks[k - 1].i + 1, SIDE)


def _venues(lines: list[list[Token]], roles: Roles) -> None:
    """A line that opens with "At NAME:" names a venue ("At Cardiff: Kent 255-3")."""
    for toks in lines:
        if len(toks) > 2 and toks[0].lower_ == "at" and _is_name_start(toks[1]):
            k = _name_end(toks, 1)
            if k < len(toks) and toks[k].text == ":":
                roles.put(toks[1].i, toks[k - 1].i + 1, PLACE)


def _dateline(lines: list[list[Token]], roles: Roles) -> None:
    """The opening lines' dateline: "LONDON 1996-08-30", "RAMESWARAM, India 1996-08-28", "BUFFALO, N.Y. —"."""
    for toks in lines[:_DATELINE_LINES]:
        if not toks or not _is_name_start(toks[0]):
            continue
        names = []
        i = 0
        while i < len(toks) and _is_name_start(toks[i]):
            k = _name_end(toks, i)
            names.append((toks[i].i, toks[k - 1].i + 1))
            i = k
            if i < len(toks) and toks[i].text == ",":
                i += 1
        if names and i < len(toks):
            rest = toks[0].doc.text[toks[i].idx: toks[-1].idx + len(toks[-1].text)].lstrip(". ")  # "Vt. (AP)"
            first = toks[0].doc[names[0][0]:names[0][1]].text
            if _DATE.match(rest) or _AGENCY.match(rest) or (
                    _DASH.match(rest) and places.lookup(first) is not None):
                for a, b in names:
                    roles.put(a, b, PLACE)
                return
        elif len(names) == 1 and i == len(toks) and places.lookup(toks[0].doc[names[0][0]:names[0][1]].text):
            roles.put(*names[0], PLACE)  # a line that is only a known place: a dateline without a date
            return


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_DISMISSAL = {"c", "b", "st", "lbw"}  # a cricket scorecard: "M. Slater c P. Strang b Whittall 50"


def _players(lines: list[list[Token]], roles: Roles) -> None:
    """Players in result lists: "Asa Carlsson (Sweden) beat ...", scorers "(Samson 24th)", scorecards
    "c P. Strang b Whittall"; a country in brackets after a player is a place."""
    for toks in lines:
        i = 0
        while i < len(toks):
            if not _is_name_start(toks[i]) or toks[i].lower_ in _DISMISSAL:
                i += 1
                continue
            j = _name_end(toks, i)
            if j == i:
                i += 1
                continue
            nxt = toks[j] if j < len(toks) else None
            prev = toks[i - 1] if i > 0 else None
            player = (nxt is not None and nxt.text == "(" and j - i > 1 and places.lookup(_text(toks, i, j)) is None) \
                or (nxt is not None and bool(_ORDINAL.fullmatch(nxt.text))) \
                or (prev is not None and prev.text in _DISMISSAL) or (nxt is not None and nxt.text in ("c", "b"))
            if player:
                roles.put(toks[i].i, toks[j - 1].i + 1, PLAYER)
                if nxt is not None and nxt.text == "(" and j + 2 < len(toks) and toks[j + 2].text == ")":
                    info = places.lookup(toks[j + 1].text)
                    if info is not None and info.kind == "country":
                        roles.put(toks[j + 1].i, toks[j + 1].i + 1, PLACE)
            i = j


def _text(toks: list[Token], i: int, j: int) -> str:
    return toks[0].doc[toks[i].i:toks[j - 1].i + 1].text


def _lines(doc: Doc, text: str, limit: int | None = None) -> list[list[Token]]:
    """The doc's tokens line by line (whitespace tokens left out); the first ``limit`` lines only when given."""
    starts = doc.to_array(IDX).tolist()
    out: list[list[Token]] = []
    for m in re.finditer(r"[^\r\n]+", text):
        if limit is not None and len(out) >= limit:
            break
        a = bisect.bisect_left(starts, m.start())
        b = bisect.bisect_left(starts, m.end())
        toks = [doc[i] for i in range(a, b) if not doc[i].is_space]
        if toks:
            out.append(toks)
    return out


def find_roles(doc: Doc, ctx: Context) -> Roles:
    """The layout roles of ``doc``: datelines always; rows, fixtures and venues in a sports report."""
    roles = Roles(sports=is_sports_report(doc))
    if not roles.sports:  # only the dateline: the opening lines are all that is read
        if ctx.base == 0:
            _dateline(_lines(doc, ctx.reading, _DATELINE_LINES), roles)
        return roles
    lines = _lines(doc, ctx.reading)
    if ctx.base == 0:
        _dateline(lines, roles)
    if roles.sports:
        _venues(lines, roles)
        _fixtures(doc, lines, roles)
        _rows(doc, lines, roles)
        _players(lines, roles)
    return roles
