"""Pass 4, combining: ranges become one figure, units spread over coordinated numbers.

"between 50 and 60", "four or five", "$200,000 to $300,000" and "20-25%" are one figure with
``low``/``high``; poll pairs ("54 percent to 46 percent"), changes ("rose 12p to 345p") and tallies
("71 to 29") stay two; "11 and 8 percent" gives both numbers the unit (GOLD_FORMAT.md, hard cases).
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc

from .lex import DASHES, is_scale, scales, words
from .syntax import governing_verb
from .widen import Cand


def between(doc: Doc, a: Cand, b: Cand) -> list[str]:
    """The lower-case words between two candidates."""
    return [t.lower_ for t in doc[a.end:b.start]]


def spread_units(doc: Doc, cands: list[Cand]) -> None:
    """Unit by ellipsis: right to left in "11 and 8 percent", "7, 8, 10 percent"; left to right from a
    level to the level it changed from ("shortened to 34.3 hours from 34.7", "fell to 5% from 6")."""
    for a, b in reversed(list(pairwise(cands))):
        if a.unit is None and b.unit is not None and between(doc, a, b) in (["and"], [","], [",", "and"]) \
                and b.core.start == b.start and b.core.end - b.core.start == 1 and a.core.end - a.core.start == 1:
            a.unit, a.factor = b.unit, b.factor
    for a, b in pairwise(cands):
        if b.unit is None and a.unit is not None and between(doc, a, b) == ["from"] and b.start == b.core.start \
                and a.start > 0 and doc[a.start - 1].lower_ == "to" and b.core.value is not None:
            b.unit, b.factor = a.unit, a.factor


def _attributive(doc: Doc, a: Cand, b: Cand) -> bool:
    """"a 0.6% to 0.7% headwind": a pair of rising shares after an article, or before the noun they
    describe, is a range, not a poll pair ("leads 46 percent to 35 percent")."""
    if a.core.value is None or b.core.value is None or a.core.value >= b.core.value:
        return False
    before = doc[a.start - 1] if a.start > 0 else None
    if before is not None and before.text in ("[", "(") and a.start > 1:
        before = doc[a.start - 2]
    nxt = doc[b.end] if b.end < len(doc) else None
    if nxt is not None and nxt.text in ("]", ")") and b.end + 1 < len(doc):
        nxt = doc[b.end + 1]
    return (before is not None and before.lower_ in ("a", "an", "the")) \
        or (nxt is not None and nxt.pos_ in ("NOUN", "ADJ") and nxt.head.pos_ == "NOUN" and nxt.head.i >= nxt.i)


def _is_range(doc: Doc, a: Cand, b: Cand) -> tuple[bool, bool, bool]:
    """(is a range, glued by a dash, opened by "between")."""
    mid = between(doc, a, b)
    glued = bool(mid) and mid[0] in DASHES and doc[a.end - 1].whitespace_ == "" and doc[b.start - 1].whitespace_ == ""
    opened = a.start > 0 and doc[a.start - 1].lower_ == "between" and mid == ["and"]
    from_to = a.start > 0 and doc[a.start - 1].lower_ == "from" \
        and not (a.start > 1 and doc[a.start - 2].lemma_.lower() in words("range_verbs.txt"))
    poll_pair = mid == ["to"] and a.unit in ("percent", "points") and b.unit == a.unit and not _attributive(doc, a, b)
    # "rose 12p to 345p", "climbed 5 to 7 percent", "up 1/8 to 48-1/4": a change from one level to another
    change = mid == ["to"] and (governing_verb(doc[a.core.start]) in words("change_verbs.txt") | words("move_verbs.txt")
                                or (a.start > 0 and doc[a.start - 1].lower_ in ("up", "down")))
    is_range = (opened or glued or (mid == ["to"] and not from_to and not poll_pair and not change)
                or (mid == ["or"] and a.unit in (None, b.unit) and a.qualifier is None))
    return is_range, glued, opened


def _range(doc: Doc, a: Cand, b: Cand, opened: bool) -> Cand:
    """One candidate spanning ``a`` to ``b`` with low/high."""
    unit = a.unit or b.unit
    f = b.factor if a.unit is None else a.factor
    scale = 1.0
    # "between 1 and 2 million": the scale of the second applies to the first
    if a.core.value < 1000 <= b.core.value and b.core.end - b.core.start > 1 \
            and any(is_scale(t.lower_) for t in doc[b.core.start:b.core.end]):
        scale = float(scales()[next(t.lower_ for t in doc[b.core.start:b.core.end] if is_scale(t.lower_))])
    mid = between(doc, a, b)
    start = a.start - 1 if opened or (mid == ["to"] and a.start > 0 and doc[a.start - 1].lower_ == "from") \
        else a.start
    r = Cand(a.core, start, b.end, unit, 1.0, a.qualifier)
    r.low, r.high = a.core.value * scale * f, b.core.value * (b.factor if b.unit else f)
    r.range_of = b
    return r


def join_ranges(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Join pairs that make a range into one candidate; drop glued scores ("4-2", optional in the gold)."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if b is not None:
            is_range, glued, opened = _is_range(doc, a, b)
            if is_range and (a.unit is None or b.unit is None or a.unit == b.unit) \
                    and a.core.value is not None and b.core.value is not None:
                if a.core.value >= b.core.value:  # a score or a tally ("52-48", "92 to 0"): not a range
                    if not glued:  # scores are optional in the gold
                        out += [a, b]
                    i += 2
                    continue
                out.append(_range(doc, a, b, opened))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def pair_levels(doc: Doc, cands: list[Cand]) -> None:
    """"from $47 billion to $8 billion", "from 23% to 35%": the first level measures what the second does
    (the parser often hangs the first on the second, so only the second finds the counted noun)."""
    for a, b in pairwise(cands):
        if between(doc, a, b) == ["to"] and a.start > 0 and doc[a.start - 1].lower_ == "from":
            a.level_of = b


def _glued(doc: Doc, a: Cand, b: Cand) -> bool:
    mid = between(doc, a, b)
    return len(mid) == 1 and mid[0] in DASHES and doc[a.end - 1].whitespace_ == "" \
        and doc[b.start - 1].whitespace_ == ""


def drop_records(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Three or more numbers glued by dashes are a won-lost(-tied) record or a bowling line ("4-2-1",
    "10-1-50-1"), optional in the gold like scores: all of them go."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        j = i
        while j + 1 < len(cands) and _glued(doc, cands[j], cands[j + 1]):
            j += 1
        if j - i >= 2:
            i = j + 1
            continue
        out.extend(cands[i:j + 1])
        i = j + 1
    return out


def combine(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Drop records, spread units by ellipsis, pair levels, then join ranges."""
    cands = drop_records(doc, cands)
    spread_units(doc, cands)
    pair_levels(doc, cands)
    return join_ranges(doc, cands)
