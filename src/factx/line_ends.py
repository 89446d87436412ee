"""Text with ``\\r\\n`` line ends read as the same text with ``\\n`` ones, its offsets kept.

A ``\\r\\n`` line end is one line break.  Read as it stands, a wrap break
written ``\\r\\n`` (e-mail, text saved on Windows) becomes two characters of
white space where a ``\\n`` wrap becomes one, and spaCy makes the second a
blank token that the tagger, parser, entity recogniser and every pass over
tokens take for a word of the sentence: a name, a currency or a clause broke
there (on the web articles wrapped at 72 columns, the facts of the
``\\r\\n`` copies agreed with those of the ``\\n`` copies at F1 0.94).

So the extractors read the text with ``\\n`` line ends (``as_lf``), and the
article's offsets are mapped back to the input as given (``restore``): every
span then quotes the input, ``\\r\\n`` and all, and ``length`` is the input's.
Only ``\\r\\n`` pairs are read so; a lone ``\\r`` stays as it is.
"""

from __future__ import annotations

import bisect
import dataclasses

from .models import Article
from .reader import Document


def as_lf(doc: Document) -> Document:
    """``doc`` with ``\\n`` line ends and its cuts moved with them; ``crlf`` keeps the input's text.
    A text without ``\\r\\n`` is returned as it is."""
    if "\r\n" not in doc.text or doc.crlf is not None:
        return doc
    text = doc.text
    returns = _returns(text)
    cuts = tuple(c - bisect.bisect_left(returns, c) for c in doc.cuts)
    return dataclasses.replace(doc, text=text.replace("\r\n", "\n"), cuts=cuts, crlf=text)


def _returns(text: str) -> list[int]:
    """Offsets in ``text`` of the ``\\r`` of each ``\\r\\n``."""
    out = []
    i = text.find("\r\n")
    while i >= 0:
        out.append(i)
        i = text.find("\r\n", i + 2)
    return out


def restore(article: Article, text: str) -> Article:
    """``article``, read from ``text`` with ``\\n`` line ends, with its offsets in ``text`` itself.

    An offset at or before the ``\\n`` of a line end stays before its ``\\r``
    (a span ending at a line's end ends before the ``\\r``); one after it
    moves past both."""
    lf_breaks = [r - k for k, r in enumerate(_returns(text))]  # where each line end's "\n" is in the read text

    def moved(offset: int) -> int:
        return offset + bisect.bisect_left(lf_breaks, offset)

    def fix(span) -> None:
        span.start, span.end = moved(span.start), moved(span.end)
        span.text = text[span.start:span.end]

    for record in (*article.ignored, *article.figures, *article.times):
        fix(record)
    for quote in article.quotes:
        fix(quote)
        for part in (quote.speaker, quote.cue):
            if part is not None:
                fix(part)
    for entity in (*article.people, *article.places, *article.organizations):
        for mention in entity.mentions:
            fix(mention)
    article.length = len(text)
    return article
