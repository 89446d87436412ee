"""Check the CSV and SQLite outputs against the JSON over a folder of texts (e.g. PolNeAR dev), and time --db runs.

    uv run python scripts/measure_io.py ../shared/data/polnear/dev/text [--jobs 1]

Prints: per CSV table, rows and whether the CSV parsed back equals the JSON
records; for --db, row counts against the JSON, the time of a first and a
second run (which should skip everything), and whether a run killed with
SIGKILL halfway and then re-run gives the database of an uninterrupted run.
Uses the tests' oracle (tests/test_csv.py, tests/test_sqlite.py).
"""

from __future__ import annotations

import argparse
import io
import json
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_csv import expected_rows, parse_rows  # noqa: E402
from test_sqlite import check_integrity, content, counts, json_counts  # noqa: E402

from factx.models import Article  # noqa: E402
from factx.render import CsvWriter, TextTarget  # noqa: E402
from factx.render.csv import TABLES  # noqa: E402


def factx(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx", *args], capture_output=True, check=False)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--jobs", default="1")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="factx-io-"))

    t = time.perf_counter()
    r = factx("extract", a.folder, "-j", a.jobs)
    json_time = time.perf_counter() - t
    records = [json.loads(line) for line in r.stdout.decode().splitlines()]
    print(f"JSON: {len(records)} articles in {json_time:.1f} s (exit {r.returncode})")

    print("\n| table | rows | CSV parsed back == JSON |\n| --- | ---: | --- |")
    articles = [Article.model_validate(rec) for rec in records]
    for table in TABLES:
        buf = io.StringIO(newline="")
        target = TextTarget(None)
        target.stream = buf
        w = CsvWriter(target, table)
        for art in articles:
            w.write(art)
        want = [row for rec in records for row in expected_rows(rec, table)]
        got = parse_rows(buf.getvalue())
        print(f"| {table} | {len(got):,} | {got == want} |")

    db = tmp / "facts.db"
    t = time.perf_counter()
    r = factx("extract", a.folder, "--db", str(db), "-j", a.jobs)
    first = time.perf_counter() - t
    print(f"\n--db first run: {first:.1f} s; {r.stderr.decode().strip().splitlines()[-1]}")
    check_integrity(db)
    want = {rec["source"]: json_counts(rec) for rec in records}
    got = counts(db)
    totals = {k: sum(c[k] for c in got.values()) for k in next(iter(got.values()))}
    print(f"row counts == JSON counts for every article: {got == want}; totals: articles {len(got)}, {totals}")
    before = content(db)
    t = time.perf_counter()
    r = factx("extract", a.folder, "--db", str(db), "-j", a.jobs)
    second = time.perf_counter() - t
    print(f"--db second run: {second:.1f} s ({second / first:.1%} of the first); "
          f"{r.stderr.decode().strip().splitlines()[-1]}; content unchanged: {content(db) == before}")

    killed = tmp / "killed.db"
    proc = subprocess.Popen([sys.executable, "-m", "factx", "extract", a.folder, "--db", str(killed), "-j", a.jobs],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    half, stored = len(records) // 2, 0
    while stored < half and proc.poll() is None:
        time.sleep(0.05)
        try:
            c = sqlite3.connect(f"file:{killed}?mode=ro", uri=True)
            stored = c.execute("SELECT count(*) FROM articles").fetchone()[0]
            c.close()
        except sqlite3.Error:
            continue
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    check_integrity(killed)
    partial = counts(killed)
    whole = all(partial[s] == got[s] for s in partial)
    print(f"SIGKILL after {len(partial)} articles: integrity_check ok, every stored article whole: {whole}")
    r = factx("extract", a.folder, "--db", str(killed), "-j", a.jobs)
    check_integrity(killed)
    print(f"re-run: {r.stderr.decode().strip().splitlines()[-1]}; same content as the uninterrupted run: "
          f"{content(killed) == content(db)}")


if __name__ == "__main__":
    main()
