"""PDF files: told by content, their text laid out again as paragraphs, their page furniture set aside.

A PDF holds no paragraphs, only glyphs placed on pages.  pypdfium2 (Google's
PDFium, the engine of Chromium's PDF viewer; Apache/BSD licensed, wheels on
PyPI) reads each page's characters in content order, with the lines it finds
and each character's position and font size.  From those, factx builds the
text it runs on, which the record carries as ``text`` (every offset refers
to it, as for a web page):

- the lines of one paragraph are joined with a space, and a word broken at
  the end of a line is joined again (a soft hyphen always; a hard one when
  the joined word is a known word, so "self-\\ngoverning" keeps its hyphen);
- a paragraph ends where the gap to the next line is wider than the
  document's line pitch, where the font size changes (a headline, a
  subheading), where the next line is indented, or after a short line
  (unless the sentence goes on in lower case); a paragraph runs on across
  a page or column break unless its last line ended a sentence and the next
  starts with a capital; each line is measured against its own column;
- lines PDFium cut on one baseline (a glyph from another font) are one;
- one paragraph a line, as factx gives a web page's text, and the parser
  reads each line that does not end a sentence (a headline) apart;
- page furniture is left out: lines at the top or bottom of a page that
  repeat on most pages (running headers and footers, with page numbers
  varying), page numbers alone ("12", "Page 3 of 9", "- 4 -"), and the
  header and footer a browser prints (a smaller font than the body, holding
  a date, a web address or "1/3");
- ``page_starts`` gives the offset in the text where each page begins, so a
  span's page number is ``bisect.bisect_right(page_starts, span.start)``.

No OCR: a PDF whose pages hold no text (a scan) is one clear error, and so is
one that needs a password.  pypdfium2 is imported on the first PDF met.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
import threading
from dataclasses import dataclass

from .models import Page

# The PDF standard puts "%PDF-" at the start; readers accept it within the first 1024 bytes (after junk
# some generators write first).
_HEADER_WINDOW = 1024
_HEADER = re.compile(rb"%PDF-\d\.\d")
# A scanned page may carry a few characters (a page number stamped as text): less than this, over the
# whole document, is no text layer.
MIN_TEXT_CHARS = 20

_TERMINAL = re.compile(r"[.!?…:][\"'”’»)\]]*\Z")
_SOFT_HYPHENS = ("\u00ad", "\u2010")  # a soft hyphen, and U+2010 as Chromium draws one at a line end
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})
# Characters that are no text: controls other than the soft-hyphen mark, noncharacters.
_JUNK = re.compile(r"[\x00-\x01\x03-\x08\x0b\x0c\x0e-\x1f\uffff]")
# PDFium joins a line that ends with a hyphen to the next one itself, and puts U+FFFE (U+0002 when read
# character by character) for the hyphen.
_JOINED = re.compile(r"([A-Za-z]*)[\x02\ufffe]([a-z]*)")
# A page number alone: "12", "Page 3", "3 of 9", "3/9", "- 4 -", "iv".
_PAGE_NUMBER = re.compile(r"^(?:[Pp]age\s*)?[-–—\s]*(?:\d{1,4}|x{0,3}(?:ix|iv|v?i{1,3}|v))(?:\s*(?:/|of)\s*\d{1,4})?"
                          r"[-–—\s]*$")
# What a browser's print header and footer hold: a date, a time, a web address, "3/9" at the end.
_PRINT_MARK = re.compile(r"(?i)\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}:\d{2}(?:\s*[AP]M)?\b|\b[a-z][a-z0-9+.-]*://\S"
                         r"|\b\d{1,4}\s*/\s*\d{1,4}\s*\Z")
# Lines looked at as possible furniture at each edge of a page.
_EDGE_LINES = 2
# A line whose font is this much smaller than the body's is set in a smaller size (header, footer, caption).
_SMALLER = 0.85
# A font this much larger (or smaller) than the line before makes a new paragraph (a heading).
_SIZE_CHANGE = 0.12
# A line reaching this share of the text's width is full (ragged-right text leaves a word's width or so).
_FULL = 0.8
# A line shorter than this share of the text's width ends its paragraph.
_SHORT = 0.6
# A gap this many times the line pitch (or more) between two lines ends a paragraph.
_PARAGRAPH_GAP = 1.3


# PDFium is not thread-safe: a Dask worker running several threads reads one PDF at a time.
_PDFIUM = threading.Lock()


class PdfError(ValueError):
    """The PDF cannot give text; the message is the one-line reason."""


@dataclass(frozen=True)
class PdfText:
    """The text built from a PDF, what the PDF says about itself, and where each page starts."""

    text: str
    page: Page
    cuts: tuple[int, ...]  # ends of the lines that do not end a sentence (see ``webpage.heading_ends``)
    page_starts: tuple[int, ...]
    pages: int


@dataclass
class _Line:
    text: str
    x0: float  # left of the first character
    x1: float  # right of the last character
    y: float  # baseline of the first character (PDF space: up is larger)
    y_last: float  # baseline of the last (below ``y`` when PDFium joined a hyphenated line to the next)
    size: float  # font size (PDF units, scaled to the page)
    page: int


def looks_like_pdf(data: bytes) -> bool:
    """Whether ``data`` is a PDF, told by its header ("%PDF-1.7"), not by its file name."""
    return _HEADER.search(data[:_HEADER_WINDOW]) is not None


def extract_pdf(data: bytes) -> PdfText:
    """The text of a PDF's pages, in order, laid out as paragraphs; raises ``PdfError`` when there is none."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as e:
            raise PdfError(_load_error(e)) from None
        try:
            try:
                lines = _read_lines(doc)
                meta = doc.get_metadata_dict(skip_empty=True)
            except pdfium.PdfiumError as e:
                raise PdfError(f"damaged PDF: {e}") from None
            count = len(doc)
        finally:
            doc.close()
    if count == 0:
        raise PdfError("damaged PDF: it has no pages")
    body = _without_furniture(_rejoined(lines), count)
    if sum(len(line.text.strip()) for line in body) < MIN_TEXT_CHARS:
        raise PdfError(f"no text layer in this PDF ({count} page{'s' if count > 1 else ''}): a scan or images "
                       "only? factx does no OCR")
    text, page_starts = _paragraphs(body, count)
    from .webpage import heading_ends

    return PdfText(text, _page(meta), heading_ends(text), page_starts, count)


def _load_error(e: Exception) -> str:
    import pypdfium2.raw as raw

    code = getattr(e, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD:
        return "encrypted PDF: it needs a password to be read"
    if code == raw.FPDF_ERR_SECURITY:
        return "encrypted PDF: its security handler is not supported"
    if code in (raw.FPDF_ERR_FORMAT, raw.FPDF_ERR_FILE):
        return "damaged PDF: truncated, or not in PDF format (PDFium cannot repair it)"
    return f"cannot read this PDF: {e}"


def _read_lines(doc) -> list[_Line]:  # type: ignore[no-untyped-def]
    """Every line of every page, in content order, with its geometry.

    PDFium reports a page's characters with the line breaks it infers
    (``\\r\\n``) among them, one text index per character, so a line's
    first and last characters give its extent and baseline.
    """
    import pypdfium2.raw as raw

    lines: list[_Line] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    for number in range(len(doc)):
        page = doc[number]
        try:
            textpage = page.get_textpage()
            try:
                count = textpage.count_chars()
                text = textpage.get_text_range() if count else ""
                if len(text) != count:  # characters beyond the BMP: read them one by one
                    text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 0xFFFE) for i in range(count))
                pos = 0
                for raw_line in text.split("\r\n"):
                    start, pos = pos, pos + len(raw_line) + 2
                    stripped = raw_line.strip()
                    if not stripped:
                        continue
                    first = start + len(raw_line) - len(raw_line.lstrip())
                    last = start + len(raw_line.rstrip()) - 1
                    raw.FPDFText_GetCharOrigin(textpage, first, x, y)
                    x0, y_first = x.value, y.value
                    raw.FPDFText_GetCharOrigin(textpage, last, x, y)
                    right = textpage.get_charbox(last)[2]
                    middle = (first + last) // 2
                    while middle < last and text[middle].isspace():  # a space's box has no height
                        middle += 1
                    # the size on the page: the font's height (its ascent and descent) at a middle character
                    box = textpage.get_charbox(middle, loose=True)
                    size = box[3] - box[1]
                    if size <= 0:  # no box: the font size in text space
                        size = raw.FPDFText_GetFontSize(textpage, middle)
                    lines.append(_Line(_clean(stripped), x0, right, y_first, y.value, size, number))
            finally:
                textpage.close()
        finally:
            page.close()
    return lines


def _rejoined(lines: list[_Line]) -> list[_Line]:
    """Lines that PDFium cut on one baseline joined again (a glyph from a fallback font, a closing quote,
    starts a line of its own): with a space when there is a word's gap between them."""
    out: list[_Line] = []
    for line in lines:
        last = out[-1] if out else None
        if (last is not None and last.page == line.page and abs(last.y_last - line.y) < 0.3 * line.size
                and -0.1 * line.size <= line.x0 - last.x1 < 2 * line.size):
            space = " " if line.x0 - last.x1 > 0.2 * line.size else ""
            out[-1] = _Line(last.text + space + line.text, last.x0, line.x1, last.y, line.y_last,
                            max(last.size, line.size), last.page)
        else:
            out.append(line)
    return out


def _clean(text: str) -> str:
    """The line's text without ligatures and control characters, with PDFium's joined hyphens decided."""
    text = _JUNK.sub("", text.translate(_LIGATURES))
    if "\ufffe" in text or "\x02" in text:
        text = _JOINED.sub(lambda m: m[1] + ("" if _broken_word(m[1], m[2]) else "-") + m[2], text)
    return text


def _broken_word(head: str, tail: str) -> bool:
    """Whether a hard hyphen at a line end broke one word ("govern-" "ment") rather than joined two
    ("self-" "governing", "re-" "broadcast": kept).

    Only a lower-case word the word list knows when joined, and whose halves
    are not both words themselves, counts as broken: a hyphen that stays is
    a smaller loss than a compound run together.
    """
    from .lexicon import words

    known = words("lower_words.txt")
    if not (head and tail and head.islower()):
        return False
    return head + tail in known and not (head in known and tail in known)


def _body_size(lines: list[_Line]) -> float:
    """The font size most of the text is set in (weighted by characters)."""
    weight: dict[float, int] = {}
    for line in lines:
        key = round(line.size, 1)
        weight[key] = weight.get(key, 0) + len(line.text)
    return max(weight, key=lambda k: weight[k]) if weight else 0.0


def _without_furniture(lines: list[_Line], pages: int) -> list[_Line]:
    """The lines less the furniture at the top and bottom of each page (see the module's docstring)."""
    body_size = _body_size(lines)
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    edges: set[int] = set()
    for page_lines in by_page.values():
        ordered = sorted(page_lines, key=lambda ln: -ln.y)
        edges.update(id(ln) for ln in ordered[:_EDGE_LINES] + ordered[-_EDGE_LINES:])
    # running headers and footers: the same words (numbers aside) at the same height on most pages
    seen: dict[tuple[str, int], set[int]] = {}
    for line in lines:
        if id(line) in edges:
            seen.setdefault(_shape(line), set()).add(line.page)
    repeated = {key for key, on in seen.items() if len(on) >= 2 and len(on) * 2 >= pages}
    kept = []
    for line in lines:
        if id(line) in edges and (
                _shape(line) in repeated
                or _PAGE_NUMBER.match(line.text)
                or (line.size < _SMALLER * body_size and _PRINT_MARK.search(line.text))):
            continue
        kept.append(line)
    return kept


def _shape(line: _Line) -> tuple[str, int]:
    """A line's words with every number as '#', and its height on the page to the nearest 4 points."""
    return re.sub(r"\d+", "#", " ".join(line.text.split())).lower(), round(line.y / 4)


def _columns(lines: list[_Line]) -> dict[int, tuple[float, float]]:
    """Each line's column: the (left, right) extent of the lines, on any page, that start within two
    font sizes of where it starts (so two columns, or a first-line indent, are measured apart or together
    as they should be)."""
    bins: dict[int, tuple[float, float]] = {}
    for line in lines:
        key = int(line.x0 // 5)
        low, high = bins.get(key, (line.x0, line.x1))
        bins[key] = (min(low, line.x0), max(high, line.x1))
    out: dict[int, tuple[float, float]] = {}
    for line in lines:
        reach = int(2 * line.size // 5) + 1
        near = [bins[k] for k in range(int(line.x0 // 5) - reach, int(line.x0 // 5) + reach + 1) if k in bins]
        out[id(line)] = (min(n[0] for n in near), max(n[1] for n in near))
    return out


def _pitches(lines: list[_Line], columns: dict[int, tuple[float, float]]) -> dict[float, float]:
    """The usual distance between consecutive lines of one paragraph, per font size.

    Measured after full lines (reaching most of the text's width), which
    a line of the same paragraph nearly always follows: the median of those
    gaps.  A size with no full line (one-line paragraphs, headings) gets
    the smallest gap between its lines, at most 1.25 times the size.
    """
    after_full: dict[float, list[float]] = {}
    smallest: dict[float, float] = {}
    for a, b in itertools.pairwise(lines):
        if a.page != b.page or abs(a.size - b.size) > _SIZE_CHANGE * max(a.size, b.size) or a.y_last <= b.y:
            continue
        size, gap = round(a.size, 1), a.y_last - b.y
        if gap < 0.8 * a.size:  # a superscript, an overprint: no line pitch
            continue
        smallest[size] = min(smallest.get(size, gap), gap)
        left, right = columns[id(a)]
        if a.x1 >= left + _FULL * (right - left):
            after_full.setdefault(size, []).append(gap)
    return {size: statistics.median(after_full[size]) if size in after_full else min(gap, 1.25 * size)
            for size, gap in smallest.items()}


def _paragraphs(lines: list[_Line], pages: int) -> tuple[str, tuple[int, ...]]:
    """The text (one paragraph a line) and the offset at which each page starts."""
    columns = _columns(lines)
    pitches = _pitches(lines, columns)
    parts: list[str] = []
    length = 0
    page_starts: list[int] = []
    previous: _Line | None = None
    for line in lines:
        if previous is None:
            sep = ""
        elif _breaks(previous, line, pitches, columns[id(previous)]):
            sep = "\n"
        else:
            sep = _joint(previous.text, line.text)
            if sep == "-":  # a word broken at its hyphen: drop the hyphen, join the halves
                parts[-1] = parts[-1][:-1]
                length -= 1
                sep = ""
        while len(page_starts) <= line.page:
            page_starts.append(length + len(sep))
        parts.append(sep + line.text)
        length += len(sep) + len(line.text)
        previous = line
    while len(page_starts) < pages:
        page_starts.append(length)
    return "".join(parts), tuple(page_starts)


def _breaks(a: _Line, b: _Line, pitches: dict[float, float], column: tuple[float, float]) -> bool:
    """Whether line ``b`` starts a new paragraph after line ``a`` (whose column spans ``column``).

    In a layout that marks paragraphs by a first-line indent alone, a
    one-line paragraph that fills its line and ends without a full stop
    runs into the next: nothing on the page tells them apart.
    """
    left, right = column
    ends_sentence = _TERMINAL.search(a.text) is not None
    if abs(a.size - b.size) > _SIZE_CHANGE * max(a.size, b.size):
        return True
    # a short line ends its paragraph (or is a line of its own: a list item, a heading), unless the sentence
    # goes on in lower case after a forced line break
    if a.x1 < left + _SHORT * (right - left) and (ends_sentence or not b.text[:1].islower()):
        return True
    if a.page != b.page or b.y >= a.y_last:  # a new page or column: runs on unless a sentence ended there
        return ends_sentence and not b.text[:1].islower()
    if a.y_last - b.y > _PARAGRAPH_GAP * pitches.get(round(a.size, 1), a.size * 1.2):
        return True
    return b.x0 - max(a.x0, left) > 0.5 * b.size  # a first-line indent


def _joint(before: str, after: str) -> str:
    """What joins two lines of one paragraph: a space, nothing (a hyphen or dash kept), or '-' (drop it).

    A soft hyphen at the end of a line is always dropped.  A hard one is
    dropped when the two halves make a known word ("govern-" + "ment"), and
    kept, without a space, otherwise ("self-" + "governing", "1990-" + "91").
    """
    last = before[-1:]
    if before[-2:-1].isalpha() and after[:1].islower():
        if last in _SOFT_HYPHENS:
            return "-"
        if last == "-":
            head = re.search(r"[A-Za-z]+(?=-\Z)", before)
            tail = re.match(r"[a-z]+", after)
            return "-" if head and tail and _broken_word(head.group(), tail.group()) else ""
    if last in "-‐–—/" and not before[-2:-1].isspace():
        return ""
    return " "


def _page(meta: dict[str, str]) -> Page:
    """The document information's title, author and creation date (ISO 8601)."""
    def clean(value: str | None) -> str | None:
        value = " ".join((value or "").split())
        return value or None

    date = None
    m = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", meta.get("CreationDate", ""))
    if m:
        date = "-".join(part for part in m.groups() if part)
    return Page(title=clean(meta.get("Title")), author=clean(meta.get("Author")), date=date)
