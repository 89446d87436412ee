"""Speakers: each quote's speaker mention resolved to a person or organization.

Runs once per input, after entities are clustered over the whole input
(speaker mentions come from ``quotes``, names from ``entities``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from ..models import Organization, Person, Quote

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "that", "which"})
# How far back, in entity mentions, a pronoun or a description looks for its
# referent: farther than that none is credible, and the search must not grow
# with the length of the input.
_LOOKBACK = 500
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


def _gender_of_pronoun(text: str) -> str | None:
    return PRONOUN_GENDER.get(text.lower())


_Entity = Person | Organization


def _last_before(mentions: list[tuple[int, int, _Entity]], end: int,
                 positions: Sequence[int], fits: Callable[[_Entity], bool]) -> _Entity | None:
    """The latest of ``mentions[i]`` (i in the sorted ``positions``) ending by ``end`` that ``fits``.

    At most ``_LOOKBACK`` mentions back: a bisect finds where to start, so
    resolving every speaker stays linear in the length of the input.
    """
    hi = bisect.bisect_left(positions, end, key=lambda i: mentions[i][0])
    for j in range(hi - 1, max(hi - 1 - _LOOKBACK, -1), -1):
        _, e, ent = mentions[positions[j]]
        if e <= end and fits(ent):
            return ent
    return None


def resolve_speakers(quotes: list[Quote], people: list[Person], organizations: list[Organization]) -> None:
    """Fill ``speaker.name`` and ``speaker.entity`` in place.

    A speaker that overlaps an entity mention takes that entity; a personal
    pronoun takes the nearest person mentioned before it whose gender (from
    earlier pronouns resolved to them, honorifics, first names) does not
    conflict; a description ("the spokeswoman") takes the last person with that
    title; a description no entity fits is its own name ("war monitor"),
    without an entity id; an unresolved pronoun keeps a null name rather
    than a guess.
    """
    mentions = sorted(((m.start, m.end, ent) for ent in [*people, *organizations] for m in ent.mentions),
                      key=lambda x: x[0])
    starts = [s for s, _, _ in mentions]
    longest = max((e - s for s, e, _ in mentions), default=0)
    by_title: dict[str, list[int]] = {}  # a title word -> positions in ``mentions`` of people bearing it
    for i, (_, _, ent) in enumerate(mentions):
        if isinstance(ent, Person):
            for w in {w for t in ent.titles for w in t.lower().split()}:
                by_title.setdefault(w, []).append(i)
    everyone = range(len(mentions))
    gender: dict[str, str] = {p.id: p.gender for p in people if p.gender}

    for q in sorted(quotes, key=lambda q: q.speaker.start if q.speaker else -1):
        sp = q.speaker
        if sp is None:
            continue
        hit = None
        i = bisect.bisect_left(starts, sp.end) - 1
        while i >= 0 and starts[i] > sp.start - longest:  # an earlier mention cannot reach the speaker
            if mentions[i][1] > sp.start:
                hit = mentions[i][2]
                break
            i -= 1
        if hit is not None:
            sp.name, sp.entity = hit.name, hit.id
            continue
        g = _gender_of_pronoun(sp.text)
        if g is not None or sp.text.lower() in ("they", "it"):
            if sp.text.lower() in ("they", "it"):
                ent = _last_before(mentions, sp.start, everyone, lambda x: isinstance(x, Organization))
            else:
                ent = _last_before(mentions, sp.start, everyone,
                                   lambda x, g=g: isinstance(x, Person) and gender.get(x.id, g) == g)
            if ent is not None:
                sp.name, sp.entity = ent.name, ent.id
                if g:
                    gender.setdefault(ent.id, g)
            continue
        # nominal speakers ("the spokeswoman") through titles of people seen before
        head = sp.text.lower().split()[-1] if sp.text.split() else ""
        titled = _last_before(mentions, sp.start, by_title.get(head, []), lambda x: True)
        if titled is not None:
            sp.name, sp.entity = titled.name, titled.id
        elif sp.text.lower() not in _PRONOUNS:
            # an unresolved description names its speaker itself ("says war monitor");
            # it is not linked to any entity
            sp.name = re.sub(r"(?i)^(?:the|a|an)\s+", "", sp.text)
