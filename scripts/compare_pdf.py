"""Do PDFs give the facts of the texts they were printed from?  Print each text as a PDF and compare.

Each ``*.txt`` of a folder (line 1 the headline, then paragraphs) is written
as a simple web page (the headline as ``<h1>``, each paragraph as ``<p>``)
and printed to PDF by headless Chromium, which adds its own header (date and
title) and footer (file address and page number).  factx then runs on the
texts and on the PDFs, and the facts of each pair are compared by what they
say, not where (offsets differ: the PDF's text is rebuilt from its lines):
figures by text and value, people, places and organizations by kind and
name, quotes by type, content and speaker name.  It prints each article's
F1 of the two sets of facts, the overall F1, and any fact or text that holds
the print furniture.

    uv run python scripts/compare_pdf.py /work/shared/data/web --jobs 2
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")


def chromium() -> str:
    for name in CHROMIUM:
        found = shutil.which(name)
        if found:
            return found
    sys.exit("compare_pdf: no Chromium found (apt-get install chromium)")


def page_of(text: str) -> str:
    """The text as a simple web page: the first line as its title and headline, the other lines as paragraphs."""
    headline, _, body = text.partition("\n")
    paragraphs = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in body.split("\n") if p.strip())
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(headline.strip())}"
            f"</title></head><body><h1>{html.escape(headline.strip())}</h1>\n{paragraphs}\n</body></html>\n")


def print_pdf(browser: str, page: Path, pdf: Path) -> None:
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
                    page.resolve().as_uri()], check=True, capture_output=True, timeout=120)


def extract(folder: Path, glob: str, jobs: int) -> dict[str, dict]:
    r = subprocess.run([sys.executable, "-m", "factx", "extract", str(folder), "--glob", glob, "--jobs", str(jobs),
                        "--no-progress"], capture_output=True, text=True)
    if r.stderr.strip():
        print(r.stderr.strip(), file=sys.stderr)
    records = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    return {Path(rec["source"]).stem: rec for rec in records}


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def facts(record: dict) -> Counter:
    """What a record says, without offsets."""
    out: Counter = Counter()
    for f in record.get("figures", []):
        out["figure", norm(f["text"]), f["value"], f["unit"]] += 1
    for kind in ("people", "places", "organizations"):
        for e in record.get(kind, []):
            out[kind, e["name"]] += 1
    for q in record.get("quotes", []):
        out["quote", q["type"], norm(q["text"]), (q["speaker"] or {}).get("name")] += 1
    return out


def f1(a: Counter, b: Counter) -> tuple[int, int, int]:
    """(common, only in a, only in b) over multisets."""
    common = sum((a & b).values())
    return common, sum(a.values()) - common, sum(b.values()) - common


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="folder of *.txt articles (headline on line 1)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="keep the pages and PDFs in this folder")
    ap.add_argument("--show", action="store_true", help="print the facts that differ")
    args = ap.parse_args()
    browser = chromium()
    work = args.keep or Path(tempfile.mkdtemp(prefix="factx-pdf-"))
    work.mkdir(parents=True, exist_ok=True)
    texts = sorted(args.folder.glob("*.txt"))
    if not texts:
        sys.exit(f"compare_pdf: no *.txt in {args.folder}")
    started = time.perf_counter()
    for t in texts:
        page = work / f"{t.stem}.html"
        page.write_text(page_of(t.read_text(encoding="utf-8")), encoding="utf-8")
        print_pdf(browser, page, work / f"{t.stem}.pdf")
    print(f"printed {len(texts)} PDFs in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    from_text = extract(args.folder, "*.txt", args.jobs)
    from_pdf = extract(work, "*.pdf", args.jobs)
    # what Chromium prints around each page: "12/5/26, 7:43 AM <title>" above, "file:///...  1/2" below
    furniture = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}|file://|\b\d+/\d+\s*$", re.MULTILINE)
    total = [0, 0, 0]
    for t in texts:
        a, b = facts(from_text.get(t.stem, {})), facts(from_pdf.get(t.stem, {}))
        common, only_text, only_pdf = f1(a, b)
        total = [total[0] + common, total[1] + only_text, total[2] + only_pdf]
        score = 2 * common / (2 * common + only_text + only_pdf) if common + only_text + only_pdf else 1.0
        pdf_record = from_pdf.get(t.stem, {})
        leaked = furniture.findall(pdf_record.get("text", ""))
        pages = len(pdf_record.get("page_starts") or [])
        print(f"{t.stem:45} pages {pages}  facts {sum(a.values()):3} / {sum(b.values()):3}  F1 {score:.3f}"
              + (f"  FURNITURE {leaked}" if leaked else ""))
        if args.show:
            for fact in sorted((a - b).elements(), key=str):
                print("   text only:", fact)
            for fact in sorted((b - a).elements(), key=str):
                print("   pdf only: ", fact)
    common, only_text, only_pdf = total
    print(f"all: {common} facts in both, {only_text} only from the texts, {only_pdf} only from the PDFs; "
          f"F1 {2 * common / (2 * common + only_text + only_pdf):.3f}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
