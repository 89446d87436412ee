"""Pass 3, widening: a core grows to its currency sign, unit words and qualifier.

"$4.5 million", "45 percent", "3m euros", "5-point", "approximately 9,000"; the counted noun stays
outside the span (GOLD_FORMAT.md, fields ``start``/``end``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .lex import DASHES, mapping, qualifiers, words
from .read import Core
from .syntax import governing_verb, head_noun


@dataclass
class Cand:
    """A figure being built: token range, value, unit and qualifier."""

    core: Core
    start: int
    end: int
    unit: str | None = None
    factor: float = 1.0
    qualifier: str | None = None
    high: float | None = None
    low: float | None = None
    range_of: Cand | None = None


def widen(doc: Doc, core: Core) -> Cand:
    """The candidate figure of ``core`` with its currency and unit (see the passes below)."""
    c = Cand(core, core.start, core.end)
    currency_before(doc, c)
    glued_unit(doc, c)
    unit_after(doc, c)
    currency_of(doc, c)
    code_before(doc, c)
    return c


def currency_before(doc: Doc, c: Cand) -> None:
    """A currency sign before the number: "$4.5", "£200", "US$ 5", "U.S. $5"."""
    currencies = mapping("currencies.txt")
    if c.start > 0 and doc[c.start - 1].lower_ in currencies and not doc[c.start - 1].is_alpha:
        c.start -= 1
        c.unit = currencies[doc[c.start].lower_]
    elif c.start > 1 and doc[c.start - 1].lower_ in ("$",) and doc[c.start - 2].lower_ in ("us", "u.s."):
        c.start -= 2
        c.unit = "USD"
    if c.core.pence:
        c.unit, c.factor = currencies["p"], 0.01


def glued_unit(doc: Doc, c: Cand) -> None:
    """A unit glued by a hyphen to a number word: "one-mile", "seven-percentage-point", "billion-dollar"."""
    noun = c.core.hyphen_noun
    if not noun:
        return
    if noun.replace("-", " ") in mapping("units.txt"):
        c.unit = mapping("units.txt")[noun.replace("-", " ")]
    elif noun in mapping("currencies.txt"):
        c.unit = mapping("currencies.txt")[noun]


def unit_after(doc: Doc, c: Cand) -> None:
    """Unit words after the number: "5-point", "45 percent", "per cent", "3m euros", "6 cents", "12p"."""
    currencies = mapping("currencies.txt")
    units = mapping("units.txt")
    j = c.end
    if j + 1 < len(doc) and doc[j].text in DASHES and doc[j - 1].whitespace_ == "" and doc[j].whitespace_ == "":
        w = doc[j + 1].lower_
        if c.unit is None and (w in units or (w in currencies and doc[j + 1].is_alpha)):
            c.unit = units.get(w) or currencies[w]
            c.end = j + 2
            if w in ("cent", "cents"):
                c.factor = 0.01
            return
    if j < len(doc):
        two = " ".join(t.lower_ for t in doc[j:j + 2]) if j + 1 < len(doc) else None  # "per cent"
        w = doc[j].lower_
        if two in units:
            c.unit, c.end = units[two], j + 2
        elif w in units and c.unit is None:
            c.unit, c.end = units[w], j + 1
        elif w in currencies and doc[j].is_alpha and len(w) > 2 and c.unit is None:
            c.unit, c.end = currencies[w], j + 1
            if w in ("cent", "cents", "pence"):
                c.factor = 0.01
        elif w in ("p",) and doc[j - 1].whitespace_ == "" and c.unit is None:
            c.unit, c.end, c.factor = "GBP", j + 1, 0.01
        elif w in currencies and w.upper() == doc[j].text and len(w) == 3 and c.unit is None:
            c.unit, c.end = currencies[w], j + 1


def currency_of(doc: Doc, c: Cand) -> None:
    """"millions of dollars", "tens of millions of euros"."""
    currencies = mapping("currencies.txt")
    if c.unit is None and c.end + 1 < len(doc) and doc[c.end].lower_ == "of" and doc[c.end + 1].is_alpha \
            and doc[c.end + 1].lower_ in currencies and len(doc[c.end + 1].text) > 3:
        c.unit, c.end = currencies[doc[c.end + 1].lower_], c.end + 2


def code_before(doc: Doc, c: Cand) -> None:
    """An ISO code before the number: "USD 5 million", "EUR 20"."""
    currencies = mapping("currencies.txt")
    if c.unit is None and c.start > 0 and doc[c.start - 1].text.isupper() and doc[c.start - 1].lower_ in currencies \
            and len(doc[c.start - 1].text) == 3:
        c.start -= 1
        c.unit = currencies[doc[c.start].lower_]


def attach_qualifier(doc: Doc, c: Cand) -> None:
    """Take in a qualifier right before ("approximately", "more than"), but not a verb particle ("pushed up to")."""
    for q in qualifiers():
        n = len(q)
        s = c.start - n
        if s >= 0 and [t.lower_ for t in doc[s:c.start]] == q:
            if doc[s].lower_ == "up" and (doc[s].dep_ == "prt"
                                          or governing_verb(doc[s]) in words("change_verbs.txt")):
                return
            # "over" meaning during or above a bare number: "argued over 40 minutes"
            if q == ["over"] and doc[s].dep_ == "prep" and doc[s].head.pos_ == "VERB" \
                    and c.core.end - c.core.start == 1 and c.unit is None \
                    and head_noun(doc, c.core.start, c.core.end) is None:
                return
            c.start = s
            c.qualifier = " ".join(t.text for t in doc[s:s + n])
            return
