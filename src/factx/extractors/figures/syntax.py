"""Parse-tree look-ups shared by the passes: the noun a number modifies, the verb above a token."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lex import is_unit_word

# dependency labels that tie a number (or its unit) to the noun it counts
MODIFIER_DEPS = ("nummod", "quantmod", "compound", "amod", "nmod")


def head_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The noun the number in tokens ``start:end`` modifies (nummod/quantmod/compound chain), if any."""
    t = doc[end - 1]
    for _ in range(4):
        if t.dep_ in MODIFIER_DEPS and t.head.i != t.i and t.head.i >= start:
            t = t.head
            if t.pos_ in ("NOUN", "PROPN") and not is_unit_word(t.lower_):
                return t
        else:
            break
    return None


def governing_verb(tok: Token) -> str | None:
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
