"""Figures: numbers that state a fact, with value, unit, what they count and what happened.

Method (GOLD_FORMAT.md, section Figures, is the spec):

1. Scan the tokens for *number cores*: digits ("9,000", "1.5", "3bn"), number
   words ("two", "forty-five", spread by spaCy over hyphen tokens), scale words
   after a number ("1.5 million"), "a dozen", "half a million", and vague
   magnitudes ("hundreds", "hundreds of thousands", "several million").
   spaCy's entity spans are used only as hints (dates, names), because they
   often swallow context ("the last two") or join two figures ("54 percent to
   46 percent").
2. Drop cores the guidelines exclude: dates, years, clock times, ordinals,
   identifiers ("Part 3", "Section 1032", "G8"), names ("Gang of Eight"),
   idioms and ranks ("two-way", "four-star"), "one" as pronoun or article,
   and (optional in the gold, so left out) durations and ages.
3. Widen each core to its qualifier ("approximately"), currency sign and unit
   words ("percent", "-point", "dollars"); join "between 50 and 60", "four or
   five" and "$200,000 to $300,000" into ranges, keep poll pairs ("54 percent
   to 46 percent") and conversions ("$1.3bn (£691m)") as two figures, and give
   a bare number the unit of its coordinated partner ("11 and 8 percent").
4. Values come from digits and scale words, and from text2num for number
   words; counted and event nouns from the dependency parse; ``part_of`` from
   cue words between two figures ("1,311, including 830 civilians").

Lexicons (scales, currencies, units, qualifiers, time nouns, idioms) are data
files in ``factx/data``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from itertools import pairwise

from spacy.tokens import Doc, Token
from text_to_num import text2num

from .. import lexicon
from ..models import Figure
from .context import Context

# entity types whose numbers are never figures (names, ranks)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "LAW", "EVENT", "PRODUCT", "WORK_OF_ART",
                         "NORP", "LANGUAGE", "ORDINAL"})
TIME_LABELS = frozenset({"DATE", "TIME"})
_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")
_ABBR = re.compile(r"^(?P<num>\d+(?:\.\d+)?)(?P<scale>[a-z]+)$", re.I)
_YEAR = re.compile(r"^(1[6-9]|20)\d\d$|^'\d\d$|^\d\d?s$|^\d{4}s$")
_DASHES = frozenset({"-", "–", "—"})
_HAS_DIGIT = re.compile(r"\d")
_PENCE = re.compile(r"^(?P<num>\d+(?:\.\d+)?)p$")  # "345p": pence glued to the number


# --------------------------------------------------------------------------
# lexicons


def _map(name: str) -> dict[str, str]:
    return lexicon.mapping(name)


def _words(name: str) -> frozenset[str]:
    return lexicon.words(name)


def _qualifiers() -> list[list[str]]:
    return sorted((q.split() for q in _words("qualifiers.txt")), key=len, reverse=True)


def _phrases(name: str) -> list[list[str]]:
    return sorted((q.split() for q in _words(name)), key=len, reverse=True)


def _is_scale(low: str) -> bool:
    return low in _map("magnitudes.txt")


def _abbr_scale(text: str) -> float | None:
    """The factor of a digit+scale token ("3bn", "1.5m"), else None."""
    m = _ABBR.match(text)
    if m and m.group("scale").lower() in _map("magnitudes.txt"):
        return float(m.group("num")) * float(_map("magnitudes.txt")[m.group("scale").lower()])
    return None


@cache
def _word_number(word: str) -> float | None:
    """Value of one number word ("two", "forty-five", "hundred"), via text2num; None otherwise."""
    low = word.lower()
    if low in _map("number_words.txt"):
        return float(_map("number_words.txt")[low])
    if not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", low) or low in ("a", "an", "and", "point") or low.endswith("s"):
        return None
    words = low.replace("-", " ")
    if words.endswith(" and a half"):  # "seven-and-a-half", "four-and-a-half"
        whole = _word_number(words[: -len(" and a half")].replace(" ", "-"))
        return None if whole is None else whole + 0.5
    try:
        return float(text2num(words, "en"))
    except ValueError:
        return None


# --------------------------------------------------------------------------
# words: tokens glued by hyphens without spaces ("forty - five", "one - mile")


@dataclass
class Word:
    """A run of tokens written as one word ("forty-five", "half-dozen")."""

    start: int  # first token index
    end: int  # token index after the last
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


def _words_of(doc: Doc) -> list[Word]:
    """Join tokens written without spaces around hyphens, so "forty-five" is one word."""
    toks = list(doc)  # token attributes read once: this runs over every token
    texts = [t.text for t in toks]
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
def _starters() -> frozenset[str]:
    """Words other than digits and number words that can open a number ("hundreds", "several", "a")."""
    return frozenset({*_map("vague_numbers.txt"), *_map("vague_prefixes.txt"), *_map("fractions.txt"), "a", "an"})


def _may_start_number(w: Word) -> bool:
    return _may_start(w.text)


@lru_cache(maxsize=1 << 16)
def _may_start(text: str) -> bool:
    low = text.lower()
    return low in _starters() or _HAS_DIGIT.search(low) is not None or _number_word_text(text)[0] is not None


def _hyphen_parts(w: Word) -> list[str]:
    return w.low.split("-")


# --------------------------------------------------------------------------
# number cores


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


def _number_word_value(w: Word) -> tuple[float | None, str | None]:
    """(value, glued noun) of a word that is or starts with a number word ("two", "nine-page")."""
    return _number_word_text(w.text)


@cache
def _number_word_text(text: str) -> tuple[float | None, str | None]:
    """Cached by spelling: the same few thousand words recur in every article."""
    w = Word(0, 0, text)
    v = _word_number(w.text)
    if v is not None:
        return v, None
    parts = _hyphen_parts(w)
    for k in range(len(parts) - 1, 0, -1):
        v = _word_number("-".join(parts[:k]))
        if v is not None:
            return v, "-".join(parts[k:])
    return None, None


def _read_core(doc: Doc, words: list[Word], k: int) -> tuple[Core, int] | None:
    """The number core starting at word ``k``, and the index of the word after it."""
    w = words[k]
    if not _may_start_number(w):
        return None
    low = w.low
    tok = doc[w.start]
    vague = _map("vague_numbers.txt")
    fractions = _map("fractions.txt")
    scales = _map("magnitudes.txt")

    def nxt(j: int) -> str:
        return words[j].low if j < len(words) else ""

    # vague: "hundreds", "hundreds of thousands", "tens of millions"
    if low in vague and tok.pos_ not in ("VERB", "AUX"):
        lo = float(vague[low])
        j = k + 1
        if nxt(j) == "of" and nxt(j + 1) in vague and nxt(j + 1)[:-1] in scales:
            lo *= float(scales[nxt(j + 1)[:-1]])
            j += 2
        return Core(w.start, words[j - 1].end, None, lo), j
    # "several million", "a few thousand"
    if low in _map("vague_prefixes.txt") and _is_scale(nxt(k + 1)) and not re.search(r"\d", nxt(k + 1)):
        return Core(w.start, words[k + 1].end, None,
                    float(_map("vague_prefixes.txt")[low]) * float(scales[nxt(k + 1)])), k + 2
    # "half a million", "a quarter of a million"
    j = k + (1 if low in ("a", "an") else 0)
    if nxt(j) in fractions:
        f = float(fractions[nxt(j)])
        m = j + 1
        if nxt(m) == "of":
            m += 1
        if nxt(m) in ("a", "an") and _is_scale(nxt(m + 1)) and nxt(m + 1) not in ("m", "b", "k"):
            return Core(w.start, words[m + 1].end, f * float(scales[nxt(m + 1)]), words=True), m + 2
        # "a tenth of a point": the fraction of a unit
        if j > k and nxt(m) in ("a", "an") and nxt(m + 1) in _map("units.txt") and nxt(j + 1) == "of":
            return Core(w.start, words[m].end, f, words=True), m + 1
        if nxt(j) == "half" and nxt(j + 1) == "dozen":  # "a half dozen"
            return Core(w.start, words[j + 1].end, 6.0, words=True), j + 2
    # "a dozen", "a half-dozen", "a hundred", "a million"
    if low in ("a", "an") and k + 1 < len(words):
        v, glued = _number_word_value(words[k + 1])
        if v is not None and glued is None and (nxt(k + 1) in _map("number_words.txt") or _is_scale(nxt(k + 1))) \
                and not re.search(r"\d", nxt(k + 1)) and len(nxt(k + 1)) > 1:
            core, j = Core(w.start, words[k + 1].end, v, words=True), k + 2
            return _extend_scale(doc, words, core, j)
        return None
    # digits, "3bn"
    if w.end - w.start == 1 and _DIGITS.match(tok.text):
        core = Core(w.start, w.end, float(tok.text.replace(",", "")))
        return _extend_scale(doc, words, core, k + 1)
    if w.end - w.start == 1 and _PENCE.match(tok.text):
        return Core(w.start, w.end, float(_PENCE.match(tok.text).group("num")), pence=True), k + 1
    if w.end - w.start == 1 and _abbr_scale(tok.text) is not None:
        return Core(w.start, w.end, _abbr_scale(tok.text)), k + 1
    # number words: "two", "forty-five", "twenty thousand", "one hundred and five"
    v, glued = _number_word_value(w)
    if v is None or (_is_scale(low) and low not in ("hundred", "thousand", "million", "billion", "trillion")):
        return None
    seq = [w.low] if glued is None else ["-".join(_hyphen_parts(w)[:len(_hyphen_parts(w)) - len(glued.split("-"))])]
    j = k + 1
    last = k
    while glued is None and j < len(words):
        cand = words[j].low
        if cand == "and" and j + 1 < len(words) and _word_number(words[j + 1].text) is not None \
                and seq[-1] in ("hundred", "thousand"):
            cand2 = words[j + 1].low
            try:
                text2num(" ".join([*seq, "and", cand2]).replace("-", " "), "en")
            except ValueError:
                break
            seq += ["and", cand2]
            last = j + 1
            j += 2
            continue
        cv, cg = _number_word_value(words[j])
        if cv is None or (cg is not None and not _is_scale(cand.split("-")[0])):
            break
        try:
            text2num(" ".join([*seq, cand]).replace("-", " "), "en")
        except ValueError:
            break
        seq.append(cand)
        last = j
        j += 1
    try:
        value = float(text2num(" ".join(seq).replace("-", " "), "en"))
    except ValueError:
        if len(seq) > 1:
            return None
        value = v  # read by _word_number ("four-and-a-half")
    end_tok = words[last].end if glued is None else w.end
    core = Core(w.start, end_tok, value, hyphen_noun=glued, words=True)
    if glued is None and last + 1 < len(words) and words[last + 1].low == "dozen":  # "two dozen"
        return _extend_scale(doc, words, core, last + 1)
    return core, last + 1


def _extend_scale(doc: Doc, words: list[Word], core: Core, j: int) -> tuple[Core, int]:
    """Multiply by scale words after the number ("1.5 million", "3 m euros", "twenty thousand")."""
    scales = _map("magnitudes.txt")
    while j < len(words) and words[j].low in scales and core.value is not None \
            and (len(words[j].low) > 1 or doc[words[j].start - 1].whitespace_ == "" or words[j].low == "m"):
        # a spaced single-letter scale counts only before a currency: "3 m euros", not "3 m away"
        if words[j].low in ("m", "b", "k") and doc[words[j].start - 1].whitespace_ != "" \
                and not (j + 1 < len(words) and words[j + 1].low in _map("currencies.txt")):
            break
        core.value *= float(scales[words[j].low])
        core.end = words[j].end
        j += 1
    return core, j


# --------------------------------------------------------------------------
# exclusions


def _ent_label(tok: Token) -> str:
    return tok.ent_type_


def _head_noun(doc: Doc, core: Core) -> Token | None:
    """The noun a number modifies (nummod/quantmod/compound chain), if any."""
    t = doc[core.end - 1]
    for _ in range(4):
        if t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and t.head.i != t.i and t.head.i >= core.start:
            t = t.head
            if t.pos_ in ("NOUN", "PROPN") and not _is_unit_word(t.lower_):
                return t
        else:
            break
    return None


def _is_unit_word(low: str) -> bool:
    """A unit, currency or scale word ("percent", "percentage point", "dollars", "million")."""
    return (low in _map("units.txt") or low in _map("currencies.txt") or low in _map("magnitudes.txt")
            or low in ("%",))


def _excluded(doc: Doc, core: Core, has_unit: bool) -> bool:
    """True when the guidelines exclude this number (or mark it optional, which factx leaves out)."""
    first, last = doc[core.start], doc[core.end - 1]
    toks = list(doc[core.start:core.end])
    labels = {_ent_label(t) for t in toks}
    if core.pence:
        return False
    if labels & NAME_LABELS:
        return True
    nxt = doc[core.end] if core.end < len(doc) else None
    prev = doc[core.start - 1] if core.start > 0 else None
    head = _head_noun(doc, core)
    time_nouns = _words("time_nouns.txt")
    # years and decades ("2008", "'90s", "1990s")
    if core.end - core.start == 1 and not has_unit and _YEAR.match(first.text) \
            and (head is None or head.lower_ in time_nouns or head.tag_ != "NNS" or labels & TIME_LABELS):
        return True
    # dates, durations, ages: the number counts a time noun, or spaCy tags it a date/time with no other noun
    if core.hyphen_noun and core.hyphen_noun.split("-")[0] in time_nouns | {"year-old", "years-old"}:
        return True
    if nxt is not None and nxt.lower_ in time_nouns:
        return True
    if nxt is not None and nxt.text in _DASHES and nxt.whitespace_ == "" and core.end + 1 < len(doc) \
            and doc[core.end + 1].lower_ in time_nouns:
        return True
    if head is not None and head.lower_ in time_nouns:
        return True
    if labels & TIME_LABELS and not has_unit:
        glue = {"between", "and", "or", "to", "from"} | {w for q in _qualifiers() for w in q}
        outside = [t for e in doc.ents if e.start < core.end and core.start < e.end and e.label_ in TIME_LABELS
                   for t in e if not core.start <= t.i < core.end and not t.like_num and not t.is_punct
                   and t.lower_ not in glue]
        if any(t.lower_ in time_nouns for t in outside):  # "May 10", "two years ago"
            return True
        if outside and head is None:  # "the last two", "17 years old"
            return True
    # clock times and scores "10:30", "3-2"
    if nxt is not None and nxt.text in (":",) and nxt.whitespace_ == "" and core.end + 1 < len(doc) \
            and doc[core.end + 1].like_num:
        return True
    # identifiers: letters glued to the number ("G8", "F-16", "COVID-19"), "9/11", "No. 5", "#3"
    ranged = prev is not None and prev.text in _DASHES and core.start >= 2 and doc[core.start - 2].like_num
    if prev is not None and not ranged and prev.whitespace_ == "" and prev.text not in _map("currencies.txt") \
            and (prev.text in _DASHES or prev.text in ("/", "#") or (prev.is_alpha and prev.text not in ("a", "an"))):
        return True
    if nxt is not None and last.whitespace_ == "" and nxt.text == "/":
        return True
    if any(re.search(r"\d", t.text) and re.search(r"[A-Za-z]", t.text) and _abbr_scale(t.text) is None
           and not re.fullmatch(r"\d+(s|st|nd|rd|th)", t.text) for t in toks):
        return True
    if any(re.fullmatch(r"\d+(st|nd|rd|th)", t.text, re.I) for t in toks):
        return True
    # a label noun before the number: "Part 3", "Section 1032", "Article 5", "Room 12"
    if prev is not None and not has_unit and prev.pos_ in ("NOUN", "PROPN") and not _is_unit_word(prev.lower_) \
            and not (nxt is not None and nxt.pos_ == "ADJ") and last.head.i <= last.i \
            and prev.lower_ not in _words("time_nouns.txt") and prev.text[:1].isalpha() \
            and (prev.is_title or prev.lower_ in _words("label_nouns.txt")
                 or (last.head.i == prev.i and last.dep_ in ("nummod", "appos", "npadvmod") and not prev.is_lower)):
        return True
    # "part 3 of 3"
    if prev is not None and prev.lower_ == "of" and core.start >= 3 and doc[core.start - 2].like_num \
            and doc[core.start - 3].lower_ in _words("label_nouns.txt"):
        return True
    # names: "Gang of Eight", "Group of Seven", "Radio 4" (a title-case number word inside a name)
    if core.words and first.is_title and not first.is_sent_start and prev is not None \
            and prev.text not in "\"“‘'(" \
            and ((prev.lower_ == "of" and core.start >= 2 and doc[core.start - 2].is_title)
                 or (prev.is_title and prev.pos_ == "PROPN")):
        return True
    # label at the end of a furniture line: "Ecode: 17"
    if prev is not None and prev.text == ":" and (nxt is None or nxt.is_punct or "\n" in last.whitespace_) \
            and core.start >= 2 and doc[core.start - 2].pos_ in ("NOUN", "PROPN") and head is None:
        return True
    # list markers and ranks: "\n10. Mike Huckabee", "Marco Rubio (1.)"
    if nxt is not None and nxt.text in (".", ")") and last.whitespace_ == "" and core.end - core.start == 1:
        after = doc[core.end + 1] if core.end + 1 < len(doc) else None
        line_start = prev is None or "\n" in prev.whitespace_ or prev.text.strip() == "" or prev.text == "("
        if line_start or (after is not None and after.text == ")"):
            return True
    # ages after a name: "Ivanka Trump, 34, could"
    if prev is not None and prev.text == "," and nxt is not None and nxt.text in (",", ".") and head is None \
            and core.start >= 2 and (doc[core.start - 2].ent_type_ == "PERSON" or doc[core.start - 2].pos_ == "PROPN") \
            and not has_unit:
        return True
    # ranks: "finishing in the top three"
    if prev is not None and prev.lower_ in ("top", "bottom") and head is None and not has_unit:
        return True
    # phone numbers and codes: "020 7946 0958", "007", "555-1234"
    if re.fullmatch(r"0\d+", first.text):
        return True
    if any(t is not None and re.fullmatch(r"[+]?\d+", t.text) for t in (prev, nxt)):
        return True
    if nxt is not None and nxt.text in _DASHES and last.whitespace_ == "" and core.end + 1 < len(doc) \
            and re.fullmatch(r"\d{3}", last.text) and re.fullmatch(r"\d{4}", doc[core.end + 1].text):
        return True
    if ranged and prev.whitespace_ == "" and re.fullmatch(r"\d{3}", doc[core.start - 2].text) \
            and re.fullmatch(r"\d{4}", first.text):
        return True
    # ratios "3-to-1" (optional in the gold)
    if "".join(t.text for t in doc[core.end:core.end + 4])[:4].lower().startswith("-to-") and last.whitespace_ == "":
        return True
    # idioms and ranks glued by a hyphen: "two-way", "four-star", "two-time"
    if core.hyphen_noun and core.hyphen_noun.split("-")[0] in _words("hyphen_idioms.txt"):
        return True
    if nxt is not None and nxt.text in _DASHES and last.whitespace_ == "" and nxt.whitespace_ == "" \
            and core.end + 1 < len(doc) and doc[core.end + 1].lower_ in _words("hyphen_idioms.txt"):
        return True
    # verbs and idioms made of number words are not number cores (text2num only reads numbers)
    if core.words and core.value == 1 and first.lower_ == "one" and core.end - core.start == 1:
        return _is_pronoun_one(doc, first)
    return False


def _is_pronoun_one(doc: Doc, tok: Token) -> bool:
    """"one" as a pronoun or article: "one of the most", "one day", "One view is", "one ... and one"."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("of", "another", "-"):
        return True
    if nxt is not None and nxt.lower_ in ("or", "to") and tok.i + 2 < len(doc) and doc[tok.i + 2].like_num:
        return False  # "one or two", "one to three": a range
    if nxt is not None and nxt.lower_ == "or":
        return True  # "one or another"
    if tok.dep_ != "nummod" or tok.head.i < tok.i:
        return True
    noun = tok.head
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in _words("reporting_verbs.txt"):
        return True  # "One strategist said": "one" is "a"
    return noun.lower_ in _words("one_article_nouns.txt")


# --------------------------------------------------------------------------
# widening: currency, units, qualifier


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


def _widen(doc: Doc, core: Core) -> Cand:
    """Currency sign before, unit words after ("$4.5 million", "45 percent", "3m euros", "5-point")."""
    c = Cand(core, core.start, core.end)
    currencies = _map("currencies.txt")
    units = _map("units.txt")
    if c.start > 0 and doc[c.start - 1].lower_ in currencies and not doc[c.start - 1].is_alpha:
        c.start -= 1
        c.unit = currencies[doc[c.start].lower_]
    elif c.start > 1 and doc[c.start - 1].lower_ in ("$",) and doc[c.start - 2].lower_ in ("us", "u.s."):
        c.start -= 2
        c.unit = "USD"
    if core.pence:
        c.unit, c.factor = _map("currencies.txt")["p"], 0.01
    # unit glued by a hyphen to a number word: "one-mile"
    if core.hyphen_noun and core.hyphen_noun.replace("-", " ") in units:  # "seven-percentage-point"
        c.unit = units[core.hyphen_noun.replace("-", " ")]
    elif core.hyphen_noun and core.hyphen_noun in currencies:  # "billion-dollar loss"
        c.unit = currencies[core.hyphen_noun]
    # unit words after
    j = c.end
    if j + 1 < len(doc) and doc[j].text in _DASHES and doc[j - 1].whitespace_ == "" and doc[j].whitespace_ == "":
        w = doc[j + 1].lower_
        if c.unit is None and (w in units or (w in currencies and doc[j + 1].is_alpha)):
            c.unit = units.get(w) or currencies[w]
            c.end = j + 2
            if w in ("cent", "cents"):
                c.factor = 0.01
            return c
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
    # "millions of dollars", "tens of millions of euros"
    if c.unit is None and c.end + 1 < len(doc) and doc[c.end].lower_ == "of" and doc[c.end + 1].is_alpha \
            and doc[c.end + 1].lower_ in currencies and len(doc[c.end + 1].text) > 3:
        c.unit, c.end = currencies[doc[c.end + 1].lower_], c.end + 2
    # "USD 5 million", "EUR 20"
    if c.unit is None and c.start > 0 and doc[c.start - 1].text.isupper() and doc[c.start - 1].lower_ in currencies \
            and len(doc[c.start - 1].text) == 3:
        c.start -= 1
        c.unit = currencies[doc[c.start].lower_]
    return c


def _governing_verb(tok: Token) -> str | None:
    """Lemma of the nearest verb above ``tok`` in the parse (or right before it), lower case."""
    if tok.i > 0 and tok.doc[tok.i - 1].pos_ == "VERB":
        return tok.doc[tok.i - 1].lemma_.lower()
    t = tok
    for _ in range(6):
        if t.pos_ == "VERB":
            return t.lemma_.lower()
        if t.head.i == t.i:
            break
        t = t.head
    return None


def _attach_qualifier(doc: Doc, c: Cand) -> None:
    """Take in a qualifier right before ("approximately", "more than"), but not a verb particle ("pushed up to")."""
    for q in _qualifiers():
        n = len(q)
        s = c.start - n
        if s >= 0 and [t.lower_ for t in doc[s:c.start]] == q:
            if doc[s].lower_ == "up" and (doc[s].dep_ == "prt"
                                          or _governing_verb(doc[s]) in _words("change_verbs.txt")):
                return
            # "over" meaning during or above a bare number: "argued over 40 minutes"
            if q == ["over"] and doc[s].dep_ == "prep" and doc[s].head.pos_ == "VERB" \
                    and c.core.end - c.core.start == 1 and c.unit is None and _head_noun(doc, c.core) is None:
                return
            c.start = s
            c.qualifier = " ".join(t.text for t in doc[s:s + n])
            return


# --------------------------------------------------------------------------
# counted and event


def _noun_phrase(t: Token) -> str:
    comps = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == t.i - 1
             and not c.like_num and not _is_unit_word(c.lower_) and not re.search(r"\d", c.text)]
    return " ".join([*(c.text for c in comps), t.text]).lower()


def _countable(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN") and not _is_unit_word(t.lower_) and not t.like_num \
        and t.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME") \
        and t.lower_ not in ("figure", "number")


def _counted(doc: Doc, c: Cand) -> tuple[str | None, str | None]:
    """(head noun of what the figure counts, relation), from the parse (GOLD_FORMAT.md hard cases, "Counted").

    The relation is "modifier", "of" or "value" (see ``Figure.counted_relation``).
    """
    core = c.core
    if core.hyphen_noun and not _is_unit_word(core.hyphen_noun.replace("-", " ")):
        return core.hyphen_noun.split("-")[-1], "modifier"
    last = doc[c.end - 1]
    num = doc[core.end - 1]
    end = c.end
    # the noun the number (or its unit) modifies: "9,000 people", "a $1.3bn bill", "one-mile radius"
    for t in (last, num):
        if t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos") or t.i != num.i:
            h = t.head
            while h.i < end and h.i != h.head.i and (not _countable(h)):
                h = h.head
            if h.i >= end and _countable(h) and h.i - end <= 8:
                return _noun_phrase(h), "modifier"
    # postposed measure: "crowds 15,000 strong"
    if num.dep_ == "nummod" and num.head.i < c.start and end < len(doc) and doc[end].pos_ == "ADJ" \
            and _countable(num.head):
        return _noun_phrase(num.head), "modifier"
    # "45 percent of voters", "hundreds of civilians", "two points of credit", "2,093 of Clinton's emails"
    for t in doc[core.start:end]:
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= end:
                objs = [o for o in child.children if o.dep_ == "pobj"]
                if objs and _countable(objs[0]):
                    return _noun_phrase(objs[0]), "of"
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        for t in doc[end + 1:min(len(doc), end + 6)]:
            if _countable(t) and t.dep_ == "pobj":
                return _noun_phrase(t), "of"
    # money "in" a noun: "$180,000 in straw donations"
    if c.unit and c.unit != "percent" and c.unit != "points" and end + 1 < len(doc) and doc[end].lower_ == "in":
        for t in doc[end + 1:min(len(doc), end + 5)]:
            if _countable(t) and t.dep_ == "pobj" and t.ent_type_ not in ("DATE", "GPE") \
                    and not any(d.dep_ in ("det", "poss") for d in t.children):
                return _noun_phrase(t), "value"
    # the quantity it is the value of: "death toll rises to 1,311", "the rate ticks up to 5%"
    anchor = last if last.i != num.i else num
    while anchor.dep_ in ("nummod", "quantmod", "compound") and anchor.head.i < end:
        anchor = anchor.head
    if anchor.dep_ == "pobj" and anchor.head.dep_ in ("prep", "agent") and anchor.head.lower_ in ("to", "at"):
        verb = anchor.head.head
        if verb.pos_ in ("VERB", "AUX"):
            subj = [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")]
            if subj and _countable(subj[0]) and subj[0].ent_type_ == "" and subj[0].pos_ == "NOUN":
                return _noun_phrase(subj[0]), "value"
    return None, None


def _event(doc: Doc, c: Cand) -> str | None:
    """The word saying what happened to what is counted: "killed", "displaced", "sheltering".

    First a participle or event adjective on the counted noun ("displaced civilians", "people killed"),
    then the nearest verb above the number in the parse.  A gerund parsed as the clause of a verb
    ("sheltering 9,000 people fleeing ...") is a reduced relative: the verb above it is the event.
    """
    events = _words("event_words.txt")
    num = doc[c.core.end - 1]
    nouns = [h for h in (_head_noun(doc, c.core),) if h is not None]
    for t in doc[c.core.start:min(len(doc), c.end + 1)]:
        nouns += [o for ch in t.children if ch.dep_ == "prep" and ch.lower_ == "of" for o in ch.children
                  if o.dep_ == "pobj"]
    for noun in nouns:
        for ch in noun.children:
            if ch.dep_ in ("amod", "acl") and (ch.lower_ in events or ch.tag_ == "VBN"):
                return ch.text.lower()
    t = num
    for _ in range(8):
        if t.pos_ == "VERB" and t.dep_ not in ("amod", "prep") and t.i != num.i:
            if t.tag_ == "VBG" and t.dep_ == "ccomp" and t.head.pos_ == "VERB" and t.head.i < num.i:
                t = t.head
            return t.text.lower()
        if t.pos_ == "ADJ" and t.lower_ in events:
            return t.text.lower()
        for ch in t.children:
            if ch.lower_ in events and ch.dep_ in ("amod", "acomp") and ch.i != t.i:
                return ch.text.lower()
        if t.head.i == t.i:
            break
        t = t.head
    return None


# --------------------------------------------------------------------------
# the extractor


def _between(doc: Doc, a: Cand, b: Cand) -> list[str]:
    return [t.lower_ for t in doc[a.end:b.start]]


def _combine(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Join ranges into one figure and spread units over coordinated numbers ("11 and 8 percent")."""
    # unit by ellipsis, right to left: "11 and 8 percent", "7, 8, 10 percent"
    for a, b in reversed(list(pairwise(cands))):
        if a.unit is None and b.unit is not None and _between(doc, a, b) in (["and"], [","], [",", "and"]) \
                and b.core.start == b.start and b.core.end - b.core.start == 1 and a.core.end - a.core.start == 1:
            a.unit, a.factor = b.unit, b.factor
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if b is not None:
            mid = _between(doc, a, b)
            glued = bool(mid) and mid[0] in _DASHES and doc[a.end - 1].whitespace_ == "" \
                and doc[b.start - 1].whitespace_ == ""
            between = a.start > 0 and doc[a.start - 1].lower_ == "between" and mid == ["and"]
            from_to = a.start > 0 and doc[a.start - 1].lower_ == "from" \
                and not (a.start > 1 and doc[a.start - 2].lemma_.lower() in _words("range_verbs.txt"))
            poll_pair = mid == ["to"] and a.unit in ("percent", "points") and b.unit == a.unit
            # "rose 12p to 345p", "climbed 5 to 7 percent": a change from one level to another
            change = mid == ["to"] and _governing_verb(doc[a.core.start]) in _words("change_verbs.txt")
            is_range = (between or glued or (mid == ["to"] and not from_to and not poll_pair and not change)
                        or (mid == ["or"] and a.unit in (None, b.unit) and a.qualifier is None))
            if is_range and (a.unit is None or b.unit is None or a.unit == b.unit) \
                    and a.core.value is not None and b.core.value is not None:
                unit = a.unit or b.unit
                f = b.factor if a.unit is None else a.factor
                scale = 1.0
                # "between 1 and 2 million": the scale of the second applies to the first
                if a.core.value < 1000 <= b.core.value and b.core.end - b.core.start > 1 \
                        and any(_is_scale(t.lower_) for t in doc[b.core.start:b.core.end]):
                    scale = float(_map("magnitudes.txt")[next(t.lower_ for t in doc[b.core.start:b.core.end]
                                                               if _is_scale(t.lower_))])
                start = a.start - 1 if between or (mid == ["to"] and a.start > 0
                                                   and doc[a.start - 1].lower_ == "from") else a.start
                if a.core.value >= b.core.value:  # a score or a tally ("52-48", "92 to 0"): not a range
                    if glued:  # scores are optional in the gold
                        i += 2
                        continue
                    out += [a, b]
                    i += 2
                    continue
                r = Cand(a.core, start, b.end, unit, 1.0, a.qualifier)
                r.low, r.high = a.core.value * scale * f, b.core.value * (b.factor if b.unit else f)
                r.range_of = b
                out.append(r)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def extract_figures(doc: Doc, ctx: Context | None = None) -> list[Figure]:
    """Every figure in ``doc``, in text order, ids ``f1``, ``f2``, ... (renumbered later if merged)."""
    ctx = ctx or Context(doc)
    words = _words_of(doc)
    cands: list[Cand] = []
    k = 0
    while k < len(words):
        got = _read_core(doc, words, k)
        if got is None:
            k += 1
            continue
        core, k = got
        c = _widen(doc, core)
        # the widened unit may swallow the next word ("5-point"): skip words already used
        while k < len(words) and words[k].start < c.end:
            k += 1
        if _excluded(doc, core, c.unit is not None):
            continue
        _attach_qualifier(doc, c)
        cands.append(c)
    figures: list[tuple[Cand, Figure]] = []
    for c in _combine(doc, cands):
        span = doc[c.start:c.end]
        if ctx.non_fact_furniture.overlaps(*ctx.global_range(span)):
            continue
        core = c.core
        if c.high is not None:
            value, low, high = None, c.low, c.high
        elif core.value is None:
            value, low, high = None, (core.low or 0) * c.factor or None, None
        else:
            value, low, high = core.value * c.factor, None, None
        if value is not None:
            value = round(value, 10)
        # a bare scale word ("billion-dollar loss") is an order of magnitude, not an exact amount
        bare_scale = core.words and _is_scale(doc[core.start].lower_)
        approximate = value is None or c.qualifier is not None or bare_scale
        counted, relation = _counted(doc, c.range_of) if c.range_of else (None, None)
        if counted is None:
            counted, relation = _counted(doc, c)
        fig = Figure(
            id="",
            **asdict(ctx.span(span)),
            value=value,
            unit=c.unit,
            counted=counted,
            counted_relation=relation,
            approximate=approximate,
            qualifier=c.qualifier,
            low=low,
            high=high,
            event=_event(doc, c),
            sentence=ctx.sentence_of(core.start),
        )
        figures.append((c, fig))
    figures.sort(key=lambda p: p[1].start)
    for i, (_, f) in enumerate(figures, 1):
        f.id = f"f{i}"
    _link_parts(doc, figures)
    return [f for _, f in figures]


def _link_parts(doc: Doc, figures: list[tuple[Cand, Figure]]) -> None:
    """``part_of``: "1,311, including 830 civilians" makes 830 a part of 1,311."""
    cues = _phrases("part_cues.txt")
    for (a, fa), (b, fb) in pairwise(figures):
        mid = [t for t in _between(doc, a, b) if t not in (",", "—", "–", "-", "(")]
        # allow the counted noun of the whole between the figures: "1,311 dead, including 830"
        while mid and mid[0] not in {q[0] for q in cues} and len(mid) > 1:
            mid = mid[1:]
        after = [t.lower_ for t in doc[b.end:b.end + 2]]
        if fa.sentence == fb.sentence and (any(mid == q for q in cues) or after in (["of", "them"], ["of", "whom"])):
            fb.part_of = fa.id
