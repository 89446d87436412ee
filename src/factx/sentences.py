"""Sentence starts from the layout of the text, set before the parser so that its parse respects them.

spaCy's parser reads a text as one stream of tokens: a line or paragraph break
is just a whitespace token, so a headline without a full stop, a dateline
("MOSCOW 1996-08-30", "BOSTON –") or a byline runs into the first sentence of
the body, and that sentence's subject becomes "Boston – Ruth Okafor" or its
cue is lost.  The parser honours sentence starts that are already set
(``Token.is_sent_start = True``), so this component marks the starts that the
layout makes certain and leaves every other token to the parser:

- after a paragraph break (a blank line), unless the paragraph ends with a
  colon (what follows is what it announces: "The governor added:");
- after a line break when the previous line cannot go on into the next: it
  ends a sentence (".", "!", "?", with any closing marks), or it ends with
  no punctuation at all, or with ";" or a spaced dash, and the next line
  opens a new unit (not a lower-case word): a headline, a dateline, a byline,
  a row of a result table, one sentence per line as in CoNLL-2003;
- after a dateline on one of the first lines: "BOSTON – ", "MANCHESTER,
  N.H. -- ", "Damascus, Syria – " (capital words, the first a place or in
  capitals, maybe a date and an agency, then a spaced dash).

The component reads the parse form (``pipeline.parse_form``), where the
line breaks that only wrap a paragraph are already spaces (``layout``: decided
once from the layout of the whole text), so every line break it sees ends a
line of its own.  Left to the parser: a line that ends with an abbreviation
("Gov.\\nDale Morrow": the tokenizer keeps it whole), a comma, a colon, an
opening bracket or a hyphen, and a name wrapped inside a list
("Colin\\nMarlowe, Sean").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import numpy as np
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .extractors import places

COMPONENT = "factx_layout_sentences"

# A line that ends a sentence: ".", "!", "?" or "…", then closing marks.
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]»]*$")
# A line whose last character lets the next line begin a new unit although it
# has no sentence-final punctuation: a word, a number, a closing mark or
# bracket, ";" (a headline and its subtitle), a spaced dash (a dateline).
_OPEN_END = re.compile(r"(?:[\w\"'”’)\]%»]|;| [-–—]{1,2})$")
# A name cut by wrapping inside a list: the line ends with ", " and one or two capitalised words,
# the next opens with one or two capitalised words and a comma, a bracket or a number
# ("Peter Vane, Colin\nMarlowe, Sean Tuck", "Jon Hale (Norway), Stefan\nKorvalainen (Finland)").
_LIST_TAIL = re.compile(r", [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?$")
_LIST_HEAD = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?(?:,| \(| \d)")
# An opening dateline: capital words ("MANCHESTER, N.H.", "Damascus, Syria"), maybe a date
# ("Aug 30", "1996-08-30") and an agency in brackets, then a spaced dash and a capital.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w.'’]*(?:,? [A-Z][\w.'’]*){0,4})"
    r"(?:,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{4}-\d\d-\d\d))?"
    r"(?: \([A-Z][\w .&-]{0,30}\))?"
    r" (?:-{1,2}|–|—) (?=[A-Z0-9“\"‘'])")
_DATELINE_CHARS = 60
# A dateline opens the story: it is looked for on its first lines only.
_DATELINE_LINES = 4


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, without its line break and carriage return."""
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        yield pos, end - 1 if line.endswith("\r") else end
        pos = end + 1


def _indent(text: str, start: int, end: int) -> int:
    """Offset of the first character of the line that is not white space (``end`` when none)."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _is_dateline_place(place: str) -> bool:
    """A dateline's place: in capitals ("BOSTON") or a place the gazetteer knows ("Damascus")."""
    first = place.split(",")[0].strip()
    letters = [c for c in first if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters)) or places.lookup(first) is not None


def dateline_end(text: str, start: int, end: int) -> int | None:
    """Where the body starts after an opening dateline on the line ``text[start:end]``, else None."""
    m = _DATELINE.match(text, start, min(end, start + _DATELINE_CHARS + 8))
    if m is None or m.end() - start > _DATELINE_CHARS or not _is_dateline_place(m.group("place")):
        return None
    return m.end()


def layout_starts(text: str, ends_sentence: Callable[[int], bool] | None = None) -> list[int]:
    """Character offsets in ``text`` where a sentence must start (see the module docstring), in order.

    ``ends_sentence(i)`` says whether the full stop at offset ``i`` ends a sentence rather than an
    abbreviation ("Gov.", "U.S."); the component asks the tokenizer, which keeps abbreviations whole.
    Without it a line-final full stop that follows a letter is left to the parser.
    """
    if "\n" not in text and not _DATELINE.match(text[:_DATELINE_CHARS + 8]):
        return []
    # (start of the first character, end) of each line that is not blank, and whether a blank line precedes it
    lines: list[tuple[int, int, bool]] = []
    blank = False
    for s, e in _lines(text):
        first = _indent(text, s, e)
        if first == e:
            blank = True
            continue
        lines.append((first, e, blank))
        blank = False
    if not lines:
        return []
    starts: list[int] = []
    for k, (s1, e1, blank1) in enumerate(lines):
        if k > 0:
            s0, e0, _ = lines[k - 1]
            a_end = e0
            while a_end > s0 and text[a_end - 1].isspace():
                a_end -= 1
            end_mark = _TERMINAL.search(text, s0, a_end)
            terminal = end_mark is not None
            if text[s1].islower():
                new = blank1 and terminal
            elif blank1:
                new = text[a_end - 1] != ":"  # "The governor added:\n\nIt's typical ...": what was added
            elif terminal:
                new = _full_stop_ends(text, end_mark.start(), ends_sentence)
            elif _OPEN_END.search(text, s0, a_end):
                new = not (_LIST_TAIL.search(text, s0, a_end) and _LIST_HEAD.match(text, s1, e1))
            else:
                new = False
            if new:
                starts.append(s1)
        body = dateline_end(text, s1, e1) if k < _DATELINE_LINES else None
        if body is not None:
            starts.append(body)
    return starts


def _full_stop_ends(text: str, i: int, ends_sentence: Callable[[int], bool] | None) -> bool:
    """Whether the sentence-final mark at ``i`` ends a sentence: "!", "?", an ellipsis, or a full
    stop that is not part of an abbreviation."""
    if text[i] != "." or text.startswith("...", i) or (i > 0 and not text[i - 1].isalpha()):
        return True
    return ends_sentence(i) if ends_sentence is not None else False


@Language.component(COMPONENT)
def set_layout_starts(doc: Doc) -> Doc:
    """Mark ``layout_starts`` on the tokens (``is_sent_start = True``); the parser fills in the rest."""
    idx = doc.to_array([IDX])

    def ends_sentence(i: int) -> bool:
        # a full stop the tokenizer split off; "Gov." and "U.S." stay whole
        k = int(np.searchsorted(idx, i))
        return k < len(doc) and idx[k] == i and doc[k].text == "."

    offsets = np.asarray(layout_starts(doc.text, ends_sentence), dtype=idx.dtype)
    if not len(offsets):
        return doc
    ks = np.searchsorted(idx, offsets)
    inside = (ks > 0) & (ks < len(doc))
    ks = ks[inside]
    ks = ks[idx[ks] == offsets[inside]]  # offsets that begin a token (all do, short of odd white space)
    # one array write: the token setter checks the whole document on every call
    starts = doc.to_array([SENT_START])
    starts[ks] = 1
    doc.from_array([SENT_START], starts)
    return doc


def add_to(nlp: Language) -> bool:
    """Put the component just before the parser; False when the pipeline has no parser."""
    if "parser" not in nlp.pipe_names or COMPONENT in nlp.pipe_names:
        return False
    nlp.add_pipe(COMPONENT, before="parser")
    return True
