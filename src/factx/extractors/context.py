"""Where a parsed ``Doc`` sits in the whole input, and helpers to make spans from it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..furniture import FACT_BEARING, Regions
from ..models import Region, Span


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

    def __post_init__(self) -> None:
        # Doc.text is rebuilt from the tokens on every access: read it once.
        if not self.text:
            self.text = self.doc.text
        elif len(self.text) != text_length(self.doc):
            raise ValueError("Context.text must have the length of doc.text")
        self._sent_starts = [s.start for s in self.doc.sents] if len(self.doc) else []
        self.furniture = Regions(self.regions)
        self.non_fact_furniture = Regions(self.regions, exclude_kinds=FACT_BEARING)

    @property
    def n_sentences(self) -> int:
        return len(self._sent_starts)

    def sentence_of(self, token_i: int) -> int:
        """Index, within the piece, of the sentence holding token ``token_i``."""
        return max(0, bisect.bisect_right(self._sent_starts, token_i) - 1)

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
