"""Throughput of factx against the bare spaCy pipeline, on the same texts, in one run.

For each ``--jobs`` value it times, over every ``.txt`` file of a folder:

* bare spaCy: ``spacy.load(model)`` with its full default pipeline and
  ``nlp.pipe(texts, n_process=jobs)``, nothing else;
* factx: the same texts through factx's own path (``Extractor.run`` or the
  worker pool for ``jobs > 1``), each article rendered to a JSON line as the
  CLI does;

and prints words per second (whitespace-separated words of the input) for
both and their ratio.  Each measurement includes starting its processes and
loading its model.  Example::

    uv run python bench/bench.py ../shared/data/polnear/train/text --jobs 1 2
"""

from __future__ import annotations

import argparse
import os
import platform
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="folder of .txt files (searched recursively)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts to measure")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: factx's default)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N files")
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest is kept")
    args = ap.parse_args()

    from factx.pipeline import model_name

    model = model_name(args.model)
    paths = sorted(args.folder.rglob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    texts = [p.read_bytes().decode("utf-8", errors="replace") for p in paths]
    words = sum(len(t.split()) for t in texts)
    cpu = platform.processor() or platform.machine()
    print(f"corpus: {args.folder} ({len(texts)} files, {words:,} words); model {model}")
    print(f"machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {sys.platform}")
    print()
    print(f"{'jobs':>4}  {'spaCy words/s':>14}  {'factx words/s':>14}  {'ratio':>6}")
    factx_rate: dict[int, float] = {}
    for jobs in args.jobs:
        t_bare = min(bare_spacy(texts, model, jobs) for _ in range(args.repeat))
        t_factx = min(factx_run(texts, model, jobs) for _ in range(args.repeat))
        factx_rate[jobs] = words / t_factx
        print(f"{jobs:>4}  {words / t_bare:>14,.0f}  {words / t_factx:>14,.0f}  {t_bare / t_factx:>6.3f}",
              flush=True)
    if 1 in factx_rate and len(factx_rate) > 1:
        print()
        for jobs, rate in factx_rate.items():
            if jobs != 1:
                print(f"factx --jobs {jobs} / --jobs 1: {rate / factx_rate[1]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
