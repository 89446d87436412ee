"""Organizations as speakers: the full name behind a short one, "the company" the article is
about, and the company an untagged name stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import Organization
from ..entities.names import name_words, short_forms
from .hints import SpeakerForm
from .words import main_org_nouns, noun_kinds

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
    """Rule 5f: 'the company', 'the agency' (a company noun or one of ``data/main_org_nouns.txt``,
    definite, singular) when no organization was named or described as one: the organization the
    article is about so far, i.e. mentioned at least twice and more than any other, of no other
    known kind."""
    kind = noun_kinds().get(form.head)
    if kind is None or not form.definite or form.plural \
            or not (kind == "company" or form.head in main_org_nouns()):
        return None
    counts: dict[str, int] = {}
    orgs: dict[str, Organization] = {}
    for _, ent, _ in r.back(pos):
        if isinstance(ent, Organization) and r.org_kind.get(ent.id, {kind}) >= {kind}:
            counts[ent.id] = counts.get(ent.id, 0) + 1
            orgs[ent.id] = ent
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return orgs[max(counts, key=lambda i: counts[i])]


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def by_modifier(r: Resolver, form: SpeakerForm, pos: int) -> Organization | None:
    """Rule 5g: 'the production company' is the latest organization whose name holds the
    description's modifier noun ("Dick Clark Productions"), as a reader matches them."""
    if noun_kinds().get(form.head) is None or form.plural:
        return None
    mods = {_stem(w) for w in form.words if w != form.head and w.isalpha()}
    if not mods:
        return None
    for _, ent, _ in r.back(pos):
        if isinstance(ent, Organization) and any(
                mods & {_stem(w) for w in name_words(name)} for name in (ent.name, *ent.aliases)):
            return ent
    return None


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

