"""When: the time expression that governs a figure or a quote, read from the parse of its sentence.

A figure holds for the date of its own clause ("1,200 homes were sold in 2018": 2018), else for a
date that governs its clause from above ("In 2018, officials said 1,200 homes were sold"); two
dates in one clause go to the nearer ("sold 1,200 in 2018, up from 900 in 2017").  A quote was
said when its cue's clause says ("said on Friday that ...": Friday); a date inside what was said
dates the content, not the saying.  Durations and sets date nothing.  With no such time the
figure or quote has none, and the article's ``date`` stands (``models.Figure.when``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .checks import governing_verb
from .spec import TimeMention

_DATING = frozenset({"DATE", "TIME"})


def _ancestors(tok: Token) -> set[int]:
    return {a.i for a in tok.ancestors}


def governing_time(doc: Doc, target: Token, times: list[TimeMention], sentence: int,
                   skip: tuple[int, int] | None = None) -> int | None:
    """Index in ``times`` of the time governing ``target`` (a token of the piece), or None.

    ``skip`` is a global character range whose times are left out (a quote's own content)."""
    verb = governing_verb(target) or target
    above = _ancestors(verb)
    best: tuple[int, int, int] | None = None
    for k, t in enumerate(times):
        if t.type not in _DATING or t.head < 0 or t.sentence != sentence:
            continue
        if skip is not None and skip[0] <= t.start and t.end <= skip[1]:
            continue
        tok = doc[t.head]
        tverb = governing_verb(tok)
        if tverb is None:
            rank = 2  # a time with no verb above it (a headline's, a dateline's) dates its whole line
        elif tverb.i == verb.i:
            rank = 0
        elif tverb.i in above:
            rank = 1
        else:
            continue
        key = (rank, abs(tok.i - target.i), k)
        if best is None or key < best:
            best = key
    return None if best is None else best[2]
