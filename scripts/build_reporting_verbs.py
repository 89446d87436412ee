"""Build src/factx/data/reporting_verbs.txt from the attributions annotated in PolNeAR train.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) marks the cue of every
attribution.  factx reads a verb as a reporting cue when it has a clausal
complement, so the lexicon is learned in that setting: the script parses the
train articles with the project's spaCy model and, for every verb lemma that
heads a clausal complement (``ccomp``), counts how often that verb lies inside
an annotated cue.  It keeps the lemmas whose precision is at least
``--min-precision`` over at least ``--min-count`` cue occurrences.  Only the
derived word list is committed, never the corpus.  From the project root:

    uv run python scripts/build_reporting_verbs.py ../shared/data/polnear/train > src/factx/data/reporting_verbs.txt
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from attribution_corpus import arguments, parsed_articles

COMPLEMENT_DEPS = ("ccomp", "parataxis")


def cue_offsets(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].startswith("Cue "):
            for frag in parts[1][4:].split(";"):
                s, e = frag.split()
                spans.append((int(s), int(e)))
    return spans


def main() -> None:
    args = arguments(__doc__, min_count=3, min_precision=0.5)
    articles = 0
    seen: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for ann, doc in parsed_articles(args.split, args.limit):
        articles += 1
        cues = cue_offsets(ann)
        for tok in doc:
            if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in COMPLEMENT_DEPS for c in tok.children):
                lemma = tok.lemma_.lower()
                seen[lemma] += 1
                if any(s <= tok.idx < e for s, e in cues):
                    hits[lemma] += 1
    kept = [(lemma, n) for lemma, n in hits.most_common()
            if n >= args.min_count and n / seen[lemma] >= args.min_precision]
    print("# Reporting verbs (lemmas): a verb with a clausal complement that introduces an attribution.")
    print(f"# Built by scripts/build_reporting_verbs.py from {articles} PolNeAR train articles (Newell,")
    print("# Margolin and Ruths, LREC 2018): lemmas heading a clausal complement that lie inside an")
    print(f"# annotated cue at least {args.min_count} times and in at least {args.min_precision:.0%} of their uses.")
    print("# Columns: lemma  # cue uses / uses with a clausal complement.  Regenerate, do not edit by hand.")
    for lemma, n in kept:
        print(f"{lemma}\t# {n}/{seen[lemma]}")


if __name__ == "__main__":
    main()
