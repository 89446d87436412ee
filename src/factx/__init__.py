"""factx: extract facts from news text: figures, people, places, organizations and quotes.

Library use::

    import factx

    article = factx.extract("Zakharova said that 9,000 people were sheltering.", source="note.txt")
    article.quotes[0].speaker.name          # typed records (factx.models)
    article.model_dump()                    # exactly the JSON record the CLI prints

    for article in factx.extract_many(["text one", "text two"]):
        ...
    for result in factx.extract_files(["a.txt", "corpus/"]):
        ...                                 # an Article, or a ReadError / ExtractError for a bad file

The spaCy pipeline is loaded on the first call and reused by every later
call in the process; spaCy is imported only when an extraction runs.

The internal extractor package is ``factx.extractors``: no submodule shares a
name with a public function, since importing a submodule binds its name on
the package and would replace the function.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["__version__", "extract", "extract_files", "extract_many"]

if TYPE_CHECKING:
    from .models import Article
    from .pipeline import ExtractError
    from .reader import ReadError


def extract(text: str, source: str = "-", model: str | None = None, date: str | None = None) -> Article:
    """Extract every fact from one text; ``source`` is what the record's ``source`` field says;
    ``date`` (YYYY-MM-DD) is the article's date, against which relative times are resolved."""
    from .pipeline import shared_extractor

    return shared_extractor(model).extract_text(text, source, date=date)


def extract_many(texts: Iterable[str], model: str | None = None) -> Iterator[Article]:
    """Extract facts from many texts, batched through one pipeline, lazily and in order.

    Texts are sourced ``<text 0>``, ``<text 1>``, ...; an extraction failure
    raises ``RuntimeError`` naming the text, since a caller passing strings has
    no other channel for it.
    """
    from .pipeline import ExtractError, shared_extractor
    from .reader import Document

    extractor = shared_extractor(model)
    for result in extractor.run(Document(f"<text {i}>", t, "utf-8") for i, t in enumerate(texts)):
        if isinstance(result, ExtractError):
            raise RuntimeError(f"{result.source}: {result.reason}")
        yield result


def extract_files(paths: Iterable[str], pattern: str = "*.txt", encoding: str | None = None,
                  model: str | None = None, input_format: str = "auto",
                  include_text: bool = False) -> Iterator[Article | ReadError | ExtractError]:
    """Extract facts from files and directories as the CLI reads them, lazily and in input order.

    A file that cannot be read yields a ``ReadError``, one whose extraction
    failed an ``ExtractError`` (both: ``source`` and a one-line ``reason``), in
    its place, instead of stopping the others: what the CLI says on stderr.
    A web page (an HTML document, unless ``input_format="text"``) is read for
    its article; ``article.text`` is then the text the offsets refer to.
    """
    from .pipeline import shared_extractor
    from .reader import read_all

    yield from shared_extractor(model).run(read_all(paths, pattern, encoding, input_format, include_text))
