"""HTML writers: one page to a file (or stdout), or one page per input in a directory with an index.

A page shows the article's text, which the ``Article`` record does not hold
(the JSON never repeats the input), so the CLI hands each decoded text to
``keep`` as it reads it, and ``write`` takes it back for the article of the
same source, in input order.  Texts wait only while their articles are being
extracted.
"""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path

from ..models import Article
from .html import counts, write_index, write_page
from .target import TextTarget


class _Texts:
    """Decoded texts read but not yet written, by source, first in first out."""

    def __init__(self) -> None:
        self._by_source: dict[str, deque[str]] = {}

    def keep(self, source: str, text: str) -> None:
        self._by_source.setdefault(source, deque()).append(text)

    def take(self, source: str) -> str:
        waiting = self._by_source.get(source)
        if not waiting:
            raise LookupError(f"{source}: no text kept for this article (call keep() when reading it)")
        text = waiting.popleft()
        if not waiting:
            del self._by_source[source]
        return text


class HtmlWriter:
    """One article's page on a text target (a file written atomically, or stdout)."""

    def __init__(self, target: TextTarget):
        self.target = target
        self._texts = _Texts()
        self._written = 0

    def keep(self, source: str, text: str) -> None:
        """Remember the decoded text of an input about to be extracted."""
        self._texts.keep(source, text)

    def write(self, article: Article) -> None:
        if self._written:
            raise ValueError("one page per file: several inputs need a directory (-o DIR)")
        write_page(article, self._texts.take(article.source), self.target.stream)
        self._written += 1
        self.target.flush()

    def close(self) -> None:
        self.target.commit()

    def abort(self) -> None:
        self.target.abort()


_UNSAFE = re.compile(r"[^\w.-]+")


class HtmlDirWriter:
    """One page per input in ``directory``, each written atomically as it comes, and ``index.html``
    listing them with their counts, written last (an interrupted run leaves the pages already
    finished and no new index)."""

    def __init__(self, directory: Path):
        self.directory = directory
        directory.mkdir(exist_ok=True)
        self._texts = _Texts()
        self._names: set[str] = {"index"}
        self._entries: list[tuple[str, str, dict[str, int]]] = []
        self._target: TextTarget | None = None

    def keep(self, source: str, text: str) -> None:
        """Remember the decoded text of an input about to be extracted."""
        self._texts.keep(source, text)

    def _name(self, source: str) -> str:
        """A file name from the input's name, unique in the run: ``a.txt`` -> ``a.html``, ``a-2.html``."""
        stem = "stdin" if source == "-" else Path(source).stem
        stem = _UNSAFE.sub("_", stem).strip("._") or "article"
        name, n = stem, 1
        while name.lower() in self._names:
            n += 1
            name = f"{stem}-{n}"
        self._names.add(name.lower())
        return name + ".html"

    def write(self, article: Article) -> None:
        text = self._texts.take(article.source)
        name = self._name(article.source)
        self._target = TextTarget(self.directory / name)
        write_page(article, text, self._target.stream)
        self._target.commit()
        self._target = None
        self._entries.append((article.source, name, counts(article)))

    def close(self) -> None:
        index = TextTarget(self.directory / "index.html")
        try:
            write_index(self._entries, index.stream)
            index.commit()
        except BaseException:
            index.abort()
            raise

    def abort(self) -> None:
        if self._target is not None:
            self._target.abort()
            self._target = None
