"""Detect: time expressions in a text, each with its TIMEX3 type and what its words say (a ``Spec``).

A grammar of patterns built from the lexicons (``lex``), one rule per way of writing a time, in
the style of HeidelTime's rule files (Strötgen and Gertz, 2013), which did best at TempEval-3:
full dates ("November 2, 1989", "2 Nov 1989", "1989-11-02"), a month and day ("Nov. 2"), a month
("last November"), a weekday with its part of the day ("Friday morning"), days by name
("yesterday"), clock times ("3:30 p.m. EST"), vague references ("now", "recently"), a unit moved
from the article's date ("last week", "two years ago"), quarters and halves ("the third quarter",
"third-quarter"), years and decades ("1989", "the 1990s"), durations ("two years", "the past
several months", "five-year") and sets ("every Monday", "daily", "$5 a year").  Where several
rules match overlapping text, the longest match wins; a modifier just before ("early", "the end of",
"more than") widens the span without changing the value; a clock time next to a day is one
expression ("3 p.m. Friday").

This pass reads only the text: which year a bare year is, and where the tense points, are left to
``checks`` and ``tense`` (they read the parse).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from text_to_num import text2num

from . import lex
from .spec import Spec

Found = tuple[int, int, str, Spec]  # start, end (piece-local), TIMEX3 type, spec
Rule = Callable[[re.Match, str], Found | None]

# a word starts here (after a hyphen too: "mid-November"; ``_glued`` drops the other hyphenated ones)
_B = r"(?<![\w'’])"
_E = r"(?!\w|['’](?!s\b))"  # a word ends here, maybe before a possessive ("Friday's") or a hyphen
_EW = r"(?![\w-]|['’](?!s\b))"  # a word ends here, no hyphen after
_S = r"\s+"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET))?"


@cache
def _numbers() -> dict[str, str]:
    """The number-word patterns: 'units' (one to nineteen), 'tens' (twenty to ninety), 'digits' (one to
    nine), and 'num': a count of units as digits, words ('twenty four', 'forty-five') or 'a'."""
    words = lex.number_words()
    units = "|".join(w for w, v in words.items() if v < 20)
    tens = "|".join(w for w, v in words.items() if v >= 20)
    digits = "|".join(w for w, v in words.items() if v < 10)
    num = (rf"(?:\d+(?:\.\d+)?|(?:{tens})(?:[-\s](?:{digits}))?|{units}"
           r"|a|an|a\s+hundred|one\s+hundred|a\s+half|half\s+a|half\s+an|a\s+couple(?:\s+of)?)")
    return {"units": units, "tens": tens, "digits": digits, "num": num}


@cache
def _pieces() -> dict[str, str]:
    """Alternations of the lexicons, each as a regex piece."""
    month_words = [w for w in lex.months() if len(w) > 4 or w in ("may", "june", "july")]
    abbrevs = [w for w in lex.months() if w not in month_words]
    units = list(lex.units())
    return {
        "month": rf"(?:{lex.alternation(month_words)}|(?:{lex.alternation(abbrevs)})\.?)",
        "wd": lex.alternation(lex.weekdays()),
        "unit": lex.alternation(units),
        "unit1": lex.alternation(u for u in units if not u.endswith("s") or u == "hours"),
        "part": lex.alternation(lex.day_parts()),
        "season": lex.alternation(lex.seasons()),
        "shift": lex.alternation(lex.shifts()),
        "vague": lex.alternation(lex.vague_counts()),
        "ref": lex.alternation(lex.references()),
        "dayword": lex.alternation(lex.day_words()),
        "holiday": lex.alternation(lex.holidays()),
        "setword": lex.alternation(lex.set_words()),
    }


def _ordinal(word: str) -> int:
    return lex.ordinals()[word.lower()]


_FULL_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december"})


def _month(word: str) -> int:
    return lex.months()[word.lower().rstrip(".")]


def _number(word: str) -> float | None:
    """The value of a count of units ("two", "twenty four", "1.5", "a"); None when vague ("several")."""
    w = " ".join(word.lower().replace("-", " ").split())
    if w in ("a", "an"):
        return 1
    if w in ("a couple of", "a couple", "a pair of"):
        return 2
    if w in ("a half", "half a", "half an"):
        return 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    try:
        return float(text2num(w, "en"))
    except ValueError:
        return None


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def duration(n: float | None, unit_word: str) -> str:
    """A TIMEX3 duration: 2 'years' -> P2Y, 24 'hours' -> PT24H, None 'months' -> PXM, 1 'decade' -> P10Y."""
    code, size = lex.units()[unit_word.lower()]
    if code == "DE":
        code, size = ("DE", 1) if n is None else ("Y", 10)
    if n is not None and n != int(n):  # "half an hour": in the next smaller unit
        smaller = {"H": ("MIN", 60), "Y": ("M", 12), "D": ("H", 24), "M": ("D", 30), "W": ("D", 7)}
        if code in smaller:
            code, factor = smaller[code]
            n = n * factor
    amount = "X" if n is None else _fmt(n * size)
    if code in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if code == 'MIN' else code}"
    return f"P{amount}{code}"


def _valid_day(month: int, day: int) -> bool:
    return 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def _day_of(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


# ---------------------------------------------------------------- the rules, one per way of writing a time

def _full_date(m: re.Match, text: str) -> Found | None:
    """'November 2, 1989', 'Friday, Nov. 3, 1989', 'Nov 2 1989', '2 November 1989'."""
    if not _capitalised(m["mon"]):
        return None
    month, day = _month(m["mon"]), _day_of(m["day"])
    if not _valid_day(month, day):
        return None
    return m.start(), m.end(), "DATE", Spec("value", f"{m['year']}-{month:02d}-{day:02d}")


def _month_day(m: re.Match, text: str) -> Found | None:
    """'Nov. 2', 'Friday, Oct. 13', '13 October': a day of a month, the year from the article's date."""
    if not _capitalised(m["mon"]):
        return None
    month, day = _month(m["mon"]), _day_of(m["day"])
    if not _valid_day(month, day):
        return None
    return m.start(), m.end(), "DATE", Spec("monthday", n=month, day=day)


def _month_year(m: re.Match, text: str) -> Found | None:
    """'November 1989', 'November of 1989'."""
    if not _capitalised(m["mon"]):
        return None
    return m.start(), m.end(), "DATE", Spec("value", f"{m['year']}-{_month(m['mon']):02d}")


def _iso(m: re.Match, text: str) -> Found | None:
    """'1989-11-02' and the American '11/02/1989', '11/2/89' (a slash date needs its year: '9/11' is a name)."""
    year = m["y"] if len(m["y"]) == 4 else ("19" if int(m["y"]) > 30 else "20") + m["y"]
    month, day = int(m["m"]), int(m["d"])
    if not (1 <= month <= 12 and _valid_day(month, day)):
        return None
    return m.start(), m.end(), "DATE", Spec("value", f"{year}-{month:02d}-{day:02d}")


def _month_alone(m: re.Match, text: str) -> Found | None:
    """'November', 'last November', 'this September': a month without a day or a year.

    'May' and 'March' are also a verb and a modal: alone they need a word before that
    governs a month ('in May', 'since March', 'last May')."""
    word = m["mon"]
    if not _capitalised(word):
        return None
    shift = (m["shift"] or "").lower()
    if word.lower() in ("may", "march") and not shift:
        before = text[max(0, m.start() - 12):m.start()].split()
        if not before or before[-1].lower().rstrip("-") not in lex.month_cues():
            return None
    if word.lower().rstrip(".") not in _FULL_MONTHS:
        return None  # an abbreviation alone ("Jan") is too often something else
    spec = Spec("month", n=_month(word))
    if shift:
        spec.unit = str(lex.shifts().get(shift, 0))
    return m.start(), m.end(), "DATE", spec


def _weekday(m: re.Match, text: str) -> Found | None:
    """'Friday', 'last Friday', 'Friday morning', 'Fridays' (each Friday: a set)."""
    if not _capitalised(m["wd"]):
        return None
    n = lex.weekdays()[m["wd"].lower()]
    part = lex.day_parts().get((m["part"] or "").lower(), "")
    if m["plural"]:
        return m.start(), m.end(), "SET", Spec("value", f"XXXX-WXX-{n}" + (f"T{part}" if part else ""))
    spec = Spec("weekday", n=n, suffix=f"T{part}" if part else "")
    if m["shift"]:
        spec.unit = str(lex.shifts().get(m["shift"].lower(), 0))
    return m.start(), m.end(), "TIME" if part else "DATE", spec


def _day_word(m: re.Match, text: str) -> Found | None:
    """'today', 'yesterday', 'tomorrow', 'tonight', 'yesterday afternoon'."""
    n, part = lex.day_words()[m["dw"].lower()]
    if m["part"]:
        part = lex.day_parts()[m["part"].lower()]
    return m.start(), m.end(), "TIME" if part else "DATE", Spec("shift", unit="D", n=n,
                                                                 suffix=f"T{part}" if part else "")


def _this_part(m: re.Match, text: str) -> Found | None:
    """'this morning' (the article's day), 'last night' (the day before)."""
    n = -1 if m["which"].lower() == "last" else 0
    part = lex.day_parts()[m["part"].lower()]
    return m.start(), m.end(), "TIME", Spec("shift", unit="D", n=n, suffix=f"T{part}")


def _reference(m: re.Match, text: str) -> Found | None:
    """'now', 'currently', 'recently', 'the future': PRESENT_REF, PAST_REF, FUTURE_REF."""
    value = lex.references()[lex.norm(m.group())]
    word = lex.norm(m.group())
    after = text[m.end():m.end() + 20].lstrip().lower()
    if word in ("current", "recent", "future") and not re.match(r"[a-z]", after):
        return None  # an adjective is a time only before its noun
    if word == "current" and re.match(r"(account|affairs|event|events)\b", after):
        return None
    if word == "now" and re.match(r"that\b", after):
        return None  # 'now that': a conjunction
    return m.start(), m.end(), "DATE", Spec("value", value)


def _unit_shift(m: re.Match, text: str) -> Found | None:
    """'last week', 'this year', 'next month', 'the past year', 'last spring', 'this weekend'."""
    shift = lex.shifts()[lex.norm(m["shift"])]
    unit = m["unitw"].lower()
    if unit in lex.seasons():
        spec = Spec("season", unit=lex.seasons()[unit], n=shift)
        return m.start(), m.end(), "DATE", spec
    if unit in ("decade", "century") and shift < 0:  # 'the past decade': the ten years up to now
        return m.start(), m.end(), "DURATION", Spec("value", duration(1, unit))
    code = {"year": "Y", "quarter": "Q", "month": "M", "week": "W", "weekend": "WE", "day": "D", "decade": "DE",
            "century": "C"}[unit]
    if m["the"] and unit == "day":
        return None
    return m.start(), m.end(), "DATE", Spec("shift", unit=code, n=shift)


def _ago(m: re.Match, text: str) -> Found | None:
    """'two years ago', 'a year earlier', 'three days later', 'six weeks from now'."""
    unit = m["unitw"].lower()
    if not m["num"] and unit.endswith("s"):
        return None  # 'months ago': how many is not said (the duration rule reads 'months')
    n = _number(m["num"]) if m["num"] else 1
    code, size = lex.units()[unit]
    if code in ("H", "MIN", "S"):
        return None
    direction = 1 if m["dir"].lower() in ("later", "from now", "hence") else -1
    if n is None or n != int(n):
        # 'a few years ago': the decade holding them, at the unit's grain as far as it is known
        return m.start(), m.end(), "DATE", Spec("value", "PAST_REF" if direction < 0 else "FUTURE_REF")
    if code == "DE":
        code, size = "Y", 10
    kind = "shift" if m["dir"].lower() in ("ago", "from now", "hence") and not (code == "Y" and n == 1) else "ref"
    return m.start(), m.end(), "DATE", Spec(kind, unit=code, n=direction * int(n) * size)


def _ref_period(m: re.Match, text: str) -> Found | None:
    """'the year-earlier quarter', 'the year-ago period', 'year-earlier': the quarter named last, a year
    before (a quarter's name says so: 'the year-earlier third quarter')."""
    spec = Spec("ref", unit="Y", n=-1, value="quarter" if re.search(r"(?i)quarter|period", m.group()) else "")
    if m["ord"]:
        spec.day = _ordinal(m["ord"])
    return m.start(), m.end(), "DATE", spec


def _year_ended(m: re.Match, text: str) -> Found | None:
    """'the year ended March 31', 'the fiscal year ending June 30': a year's length, up to that day."""
    return m.start(), m.end("y"), "DURATION", Spec("value", "P1Y")


def _latest(m: re.Match, text: str) -> Found | None:
    """'the quarter', 'the latest quarter', 'the latest period', 'that quarter'."""
    return m.start(), m.end(), "DATE", Spec("latest", unit="Q")


def _duration(m: re.Match, text: str) -> Found | None:
    """'two years', 'the past several months', 'the first nine months', 'a week', '24 hours'."""
    num = m["num"]
    n = None if m["vague"] else _number(num)
    if not m["vague"] and n is None:
        return None
    unit = m["unitw"].lower()
    if num and num.lower() in ("a", "an") and unit.endswith("s"):
        return None
    after = text[m.end():m.end() + 12]
    if re.match(r"[\s-]+old\b", after) or (unit.startswith("quarter") and re.match(r"\s+of\b", after)):
        return None  # an age ('52 years old'), a fraction ('a quarter of the vote')
    if unit == "second" and num and num.lower() in ("a", "an"):
        return None  # 'a second term': an ordinal
    if num and num.lower() in ("a", "an", "one") and not m["the"] and not m["pfx"]:
        # 'a year' after an amount is a rate ('$5 a year'): a set
        before = text[max(0, m.start() - 40):m.start()]
        if re.search(r"\d[\d,.]*\s*(?:%|percent|[a-z]+)?\s*\S*\s*$", before) and num.lower() in ("a", "an"):
            return m.start(), m.end(), "SET", Spec("value", duration(1, unit))
    return m.start(), m.end(), "DURATION", Spec("value", duration(n, unit))


def _adjective_duration(m: re.Match, text: str) -> Found | None:
    """'five-year', '24-hour', 'two-week', 'several-year' (before a noun)."""
    n = None if m["vague"] else _number(m["num"])
    if n is None and not m["vague"]:
        return None
    return m.start(), m.end(), "DURATION", Spec("value", duration(n, m["unitw"]))


def _bare_units(m: re.Match, text: str) -> Found | None:
    """'for years', 'in weeks', 'decades' after a preposition: an unknown number of units (PXY)."""
    return m.start("unitw"), m.end(), "DURATION", Spec("value", duration(None, m["unitw"]))


def _recent_units(m: re.Match, text: str) -> Found | None:
    """'recent years', 'recent weeks': the past."""
    return m.start(), m.end(), "DATE", Spec("value", "PAST_REF")


def _quarter(m: re.Match, text: str) -> Found | None:
    """'the third quarter', 'third-quarter', 'the fiscal first quarter', 'the second half of 1989',
    'this year's third quarter', 'the fourth quarter of last year'."""
    n = _ordinal(m["ord"])
    half = m["q"].lower() == "half"
    if half and n > 2:
        return None
    unit = "H" if half else "Q"
    year = m["year"] or m["year2"]
    rel = (m["yrel"] or m["yrel2"] or "").lower()
    if year:
        return m.start(), m.end(), "DATE", Spec("value", f"{year}-{unit}{n}")
    if rel:
        shift = {"this": 0, "last": -1, "next": 1}[rel]
        return m.start(), m.end(), "DATE", Spec("quarter", unit=unit, n=n, day=shift, value="year")
    return m.start(), m.end(), "DATE", Spec("quarter", unit=unit, n=n)


def _year(m: re.Match, text: str) -> Found | None:
    """'1989', 'fiscal 1989', 'the year 2000' (``checks`` drops counts and names that look like years)."""
    return m.start(), m.end(), "DATE", Spec("value", m["y"])


def _decade(m: re.Match, text: str) -> Found | None:
    """'the 1990s', 'the '80s', 'mid-1990s'."""
    if m["dec"]:
        return m.start(), m.end(), "DATE", Spec("value", m["dec"][:3])
    return m.start(), m.end(), "DATE", Spec("value", "19" + m["d2"])


def _century(m: re.Match, text: str) -> Found | None:
    """'the 20th century' (19), 'the nineteenth century'."""
    w = m["c"].lower()
    n = int(re.match(r"\d+", w).group()) if w[0].isdigit() else _ordinal(w)  # type: ignore[union-attr]
    return m.start(), m.end(), "DATE", Spec("value", f"{n - 1:02d}")


def _clock(m: re.Match, text: str) -> Found | None:
    """'3 p.m.', '10:30 a.m. EST', '14:30', '1350 GMT', 'noon', 'midnight'."""
    groups = m.groupdict()
    if groups.get("noon"):
        w = groups["noon"].lower()
        return m.start(), m.end(), "TIME", Spec("shift", unit="T", suffix="T12:00" if w == "noon" else "T24:00")
    h, mi = int(m["h"]), int(m["mi"] or 0)
    ap = (groups.get("ap") or "").lower().replace(".", "")
    if ap:
        if not 1 <= h <= 12:
            return None
        h = (0 if h == 12 else h) + (12 if ap.startswith("p") else 0)
    elif h > 23 or m["mi"] is None:
        return None
    return m.start(), m.end(), "TIME", Spec("shift", unit="T", suffix=f"T{h:02d}:{mi:02d}")


def _set(m: re.Match, text: str) -> Found | None:
    """'every Monday', 'each year', 'every other week', 'daily', 'weekly'."""
    if m["setword"]:
        return m.start(), m.end(), "SET", Spec("value", lex.set_words()[m["setword"].lower()])
    w = m["what"].lower()
    if w in lex.weekdays():
        return m.start(), m.end(), "SET", Spec("value", f"XXXX-WXX-{lex.weekdays()[w]}")
    if w in lex.months():
        return m.start(), m.end(), "SET", Spec("value", f"XXXX-{lex.months()[w.rstrip('.')]:02d}")
    if w in lex.day_parts():
        return m.start(), m.end(), "SET", Spec("value", f"XXXX-XX-XXT{lex.day_parts()[w]}")
    if w in lex.seasons():
        return m.start(), m.end(), "SET", Spec("value", f"XXXX-{lex.seasons()[w]}")
    n = 2 if m["other"] else 1
    return m.start(), m.end(), "SET", Spec("value", duration(n, w))


def _holiday(m: re.Match, text: str) -> Found | None:
    """'Christmas', 'Thanksgiving Day', 'New Year's Day'."""
    if not _capitalised(m.group()):
        return None
    rule = lex.holidays()[lex.norm(m.group())]
    if rule == "thanksgiving":
        return m.start(), m.end(), "DATE", Spec("thanksgiving")
    month, day = (int(x) for x in rule.split("-"))
    return m.start(), m.end(), "DATE", Spec("monthday", n=month, day=day)


def _season_alone(m: re.Match, text: str) -> Found | None:
    """'the summer', 'in spring', 'the fall of 1989', 'summer 1989'."""
    code = lex.seasons()[m["season"].lower()]
    if m["year"]:
        return m.start(), m.end(), "DATE", Spec("value", f"{m['year']}-{code}")
    if m["season"].lower() == "fall" and (not m["the"] or re.match(r"\s+of\b", text[m.end():])):
        return None  # 'fall' is a verb more often than a season, and 'the fall of' a regime's
    return m.start(), m.end(), "DATE", Spec("season", unit=code, n=0, value="tense")


def _weekend(m: re.Match, text: str) -> Found | None:
    """'the weekend', 'this weekend' ('last' and 'next' weekend are shifts of their own)."""
    word = m.group().split()[0].lower()
    if word in ("last", "next"):
        return m.start(), m.end(), "DATE", Spec("shift", unit="WE", n=-1 if word == "last" else 1)
    return m.start(), m.end(), "DATE", Spec("shift", value="nearest", unit="WE", n=0)


@cache
def rules() -> list[tuple[re.Pattern, Rule]]:
    """The grammar: (pattern, reader) pairs, all matched over the whole text."""
    p = _pieces()
    mon, wd, nums = p["month"], p["wd"], _numbers()
    num = nums["num"]
    quarter_ord = lex.alternation(w for w, v in lex.ordinals().items() if v <= 4)
    century_ord = lex.alternation(w for w, v in lex.ordinals().items() if v > 4)
    flags = re.IGNORECASE
    table: list[tuple[str, Rule]] = [
        (rf"{_B}(?:(?:{wd}),?{_S})?(?P<mon>{mon}){_S}(?P<day>{_DAY}),?{_S}(?P<year>{_YEAR}){_EW}", _full_date),
        (rf"{_B}(?P<day>{_DAY}){_S}(?:of{_S})?(?P<mon>{mon}),?{_S}(?P<year>{_YEAR}){_EW}", _full_date),
        (rf"{_B}(?:(?:{wd}),?{_S})?(?P<mon>{mon}){_S}(?P<day>{_DAY})(?![\w'’]|[,.]\d|:\d)", _month_day),
        (rf"{_B}(?:(?:{wd}),?{_S})?(?:the{_S})?(?P<day>{_DAY}){_S}(?:of{_S})?(?P<mon>{mon}){_EW}", _month_day),
        (rf"{_B}(?P<mon>{mon}),?{_S}(?:of{_S})?(?P<year>{_YEAR}){_EW}", _month_year),
        (r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\w/-])", _iso),
        (r"(?<![\w/.-])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)(?![\w/-])", _iso),
        (rf"{_B}(?:(?P<shift>last|next|this|past){_S})?(?P<mon>{mon}){_EW}", _month_alone),
        (rf"{_B}(?:(?P<shift>last|next|this|past|coming){_S})?(?P<wd>{wd})(?P<plural>s)?"
         rf"(?:{_S}(?P<part>{p['part']}))?{_EW}", _weekday),
        (rf"{_B}(?P<dw>{p['dayword']})(?:{_S}(?P<part>{p['part']}))?{_E}", _day_word),
        (rf"{_B}(?P<which>this|last){_S}(?P<part>morning|afternoon|evening|night){_EW}", _this_part),
        (rf"{_B}(?:{p['ref']}){_E}", _reference),
        (rf"{_B}(?:(?P<the>the){_S})?(?P<shift>{p['shift']}){_S}(?P<unitw>year|quarter|month|week|weekend|decade|"
         rf"century|{p['season']}){_EW}", _unit_shift),
        (rf"{_B}(?:(?P<num>{num}|{p['vague']}){_S})?(?P<unitw>{p['unit']}){_S}(?P<dir>ago|earlier|later|from{_S}now|"
         rf"hence){_E}", _ago),
        (rf"{_B}(?:the{_S})?(?:(?:comparable|same|corresponding){_S})?(?:year-earlier|year-ago|year\s+earlier|"
         rf"year\s+ago)(?:(?:{_S}(?:(?P<ord>{quarter_ord})|fiscal))*{_S}(?:quarter|period))?{_E}",
         _ref_period),
        (rf"{_B}(?P<y>the{_S}(?:(?:latest|current|last){_S})?(?:fiscal{_S})?year){_S}(?:that{_S})?(?:ended|ending)"
         rf"{_EW}", _year_ended),
        (rf"{_B}(?:the|that){_S}(?:(?:latest|most{_S}recent|current|recent|same|previous|prior|comparable|"
         rf"corresponding){_S})?(?:quarter|period)(?!s){_E}", _latest),
        (rf"{_B}(?:(?P<the>the|these|those){_S})?(?:(?P<pfx>past|last|next|first|coming|previous|following|final|"
         rf"latest|remaining|initial|ensuing|last{_S}few|past{_S}few|next{_S}few){_S})?"
         rf"(?:(?P<vague>{p['vague']})|(?P<num>{num})){_S}(?:(?:more|additional|full|straight|consecutive|long|"
         rf"short|extra){_S})?(?P<unitw>{p['unit']}){_EW}", _duration),
        (rf"{_B}(?:(?P<vague>several|many|few)|(?P<num>\d+|{nums['units']}|(?:{nums['tens']})"
         rf"(?:-(?:{nums['digits']}))?))-(?P<unitw>{p['unit1']})(?![\w'’]|-old)", _adjective_duration),
        (rf"{_B}(?:for|in|within|over|after|takes?|took|lasts?|lasted){_S}(?P<unitw>years|months|weeks|days|hours|"
         rf"minutes|decades|centuries){_EW}", _bare_units),
        (rf"{_B}recent{_S}(?:years|months|weeks|days|decades){_EW}", _recent_units),
        (rf"{_B}(?:(?:the|this|that|its|their){_S})?(?:(?:(?P<year>{_YEAR})|(?P<yrel>this|last|next){_S}year)'s{_S})?"
         rf"(?:(?:fiscal|calendar)[-\s]+)?(?P<ord>{quarter_ord})[-\s]+"
         rf"(?:(?:fiscal|calendar)[-\s]+)?(?P<q>quarter|half)(?:{_S}of{_S}(?:(?:fiscal|the{_S}year){_S})?"
         rf"(?:(?P<year2>{_YEAR})|(?P<yrel2>this|last|next){_S}year))?{_E}", _quarter),
        (rf"{_B}(?:(?:fiscal(?:{_S}year)?|the{_S}year|calendar|FY){_S}?)?(?P<y>{_YEAR}){_EW}(?!\s*(?:%|percent))",
         _year),
        (rf"{_B}(?:the{_S})?(?:(?:early|mid|late)[-\s]+)?(?:(?P<dec>1[5-9]\d0|20\d0)|[’']?(?P<d2>[1-9])0)[’']?s{_EW}",
         _decade),
        (rf"{_B}(?:the{_S})?(?P<c>1[5-9]th|2[01](?:st|th)|{century_ord}){_S}century{_EW}",
         _century),
        (rf"(?<![\w:.,])(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?![\w])"
         rf"|(?P<noon>noon|midnight){_EW}){_TZ}", _clock),
        (rf"(?<![\w:.,$])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:]){_TZ}", _clock),
        (rf"(?<![\w:.,$])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?:GMT|UTC|EST|EDT|BST|CET){_EW}", _clock),
        (rf"{_B}(?:(?:every|each){_S}(?P<other>other{_S})?(?P<what>{p['unit']}|{wd}|{mon}|{p['part']}|{p['season']})"
         rf"|(?P<setword>{p['setword']})){_EW}", _set),
        (rf"{_B}(?:{p['holiday']}){_E}", _holiday),
        (rf"{_B}(?:(?P<the>the){_S})?(?P<season>{p['season']})(?:{_S}(?:of{_S})?(?P<year>{_YEAR}))?{_EW}",
         _season_alone),
        (rf"{_B}(?:the|this|last|next){_S}weekend{_EW}", _weekend),
    ]
    return [(re.compile(pattern, flags), reader) for pattern, reader in table]


@cache
def _modifier_pattern() -> re.Pattern:
    """A modifier phrase ending just before an expression: 'early ', 'the end of ', 'mid-'."""
    mods = lex.alternation(m for m in lex.modifiers())
    return re.compile(rf"{_B}(?:{mods})(?:\s+|-)$", re.IGNORECASE)


def _widened(start: int, text: str, kind: str) -> int:
    """Start of the expression with the modifier written just before it ('late November', 'mid-1990s')."""
    head = text[max(0, start - 25):start]
    m = _modifier_pattern().search(head)
    if m is None:
        return start
    word = lex.norm(m.group().rstrip("- \t\n"))
    approx = lex.modifiers().get(word) == "approx"
    if approx != (kind == "DURATION"):
        return start
    if "\n\n" in m.group():
        return start
    return start - len(m.group())


def _merge_clock(found: list[Found], text: str) -> list[Found]:
    """A clock time and the day written next to it are one expression: '3 p.m. Friday', 'Friday at 3 p.m.'."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        cur = found[i]
        if i + 1 < len(found):
            nxt = found[i + 1]
            gap = text[cur[1]:nxt[0]]
            pair = (cur, nxt) if cur[3].unit == "T" else (nxt, cur)
            clock, day = pair
            if clock[3].unit == "T" and clock[3].kind == "shift" and re.fullmatch(r"\s*(?:,|on|at)?\s*", gap) \
                    and _is_day(day[3]) and "\n" not in gap:
                spec = Spec(day[3].kind, day[3].value, day[3].unit, day[3].n, day[3].day, clock[3].suffix)
                out.append((cur[0], nxt[1], "TIME", spec))
                i += 2
                continue
        out.append(cur)
        i += 1
    return out


def _merge_year(found: list[Found], text: str) -> list[Found]:
    """A day or month followed by the year it falls in, said relatively, is one expression: 'May 13 next
    year', 'in March last year' (the year from the article's date, not from the nearest March)."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        cur = found[i]
        if i + 1 < len(found) and cur[3].kind in ("monthday", "month") and not cur[3].value:
            nxt = found[i + 1]
            if nxt[3].kind == "shift" and nxt[3].unit == "Y" and re.fullmatch(r",?\s*(?:of\s+)?", text[cur[1]:nxt[0]]) \
                    and text[nxt[0]:nxt[1]].lower().split()[0] in lex.shifts():
                spec = Spec(cur[3].kind, f"year:{nxt[3].n}", cur[3].unit, cur[3].n, cur[3].day, cur[3].suffix)
                out.append((cur[0], nxt[1], cur[2], spec))
                i += 2
                continue
        out.append(cur)
        i += 1
    return out


def _is_day(spec: Spec) -> bool:
    if spec.kind in ("weekday", "monthday") and not spec.suffix:
        return True
    if spec.kind == "shift" and spec.unit == "D" and not spec.suffix:
        return True
    return spec.kind == "value" and re.fullmatch(r"\d{4}-\d\d-\d\d", spec.value) is not None


# How far around a word that can hold a time expression the rules look: an expression starts at most
# a few words before its key word ("the past several months", "more than four decades ago") and ends a
# few words after it ("the third quarter of fiscal 1989").
REACH_BEFORE, REACH_AFTER = 40, 40


_WORD = re.compile(r"[A-Za-z]+")
_YEARLIKE = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)|\d{1,2}/\d{1,2}/\d\d|\d0[’']?s\b")
_CLOCKLIKE = re.compile(r"\d:[0-5]\d|\d\s*[ap]\.?m\b|\d{4}\s+(?:GMT|UTC|EST|EDT|BST|CET)\b", re.IGNORECASE)
# the kinds of key word each rule turns on: it runs only around those
_KEYS: dict[str, tuple[str, ...]] = {
    "_full_date": ("month",), "_month_day": ("month",), "_month_year": ("month",), "_month_alone": ("month",),
    "_iso": ("year",), "_weekday": ("wd",), "_day_word": ("day",), "_this_part": ("part",), "_reference": ("ref",),
    "_unit_shift": ("unit", "season"), "_ago": ("unit",), "_ref_period": ("unit", "period"), "_year_ended": ("unit",),
    "_latest": ("unit", "period"), "_duration": ("unit",), "_adjective_duration": ("unit",), "_bare_units": ("unit",),
    "_recent_units": ("unit",), "_quarter": ("unit",), "_year": ("year",), "_decade": ("year",),
    "_century": ("unit",), "_clock": ("clock",), "_set": ("unit", "wd", "month", "part", "season", "set"),
    "_holiday": ("holiday",), "_season_alone": ("season",), "_weekend": ("unit",),
}
_CAPITALISED = frozenset({"month", "wd", "holiday"})  # written with a capital, as the rules require


@cache
def _key_words() -> dict[str, tuple[str, ...]]:
    """Each word a time expression turns on, with the kinds of key it is: a month, a weekday, a unit, a
    part of the day, a season, a day word, a reference, a holiday, a set word (less the small words)."""
    kinds = {"month": lex.months(), "wd": lex.weekdays(), "unit": [*lex.units(), "weekend", "half"],
             "part": [*lex.day_parts(), "noon", "midnight"], "season": lex.seasons(), "day": lex.day_words(),
             "ref": [*lex.references(), "recent"], "holiday": [*lex.holidays(), "eve"], "set": lex.set_words(),
             "period": ["period"]}
    out: dict[str, list[str]] = {}
    for kind, entries in kinds.items():
        for e in entries:
            for w in _WORD.findall(e.lower()):
                if w not in lex.key_stopwords() and kind not in out.setdefault(w, []):
                    out[w].append(kind)
    return {w: tuple(k) for w, k in out.items()}


def _merged(hits: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(hits):
        start, end = max(0, s - REACH_BEFORE), min(n, e + REACH_AFTER)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def key_hits(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of key word occurs in ``text`` (one pass over its words, two over its numbers)."""
    keys = _key_words()
    hits: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD.finditer(text):
        word = m.group()
        kinds = keys.get(word.lower())
        if kinds:
            for kind in kinds:
                if kind not in _CAPITALISED or word[0].isupper():
                    hits.setdefault(kind, []).append(m.span())
    hits["year"] = [m.span() for m in _YEARLIKE.finditer(text)]
    hits["clock"] = [m.span() for m in _CLOCKLIKE.finditer(text)]
    return hits


def windows(text: str, kinds: tuple[str, ...] | None = None,
            hits: dict[str, list[tuple[int, int]]] | None = None) -> list[tuple[int, int]]:
    """The stretches of ``text`` around the key words of ``kinds`` (all kinds by default), merged.

    A rule runs only there: its pattern is tried at every position of what it is given, most of a
    news text holds no time, and most of what does holds none of a given rule's key words, so the
    time passes cost a small part of parsing."""
    hits = key_hits(text) if hits is None else hits
    chosen = [h for kind, hs in hits.items() if kinds is None or kind in kinds for h in hs]
    return _merged(chosen, len(text))


def _glued(text: str, start: int) -> bool:
    """Whether an expression starting at ``start`` is the tail of a hyphenated word ('F-2000', 'post-war')
    other than a modifier's ('mid-November', 'late-1989')."""
    if start == 0 or text[start - 1] != "-":
        return False
    word = re.search(r"(\w+)-$", text[max(0, start - 8):start])
    return word is None or word.group(1).lower() not in lex.hyphen_modifiers()


def detect(text: str) -> list[Found]:
    """Every time expression in ``text`` (piece-local offsets), in order, none overlapping."""
    found: list[Found] = []
    hits = key_hits(text)
    spans: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for pattern, reader in rules():
        kinds = _KEYS[reader.__name__]
        if kinds not in spans:
            spans[kinds] = windows(text, kinds, hits)
        for ws, we in spans[kinds]:
            for m in pattern.finditer(text, ws, we):
                if _glued(text, m.start()):
                    continue
                got = reader(m, text)
                if got is not None and got[1] > got[0]:
                    found.append(got)
    # the longest match wins; among equals, the rule listed first
    order = sorted(range(len(found)), key=lambda i: (-(found[i][1] - found[i][0]), i))
    taken: list[Found] = []
    spans: list[tuple[int, int]] = []
    for i in order:
        s, e = found[i][0], found[i][1]
        if any(s < te and ts < e for ts, te in spans):
            continue
        spans.append((s, e))
        taken.append(found[i])
    taken.sort(key=lambda f: f[0])
    widened = []
    for s, e, kind, spec in taken:
        ns = _widened(s, text, kind)
        if widened and ns < widened[-1][1]:
            ns = s
        widened.append((ns, e, kind, spec))
    return _merge_year(_merge_clock(widened, text), text)
