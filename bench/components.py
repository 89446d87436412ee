"""Which spaCy components does factx need?  Measured, not guessed.

For each component of the pipeline it reports the CPU time the component
takes on the corpus and what happens to factx's output without it: the
number of figures, entity mentions and quotes that change.  A component
whose removal changes nothing can be dropped; one that changes the output is
needed (and if it is costly, made cheaper instead: see factx/fastpipe.py).

    uv run python bench/components.py ../shared/data/polnear/train/text --limit 60
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def facts(article) -> set[str]:
    """The output reduced to comparable records."""
    data = json.loads(article.model_dump_json())
    out = {f"F{f['start']}:{f['end']}:{f['value']}:{f['unit']}:{f['counted']}" for f in data["figures"]}
    for kind in ("people", "places", "organizations"):
        for ent in data[kind]:
            out |= {f"E{kind}:{m['start']}:{m['end']}:{ent['name']}" for m in ent["mentions"]}
    for q in data["quotes"]:
        spk = q["speaker"] or {}
        out.add(f"Q{q['start']}:{q['end']}:{spk.get('start')}:{spk.get('name')}")
    return out


def run(texts: list[str], model: str, disable: list[str]) -> list[set[str]]:
    from factx.article import build_article
    from factx.models import ModelInfo
    from factx.pipeline import load_nlp

    nlp = load_nlp(model)
    info = ModelInfo(name=model, version="")
    with nlp.select_pipes(disable=disable):
        docs = list(nlp.pipe(texts, batch_size=8))
    return [facts(build_article("t", t, "utf-8", info, [(0, d)])) for t, d in zip(texts, docs, strict=True)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()

    from factx.pipeline import load_nlp, model_name

    model = model_name(args.model)
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.folder.rglob("*.txt"))[: args.limit]]
    nlp = load_nlp(model)
    docs = [nlp.make_doc(t) for t in texts]
    cost: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        start = time.process_time()
        docs = list(proc.pipe(docs, batch_size=8))
        cost[name] = time.process_time() - start
    total = sum(cost.values())
    full = run(texts, model, [])
    n_full = sum(len(f) for f in full)
    print(f"{len(texts)} texts, {n_full} output records with the full pipeline ({model})\n")
    print(f"{'component':<18} {'CPU share':>9}  {'records changed without it':>27}")
    for name in nlp.pipe_names:
        if name == "tok2vec":  # feeds tagger and parser: removing it breaks both
            print(f"{name:<18} {cost[name] / total:>9.1%}  {'(needed by tagger, parser)':>27}")
            continue
        try:
            reduced = run(texts, model, [name])
        except Exception as e:  # a component others depend on
            print(f"{name:<18} {cost[name] / total:>9.1%}  {'error: ' + type(e).__name__:>27}")
            continue
        changed = sum(len(a ^ b) for a, b in zip(full, reduced, strict=True))
        print(f"{name:<18} {cost[name] / total:>9.1%}  {changed:>27}")


if __name__ == "__main__":
    main()
