"""Quotation marks paired on the raw text: where the direct quotes are, before any parse."""

from __future__ import annotations

import re
from functools import lru_cache

_OPEN = {"“": "”", "«": "»", "„": "“"}
_STRAIGHT = '"'
# feet and inches, '6' 2"', '5'11.5"': the straight mark after the inches is a unit, not a quotation mark
_INCHES = re.compile(r"""\d\s?['’′]\s?\d{1,2}(?:\.\d+)?(")""")
# what follows the inch mark of a dimension: '12" x 8"', '12"-wide'
_DIMENSION = re.compile(r"\s?[x×]\s?\d|-[A-Za-z]")
# both marks of a dimension: '12" x 8"'
_DIMENSIONS = re.compile(r"""\d(")\s?[x×]\s?\d+(?:\.\d+)?(")""")


def find_quote_marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted stretch, marks included, in text order.

    Curly marks pair by direction; straight double quotes pair in alternation
    within a paragraph.  A paragraph that opens a quote without closing it,
    followed by a paragraph that reopens it, continues the same quote.
    Unpaired marks are ignored.  Doubled apostrophes and backticks (``...'',
    ''...'', “...’’, common in wire copy) count as straight double quotes.  An
    inch mark (`6' 2"`, `a 12" pizza`: see ``inch_marks``) is no quotation mark.
    """
    raw = text
    text = text.replace("``", '"\x01').replace("''", '"\x01').replace("’’", '"\x01')
    if '"' in text:  # an inch mark never pairs: blank it at the same length
        inches = inch_marks(text)
        if inches:
            text = "".join("\x02" if i in inches else ch for i, ch in enumerate(text))
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN or ch == _STRAIGHT:
            close = _OPEN.get(ch, _STRAIGHT)
            j = i + 1
            end = None
            curly_inside = False  # a curly opening mark after a straight one: its "”" is not ours
            while j < n:
                c = text[j]
                if c == close or (ch in _OPEN and c == _STRAIGHT and close != _STRAIGHT) \
                        or (ch == _STRAIGHT and c == "”" and not curly_inside):  # mixed typography: '"...”'
                    end = j + 1
                    break
                if c == "“":
                    curly_inside = True
                if c == ch == "“" and j > i + 1 and not text[j - 1].isspace() \
                        and (j + 1 == n or text[j + 1].isspace()):
                    end = j + 1  # a closing quote typed as an opening one: '... this.“ '
                    break
                if c in _OPEN and ch in _OPEN:  # a new opening mark before a close: unbalanced
                    # multi-paragraph quote: the new mark opens a paragraph after a break
                    if _after_line_break(text, j):
                        j += 1
                        continue
                    end = _unclosed_end(text, i, j)
                    break
                if c == "\n" and j + 1 < n and text[j + 1] == "\n":
                    # paragraph break: continue only when the next paragraph reopens
                    k = j
                    while k < n and text[k] in "\r\n \t":
                        k += 1
                    if k < n and text[k] == ch:
                        j = k + 1
                        continue
                    break
                j += 1
            if end is not None and end < n and text[end] == "\x01" and raw[end] in "'`’":
                end += 1
            if end is not None and end - i > 2:
                spans.append((i, end))
                i = end
                continue
        i += 1
    return spans


@lru_cache(maxsize=8)
def inch_marks(text: str) -> frozenset[int]:
    """Offsets of the straight double marks of ``text`` that are inch marks, not quotation marks.

    The mark after the inches of a height ('6' 2"', '5'11"'); a mark glued to
    a number where no quotation is open in its paragraph, since a quotation
    never opens right after a digit ('a 12" pizza'; but '"... in 2019"'
    closes one); and the marks of a dimension, glued to a number before an
    'x' or a hyphen, or after the 'x' ('12" x 8"', '12"-wide').  Inside a
    quotation, '12" pizza' stays ambiguous and closes it.  Figures read the
    same marks as the unit "in".
    """
    found = {m.start(1) for m in _INCHES.finditer(text)}
    found.update(i for m in _DIMENSIONS.finditer(text) for i in (m.start(1), m.start(2)))
    start = 0
    for end in [*(m.start() for m in paragraph_break(text).finditer(text)), len(text)]:
        quoted = False
        i = text.find('"', start, end)
        while i >= 0:
            if i not in found:
                if i > 0 and text[i - 1].isdigit() and (not quoted or _DIMENSION.match(text, i + 1)):
                    found.add(i)
                else:
                    quoted = not quoted
            i = text.find('"', i + 1, end)
        start = end
    return frozenset(found)


PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
_LINE_BREAK = re.compile(r"\n")


def paragraph_break(text: str) -> re.Pattern[str]:
    """What separates paragraphs in ``text``: a blank line, or, in a text that has none (one
    paragraph or one sentence a line, as wire copy often is), a line break."""
    return PARAGRAPH_BREAK if PARAGRAPH_BREAK.search(text) else _LINE_BREAK


_SENTENCE_END = re.compile(r"[.!?](?=\s+\S)")


def _unclosed_end(text: str, i: int, j: int) -> int | None:
    """Where a quote opened at ``i`` and never closed ends when a new cue with its own colon
    opens another at ``j`` ('X said: "A. Y replied: "B."'): after the last sentence before
    that cue; None when there is no such cue or sentence end."""
    if not text[:j].rstrip().endswith(":"):
        return None
    ends = [m.end() for m in _SENTENCE_END.finditer(text, i + 1, j)]
    return ends[-1] if ends and ends[-1] - i > 2 else None


def _after_line_break(text: str, j: int) -> bool:
    """Only spaces or tabs lie between a line break and position ``j`` (no copy of the text)."""
    k = j - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k >= 0 and text[k] == "\n"
