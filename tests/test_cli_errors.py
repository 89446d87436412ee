"""Every error path of the command line, in fresh processes: one ``factx: ...`` line on stderr per problem,
no traceback, and an exit status a script can trust (1 bad input, 2 usage, 130 Ctrl-C, 143 SIGTERM)."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import as_from_terminal

GOOD = "Mayor John Smith said that 300 people attended the meeting in Boston.\n"
PIPED = "“We will rebuild the bridge,” Governor Ann Lee told reporters on Monday.\n"


def factx(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx", *args], input=stdin, capture_output=True, timeout=300)


def err_lines(r: subprocess.CompletedProcess) -> list[str]:
    lines = r.stderr.decode().splitlines()
    assert all(line.startswith("factx: ") for line in lines), lines
    assert b"Traceback" not in r.stderr
    return lines


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("inputs")
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (d / "bad.txt").write_bytes(b"caf\xc3 au lait \xff\xfe\xfd" * 3)
    (d / "empty").mkdir()
    return {p.name: p for p in d.iterdir()} | {"missing.txt": d / "missing.txt"}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_stdin_and_bad_files_among_good_ones_twice(inputs, jobs):
    """'-' with files, some bad: the good results in order, one line per bad input, exit 1; the same again."""
    args = ["extract", "-", str(inputs["blob.txt"]), str(inputs["good.txt"]), str(inputs["missing.txt"]),
            str(inputs["bad.txt"]), str(inputs["empty"]), "--encoding", "utf-8", "-j", jobs]
    runs = [factx(*args, stdin=PIPED.encode("utf-8")) for _ in range(2)]
    for r in runs:
        assert r.returncode == 1
        records = [json.loads(line) for line in r.stdout.decode().splitlines()]
        assert [rec["source"] for rec in records] == ["-", str(inputs["good.txt"])]
        assert records[0]["people"][0]["name"] == "Ann Lee" and [f["value"] for f in records[1]["figures"]] == [300]
        lines = err_lines(r)
        assert [line.split(": ")[1] for line in lines] == [str(inputs[n]) for n in ("blob.txt", "missing.txt",
                                                                                   "bad.txt", "empty")]
    assert runs[0].stdout == runs[1].stdout and runs[0].stderr == runs[1].stderr


def test_bad_files_with_db_store_the_good_ones(inputs, tmp_path):
    db = tmp_path / "f.db"
    for stored in (1, 0):
        r = factx("extract", str(inputs["good.txt"]), str(inputs["blob.txt"]), "--db", str(db))
        assert r.returncode == 1
        assert err_lines(r) == [f"factx: {inputs['blob.txt']}: binary file (holds NUL bytes)",
                                f"factx: {db}: {stored} article(s) stored, {1 - stored} unchanged input(s) skipped"]
    c = sqlite3.connect(db)
    assert c.execute("SELECT source FROM articles").fetchall() == [(str(inputs["good.txt"]),)]
    c.close()


@pytest.mark.parametrize("args", [
    ("extract", "--prety", "x.txt"),
    ("extract", "--jobs", "0", "x.txt"),
    ("extract", "--format", "xml", "x.txt"),
    ("extract", "--part-size", "many", "x.txt"),
    ("nosuchcommand",),
    ("extract", "x.txt", "--table", "quotes"),
    ("extract", "x.txt", "--force"),
    ("extract", "x.txt", "--db", "f.db", "--format", "table"),
    ("extract", "-", "-"),
    ("extract", "x.txt", "--encoding", "no-such-codec"),
    ("extract", "x.txt", "--model", "no_such_model_xyz"),
    ("extract", "x.txt", "--db", "/nonexistent-dir/f.db"),
    ("extract", "x.txt", "--output", "/nonexistent-dir/out.json"),
])
def test_usage_errors_are_one_line_and_status_2(inputs, args):
    args = tuple(str(inputs["good.txt"]) if a == "x.txt" else a for a in args)
    r = factx(*args, stdin=b"")
    assert r.returncode == 2, r.stderr
    assert len(err_lines(r)) == 1
    assert r.stdout == b""


@pytest.mark.parametrize("args", [("-",), ()])
def test_closed_stdin_is_a_usage_error(args):
    r = subprocess.run(["sh", "-c", 'exec "$0" -m factx extract "$@" <&-', sys.executable, *args],
                       capture_output=True, timeout=300)
    assert r.returncode == 2
    assert len(err_lines(r)) == 1 and r.stdout == b""


def test_option_errors_name_the_option_and_where_to_look(inputs):
    r = factx("extract", "--prety", str(inputs["good.txt"]))
    [line] = err_lines(r)
    # the program as it was called: "python -m factx" here, "factx" from the console script
    assert line.startswith("factx: No such option: --prety (Possible options: --pretty) (see ")
    assert line.endswith("factx extract --help)")


def test_bare_factx_shows_the_help_with_status_2():
    r = factx()
    assert r.returncode == 2 and b"Commands:" in r.stderr and b"Traceback" not in r.stderr


@pytest.mark.parametrize(("sig", "status", "said"), [(signal.SIGINT, 130, "interrupted"),
                                                     (signal.SIGTERM, 143, "terminated")])
def test_signal_while_waiting_for_stdin(tmp_path, sig, status, said):
    """Stopped while it waits for piped text: the status of the signal, one line, the database intact.

    With --db the database is opened (created) before stdin is read and the model is loaded only for an
    input to extract, so once the file exists the process is waiting on stdin, not loading anything.
    """
    db = tmp_path / "f.db"
    proc = subprocess.Popen([sys.executable, "-m", "factx", "extract", "-", "--db", str(db)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=as_from_terminal)
    deadline = time.monotonic() + 120
    while not db.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert db.exists() and proc.poll() is None
    time.sleep(0.5)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == status
    assert out == b""
    # the reason, then what the database holds from this run (what a resumed run will skip)
    assert err.decode().splitlines() == [f"factx: {said}",
                                         f"factx: {db}: 0 article(s) stored, 0 unchanged input(s) skipped"]
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert c.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    c.close()
