"""Turn command-line paths and URLs into decoded texts, or into one clear read error each.

The reader never imports spaCy: it only finds files, reads bytes and decodes
them.  Offsets downstream are indices into the decoded ``str``, so decoding is
the only transformation: newlines are never translated (``\\r\\n`` stays two
characters) and a UTF-8 byte-order mark is dropped (offsets count from the
first character after it).

A web page (an HTML document, told by its content) is decoded with the
charset it declares and replaced by its article text (see ``webpage``); a PDF
(told by its ``%PDF-`` header) is replaced by the text of its pages, laid out
as paragraphs (see ``pdf``).
"""

from __future__ import annotations

import codecs
import fnmatch
import hashlib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from .models import Page

STDIN = "-"
INPUT_FORMATS = ("auto", "text", "html", "pdf")
# A file whose first bytes hold a NUL (outside UTF-16/32) or mostly control
# characters is not text; this many bytes are enough to tell.
_SNIFF = 8192
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = {7, 8, 9, 10, 11, 12, 13, 27}
# "s3://bucket/key", "gs://...", "file:///...": read through fsspec (see ``_url_fs``)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


@dataclass(frozen=True)
class Document:
    """A decoded input: where it came from, its text and how it was decoded."""

    source: str
    text: str
    encoding: str
    note: str | None = None  # said on stderr: e.g. that the encoding was guessed
    sha256: str | None = None  # of the input's bytes, as read: what a database run compares to skip it
    page: Page | None = None  # a web page's metadata (title, author, ...)
    keep_text: bool = False  # the output carries the text (web pages, --include-text)
    cuts: tuple[int, ...] = ()  # offsets the parser must not read across (ends of a page's headings)
    page_starts: tuple[int, ...] | None = None  # a PDF's: the offset in ``text`` where each of its pages begins
    date: str | None = None  # the article's date as the user gave it (--date YYYY-MM-DD): wins over any other
    # the input's own text when ``text`` is it read with \n line ends (``line_ends.as_lf``): offsets go back to it
    crlf: str | None = None


@dataclass(frozen=True)
class Skipped:
    """An input left out on purpose (already stored, unchanged, in the database being filled)."""

    source: str
    reason: str = "unchanged since it was stored"


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read; ``reason`` is one line for stderr."""

    source: str
    reason: str


def iter_paths(paths: Iterable[str], pattern: str = "*.txt") -> Iterator[str | ReadError]:
    """Expand directories (recursively, sorted, filtered by ``pattern``); keep files and ``-``.

    Symbolic links to directories are not followed, so a link loop cannot
    make the walk endless; links to files are read like files.
    """
    for p in paths:
        if p == STDIN:
            yield p
            continue
        if _URL.match(p):
            yield from _iter_url(p, pattern)
            continue
        path = Path(p)
        if path.is_dir():
            found = False
            for root, dirs, files in os.walk(path, onerror=None, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    if fnmatch.fnmatch(name, pattern):
                        found = True
                        yield os.path.join(root, name)
            if not found:
                yield ReadError(p, f"directory holds no files matching {pattern!r}")
        else:
            yield p


def _url_fs(url: str):  # type: ignore[no-untyped-def]
    """(fsspec filesystem, path) for a URL; ``ValueError`` naming what to install when a backend is missing.

    fsspec is imported only for URLs: it comes with ``factx[dask]``, and each
    storage needs its own backend package (s3fs, gcsfs, adlfs...).
    """
    protocol = url.split("://", 1)[0].lower()
    try:
        from fsspec.core import url_to_fs
        from fsspec.registry import known_implementations
    except ImportError:
        raise ValueError(f"reading {protocol}:// URLs needs fsspec: pip install 'factx[dask]' "
                         "(or fsspec) and the backend for that storage") from None
    try:
        return url_to_fs(url)
    except ImportError:
        package = known_implementations.get(protocol, {}).get("class", protocol).split(".")[0]
        raise ValueError(f"reading {protocol}:// URLs needs the fsspec backend {package}, which is not "
                         f"installed: pip install {package}") from None
    except ValueError as e:
        raise ValueError(f"cannot read {protocol}:// URLs: {e}") from None


def _iter_url(url: str, pattern: str) -> Iterator[str | ReadError]:
    """A URL as inputs: a glob (``s3://b/news/*.txt``) or a folder (searched like a directory) or one object."""
    try:
        fs, path = _url_fs(url)
        if any(ch in path for ch in "*?["):
            found = sorted(fs.glob(path))
        elif fs.isdir(path):
            found = sorted(f for f in fs.find(path) if fnmatch.fnmatch(f.rsplit("/", 1)[-1], pattern))
            if not found:
                yield ReadError(url, f"directory holds no files matching {pattern!r}")
                return
        else:
            yield url
            return
    except ValueError as e:
        yield ReadError(url, str(e))
        return
    except OSError as e:
        yield ReadError(url, e.strerror or str(e))
        return
    if not found:
        yield ReadError(url, "no such file (the pattern matches nothing)")
    for f in found:
        yield fs.unstrip_protocol(f)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str, str | None]:
    """Decode bytes to text; return (text, encoding used, note for stderr or None).

    UTF-8 (with or without a byte-order mark) and UTF-16/32 with a BOM are read
    as they are.  Anything else is guessed by charset-normalizer and the guess
    is reported.  Raises ``ValueError`` with a one-line reason when the bytes
    are binary or fit no encoding.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding, None
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as e:
            raise ValueError(f"not valid {encoding}: {e.reason} at byte {e.start}") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.replace("-sig", ""), None
            except UnicodeDecodeError as e:
                raise ValueError(f"byte-order mark says {codec} but {e.reason} at byte {e.start}") from None
    head = data[:_SNIFF]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16[0], utf16[1], f"no byte-order mark; decoded as {utf16[1]}"
        raise ValueError("binary file (holds NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as e:
        utf8_error = f"{e.reason} at byte {e.start}"
    if _looks_binary(head):
        raise ValueError("binary file (control bytes)")
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127) - bad
    if multibyte > 0 and bad <= max(2, len(text) // 1000) and bad < multibyte:
        # UTF-8 with a few corrupt bytes: keep the text, mark each bad byte with U+FFFD
        return text, "utf-8", f"invalid UTF-8 ({utf8_error}); {bad} bad byte(s) replaced with U+FFFD"
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        raise ValueError(f"cannot decode: not UTF-8 ({utf8_error}) and no other encoding fits")
    best = results[0]
    # windows-1252 is the usual legacy encoding of English text (the WHATWG default for English):
    # prefer it when it is among the candidates and about as coherent as the best guess.
    for r in results:
        if r.encoding == "cp1252" and r.chaos <= best.chaos + 0.1:
            best = r
            break
    return str(best), best.encoding, f"not UTF-8; decoded as {best.encoding}"


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Text in UTF-16 without a byte-order mark shows NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > 0.6 * half and other < 0.05 * half:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(head) > 0.05


def read(source: str, encoding: str | None = None, input_format: str = "auto", include_text: bool = False,
         skip: Callable[[str, str], bool] | None = None, date: str | None = None) -> Document | ReadError | Skipped:
    """Read one path (or ``-`` for stdin) and decode it; a web page becomes its article text.

    ``input_format`` is ``auto`` (a PDF or an HTML document by its content,
    else text), ``text``, ``html`` or ``pdf``.  ``skip(source, sha256)`` is asked before
    any decoding or page extraction: a true answer gives ``Skipped``.  ``date`` (``--date``) is
    the article's date as the user gives it.
    """
    try:
        if source == STDIN:
            data = sys.stdin.buffer.read()
        elif _URL.match(source):
            fs, path = _url_fs(source)
            with fs.open(path, "rb") as f:
                data = f.read()
        else:
            with open(source, "rb") as f:
                data = f.read()
    except FileNotFoundError:
        return ReadError(source, "no such file")
    except IsADirectoryError:
        return ReadError(source, "is a directory")
    except PermissionError:
        return ReadError(source, "permission denied")
    except OSError as e:
        return ReadError(source, e.strerror or str(e))
    except ValueError as e:  # a URL whose storage backend is missing
        return ReadError(source, str(e))
    digest = hashlib.sha256(data).hexdigest()
    if skip is not None and skip(source, digest):
        return Skipped(source)
    from . import pdf, webpage

    if input_format == "pdf" or (input_format == "auto" and pdf.looks_like_pdf(data)):
        return _read_pdf(source, data, digest, date)
    if input_format == "html" or (input_format == "auto" and webpage.looks_like_html(data)):
        return _read_page(source, data, encoding, digest, date)
    try:
        text, used, note = decode(data, encoding)
    except ValueError as e:
        return ReadError(source, str(e))
    return Document(source, text, used, note, digest, keep_text=include_text, date=date)


def _read_page(source: str, data: bytes, encoding: str | None, digest: str,
               date: str | None = None) -> Document | ReadError:
    """A web page: decoded as ``--encoding`` says, else by its byte-order mark, else by the charset it
    declares, else as any input; then its article text."""
    from . import webpage

    note = None
    try:
        declared = None if encoding or any(data.startswith(bom) for bom, _ in _BOMS) else webpage.declared_charset(data)
        if declared:
            try:
                text, used, _ = decode(data, declared)
            except ValueError as e:
                text, used, note = decode(data)
                note = f"page declares {declared} but {e}; {note or f'decoded as {used}'}"
        else:
            text, used, note = decode(data, encoding)
        found = webpage.extract_article(text)
    except ValueError as e:  # undecodable, or no article (webpage.NoArticle)
        return ReadError(source, str(e))
    if found.note:
        note = f"{note}; {found.note}" if note else found.note
    return Document(source, found.text, used, note, digest, page=found.page, keep_text=True, cuts=found.cuts,
                    date=date)


def _read_pdf(source: str, data: bytes, digest: str, date: str | None = None) -> Document | ReadError:
    """A PDF: the text of its pages as paragraphs, without its page furniture; its document information."""
    from . import pdf

    if not pdf.looks_like_pdf(data):  # --input-format pdf on something else
        return ReadError(source, "not a PDF (no %PDF- header)")
    try:
        found = pdf.extract_pdf(data)
    except ValueError as e:  # no text layer, encrypted, damaged (pdf.PdfError)
        return ReadError(source, str(e))
    except Exception as e:  # PDFium failing in a way it does not name: still one line, never a traceback
        return ReadError(source, f"cannot read this PDF: {type(e).__name__}: {e}")
    return Document(source, found.text, "pdf", None, digest, page=found.page, keep_text=True, cuts=found.cuts,
                    page_starts=found.page_starts, date=date)


def read_all(paths: Iterable[str], pattern: str = "*.txt", encoding: str | None = None, input_format: str = "auto",
             include_text: bool = False) -> Iterator[Document | ReadError]:
    """Lazily read every input named by ``paths``, in order, one at a time."""
    for item in iter_paths(paths, pattern):
        yield item if isinstance(item, ReadError) else read(item, encoding, input_format, include_text)
