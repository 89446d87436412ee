"""Units and currencies: which unit words follow a number, and what a bare "m" means.

The vocabularies are data files: ``units.txt`` (words, abbreviations and symbols of measures),
``glued_units.txt`` (symbols that count only against the digits: "2in", "6'"), ``currencies.txt``
(signs, ISO codes and currency words, with subunit factors), ``scaled_currencies.txt`` (currency
words that are also common words: "won"), ``unit_kinds.txt``, ``unit_parts.txt`` and
``metre_words.txt`` (what makes "6m" six metres rather than six million).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from ... import lexicon
from .lex import DASHES, DIGITS, mapping, words

MAX_UNIT_TOKENS = 4  # "kilometres per hour", "km / h"


@dataclass(frozen=True)
class Unit:
    """A unit written in the text: its symbol or currency code, the token after it, and a subunit factor."""

    unit: str
    end: int
    factor: float = 1.0
    money: bool = False


@cache
def currencies() -> dict[str, tuple[str, float]]:
    """Currency sign, code or word (lower case) -> (ISO 4217 code, factor to the main unit)."""
    return {row[0].lower(): (row[1], float(row[2]) if len(row) > 2 else 1.0)
            for row in lexicon.rows("currencies.txt")}


@cache
def currency_codes() -> frozenset[str]:
    """Entries that are ISO codes ("usd", "dem"): currencies only when written in capitals ("USD")."""
    return frozenset(k for k, (code, _) in currencies().items() if k == code.lower())


@cache
def glued_units() -> dict[str, tuple[str, bool]]:
    """Symbol -> (unit, only as half of a pair like "6' 2\"")."""
    return {r[0].lower(): (r[1], len(r) > 2 and r[2] == "pair") for r in lexicon.rows("glued_units.txt")}


@cache
def unit_kinds() -> dict[str, str]:
    return lexicon.mapping("unit_kinds.txt") | {k.upper(): v for k, v in lexicon.mapping("unit_kinds.txt").items()}


@cache
def unit_parts() -> dict[tuple[str, str], float]:
    """(larger, smaller) unit symbols of a compound measure -> smaller units per larger unit."""
    return {(r[0], r[1]): float(r[2]) for r in lexicon.rows("unit_parts.txt")}


def currency_sign(text: str) -> tuple[str, float] | None:
    """The currency of a sign before a number ("$", "£", "US$", "HK$"), not a word."""
    low = text.lower()
    if low in currencies() and not text.isalpha():
        return currencies()[low]
    return None


def currency_code(text: str) -> tuple[str, float] | None:
    """The currency of an ISO code written in capitals ("USD", "DEM")."""
    if len(text) == 3 and text.isupper() and text.lower() in currency_codes():
        return currencies()[text.lower()]
    return None


@cache
def _prefixes() -> frozenset[str]:
    """Every prefix of every unit and currency spelling: a phrase that is none can stop growing."""
    keys = [*mapping("units.txt"), *currencies(), *mapping("scaled_currencies.txt")]
    return frozenset(k[:i] for k in keys for i in range(1, len(k) + 1))


def _phrases(doc: Doc, j: int) -> list[tuple[str, int]]:
    """The lower-case spellings of the 1..4 tokens from ``j`` (spaces kept as written, one line) that may
    spell a unit, longest first."""
    out: list[tuple[str, int]] = []
    text = ""
    prefixes = _prefixes()
    for k in range(j, min(len(doc), j + MAX_UNIT_TOKENS)):
        tok = doc[k]
        text += tok.lower_
        if text not in prefixes and not (text.endswith(".") and (k == j or text[:-1] in prefixes)):
            break
        out.append((text, k + 1))
        glued_hyphen = tok.text == "-" and tok.whitespace_ == "" and k > j and doc[k - 1].whitespace_ == ""
        if "\n" in tok.whitespace_ or (tok.is_punct and tok.text not in ("/", "%", "'", '"', "′", "″")
                                       and not glued_hyphen):  # "light-years"
            break
        text += " " if tok.whitespace_ else ""
    return out[::-1]


def unit_at(doc: Doc, j: int, after_scale: bool = False, pairs: bool = False) -> Unit | None:
    """The unit or currency written from token ``j`` on, right after a number; the longest entry wins.

    ``after_scale``: the number ended with a scale word ("1.2 trillion won"), which lets the
    currency words that are also common words count; ``pairs``: the straight marks of "6' 2\"" count.
    """
    if j >= len(doc):
        return None
    glued = j > 0 and doc[j - 1].whitespace_ == ""
    units = mapping("units.txt")
    for text, end in _phrases(doc, j):
        last = doc[end - 1].text
        if last.endswith(".") and len(last) > 1 and text not in units \
                and text not in currencies():  # "12m.", "150 km/h." closing a sentence
            text = text[:-1]
        if text in units:
            return Unit(units[text], end)
        if text in currencies() and text[0].isalpha() and text not in currency_codes() \
                and (len(text) > 2 or (glued and text == "p")):
            code, factor = currencies()[text]
            return Unit(code, end, factor, money=True)
        if after_scale and text in mapping("scaled_currencies.txt"):
            return Unit(mapping("scaled_currencies.txt")[text], end, money=True)
    tok = doc[j]
    if glued and tok.lower_ in glued_units() and (pairs or not glued_units()[tok.lower_][1]):
        return Unit(glued_units()[tok.lower_][0], j + 1)
    code = currency_code(tok.text)
    if code is not None:
        return Unit(code[0], j + 1, code[1], money=True)
    return None


def unit_after_dash(doc: Doc, j: int) -> Unit | None:
    """A unit glued by a hyphen: "5-point", "10-cent", "20-foot" (one word, no spaces)."""
    if j + 1 < len(doc) and doc[j].text in DASHES and doc[j - 1].whitespace_ == "" and doc[j].whitespace_ == "":
        u = unit_at(doc, j + 1)
        if u is not None and u.end == j + 2 and (not u.money or doc[j + 1].is_alpha):
            return u
    return None


def money_before(doc: Doc, start: int) -> bool:
    """A currency sign or code right before the number at ``start`` ("$", "US$", "USD")."""
    if start == 0:
        return False
    prev = doc[start - 1]
    return currency_sign(prev.text) is not None or currency_code(prev.text) is not None


def money_after(doc: Doc, j: int) -> bool:
    """A currency word (or code) at token ``j``: "3m euros", "1.2 billion won", "5 mln DEM"."""
    u = unit_at(doc, j, after_scale=True)
    return u is not None and u.money


def length_near(doc: Doc, start: int, end: int) -> bool:
    """A length unit (not "m" itself) within a few tokens of ``start:end`` in the same sentence."""
    sent = doc[start].sent
    units = mapping("units.txt")
    lo, hi = max(sent.start, start - 6), min(sent.end, end + 6)
    for k in range(lo, hi):
        if start <= k < end + 1:
            continue
        glued = glued_units().get(doc[k].lower_) if k > 0 and doc[k - 1].whitespace_ == "" \
            and doc[k - 1].like_num else None
        sym = units.get(doc[k].lower_) or (glued[0] if glued else None)
        if sym is not None and sym != "m" and unit_kinds().get(sym) == "length":
            return True
    return False


def m_is_metres(doc: Doc, start: int, m_index: int) -> bool:
    """Whether the "m" at ``m_index`` after the number at ``start`` is metres, not million.

    Million with a currency ("$48.2m", "3m euros"); metres in a measurement context: a dimension word
    after it ("6m high", "6m-deep") or before "of" ("a height of 6m"), or a length unit nearby
    ("a 20ft (6m) wall").  Otherwise glued "6m" stays million ("6m people") and a spaced "6 m" metres.
    """
    if money_before(doc, start) or money_after(doc, m_index + 1):
        return False
    dims = words("metre_words.txt")
    k = m_index + 1
    if k < len(doc) and doc[k].text in DASHES and doc[k - 1].whitespace_ == "":
        k += 1
    if k < len(doc) and doc[k].lower_ in dims:
        return True
    # a race time right after: "ran 100m in 9.8 seconds"
    if k + 2 < len(doc) and doc[k].lower_ == "in" and doc[k + 1].like_num \
            and doc[k + 2].lower_ in ("seconds", "sec", "secs", "minutes", "mins", "min"):
        return True
    b = start - 1
    while b >= 0 and doc[b].lower_ in ("about", "around", "some", "nearly", "almost", "over", "of", "roughly"):
        b -= 1
    if (0 <= b < start - 1 and doc[b].lower_ in dims) or (start > 0 and doc[start - 1].lower_ in dims):
        return True
    return length_near(doc, start, m_index + 1)


def split_unit(token_text: str) -> tuple[float, str] | None:
    """(number, unit symbol) of one token that glues a unit to the digits ("10kms", "6m" as metres is
    decided by the caller), else None."""
    i = 0
    while i < len(token_text) and (token_text[i].isdigit() or token_text[i] in ".,"):
        i += 1
    num, rest = token_text[:i], token_text[i:].lower()
    if not num or not num[0].isdigit() or not rest:
        return None
    units = mapping("units.txt")
    glued = glued_units().get(rest)
    sym = units.get(rest) or (glued[0] if glued and not glued[1] else None)
    if sym is None:
        return None
    try:
        return float(num.replace(",", "")), sym
    except ValueError:
        return None


def compound_part(doc: Doc, j: int, unit: str) -> tuple[float, int] | None:
    """The smaller half of a compound measure at token ``j`` after a measure in ``unit``: "6ft 2in",
    "6' 2\"", "11 st 4 lb".  Returns (its value in ``unit``, the token after it)."""
    if j >= len(doc) or "\n" in doc[j - 1].whitespace_:
        return None
    tok = doc[j]
    if DIGITS.match(tok.text):
        num, part = float(tok.text.replace(",", "")), unit_at(doc, j + 1, pairs=True)
        end = part.end if part is not None else j + 1
        sym = part.unit if part is not None else None
    else:
        split = split_unit(tok.text)
        if split is None:
            return None
        (num, sym), end = split, j + 1
    per = unit_parts().get((unit, sym)) if sym is not None else None
    if per is None or num >= per:
        return None
    return num / per, end
