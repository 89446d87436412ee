"""HTML writers: one page to a file (or stdout), or one page per input in a directory with an index.

A page shows the article's text, so its records must carry it
(``Article.text``: the CLI reads inputs with ``include_text`` for html), which
also holds when workers or a Dask cluster read the inputs themselves.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..models import Article
from .html import counts, write_index, write_page
from .target import TextTarget


def _text(article: Article) -> str:
    if article.text is None:
        raise ValueError(f"{article.source}: the record does not carry its text (extract with include_text)")
    return article.text


class HtmlWriter:
    """One article's page on a text target (a file written atomically, or stdout)."""

    def __init__(self, target: TextTarget):
        self.target = target
        self._written = 0

    def write(self, article: Article) -> None:
        if self._written:
            raise ValueError("one page per file: several inputs need a directory (-o DIR)")
        write_page(article, _text(article), self.target.stream)
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
        self._names: set[str] = {"index"}
        self._entries: list[tuple[str, str, dict[str, int]]] = []
        self._target: TextTarget | None = None

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
        text = _text(article)
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
