"""Headlines and shouted capitals: mentions there are weak evidence of an entity by themselves.

A title-case or all-capital headline capitalises common words ("Taliban
Closing"), so a name found only there must be supported by the body.
"""

from __future__ import annotations

import re

from .. import places

_HEADLINE_LINES = 2
MARKUP = re.compile(r"[@#<>\[\]{}|\\]")


def shouted(text: str) -> bool:
    """Capitals that are not an acronym ("TALIBAN CLOSING", "BOWL"): a headline, not a name by itself.

    Known places in capitals ("NEW YORK" in a dateline) are not shouted.
    """
    words = [w for w in re.findall(r"[A-Za-z]+", text)]
    if not words or not text.isupper() or places.lookup(text) is not None:
        return False
    return len(words) > 1 or len(words[0]) > 6


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the opening lines when written in title case or capitals (the headline).

    Only the first lines: further down, a capitalised line is as likely a list
    or a table of names, which are real mentions.
    """
    out = []
    small = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "but", "at", "by", "with", "is",
             "as", "from", "who", "he", "she", "it"}
    lines = [m for m in re.finditer(r"[^\r\n]+", text) if m.group().strip()][:_HEADLINE_LINES]
    for m in lines:
        words = re.findall(r"[A-Za-z][\w'’-]*", m.group())
        content = [w for w in words if w.lower() not in small]
        if len(content) < 2 or len(words) > 25:
            continue
        caps = sum(1 for w in content if w[0].isupper())
        if caps / len(content) >= 0.8:
            out.append((m.start(), m.end()))
    return out


def in_ranges(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in ranges)
