"""Pass 1, reading numbers: the *number core* that starts at a word, with its value.

One small reader per way of writing a number (GOLD_FORMAT.md, "Include"), tried in order; the first
that reads something wins.  spaCy's entity labels are not used here: its spans often swallow context
("the last two") or join two figures ("54 percent to 46 percent"); exclusions come later.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from .lex import DASHES, DIGITS, PENCE, abbr_scale, is_scale, mapping, scales
from .lex import words as word_list
from .units import m_is_metres, money_after, money_before, split_unit
from .words import Word, may_start, number_word_text, text2num_ok, word_number

# "5'11", "6′2″": a height in feet and inches written as one token
FEET_INCHES = re.compile(r"^(?P<ft>\d)['′](?P<in>\d{1,2})(?:″)?\.?$")
# "1/2", "5/8": a fraction of a share price (halves to sixty-fourths)
STOCK_FRACTION = re.compile(r"^(?P<num>\d{1,2})/(?P<den>2|3|4|8|16|32|64)$")


@dataclass
class Core:
    """The number itself: token range, value (or vague lower bound) and how it was written."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    hyphen_noun: str | None = None  # "nine-page" -> "page" (the counted noun glued to the number)
    words: bool = False  # written in words
    pence: bool = False  # "345p"
    unit: str | None = None  # a unit written inside the number's own tokens ("10kms", "6m-high", "5'11\"")


Read = tuple[Core, int]  # a core and the index of the word after it
Reader = Callable[[Doc, list[Word], int], "Read | None"]


def _next(words: list[Word], j: int) -> str:
    return words[j].low if j < len(words) else ""


def read_vague(doc: Doc, words: list[Word], k: int) -> Read | None:
    """"hundreds", "hundreds of thousands", "tens of millions": value null, low bound kept."""
    vague = mapping("vague_numbers.txt")
    low = words[k].low
    if low not in vague or doc[words[k].start].pos_ in ("VERB", "AUX") \
            or (low in word_list("vague_of_only.txt") and _next(words, k + 1) != "of"):
        return None
    lo = float(vague[low])
    j = k + 1
    if _next(words, j) == "of" and _next(words, j + 1) in vague and _next(words, j + 1)[:-1] in scales():
        lo *= float(scales()[_next(words, j + 1)[:-1]])
        j += 2
    return Core(words[k].start, words[j - 1].end, None, lo), j


def read_vague_prefix(doc: Doc, words: list[Word], k: int) -> Read | None:
    """"several million", "a few thousand": a vague prefix times a spelled-out scale."""
    low, scale = words[k].low, _next(words, k + 1)
    if low not in mapping("vague_prefixes.txt") or not is_scale(scale) or re.search(r"\d", scale):
        return None
    lo = float(mapping("vague_prefixes.txt")[low]) * float(scales()[scale])
    return Core(words[k].start, words[k + 1].end, None, lo), k + 2


def read_fraction_of(doc: Doc, words: list[Word], k: int) -> Read | None:
    """"half a million", "a quarter of a million", "a tenth of a point", "a half dozen"."""
    fractions = mapping("fractions.txt")
    j = k + (1 if words[k].low in ("a", "an") else 0)
    if _next(words, j) not in fractions:
        return None
    f = float(fractions[_next(words, j)])
    m = j + 1 + (_next(words, j + 1) == "of")
    if _next(words, m) in ("a", "an") and is_scale(_next(words, m + 1)) and _next(words, m + 1) not in ("m", "b", "k"):
        return Core(words[k].start, words[m + 1].end, f * float(scales()[_next(words, m + 1)]), words=True), m + 2
    if j > k and _next(words, m) in ("a", "an") and _next(words, m + 1) in mapping("units.txt") \
            and _next(words, j + 1) == "of":  # "a tenth of a point": the fraction of a unit
        return Core(words[k].start, words[m].end, f, words=True), m + 1
    if _next(words, j) == "half" and _next(words, j + 1) == "dozen":
        return Core(words[k].start, words[j + 1].end, 6.0, words=True), j + 2
    return None


def read_a_number(doc: Doc, words: list[Word], k: int) -> Read | None:
    """"a dozen", "a half-dozen", "a hundred", "a million": the article as "one"."""
    if words[k].low not in ("a", "an") or k + 1 >= len(words):
        return None
    nxt = _next(words, k + 1)
    v, glued = number_word_text(words[k + 1].text)
    if v is None or glued is not None or not (nxt in mapping("number_words.txt") or is_scale(nxt)) \
            or re.search(r"\d", nxt) or len(nxt) == 1:
        return None
    return extend_scale(doc, words, Core(words[k].start, words[k + 1].end, v, words=True), k + 2)


def read_digits(doc: Doc, words: list[Word], k: int) -> Read | None:
    """"9,000", "1.5 million", "4-1/2" and "28 1/2" (a whole and a share-price fraction)."""
    w = words[k]
    tok = doc[w.start]
    if w.end - w.start != 1 or not DIGITS.match(tok.text):
        return None
    core = Core(w.start, w.end, float(tok.text.replace(",", "")))
    frac = _fraction_after(doc, w.start)
    if frac is not None:
        core.value = (core.value or 0) + frac[0]
        core.end = frac[1]
        j = k + 1
        while j < len(words) and words[j].start < core.end:
            j += 1
        return core, j
    return extend_scale(doc, words, core, k + 1)


def _fraction(text: str) -> float | None:
    m = STOCK_FRACTION.match(text)
    if m is None or int(m.group("num")) >= int(m.group("den")):
        return None
    return int(m.group("num")) / int(m.group("den"))


def _fraction_after(doc: Doc, i: int) -> tuple[float, int] | None:
    """The fraction after the whole number at token ``i`` ("30-5/8", "28 1/2") and the token after it."""
    if i + 1 < len(doc) and doc[i].whitespace_ == " " and doc[i].text.isdigit():
        f = _fraction(doc[i + 1].text)
        if f is not None:
            return f, i + 2
    if i + 2 >= len(doc) or doc[i].whitespace_ or doc[i + 1].text not in DASHES or doc[i + 1].whitespace_:
        return None
    f = _fraction(doc[i + 2].text)
    return None if f is None else (f, i + 3)


def read_stock_fraction(doc: Doc, words: list[Word], k: int) -> Read | None:
    """"up 1/8", "off 2/32", "3/8 percent": a lone share-price or rate fraction (not "9/11", not a date,
    not a seeding "5/8 - Pang Chen"): after a word of price movement or before a unit."""
    w = words[k]
    f = _fraction(doc[w.start].text) if w.end - w.start == 1 else None
    if f is None or doc[w.start].ent_type_ in ("DATE", "TIME"):
        return None
    prev = doc[w.start - 1] if w.start > 0 else None
    moved = prev is not None and (prev.lower_ in ("up", "down", "off", "at", "by", "to", "from")
                                  or prev.lemma_.lower() in word_list("change_verbs.txt"))
    if not moved and not (w.end < len(doc) and doc[w.end].lower_ in mapping("units.txt")):
        return None
    return Core(w.start, w.end, f), k + 1


def read_pence(doc: Doc, words: list[Word], k: int) -> Read | None:
    """"345p": pence glued to the number."""
    w = words[k]
    m = PENCE.match(doc[w.start].text)
    if w.end - w.start != 1 or m is None:
        return None
    return Core(w.start, w.end, float(m.group("num")), pence=True), k + 1


def read_abbreviated(doc: Doc, words: list[Word], k: int) -> Read | None:
    """"3bn", "1.5mn": a scale abbreviation glued to the digits in one token; "10kms", "6m" (-high) a unit."""
    w = words[k]
    if w.end - w.start != 1:
        return None
    text = doc[w.start].text
    measure = split_unit(text)
    if measure is not None and (measure[1] != "m" or m_is_metres(doc, w.start, w.start)):
        return Core(w.start, w.end, measure[0], unit=measure[1]), k + 1
    v = abbr_scale(text)
    return None if v is None else (Core(w.start, w.end, v), k + 1)


def read_feet_inches(doc: Doc, words: list[Word], k: int) -> Read | None:
    """"5'11\"", "6′2″": a height written as one token (and its inch mark)."""
    w = words[k]
    m = FEET_INCHES.match(doc[w.start].text)
    if w.end - w.start != 1 or m is None or int(m.group("in")) >= 12:
        return None
    end = w.end
    if end < len(doc) and doc[end].text in ('"', "″") and doc[end - 1].whitespace_ == "":
        end += 1
    core = Core(w.start, end, int(m.group("ft")) + int(m.group("in")) / 12, unit="ft")
    return core, k + 1 + (end > w.end)


def read_number_words(doc: Doc, words: list[Word], k: int) -> Read | None:
    """"two", "forty-five", "twenty thousand", "one hundred and five", "nine-page" (glued noun kept)."""
    w = words[k]
    v, glued = number_word_text(w.text)
    if v is None or (is_scale(w.low) and w.low not in ("hundred", "thousand", "million", "billion", "trillion")):
        return None
    parts = w.low.split("-")
    seq = [w.low] if glued is None else ["-".join(parts[:len(parts) - len(glued.split("-"))])]
    j, last = k + 1, k
    while glued is None and j < len(words):
        cand = words[j].low
        if cand == "and" and seq[-1] in ("hundred", "thousand") and j + 1 < len(words) \
                and word_number(words[j + 1].text) is not None:
            if text2num_ok([*seq, "and", words[j + 1].low]) is None:
                break
            seq += ["and", words[j + 1].low]
            last, j = j + 1, j + 2
            continue
        cv, cg = number_word_text(words[j].text)
        if cv is None or (cg is not None and not is_scale(cand.split("-")[0])) or text2num_ok([*seq, cand]) is None:
            break
        seq.append(cand)
        last, j = j, j + 1
    value = text2num_ok(seq)
    if value is None:
        if len(seq) > 1:
            return None
        value = v  # read by word_number ("four-and-a-half")
    core = Core(w.start, words[last].end if glued is None else w.end, value, hyphen_noun=glued, words=True)
    if glued is None and _next(words, last + 1) == "dozen":  # "two dozen"
        return extend_scale(doc, words, core, last + 1)
    return core, last + 1


READERS: tuple[Reader, ...] = (read_vague, read_vague_prefix, read_fraction_of, read_a_number, read_digits,
                               read_stock_fraction, read_pence, read_abbreviated, read_feet_inches,
                               read_number_words)


def read_core(doc: Doc, words: list[Word], k: int) -> Read | None:
    """The number core starting at word ``k`` and the index of the word after it, or None."""
    if not may_start(words[k].text):
        return None
    for reader in READERS:
        got = reader(doc, words, k)
        if got is not None:
            return got
    return None


def _scale_word(low: str) -> str:
    """The scale word a token spells ("million", "m", and "m." or "bn." closing a sentence), or ""."""
    if low in scales():
        return low
    if low.endswith(".") and low[:-1] in scales() and low[:-1].isalpha():
        return low[:-1]
    return ""


def extend_scale(doc: Doc, words: list[Word], core: Core, j: int) -> Read:
    """Multiply by scale words after the number ("1.5 million", "3 m euros", "twenty thousand").

    A single-letter scale ("m", "b", "k") after a space counts only with a currency ("3 m euros", "$3 m",
    not "3 m away"); glued ("6m") it is a scale unless the context makes it metres
    (``units.m_is_metres``: "a 20ft (6m) wall").
    """
    while j < len(words) and _scale_word(words[j].low) and core.value is not None:
        low, spaced = _scale_word(words[j].low), doc[words[j].start - 1].whitespace_ != ""
        if len(low) == 1 and spaced and (low != "m" or not (money_before(doc, core.start)
                                                            or money_after(doc, words[j].end))):
            break
        if low == "m" and not spaced and m_is_metres(doc, core.start, words[j].start):
            break
        core.value *= float(scales()[low])
        core.end = words[j].end
        j += 1
    return core, j
