"""The command line, run as a real subprocess: inputs, outputs, errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_TEXT

from factx.models import Article


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx", *args], input=stdin, capture_output=True,
                          cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("corpus")
    (d / "a.txt").write_text("Mayor John Smith said that 300 people attended the meeting in Boston.\n")
    (d / "sub").mkdir()
    (d / "sub" / "b.txt").write_text("“We will rebuild the bridge,” Governor Ann Lee told reporters on Monday.\n")
    (d / "notes.md").write_text("This file is filtered out by the default glob.\n")
    return d


def test_single_file_prints_one_object(corpus):
    r = run("extract", str(corpus / "a.txt"))
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["source"] == str(corpus / "a.txt")
    assert [f["value"] for f in doc["figures"]] == [300]
    assert r.stderr == b""


def test_stdin_dash_and_piped(corpus):
    data = (corpus / "a.txt").read_bytes()
    for args in (("extract", "-"), ("extract",)):
        r = run(*args, stdin=data)
        assert r.returncode == 0, r.stderr
        doc = json.loads(r.stdout)
        assert doc["source"] == "-"
        assert doc["people"][0]["name"] == "John Smith"


def test_directory_is_walked_recursively_as_json_lines(corpus):
    r = run("extract", str(corpus))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    assert [Path(json.loads(line)["source"]).name for line in lines] == ["a.txt", "b.txt"]


def test_glob_selects_files(corpus):
    r = run("extract", str(corpus), "--glob", "*.md")
    lines = r.stdout.decode().splitlines()
    assert [Path(json.loads(line)["source"]).name for line in lines] == ["notes.md"]


def test_output_file_is_written(corpus, tmp_path):
    out = tmp_path / "facts.jsonl"
    r = run("extract", str(corpus), "--output", str(out))
    assert r.returncode == 0, r.stderr
    assert r.stdout == b""
    assert len(out.read_text().splitlines()) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["facts.jsonl"]  # no temp file left behind
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask, "permissions of a plain redirect, not 0600"


def test_table_format(corpus):
    r = run("extract", str(SEED_TEXT), "--format", "table")
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    for section in ("Figures", "People", "Places", "Organizations", "Quotes"):
        assert section in out
    assert "Maria Zakharova" in out and "9,000" in out


def test_pretty_is_indented_json():
    r = run("extract", "--pretty", str(SEED_TEXT))
    assert r.stdout.startswith(b"{\n  ")
    Article.model_validate_json(r.stdout)


def test_schema_command_validates_output(corpus):
    r = run("schema")
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    assert schema["title"] == "Article"
    for key in ("source", "figures", "people", "places", "organizations", "quotes"):
        assert key in schema["properties"]


def test_bad_inputs_are_reported_and_the_rest_printed(corpus, tmp_path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    missing = tmp_path / "missing.txt"
    r = run("extract", str(corpus / "a.txt"), str(binary), str(missing), str(corpus / "sub" / "b.txt"))
    assert r.returncode == 1
    lines = r.stdout.decode().splitlines()
    assert [Path(json.loads(line)["source"]).name for line in lines] == ["a.txt", "b.txt"]
    err = r.stderr.decode().splitlines()
    assert len(err) == 2
    assert str(binary) in err[0] and "binary" in err[0]
    assert str(missing) in err[1] and "no such file" in err[1]


def test_undecodable_file_is_one_error_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xc3 au lait \xff\xfe\xfd \x81\x8d\x8f\x90\x9d" * 3)
    good = tmp_path / "good.txt"
    good.write_text("Nothing here.")
    r = run("extract", str(bad), str(good), "--encoding", "utf-8")
    assert r.returncode == 1
    assert "not valid utf-8" in r.stderr.decode()
    assert len(r.stdout.decode().splitlines()) == 1


def test_other_encoding_is_detected_and_said(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Le ministre a déclaré que 200 élèves étaient présents à Paris.".encode("cp1252"))
    r = run("extract", str(f))
    assert r.returncode == 0
    doc = json.loads(r.stdout)
    assert doc["encoding"] != "utf-8"
    assert "decoded as" in r.stderr.decode()


def test_empty_file_gives_empty_lists(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    r = run("extract", str(f))
    assert r.returncode == 0
    doc = json.loads(r.stdout)
    assert all(doc[k] == [] for k in ("figures", "people", "places", "organizations", "quotes"))


def test_usage_errors_exit_2():
    assert run("extract", "--format", "xml", str(SEED_TEXT)).returncode == 2
    assert run("extract", "--no-such-option").returncode == 2
    assert run("extract", "--model", "no_such_model_xyz", str(SEED_TEXT)).returncode == 2


def test_version_and_help():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.decode().startswith("factx ")
    r = run("extract", "--help")
    assert r.returncode == 0 and b"--glob" in r.stdout


def test_help_imports_neither_spacy_nor_rich():
    """Start-up cost of --help: no model library, and plain help rather than rich's renderer."""
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "factx", "--help"], capture_output=True,
                       env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert r.returncode == 0
    imported = {line.split("|")[-1].strip() for line in r.stderr.decode().splitlines()}
    assert "spacy" not in imported
    assert not {"rich", "typer.rich_utils", "pydantic"} & imported
    assert "factx.cli" in imported
    assert b"Examples:" in r.stdout and b"factx extract" in r.stdout
