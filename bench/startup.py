"""Start-up cost of one article: ``factx extract FILE`` against loading the model and parsing FILE.

Each pair runs, in fresh processes and in alternating order:

* factx: ``python -m factx extract FILE`` (output to /dev/null), the whole
  command as a user runs it;
* reference: a Python process that imports spaCy, loads the same model with
  ``spacy.load`` and parses the same file with ``nlp(text)``, nothing else.

It prints the median wall time of each and the median of the per-pair ratios
(factx / reference); the issue's target is at most 1.15.  The CPU-time ratio
is printed too: on a busy machine it is steadier than wall time.  Example::

    uv run python bench/startup.py data/samples/hmeimim.txt --runs 9
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REFERENCE = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
doc = nlp(open(sys.argv[2], encoding="utf-8").read())
"""


# Both sides run with bytecode caching on, as after any install (pip and uv
# compile or cache it): with PYTHONDONTWRITEBYTECODE set, every run would
# recompile each module's source and time the compiler instead.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one run of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", type=Path, nargs="?", default=Path("data/samples/hmeimim.txt"))
    ap.add_argument("--runs", type=int, default=9, help="paired runs (default 9)")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: factx's default)")
    args = ap.parse_args()

    from factx.pipeline import model_name

    model = model_name(args.model)
    factx_cmd = [sys.executable, "-m", "factx", "extract", str(args.file), "--model", model]
    ref_cmd = [sys.executable, "-c", REFERENCE, model, str(args.file)]
    timed(factx_cmd), timed(ref_cmd)  # warm the file cache and write the bytecode caches
    fx, ref, ratios, cpu_ratios = [], [], [], []
    for i in range(args.runs):
        if i % 2:
            r, rc = timed(ref_cmd)
            f, fc = timed(factx_cmd)
        else:
            f, fc = timed(factx_cmd)
            r, rc = timed(ref_cmd)
        fx.append(f)
        ref.append(r)
        ratios.append(f / r)
        cpu_ratios.append(fc / rc)
        print(f"run {i + 1}: factx {f:.3f} s, reference {r:.3f} s, ratio {f / r:.3f} "
              f"(CPU {fc:.3f} s / {rc:.3f} s = {fc / rc:.3f})", flush=True)
    print(f"median: factx {statistics.median(fx):.3f} s, reference {statistics.median(ref):.3f} s, "
          f"median ratio {statistics.median(ratios):.3f} (target <= 1.15); "
          f"median CPU ratio {statistics.median(cpu_ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
