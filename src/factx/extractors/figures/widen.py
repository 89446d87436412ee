"""Pass 3, widening: a core grows to its currency sign, unit words and qualifier.

"$4.5 million", "45 percent", "3m euros", "5-point", "approximately 9,000"; the counted noun stays
outside the span (GOLD_FORMAT.md, fields ``start``/``end``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..quotes.marks import inch_marks
from .lex import abbr_scale, is_scale, mapping, qualifiers, words
from .read import Core
from .syntax import governing_verb, head_noun, value_subject
from .units import compound_part, currencies, currency_code, currency_sign, unit_after_dash, unit_at


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
    level_of: Cand | None = None  # "from A to B": A is a level of what B is a level of


def widen(doc: Doc, core: Core) -> Cand:
    """The candidate figure of ``core`` with its currency and unit (the small passes below, in order)."""
    c = Cand(core, core.start, core.end, unit=core.unit)
    currency_before(doc, c)
    glued_unit(doc, c)
    unit_after(doc, c)
    time_measure(doc, c)
    compound_measure(doc, c)
    currency_of(doc, c)
    code_before(doc, c)
    return c


def currency_before(doc: Doc, c: Cand) -> None:
    """A currency sign before the number: "$4.5", "£200", "US$5", "U.S. $5"; "345p" is pence."""
    if c.start > 0 and currency_sign(doc[c.start - 1].text) is not None:
        c.start -= 1
        c.unit, c.factor = currency_sign(doc[c.start].text)
    elif c.start > 1 and doc[c.start - 1].text == "$" and doc[c.start - 2].lower_ in ("us", "u.s."):
        c.start -= 2
        c.unit = "USD"
    if c.core.pence:
        c.unit, c.factor = currencies()["p"]
        return
    if c.unit is not None and c.core.end == c.end:  # "$7.9 million dollars": the redundant word is in the span
        u = unit_at(doc, c.end, after_scale=True)
        compound = u is not None and u.end < len(doc) and doc[u.end].text in ("-", "–") \
            and doc[u.end - 1].whitespace_ == ""  # "$15 dollar-an-hour wage"
        if u is not None and u.money and u.unit == c.unit and u.factor == c.factor and not compound:
            c.end = u.end


def glued_unit(doc: Doc, c: Cand) -> None:
    """A unit glued by a hyphen to a number word: "one-mile", "seven-percentage-point", "billion-dollar"."""
    noun = c.core.hyphen_noun
    if not noun:
        return
    if noun.replace("-", " ") in mapping("units.txt"):
        c.unit = mapping("units.txt")[noun.replace("-", " ")]
    elif noun in currencies():
        c.unit = currencies()[noun][0]


def _ends_in_scale(doc: Doc, c: Cand) -> bool:
    last = doc[c.core.end - 1]
    return is_scale(last.lower_) or abbr_scale(last.text) is not None


def unit_after(doc: Doc, c: Cand) -> None:
    """Unit words after the number: "5-point", "45 percent", "per cent", "3m euros", "6 cents", "12p",
    "20ft", "100 km/h", "1.2 trillion won", "500 EUR"."""
    if c.unit is not None or c.core.hyphen_noun:  # "five-game point streak": the noun is glued on
        return
    u = unit_after_dash(doc, c.end) or unit_at(doc, c.end, after_scale=_ends_in_scale(doc, c))
    if u is None and c.end < len(doc) and doc[c.end].text in ("'", '"'):  # a height's marks: "6' 2\""
        u = unit_at(doc, c.end, pairs=True)
        if u is not None and compound_part(doc, u.end, u.unit) is None:
            u = None
        if u is None and doc[c.end - 1].whitespace_ == "" and doc[c.end].idx in inch_marks(doc.text):
            u = unit_at(doc, c.end, pairs=True)  # an inch mark alone: 'a 12" pizza'
    if u is not None:
        c.unit, c.end, c.factor = u.unit, u.end, u.factor


def time_measure(doc: Doc, c: Cand) -> None:
    """Hours as a measure, not a duration, when the number is the level of a quantity: "the average
    workweek shortened to 34.3 hours" (unit ``h``); "spent three hours" stays a duration (left out)."""
    if c.unit is not None or c.end >= len(doc) or doc[c.end].lower_ not in mapping("time_units.txt") \
            or (c.end + 1 < len(doc) and doc[c.end + 1].lower_ == "of"):  # "eight hours of questioning"
        return
    if governing_verb(doc[c.core.start]) not in words("change_verbs.txt"):
        return
    subj = value_subject(doc, c.start, c.end + 1, copula=False)
    if subj is not None and subj.pos_ == "NOUN" and subj.lower_ not in words("time_nouns.txt"):
        c.unit, c.end = mapping("time_units.txt")[doc[c.end].lower_], c.end + 1


def compound_measure(doc: Doc, c: Cand) -> None:
    """A measure in two units is one figure in the larger: "6ft 2in" = 6.1667 ft, "6' 2\"", "11 st 4 lb"."""
    if c.unit is None or c.core.value is None:
        return
    part = compound_part(doc, c.end, c.unit)
    if part is not None:
        c.core.value += part[0]
        c.end = part[1]


def currency_of(doc: Doc, c: Cand) -> None:
    """"millions of dollars", "tens of millions of euros"; a vague magnitude of a measure: "thousands of
    light-years", "hundreds of miles" (the unit words are in the span, as "of dollars" is)."""
    if c.unit is not None or c.end + 1 >= len(doc) or doc[c.end].lower_ != "of":
        return
    if doc[c.end + 1].is_alpha and doc[c.end + 1].lower_ in currencies() and len(doc[c.end + 1].text) > 3:
        c.unit, c.factor = currencies()[doc[c.end + 1].lower_]
        c.end += 2
        return
    u = unit_at(doc, c.end + 1) if c.core.value is None else None
    if u is not None and not u.money and u.unit not in ("percent", "points") and doc[c.end + 1].is_alpha:
        c.unit, c.end = u.unit, u.end


def code_before(doc: Doc, c: Cand) -> None:
    """An ISO code before the number: "USD 5 million", "EUR 20"."""
    if c.unit is None and c.start > 0 and currency_code(doc[c.start - 1].text) is not None:
        c.start -= 1
        c.unit, c.factor = currency_code(doc[c.start].text)


def attach_qualifier(doc: Doc, c: Cand) -> None:
    """Take in a qualifier right before ("approximately", "more than"), but not a verb particle ("pushed up to")."""
    longest = len(qualifiers()[0]) if qualifiers() else 0
    before = [t.lower_ for t in doc[max(0, c.start - longest):c.start]]  # read once, not per qualifier
    for q in qualifiers():
        n = len(q)
        s = c.start - n
        if s >= 0 and before[len(before) - n:] == q:
            after_prep = s > 0 and doc[s - 1].pos_ == "ADP"  # "winds of up to 150 km/h": a qualifier
            if doc[s].lower_ == "up" and not after_prep and (doc[s].dep_ == "prt"
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
