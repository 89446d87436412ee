"""The records the time passes hand to each other: what an expression says, before and after anchoring.

``detect`` reads an expression's words into a ``Spec`` (what it names: a full date, a weekday, a
shift of a unit from the article's date, a duration...), which needs no date to be found;
``anchor`` then turns the spec into a TIMEX3 value once the article's date is known (it may come
from the page, the head of the text or the user, and a long input's pieces are read apart).
"""

from __future__ import annotations

from dataclasses import dataclass

# What a spec's ``kind`` says (the fields it uses in brackets):
#   value      a complete TIMEX3 value, anchored to nothing ("1998-01-08", "P2Y", "PRESENT_REF") [value]
#   shift      the unit holding the article's date, moved n units ("last week": W, -1) [unit, n]
#   ref        like shift, but from the last date the text named when it has the unit's grain
#              ("a year earlier" after "the third quarter" is that quarter a year before) [unit, n]
#   weekday    a day of the week, the one the tense points to [n: ISO weekday]
#   monthday   a month and day without a year [n: month, day]
#   month      a month without a year [n]
#   quarter    a quarter (n 1-4) or half (unit H) without a year [unit, n]
#   season     a season without a year [unit: SP, SU, FA, WI]
#   latest     the quarter the text last named, else the last one before the article's date ("the quarter")
#   thanksgiving  the fourth Thursday of November of the year the tense points to
KINDS = ("value", "shift", "ref", "weekday", "monthday", "month", "quarter", "season", "latest", "thanksgiving")


@dataclass(slots=True)
class Spec:
    """What a time expression names, as far as its own words tell."""

    kind: str
    value: str = ""
    unit: str = ""
    n: int = 0
    day: int = 0
    suffix: str = ""  # appended to a day's value: a part of the day ("TMO") or a clock time ("T15:00")


@dataclass(slots=True)
class TimeMention:
    """A time expression found in a piece: global offsets, its TIMEX3 type and spec, the tense around it.

    ``tense`` is -1 (past), +1 (future) or 0 (unknown) and says which way a weekday or a month
    without a year points from the article's date; ``value`` is filled by ``anchor``.  ``head`` is
    the index of its head token in the piece's Doc, for the ``when`` links (-1 when none).
    """

    start: int
    end: int
    text: str
    type: str
    spec: Spec
    tense: int = 0
    sentence: int = 0
    head: int = -1
    value: str = ""
