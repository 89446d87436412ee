"""Pass 5, counted noun and event: what a figure counts and what happened to it, from the parse.

GOLD_FORMAT.md, hard cases "Counted": the noun the number modifies ("9,000 people"), its "of"
complement ("45 percent of voters"), or the quantity it is the value of in the same clause
("unemployment rate ticks up to 5%" -> rate).  Unit words are never the counted noun.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .lex import is_unit_word, words
from .syntax import head_noun
from .widen import Cand

Counted = tuple[str | None, str | None]  # (noun phrase, relation: "modifier", "of" or "value")


def noun_phrase(t: Token) -> str:
    """The counted noun as written, lower case, with a noun compound right before it ("death toll")."""
    comps = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == t.i - 1
             and not c.like_num and not is_unit_word(c.lower_) and not re.search(r"\d", c.text)]
    return " ".join([*(c.text for c in comps), t.text]).lower()


def countable(t: Token) -> bool:
    """A noun that can be what a figure counts (not a unit, place, date, or "the figure")."""
    return t.pos_ in ("NOUN", "PROPN") and not is_unit_word(t.lower_) and not t.like_num \
        and t.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME") \
        and t.lower_ not in ("figure", "number")


def by_modifier(doc: Doc, c: Cand) -> Counted:
    """The noun the number (or its unit) modifies: "9,000 people", "a $1.3bn bill", "one-mile radius"."""
    core = c.core
    if core.hyphen_noun and not is_unit_word(core.hyphen_noun.replace("-", " ")):
        return core.hyphen_noun.split("-")[-1], "modifier"
    last, num, end = doc[c.end - 1], doc[core.end - 1], c.end
    for t in (last, num):
        if t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos") or t.i != num.i:
            h = t.head
            while h.i < end and h.i != h.head.i and (not countable(h)):
                h = h.head
            if h.i >= end and countable(h) and h.i - end <= 8:
                return noun_phrase(h), "modifier"
    # postposed measure: "crowds 15,000 strong"
    if num.dep_ == "nummod" and num.head.i < c.start and end < len(doc) and doc[end].pos_ == "ADJ" \
            and countable(num.head):
        return noun_phrase(num.head), "modifier"
    return None, None


def by_of(doc: Doc, c: Cand) -> Counted:
    """The "of" complement: "45 percent of voters", "hundreds of civilians", "2,093 of Clinton's emails"."""
    end = c.end
    for t in doc[c.core.start:end]:
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= end:
                objs = [o for o in child.children if o.dep_ == "pobj"]
                if objs and countable(objs[0]):
                    return noun_phrase(objs[0]), "of"
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        for t in doc[end + 1:min(len(doc), end + 6)]:
            if countable(t) and t.dep_ == "pobj":
                return noun_phrase(t), "of"
    return None, None


def by_in(doc: Doc, c: Cand) -> Counted:
    """Money "in" a noun: "$180,000 in straw donations"."""
    end = c.end
    if c.unit and c.unit not in ("percent", "points") and end + 1 < len(doc) and doc[end].lower_ == "in":
        for t in doc[end + 1:min(len(doc), end + 5)]:
            if countable(t) and t.dep_ == "pobj" and t.ent_type_ not in ("DATE", "GPE") \
                    and not any(d.dep_ in ("det", "poss") for d in t.children):
                return noun_phrase(t), "value"
    return None, None


def by_value(doc: Doc, c: Cand) -> Counted:
    """The quantity it is the value of: "death toll rises to 1,311", "the rate ticks up to 5%"."""
    last, num, end = doc[c.end - 1], doc[c.core.end - 1], c.end
    anchor = last if last.i != num.i else num
    while anchor.dep_ in ("nummod", "quantmod", "compound") and anchor.head.i < end:
        anchor = anchor.head
    if anchor.dep_ == "pobj" and anchor.head.dep_ in ("prep", "agent") and anchor.head.lower_ in ("to", "at"):
        verb = anchor.head.head
        if verb.pos_ in ("VERB", "AUX"):
            subj = [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")]
            if subj and countable(subj[0]) and subj[0].ent_type_ == "" and subj[0].pos_ == "NOUN":
                return noun_phrase(subj[0]), "value"
    return None, None


COUNTED_PASSES = (by_modifier, by_of, by_in, by_value)


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
