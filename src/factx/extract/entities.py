"""People, places and organizations: one entry per real entity, with aliases and mentions.

Method, in two steps so a long input parsed in pieces is clustered as a whole:

1. ``find_mentions(doc, ctx)``: spaCy's PERSON / GPE / LOC / FAC / ORG spans,
   cleaned (leading "the", trailing possessive, personal titles moved out of
   the name into ``titles``), with mentions inside page furniture dropped.
2. ``build_entities(mentions)``: mentions are merged into entities (a
   surname joins the nearest preceding full name that ends with it, the way a
   reader resolves it), and each entity's kind is decided by a vote across
   its mentions, so "Al-Sharaa" tagged once as a place stays a person.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .. import lexicon
from ..models import Mention, Organization, Person, Place
from .context import Context

KIND_OF_LABEL = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organization"}
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")


@dataclass
class EntityMention:
    """One cleaned named-entity mention, with global offsets."""

    start: int
    end: int
    text: str
    kind: str  # person | place | organization
    sentence: int
    titles: list[str] = field(default_factory=list)


@dataclass
class Entities:
    people: list[Person]
    places: list[Place]
    organizations: list[Organization]


def norm_key(name: str) -> str:
    """Comparison key of a name: case, quote, dash and spacing variants folded."""
    s = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‐", "-").replace("–", "-")
    s = re.sub(r"^the\s+", "", " ".join(s.split()).casefold())
    return _POSSESSIVE.sub("", s).strip(" .,'\"")


def _clean(ent: SpacySpan) -> SpacySpan | None:
    """Trim a leading determiner and a trailing possessive or punctuation."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "'", "’")):
        end -= 1
    return doc[start:end] if end > start else None


def _titles_before(span: SpacySpan) -> tuple[int, list[str]]:
    """Title words inside or right before a person span ("Interim President Ahmed Al-Sharaa").

    Returns the index where the name proper starts and the titles found.
    """
    titles = lexicon.words("titles.txt")
    doc = span.doc
    start = span.start
    # titles spaCy included in the entity
    while start < span.end - 1 and doc[start].lower_ in titles:
        start += 1
    inner = doc[span.start:start].text if start > span.start else ""
    # a title phrase right before the entity: the compound/amod run leading to it
    i = span.start
    j = i
    while j > 0 and doc[j - 1].dep_ in ("compound", "amod", "nmod") and doc[j - 1].head.i >= j - 1 \
            and doc[j - 1].pos_ in ("NOUN", "PROPN", "ADJ") and doc[j - 1].ent_type_ != "PERSON":
        j -= 1
    outer = ""
    if j < i and any(t.lower_ in titles for t in doc[j:i]):
        outer = doc[j:i].text
    found = [t for t in (outer + (" " + inner if inner and outer else inner)).split("\n") if t.strip()]
    # appositions: "Ahmed Al-Sharaa, the interim president"
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and any(t.lower_ in titles for t in child.subtree):
            sub = [t for t in child.subtree if t.i >= span.end]
            while sub and sub[0].lower_ in ("the", "a", "an", ","):
                sub = sub[1:]
            if sub and len(sub) <= 8:
                found.append(doc[sub[0].i: sub[-1].i + 1].text)
    return start, [" ".join(f.split()) for f in found]


def find_mentions(doc: Doc, ctx: Context | None = None) -> list[EntityMention]:
    """Named-entity mentions of ``doc`` outside page furniture, cleaned, in text order."""
    ctx = ctx or Context(doc)
    out: list[EntityMention] = []
    for ent in doc.ents:
        kind = KIND_OF_LABEL.get(ent.label_)
        if kind is None:
            continue
        span = _clean(ent)
        if span is None:
            continue
        titles: list[str] = []
        if kind == "person":
            start, titles = _titles_before(span)
            span = doc[start:span.end]
        if not any(ch.isalpha() for ch in span.text):
            continue
        s, e = ctx.global_range(span)
        if ctx.furniture.overlaps(s, e):
            continue
        out.append(EntityMention(s, e, span.text, kind, ctx.sentence_of(span.start), titles))
    return out


def _ends_with(full: str, short: str) -> bool:
    """True when the name ``short`` is a tail of ``full``: "zakharova" of "maria zakharova",
    "assad" of "bashar al-assad" (a hyphenated particle such as al-/el-/bin- dropped)."""
    fw, sw = full.split(), short.split()
    if not sw or len(fw) <= len(sw):
        return False
    if fw[-len(sw):] == sw:
        return True
    return len(sw) == 1 and "-" in fw[-1] and fw[-1].split("-")[-1] == sw[0]


def build_entities(mentions: list[EntityMention]) -> Entities:
    """Merge mentions into entities and decide each entity's kind by the votes of its mentions."""
    # 1. a form ever tagged as a person (or the surname of one) is a person wherever it occurs
    person_forms = {norm_key(m.text) for m in mentions if m.kind == "person"}
    for m in mentions:
        k = norm_key(m.text)
        if m.kind != "person" and (k in person_forms or any(_ends_with(f, k) for f in person_forms)):
            m.kind = "person"
    # 2. cluster in text order: same key joins; a shorter person name joins the
    #    nearest preceding cluster whose name ends with it.
    clusters: list[list[EntityMention]] = []
    by_key: dict[tuple[str, str], int] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        k = norm_key(m.text)
        target = by_key.get((m.kind, k))
        if target is None and m.kind == "person":
            candidates = [i for (kind, key), i in by_key.items() if kind == "person" and _ends_with(key, k)]
            if candidates:
                target = max(candidates, key=lambda i: clusters[i][-1].start)
        if target is None:
            target = len(clusters)
            clusters.append([])
        clusters[target].append(m)
        by_key[(m.kind, k)] = target
    # 3. a surname seen before any full name joins the one full name that ends with it
    final: list[list[EntityMention]] = []
    for c in clusters:
        keys = {norm_key(m.text) for m in c}
        if c[0].kind == "person" and len(keys) == 1:
            (k,) = keys
            hosts = [h for h in clusters if h is not c and h[0].kind == "person"
                     and any(_ends_with(norm_key(m.text), k) for m in h)]
            if len(hosts) == 1:
                hosts[0].extend(c)
                continue
        final.append(c)
    people: list[Person] = []
    places: list[Place] = []
    orgs: list[Organization] = []
    for c in sorted(final, key=lambda c: min(m.start for m in c)):
        c.sort(key=lambda m: m.start)
        forms: dict[str, str] = {}
        for m in c:
            forms.setdefault(norm_key(m.text), m.text)
        name = max(forms.values(), key=lambda t: (len(norm_key(t).split()), len(t)))
        aliases = [f for k, f in forms.items() if f != name and k != norm_key(name)]
        ments = [Mention(start=m.start, end=m.end, text=m.text, sentence=m.sentence) for m in c]
        kind = c[0].kind
        if kind == "person":
            titles = list(dict.fromkeys(t for m in c for t in m.titles))
            people.append(Person(id=f"p{len(people) + 1}", name=name, aliases=aliases, mentions=ments,
                                 titles=titles))
        elif kind == "place":
            places.append(Place(id=f"l{len(places) + 1}", name=name, aliases=aliases, mentions=ments))
        else:
            orgs.append(Organization(id=f"o{len(orgs) + 1}", name=name, aliases=aliases, mentions=ments))
    return Entities(people, places, orgs)


def extract_entities(doc: Doc, ctx: Context | None = None) -> Entities:
    """People, places and organizations of one parsed ``Doc``."""
    return build_entities(find_mentions(doc, ctx))


def kind_counts(mentions: list[EntityMention]) -> Counter[str]:
    """How many mentions of each kind (for diagnostics and tests)."""
    return Counter(m.kind for m in mentions)
