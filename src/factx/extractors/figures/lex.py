"""Lexicon look-ups and token shapes shared by the figure passes.

The word lists themselves are data files in ``factx/data`` (see ``factx.lexicon``); this module only
names them once and adds the few derived forms (sorted phrase lists, scale factors).
"""

from __future__ import annotations

import re
from functools import cache

from ... import lexicon

# entity types whose numbers are never figures (names, ranks)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "LAW", "EVENT", "PRODUCT", "WORK_OF_ART",
                         "NORP", "LANGUAGE", "ORDINAL"})
TIME_LABELS = frozenset({"DATE", "TIME"})
DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")
ABBR = re.compile(r"^(?P<num>\d+(?:\.\d+)?)(?P<scale>[a-z]+)$", re.I)
YEAR = re.compile(r"^(1[6-9]|20)\d\d$|^'\d\d$|^\d\d?s$|^\d{4}s$")
DASHES = frozenset({"-", "–", "—"})
HAS_DIGIT = re.compile(r"\d")
PENCE = re.compile(r"^(?P<num>\d+(?:\.\d+)?)p$")  # "345p": pence glued to the number


mapping = lexicon.mapping  # ``key<TAB>value`` lexicon ``data/<name>`` (cached)
words = lexicon.words  # word-list lexicon ``data/<name>`` (cached)


@cache
def phrases(name: str) -> list[list[str]]:
    """Entries of ``data/<name>`` split into words, longest first (so the longest match wins)."""
    return sorted((q.split() for q in words(name)), key=len, reverse=True)


def qualifiers() -> list[list[str]]:
    """Qualifier phrases ("more than", "about"), longest first."""
    return phrases("qualifiers.txt")


@cache
def qualifier_words() -> frozenset[str]:
    return frozenset(w for q in qualifiers() for w in q)


def scales() -> dict[str, str]:
    return mapping("magnitudes.txt")


def is_scale(low: str) -> bool:
    """A scale word that multiplies a number ("million", "bn", "dozen")."""
    return low in scales()


def abbr_scale(text: str) -> float | None:
    """The value of a digit+scale token ("3bn" -> 3e9, "1.5m" -> 1.5e6), else None."""
    m = ABBR.match(text)
    if m and m.group("scale").lower() in scales():
        return float(m.group("num")) * float(scales()[m.group("scale").lower()])
    return None


def is_unit_word(low: str) -> bool:
    """A unit, currency or scale word ("percent", "percentage point", "dollars", "million")."""
    return (low in mapping("units.txt") or low in mapping("currencies.txt") or low in scales()
            or low == "%")
