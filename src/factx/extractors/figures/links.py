"""Pass 6, links between figures: ``part_of`` ("1,311, including 830 civilians")."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc

from ...models import Figure
from .combine import between
from .lex import phrases
from .widen import Cand


def link_parts(doc: Doc, figures: list[tuple[Cand, Figure]]) -> None:
    """``part_of``: cue words between two figures of a sentence make the second a part of the first."""
    cues = phrases("part_cues.txt")
    firsts = {q[0] for q in cues}
    for (a, fa), (b, fb) in pairwise(figures):
        mid = [t for t in between(doc, a, b) if t not in (",", "—", "–", "-", "(")]
        # allow the counted noun of the whole between the figures: "1,311 dead, including 830"
        while mid and mid[0] not in firsts and len(mid) > 1:
            mid = mid[1:]
        after = [t.lower_ for t in doc[b.end:b.end + 2]]
        if fa.sentence == fb.sentence and (any(mid == q for q in cues) or after in (["of", "them"], ["of", "whom"])):
            fb.part_of = fa.id
