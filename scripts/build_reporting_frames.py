"""Build src/factx/data/reporting_frames.txt from the attributions annotated in PolNeAR train.

A reporting verb need not report a clause: "announced his resignation",
"vowed to fight on", "accused the mayor of lying", "urged voters to stay
home".  PolNeAR (Newell, Margolin and Ruths, LREC 2018) annotates these as
attributions whose content is the verb's object, infinitive or
prepositional complement.  Which complements of which verb are content is
learned here: the script parses the train articles with the project's spaCy
model and, for every (verb lemma, complement) pair, where the complement is
the dependency label (``dobj``, ``xcomp``, ``oprd``), ``prep:<word>``
("accused X of Y" -> ``prep:of``: the preposition is part of the content) or
``pobj:<word>`` ("pointed to X" -> ``pobj:to``: the preposition is part of
the cue, its object the content), counts how often the verb lies in an
annotated cue and the complement's head in a content of the same
attribution.  It keeps the pairs whose precision is at least
``--min-precision`` (0.6) over at least ``--min-count`` (5) occurrences: stricter
than the clausal reporting verbs (0.5 over 3), because PolNeAR counts beliefs
and evaluations ("endorsed X", "called X Y") that a reader does not take for
something said.  Only the
derived list is committed, never the corpus.  From the project root:

    uv run python scripts/build_reporting_frames.py ../shared/data/polnear/train > src/factx/data/reporting_frames.txt
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from attribution_corpus import arguments, parsed_articles

FRAME_DEPS = ("dobj", "xcomp", "oprd", "prep")


def events(ann: Path) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """(cue spans, content spans) of each attribution event in a brat file."""
    spans: dict[str, list[tuple[int, int]]] = {}
    out = []
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T"):
            _, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = [tuple(map(int, frag.split())) for frag in offsets.split(";")]  # type: ignore[misc]
    for line in lines:
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("E"):
            cue: list[tuple[int, int]] = []
            content: list[tuple[int, int]] = []
            for arg in parts[1].split()[1:]:
                role, _, tid = arg.partition(":")
                role = role.rstrip("0123456789")
                if role == "Cue":
                    cue += spans.get(tid, [])
                elif role == "Content":
                    content += spans.get(tid, [])
            if cue and content:
                out.append((cue, content))
    return out


def frame(child) -> str | None:  # type: ignore[no-untyped-def]
    if child.dep_ == "prep":
        return f"prep:{child.lower_}"
    return child.dep_ if child.dep_ in FRAME_DEPS else None


def main() -> None:
    args = arguments(__doc__, min_count=5, min_precision=0.6)
    articles = 0
    seen: Counter[tuple[str, str]] = Counter()
    hits: Counter[tuple[str, str]] = Counter()
    for ann, doc in parsed_articles(args.split, args.limit):
        articles += 1
        evs = events(ann)
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            mine = [(cue, content) for cue, content in evs if any(s <= tok.idx < e for s, e in cue)]
            for child in tok.children:
                name = frame(child)
                if name is None or child.i < tok.i:
                    continue
                key = (tok.lemma_.lower(), name)
                seen[key] += 1
                if any(s <= child.idx < e for _, content in mine for s, e in content):
                    hits[key] += 1
                obj = next((c for c in child.children if c.dep_ == "pobj"), None) if child.dep_ == "prep" else None
                if obj is not None:  # 'pointed to X': the preposition is part of the cue, X the content
                    key = (tok.lemma_.lower(), f"pobj:{child.lower_}")
                    seen[key] += 1
                    if any(any(s <= child.idx < e for s, e in cue) and any(s <= obj.idx < e for s, e in content)
                           for cue, content in mine):
                        hits[key] += 1
    kept = sorted(((key, n) for key, n in hits.items()
                   if n >= args.min_count and n / seen[key] >= args.min_precision), key=lambda kn: (-kn[1], kn[0]))
    print("# Reporting frames: a verb and a complement of it that holds what the verb reports, besides")
    print("# a clause: 'announced his resignation' (dobj), 'vowed to fight' (xcomp), 'accused X of Y'")
    print("# (dobj, prep:of), 'pointed to X' (pobj:to: the preposition belongs to the cue).")
    print(f"# Built by scripts/build_reporting_frames.py from {articles} PolNeAR train")
    print("# articles (Newell, Margolin and Ruths, LREC 2018): pairs whose complement lies in an annotated")
    print(f"# content of the verb's attribution at least {args.min_count} times and in at least "
          f"{args.min_precision:.0%} of their uses.")
    print("# Columns: lemma <TAB> complement  # content uses / uses.  Regenerate, do not edit by hand.")
    for (lemma, name), n in kept:
        print(f"{lemma}\t{name}\t# {n}/{seen[(lemma, name)]}")


if __name__ == "__main__":
    main()
