"""Anchor: the TIMEX3 value of each time expression, from its spec, the article's date and the tense.

Relative expressions are resolved against the article's date ("yesterday", "last week"), as the
TimeML guidelines do with the document creation time; a weekday or a month without a year goes the
way the tense of its clause points (past: the last one up to the article's date, future: the next
one from it, unknown: the nearest); "a year earlier" and "the quarter" are read from the last date
the text named when it has their grain (a quarter: "the year-earlier quarter" of 1989-Q3 is
1988-Q3), as HeidelTime's news strategy does.  With no article date, a relative expression keeps
the value its own words give, the rest unknown: "Friday" XXXX-WXX-5, "yesterday" XXXX-XX-XX,
"last year" XXXX, "November" XXXX-11.
"""

from __future__ import annotations

import datetime as dt
import re

from .spec import Spec, TimeMention

_SEASONS = ("SP", "SU", "FA", "WI")
# A date without a year is taken in the article's year unless that puts it more than this many days
# after the article's date (then it is last year's) or a year less this before (next year's):
# news tells more of what was than of what will be.
AHEAD_DAYS = 90
_GRAIN = (
    ("day", re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")),
    ("week", re.compile(r"^(\d{4})-W(\d\d)$")),
    ("month", re.compile(r"^(\d{4})-(\d\d)$")),
    ("quarter", re.compile(r"^(\d{4})-Q(\d)$")),
    ("half", re.compile(r"^(\d{4})-H(\d)$")),
    ("year", re.compile(r"^(\d{4})$")),
)


def grain(value: str) -> tuple[str, tuple[int, ...]] | None:
    """('quarter', (1989, 3)) for '1989-Q3'; None for a value that is not a calendar date."""
    for name, pattern in _GRAIN:
        m = pattern.match(value)
        if m:
            return name, tuple(int(g) for g in m.groups())
    return None


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def _shift(unit: str, n: int, d: dt.date) -> str:
    """The unit holding ``d``, moved ``n`` units: ('W', -1) is last week."""
    if unit == "D":
        return (d + dt.timedelta(days=n)).isoformat()
    if unit == "W":
        return _week(d + dt.timedelta(weeks=n))
    if unit == "WE":
        return _week(d + dt.timedelta(weeks=n)) + "-WE"
    if unit == "M":
        y, m = _add_months(d.year, d.month, n)
        return f"{y}-{m:02d}"
    if unit == "Q":
        k = d.year * 4 + (d.month - 1) // 3 + n
        return f"{k // 4}-Q{k % 4 + 1}"
    if unit == "H":
        k = d.year * 2 + (d.month - 1) // 6 + n
        return f"{k // 2}-H{k % 2 + 1}"
    if unit == "Y":
        return str(d.year + n)
    if unit == "DE":
        return str(d.year // 10 + n)
    if unit == "C":
        return str(d.year // 100 + n)
    if unit == "T":
        return d.isoformat()
    return d.isoformat()


_UNKNOWN = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
            "H": "XXXX-HX", "Y": "XXXX", "DE": "XXX", "C": "XX", "T": "XXXX-XX-XX"}


def _year_for(k: int, now: int, tense: int) -> int:
    """How many years from the article's date a yearly position ``k`` (a month, a quarter) lies: past
    tense, the last one up to ``now``; future, the next one from ``now``; else the nearest (same year
    on a tie)."""
    if tense < 0:
        return 0 if k <= now else -1
    if tense > 0:
        return 0 if k >= now else 1
    return 0


def _nearest_year(month: int, day: int, d: dt.date, tense: int) -> int:
    """The year of 'Nov. 2' (no year given) as the tense points; unknown: within six months of ``d``."""
    if tense < 0:
        return d.year if (month, day) <= (d.month, d.day) else d.year - 1
    if tense > 0:
        return d.year if (month, day) >= (d.month, d.day) else d.year + 1
    diff = (month - d.month) * 31 + (day - d.day)
    if diff > AHEAD_DAYS:
        return d.year - 1
    if diff < AHEAD_DAYS - 365:
        return d.year + 1
    return d.year


def _weekday(n: int, d: dt.date, tense: int, shift: str) -> dt.date:
    today = d.isoweekday()
    back, ahead = (today - n) % 7, (n - today) % 7
    if shift == "-1":
        return d - dt.timedelta(days=back or 7)
    if shift == "1":
        return d + dt.timedelta(days=ahead or 7)
    if shift == "0":
        return d + dt.timedelta(days=n - today)
    if tense > 0:
        return d + dt.timedelta(days=ahead)
    if tense < 0:
        return d - dt.timedelta(days=back)
    return d - dt.timedelta(days=back) if back <= 3 or ahead > 3 else d + dt.timedelta(days=ahead)


def _thanksgiving(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(4 - first.isoweekday()) % 7 + 21)


def _season_of(d: dt.date) -> tuple[int, int]:
    """(year, season index) of a date: SP 0, SU 1, FA 2, WI 3; January's winter began the year before."""
    if d.month <= 2:
        return d.year - 1, 3
    return d.year, 3 if d.month == 12 else (d.month - 3) // 3


def value_of(spec: Spec, tense: int, d: dt.date | None, last: dict[str, str]) -> str:
    """The TIMEX3 value of ``spec`` for an article dated ``d`` (None: unknown); ``last`` maps a grain
    ('quarter', 'day', ...) to the value the text named last with it, for 'a year earlier'."""
    k = spec.kind
    if k == "value":
        return spec.value + spec.suffix
    if d is None:
        return _unanchored(spec)
    if k == "shift" and spec.unit == "WE" and spec.value == "nearest":
        # 'the weekend': the one just past, unless the article's date is in it or the tense points ahead
        ahead = d.isoweekday() >= 6 or tense > 0
        return _shift("WE", 0 if ahead else -1, d)
    if k == "shift":
        out = _shift(spec.unit, spec.n, d)
        return out + spec.suffix if spec.unit in ("D", "T") else out
    if k == "ref":
        return _from_reference(spec, d, last)
    if k == "latest":
        if "quarter" in last:
            return last["quarter"]
        return _shift("Q", -1, d)
    if k == "weekday":
        return _weekday(spec.n, d, tense, spec.unit).isoformat() + spec.suffix
    if k == "monthday":
        year = d.year + int(spec.value[5:]) if spec.value.startswith("year:") else \
            _nearest_year(spec.n, spec.day, d, 1 if tense > 0 else 0)
        return f"{year:04d}-{spec.n:02d}-{spec.day:02d}{spec.suffix}"
    if k == "month" and spec.value.startswith("year:"):
        return f"{d.year + int(spec.value[5:])}-{spec.n:02d}"
    if k == "month":
        if spec.unit:
            shift = int(spec.unit)
            tense = -2 if shift < 0 else 2 if shift > 0 else 0
        if tense == -2:
            year = d.year if spec.n < d.month else d.year - 1
        elif tense == 2:
            year = d.year if spec.n > d.month else d.year + 1
        elif tense <= 0 and not spec.unit:
            year = _nearest_year(spec.n, 1, d, 0)
        else:
            year = d.year + _year_for(spec.n, d.month, tense)
        return f"{year}-{spec.n:02d}"
    if k == "quarter":
        now = (d.month - 1) // 3 + 1 if spec.unit == "Q" else (d.month - 1) // 6 + 1
        year = d.year + (spec.day if spec.value == "year" else _year_for(spec.n, now, -1))
        return f"{year}-{spec.unit}{spec.n}"
    if k == "season":
        idx = _SEASONS.index(spec.unit)
        base, now = _season_of(d)
        if spec.value == "tense":
            year = base + _year_for(idx, now, tense)
        elif spec.n < 0:
            year = base if idx < now else base - 1
        elif spec.n > 0:
            year = base if idx > now else base + 1
        else:
            year = base
        return f"{year}-{spec.unit}"
    if k == "thanksgiving":
        near = min((_thanksgiving(d.year + k) for k in (-1, 0, 1)), key=lambda t: abs((t - d).days))
        return near.isoformat()
    return spec.value


def _from_reference(spec: Spec, d: dt.date, last: dict[str, str]) -> str:
    """'a year earlier', 'the year-ago quarter', 'three days later': from the last date the text
    named, at its grain (a quarter gives a quarter), else from the article's date."""
    if spec.value == "quarter":  # 'the year-earlier quarter': the quarter named last, else the last one ended
        q = grain(last["quarter"]) if "quarter" in last else grain(_shift("Q", -1, d))
        assert q is not None
        return f"{q[1][0] + spec.n}-Q{spec.day or q[1][1]}"
    g = grain(last["any"]) if "any" in last else None
    if g is not None:
        name, parts = g
        if spec.unit == "Y" and name in ("quarter", "half"):
            return f"{parts[0] + spec.n}-{'Q' if name == 'quarter' else 'H'}{parts[1]}"
    return _shift(spec.unit, spec.n, d)


def _unanchored(spec: Spec) -> str:
    """The value of a relative expression with no article date: what its own words say, the rest X."""
    k = spec.kind
    if k == "shift":
        return _UNKNOWN.get(spec.unit, "XXXX-XX-XX") + (spec.suffix if spec.unit in ("D", "T") else "")
    if k == "ref":
        return _UNKNOWN.get(spec.unit, "XXXX")
    if k == "latest":
        return "XXXX-QX"
    if k == "weekday":
        return f"XXXX-WXX-{spec.n}{spec.suffix}"
    if k == "monthday":
        return f"XXXX-{spec.n:02d}-{spec.day:02d}{spec.suffix}"
    if k == "month":
        return f"XXXX-{spec.n:02d}"
    if k == "quarter":
        return f"XXXX-{spec.unit}{spec.n}"
    if k == "season":
        return f"XXXX-{spec.unit}"
    if k == "thanksgiving":
        return "XXXX-11-XX"
    return spec.value or "XXXX-XX-XX"


def anchor(mentions: list[TimeMention], date: dt.date | None, year_known: bool = True) -> None:
    """Set ``value`` on every mention, in text order (a reference reads the dates named before it).

    With ``year_known`` false (a yearless dateline), values are computed in ``date``'s stand-in year
    and the year is then hidden: what depends on it (a weekday's date, a week number) stays X."""
    last: dict[str, str] = {}
    for m in mentions:
        if year_known or date is None:
            m.value = value_of(m.spec, m.tense, date, last)
        elif m.spec.kind in ("weekday", "thanksgiving", "ref", "latest") or m.spec.unit in ("W", "WE"):
            m.value = _unanchored(m.spec)
        else:
            m.value = _hide_year(value_of(m.spec, m.tense, date, last)) if m.spec.kind != "value" else m.spec.value
        if m.type in ("DATE", "TIME") and m.spec.kind not in ("ref", "latest"):
            day = m.value.split("T")[0] if len(m.value) > 10 and m.value[10:11] == "T" else m.value
            g = grain(day)
            if g is not None:
                last["any"] = day
                if g[0] == "quarter":
                    last["quarter"] = day


def _hide_year(value: str) -> str:
    """A value computed in a stand-in year, with the year (or decade, century) written X."""
    if re.fullmatch(r"\d{2,3}", value):
        return "X" * len(value)
    return re.sub(r"^\d{4}", "XXXX", value)
