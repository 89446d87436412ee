"""Web pages: tell an HTML document by its content, find its declared charset, extract its article.

A saved news page holds the article among navigation, cookie banners,
related links, comments and scripts.  trafilatura (a maintained library made
for exactly this, used by corpus builders) finds the main text and the page's
metadata; factx then runs on that text, and the output carries it, since the
offsets refer to it and not to the HTML.

No network: trafilatura only parses the string it is given.  It is imported
on the first page met, so plain-text runs never load it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .models import Page

# An HTML document starts, after an optional byte-order mark, XML declaration
# and comments, with its doctype or an <html>, <head> or <body> tag.
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
# How far the content sniff and the charset prescan look (the HTML standard prescans 1024 bytes).
_SNIFF_BYTES = 4096
# A page whose main text is shorter than this holds no article: a login or cookie wall, an index page.
MIN_ARTICLE_CHARS = 200


# trafilatura and its helpers log their doubts as warnings; with no handler Python would print them on
# stderr, where factx writes one line per failed input and nothing else.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


class NoArticle(ValueError):
    """The page holds no extractable article; the message is the one-line reason."""


@dataclass(frozen=True)
class WebText:
    """The article text of a page and what the page says about itself."""

    text: str
    page: Page
    cuts: tuple[int, ...] = ()  # ends of the lines that are headings (see ``heading_ends``)


def looks_like_html(data: bytes) -> bool:
    """Whether ``data`` is an HTML document, judged by its first bytes, not by its file name.

    UTF-16/32 pages (with a byte-order mark) are sniffed after decoding their head.
    """
    head = data[:_SNIFF_BYTES]
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if head.startswith(bom):
            cut = len(head) - len(head) % 4
            head = head[:cut].decode(codec, errors="ignore").encode("ascii", errors="ignore")
            break
    return _HTML_START.match(head) is not None


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset the page declares in a ``<meta>`` tag, or None.

    w3lib applies the HTML standard's label table (``iso-8859-1`` and
    ``us-ascii`` mean windows-1252, as browsers read them).  A page declaring
    UTF-16 in a byte stream without a byte-order mark cannot be UTF-16
    (its tags read as ASCII), so, as the standard says, it is read as UTF-8.
    """
    from w3lib.encoding import html_body_declared_encoding

    codec = html_body_declared_encoding(data[:_SNIFF_BYTES])
    if codec and codec.replace("_", "-").lower().startswith(("utf-16", "utf-32")):
        return "utf-8"
    return codec


def extract_article(html: str) -> WebText:
    """The main text of a page (headline and paragraphs, one per line) and its metadata.

    Comments, navigation, banners and scripts are dropped by trafilatura; its
    own headline detection keeps the ``<h1>`` at the head of the text.  When
    the text does not begin with the title, the title is put in front, so the
    headline is always read.  Raises ``NoArticle`` when nothing long enough
    to be an article is left.
    """
    import trafilatura

    try:
        result = trafilatura.bare_extraction(html, include_comments=False, include_tables=True, with_metadata=True)
    except Exception as e:  # a page so broken that the HTML parser gives up
        raise NoArticle(f"cannot read this web page: {type(e).__name__}: {e}") from None
    body = (result.text or "").strip() if result is not None else ""
    if len(body) < MIN_ARTICLE_CHARS:
        found = f"only {len(body)} characters of text" if body else "no text"
        raise NoArticle(f"no article in this web page ({found}: a login wall, cookie wall or index page?)")
    page = Page(**{k: _clean(getattr(result, k, None)) for k in ("title", "author", "date", "url", "sitename")})
    if page.title and page.title not in body[: 2 * len(page.title)]:
        body = f"{page.title}\n{body}"
    return WebText(body, page, heading_ends(body))


# A line that ends a sentence: its last character is a full stop, question or exclamation mark, colon or
# ellipsis, maybe followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?:…][\"'”’»)\]]*\s*\Z")


def heading_ends(text: str) -> tuple[int, ...]:
    """Offsets just after each line that does not end a sentence: the headline, subheadings, captions.

    The page's structure says these are blocks of their own, but without a
    full stop the parser reads such a line as the start of the next
    sentence ("Airbase shelters families\nDamascus - The Russian airbase
    ..."), which changes that sentence's parse and what is found in it.
    The pipeline parses the text apart at these offsets.
    """
    ends: list[int] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        if line.strip() and not _SENTENCE_END.search(line) and pos < len(text):
            ends.append(pos)
    return tuple(ends)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
