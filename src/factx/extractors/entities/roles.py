"""Context roles of names: sides in sports reports, venues, datelines.

A name's kind often shows in what it does rather than in the name: "Surrey
beat Kent by six wickets" (sides that play are teams), "at Lord's" (a venue
is a place), "LONDON 1996-08-30" (a dateline names a place).  Sports reports
also print results as tables, one side per row ("Walsall 3 0 1 2 2 4 1",
"Stuttgart 2 Werder Bremen 1", "Leeds v Everton"), where the tagger sees no
sentence and often no name.  This pass reads those roles from the layout and
the dependency parse:

- ``side``: the head of a result-table row, a name on either side of "v", or,
  in a sports report, the subject or object of a verb of play ("beat",
  "drew"), the object of "against"/"over", or a name that qualifies a
  team's people ("Marseille striker", ``data/side_nouns.txt``);
- ``place``: a dateline at the top of the text, a venue ("At Cardiff:", "at
  the Oval", the second name of a schedule line "Texas at Seattle").

Sides and venues are read only in a sports report (enough words of sport,
``data/sport_words.txt``), so a table of prices or a political "beat" is left
alone.  ``side_kind`` then says what kind a side is: a national side is its
country (a place), a player is a person, anything else a club (an
organization).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import IDX, LOWER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ... import lexicon
from .. import places
from ..context import Context
from .names import first_name_gender

SIDE = "side"
PLACE = "place"
PLAYER = "player"
# sport words a text needs to be read as a sports report
_SPORT_MIN = 3
_NUM = re.compile(r"[\d.,:/+\-–]*\d[\d.,:/+\-–]*")
_DATE = re.compile(r"^\s*(?:\d{4}-\d\d-\d\d|\d{1,2}-\d\d-\d{2,4}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)\b")
_AGENCY = re.compile(r"\([A-Z][\w ]{1,20}\)\s*[-–—]")  # "WASHINGTON (Reuters) -"
_CONNECT = {"de", "del", "da", "di", "do", "dos", "van", "von", "der", "den", "la", "le", "&", "-", ".", "'s"}
_DATELINE_LINES = 4
_CLUB_CITY = 100_000  # a city this large in a two-word name makes it a club ("Ajax Amsterdam")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_VERSUS = {"v", "v.", "vs", "vs."}


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


def _rows(doc: Doc, lines: list[list[Token]], roles: Roles) -> None:
    """Result-table rows: "Walsall 3 0 1 2 2 4 1", "Stuttgart 2 Werder Bremen 1", "1. Leeds 3"."""
    for toks in lines:
        items = _items(toks)
        if not items:
            continue
        if items[0][0] == "num" and len(items) > 1:  # a rank: "1. Leeds 3"
            items = items[1:]
        shape = "".join("N" if k == "name" else "9" for k, _, _ in items)
        if shape in ("N9", "N9N9"):
            for k, a, b in items:
                if k == "name" and not (b - a == 1 and toks[a].lower_ in lexicon.words("lower_words.txt")
                                        and places.lookup(toks[a].text) is None):
                    roles.put(toks[a].i, toks[b - 1].i + 1, SIDE)  # not "Total 300", "Halftime 1-0"


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
    """The opening lines' dateline: "LONDON 1996-08-30", "RAMESWARAM, India 1996-08-28"."""
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
            rest = toks[0].doc.text[toks[i].idx: toks[-1].idx + len(toks[-1].text)]
            if _DATE.match(rest) or _AGENCY.match(rest):
                for a, b in names:
                    roles.put(a, b, PLACE)
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


def role_of(span: SpacySpan, roles: Roles) -> tuple[str | None, bool]:
    """The role of a name and whether the layout gave it; else (in a sports report) from the parse."""
    for i in range(span.start, span.end):
        r = roles.by_token.get(i)
        if r is not None:
            return r, True
    if not roles.sports:
        return None, False
    root = span.root
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ == "VERB" \
            and head.lemma_.lower() in lexicon.words("sport_verbs.txt"):
        return SIDE, False
    if root.dep_ in ("compound", "poss", "nmod") and head.pos_ == "NOUN" \
            and head.lower_ in lexicon.words("side_nouns.txt"):  # "Marseille striker", "Liverpool's manager"
        return SIDE, False
    if root.dep_ == "pobj":
        if head.lower_ == "at" and head.head.pos_ in ("VERB", "NOUN"):
            return PLACE, False
        if head.lower_ in lexicon.words("sport_preps.txt"):
            return SIDE, False
        if head.lower_ in ("with", "to") and head.head.pos_ == "VERB" \
                and head.head.lemma_.lower() in lexicon.words("sport_verbs.txt"):  # "drew with", "lost to"
            return SIDE, False
    return None, False


def kind_of_role(role: str, span: SpacySpan, label_kind: str | None, by_layout: bool) -> str:
    """The kind a role gives a name: a venue or dateline a place, a player a person, a side by ``side_kind``."""
    if role == PLACE:
        return "place"
    if role == PLAYER:
        return "person"
    return side_kind(span, label_kind, by_layout)


def side_kind(span: SpacySpan, label_kind: str | None, by_layout: bool = False) -> str:
    """What a side is: a country's national side is the country, a player a person, else a club.

    A one-word name is a player only when a known first name makes it one
    (the tagger calls many one-word clubs persons: "Surrey", "Kent"); a
    player's surname still joins the player's full name (``kinds``).
    ``by_layout`` says the role comes from a table row, not a sentence.
    """
    info = places.lookup(span.text)
    if info is not None and info.kind == "country":
        return "place"
    if len(span) > 1 and len(span[0]) > 2 and first_name_gender(span[0].text) is not None:
        return "person"
    if len(span) > 1 and _INITIALS.fullmatch(span[0].text) and span[1].is_alpha:
        return "person"  # "M. Vaughan", "D.A. Weibring"
    if label_kind == "person" and len(span) > 1 and not is_club_name(span):
        return "person"
    return "organization"


def is_club_name(span: SpacySpan) -> bool:
    """A name with a club word ("Sheffield United") or a city or country in it ("Ajax Amsterdam",
    "Paris St Germain") and no known first name: a club, whatever the tagger says."""
    if len(span[0]) > 2 and first_name_gender(span[0].text) is not None:
        return False
    clubs = lexicon.words("club_words.txt")
    for t in span:
        if t.lower_ in clubs:
            return True
        info = places.lookup(t.text) if t.text[:1].isupper() and len(t) > 3 else None
        if info is not None and (info.kind == "country" or info.population >= _CLUB_CITY):
            return True
    return False
