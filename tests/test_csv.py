"""CSV out: every table parsed back with the csv module equals the JSON records; spreadsheet-safe cells."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_TEXT

from factx.models import Figure, Person, Place, Quote, Time
from factx.render.csv import TABLES, cell, neutralise

# Texts written for these tests: a range, a vague magnitude, money, a percentage, an organization and a
# multi-paragraph quote whose text holds a line break.
TEXTS = {
    "budget.txt": "City Hall said on Monday that between 50 and 60 workers would lose their jobs, while the "
                  "council approved $4.5 million for repairs.\n\n“We are doing what we can,” Mayor Ruth Okafor "
                  "told the Harbor Gazette. “Nobody wanted this.\n\n“But the money is simply not there.”\n",
    "poll.txt": "About 45 percent of voters in Ohio back the plan, according to a Gallup poll of 1,200 adults. "
                "Senator James Whitlock said hundreds of residents had written to his office.\n",
}
# File names are cells too: these begin with what spreadsheets run as formulas.
HOSTILE_NAMES = ("=HYPERLINK(evil).txt", "+1 call.txt", "-minus.txt", "@at.txt")

INT = {"start", "end", "sentence", "mentions", "speaker_start", "speaker_end", "cue_start", "cue_end"}
FLOAT = {"value", "low", "high", "latitude", "longitude"}
LIST = {"aliases", "titles", "figures"}


def expected_rows(record: dict, table: str) -> list[dict]:
    """The rows a table should hold for one JSON record, built from the JSON alone."""
    src = record["source"]
    if table == "figures":
        return [{"source": src, **f} for f in record["figures"]]
    if table == "quotes":
        rows = []
        for q in record["quotes"]:
            sp, cue = q["speaker"] or {}, q["cue"] or {}
            rows.append({"source": src, "id": q["id"], "type": q["type"], "text": q["text"], "start": q["start"],
                         "end": q["end"], "speaker": sp.get("text"), "speaker_start": sp.get("start"),
                         "speaker_end": sp.get("end"), "speaker_name": sp.get("name"),
                         "speaker_entity": sp.get("entity"), "cue": cue.get("text"), "cue_start": cue.get("start"),
                         "cue_end": cue.get("end"), "sentence": q["sentence"], "figures": q["figures"],
                         "continues": q["continues"], "when": q["when"]})
        return rows
    if table == "times":
        return [{"source": src, **t} for t in record["times"]]
    if table == "mentions":
        kinds = (("person", "people"), ("place", "places"), ("organization", "organizations"))
        return [{"source": src, "entity": e["id"], "kind": kind, "name": e["name"], **m}
                for kind, field in kinds for e in record[field] for m in e["mentions"]]
    return [{"source": src, **{k: v for k, v in e.items()}, "mentions": len(e["mentions"])} for e in record[table]]


def parse_rows(data: str, raw: bool = False, table: str = "") -> list[dict]:
    """CSV text back to typed records: empty = null, numbers, booleans, '; '-joined lists, escaping undone."""
    out = []
    for row in csv.DictReader(io.StringIO(data, newline="")):
        rec: dict = {}
        for k, v in row.items():
            if k in INT:
                rec[k] = int(v) if v else None
            elif k in FLOAT and table != "times":  # a time's value is a TIMEX3 string
                rec[k] = float(v) if v else None
            elif k == "approximate":
                rec[k] = {"true": True, "false": False}[v]
            else:
                if not raw and v.startswith("'"):
                    v = v[1:]
                rec[k] = (v.split("; ") if v else []) if k in LIST else (v or None)
        out.append(rec)
    return out


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx", *args], capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    d = tmp_path_factory.mktemp("csv")
    paths = []
    for name, text in TEXTS.items():
        (d / name).write_text(text, encoding="utf-8")
        paths.append(d / name)
    for name in HOSTILE_NAMES:
        (d / name).write_text("Governor Ann Lee said 3,000 homes were flooded.\n", encoding="utf-8")
        paths.append(d / name)
    return [SEED_TEXT, *paths]


@pytest.fixture(scope="module")
def records(inputs) -> list[dict]:
    r = run("extract", *map(str, inputs))
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.decode().splitlines()]


@pytest.mark.parametrize("table", list(TABLES))
def test_every_table_parses_back_to_the_json_records(inputs, records, table):
    r = run("extract", *map(str, inputs), "--format", "csv", "--table", table)
    assert r.returncode == 0, r.stderr
    data = r.stdout.decode("utf-8")
    want = [row for rec in records for row in expected_rows(rec, table)]
    assert want, "the inputs hold records for every table"
    got = parse_rows(data, table=table)
    assert got == want
    # the columns are the documented ones, with the header once over many inputs
    lines = data.split("\r\n")
    assert lines[0] == ",".join(["source", *TABLES[table][0]])
    assert sum(line == lines[0] for line in lines) == 1
    assert data.endswith("\r\n")


def test_multi_paragraph_quote_is_one_quoted_field(inputs, records):
    budget = next(r for r in records if r["source"].endswith("budget.txt"))
    multi = [q for q in budget["quotes"] if "\n" in q["text"]]
    assert multi, "the budget story has a quote across paragraphs"
    r = run("extract", str(inputs[1]), "--format", "csv", "--table", "quotes")
    data = r.stdout.decode()
    assert '"' + multi[0]["text"].replace('"', '""') + '"' in data  # RFC 4180: line breaks inside quotes


def test_columns_cover_every_model_field():
    """A field added to a record must be added to its CSV table (or this test says which)."""
    import dataclasses

    for table, model in (("figures", Figure), ("quotes", Quote), ("times", Time)):
        fields = {f.name for f in dataclasses.fields(model)}
        cols = set(TABLES[table][0])
        missing = fields - cols
        assert not missing, (table, missing)
    for table, model in (("people", Person), ("places", Place)):
        assert set(model.model_fields) <= set(TABLES[table][0]), table


def test_formula_cells_are_neutralised():
    for ch in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(ch + "1+1") == "'" + ch + "1+1"
        assert cell(ch + "cmd|' /C calc'!A0") == "'" + ch + "cmd|' /C calc'!A0"
        assert cell(ch + "x", safe=False) == ch + "x"
    assert cell("'quoted") == "''quoted"  # so one leading quote can always be dropped to read the text back
    assert cell("plain text") == "plain text"
    assert cell(-3.5) == "-3.5" and cell(-2.0) == "-2"  # numbers are numbers, not formulas
    assert cell(True) == "true" and cell(None) == "" and cell(["a", "b"]) == "a; b"


def test_hostile_file_names_end_to_end(inputs):
    cwd = inputs[-1].parent
    names = list(HOSTILE_NAMES)
    for raw in (False, True):
        options = ["--format", "csv", "--table", "people", *(["--raw-csv"] if raw else [])]
        r = subprocess.run([sys.executable, "-m", "factx", "extract", *options, "--", *names], capture_output=True,
                           timeout=300, cwd=cwd)
        assert r.returncode == 0, r.stderr
        rows = list(csv.reader(io.StringIO(r.stdout.decode(), newline="")))[1:]
        sources = [row[0] for row in rows]
        assert sources == (names if raw else ["'" + n for n in names])
        assert all(row[2] == "Ann Lee" for row in rows)


def test_csv_needs_a_table_and_a_table_needs_csv():
    r = run("extract", str(SEED_TEXT), "--format", "csv")
    assert r.returncode == 2 and b"--table" in r.stderr
    r = run("extract", str(SEED_TEXT), "--table", "quotes")
    assert r.returncode == 2
