"""Pass 2: the kind of each name form, by the evidence of all its mentions.

spaCy labels each mention alone; a name's kind is better read over all its
mentions and their context: titles and known first names for people, the
gazetteer and place words for places.
"""

from __future__ import annotations

from collections import Counter

from ... import lexicon
from .. import places
from .mention import EntityMention
from .names import legal_form, name_parts, name_words, norm_key, short_forms

_KIND_ORDER = {"person": 3, "place": 2, "organization": 1}
# a context role (a side that plays, a venue, a dateline) outweighs a label and the gazetteer
_ROLE_WEIGHT = 4


def decide_kinds(tagged: list[EntityMention]) -> dict[str, str]:
    """Kind of each name form by the evidence of all its mentions, not by its first tag.

    A vote per mention for spaCy's label, extra weight for a title or a known
    first name (person) and for a gazetteer entry or a place-like last word
    (place); a mention whose context gives its kind (a side, a venue, a
    dateline: see ``roles``) votes for that kind alone, with more weight.
    Then a form that is the surname of a person is a person.
    """
    votes: dict[str, Counter[str]] = {}
    evidence: Counter[str] = Counter()
    with_role = {norm_key(m.text) for m in tagged if m.role_kind is not None}
    for m in tagged:
        k = norm_key(m.text)
        v = votes.setdefault(k, Counter())
        evidence[k] += m.person_evidence
        if m.role_kind is not None:  # the context says it: the label and the gazetteer are weaker evidence
            v[m.role_kind] += _ROLE_WEIGHT
            continue
        if k in with_role and (m.kind != "person" or (" " not in k and not m.person_evidence)):
            continue  # one name, one kind: "Columbus improved to 8-8-4" is the side that beat Montreal,
            # "Glamorgan 22 points" the side that beat Durham, whatever the tagger calls them
        v[m.kind or "organization"] += 2
        v["person"] += 2 * m.person_evidence
        if m.kind == "person" and not m.person_evidence and _well_known_place(m):
            v["place"] += 3  # "Nepal", "Khartoum" tagged as a person
        elif m.kind != "person" and (_gazetteer_place(m) or (
                m.kind == "organization" and places.head_kind(m.text)
                and m.text.split()[-1].casefold() not in lexicon.words("org_words.txt"))):
            v["place"] += 3
    kind_of = {k: max(v, key=lambda kind: (v[kind], _KIND_ORDER[kind])) for k, v in votes.items()}
    _companies(kind_of, evidence)
    person_parts: set[str] = set()
    for k, kind in kind_of.items():
        if kind == "person":
            person_parts.update(name_parts(k))
    for k, kind in kind_of.items():
        if kind == "person":
            continue
        info = places.lookup(k)
        if info is not None and info.kind in ("country", "region"):
            continue
        if k in person_parts:
            kind_of[k] = "person"
    # a full name tagged otherwise whose surname is used alone as a person ("Sant Singh Chatwal" ... "Chatwal")
    for k, kind in kind_of.items():
        words = k.split()
        if kind != "person" and len(words) > 1 and kind_of.get(words[-1]) == "person" \
                and places.lookup(k) is None and not set(words) & lexicon.words("org_words.txt"):
            kind_of[k] = "person"
    return kind_of


def _companies(kind_of: dict[str, str], evidence: Counter[str]) -> None:
    """A name ending in a legal form is a company ("Pirelli SpA", "Douglas & Lomason Co"), and so
    are its short forms in the article ("Pirelli", "Magna" of "Magna International Inc"), unless
    a title or a first name says a person: spaCy tags many firms named after people as persons."""
    for k in list(kind_of):
        words = name_words(k)
        if not legal_form(words) or kind_of[k] == "place":
            continue
        if not evidence[k]:
            kind_of[k] = "organization"
        if kind_of[k] != "organization":
            continue
        for short in short_forms(words):
            sk = " ".join(short)
            if kind_of.get(sk) == "person" and not evidence[sk]:
                kind_of[sk] = "organization"


_WELL_KNOWN_CITY = 500_000


def _well_known_place(m: EntityMention) -> bool:
    """A country, a region or a city of 500,000+ people: a place even when tagged as a person (smaller
    towns share their names with surnames: "Houston", "Lincoln")."""
    info = places.lookup(m.text)
    return info is not None and (info.kind in ("country", "region") or info.population >= _WELL_KNOWN_CITY)


def _gazetteer_place(m: EntityMention) -> bool:
    """True when the gazetteer knows the mention as a place.

    A name spaCy calls an organization counts only when it is a country, region,
    site or a city of 100,000+: small towns share names with bodies and firms
    ("White House", Tennessee; "Gallup", New Mexico).
    """
    info = places.lookup(m.text)
    if info is None:
        return False
    return m.kind != "organization" or info.kind != "city" or info.population >= 100_000
