"""The time lexicons (data files in ``factx/data``) and the regular-expression pieces built from them.

Each word list is read once; the patterns are alternations of its entries, longest first, with
any space inside an entry matching any run of white space (a wrapped line).
"""

from __future__ import annotations

from functools import cache

from ... import lexicon
from ...lexicon import alternation as alternation  # the times passes read it as lex.alternation


@cache
def months() -> dict[str, int]:
    return {k: int(v) for k, v in lexicon.mapping("time_months.txt").items()}


@cache
def weekdays() -> dict[str, int]:
    return {k: int(v) for k, v in lexicon.mapping("time_weekdays.txt").items()}


@cache
def units() -> dict[str, tuple[str, int]]:
    """Unit word -> (TIMEX3 code, how many of that code one unit is): 'decade' -> ('Y', 10)."""
    return {r[0].lower(): (r[1], int(r[2])) for r in lexicon.rows("time_unit_words.txt")}


@cache
def day_parts() -> dict[str, str]:
    return lexicon.mapping("time_day_parts.txt")


@cache
def seasons() -> dict[str, str]:
    return lexicon.mapping("time_seasons.txt")


@cache
def day_words() -> dict[str, tuple[int, str]]:
    """'yesterday' -> (-1, ''), 'tonight' -> (0, 'NI')."""
    return {r[0].lower(): (int(r[1]), "" if r[2] == "-" else r[2]) for r in lexicon.rows("time_days.txt")}


@cache
def references() -> dict[str, str]:
    return {" ".join(k.split()): v for k, v in lexicon.mapping("time_references.txt").items()}


@cache
def shifts() -> dict[str, int]:
    return {k: int(v) for k, v in lexicon.mapping("time_shifts.txt").items()}


@cache
def modifiers() -> dict[str, str]:
    """Modifier phrase -> its kind: 'date' ('early'), 'approx' ('about'), 'prefix' ('pre')."""
    return {" ".join(k.split()): v for k, v in lexicon.mapping("time_modifiers.txt").items()}


@cache
def hyphen_modifiers() -> frozenset[str]:
    """One-word modifiers that may be glued to what they modify by a hyphen ('mid-November', 'pre-1990')."""
    return frozenset(k for k, v in modifiers().items() if v in ("date", "prefix") and " " not in k)


@cache
def month_cues() -> frozenset[str]:
    return lexicon.words("time_month_cues.txt")


@cache
def ordinals() -> dict[str, int]:
    return {k: int(v) for k, v in lexicon.mapping("time_ordinals.txt").items()}


@cache
def number_words() -> dict[str, int]:
    return {k: int(v) for k, v in lexicon.mapping("time_number_words.txt").items()}


@cache
def future_words() -> frozenset[str]:
    return lexicon.words("time_future_words.txt")


@cache
def key_stopwords() -> frozenset[str]:
    return lexicon.words("time_key_stopwords.txt")


@cache
def holidays() -> dict[str, str]:
    return {" ".join(k.split()): v for k, v in lexicon.mapping("time_holidays.txt").items()}


@cache
def set_words() -> dict[str, str]:
    return lexicon.mapping("time_sets.txt")


@cache
def vague_counts() -> frozenset[str]:
    return lexicon.words("time_vague_counts.txt")


def norm(phrase: str) -> str:
    """A phrase as the lexicons key it: lower case, single spaces, curly apostrophes straight."""
    return " ".join(phrase.lower().replace("\u2019", "'").split())
