"""Throughput of factx against the bare spaCy pipeline, on the same texts, in one run.

For each ``--jobs`` value it times, over every ``.txt`` file of a folder:

* bare spaCy: ``spacy.load(model)`` with its full default pipeline and
  ``nlp.pipe(texts, n_process=jobs)``, nothing else;
* factx: the same texts through factx's own path (``Extractor.run`` or the
  worker pool for ``jobs > 1``), each article rendered to a JSON line as the
  CLI does;

* with ``--scheduler local`` (or a scheduler's address), factx on Dask as
  ``factx extract --scheduler`` runs it: the workers read the files
  themselves (``factx.dask.run``); with ``local`` a ``LocalCluster`` of
  ``jobs`` worker processes is started and stopped inside the measurement;

and prints words per second (whitespace-separated words of the input) for
each and the ratios.  Each measurement includes starting its processes and
loading its model, and runs in a fresh Python process (this script again,
with ``--one``), so that no run inherits another's state: ``multiprocessing``
keeps one forkserver per process, and the first run to start it would set
what every later run's workers find imported.  ``--no-spacy`` leaves the
bare spaCy runs out.  Examples::

    uv run python bench/bench.py ../shared/data/polnear/train/text --jobs 1 2
    uv run python bench/bench.py ../shared/data/polnear/train/text --jobs 2 --scheduler local --no-spacy
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path


def bare_spacy(texts: list[str], model: str, jobs: int) -> float:
    import spacy

    start = time.perf_counter()
    nlp = spacy.load(model)
    for _ in nlp.pipe(texts, n_process=jobs, batch_size=8):
        pass
    return time.perf_counter() - start


def factx_run(texts: list[str], model: str, jobs: int) -> float:
    from factx.pipeline import ExtractError, Extractor, run_parallel
    from factx.reader import Document, ReadError
    from factx.render import to_json

    start = time.perf_counter()
    docs = (Document(f"t{i}", t, "utf-8") for i, t in enumerate(texts))
    results = Extractor(model).run(docs) if jobs == 1 else run_parallel(docs, model, jobs)
    failed = 0
    for article in results:
        if isinstance(article, ReadError | ExtractError):
            failed += 1
        else:
            to_json(article)
    if failed:
        print(f"  ({failed} input(s) failed in factx)", file=sys.stderr)
    return time.perf_counter() - start


def dask_run(paths: list[Path], model: str, jobs: int, scheduler: str) -> float:
    from factx.dask import close, connect, run
    from factx.pipeline import ExtractError
    from factx.reader import ReadError
    from factx.render import to_json

    start = time.perf_counter()
    client, cluster = connect(scheduler, jobs)
    try:
        failed = 0
        for article in run([str(p) for p in paths], model, client):
            if isinstance(article, ReadError | ExtractError):
                failed += 1
            else:
                to_json(article)
    finally:
        close(client, cluster)
    if failed:
        print(f"  ({failed} input(s) failed in factx on Dask)", file=sys.stderr)
    return time.perf_counter() - start


def cpu_timed(fn, *args) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(wall seconds, CPU seconds of this process and every process under it) of ``fn(*args)``.

    Worker processes are not all our children (a forkserver's are its own), so
    a thread samples the CPU time of every descendant every 0.2 s and keeps
    each one's last reading; on a shared machine CPU time is much steadier
    than wall time.
    """
    import threading

    import psutil

    me = psutil.Process()
    seen: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.2):
            for p in me.children(recursive=True):
                try:
                    t = p.cpu_times()
                    seen[p.pid] = t.user + t.system
                except psutil.Error:
                    pass

    before = sum(me.cpu_times()[:2])
    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    wall = fn(*args)
    stop.set()
    thread.join()
    return wall, sum(me.cpu_times()[:2]) - before + sum(seen.values())


def measure(mode: str, args: argparse.Namespace, model: str, jobs: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``mode`` (spacy, factx or dask), in a fresh process."""
    cmd = [sys.executable, __file__, str(args.folder), "--one", mode, "--jobs", str(jobs), "--model", model,
           "--limit", str(args.limit)]
    if args.scheduler:
        cmd += ["--scheduler", args.scheduler]
    out = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True).stdout
    wall, cpu = json.loads(out.splitlines()[-1])
    return wall, cpu


def one(mode: str, paths: list[Path], texts: list[str], model: str, jobs: int, scheduler: str | None) -> int:
    """``--one``: run one measurement here and print ``[wall, cpu]`` as the last line of stdout."""
    import spacy  # noqa: F401  (imported before the clock starts, in every mode alike)

    if mode == "spacy":
        wall, cpu = cpu_timed(bare_spacy, texts, model, jobs)
    elif mode == "factx":
        wall, cpu = cpu_timed(factx_run, texts, model, jobs)
    else:
        wall, cpu = cpu_timed(dask_run, paths, model, jobs, scheduler)
    print(json.dumps([wall, cpu]))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="folder of .txt files (searched recursively)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts to measure")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: factx's default)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N files")
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest is kept")
    ap.add_argument("--scheduler", default=None, help="also measure factx on Dask: 'local' or an address")
    ap.add_argument("--no-spacy", action="store_true", help="leave out the bare spaCy runs")
    ap.add_argument("--one", choices=["spacy", "factx", "dask"], help=argparse.SUPPRESS)  # see ``measure``
    args = ap.parse_args()

    from factx.pipeline import model_name

    model = model_name(args.model)
    paths = sorted(args.folder.rglob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    texts = [p.read_bytes().decode("utf-8", errors="replace") for p in paths]
    if args.one:
        return one(args.one, paths, texts, model, args.jobs[0], args.scheduler)
    words = sum(len(t.split()) for t in texts)
    cpu = platform.processor() or platform.machine()
    print(f"corpus: {args.folder} ({len(texts)} files, {words:,} words); model {model}")
    print(f"machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {sys.platform}")
    print()
    dask_head = f"  {'Dask words/s':>14}  {'Dask/factx':>10}" if args.scheduler else ""
    print(f"{'jobs':>4}  {'spaCy words/s':>14}  {'factx words/s':>14}  {'ratio':>6}{dask_head}")
    factx_rate: dict[int, float] = {}
    for jobs in args.jobs:
        t_bare = None if args.no_spacy else min(measure("spacy", args, model, jobs)[0] for _ in range(args.repeat))
        # factx and factx on Dask take turns, so a burst of load on a shared machine hits both
        runs: dict[str, list[tuple[float, float]]] = {"factx": [], "dask": []}
        for _ in range(args.repeat):
            runs["factx"].append(measure("factx", args, model, jobs))
            if args.scheduler:
                runs["dask"].append(measure("dask", args, model, jobs))
        t_factx = min(w for w, _ in runs["factx"])
        factx_rate[jobs] = words / t_factx
        bare_rate = f"{words / t_bare:>14,.0f}" if t_bare else f"{'-':>14}"
        ratio = f"{t_bare / t_factx:>6.3f}" if t_bare else f"{'-':>6}"
        line = f"{jobs:>4}  {bare_rate}  {words / t_factx:>14,.0f}  {ratio}"
        if args.scheduler:
            t_dask = min(w for w, _ in runs["dask"])
            line += f"  {words / t_dask:>14,.0f}  {t_factx / t_dask:>10.3f}"
            cpu_factx, cpu_dask = (min(c for _, c in runs[k]) for k in ("factx", "dask"))
            line += (f"\n      CPU seconds, all processes: factx {cpu_factx:.1f}, Dask {cpu_dask:.1f} "
                     f"(factx/Dask {cpu_factx / cpu_dask:.3f}: the ratio an idle machine would show)")
        print(line, flush=True)
    if 1 in factx_rate and len(factx_rate) > 1:
        print()
        for jobs, rate in factx_rate.items():
            if jobs != 1:
                print(f"factx --jobs {jobs} / --jobs 1: {rate / factx_rate[1]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
