"""The extraction on a real Dask cluster: same bytes as a plain run, faults, resumable parts, extract_bag.

Every test runs real workers: a ``LocalCluster`` with two worker processes, or
a ``dask scheduler`` and two ``dask worker`` processes started here on
127.0.0.1.  Dask is a dev dependency: without it these tests fail (they are
never skipped).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import dask.bag as db
import psutil
import pytest
from conftest import SEED_TEXT, as_from_terminal
from distributed import Client, LocalCluster

import factx.dask
from factx.pipeline import ExtractError, model_name
from factx.reader import ReadError, iter_paths
from factx.render import to_json

# Short news-like paragraphs written for these tests, combined into many small articles.
PARAGRAPHS = [
    'Mayor Ana Ruiz said on Tuesday that 1,200 homes had lost power after the storm. "Crews are working '
    'through the night," she said.',
    "The company reported revenue of $4.5 billion, up 12 percent from a year earlier, according to a "
    "statement from its chief executive, Tom Becker.",
    'Health officials in Lagos confirmed 37 new cases. "We expect the number to rise," said Dr. Musa Bello, '
    "the city's health commissioner.",
    "About 300 people gathered outside parliament in Ottawa on Saturday, police said.",
    "The United Nations said between 50 and 60 trucks of aid had crossed the border, while the Red Cross "
    "warned that supplies would last only four days.",
    'Senator Claire Dubois told reporters that the bill "will not pass in its current form."',
]


def _article(i: int) -> str:
    picks = [PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(1 + i % 3)]
    return "\n\n".join(picks) + "\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A folder of mixed inputs: short articles, the seed article, a binary file, legacy and UTF-16 encodings,
    an empty file, a nested folder."""
    d = tmp_path_factory.mktemp("mixed")
    (d / "sub").mkdir()
    for i in range(30):
        (d / ("sub" if i % 4 == 0 else ".") / f"n{i:02d}.txt").write_text(_article(i), encoding="utf-8")
    (d / "seed.txt").write_bytes(SEED_TEXT.read_bytes())
    (d / "n07b.txt").write_bytes(b"\x00\x01\x02\x03 not text \x00")  # a bad input mid-run
    (d / "sub" / "cafe.txt").write_bytes("Café owners in Zürich said prices rose 5 percent.\n".encode("cp1252"))
    (d / "utf16.txt").write_bytes("The minister said 20 schools would reopen.\n".encode("utf-16"))
    (d / "empty.txt").write_bytes(b"")
    return d


def _factx(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx", "extract", *args], capture_output=True, timeout=timeout)


def _errors(stderr: bytes) -> set[str]:
    """The one-line diagnostics about inputs (``factx: SOURCE: reason``)."""
    return {line for line in stderr.decode().splitlines() if line.startswith("factx: ")}


@pytest.fixture(scope="module")
def plain(corpus) -> subprocess.CompletedProcess:
    r = _factx(str(corpus), "--jobs", "1")
    assert r.returncode == 1
    assert "n07b.txt: binary file" in r.stderr.decode()
    return r


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c, \
            Client(c) as client:
        yield c, client


def test_local_cluster_gives_the_plain_run_bytes(corpus, plain):
    r = _factx(str(corpus), "--scheduler", "local", "--jobs", "2")
    assert r.returncode == 1
    assert r.stdout == plain.stdout
    # the same lines on stderr (the note on the guessed encoding comes when its result does), nothing else
    assert sorted(r.stderr.decode().splitlines()) == sorted(plain.stderr.decode().splitlines())


def test_reading_options_reach_the_workers(corpus, tmp_path):
    """--include-text and --format html mean on a cluster what they mean without one (workers read the inputs)."""
    paths = [str(corpus / "seed.txt"), str(corpus / "n01.txt")]
    local = _factx(*paths, "--include-text", "--jobs", "1")
    on_dask = _factx(*paths, "--include-text", "--scheduler", "local", "--jobs", "2")
    assert local.returncode == on_dask.returncode == 0, on_dask.stderr
    assert on_dask.stdout == local.stdout
    records = [json.loads(line) for line in on_dask.stdout.decode().splitlines()]
    assert [r["text"] for r in records] == [Path(p).read_text(encoding="utf-8") for p in paths]
    pages = {}
    for name, extra in (("local", ["--jobs", "1"]), ("dask", ["--scheduler", "local", "--jobs", "2"])):
        out = tmp_path / name
        out.mkdir()
        r = _factx(*paths, "--format", "html", "-o", str(out), *extra)
        assert r.returncode == 0, r.stderr
        pages[name] = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(pages["dask"]) == ["index.html", "n01.html", "seed.html"]
    assert pages["dask"] == pages["local"]


def test_model_loaded_once_per_worker(corpus, cluster):
    _, client = cluster
    items = list(iter_paths([str(corpus)]))
    results = list(factx.dask.run(items, model_name(), client, batch_size=2))
    assert len(results) == len(items)
    # every worker ran several batches, and built its Extractor (the model load) once
    loads = client.run(lambda: __import__("factx.pipeline").pipeline._shared.cache_info().misses)
    assert sorted(loads.values()) == [1, 1]


def test_extract_bag(corpus, cluster, plain):
    paths = [p for p in iter_paths([str(corpus)]) if isinstance(p, str)]
    records = factx.dask.extract_bag(db.from_sequence(paths, npartitions=4), paths=True).compute()
    expected = [json.loads(line) for line in plain.stdout.decode().splitlines()]
    assert [r for r in records if "error" not in r] == expected
    assert [r for r in records if "error" in r] == [
        {"source": str(corpus / "n07b.txt"), "error": "binary file (holds NUL bytes)"}]
    texts = db.from_sequence([("note", PARAGRAPHS[0]), PARAGRAPHS[2]], npartitions=2)
    first, second = factx.dask.extract_bag(texts).compute()
    assert first["source"] == "note" and first["quotes"][0]["speaker"]["name"] == "Ana Ruiz"
    assert second["source"] == "-" and second["length"] == len(PARAGRAPHS[2])


def _run_killing_a_worker(client, items, batch_size):
    """Run over the cluster and SIGKILL one worker process as soon as the first result is in."""
    results = []
    for result in factx.dask.run(items, model_name(), client, batch_size=batch_size):
        results.append(result)
        if len(results) == 1:
            pids = client.run(os.getpid)
            os.kill(next(iter(pids.values())), signal.SIGKILL)
    return results


def _assert_same_as_plain(results, items, plain):
    """One result per input, in input order, and the articles' JSON as the plain run's."""
    assert [r.source for r in results] == [i if isinstance(i, str) else i.source for i in items]
    lines = [to_json(r) for r in results if not isinstance(r, ReadError | ExtractError)]
    assert "\n".join(lines) + "\n" == plain.stdout.decode()


def test_killed_worker_loses_nothing(corpus, cluster, plain):
    """Kill a worker process mid-run: its batches run again elsewhere; every input appears exactly once."""
    _, client = cluster
    items = list(iter_paths([str(corpus)]))
    results = _run_killing_a_worker(client, items, batch_size=2)
    _assert_same_as_plain(results, items, plain)
    assert [r.source for r in results if isinstance(r, ReadError | ExtractError)] == [str(corpus / "n07b.txt")]


def test_batch_that_kills_its_workers_is_retried_input_by_input(corpus, plain):
    """With no second chance for a task (allowed-failures 0), killing a worker fails its batches with
    KilledWorker: their inputs are run again one at a time, and the output is still complete and in order."""
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c, \
            Client(c) as client:
        items = list(iter_paths([str(corpus)]))
        sizes = []  # the size of every batch submitted
        submit = client.submit
        client.submit = lambda fn, batch, *a, **k: sizes.append(len(batch)) or submit(fn, batch, *a, **k)
        results = _run_killing_a_worker(client, items, batch_size=4)
    _assert_same_as_plain(results, items, plain)
    assert 1 in sizes, "the killed batches were retried one input at a time"


def _parts(out: Path) -> tuple[list[dict], bytes]:
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    data = b"".join((out / entry["part"]).read_bytes() for entry in sorted(manifest[1:], key=lambda e: e["part"]))
    return manifest, data


def test_interrupted_output_dir_run_resumes_to_the_same_output(corpus, plain, tmp_path):
    out = tmp_path / "out"
    copies = 6  # the folder six times: 210 inputs, 70 parts, so the run is well under way when interrupted
    cmd = [sys.executable, "-m", "factx", "extract", *[str(corpus)] * copies, "--output-dir", str(out),
           "--part-size", "3"]
    proc = subprocess.Popen([*cmd, "--scheduler", "local", "--jobs", "2"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=as_from_terminal)
    while not (out / "part-00001.jsonl").exists():
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.02)
    workers = psutil.Process(proc.pid).children(recursive=True)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C in a terminal: the whole process group, workers included
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err
    assert not list(out.glob(".*.tmp")), "no partial part left"
    _, still_running = psutil.wait_procs(workers, timeout=30)
    assert not still_running, "the cluster started for the run is stopped"
    manifest, _ = _parts(out)
    done = {e["part"]: (out / e["part"]).stat() for e in manifest[1:]}
    assert "part-00001.jsonl" in done and len(done) < 70
    assert sorted(p.name for p in out.glob("part-*")) == sorted(done)

    resumed = subprocess.run(cmd, capture_output=True, timeout=900)  # resumed without a cluster
    assert resumed.returncode in (0, 1)
    assert f"{len(done)} of 70 parts already complete" in resumed.stderr.decode()
    manifest, data = _parts(out)
    assert data == plain.stdout * copies
    listing = [i if isinstance(i, str) else i.source for i in iter_paths([str(corpus)] * copies)]
    assert [i for e in manifest[1:] for i in e["inputs"]] == listing, "every input in exactly one part, in order"
    assert [e["part"] for e in manifest[1:]] == [f"part-{k:05d}.jsonl" for k in range(70)]
    assert sum(e["articles"] for e in manifest[1:]) == 34 * copies
    for name, stat in done.items():  # complete parts were not written again
        assert (out / name).stat().st_mtime_ns == stat.st_mtime_ns and (out / name).stat().st_ino == stat.st_ino

    again = subprocess.run(cmd, capture_output=True, timeout=600)
    assert again.returncode == 0 and "70 of 70 parts already complete" in again.stderr.decode()
    assert _parts(out)[1] == plain.stdout * copies


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dask_scheduler_and_workers_on_localhost(corpus, plain, tmp_path):
    port = _free_port()
    bindir = Path(sys.executable).parent
    address = f"tcp://127.0.0.1:{port}"
    procs = [subprocess.Popen([str(bindir / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(2):
            procs.append(subprocess.Popen([str(bindir / "dask"), "worker", address, "--nthreads", "1",
                                           "--no-dashboard", "--host", "127.0.0.1"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        r = _factx(str(corpus), "--scheduler", address)
        assert r.returncode == 1
        assert r.stdout == plain.stdout
        assert _errors(r.stderr) == _errors(plain.stderr)
        parts = _factx(str(corpus), "--scheduler", address, "--output-dir", str(tmp_path / "out"), "--part-size", "4")
        assert parts.returncode == 1
        assert _parts(tmp_path / "out")[1] == plain.stdout
        assert all(p.poll() is None for p in procs), "a remote cluster is left running"
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            p.wait(timeout=60)


def test_missing_fsspec_backend_is_named(tmp_path):
    r = _factx("s3://some-bucket/news/*.txt")
    assert r.returncode == 1
    assert r.stderr.decode().strip() == ("factx: s3://some-bucket/news/*.txt: reading s3:// URLs needs the fsspec "
                                         "backend s3fs, which is not installed: pip install s3fs")
    (tmp_path / "a.txt").write_text(PARAGRAPHS[3], encoding="utf-8")
    r = _factx(f"file://{tmp_path}/*.txt")
    assert r.returncode == 0
    assert json.loads(r.stdout)["source"] == f"file://{tmp_path}/a.txt"


def test_without_dask_scheduler_says_how_to_install(tmp_path):
    """With Dask hidden from the interpreter, --scheduler is a usage error naming the extra to install."""
    hide = ("import sys\n"
            "class Hide:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in ('dask', 'distributed'):\n"
            "            raise ImportError(name)\n"
            "sys.meta_path.insert(0, Hide())\n"
            "sys.argv = ['factx', 'extract', sys.argv[1], '--scheduler', 'local']\n"
            "from factx.cli import main\n"
            "main()\n")
    (tmp_path / "a.txt").write_text(PARAGRAPHS[3], encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", hide, str(tmp_path / "a.txt")], capture_output=True, timeout=120)
    assert r.returncode == 2
    assert "pip install 'factx[dask]'" in r.stderr.decode()
    assert b"Traceback" not in r.stderr
