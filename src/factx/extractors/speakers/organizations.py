"""Organizations as speakers: the full name behind a short one, "the company" the article is
about, and the company an untagged name stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import Organization
from ..entities.names import name_words, short_forms
from .hints import SpeakerForm
from .words import noun_kinds

if TYPE_CHECKING:
    from .index import Resolver


def fuller_names(organizations: list[Organization]) -> dict[str, Organization]:
    """Organization id -> the one other organization of the article whose full name shortens to
    one of its names ("Commerce" -> "Commerce Department", "Vesta" -> "Vesta SA").  Entities keep
    them apart (the CoNLL gold does too); a speaker named by the short form is the full one."""
    offers: dict[tuple[str, ...], dict[str, Organization]] = {}
    for org in organizations:
        for name in (org.name, *org.aliases):
            for short in short_forms(name_words(name)):
                offers.setdefault(short, {})[org.id] = org
    out: dict[str, Organization] = {}
    if not offers:
        return out
    for org in organizations:
        found: dict[str, Organization] = {}
        for name in (org.name, *org.aliases):
            found.update(offers.get(name_words(name), {}))
        found.pop(org.id, None)
        if len(found) == 1:
            out[org.id] = next(iter(found.values()))
    return out


def main_company(r: Resolver, form: SpeakerForm, pos: int) -> Organization | None:
    """Rule 5f: 'the company' (a company noun, definite, singular) when no organization was
    named as one: the organization the article is about so far, i.e. mentioned at least twice
    and more than any other, of no other known kind."""
    if noun_kinds().get(form.head) != "company" or not form.definite or form.plural:
        return None
    counts: dict[str, int] = {}
    orgs: dict[str, Organization] = {}
    for _, ent, _ in r.back(pos):
        if isinstance(ent, Organization) and r.org_kind.get(ent.id, {"company"}) >= {"company"}:
            counts[ent.id] = counts.get(ent.id, 0) + 1
            orgs[ent.id] = ent
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return orgs[max(counts, key=lambda i: counts[i])]


def untagged(r: Resolver, form: SpeakerForm | None, pos: int) -> str | None:
    """Rule 5e: 'Norvik said ... The company said', where the model tagged no organization at
    all before: the company is the last speaker named by a name that is no entity and no
    person's (no known first name), as a reader would take it."""
    if form is None or form.kind != "description" or not form.definite or form.plural \
            or noun_kinds().get(form.head) != "company":
        return None
    if any(isinstance(ent, Organization) for _, ent, _ in r.back(pos)):
        return None
    return r.unknown[-1][1] if r.unknown else None

