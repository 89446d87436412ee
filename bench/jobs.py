"""Whole-command scaling: ``factx extract FOLDER --jobs N`` timed as a user runs it, start-up included.

For each run, every ``--jobs`` value is timed in a fresh process (in rotating
order, so a burst of load on a shared machine does not fall on one value),
with the output written to a file; it prints the median wall time per value
and the speed-up of each over the first.  Example (the issue's target is
``--jobs 2`` at least 1.7x ``--jobs 1`` on PolNeAR dev)::

    uv run python bench/jobs.py ../shared/data/polnear/dev/text --jobs 1 2 --runs 3
    uv run python bench/jobs.py ../shared/data/polnear/dev/text --jobs 2 --scheduler local
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as after an install


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scheduler", default=None, help="also pass --scheduler (e.g. local)")
    args = ap.parse_args()
    extra = ["--scheduler", args.scheduler] if args.scheduler else []
    times: dict[int, list[float]] = {j: [] for j in args.jobs}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        for run in range(args.runs):
            order = args.jobs[run % len(args.jobs):] + args.jobs[:run % len(args.jobs)]
            for jobs in order:
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "factx", "extract", str(args.folder), "--jobs", str(jobs),
                                "-o", str(out), "--no-progress", *extra], check=False, env=ENV)
                times[jobs].append(time.perf_counter() - start)
                print(f"run {run + 1}: --jobs {jobs}: {times[jobs][-1]:.1f} s", flush=True)
        size = out.stat().st_size if out.exists() else 0
    base = statistics.median(times[args.jobs[0]])
    for jobs, ts in times.items():
        med = statistics.median(ts)
        print(f"--jobs {jobs}: median {med:.1f} s, {base / med:.2f}x --jobs {args.jobs[0]}")
    print(f"output: {size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
