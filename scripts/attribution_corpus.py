"""Shared by the lexicon builders: PolNeAR train articles, parsed, with their annotation files.

Both ``build_reporting_verbs.py`` and ``build_reporting_frames.py`` learn
from the same pairs (one annotator's ``.ann`` file per article, as the
scorer reads them, and the article parsed with the project's model), so the
corpus walk lives here once.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc


def arguments(doc: str, min_count: int, min_precision: float) -> argparse.Namespace:
    """The builders' common options: the split folder, the thresholds and ``--limit``."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("split", type=Path, help="a PolNeAR split folder (text/ and attributions/)")
    ap.add_argument("--min-count", type=int, default=min_count)
    ap.add_argument("--min-precision", type=float, default=min_precision)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    return ap.parse_args()


def parsed_articles(split: Path, limit: int = 0) -> Iterator[tuple[Path, Doc]]:
    """(annotation file, parsed text) per article, the first annotator's file as the scorer takes it."""
    from factx.pipeline import load_nlp, model_name

    nlp = load_nlp(model_name())
    anns: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    stems = sorted(anns)[: limit or None]
    texts = ((split / "text" / f"{s}.txt").read_text(encoding="utf-8") for s in stems)
    for stem, doc in zip(stems, nlp.pipe(texts, batch_size=8), strict=True):
        yield anns[stem], doc
