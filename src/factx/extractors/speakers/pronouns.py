"""Pronouns as speakers: he / she is the person the last sentences are about, it / they the
organization that is the subject or speaker of the preceding sentences."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ...models import Organization, Person
from . import descriptions

if TYPE_CHECKING:
    from .index import Resolver

# How many sentences back the subject or speaker a pronoun refers to may be.
PRONOUN_SENTENCES = 3
_ORG_PRONOUN_SENTENCES = 2


def person_pronoun(r: Resolver, pos: int, gender: str | None) -> Person | None:
    """Rule 3: the latest compatible person that is a subject or speaker within a few
    sentences, else the nearest compatible person."""
    here = r.sentence(pos)
    nearest = None
    for at, ent, salient in r.back(pos):
        if not isinstance(ent, Person) or (gender and r.gender.get(ent.id, gender) != gender):
            continue
        if salient and here - r.sentence(at) <= PRONOUN_SENTENCES:
            return ent
        if nearest is None:
            nearest = ent
        if here - r.sentence(at) > PRONOUN_SENTENCES:
            break
    return nearest


def org_pronoun(r: Resolver, pos: int) -> Organization | None:
    """Rule 4: the organization that is the subject or speaker of the preceding sentences,
    named or described ('The bank rejected the report. In a statement, it said ...')."""
    here = r.sentence(pos)
    best: tuple[int, Organization] | None = None
    for at, ent, salient in r.back(pos):
        if here - r.sentence(at) > _ORG_PRONOUN_SENTENCES:
            break
        if salient and isinstance(ent, Organization):
            best = (at, ent)
            break
    subjects = r.hints.subjects
    k = bisect.bisect_left(subjects, (pos, -1)) - 1
    while k >= 0 and here - r.sentence(subjects[k][0]) <= _ORG_PRONOUN_SENTENCES:
        if best is not None and subjects[k][0] <= best[0]:
            break
        form = r.hints.subject_forms.get(subjects[k])
        if form is not None and form.determined:
            ent = descriptions.description(r, form, subjects[k][0], people=False)
            if isinstance(ent, Organization):
                return ent
        k -= 1
    return best[1] if best else None

