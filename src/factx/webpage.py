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
# A page whose main text is shorter than this is either a short article (a one-paragraph brief) or no
# article at all (a login or cookie wall, an index page): see ``_short_article``.
MIN_ARTICLE_CHARS = 200
# A short article holds at least one sentence of at least this many words.
MIN_SENTENCE_WORDS = 5


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
    note: str | None = None  # said on stderr: that the article is short


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
    headline is always read.  A short main text is read again in
    trafilatura's precision mode (its default mode, finding little, falls
    back to any block of text on the page, a cookie banner as readily as a
    brief); that text, or failing it the first, is an article, with a note,
    when it holds a sentence and no wall's words (see ``_short_article``).
    Raises ``NoArticle`` otherwise.
    """
    import trafilatura

    options = {"include_comments": False, "include_tables": True, "with_metadata": True}
    try:
        result = trafilatura.bare_extraction(html, **options)
        body = (result.text or "").strip() if result is not None else ""
        note = None
        if len(body) < MIN_ARTICLE_CHARS:
            precise = trafilatura.bare_extraction(html, favor_precision=True, **options)
            short = (precise.text or "").strip() if precise is not None else ""
            if _short_article(short):
                result, body = precise, short
            elif not _short_article(body):
                found = f"only {len(body)} characters of text" if body else "no text"
                raise NoArticle(f"no article in this web page ({found}: a login wall, cookie wall or index page?)")
            note = "short article"
    except NoArticle:
        raise
    except Exception as e:  # a page so broken that the HTML parser gives up
        raise NoArticle(f"cannot read this web page: {type(e).__name__}: {e}") from None
    body = _with_repeats(html, body)
    page = Page(**{k: _clean(getattr(result, k, None)) for k in ("title", "author", "date", "url", "sitename")})
    if page.title and page.title not in body[: 2 * len(page.title)]:
        body = f"{page.title}\n{body}"
    if note:
        note = f"{note} ({len(body)} characters of text)"
    return WebText(body, page, heading_ends(body), note)


def _short_article(text: str) -> bool:
    """Whether a short main text is an article: a sentence of some words, and none of a wall's phrases
    (``data/wall_phrases.txt``: cookies, logins, subscriptions)."""
    from .lexicon import words

    if not any(_SENTENCE_END.search(line) and len(line.split()) >= MIN_SENTENCE_WORDS for line in text.splitlines()):
        return False
    lowered = " ".join(re.findall(r"\w+", text.lower()))
    return not any(re.search(rf"\b{re.escape(phrase)}\b", lowered) for phrase in words("wall_phrases.txt"))


def _with_repeats(html: str, body: str) -> str:
    """The text with each paragraph as many times in a row as the page has it.

    trafilatura drops a paragraph (of more than 50 characters) that repeats
    the one before it, as a guard against its own extraction artifacts; a
    page that does repeat a paragraph, in sibling elements of one parent, has
    it back.  Its ``deduplicate`` option (off here) is another thing: it drops
    segments seen before anywhere, across documents.
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return body
    runs: dict[str, int] = {}
    for parent in tree.iter():
        previous, run = None, 1
        for child in parent:
            if not isinstance(child.tag, str):  # comments, processing instructions
                continue
            text = " ".join(child.text_content().split())
            run = run + 1 if text and text == previous else 1
            if run > 1:
                runs[text] = max(runs.get(text, 1), run)
            previous = text
    if not runs:
        return body
    lines = body.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        key = " ".join(line.split())
        out.append(line)
        if key in runs and (i + 1 == len(lines) or " ".join(lines[i + 1].split()) != key):
            have = 1
            while len(out) > have and " ".join(out[-1 - have].split()) == key:
                have += 1
            out.extend([line] * (runs[key] - have))
    return "\n".join(out)


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
