"""Checks: what the parse says about each detected expression: whether a bare number is a year, and
the tense that points a weekday or a month without a year to the past or the future.

A four-digit number standing alone is a year ("in 2009") unless the tagger reads it as a count,
an amount or part of a name ("2000 troops", "$1990", "Boeing 2707"): the guideline that numbers
inside names are not times.  The tense is read from the verb that governs the expression: "will",
"'ll", "shall", "going to" and a progressive ("is meeting Friday") point ahead (an infinitive does
not: "agreed to meet Friday" and "came to vote Friday" go either way); a past tense or
a perfect ("met", "had met", "has met") points back; anything else leaves it to the nearest day.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from . import lex

# entity labels under which a number that looks like a year is not one
NOT_YEAR_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "PRODUCT", "ORG", "FAC", "LAW", "GPE",
                             "PERSON", "ORDINAL"})
_VERB_POS = frozenset({"VERB", "AUX"})


def head_token(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens covering doc-local characters [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def is_year_count(doc: Doc, start: int, end: int) -> bool:
    """Whether a bare four-digit 'year' is really a count, an amount or a name."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        if not tok.like_num:
            continue
        if tok.ent_type_ in NOT_YEAR_LABELS:
            return True
        if tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and tok.head.ent_type_ != "DATE":
            return True
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.text in ("$", "#", "No.", "no.", "£", "€", "¥"):
            return True
    return False


def governing_verb(tok: Token) -> Token | None:
    """The verb (or auxiliary) nearest above ``tok`` in the parse, within a few steps."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in _VERB_POS:
            return cur
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def tense(tok: Token | None) -> int:
    """-1 past, +1 future, 0 unknown: the tense of the clause that governs ``tok``."""
    if tok is None:
        return 0
    verb = governing_verb(tok)
    if verb is None:
        return 0
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in aux}
    if lowers & lex.future_words():
        return 1
    if verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children):
        return 1
    if verb.tag_ == "VBG" and lowers & {"is", "are", "'s", "'re", "am"}:
        return 1
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux):
        return -1
    if verb.tag_ == "VBN" and lowers & {"has", "have", "'ve", "'s", "had"}:
        return -1
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return -1
    return 0
