"""Speaker resolution over one input: each quote's speaker mention, in text order, by its form
(name, relative pronoun, pronoun, description), so that a speaker resolved early helps later ones."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...layout import as_read
from ...models import Organization, Person, Place, Quote
from ..entities.names import first_name_gender
from .descriptions import description
from .hints import SpeakerForm, SpeakerHints
from .index import Entity, Resolver
from .organizations import untagged
from .pronouns import org_pronoun, person_pronoun
from .words import ORG_PRONOUNS, PRONOUN_GENDER, PRONOUNS


def mention(r: Resolver, start: int, end: int, form: SpeakerForm | None) -> Entity | None:
    """The person or organization a mention refers to, by its form (an organization's short name
    read as its full one)."""
    ent = _resolve(r, start, end, form)
    if isinstance(ent, Organization):
        return r.fuller.get(ent.id, ent)
    return ent


def _resolve(r: Resolver, start: int, end: int, form: SpeakerForm | None) -> Entity | None:
    if form is None or form.kind == "name":
        return r.at(start, end)
    if form.kind == "relative":
        ante = form.antecedent_span
        if ante is not None:
            hit = r.at(*ante)
            if hit is not None:
                return hit
        return _resolve(r, *ante, form.antecedent) if ante and form.antecedent else None
    if form.kind == "pronoun":
        if form.head in PRONOUN_GENDER:
            return person_pronoun(r, start, PRONOUN_GENDER[form.head])
        if form.head in ORG_PRONOUNS:
            return org_pronoun(r, start)
        return None
    head_hit = r.at(start, end, inside=form.head_span)
    if head_hit is not None:
        return head_hit  # 'the statistics agency Destatis', 'analyst Tom Bell'
    for span, inside in form.named:
        hit = r.at(*span, inside=inside)
        if hit is not None:
            return hit  # 'Another diplomat, former envoy Kurt Volker', 'a report by the IEA'
    found = description(r, form, start)
    return found if found is not None else r.at(start, end)  # 'a Toyota spokesman'


def _place_of(r: Resolver, start: int, end: int, text: str) -> Place | None:
    """The place a speaker names when the whole speaker, but for "the", is its mention ('The
    US welcomed ...'); not a name that ends in one ('Power New Zealand')."""
    place = r.place_at(start, end)
    if place is None:
        return None
    for m in place.mentions:
        if m.end == end and m.start >= start and re.fullmatch(r"(?i)(?:the\s+)?", text[:m.start - start]):
            return place
    return None


def _own_name(text: str, form: SpeakerForm | None) -> str | None:
    """The name an unresolved speaker gives itself: a description written as a name
    ('says war monitor'), never a pronoun or a description with an article or possessor."""
    if text.lower() in PRONOUNS and not text.isupper():  # 'US' is no pronoun
        return None
    if form is not None and (form.kind in ("pronoun", "relative") or form.determined):
        return None
    return re.sub(r"(?i)^(?:the|a|an)\s+", "", as_read(text))  # across a wrapped line: one space


def resolve_speakers(quotes: list[Quote], people: list[Person], organizations: list[Organization],
                     hints: SpeakerHints | None = None, places: Iterable[Place] = ()) -> None:
    """Fill ``speaker.name`` and ``speaker.entity`` in place, in text order (see the module
    docstring for the rules)."""
    hints = hints or SpeakerHints()
    r = Resolver(people, organizations, hints, places)
    ordered = sorted((q for q in quotes if q.speaker is not None), key=lambda q: q.speaker.start)  # type: ignore[union-attr]
    forms = []
    for q in ordered:
        sp = q.speaker
        assert sp is not None
        form = hints.forms.get((sp.start, sp.end))
        if form is None and sp.text.lower() in PRONOUN_GENDER:
            form = SpeakerForm("pronoun", sp.text.lower(), (sp.start, sp.end))
        forms.append(form)
        r.speakers.append((sp.start, sp.end, form))
    for q, form in zip(ordered, forms, strict=True):
        sp = q.speaker
        assert sp is not None
        ent = mention(r, sp.start, sp.end, form)
        if form is not None and form.kind == "description":
            # what a later 'the spokesman' is: the person this one was found to be, or an unnamed
            # one ('a ministry spokesman', 'Yeltsin's spokesman': not Yeltsin himself)
            r.by_head[form.head] = ent if isinstance(ent, Person) and r.at(sp.start, sp.end) is None else None
        if ent is not None:
            sp.name, sp.entity = ent.name, ent.id
            r.spoke(sp.start, ent)
            g = PRONOUN_GENDER.get(sp.text.lower())
            if g and isinstance(ent, Person):
                r.gender.setdefault(ent.id, g)
        elif (form is None or form.kind == "name") and (place := _place_of(r, sp.start, sp.end, sp.text)) is not None:
            sp.name, sp.entity = place.name, place.id  # 'The US welcomed the exchange'
        else:
            sp.name = _own_name(sp.text, form) or untagged(r, form, sp.start)
            if form is not None and form.kind == "name" and form.label not in ("NORP", "GPE", "LOC") \
                    and sp.text[:1].isupper() and " " not in sp.text and first_name_gender(sp.text) is None:
                r.unknown.append((sp.start, sp.text))
