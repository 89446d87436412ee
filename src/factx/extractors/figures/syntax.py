"""Parse-tree look-ups shared by the passes: the noun a number modifies, the verb above a token."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lex import is_unit_word, words

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


def span_roots(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of ``start:end`` whose head lies outside it: where the figure attaches to the sentence."""
    return [t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i]


def value_subject(doc: Doc, start: int, end: int, copula: bool = True) -> Token | None:
    """The subject whose level the figure states, or None.

    "output rose to 4,378 tonnes from 2,684", "fees range from $1.5m to $3m", "savings held at 5.3 cents"
    (the object of to/at/from under a verb); with ``copula`` also "inflation was 33.8 percent" and the
    object of a verb of reaching ("turnover is expected to reach $60 million", value_verbs.txt).  The
    subject is found through participles and infinitives ("inflation, estimated at 20 percent").
    """
    for root in span_roots(doc, start, end):
        verb = None
        if root.dep_ == "pobj" and root.head.lower_ in ("to", "at", "from"):
            h = root.head.head
            for _ in range(3):  # "from $1.5m to $3m": "to" may hang on "from" or on its object
                if h.pos_ in ("VERB", "AUX") or h.dep_ not in ("prep", "pobj") or h.head.i == h.i:
                    break
                h = h.head
            verb = h if h.pos_ in ("VERB", "AUX") and _is_level_verb(h) else None
        elif copula and ((root.dep_ == "attr" and root.head.lemma_ == "be")
                         or (root.dep_ == "dobj" and root.head.lemma_.lower() in words("value_verbs.txt"))):
            verb = root.head
        if verb is not None:
            return _subject(verb)
    return None


def _is_level_verb(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in words("level_verbs.txt") or lemma in words("change_verbs.txt") or lemma in words("range_verbs.txt")


def _subject(verb: Token) -> Token | None:
    """What ``verb`` sets the level of: its object if it has one ("cut its assets to $12.2bn"), else its
    subject, or that of the verb or noun it depends on ("expected to reach", "estimated at")."""
    obj = [o for o in verb.children if o.dep_ == "dobj" and o.pos_ == "NOUN"]
    if obj:
        return obj[0]
    for _ in range(4):
        subj = [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
            return verb.head
        if verb.dep_ not in ("xcomp", "conj", "ccomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None
