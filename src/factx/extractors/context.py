"""Where a parsed ``Doc`` sits in the whole input, and helpers to make spans from it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..furniture import FACT_BEARING, Regions
from ..layout import as_read
from ..models import Region, Span

# A line break with the white space and a hyphen around it: what a wrap break may turn into spaces or soft hyphens.
_BREAK = re.compile(r"-?[ \t\xa0]*\r?\n[ \t]*")


def _reading(text: str, doc: Doc) -> str:
    """``text`` with the wrap breaks the parser read as spaces or soft hyphens (``parse_form``) made so."""
    if "\n" not in text:
        return text
    parsed = doc.text
    if len(parsed) != len(text):
        return text
    parts = []
    last = 0
    for m in _BREAK.finditer(text):
        if parsed[m.start():m.end()] != m.group():
            parts.append(text[last:m.start()])
            parts.append(parsed[m.start():m.end()])
            last = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def text_length(doc: Doc) -> int:
    """len(doc.text) without building the text (Doc.text joins every token)."""
    if not len(doc):
        return len(doc.text)
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


@dataclass
class Context:
    """Offsets of a ``Doc`` within the input and the furniture regions to skip.

    ``base`` is the character offset of ``doc.text`` in the input, so records
    carry offsets into the whole input.  Sentence indices count from the
    piece's first sentence; ``article.assemble`` shifts them once it knows
    how many sentences came before (a piece may be read in another process).
    """

    doc: Doc
    base: int = 0
    regions: list[Region] = field(default_factory=list)
    # The input's own characters for this piece.  The parser may have read a
    # same-length variant of them (see pipeline.parse_form); spans always
    # quote the input.  Defaults to doc.text.
    text: str = ""
    # ``text`` as the parser read its layout: the line breaks that only wrap a paragraph are
    # spaces, a word hyphenated across one is joined by soft hyphens (layout.reading_form); the
    # rest is the input's own.  Passes that look at lines and paragraphs read this one.
    reading: str = field(init=False, default="")

    def __post_init__(self) -> None:
        # Doc.text is rebuilt from the tokens on every access: read it once.
        if not self.text:
            self.text = self.doc.text
        elif len(self.text) != text_length(self.doc):
            raise ValueError("Context.text must have the length of doc.text")
        self.reading = _reading(self.text, self.doc)
        self._sent_starts = [s.start for s in self.doc.sents] if len(self.doc) else []
        self.furniture = Regions(self.regions)
        self.non_fact_furniture = Regions(self.regions, exclude_kinds=FACT_BEARING)

    @property
    def n_sentences(self) -> int:
        return len(self._sent_starts)

    def sentence_of(self, token_i: int) -> int:
        """Index, within the piece, of the sentence holding token ``token_i``."""
        return max(0, bisect.bisect_right(self._sent_starts, token_i) - 1)

    def as_read(self, start: int, end: int) -> str:
        """The words at doc-local ``start:end`` as read, for a name: across a wrap break one space,
        a word hyphenated across one joined; the input's own characters when no line break is inside."""
        text = self.text[start:end]
        return as_read(self.reading[start:end]) if "\n" in text else text

    def char_span(self, start: int, end: int) -> Span:
        """A Span from doc-local character offsets."""
        return Span(start=self.base + start, end=self.base + end, text=self.text[start:end])

    def span(self, tokens: SpacySpan | Token) -> Span:
        """A Span covering a spaCy span or token."""
        if isinstance(tokens, Token):
            return self.char_span(tokens.idx, tokens.idx + len(tokens.text))
        return self.char_span(tokens.start_char, tokens.end_char)

    def global_range(self, tokens: SpacySpan | Token) -> tuple[int, int]:
        if isinstance(tokens, Token):
            return self.base + tokens.idx, self.base + tokens.idx + len(tokens.text)
        return self.base + tokens.start_char, self.base + tokens.end_char
