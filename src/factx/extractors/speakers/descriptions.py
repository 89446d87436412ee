"""Descriptions as speakers: "the prime minister", "the author", "the fighter", "a spokeswoman",
"the carmaker", each the entity the article ties that noun to."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ...models import Organization, Person
from .documents import issuer
from .hints import SpeakerForm
from .index import last_word
from .organizations import by_modifier, main_company
from .pronouns import PRONOUN_SENTENCES
from .words import document_nouns, noun_kinds, person_nouns

if TYPE_CHECKING:
    from .index import Entity, Resolver


def titled(r: Resolver, form: SpeakerForm, pos: int) -> Person | None:
    """Rule 5a: the person with that title named last before, or the only holder."""
    holders = [p for p, words in r.titles.get(form.head, []) if set(form.words) <= words | {form.head}]
    if not holders:
        return None
    ids = {p.id for p in holders}
    for _, ent, _ in r.back(pos):
        if ent.id in ids:
            return ent  # type: ignore[return-value]
    return holders[0] if len(ids) == 1 else None


def role_anaphor(r: Resolver, form: SpeakerForm, pos: int) -> Person | None:
    """Rule 5c: 'The fighter said' is the person the last sentences are about, as 'he' would
    be: the latest person (of the noun's gender, if it has one) that is the subject or speaker
    of a clause within a few sentences.  Not when the article used the same noun for someone
    before ('a ministry spokesman said ... The spokesman added': that unnamed one)."""
    nouns = person_nouns()
    if (form.head not in nouns and not form.personal) or not form.definite or form.plural:
        return None
    if form.span is not None and r.at(*form.span) is not None:
        return None  # 'the Kremlin spokesman': someone of the Kremlin, not the person just named
    if form.head in r.by_head:
        ent = r.by_head[form.head]
        return ent if isinstance(ent, Person) else None
    earlier = r.subject_heads.get(form.head, [])
    if earlier and earlier[0][0] < form.head_span[0]:
        return None
    gender = nouns.get(form.head) or None
    here = r.sentence(pos)
    for at, ent, salient in r.back(pos):
        if here - r.sentence(at) > PRONOUN_SENTENCES:
            break
        if salient and isinstance(ent, Person) and (gender is None or r.gender.get(ent.id, gender) == gender):
            return ent
    return None


def announced(r: Resolver, form: SpeakerForm, pos: int) -> Person | None:
    """Rule 5d: 'a spokeswoman said ...' that nothing before resolves is the person the next
    sentences name as a speaker ('..., said Erin Purcell of ...'), of the noun's gender."""
    nouns = person_nouns()
    if form.head not in nouns or not form.indefinite or form.plural:
        return None
    gender = nouns[form.head] or None
    here = r.sentence(pos)
    k = bisect.bisect_right(r.speakers, pos, key=lambda x: x[0])
    for start, end, f in r.speakers[k:]:
        if r.sentence(start) - here > 1:
            break
        if f is None or f.kind != "name":
            continue
        if not f.affiliated:
            return None
        ent = r.at(start, end)
        if isinstance(ent, Person):
            return ent if gender is None or r.gender.get(ent.id, gender) == gender else None
    return None


def description(r: Resolver, form: SpeakerForm, pos: int, people: bool = True) -> Entity | None:
    """Rule 5: a description resolved through titles, descriptors, names and noun kinds."""
    if form.head in document_nouns():
        return issuer(r, form, pos)
    people = people and not form.plural  # 'Bosnian refugees' are not the one refugee named later
    if people:
        p = titled(r, form, pos)
        if p is not None:
            return p
    described = [(s, e) for s, e in r.described.get(form.head, ()) if people or isinstance(e, Organization)]
    if described:
        k = bisect.bisect_left(described, pos, key=lambda x: x[0])
        if k:
            return described[k - 1][1]
        later = {ent.id: ent for _, ent in described}
        if len(later) == 1:
            return next(iter(later.values()))
    if people and (form.personal or (form.head in person_nouns() and form.head not in noun_kinds())):
        return role_anaphor(r, form, pos) or announced(r, form, pos)
    if not form.determined:
        return None
    found = by_modifier(r, form, pos)
    if found is not None:
        return found
    kind = noun_kinds().get(form.head)
    for _, ent, _ in r.back(pos):
        if not isinstance(ent, Organization):
            continue
        if ent.name.lower() == form.head:
            continue  # 'Department officials' tagged as a name: no name at all
        if last_word(ent.name) == form.head or any(last_word(a) == form.head for a in ent.aliases):
            return ent
        if kind is not None and (kind == "any" or kind in r.org_kind.get(ent.id, ())):
            return ent
    return main_company(r, form, pos)

