"""PDF files in: PDFs printed here by headless Chromium (with its own header and footer) from texts of the
project's own, read for their text, laid out as paragraphs, without the print furniture."""

from __future__ import annotations

import bisect
import html
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from browser_support import print_pdf
from conftest import SEED_TEXT, assert_offsets

import factx
from factx.models import json_schema
from factx.pdf import extract_pdf, looks_like_pdf

HEADLINE = "Airbase shelters families"
# Chromium's print header ("12/5/26, 7:43 AM <title>") and footer ("file:///...html  1/2")
PRINT_FURNITURE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}|file://|\.html|\b\d+/\d+\b")


def page_html(paragraphs: list[str], title: str = HEADLINE, style: str = "", extra: str = "") -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p.strip())
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{style}</style></head><body><h1>{html.escape(title)}</h1>\n{extra}{body}\n</body></html>\n")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx", *args], input=stdin, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("pdfs")
    seed = SEED_TEXT.read_text(encoding="utf-8").split("\n")
    # a large type, so the article runs over three pages with the browser's header and footer on each
    print_pdf(page_html(seed, style="body { font-size: 24pt }"), d / "seed.pdf")
    return d


@pytest.fixture(scope="module")
def pdf_article(pdfs):
    [article] = factx.extract_files([str(pdfs / "seed.pdf")])
    return article


def _facts(article) -> tuple:
    """What an article says, without offsets and sentence numbers (which the headline shifts)."""
    quotes = [(q.id, q.type, " ".join(q.text.split()), q.speaker and (q.speaker.text, q.speaker.name, q.speaker.entity),
               q.cue and q.cue.text, q.figures, q.continues) for q in article.quotes]
    figures = [(f.id, f.text, f.value, f.unit, f.counted, f.approximate, f.qualifier, f.low, f.high, f.event, f.quote,
                f.part_of) for f in article.figures]
    entities = [(e.id, e.name, e.aliases, getattr(e, "titles", None), getattr(e, "kind", None),
                 [m.text for m in e.mentions])
                for kind in (article.people, article.places, article.organizations) for e in kind]
    return quotes, figures, entities


def test_seed_printed_to_pdf_gives_the_seed_facts(pdf_article, seed_article):
    quotes, figures, entities = _facts(pdf_article)
    seed_quotes, seed_figures, seed_entities = _facts(seed_article)
    assert figures == seed_figures
    assert entities == seed_entities
    assert quotes == seed_quotes
    assert len(quotes) >= 9 and len(figures) >= 5


def test_pdf_text_offsets_pages_and_no_print_furniture(pdf_article, pdfs, seed_text):
    text = pdf_article.text
    assert text is not None and pdf_article.length == len(text) and pdf_article.encoding == "pdf"
    assert_offsets(pdf_article, text)
    for span in (*pdf_article.figures, *pdf_article.quotes):
        assert text[span.start:span.end] == span.text
    # the headline, then each paragraph of the article on a line of its own, however the PDF wrapped it
    assert text.split("\n") == [HEADLINE, *(p for p in seed_text.split("\n") if p.strip())]
    assert not PRINT_FURNITURE.search(text), PRINT_FURNITURE.search(text)
    # page_starts: where each of the three pages begins in the text
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(pdfs / "seed.pdf"))
    pages = len(pdf)
    assert pages >= 3
    starts = pdf_article.page_starts
    assert starts is not None and len(starts) == pages and starts[0] == 0 and starts == sorted(starts)
    for number in range(1, pages):
        first_words = " ".join(pdf[number].get_textpage().get_text_range().split()[:3])
        assert " ".join(text[starts[number]:].split()[:3]) == first_words
    # a span's page is bisect_right(page_starts, start): the page that shows its first words
    page_texts = [" ".join(pdf[n].get_textpage().get_text_range().split()) for n in range(pages)]
    on = [bisect.bisect_right(starts, span.start) for span in (*pdf_article.quotes, *pdf_article.figures)]
    for span, number in zip((*pdf_article.quotes, *pdf_article.figures), on, strict=True):
        assert " ".join(span.text.split()[:2]) in page_texts[number - 1], (span.text, number)
    assert set(on) == set(range(1, pages + 1))


def test_pdf_metadata(pdfs, tmp_path):
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(str(pdfs / "seed.pdf")))
    writer.add_metadata({"/Author": "Dana Whitfield", "/CreationDate": "D:20250313093000+00'00'"})
    signed = tmp_path / "signed.pdf"
    with open(signed, "wb") as f:
        writer.write(f)
    r = run("extract", str(signed))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["page"]["title"] == HEADLINE  # Chromium's: the page's <title>
    assert data["page"]["author"] == "Dana Whitfield"
    assert data["page"]["date"] == "2025-03-13"
    assert data["encoding"] == "pdf" and data["text"].startswith(HEADLINE + "\n")


# A story written for this test, in a narrow column, so that lines wrap often: words broken at soft hyphens
# (&shy;), compounds broken at their own hyphen, a subheading, a quotation across a page break.
NARROW_STORY = [
    "Mayor Ana Ruiz said on Monday that 1,200 homes in Bilbao had lost power after the storm, and that the "
    "city&apos;s tele&shy;communications network was down in three districts.",
    "Engineers from the well-known utility Iberdrola worked through the night on the long-term repairs, a "
    "self-governing council of neighbour&shy;hoods said.",
]


@pytest.mark.parametrize("width", ["8em", "10em"])  # breaks "tele-", "self-"; "tele-", "well-", "neighbour-"
def test_lines_wrapped_by_the_layout_read_as_paragraphs(tmp_path, width):
    paragraphs = "".join(f"<p>{p}</p>" for p in NARROW_STORY)
    page = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Storm</title>"
            f"<style>body {{ width: {width} }}</style></head><body><h1>Storm cuts power</h1><h2>Repairs go on</h2>"
            f"{paragraphs}</body></html>")
    pdf = print_pdf(page, tmp_path / "narrow.pdf")
    import pypdfium2

    lines = pypdfium2.PdfDocument(str(pdf))[0].get_textpage().get_text_range()
    assert "tele\u2010\r\ncommunications" in lines  # the layout did break the words
    assert ("self\ufffegoverning" if width == "8em" else "well\ufffeknown") in lines
    found = extract_pdf(pdf.read_bytes())
    assert found.text.split("\n") == [
        "Storm cuts power", "Repairs go on",
        html.unescape(NARROW_STORY[0].replace("&shy;", "")),
        NARROW_STORY[1].replace("&shy;", ""),
    ]
    assert found.cuts == (len("Storm cuts power\n"), len("Storm cuts power\nRepairs go on\n"))
    [article] = factx.extract_files([str(pdf)])
    assert [(f.text, f.value) for f in article.figures] == [("1,200", 1200), ("three", 3)]
    assert "Ana Ruiz" in [p.name for p in article.people]


def test_running_headers_and_page_numbers_are_not_text(tmp_path):
    seed = SEED_TEXT.read_text(encoding="utf-8").split("\n")
    style = ("@page { margin: 2cm; @top-center { content: 'The Daily Ledger · World'; font-size: 9pt }"
             " @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); font-size: 9pt } }"
             " body { font-size: 22pt }")
    pdf = print_pdf(page_html(seed, style=style), tmp_path / "ledger.pdf", "--no-pdf-header-footer")
    found = extract_pdf(pdf.read_bytes())
    assert found.pages >= 2
    assert "Daily Ledger" not in found.text and "Page " not in found.text
    assert found.text.split("\n") == [HEADLINE, *(p for p in seed if p.strip())]


def scanned_pdf(pages: int = 2) -> bytes:
    """A PDF whose pages hold an image and no text, as a scanner makes them."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        page = pdf.new_page(612, 792)
        image = pdfium.PdfImage.new(pdf)
        bitmap = pdfium.PdfBitmap.new_native(300, 200, pdfium.raw.FPDFBitmap_BGR)
        bitmap.fill_rect((120, 120, 120, 255), 0, 0, 300, 200)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(300, 200).translate(100, 400))
        page.insert_obj(image)
        page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def encrypted_pdf(source: Path) -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(str(source)))
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_scan_encrypted_and_truncated_pdfs_are_one_line_each(pdfs, tmp_path):
    (tmp_path / "scan.pdf").write_bytes(scanned_pdf())
    (tmp_path / "locked.pdf").write_bytes(encrypted_pdf(pdfs / "seed.pdf"))
    whole = (pdfs / "seed.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "header-only.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "notes.txt").write_text("Mayor Ana Ruiz said 1,200 homes lost power in Bilbao on Monday.\n")
    names = ["scan.pdf", "locked.pdf", "cut.pdf", "header-only.pdf", "notes.txt"]
    r = run("extract", *(str(tmp_path / n) for n in names))
    assert r.returncode == 1
    errors = r.stderr.decode().splitlines()
    assert errors == [
        f"factx: {tmp_path / 'scan.pdf'}: no text layer in this PDF (2 pages): a scan or images only? "
        "factx does no OCR",
        f"factx: {tmp_path / 'locked.pdf'}: encrypted PDF: it needs a password to be read",
        f"factx: {tmp_path / 'cut.pdf'}: damaged PDF: truncated, or not in PDF format (PDFium cannot repair it)",
        f"factx: {tmp_path / 'header-only.pdf'}: damaged PDF: truncated, or not in PDF format (PDFium cannot "
        "repair it)",
    ]
    [record] = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert record["source"] == str(tmp_path / "notes.txt")


@pytest.mark.parametrize("cut", [0.01, 0.1, 0.3, 0.7, 0.9, 0.999])
def test_truncated_pdf_never_raises(pdfs, cut):
    whole = (pdfs / "seed.pdf").read_bytes()
    from factx.reader import ReadError, read

    path = pdfs / f"cut-{cut}.pdf"
    path.write_bytes(whole[: int(len(whole) * cut)])
    result = read(str(path))
    assert isinstance(result, ReadError) and "PDF" in result.reason


def test_pdf_told_by_content_not_by_name(pdfs, tmp_path):
    disguised = tmp_path / "story.txt"
    disguised.write_bytes((pdfs / "seed.pdf").read_bytes())
    r = run("extract", str(disguised))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["page"]["title"] == HEADLINE
    r = run("extract", str(SEED_TEXT), "--input-format", "pdf")
    assert r.returncode == 1
    assert r.stderr.decode() == f"factx: {SEED_TEXT}: not a PDF (no %PDF- header)\n"
    assert looks_like_pdf(b"%PDF-1.4\n") and looks_like_pdf(b"\xef\xbb\xbfjunk\n%PDF-1.7\n")
    assert not looks_like_pdf(b"plain text") and not looks_like_pdf(b"x" * 2000 + b"%PDF-1.4")
    assert not looks_like_pdf(b"The %PDF- header starts a PDF file.")


def test_pdf_with_jobs_db_html_and_stdin(pdfs, tmp_path, seed_text):
    import sqlite3

    seed_pdf = str(pdfs / "seed.pdf")
    r = run("extract", seed_pdf, str(SEED_TEXT), "--jobs", "2")
    assert r.returncode == 0, r.stderr
    first, second = (json.loads(line) for line in r.stdout.decode().splitlines())
    assert first["source"] == seed_pdf and first["page_starts"][0] == 0 and "page_starts" not in second
    db = tmp_path / "facts.db"
    r = run("extract", seed_pdf, "--db", str(db))
    assert r.returncode == 0, r.stderr
    with sqlite3.connect(db) as con:
        title, text = con.execute("SELECT title, text FROM articles").fetchone()
    assert title == HEADLINE and text == first["text"]
    r = run("extract", seed_pdf, "--db", str(db))
    assert "0 article(s) stored, 1 unchanged input(s) skipped" in r.stderr.decode()
    page = tmp_path / "seed.html"
    r = run("extract", seed_pdf, "--format", "html", "-o", str(page))
    assert r.returncode == 0, r.stderr
    assert "Zakharova" in page.read_text(encoding="utf-8")
    r = run("extract", "-", stdin=(pdfs / "seed.pdf").read_bytes())
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["text"] == first["text"]


def test_pdf_on_a_dask_cluster(pdfs):
    r = run("extract", str(pdfs / "seed.pdf"), str(SEED_TEXT), "--scheduler", "local", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    plain = run("extract", str(pdfs / "seed.pdf"), str(SEED_TEXT))
    assert r.stdout == plain.stdout


def test_schema_describes_page_starts():
    schema = json_schema()
    assert "page_starts" in schema["properties"] and "page_starts" not in schema["required"]
    assert "bisect_right" in schema["properties"]["page_starts"]["description"]


@pytest.mark.parametrize("layout, style", [
    ("columns", "body { column-count: 2; font-size: 14pt }"),
    # paragraphs told by a first-line indent alone, justified, no space between them
    ("indents", "p { margin: 0; text-indent: 2em; text-align: justify } body { font-size: 13pt }"),
])
def test_two_columns_and_indented_paragraphs(tmp_path, layout, style):
    seed = [p for p in SEED_TEXT.read_text(encoding="utf-8").split("\n") if p.strip()]
    if layout == "indents":
        # a one-line paragraph that fills its line and ends without a full stop ("RELATED NEWS : ...") runs
        # into the next one in this layout: nothing on the page tells them apart (see pdf._breaks)
        seed = [p for p in seed if not p.startswith("RELATED NEWS")]
    pdf = print_pdf(page_html(seed, style=style), tmp_path / f"{layout}.pdf", "--no-pdf-header-footer")
    assert extract_pdf(pdf.read_bytes()).text.split("\n") == [HEADLINE, *seed]
