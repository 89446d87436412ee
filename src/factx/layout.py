"""Which line breaks only wrap a paragraph: decided once, from the layout of the whole text.

Analysts' files are often hard-wrapped at 60-80 columns (wire feeds, e-mail,
text copied from a terminal or a PDF).  A line break inside a paragraph is
not a boundary, but the parser reads it as a whitespace token and the
sentence component as a possible sentence start, so every quote, name or
figure that crosses one is lost.  Other texts put one unit on each line
(a headline, a dateline, a row of a table, one sentence per line as in
CoNLL-2003), and there the line breaks are boundaries.

``reading_form`` returns the text with every *wrap break* made a space (the
same length, so every offset still points into the input as given): the
parser, the sentence component and the extractors' line logic then see one
paragraph, and spans still quote the input with its line breaks.  A line break
is a wrap break when

- the next line goes on in lower case ("... the Test and County Cricket
  Board\\nsaid on Friday"), in any text; or
- the text is wrapped at a width W (the lines before a lower-case word are
  full at W: their next word would not have fitted; W is the longest such
  line) and this line is full too.  Greedy wrapping (terminals, e-mail)
  needs the next word to reach W; ragged wrapping (by hand, a PDF's
  proportional font) lets a line ending mid-sentence fall a little short.
  A full line ending a sentence or a colon is a wrap only where blank
  lines part the paragraphs (without them its break may be the only mark
  of a new paragraph).

Headlines, datelines, list items, table rows, a signed quotation before the
next one, indented and short lines (the last line of a paragraph), and every
line of a text that is not wrapped (one sentence, headline or row a line, as
in CoNLL-2003) keep their breaks.

A word hyphenated across a wrap break is one word: the hyphen and the line
break become soft hyphens (U+00AD, which the tokenizer keeps inside the token,
see ``joined_words``) when the hyphen only splits the word ("gov-\\nernment":
the joined word is known, or its parts are not words); a real hyphen stays and
only the line break is a soft hyphen ("well-\\nknown", "twenty-\\nfive").
"\\r\\n" is a line break like "\\n"; a wrap reads as two spaces, and spaCy makes the
second a blank token, which the parser still sees (a known cost).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import lexicon

SOFT = "\u00ad"

# A line that ends a sentence: ".", "!", "?" or "…", then closing marks.
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]»]*$")
# The first word of a line, as a wrapper measures it: up to the next space (a no-break space binds).
_WORD = re.compile(r"[^ \t\r\n]+")
# A line opening with a dateline: a place in capitals and a date ("LONDON 1996-08-30"), or capital
# words then a spaced dash ("BOSTON – ", "MANCHESTER, N.H. (AP) -- ").
_DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?:,? [A-Z][\w.'’-]*){0,4}"
                       r"(?: \d{4}-\d\d-\d\d\b| (?:\([A-Z][\w .&-]{0,30}\) )?(?:-{1,2}|–|—) )")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# The last word of a line that ends in a full stop (an initial, a title?).
_LAST_WORD = re.compile(r"(?:^|[\s(])([^\W\d_]+)\.$")
# A line that opens an item of a list: "3. ", "12) ", a bullet.
_ITEM = re.compile(r"(?:\d{1,3}[.)]|[-*•·–])\s")
# A line that ends with a signed quotation ('..." ― Krystal Correa'): when the next line opens a
# quotation, it is the next item of a list of them.
_SIGNED = re.compile(r"[”\"]\s*[―—–-]{1,2}\s*[^\s”\"―—–-][^”\"―—–]{0,60}$")
# A line that ends inside a sentence: in a word or after a comma.
_MID_SENTENCE = re.compile(r"(?:[^\W\d_]|,)$")
# A line that ends in a number (or a number in brackets): a row of a table or a result, when a
# neighbour does too.
_NUMBER_END = re.compile(r"\d[\d.,:%]*\)?$")
# The width a text was wrapped at (``_width``): at least this many line breaks before a lower-case
# word are full at it, and this share of them; at most this share of all lines is longer.
_LOWER_MIN = 3
_FULL_SHARE = 0.6
_OVER_SHARE = 0.1
# Greedy wrapping (a terminal, an e-mail client): this share of them are full.  Otherwise (by hand,
# a PDF's proportional font) a line ending mid-sentence is full when its next word would have
# reached this share of the width, and this many breaks before a lower-case word must be.
_GREEDY_SHARE = 0.9
_NEAR_FULL = 0.85
_RAGGED_MIN = 6
# ... or a ceiling: at least this many lines of over half the width are full at it, and this share.
_CEILING_MIN = 4
_CEILING_SHARE = 0.6
# A short text with at least this many line breaks before a lower-case word, and this share of all,
# is wrapped too; a line ending mid-sentence at this share of the longest of those lines is a wrap.
_WEAK_MIN = 2
_WEAK_SHARE = 0.2
_WEAK_FULL = 0.8


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, first non-blank character, end without the carriage return) of every line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.endswith("\r"):
            end -= 1
        first = pos
        while first < end and text[first] in " \t":
            first += 1
        out.append((pos, first, end))
        pos += len(line) + 1
    return out


def _visible_end(text: str, first: int, end: int) -> int:
    while end > first and text[end - 1] in " \t\xa0":
        end -= 1
    return end


def _pairs(text: str) -> Iterator[tuple[int, int, int, int, int, int]]:
    """(a_start, a_first, a_end, b_start, b_first, b_end) of each pair of consecutive non-blank lines."""
    prev = None
    for start, first, end in _lines(text):
        if first == end:  # blank line: a paragraph break
            prev = None
            continue
        if prev is not None:
            yield (*prev, start, first, end)
        prev = (start, first, _visible_end(text, first, end))


def wrap_breaks(text: str) -> list[tuple[int, int]]:
    """(end of a line's text, start of the next line's text) of every wrap break (see the module doc)."""
    if "\n" not in text:
        return []
    pairs = list(_pairs(text))
    if not pairs:
        return []
    # (line length, line length + 1 + the next line's first word, a sure wrap) of every single line break
    need = []
    for a_start, _, a_end, _, b_first, b_end in pairs:
        m = _WORD.match(text, b_first, b_end)
        need.append((a_end - a_start, a_end - a_start + 1 + (m.end() - m.start() if m else 0),
                     text[b_first].islower() and not _TERMINAL.search(text, a_start, a_end)))
    width, slack = _width(need)
    weak = 0
    if not width:
        # too few lines to measure a width, yet lines go on in lower case: a short wrapped text,
        # where a line ending mid-sentence near the longest of those is a wrap too
        lower = [length for length, _, low in need if low]
        if len(lower) >= _WEAK_MIN and len(lower) >= _WEAK_SHARE * len(need):
            weak = max(lower)
    # where blank lines part the paragraphs, a line break after a full stop or a colon is a wrap
    # or a list's; without them, it may be the only mark of a new paragraph or a table, and stays
    paragraphs = _BLANK_LINE.search(text) is not None
    out = []
    for (a_start, a_first, a_end, b_start, b_first, b_end), (length, n, _) in zip(pairs, need, strict=True):
        if text[b_first].islower():
            out.append((a_end, b_first))
            continue
        if weak and length <= weak and length >= _WEAK_FULL * weak and _MID_SENTENCE.search(text, a_first, a_end) \
                and text[b_first].isupper() and not _DATELINE.match(text, b_first) \
                and not _row(text, a_first, a_end, b_first, b_end) and b_first - b_start <= a_first - a_start:
            out.append((a_end, b_first))
            continue
        if not width or length > width or b_first - b_start > a_first - a_start or _DATELINE.match(text, b_first) \
                or _item(text, a_first, a_end, b_first) or _row(text, a_first, a_end, b_first, b_end) \
                or (text[b_first] in "“\"" and _SIGNED.search(text, a_first, a_end)):
            continue
        if _MID_SENTENCE.search(text, a_first, a_end):
            if n >= width - slack:
                out.append((a_end, b_first))
        elif n >= width and (paragraphs or not (text[a_end - 1] == ":" or _ends_sentence(text, a_first, a_end))):
            out.append((a_end, b_first))
    return out


def _item(text: str, a_first: int, a_end: int, b_first: int) -> bool:
    """The next line opens an item of a list: it starts with a number or a bullet, and the line
    before does too or ends a sentence or a lead-in (a dash that only wraps onto a line goes on)."""
    if not _ITEM.match(text, b_first):
        return False
    return _ITEM.match(text, a_first) is not None or text[a_end - 1] == ":" or _ends_sentence(text, a_first, a_end)


def _ends_sentence(text: str, first: int, end: int) -> bool:
    """The line ends a sentence: a final ".", "!" or "?" that is not an initial ("Tim P.") or a
    title ("Sen.") before the name on the next line."""
    if not _TERMINAL.search(text, first, end):
        return False
    m = _LAST_WORD.search(text, first, end)
    if m is None or text[m.end() - 1] != ".":
        return True
    word = m.group(1)
    return not ((len(word) == 1 and word.isupper()) or word.lower() + "." in lexicon.words("titles.txt"))


def _row(text: str, first: int, end: int, b_first: int, b_end: int) -> bool:
    """A row of a table: the line ends in a number, and so does the line before it, or the next
    line, when it opens like this one (a name, a number): a line that only goes on after a wrap
    may end in a number too ("-- Bucharest Newsroom 40-1\\n3120264")."""
    if not _NUMBER_END.search(text, first, end):
        return False
    prev_end = first - 1
    while prev_end > 0 and text[prev_end - 1] in "\r \t":
        prev_end -= 1
    prev_start = text.rfind("\n", 0, max(prev_end, 0)) + 1
    if prev_end > 0 and prev_end > prev_start and _NUMBER_END.search(text, prev_start, prev_end):
        return True
    return _NUMBER_END.search(text, b_first, _visible_end(text, b_first, b_end)) is not None \
        and _opening(text[first]) == _opening(text[b_first])


def _opening(ch: str) -> str:
    return "digit" if ch.isdigit() else "upper" if ch.isupper() else "lower" if ch.islower() else ch


def _width(need: list[tuple[int, int, bool]]) -> tuple[int, int]:
    """The width W the text was wrapped at (0 when it was not), and how far short of it a line
    ending mid-sentence may fall and still count as full.

    ``need`` holds (line length, line length + 1 + next word, the next line goes on in lower case)
    for every single line break.  A break before a lower-case word is a wrap for sure, and at the
    width the text was wrapped at such a line is full: its next word would have passed W (or
    reached it: wrappers differ by one).  W is the longest line length at which most lower-case
    breaks are full and few lines are longer, or under which most lines of over half of it are
    full; text with one sentence, headline or row a line has lines of every length, few of them
    full.  When every lower-case break is full the text was wrapped greedily (a terminal, an
    e-mail client) and a full line is one whose next word reaches W; otherwise (by hand, or a
    PDF's proportional font) a line ending mid-sentence is full within a share of W."""
    lower = [(length, n) for length, n, low in need if low]
    lengths = sorted({length for length, _, _ in need}, reverse=True)
    for w in lengths[:3]:
        if sum(1 for length, _, _ in need if length > w) > _OVER_SHARE * len(need):
            break
        inside = [n for length, n in lower if length <= w]
        full = sum(1 for n in inside if n >= w)
        greedy = len(inside) < _LOWER_MIN or full >= _GREEDY_SHARE * len(inside)
        slack = 0 if greedy else int((1 - _NEAR_FULL) * w)
        if full >= _LOWER_MIN and full >= _FULL_SHARE * len(inside):
            return w, slack
        near = sum(1 for n in inside if n >= w - slack)
        if not greedy and near >= _RAGGED_MIN and near >= _GREEDY_SHARE * len(inside):
            return w, slack  # ragged: lines of a proportional font, or wrapped by hand
        long = [n for length, n, _ in need if w >= length >= w / 2]
        full = sum(1 for n in long if n >= w)
        if full >= _CEILING_MIN and full >= _CEILING_SHARE * len(long):
            return w, slack
    return 0, 0


def _hyphen_kind(text: str, a_first: int, a_end: int, b_first: int) -> str | None:
    """"split" when a line-final hyphen only splits a word ("gov-\\nernment"), "hyphen" when it is
    the word's own ("well-\\nknown"), None when the line does not end in a word and a hyphen."""
    if a_end - a_first < 2 or text[a_end - 1] != "-" or not text[a_end - 2].isalpha() or not text[b_first].isalpha():
        return None
    m = re.search(r"[^\W\d_]+$", text[max(a_first, a_end - 40):a_end - 1])
    n = re.match(r"[^\W\d_]+", text[b_first:b_first + 40])
    if m is None or n is None:
        return None
    left, right = m.group(), n.group()
    if right[0].isupper():
        return "hyphen"
    joined, hyphened = (left + right).lower(), f"{left}-{right}".lower()
    known = lexicon.words("lower_words.txt")
    if hyphened in known:
        return "hyphen"
    if joined in known:
        return "split"
    low = text.lower()
    if hyphened in low:  # the text's own spelling elsewhere
        return "hyphen"
    if re.search(rf"\b{re.escape(joined)}\b", low):
        return "split"
    return "hyphen" if left.lower() in known and right.lower() in known else "split"


def reading_form(text: str) -> str:
    """``text`` with its wrap breaks read as spaces, and words hyphenated across them joined by
    soft hyphens (same length: only line breaks, carriage returns and line-final hyphens change)."""
    breaks = wrap_breaks(text)
    if not breaks:
        return text
    chars = list(text)
    for end, nxt in breaks:
        line_first = text.rfind("\n", 0, end) + 1
        kind = _hyphen_kind(text, line_first, end, nxt)
        if kind is None:
            for k in range(end, nxt):
                if chars[k] in "\r\n":
                    chars[k] = " "
            continue
        start = end - 1 if kind == "split" else end
        for k in range(start, nxt):
            chars[k] = SOFT
    return "".join(chars)


def joined(word: str) -> str:
    """A word as read: without the soft hyphens a wrap break or the input put in it."""
    return word.replace(SOFT, "")


def as_read(text: str) -> str:
    """A name or phrase as read: soft hyphens dropped, line breaks and runs of white space one space."""
    return " ".join(joined(text).split())
