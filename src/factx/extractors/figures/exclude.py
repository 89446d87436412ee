"""Pass 2, exclusions: number cores that the guidelines leave out (GOLD_FORMAT.md, "Exclude").

Each rule is one small predicate over the core and the tokens around it; a core is dropped when any
rule holds.  Optional items in the gold (durations, ages, scores, ratios) are left out too: leaving
them out costs nothing and guessing them wrong would.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from ... import lexicon
from .around import Around, Rule
from .layout import beside_player, field_label, list_marker, phone, result_line, table_row
from .lex import (
    DASHES,
    DIGITS,
    NAME_LABELS,
    TIME_LABELS,
    YEAR,
    abbr_scale,
    is_unit_word,
    mapping,
    qualifier_words,
    words,
)
from .read import Core
from .units import currency_sign, glued_units, split_unit

# entity labels of proper nouns that a title-case number word does not open as a name: "One American"
# is one person ("our One Home Depot strategy" is a name)
PEOPLE_AND_PLACES = frozenset({"PERSON", "NORP", "GPE", "LOC"})
# a date written as one run of digits and separators: "1996-08-30", "30/08/96", "30.08.1996"
DATE_STRING = re.compile(r"^(?:\d{4}(?P<s1>[-/.])\d{1,2}(?P=s1)\d{1,2}"
                         r"|\d{1,2}(?P<s2>[-/.])\d{1,2}(?P=s2)(?:\d{4}|\d{2}))$")


def name(a: Around) -> bool:
    """Inside a name or rank entity ("Radio 4", "S&P 500", "third")."""
    return bool(a.labels & NAME_LABELS)


def year(a: Around) -> bool:
    """Years and decades ("2008", "'90s", "1990s")."""
    # "an end-1997 peso": a currency word after a year-shaped number spaCy calls a date is no amount
    dated = bool(a.labels & TIME_LABELS) and (a.prev is None or currency_sign(a.prev.text) is None)
    return a.core.end - a.core.start == 1 and (not a.has_unit or dated) and YEAR.match(a.first.text) is not None \
        and (a.head is None or a.head.lower_ in words("time_nouns.txt") or a.head.tag_ != "NNS"
             or bool(a.labels & TIME_LABELS))


def date_string(a: Around) -> bool:
    """A piece of a date written in digits and separators (a dateline's "1996-08-30")."""
    i, j = a.core.start, a.core.end
    doc = a.doc
    while i > 0 and doc[i - 1].whitespace_ == "" and not (doc[i - 1].is_alpha or doc[i - 1].is_space):
        i -= 1
    while j < len(doc) and doc[j - 1].whitespace_ == "" and not (doc[j].is_alpha or doc[j].is_space):
        j += 1
    return j - i >= 3 and DATE_STRING.match("".join(t.text for t in doc[i:j]).strip(".,;:")) is not None


def time_noun(a: Around) -> bool:
    """Dates, durations, ages: the number counts a time noun ("three weeks", "30-year", "17-year-old")."""
    time_nouns = words("time_nouns.txt")
    if a.core.hyphen_noun and a.core.hyphen_noun.split("-")[0] in time_nouns | {"year-old", "years-old"}:
        return True
    if a.nxt is not None and a.nxt.lower_ in time_nouns:
        return not (a.has_unit and a.nxt.lower_ in mapping("time_units.txt"))  # "to 34.3 hours": a measure
    if a.glued_next(DASHES) and a.nxt.whitespace_ == "" and a.after is not None and a.after.lower_ in time_nouns:
        return True
    # a measure with a unit is no duration: "40% year to date", "230 million light-years"
    return a.head is not None and a.head.lower_ in time_nouns and not a.has_unit


def time_entity(a: Around) -> bool:
    """spaCy's DATE/TIME entity around the number holds a time noun ("May 10") or other words ("the last two")."""
    if not a.labels & TIME_LABELS or a.has_unit:
        return False
    glue = {"between", "and", "or", "to", "from"} | qualifier_words()
    core = a.core
    outside = [t for e in a.doc.ents if e.start < core.end and core.start < e.end and e.label_ in TIME_LABELS
               for t in e if not core.start <= t.i < core.end and not t.like_num and not t.is_punct
               and t.lower_ not in glue]
    if any(t.lower_ in words("time_nouns.txt") for t in outside):
        return True
    # "in their last seven" (games): an elided noun after a determiner and "last" is a count
    return bool(outside) and a.head is None and not all(t.lower_ in words("elision_words.txt") for t in outside)


def clock(a: Around) -> bool:
    """Clock times and scores: "10:30"."""
    return a.glued_next((":",)) and a.after is not None and a.after.like_num


def identifier(a: Around) -> bool:
    """Letters or marks glued to the number: "G8", "F-16", "COVID-19", "9/11", "#3", "11th"."""
    prev = a.prev
    if prev is not None and not a.ranged and prev.whitespace_ == "" and prev.text not in mapping("currencies.txt") \
            and (prev.text in DASHES or prev.text in ("/", "#") or (prev.is_alpha and prev.text not in ("a", "an"))):
        return True
    if a.glued_next(("/",)):
        return not per_unit(a)
    if any(re.search(r"\d", t.text) and re.search(r"[A-Za-z]", t.text) and abbr_scale(t.text) is None
           and split_unit(t.text) is None and not re.fullmatch(r"\d+(s|st|nd|rd|th)", t.text) for t in a.toks):
        return True
    return any(re.fullmatch(r"\d+(st|nd|rd|th)", t.text, re.I) for t in a.toks)


def per_unit(a: Around) -> bool:
    """Money per unit of a measure or time: "$0.23/W", "$0.03/kWh", "$60/barrel" (the denominator stays
    out of the figure, as "a share" does in "$31 a share")."""
    nxt = a.after
    if not a.has_unit or nxt is None or a.nxt.whitespace_:
        return False
    low = nxt.lower_.rstrip(".")  # "$0.19/W." closing a sentence
    return low in mapping("units.txt") or low in glued_units() or low in words("time_nouns.txt") \
        or low in words("rate_nouns.txt")


def label(a: Around) -> bool:
    """A label noun before the number ("Part 3", "Section 1032", "part 3 of 3"), or before the first of
    coordinated numbers ("Interstates 80 and 90", "Articles 5, 6 and 7")."""
    if _labelled(a):
        return True
    doc, i = a.doc, a.core.start
    while i >= 2:
        j = i
        while j > 0 and doc[j - 1].lower_ in ("and", "or", ",", "&"):
            j -= 1
        if j == i or j == 0 or not DIGITS.match(doc[j - 1].text):
            return False
        if _labelled(Around(doc, Core(j - 1, j, None), False)):
            return True
        i = j - 1
    return False


def _labelled(a: Around) -> bool:
    prev, last, nxt = a.prev, a.last, a.nxt
    if prev is not None and not a.has_unit and prev.pos_ in ("NOUN", "PROPN") and not is_unit_word(prev.lower_) \
            and not (nxt is not None and nxt.pos_ == "ADJ") and last.head.i <= last.i \
            and prev.lower_ not in words("time_nouns.txt") and prev.text[:1].isalpha() \
            and (prev.is_title or prev.lower_ in words("label_nouns.txt")
                 or (last.head.i == prev.i and last.dep_ in ("nummod", "appos", "npadvmod") and not prev.is_lower)):
        return True
    s = a.core.start
    return prev is not None and prev.lower_ == "of" and s >= 3 and a.doc[s - 2].like_num \
        and a.doc[s - 3].lower_ in words("label_nouns.txt")


def name_words(a: Around) -> bool:
    """A title-case number word inside a name: "Gang of Eight", "Group of Seven", "our One Home Depot
    strategy" (and the same name opening a sentence elsewhere in the article)."""
    first, prev = a.first, a.prev
    if not (a.core.words and first.is_title):
        return False
    if _opens_name(a):
        return True
    return not first.is_sent_start and prev is not None and prev.text not in "\"“‘'(" \
        and ((prev.lower_ == "of" and a.core.start >= 2 and a.doc[a.core.start - 2].is_title)
             or (prev.is_title and prev.pos_ == "PROPN"))


def _opens_name(a: Around) -> bool:
    """A title-case number word before the proper nouns of an organization's or product's name, inside a
    sentence ("our One Home Depot strategy"), or opening one when the article also writes it inside one."""
    doc, end = a.doc, a.core.end
    if a.core.hyphen_noun:  # "a Two-Pirate Ticket" (a headline in title case)
        return False
    j = end
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and doc[j].ent_type_ not in PEOPLE_AND_PLACES:
        j += 1
    if j == end:
        return False
    if not a.first.is_sent_start and a.prev is not None and a.prev.is_lower:
        return True
    seq = [t.text for t in doc[a.core.start:j]]
    n = len(seq)
    return any([t.text for t in doc[i:i + n]] == seq and not doc[i].is_sent_start and doc[i - 1].is_lower
               for i in range(1, len(doc) - n + 1) if i != a.core.start and doc[i].text == seq[0])


def age_after_name(a: Around) -> bool:
    """Ages after a name: "Ivanka Trump, 34, could"."""
    prev, nxt, s = a.prev, a.nxt, a.core.start
    return prev is not None and prev.text == "," and nxt is not None and nxt.text in (",", ".") and a.head is None \
        and s >= 2 and (a.doc[s - 2].ent_type_ == "PERSON" or a.doc[s - 2].pos_ == "PROPN") and not a.has_unit


def rank(a: Around) -> bool:
    """Ranks: "finishing in the top three"."""
    return a.prev is not None and a.prev.lower_ in ("top", "bottom") and a.head is None and not a.has_unit


def format_name(a: Around) -> bool:
    """The name of a display or video format: "1080p video", "4K output" (not 1080 pence, not 4,000)."""
    return a.doc[a.core.start:a.core.end].text in _format_names()


@cache
def _format_names() -> frozenset[str]:
    return frozenset(rows[0] for rows in lexicon.rows("format_names.txt"))


def ratio(a: Around) -> bool:
    """Ratios "3-to-1" (optional in the gold)."""
    return a.last.whitespace_ == "" and \
        "".join(t.text for t in a.doc[a.core.end:a.core.end + 4])[:4].lower().startswith("-to-")


def hyphen_idiom(a: Around) -> bool:
    """Idioms and ranks glued by a hyphen: "two-way", "four-star", "two-time"."""
    idioms = words("hyphen_idioms.txt")
    if a.core.hyphen_noun and a.core.hyphen_noun.split("-")[0] in idioms:
        return True
    return a.glued_next(DASHES) and a.nxt.whitespace_ == "" and a.after is not None and a.after.lower_ in idioms


def pronoun_one(a: Around) -> bool:
    """"one" as a pronoun or article: "one of the most", "one day", "One view is", "one ... and one"."""
    if not (a.core.words and a.core.value == 1 and a.first.lower_ == "one" and a.core.end - a.core.start == 1):
        return False
    tok, doc = a.first, a.doc
    nxt = a.nxt
    if nxt is not None and nxt.lower_ in ("of", "another", "-"):
        return True
    if nxt is not None and nxt.lower_ in ("or", "to") and tok.i + 2 < len(doc) and doc[tok.i + 2].like_num:
        return False  # "one or two", "one to three": a range
    if nxt is not None and nxt.lower_ == "or":
        return True  # "one or another"
    if any(t.lower_ == "another" and doc[t.i - 1 - doc[t.i - 1].is_space].lower_ in ("to", "and", "or")
           for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 10)]):
        return True  # "from one room of his house to another"
    if tok.dep_ != "nummod" or tok.head.i < tok.i:
        return True
    noun = tok.head
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in words("reporting_verbs.txt"):
        return True  # "One strategist said": "one" is "a"
    return noun.lower_ in words("one_article_nouns.txt")


RULES: tuple[Rule, ...] = (name, year, date_string, time_noun, time_entity, clock, identifier, label, name_words,
                           field_label, list_marker, age_after_name, result_line, table_row, beside_player, rank,
                           phone, ratio, hyphen_idiom, pronoun_one)


def excluded(doc: Doc, core: Core, has_unit: bool) -> bool:
    """True when the guidelines exclude this number (or mark it optional, which factx leaves out)."""
    a = Around(doc, core, has_unit)
    if format_name(a):
        return True
    if core.pence:  # "345p": a price, whatever spaCy's label says
        return False
    return any(rule(a) for rule in RULES)
