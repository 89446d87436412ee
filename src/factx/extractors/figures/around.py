"""The tokens around a number core, read once for all the exclusion rules (``exclude``, ``layout``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from .lex import DASHES
from .read import Core
from .syntax import head_noun


@dataclass
class Around:
    """A core and the tokens around it, read once for all the rules."""

    doc: Doc
    core: Core
    has_unit: bool

    @cached_property
    def first(self) -> Token:
        return self.doc[self.core.start]

    @cached_property
    def last(self) -> Token:
        return self.doc[self.core.end - 1]

    @cached_property
    def prev(self) -> Token | None:
        return self.doc[self.core.start - 1] if self.core.start > 0 else None

    @cached_property
    def nxt(self) -> Token | None:
        return self.doc[self.core.end] if self.core.end < len(self.doc) else None

    @cached_property
    def after(self) -> Token | None:
        """The token after ``nxt``."""
        return self.doc[self.core.end + 1] if self.core.end + 1 < len(self.doc) else None

    @cached_property
    def toks(self) -> list[Token]:
        return list(self.doc[self.core.start:self.core.end])

    @cached_property
    def labels(self) -> set[str]:
        return {t.ent_type_ for t in self.toks}

    @cached_property
    def head(self) -> Token | None:
        return head_noun(self.doc, self.core.start, self.core.end)

    @cached_property
    def ranged(self) -> bool:
        """Right after "N-": the second number of a glued range ("20-25")."""
        return self.prev is not None and self.prev.text in DASHES and self.core.start >= 2 \
            and self.doc[self.core.start - 2].like_num

    def glued_next(self, texts: tuple[str, ...] | frozenset[str]) -> bool:
        """The next token is one of ``texts`` and touches the number."""
        return self.nxt is not None and self.nxt.text in texts and self.last.whitespace_ == ""


Rule = Callable[[Around], bool]
