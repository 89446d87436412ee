"""factx: extract facts from news text: figures, people, places, organizations and quotes.

Library use::

    import factx
    article = factx.extract("Zakharova said that 9,000 people were sheltering.")
    for article in factx.extract_many(["text one", "text two"]):
        ...

spaCy is imported only when an extraction runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .models import Article


def extract(text: str, source: str = "-", model: str | None = None) -> Article:
    """Extract every fact from one text."""
    from .pipeline import Extractor

    return Extractor(model).extract_text(text, source)


def extract_many(texts: Iterable[str], model: str | None = None) -> Iterator[Article]:
    """Extract facts from many texts, batched through one pipeline, in order."""
    from .pipeline import ExtractError, Extractor
    from .reader import Document

    extractor = Extractor(model)
    for result in extractor.run(Document(f"<text {i}>", t, "utf-8") for i, t in enumerate(texts)):
        if isinstance(result, ExtractError):
            raise RuntimeError(f"{result.source}: {result.reason}")
        yield result
