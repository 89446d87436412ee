"""Pass 4: output records, in order of first mention, with the fullest form as name."""

from __future__ import annotations

from dataclasses import dataclass

from ...models import Mention, Organization, Person, Place
from .. import places
from .mention import EntityMention
from .names import honorific_gender, name_gender, norm_key


@dataclass
class Entities:
    people: list[Person]
    places: list[Place]
    organizations: list[Organization]


def cluster_gender(c: list[EntityMention], name: str) -> str | None:
    """Gender from an honorific ("Mrs.", "spokeswoman") or else from a first name gender-guesser knows."""
    for m in c:
        g = honorific_gender(m.titles, m.honorific_form)
        if g is not None:
            return g
    return name_gender(name)


def place_record(pid: str, name: str, aliases: list[str], ments: list[Mention]) -> Place:
    info = None
    for form in (name, *aliases):
        info = places.lookup(form)
        if info is not None:
            break
    if info is None:
        hk = places.head_kind(name)
        return Place(id=pid, name=name, aliases=aliases, mentions=ments,
                     kind=hk if hk in ("site", "region") else None)
    return Place(id=pid, name=name, aliases=aliases, mentions=ments, kind=info.kind, country=info.country,
                 latitude=info.latitude, longitude=info.longitude)


def entity_records(final: list[list[EntityMention]]) -> Entities:
    """Output records, in order of first mention: the fullest form as name, other forms as aliases."""
    people: list[Person] = []
    place_list: list[Place] = []
    orgs: list[Organization] = []
    for c in sorted(final, key=lambda c: min(m.start for m in c)):
        c.sort(key=lambda m: m.start)
        forms: dict[str, str] = {}
        for m in c:
            forms.setdefault(norm_key(m.text), m.text)
        name = max(forms.values(), key=lambda t: (len(norm_key(t).split()), len(t)))
        aliases = [f for k, f in forms.items() if f != name and k != norm_key(name)]
        for m in c:
            if m.honorific_form and norm_key(m.honorific_form) not in forms:
                forms[norm_key(m.honorific_form)] = m.honorific_form
                aliases.append(m.honorific_form)
        ments = [Mention(start=m.start, end=m.end, text=m.source or m.text, sentence=m.sentence) for m in c]
        kind = c[0].kind
        if kind == "person":
            titles = list(dict.fromkeys(t for m in c for t in m.titles))
            people.append(Person(id=f"p{len(people) + 1}", name=name, aliases=aliases, mentions=ments,
                                 titles=titles, gender=cluster_gender(c, name)))
        elif kind == "place":
            place_list.append(place_record(f"l{len(place_list) + 1}", name, aliases, ments))
        else:
            orgs.append(Organization(id=f"o{len(orgs) + 1}", name=name, aliases=aliases, mentions=ments))
    return Entities(people, place_list, orgs)
