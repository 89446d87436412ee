"""Pass 5, counted noun and event: what a figure counts and what happened to it, from the parse.

GOLD_FORMAT.md, hard cases "Counted": the noun the number modifies ("9,000 people"), its "of"
complement ("45 percent of voters"), or the quantity it is the value of in the same clause
("unemployment rate ticks up to 5%" -> rate).  Unit words are never the counted noun.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .lex import HAS_DIGIT, is_unit_word, words
from .syntax import denominator, head_noun, span_roots, value_subject
from .units import unit_kinds
from .widen import Cand

Counted = tuple[str | None, str | None]  # (noun phrase, relation: "modifier", "of" or "value")


def noun_phrase(t: Token) -> str:
    """The counted noun as written, lower case: with a noun compound right before it ("death toll"), a
    hyphenated word whole ("news-stands") and bare coordinated nouns ("passengers and crew")."""
    doc = t.doc
    first = _hyphen_start(t)
    comps = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == first - 1
             and not c.like_num and not is_unit_word(c.lower_) and not re.search(r"\d", c.text)
             and c.lower_ not in words("time_nouns.txt")
             and not any(w.like_num for w in doc[_hyphen_start(c):c.i])]  # "white-collar jobs", not "six-month"
    start = _hyphen_start(comps[0]) if comps else first
    last = _bare_list_end(t)
    return doc[start:last.i + 1].text.lower()


def _bare_list_end(t: Token) -> Token:
    """The last noun of a list of bare nouns that names one group with ``t``: "1,523 passengers and
    crew", "a thousand women, children and men" (not "9,000 people and 300 vehicles"); a list whose
    items carry words of their own names several kinds, and the first is kept ("a hundred rapists, armed
    robbers, drug smugglers, and murderers")."""
    doc = t.doc
    conj = sorted(t.conjuncts, key=lambda c: c.i)
    if not conj or conj[0].i < t.i or any(c.pos_ != "NOUN" for c in conj):
        return t
    glue = [w for w in doc[t.i + 1:conj[-1].i] if w.i not in {c.i for c in conj}]
    if not glue or any(w.text != "," and w.lower_ not in ("and", "or") for w in glue) \
            or doc[conj[-1].i - 1].lower_ not in ("and", "or") or len(glue) >= 2 * len(conj):
        return t
    if any(ch.like_num or ch.dep_ in ("nummod", "det", "amod", "compound", "poss") for c in conj for ch in c.children):
        return t
    return conj[-1]


def _hyphen_start(t: Token) -> int:
    """The first token of the hyphenated word that ends with ``t`` ("news-stands")."""
    i = t.i
    doc = t.doc
    while i >= 2 and doc[i - 1].text == "-" and doc[i - 1].whitespace_ == "" and doc[i - 2].whitespace_ == "" \
            and doc[i - 2].is_alpha:
        i -= 2
    return i


def countable(t: Token) -> bool:
    """A noun that can be what a figure counts (not a unit, place, date, or "the figure")."""
    return t.pos_ in ("NOUN", "PROPN") and not is_unit_word(t.lower_) and not t.like_num \
        and t.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME", "PERSON") \
        and t.lower_ not in ("figure", "number") and not denominator(t) and not HAS_DIGIT.search(t.text)


def _adjective_as_noun(t: Token) -> bool:
    """An adjective the parser made the object of "of", used as a noun: "30.8 GW of solar"."""
    return t.pos_ == "ADJ" and t.dep_ == "pobj" and t.is_alpha and t.i + 1 < len(t.doc) \
        and t.doc[t.i + 1].pos_ not in ("NOUN", "PROPN", "ADJ") and not any(t.children)  # "of each other"


def _mistagged_noun(h: Token, num: Token) -> bool:
    """A noun the tagger called a verb, seen from its role: "17,000 news-stands" ("stands" as VERB, dobj)."""
    return num.dep_ == "nummod" and num.head.i == h.i and h.pos_ == "VERB" and h.tag_ in ("VBZ", "NNS") \
        and h.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos") and not is_unit_word(h.lower_)


def by_modifier(doc: Doc, c: Cand) -> Counted:
    """The noun the number (or its unit) modifies: "9,000 people", "a $1.3bn bill", "one-mile radius"."""
    core = c.core
    if core.hyphen_noun and not is_unit_word(core.hyphen_noun.replace("-", " ")):
        return core.hyphen_noun.split("-")[-1], "modifier"
    last, num, end = doc[c.end - 1], doc[core.end - 1], c.end
    for t in (last, num):
        if t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos") or t.i != num.i:
            h = t.head
            while (h.i < end or denominator(h)) and h.i != h.head.i and (not countable(h)):
                h = h.head
            if h.i >= end and h.i - end <= 8 and (countable(h) or _mistagged_noun(h, t)):
                return noun_phrase(_head_of_modifiers(h, c)), "modifier"
    # the noun written right after the number when the parse missed the link: "helping 3m people"
    if end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].tag_ == "NNS" and countable(doc[end]) \
            and doc[end].lower_ not in words("time_nouns.txt") and "\n" not in doc[end - 1].whitespace_:
        return noun_phrase(doc[end]), "modifier"
    # an article before the figure, its noun after a closing bracket: "a [0.6% to 0.7%] hurricane headwind"
    start, k = c.start, end + 1
    if end < len(doc) and doc[end].text in (")", "]") and start > 1 and doc[start - 1].text in ("(", "[") \
            and doc[start - 2].lower_ in ("a", "an", "the"):
        while k + 1 < len(doc) and doc[k].pos_ == "NOUN" and doc[k + 1].pos_ == "NOUN":
            k += 1
        if k < len(doc) and doc[k].pos_ == "NOUN" and countable(doc[k]):
            return noun_phrase(doc[k]), "modifier"
    # postposed measure: "crowds 15,000 strong", "a universe, some 230 million light-years wide"
    if num.dep_ == "nummod" and num.head.i < c.start and end < len(doc) and doc[end].pos_ == "ADJ" \
            and countable(num.head):
        return noun_phrase(num.head), "modifier"
    if end < len(doc) and doc[end].pos_ in ("ADJ", "ADV") and doc[end].lower_ in words("dimension_words.txt") \
            and doc[end].head.i < c.start and countable(doc[end].head):
        return noun_phrase(doc[end].head), "modifier"
    return None, None


def _head_of_modifiers(h: Token, c: Cand) -> Token:
    """The head noun when the parser hung the number on a modifier of it: "1,000 [maintenance and
    cleaning] workers" (an nmod of "workers"), "four [national security] and diplomatic officials" (a
    plural number counts the plural noun it is coordinated with, not the singular one)."""
    for _ in range(3 if c.unit is None else 0):  # money measures its own noun: "$15 minimum wage and ..."
        nxt = h.head
        if h.dep_ in ("nmod", "compound") and nxt.i > h.i and nxt.pos_ == "NOUN" and countable(nxt) \
                and any(ch.dep_ == "conj" for ch in h.children):
            h = nxt
        else:
            break
    value = c.core.value
    if value is not None and value > 1 and h.tag_ == "NN" and c.unit is None:  # not "C$30 cash or 0.79 shares"
        plural = [cj for cj in h.children if cj.dep_ == "conj" and cj.tag_ == "NNS" and countable(cj)]
        if plural:
            return plural[0]
    return h


def by_of(doc: Doc, c: Cand) -> Counted:
    """The "of" complement: "45 percent of voters", "hundreds of civilians", "2,093 of Clinton's emails"."""
    end = c.end
    for t in doc[c.core.start:end]:
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= end:
                objs = [o for o in child.children if o.dep_ == "pobj"]
                if objs and (countable(objs[0]) or _adjective_as_noun(objs[0])):
                    return noun_phrase(objs[0]), "of"
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        for t in doc[end + 1:min(len(doc), end + 6)]:
            if t.pos_ == "ADP":  # "of evolving galaxies with levels of detail": not past the noun phrase
                break
            # a participle parsed as the head: "of [evolving] galaxies"
            if countable(t) and (t.dep_ == "pobj" or (t.dep_ == "dobj" and t.head.dep_ == "pcomp")):
                return noun_phrase(t), "of"
    return None, None


def by_in(doc: Doc, c: Cand) -> Counted:
    """Money "in" a noun: "$180,000 in straw donations"."""
    end = c.end
    if c.unit and c.unit not in ("percent", "points") and end + 1 < len(doc) and doc[end].lower_ == "in":
        # the object of "in" itself ("$2.53 in per-share earnings"), unless punctuation parts them
        objs = [o for o in doc[end].children if o.dep_ == "pobj" and _unbroken(doc, end + 1, o.i)]
        for t in [*objs, *doc[end + 1:min(len(doc), end + 5)]]:
            if countable(t) and t.dep_ == "pobj" and t.ent_type_ not in ("DATE", "GPE") \
                    and t.lower_ not in words("no_count_nouns.txt") \
                    and not any(d.dep_ in ("det", "poss") for d in t.children):
                return noun_phrase(t), "value"
    return None, None


def _unbroken(doc: Doc, i: int, j: int) -> bool:
    """No punctuation between tokens ``i`` and ``j`` but hyphens inside a word ("per-share"), so a
    dash or comma ("debt - financial positions") ends the noun phrase."""
    return not any(w.is_punct and not (w.text == "-" and w.whitespace_ == "" and doc[w.i - 1].whitespace_ == "")
                   for w in doc[i:j])


def by_of_head(doc: Doc, c: Cand) -> Counted:
    """The noun whose "of" phrase the figure is: "a profit of $48.2m", "revenues of $7bn", "sales of 350,000"."""
    for root in span_roots(doc, c.start, c.end):
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i < c.start:
            noun = root.head.head
            if countable(noun) and noun.lower_ not in words("no_count_nouns.txt"):
                return noun_phrase(noun), "value"
    return None, None


def by_value(doc: Doc, c: Cand) -> Counted:
    """The quantity it is the value of: "death toll rises to 1,311", "fees range from $1.5m to $3m"."""
    subj = value_subject(doc, c.start, c.end, rate=c.unit is not None and unit_kinds().get(c.unit.lower()) == "rate")
    if subj is not None and (subj.pos_ == "NOUN" or subj.tag_ == "VBG") and subj.ent_type_ in ("", "DATE") \
            and not is_unit_word(subj.lower_) and subj.lower_ not in words("time_nouns.txt") | {"figure", "number"}:
        return noun_phrase(subj), "value"
    return None, None


def by_event_word(doc: Doc, c: Cand) -> Counted:
    """An event adjective standing for the people it describes: "left 43 dead", "12 injured"."""
    if c.end < len(doc) and doc[c.end].lower_ in words("event_words.txt") and doc[c.end].pos_ in ("ADJ", "NOUN") \
            and (c.end + 1 >= len(doc) or doc[c.end + 1].pos_ not in ("NOUN", "PROPN")):
        return doc[c.end].lower_, "modifier"
    return None, None


def by_bound_noun(doc: Doc, c: Cand) -> Counted:
    """The noun an upper bound follows: "inflate at speeds up to 200 miles per hour" -> speeds (not a
    change: "shares up 5%" has no "to")."""
    if c.qualifier is None or c.qualifier.lower() not in ("up to", "as much as", "as many as", "as high as") \
            or c.start == 0:
        return None, None
    prev = doc[c.start - 1]
    # the noun is an argument of the clause ("at speeds", not "in the south of the country up to 8 cm")
    argument = prev.dep_ == "dobj" or (prev.dep_ == "pobj" and prev.head.head.pos_ == "VERB")
    if prev.pos_ == "NOUN" and countable(prev) and argument and prev.lower_ not in words("time_nouns.txt"):
        return noun_phrase(prev), "value"
    return None, None


COUNTED_PASSES = (by_modifier, by_of, by_in, by_of_head, by_value, by_bound_noun, by_event_word)


def counted(doc: Doc, c: Cand) -> Counted:
    """(head noun of what the figure counts, relation): the first pass that finds one."""
    for find in COUNTED_PASSES:
        got = find(doc, c)
        if got[0] is not None:
            return got
    return None, None


def event(doc: Doc, c: Cand) -> str | None:
    """The word saying what happened to what is counted: "killed", "displaced", "sheltering".

    First a participle or event adjective on the counted noun ("displaced civilians", "people killed"),
    then the nearest verb above the number in the parse.  A gerund parsed as the clause of a verb
    ("sheltering 9,000 people fleeing ...") is a reduced relative: the verb above it is the event.
    """
    events = words("event_words.txt")
    num = doc[c.core.end - 1]
    nouns = [h for h in (head_noun(doc, c.core.start, c.core.end),) if h is not None]
    for t in doc[c.core.start:min(len(doc), c.end + 1)]:
        nouns += [o for ch in t.children if ch.dep_ == "prep" and ch.lower_ == "of" for o in ch.children
                  if o.dep_ == "pobj"]
    for noun in nouns:
        for ch in noun.children:
            if ch.dep_ in ("amod", "acl") and (ch.lower_ in events or ch.tag_ == "VBN"):
                return ch.text.lower()
    t = num
    for _ in range(8):
        if t.pos_ == "VERB" and t.dep_ not in ("amod", "prep") and not c.start <= t.i < c.end \
                and not _mistagged_noun(t, num):
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
