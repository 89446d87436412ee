"""SQLite out: a real database file, filled one whole article per transaction, resumable, equal to the JSON."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEED_TEXT

from factx.render.sqlite import DB_SCHEMA_VERSION, DDL

# Short stories written for these tests, varied so each file is its own article.
PEOPLE = ("Ruth Okafor", "James Whitlock", "Ann Lee", "Tomas Herrera", "Mei Lin Zhao", "Peter Novak",
          "Grace Mensah", "Omar Haddad")
CITIES = ("Boston", "Denver", "Atlanta", "Portland", "Chicago")
STORY = ("{city} – {name}, the mayor, said on Monday that {n:,} people had been evacuated after the storm.\n\n"
         "“We will rebuild every home,” {last} told reporters at City Hall. “It will take {years} years.”\n\n"
         "The Red Cross said about {k} percent of the shelters were full, and that {m} volunteers had arrived "
         "from {other}.\n")
N_STORIES = 40


def story(i: int) -> str:
    name = PEOPLE[i % len(PEOPLE)]
    return STORY.format(city=CITIES[i % len(CITIES)], name=name, last=name.split()[-1], n=1000 + 37 * i,
                        years=2 + i % 5, k=10 + i, m=20 + 3 * i, other=CITIES[(i + 2) % len(CITIES)])


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx", *args], capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("dbcorpus")
    for i in range(N_STORIES):
        (d / f"story{i:03d}.txt").write_text(story(i), encoding="utf-8")
    (d / "seed.txt").write_bytes(SEED_TEXT.read_bytes())
    return d


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    """An uninterrupted run, with two workers."""
    db = tmp_path_factory.mktemp("ref") / "facts.db"
    r = run("extract", str(corpus), "--db", str(db), "-j", "2")
    assert r.returncode == 0, r.stderr
    assert r.stdout == b""
    assert f"{N_STORIES + 1} article(s) stored, 0 unchanged" in r.stderr.decode()
    return db


@pytest.fixture(scope="module")
def records(corpus) -> dict[str, dict]:
    r = run("extract", str(corpus), "-j", "1")
    assert r.returncode == 0, r.stderr
    return {rec["source"]: rec for rec in map(json.loads, r.stdout.decode().splitlines())}


def connect(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def content(db: Path) -> dict[str, list]:
    """Every row of every table, keyed by source instead of article id, without the run's timestamps."""
    c = connect(db)
    out: dict[str, list] = {}
    have = {r[1] for r in c.execute("PRAGMA table_info(articles)")}
    wanted = ["source", "sha256", "length", "encoding", "sentences", "model", "model_version", "title", "author",
              "date", "url", "sitename", "text", "article_date", "date_source"]
    out["articles"] = c.execute(f"SELECT {', '.join(w for w in wanted if w in have)} FROM articles "
                                "ORDER BY source").fetchall()
    tables = {name for (name,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in ("figures", "quotes", "entities", "mentions", "times"):
        if table not in tables:  # an older schema's database
            continue
        cols = [r[1] for r in c.execute(f"PRAGMA table_info({table})") if r[1] != "article_id"]
        select = ", ".join(f'x."{col}"' for col in cols)
        out[table] = c.execute(f"SELECT a.source, {select} FROM {table} x JOIN articles a ON a.id = x.article_id "
                               f"ORDER BY a.source, x.rowid").fetchall()
    c.close()
    return out


def counts(db: Path) -> dict[str, dict[str, int]]:
    """Per source: how many rows each table holds."""
    c = connect(db)
    out: dict[str, dict[str, int]] = {}
    for (source,) in c.execute("SELECT source FROM articles"):
        out[source] = {}
    for table in ("figures", "quotes", "mentions"):
        for source, n in c.execute(f"SELECT a.source, count(x.article_id) FROM articles a LEFT JOIN {table} x "
                                   f"ON x.article_id = a.id GROUP BY a.id"):
            out[source][table] = n
    for kind in ("person", "place", "organization"):
        for source, n in c.execute("SELECT a.source, count(e.article_id) FROM articles a LEFT JOIN entities e "
                                   "ON e.article_id = a.id AND e.kind = ? GROUP BY a.id", (kind,)):
            out[source][kind] = n
    c.close()
    return out


def json_counts(rec: dict) -> dict[str, int]:
    return {"figures": len(rec["figures"]), "quotes": len(rec["quotes"]),
            "mentions": sum(len(e["mentions"]) for k in ("people", "places", "organizations") for e in rec[k]),
            "person": len(rec["people"]), "place": len(rec["places"]), "organization": len(rec["organizations"])}


def check_integrity(db: Path) -> None:
    c = connect(db)
    assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    c.close()


def test_row_counts_equal_the_json(reference, records):
    check_integrity(reference)
    assert counts(reference) == {source: json_counts(rec) for source, rec in records.items()}


def test_rows_hold_the_json_values(reference, records):
    c = connect(reference)
    for source, rec in records.items():
        figures = c.execute('SELECT f.id, f.text, f.start, f."end", f.value, f.counted, f.approximate, f.quote '
                            "FROM figures f JOIN articles a ON a.id = f.article_id WHERE a.source = ? "
                            "ORDER BY f.rowid", (source,)).fetchall()
        assert figures == [(f["id"], f["text"], f["start"], f["end"], f["value"], f["counted"],
                            int(f["approximate"]), f["quote"]) for f in rec["figures"]]
        quotes = c.execute("SELECT q.id, q.type, q.text, q.speaker_name, q.cue, q.figures FROM quotes q "
                           "JOIN articles a ON a.id = q.article_id WHERE a.source = ? ORDER BY q.rowid",
                           (source,)).fetchall()
        assert quotes == [(q["id"], q["type"], q["text"], q["speaker"] and q["speaker"]["name"],
                           q["cue"] and q["cue"]["text"], json.dumps(q["figures"])) for q in rec["quotes"]]
        people = c.execute("SELECT e.name, e.aliases, e.titles, e.gender FROM entities e JOIN articles a "
                           "ON a.id = e.article_id WHERE a.source = ? AND e.kind = 'person' ORDER BY e.rowid",
                           (source,)).fetchall()
        assert people == [(p["name"], json.dumps(p["aliases"], ensure_ascii=False),
                           json.dumps(p["titles"], ensure_ascii=False), p["gender"]) for p in rec["people"]]
        length, sentences, model = c.execute("SELECT length, sentences, model FROM articles WHERE source = ?",
                                             (source,)).fetchone()
        assert (length, sentences, model) == (rec["length"], rec["sentences"], rec["model"]["name"])
    c.close()


def test_schema_version_and_ddl(reference):
    c = connect(reference)
    assert c.execute("PRAGMA user_version").fetchone()[0] == DB_SCHEMA_VERSION
    assert dict(c.execute("SELECT key, value FROM factx"))["db_schema_version"] == str(DB_SCHEMA_VERSION)
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "delete", "a finished database is one file"
    tables = {name for (name,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"factx", "articles", "figures", "quotes", "entities", "mentions", "times"}
    for table in ("figures", "quotes", "entities", "mentions", "times"):
        fks = c.execute(f"PRAGMA foreign_key_list({table})").fetchall()
        assert any(fk[2] == "articles" and fk[3] == "article_id" for fk in fks), table
    indexed = {row[2] for (name,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
               for row in c.execute(f"PRAGMA index_info({name})")}
    assert {"speaker_name", "name", "counted", "value", "source"} <= indexed
    c.close()
    r = run("schema", "--db")
    assert r.returncode == 0 and r.stdout.decode() == DDL
    fresh = sqlite3.connect(":memory:")
    fresh.executescript(r.stdout.decode())
    shape = "SELECT type, name, tbl_name FROM sqlite_master ORDER BY name"
    c = connect(reference)
    assert fresh.execute(shape).fetchall() == c.execute(shape).fetchall()
    c.close()


def test_the_readme_queries_run(reference, records):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- sql-queries -->")[1]
    queries = [q.strip() for q in block.split("```sql")[1].split("```")[0].split(";") if q.strip()]
    assert len(queries) == 3
    c = connect(reference)
    quoted_most, big_people, quotes_with_figures = (c.execute(q).fetchall() for q in queries)
    from collections import Counter

    said = Counter(q["speaker"]["name"] for rec in records.values() for q in rec["quotes"]
                   if q["speaker"] and q["speaker"]["name"])
    assert [n for _, n, *_ in quoted_most] == sorted(said.values(), reverse=True)[:20]
    assert all(said[name] == n for name, n, *_ in quoted_most)
    assert big_people and all(row[2] > 1000 for row in big_people)
    assert quotes_with_figures and all(row[3] for row in quotes_with_figures)
    c.close()


def test_second_run_inserts_nothing(reference, corpus, tmp_path, extractor):
    before = content(reference)
    stamps = connect(reference).execute("SELECT source, extracted_at FROM articles").fetchall()
    # every input is stored unchanged by this factx and model, so no extraction runs: a folder holding only
    # the model's meta.json (its name and version, no weights) is never loaded
    not_a_model = tmp_path / "not-a-model"
    not_a_model.mkdir()
    shutil.copy(Path(extractor.nlp.path) / "meta.json", not_a_model / "meta.json")
    r = run("extract", str(corpus), "--db", str(reference), "--model", str(not_a_model), "-j", "2")
    assert r.returncode == 0, r.stderr
    assert f"0 article(s) stored, {N_STORIES + 1} unchanged input(s) skipped" in r.stderr.decode()
    assert content(reference) == before
    assert connect(reference).execute("SELECT source, extracted_at FROM articles").fetchall() == stamps


def _two_stories_stored(corpus, tmp_path):
    """A folder of two of the corpus's stories, extracted once into a new database: (folder, database)."""
    d = tmp_path / "c"
    d.mkdir()
    for name in ("story000.txt", "story001.txt"):
        (d / name).write_bytes((corpus / name).read_bytes())
    db = tmp_path / "facts.db"
    assert run("extract", str(d), "--db", str(db)).returncode == 0
    return d, db


def test_changed_file_is_replaced(corpus, tmp_path):
    d, db = _two_stories_stored(corpus, tmp_path)
    (d / "story001.txt").write_text("Governor Ann Lee said 3,000 homes were flooded in Denver.\n", encoding="utf-8")
    r = run("extract", str(d), "--db", str(db))
    assert "1 article(s) stored, 1 unchanged" in r.stderr.decode()
    check_integrity(db)
    c = connect(db)
    rows = c.execute("SELECT a.source, f.text FROM figures f JOIN articles a ON a.id = f.article_id "
                     "WHERE a.source LIKE '%story001.txt'").fetchall()
    assert [t for _, t in rows] == ["3,000"]
    assert c.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    c.close()


def test_killed_run_then_rerun_equals_an_uninterrupted_run(corpus, reference, tmp_path):
    db = tmp_path / "facts.db"
    proc = subprocess.Popen([sys.executable, "-m", "factx", "extract", str(corpus), "--db", str(db), "-j", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 300
    while stored < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
        try:
            c = connect(db)
            stored = c.execute("SELECT count(*) FROM articles").fetchone()[0]
            c.close()
        except sqlite3.Error:  # not created yet
            continue
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 3 <= stored < N_STORIES, "killed halfway"
    check_integrity(db)
    # only whole articles: each stored article has all of its rows
    ref = counts(reference)
    partial = counts(db)
    assert 3 <= len(partial) < N_STORIES + 1
    for source, n in partial.items():
        assert n == ref[source], source
    # resumed with workers: stored inputs pass through them as skipped, in order, among the others
    r = run("extract", str(corpus), "--db", str(db), "-j", "2")
    assert r.returncode == 0, r.stderr
    assert f"{len(partial)} unchanged input(s) skipped" in r.stderr.decode()
    check_integrity(db)
    assert content(db) == content(reference)


def test_database_usage_errors(tmp_path):
    other = tmp_path / "other.db"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE notes (x)")
    c.commit()
    c.close()
    r = run("extract", str(SEED_TEXT), "--db", str(other))
    assert r.returncode == 2 and b"use a new file" in r.stderr
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database, just text " * 200)
    r = run("extract", str(SEED_TEXT), "--db", str(junk))
    assert r.returncode == 2 and r.stderr.count(b"\n") == 1
    r = run("extract", str(SEED_TEXT), "--db", str(tmp_path / "a.db"), "--output", str(tmp_path / "x.jsonl"))
    assert r.returncode == 2


def make_v1(db: Path, v1: Path) -> None:
    """Copy a database written by this factx into a new file of the schema version 1 layout (the tables of
    version 1: no articles.factx_version, no times, no article date, no when keys), as factx 0.1 wrote it."""
    import re

    ddl_v1 = re.sub(r",(\s+--[^\n]*)?\n\s+factx_version TEXT[^\n]*\n(?:\s+article_date[^\n]*\n\s+date_source[^\n]*\n)?",
                    r"\1\n", DDL)
    ddl_v1 = re.sub(r",(\s+--[^\n]*)?\n\s+\"when\" TEXT,[^\n]*\n", r",\1\n", ddl_v1)
    ddl_v1 = re.sub(r"CREATE TABLE IF NOT EXISTS times .*?\);\nCREATE INDEX IF NOT EXISTS times_value[^\n]*\n", "",
                    ddl_v1, flags=re.S)
    assert "factx_version" not in ddl_v1 and "times" not in ddl_v1 and '"when"' not in ddl_v1
    assert "article_date" not in ddl_v1
    c = sqlite3.connect(v1)
    c.executescript(f"{ddl_v1}INSERT INTO factx VALUES ('db_schema_version', '1'); PRAGMA user_version = 1;")
    c.execute("ATTACH DATABASE ? AS new", (str(db),))
    for table in ("articles", "figures", "quotes", "entities", "mentions"):
        cols = ", ".join(f'"{r[1]}"' for r in c.execute(f"PRAGMA main.table_info({table})"))
        c.execute(f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM new.{table}")
    c.commit()
    c.execute("DETACH DATABASE new")
    c.close()


def v1_view(reference: dict[str, list]) -> dict[str, list]:
    """What a database's content looked like in schema version 1: no times, article dates or when keys."""
    out = {k: v for k, v in reference.items() if k != "times"}
    out["articles"] = [row[:-2] for row in reference["articles"]]
    out["figures"] = [row[:-1] for row in reference["figures"]]
    out["quotes"] = [row[:-1] for row in reference["quotes"]]
    return out


def test_schema_1_database_is_upgraded_and_its_articles_extracted_again(corpus, tmp_path):
    d, db = _two_stories_stored(corpus, tmp_path)
    reference = content(db)
    make_v1(db, tmp_path / "v1.db")
    db = tmp_path / "v1.db"
    assert content(db) == v1_view(reference)
    c = connect(db)
    assert "factx_version" not in {r[1] for r in c.execute("PRAGMA table_info(articles)")}
    c.close()
    r = run("extract", str(d), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert r.stderr.decode().splitlines() == [
        f"factx: {db}: upgraded from schema version 1 to {DB_SCHEMA_VERSION}; inputs stored before are extracted "
        "again",
        f"factx: {db}: 2 article(s) stored, 0 unchanged input(s) skipped"]
    check_integrity(db)
    c = connect(db)
    assert c.execute("PRAGMA user_version").fetchone()[0] == DB_SCHEMA_VERSION
    assert dict(c.execute("SELECT key, value FROM factx"))["db_schema_version"] == str(DB_SCHEMA_VERSION)
    assert c.execute("SELECT count(*) FROM articles WHERE factx_version IS NULL").fetchone()[0] == 0
    c.close()
    assert content(db) == reference
    r = run("extract", str(d), "--db", str(db))
    assert r.stderr.decode().splitlines() == [f"factx: {db}: 0 article(s) stored, 2 unchanged input(s) skipped"]


def test_newer_schema_is_refused_in_one_line(tmp_path):
    db = tmp_path / "new.db"
    c = sqlite3.connect(db)
    c.executescript(f"{DDL}PRAGMA user_version = {DB_SCHEMA_VERSION + 1};")
    c.close()
    r = run("extract", str(SEED_TEXT), "--db", str(db))
    assert r.returncode == 2
    assert r.stderr.decode().splitlines() == [
        f"factx: {db} holds schema version {DB_SCHEMA_VERSION + 1} (or other tables); this factx writes version "
        f"{DB_SCHEMA_VERSION}: use a new file"]


def test_force_needs_db():
    r = run("extract", str(SEED_TEXT), "--force")
    assert r.returncode == 2
    assert r.stderr.decode().splitlines() == ["factx: --force goes with --db: it re-extracts inputs the database "
                                              "already holds"]
