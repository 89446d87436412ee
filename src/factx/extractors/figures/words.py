"""Words as written: tokens glued by hyphens joined back ("forty-five"), and number-word values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc
from text_to_num import text2num

from ...layout import SOFT, joined
from .lex import HAS_DIGIT, mapping


@dataclass
class Word:
    """A run of tokens written as one word ("forty-five", "half-dozen")."""

    start: int  # first token index
    end: int  # token index after the last
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


def words_of(doc: Doc) -> list[Word]:
    """Join tokens written without spaces around hyphens, so "forty-five" is one word.

    spaCy splits "forty-five" into three tokens; number words are read from the whole spelling.
    """
    toks = list(doc)  # token attributes read once: this runs over every token
    texts = [t.text for t in toks]
    if any(SOFT in t for t in texts):  # a word hyphenated across a wrapped line ("twenty-\nfive")
        texts = [joined(t) for t in texts]
    ws = [t.whitespace_ for t in toks]
    alpha = [t.is_alpha for t in toks]
    out: list[Word] = []
    i = 0
    n = len(toks)
    while i < n:
        j = i + 1
        while j + 1 < n and texts[j] == "-" and ws[j - 1] == "" and ws[j] == "" and alpha[j - 1] and alpha[j + 1]:
            j += 2
        text = texts[i] if j == i + 1 else "".join(texts[k] + ws[k] for k in range(i, j))
        out.append(Word(i, j, text.strip()))
        i = j
    return out


@cache
def word_number(word: str) -> float | None:
    """Value of one number word ("two", "forty-five", "hundred"), via text2num; None otherwise."""
    low = word.lower()
    if low in mapping("number_words.txt"):
        return float(mapping("number_words.txt")[low])
    if not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", low) or low in ("a", "an", "and", "point") or low.endswith("s"):
        return None
    spaced = low.replace("-", " ")
    if spaced.endswith(" and a half"):  # "seven-and-a-half", "four-and-a-half"
        whole = word_number(spaced[: -len(" and a half")].replace(" ", "-"))
        return None if whole is None else whole + 0.5
    try:
        return float(text2num(spaced, "en"))
    except ValueError:
        return None


@cache
def number_word_text(text: str) -> tuple[float | None, str | None]:
    """(value, glued noun) of a word that is or starts with a number word ("two", "nine-page" -> page).

    Cached by spelling: the same few thousand words recur in every article.
    """
    v = word_number(text)
    if v is not None:
        return v, None
    parts = text.lower().split("-")
    for k in range(len(parts) - 1, 0, -1):
        v = word_number("-".join(parts[:k]))
        if v is not None:
            return v, "-".join(parts[k:])
    return None, None


def text2num_ok(seq: list[str]) -> float | None:
    """The value of a sequence of number words if text2num reads it as one number."""
    try:
        return float(text2num(" ".join(seq).replace("-", " "), "en"))
    except ValueError:
        return None


@cache
def _starters() -> frozenset[str]:
    """Words other than digits and number words that can open a number ("hundreds", "several", "a")."""
    return frozenset({*mapping("vague_numbers.txt"), *mapping("vague_prefixes.txt"), *mapping("fractions.txt"),
                      "a", "an"})


@lru_cache(maxsize=1 << 16)
def may_start(text: str) -> bool:
    """Whether a word can open a number; the cheap filter run on every word."""
    low = text.lower()
    return low in _starters() or HAS_DIGIT.search(low) is not None or number_word_text(text)[0] is not None
