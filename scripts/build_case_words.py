"""Build src/factx/data/lower_words.txt: words that news text writes in lower case.

An all-capital headline or table line says nothing about which of its words
are names; factx gives the parser such a line in ordinary case (see
``factx.truecase``).  A word the article itself does not show in mixed case
is written in lower case when this list has it, and capitalised otherwise.

The list is learned from the train splits of the project's corpora (PolNeAR
train: US politics; CoNLL-2003 train: world news, business and sport).  In
every line that is not all capitals, each word that does not open the line or
a sentence is counted as written lower case or capitalised; a word is kept
when it is written lower case more often than capitalised, at least
``--min-count`` times.  Only the derived word list is committed, never the
corpus.  From the project root:

    uv run python scripts/build_case_words.py ../shared/data/polnear/train/text ../shared/data/conll2003/train \
        > src/factx/data/lower_words.txt
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SENTENCE_END = re.compile(r"[.!?:;\"“”‘'(\[-]\s*$")


def count(folder: Path, lower: Counter[str], cap: Counter[str]) -> None:
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not any(ch.islower() for ch in line):
                continue
            for m in WORD.finditer(line):
                before = line[: m.start()]
                if not before.strip() or SENTENCE_END.search(before):
                    continue
                w = m.group()
                if w.islower():
                    lower[w] += 1
                elif w[0].isupper():
                    cap[w.lower()] += 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", type=Path, nargs="+", help="folders of .txt articles (train splits only)")
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()
    lower: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    for folder in args.folders:
        count(folder, lower, cap)
    kept = sorted(w for w, n in lower.items() if n >= args.min_count and n > cap[w])
    print("# Words news text writes in lower case (learned by scripts/build_case_words.py from the train")
    print("# splits of PolNeAR and CoNLL-2003: lower case more often than capitalised, away from a line or")
    print(f"# sentence start, at least {args.min_count} times).  Used to give all-capital lines ordinary case.")
    for w in kept:
        print(w)


if __name__ == "__main__":
    main()
