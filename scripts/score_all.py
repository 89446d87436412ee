"""Run factx on every shared dev set and print the headline of each scorer, one line each.

Why: every change is judged on all dev sets at once (a rule that helps one set and costs
another is fitted to it), so one command gives the whole picture, on the original texts or
on copies rewrapped at a width (``--wrap 72``: a space before the limit becomes a line
break, so every gold offset still holds).

    uv run python scripts/score_all.py                  # all sets
    uv run python scripts/score_all.py --sets web,seed  # some of them
    uv run python scripts/score_all.py --wrap 72        # the same on rewrapped copies
    uv run python scripts/score_all.py --tables         # the scorers' whole tables too

Sets: seed, dev10, conll, pdev, web, timeml. The shared folder is ``../shared`` (``--shared``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rewrap(text: str, width: int) -> str:
    """Hard-wrap each line at ``width`` by turning the last space before the limit into a newline.

    Only spaces change (to line breaks), so the text keeps its length and every offset holds.
    """
    out = list(text)
    line_start = 0
    last_space = -1
    for i, ch in enumerate(text):
        if ch == "\n":
            line_start = i + 1
            last_space = -1
            continue
        if ch == " ":
            last_space = i
        if i - line_start >= width and last_space > line_start:
            out[last_space] = "\n"
            line_start = last_space + 1
            last_space = -1
    return "".join(out)


def _copy_texts(files: list[Path], dest: Path, width: int | None) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    copies = []
    for f in files:
        target = dest / f.name
        if width:
            text = f.read_text(encoding="utf-8")
            target.write_text(rewrap(text, width), encoding="utf-8")
        else:
            shutil.copyfile(f, target)
        copies.append(target)
    return copies


def _extract(files: list[Path], out: Path, jobs: int) -> None:
    cmd = [sys.executable, "-m", "factx", "extract", "--jobs", str(jobs), "--no-progress", *map(str, files)]
    with out.open("w") as fh:
        subprocess.run(cmd, stdout=fh, check=False, cwd=ROOT)


def _score(kind: str, gold: list[str], pred: Path, extra: list[str] | None = None) -> dict:
    """A scorer's metrics as its --json prints them."""
    cmd = [sys.executable, str(SHARED / "eval" / f"score_{kind}.py"), "--json", "--pred", str(pred)]
    for g in gold:
        cmd += ["--gold", g]
    cmd += extra or []
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    try:
        return json.JSONDecoder().raw_decode(res.stdout.strip())[0]  # the quote scorer adds its headline line
    except (json.JSONDecodeError, ValueError):
        return {"error": (res.stderr or res.stdout)[-400:]}


def _table(kind: str, gold: list[str], pred: Path, extra: list[str] | None = None) -> str:
    cmd = [sys.executable, str(SHARED / "eval" / f"score_{kind}.py"), "--pred", str(pred)]
    for g in gold:
        cmd += ["--gold", g]
    cmd += extra or []
    return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout


def _f(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def _entities_line(r: dict) -> str:
    if "error" in r:
        return "entities ERROR " + r["error"]
    pp = r["people_places"]["f1"]
    org = r["organizations"]["f1"]
    return f"entities  people+places {_f(pp)}  organizations {_f(org)}"


def _figures_line(r: dict) -> str:
    if "error" in r:
        return "figures ERROR " + r["error"]
    return (
        f"figures   F1 {_f(r['figure']['f1'])}  complete {_f(r['complete']['f1'])}  "
        f"counted acc {_f(r['counted_accuracy'])}  unit acc {_f(r['unit_accuracy'])}"
    )


def _quotes_line(r: dict, label: str = "quotes") -> str:
    if "error" in r:
        return f"{label} ERROR " + r["error"]
    c = r["counts"]
    return (
        f"{label:<9} attributed P {_f(r['attributed']['precision'])} R {_f(r['attributed']['recall'])} "
        f"F1 {_f(r['attributed']['f1'])} ({c['attributed']})  resolved {_f(r.get('resolution_accuracy'))} "
        f"({c.get('resolved')}/{c.get('named')})"
    )


def _times_line(table: str) -> str:
    """The times scorer prints no JSON: read its table (strict, relaxed, type, value)."""
    got = {}
    for line in table.splitlines():
        for key in ("strict", "relaxed", "type accuracy", "value accuracy", "value  "):
            if line.startswith(key):
                nums = [w for w in line[22:].split() if w.replace(".", "", 1).isdigit()]
                got[key.strip()] = nums[2] if key in ("strict", "relaxed", "value  ") else nums[0]
    if not got:
        return "times ERROR " + table[-300:]
    return (
        f"times     strict F1 {got.get('strict')}  relaxed F1 {got.get('relaxed')}  "
        f"type acc {got.get('type accuracy')}  value acc {got.get('value accuracy')}  value F1 {got.get('value')}"
    )


# ../shared beside the checkout, or beside the folder of worktrees that holds it
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "eval").is_dir()), ROOT.parent / "shared")


def main() -> None:
    global SHARED
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="seed,dev10,conll,pdev,web,timeml")
    ap.add_argument("--wrap", type=int, default=0, help="rewrap every text at this width first")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--tables", action="store_true", help="print the scorers' tables too")
    ap.add_argument("--keep", type=Path, help="keep the predictions in this folder")
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args()
    SHARED = args.shared.resolve()
    data = SHARED / "data"
    sets = args.sets.split(",")
    work = Path(tempfile.mkdtemp(prefix="factx-score-"))
    keep = args.keep or work
    keep.mkdir(parents=True, exist_ok=True)
    tag = f" (wrapped at {args.wrap})" if args.wrap else ""

    def run(name: str, files: list[Path]) -> Path:
        copies = _copy_texts(files, work / name, args.wrap or None)
        pred = keep / f"{name}.jsonl"
        _extract(copies, pred, args.jobs)
        return pred

    out: list[str] = []

    def emit(line: str) -> None:
        out.append(line)
        print(line, flush=True)

    for s in sets:
        if s == "seed":
            pred = run("seed", [data / "seed" / "hmeimim.txt"])
            gold = [str(data / "seed")]
            emit(f"[seed{tag}]")
            emit("  " + _figures_line(_score("figures", gold, pred)))
            emit("  " + _entities_line(_score("entities", gold, pred)))
            emit("  " + _quotes_line(_score("quotes", gold, pred)))
        elif s == "dev10":
            names = (SHARED / "eval" / "dev_docs.txt").read_text().split()
            pred = run("dev10", [data / "polnear" / "train" / "text" / n for n in names])
            gold = [str(SHARED / "eval" / "gold")]
            emit(f"[dev10{tag}]")
            emit("  " + _figures_line(_score("figures", gold, pred, ["--text-dir", str(work / "dev10")])))
            emit("  " + _entities_line(_score("entities", gold, pred)))
        elif s == "conll":
            pred = run("conll", sorted((data / "conll2003" / "dev").glob("*.txt")))
            gold = [str(data / "conll2003" / "dev")]
            emit(f"[conll dev{tag}]")
            emit("  " + _entities_line(_score("entities", gold, pred)))
            emit("  " + _figures_line(_score("figures", gold, pred)))
            emit("  " + _quotes_line(_score("quotes", gold, pred)))
        elif s == "conlltrain":  # studied, not a target: says whether a rule fitted to dev holds elsewhere
            pred = run("conlltrain", sorted((data / "conll2003" / "train").glob("*.txt")))
            gold = [str(data / "conll2003" / "train")]
            emit(f"[conll train{tag}]")
            emit("  " + _entities_line(_score("entities", gold, pred)))
        elif s == "pdev":
            pred = run("pdev", sorted((data / "polnear" / "dev" / "text").glob("*.txt")))
            gold = [str(data / "polnear" / "dev")]
            emit(f"[polnear dev{tag}]")
            emit("  " + _quotes_line(_score("quotes", gold, pred), "all"))
            emit("  " + _quotes_line(_score("quotes", gold, pred, ["--speech-only"]), "speech"))
            emit("  " + _quotes_line(_score("quotes", gold, pred, ["--direct-only"]), "direct"))
        elif s == "web":
            pred = run("web", sorted((data / "web").glob("*.txt")))
            gold = [str(data / "web")]
            emit(f"[web{tag}]")
            emit("  " + _entities_line(_score("entities", gold, pred)))
            emit("  " + _figures_line(_score("figures", gold, pred)))
            emit("  " + _quotes_line(_score("quotes", gold, pred)))
        elif s == "timeml":
            pred = run("timeml", sorted((data / "timeml").glob("*.txt")))
            gold = [str(data / "timeml")]
            emit(f"[timeml{tag}]")
            emit("  " + _times_line(_table("times", gold, pred)))
        else:
            emit(f"unknown set {s!r}")
            continue
        if args.tables:
            kinds = {"seed": "figures entities quotes", "dev10": "figures entities", "conll": "entities figures quotes",
                     "pdev": "quotes", "web": "entities figures quotes", "timeml": "times"}[s]
            for k in kinds.split():
                print(_table(k, gold, pred), flush=True)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
