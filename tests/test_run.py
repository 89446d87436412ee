"""factx.run called from Python: planning a run (inputs, jobs, writer, model identity) and executing it.

Real files, the real model and real SQLite databases; what is said on stderr is collected through ``say``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
from pathlib import Path

import pytest

from factx import __version__, cli, reader, run
from factx.pipeline import LONG_CHARS, ModelError, model_name
from factx.reader import Document, ReadError, Skipped
from factx.render import CsvWriter, JsonWriter, SqliteWriter, TableWriter
from factx.render.pages import HtmlDirWriter, HtmlWriter
from factx.render.parts import PartsWriter
from factx.run import Outcome, Request, UsageError

GOOD = "Mayor John Smith said that 300 people attended the meeting in Boston.\n"
OTHER = "“We will rebuild the bridge,” Governor Ann Lee told reporters on Monday.\n"


@pytest.fixture
def folder(tmp_path) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    (d / "sub" / "b.txt").write_text(OTHER, encoding="utf-8")
    (d / "notes.md").write_text("Not taken by the default glob.\n", encoding="utf-8")
    return d


def collect() -> tuple[list[str], object]:
    lines: list[str] = []
    return lines, lines.append


# --- checking and listing -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "message"), [
    ({"paths": ["-", "-"]}, "'-' (stdin) given more than once"),
    ({"fmt": "csv"}, "--format csv needs --table"),
    ({"table": "quotes"}, "--table needs --format csv"),
    ({"db": Path("x.db"), "fmt": "table"}, "--db is an output of its own"),
    ({"force": True}, "--force goes with --db"),
    ({"output_dir": Path("parts"), "pretty": True}, "--output-dir writes JSON Lines parts"),
    ({"output": Path("/nonexistent-dir/x.json")}, "/nonexistent-dir is not a writable directory"),
    ({"fmt": "xml"}, "unknown --format 'xml'"),
    ({"encoding": "no-such-codec"}, "unknown --encoding 'no-such-codec'"),
])
def test_conflicting_options_are_one_line_usage_errors(changes, message):
    with pytest.raises(UsageError) as e:
        run.check_request(Request(**{"paths": ["a.txt"], **changes}))
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_output_that_is_a_directory_is_refused_unless_html(tmp_path):
    with pytest.raises(UsageError, match="it is a directory"):
        run.check_request(Request(paths=["a.txt"], output=tmp_path))
    run.check_request(Request(paths=["a.txt"], output=tmp_path, fmt="html"))
    run.check_request(Request(paths=["a.txt"], db=tmp_path / "f.db", force=True))


def test_no_path_means_piped_stdin_and_a_terminal_is_a_usage_error():
    read_end, write_end = os.pipe()
    with os.fdopen(read_end) as piped:
        assert run.input_paths(Request(), piped) == ["-"]
    os.close(write_end)
    leader, follower = os.openpty()
    with os.fdopen(follower) as terminal:
        with pytest.raises(UsageError, match="no input"):
            run.input_paths(Request(), terminal)
        assert run.input_paths(Request(paths=["x.txt"]), terminal) == ["x.txt"]
    os.close(leader)


def test_listing_walks_directories_in_order_and_keeps_every_path_in_place(folder, tmp_path):
    (tmp_path / "empty").mkdir()
    listed = run.list_inputs([str(folder / "missing.txt"), str(folder), str(tmp_path / "empty"), "-"])
    assert listed[:3] == [str(folder / "missing.txt"), str(folder / "a.txt"), str(folder / "sub" / "b.txt")]
    assert isinstance(listed[3], ReadError) and "no files matching '*.txt'" in listed[3].reason
    assert listed[4] == "-"
    assert run.list_inputs([str(folder)], "*.md") == [str(folder / "notes.md")]


def test_default_jobs_one_process_for_a_few_short_inputs(folder, tmp_path):
    cores = len(os.sched_getaffinity(0))
    few = run.list_inputs([str(folder)])
    assert run.default_jobs(few) == 1
    many = tmp_path / "many"
    many.mkdir()
    for i in range(run.PARALLEL_MIN_INPUTS):
        (many / f"{i}.txt").write_text(GOOD, encoding="utf-8")
    assert run.default_jobs(run.list_inputs([str(many)])) == min(cores, run.MAX_DEFAULT_JOBS)
    long = tmp_path / "long.txt"
    long.write_text(GOOD * (LONG_CHARS // len(GOOD) + 1), encoding="utf-8")
    assert run.default_jobs([str(long)]) == min(cores, run.MAX_DEFAULT_JOBS)


def test_the_command_line_and_the_run_module_agree():
    assert cli.PARALLEL_MIN_INPUTS == run.PARALLEL_MIN_INPUTS
    assert set(cli.EXIT_CODES) == {o.value for o in Outcome}
    assert cli.EXIT_CODES == {"ok": 0, "failed_input": 1, "usage": 2, "interrupted": 130, "terminated": 143}
    # the command line's choices are the ones a Request accepts
    assert [f.value for f in cli.Format] == list(run.FORMATS)
    assert [t.value for t in cli.Table] == list(run.TABLES)
    assert [i.value for i in cli.InputFormat] == list(reader.INPUT_FORMATS)


def test_html_for_several_inputs_needs_a_directory(folder, tmp_path):
    listed = run.list_inputs([str(folder)])
    with pytest.raises(UsageError, match="2 inputs make 2 HTML pages"):
        run.wants_pages_dir(Request(fmt="html"), listed)
    assert run.wants_pages_dir(Request(fmt="html", output=tmp_path), listed)
    assert not run.wants_pages_dir(Request(fmt="html"), listed[:1])
    assert not run.wants_pages_dir(Request(), listed)


def test_the_writer_follows_the_options(folder, tmp_path):
    listed = run.list_inputs([str(folder)])
    cases = [(Request(), JsonWriter), (Request(fmt="table"), TableWriter),
             (Request(fmt="csv", table="quotes"), CsvWriter), (Request(fmt="html"), HtmlWriter),
             (Request(db=tmp_path / "f.db"), SqliteWriter), (Request(output_dir=tmp_path / "parts"), PartsWriter)]
    for req, kind in cases:
        writer = run.make_writer(req, listed)
        assert type(writer) is kind
        writer.abort()
    pages = run.make_writer(Request(fmt="html", output=tmp_path / "pages"), listed, pages_dir=True)
    assert type(pages) is HtmlDirWriter
    pages.abort()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database " * 300)
    with pytest.raises(UsageError, match=r"junk\.db"):
        run.make_writer(Request(db=junk), listed)


# --- the model's identity -------------------------------------------------------------------------------------


def test_model_identity_is_what_the_loaded_model_records(extractor):
    assert run.model_identity(extractor.name) == extractor.info


def test_model_identity_reads_a_folder_without_loading_it(extractor, tmp_path):
    meta = json.loads((Path(extractor.nlp.path) / "meta.json").read_text(encoding="utf-8"))
    folder = tmp_path / "only-meta"
    folder.mkdir()
    (folder / "meta.json").write_text(json.dumps({**meta, "version": "9.9.9"}), encoding="utf-8")
    identity = run.model_identity(str(folder))
    assert (identity.name, identity.version) == (extractor.info.name, "9.9.9")
    with pytest.raises(ModelError, match="no installed package or folder"):
        run.model_identity("no_such_model_xyz")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ModelError):  # no meta.json: it is loaded to be asked, and that fails
        run.model_identity(str(empty))


# --- streaming ------------------------------------------------------------------------------------------------


def test_when_needed_starts_the_runner_only_for_a_document(extractor):
    started: list[int] = []

    def start(docs):
        started.append(1)
        return extractor.run(docs)

    only_skipped = [Skipped("a"), ReadError("b", "no such file")]
    assert list(run.when_needed(only_skipped, start)) == only_skipped
    assert started == []
    items = [Skipped("a"), Document("b", GOOD, "utf-8"), ReadError("c", "no such file")]
    out = list(run.when_needed(items, start))
    assert started == [1]
    assert out[0] == items[0] and out[1].source == "b" and out[2] == items[2]
    assert [f.value for f in out[1].figures] == [300]


# --- executing ------------------------------------------------------------------------------------------------


def test_bad_input_among_good_ones_keeps_the_good_output_and_fails(folder, tmp_path, capsys):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    req = Request(paths=[str(folder / "a.txt"), str(binary), str(folder / "missing.txt"), str(folder / "sub")],
                  jobs=1)
    said, say = collect()
    assert run.execute(req, say) is Outcome.failed_input
    out = capsys.readouterr().out.splitlines()
    assert [Path(json.loads(line)["source"]).name for line in out] == ["a.txt", "b.txt"]
    assert said == [f"{binary}: binary file (holds NUL bytes)", f"{folder / 'missing.txt'}: no such file"]


def test_execute_twice_in_one_process_gives_the_same_run(folder, tmp_path, capsys):
    before = signal.getsignal(signal.SIGTERM)
    results = []
    for _ in range(2):
        out = tmp_path / "out.jsonl"
        said, say = collect()
        outcome = run.execute(Request(paths=[str(folder)], output=out, jobs=1), say)
        results.append((outcome, out.read_text(encoding="utf-8"), said, capsys.readouterr()))
        out.unlink()
    assert results[0] == results[1]
    assert results[0][0] is Outcome.ok and results[0][1].count("\n") == 2 and results[0][2] == []
    assert signal.getsignal(signal.SIGTERM) == before, "the SIGTERM handler is put back"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"], "no temporary file left"


def test_usage_errors_leave_no_output_file(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    said, say = collect()
    assert run.execute(Request(paths=[str(folder)], output=out, model="no_such_model_xyz"), say) is Outcome.usage
    assert len(said) == 1 and said[0].startswith("cannot load spaCy model 'no_such_model_xyz'")
    said.clear()
    assert run.execute(Request(paths=[str(folder)], fmt="html"), say) is Outcome.usage
    assert said == ["2 inputs make 2 HTML pages: give a directory with -o DIR"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_a_late_model_failure_is_a_usage_error(folder, tmp_path):
    """--db loads the model only for an input to extract; a folder that names the model but holds no
    weights fails then, as a usage error, and the database keeps nothing of it."""
    folder_model = tmp_path / "no-weights"
    folder_model.mkdir()
    (folder_model / "meta.json").write_text(json.dumps({"lang": "en", "name": "x", "version": "1"}),
                                            encoding="utf-8")
    db = tmp_path / "f.db"
    said, say = collect()
    assert run.execute(Request(paths=[str(folder)], db=db, model=str(folder_model)), say) is Outcome.usage
    assert len(said) == 1 and said[0].startswith("cannot load spaCy model")
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone() == (0,)


# --- --db: what is skipped ------------------------------------------------------------------------------------


def stored(db: Path) -> dict[str, tuple]:
    c = sqlite3.connect(db)
    rows = {Path(source).name: (rowid, model, version, factx)
            for source, rowid, model, version, factx in
            c.execute("SELECT source, id, model, model_version, factx_version FROM articles")}
    assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    c.close()
    return rows


def db_run(db: Path, paths: list[str], **options) -> tuple[Outcome, list[str]]:
    said, say = collect()
    return run.execute(Request(paths=paths, db=db, jobs=1, **options), say), said


def figure_texts(db: Path) -> dict[str, list[str]]:
    c = sqlite3.connect(db)
    out: dict[str, list[str]] = {}
    for source, text in c.execute("SELECT a.source, f.text FROM articles a LEFT JOIN figures f "
                                  "ON f.article_id = a.id ORDER BY a.source, f.rowid"):
        out.setdefault(Path(source).name, []).extend([text] if text else [])
    c.close()
    return out


def tamper(db: Path, sql: str) -> None:
    """Change the stored rows the way another factx or model might have left them."""
    c = sqlite3.connect(db)
    c.execute("PRAGMA foreign_keys = ON")
    c.execute(sql)
    c.commit()
    c.close()


def test_db_skips_only_what_this_factx_and_model_stored(folder, tmp_path, extractor):
    db = tmp_path / "f.db"
    outcome, said = db_run(db, [str(folder)])
    assert outcome is Outcome.ok and said == [f"{db}: 2 article(s) stored, 0 unchanged input(s) skipped"]
    first, figures = stored(db), figure_texts(db)
    assert figures == {"a.txt": ["300"], "b.txt": []}
    assert {name: row[1:] for name, row in first.items()} == {
        name: (extractor.info.name, extractor.info.version, __version__) for name in ("a.txt", "b.txt")}
    # the same factx and model: nothing extracted again (a tampered row stays as it is)
    tamper(db, "DELETE FROM figures")
    outcome, said = db_run(db, [str(folder)])
    assert said == [f"{db}: 0 article(s) stored, 2 unchanged input(s) skipped"]
    assert stored(db) == first and figure_texts(db) == {"a.txt": [], "b.txt": []}
    # an article stored by another factx version is extracted again and replaced; the other is kept
    tamper(db, "UPDATE articles SET factx_version = '0.0.1' WHERE source LIKE '%a.txt'")
    outcome, said = db_run(db, [str(folder)])
    assert said == [f"{db}: 1 article(s) stored, 1 unchanged input(s) skipped"]
    again = stored(db)
    assert again["b.txt"] == first["b.txt"] and again["a.txt"][1:] == first["a.txt"][1:]
    assert figure_texts(db) == figures
    # --force: everything again, each article replacing its rows (one article row per source)
    tamper(db, "DELETE FROM figures")
    tamper(db, "UPDATE articles SET model_version = 'old'")
    outcome, said = db_run(db, [str(folder)], force=True)
    assert outcome is Outcome.ok and said == [f"{db}: 2 article(s) stored, 0 unchanged input(s) skipped"]
    assert {n: r[1:] for n, r in stored(db).items()} == {n: r[1:] for n, r in first.items()}
    assert figure_texts(db) == figures


def test_db_extracts_again_with_another_model_version(folder, tmp_path, extractor):
    """A copy of the real model whose meta.json says another version: its articles replace the old ones."""
    model = tmp_path / "model"
    shutil.copytree(extractor.nlp.path, model)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    (model / "meta.json").write_text(json.dumps({**meta, "version": meta["version"] + "-b"}), encoding="utf-8")
    db = tmp_path / "f.db"
    db_run(db, [str(folder)])
    before = stored(db)
    outcome, said = db_run(db, [str(folder)], model=str(model))
    assert outcome is Outcome.ok and said == [f"{db}: 2 article(s) stored, 0 unchanged input(s) skipped"]
    after = stored(db)
    assert {n: r[2] for n, r in after.items()} == {"a.txt": meta["version"] + "-b", "b.txt": meta["version"] + "-b"}
    assert {n: r[1] for n, r in after.items()} == {n: r[1] for n, r in before.items()}, "same model name"
    assert figure_texts(db) == {"a.txt": ["300"], "b.txt": []}
    # and with that model again, all is skipped; the original model then extracts both again
    assert db_run(db, [str(folder)], model=str(model))[1] == [f"{db}: 0 article(s) stored, 2 unchanged input(s) "
                                                               "skipped"]
    assert db_run(db, [str(folder)])[1] == [f"{db}: 2 article(s) stored, 0 unchanged input(s) skipped"]
    assert {n: r[2] for n, r in stored(db).items()} == {"a.txt": meta["version"], "b.txt": meta["version"]}


def test_model_name_default_is_planned_the_same_way(extractor):
    assert model_name(None) == extractor.name


def test_db_on_dask_sends_only_what_is_left_to_do(folder, tmp_path):
    """--scheduler: the workers read the inputs, so the client asks the database first."""
    db = tmp_path / "f.db"
    db_run(db, [str(folder)])
    before = stored(db)
    (folder / "a.txt").write_text(GOOD.replace("300", "400"), encoding="utf-8")
    outcome, said = db_run(db, [str(folder)], scheduler="local")
    assert outcome is Outcome.ok and said == [f"{db}: 1 article(s) stored, 1 unchanged input(s) skipped"]
    assert stored(db)["b.txt"] == before["b.txt"]
    assert figure_texts(db) == {"a.txt": ["400"], "b.txt": []}


def test_db_on_dask_with_all_stored_connects_to_no_cluster(folder, tmp_path):
    """Every input stored: the client asks the database and is done; the scheduler given is never reached
    (nothing listens at that address: connecting would be a usage error)."""
    db = tmp_path / "f.db"
    db_run(db, [str(folder)])
    outcome, said = db_run(db, [str(folder)], scheduler="tcp://127.0.0.1:9")
    assert outcome is Outcome.ok and said == [f"{db}: 0 article(s) stored, 2 unchanged input(s) skipped"]
    (folder / "a.txt").write_text(GOOD.replace("300", "400"), encoding="utf-8")
    outcome, said = db_run(db, [str(folder)], scheduler="tcp://127.0.0.1:9")
    assert outcome is Outcome.usage and said[0].startswith("cannot connect to --scheduler tcp://127.0.0.1:9")
