"""People, places and organizations: one entry per real entity, with aliases, roles and mentions.

Method, in two steps so a long input parsed in pieces is clustered as a whole:

1. ``find_mentions(doc, ctx)``: spaCy's PERSON / GPE / LOC / FAC / ORG spans,
   cleaned (leading "the", a possessive and what follows it, personal titles
   moved out of the name into ``titles``), mentions inside page furniture
   dropped, and the kind corrected by local evidence: a span after a
   personal title is a person, a span whose head is a place word ("Capitol
   Hill", "Rust Belt") or that the gazetteer knows is a place, an "ORG"
   that starts with a known first name is a person.
2. ``build_entities(mentions)``: a form ever seen as a person is a person
   everywhere; a surname or a first name joins the nearest preceding full
   name that has it (the way a reader resolves "Clinton" after "Bill
   Clinton"); places merge through the gazetteer ("U.S." and "America");
   each person gets a gender from honorifics or the first name
   (gender-guesser), each place its kind, country and coordinates.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .. import gazetteer, lexicon
from ..models import Mention, Organization, Person, Place
from .context import Context

KIND_OF_LABEL = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organization"}
TITLE_DEPS = frozenset({"compound", "amod", "nmod", "appos"})
# a city at least this large is taken as a place even when tagged as an organization
MIN_CITY_POPULATION = 100_000
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_HONORIFIC_GENDER = {"mr.": "male", "mr": "male", "mrs.": "female", "mrs": "female", "ms.": "female",
                     "ms": "female", "miss": "female", "sir": "male", "dame": "female", "lady": "female",
                     "lord": "male"}


@dataclass(slots=True)
class EntityMention:
    """One cleaned named-entity mention, with global offsets."""

    start: int
    end: int
    text: str
    kind: str  # person | place | organization
    sentence: int
    titles: list[str] = field(default_factory=list)
    honorific: str | None = None


@dataclass
class Entities:
    people: list[Person]
    places: list[Place]
    organizations: list[Organization]


def norm_key(name: str) -> str:
    """Comparison key of a name: case, accents, quote, dash and spacing variants folded."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("’", "'").replace("‐", "-").replace("–", "-")
    s = re.sub(r"^the\s+", "", " ".join(s.split()).casefold())
    return _POSSESSIVE.sub("", s).strip(" .,'\"")


@cache
def _gender_detector():
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


def first_name_gender(first: str) -> str | None:
    """"female"/"male" when gender-guesser is confident about a first name, else None."""
    g = _gender_detector().get_gender(first)
    return {"female": "female", "mostly_female": "female", "male": "male", "mostly_male": "male"}.get(g)


def _is_first_name(word: str) -> bool:
    return word[:1].isupper() and _gender_detector().get_gender(word) in ("female", "male", "mostly_female",
                                                                         "mostly_male", "andy")


def _clean(ent: SpacySpan) -> SpacySpan | None:
    """Trim determiners and punctuation; cut at a possessive ("Assad’s Alawite" -> "Assad")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    for i in range(start, end):
        if doc[i].lower_ in ("'s", "’s", "'", "’") and doc[i].tag_ == "POS":
            end = i
            break
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    return doc[start:end] if end > start else None


def _titles(span: SpacySpan) -> tuple[int, list[str], str | None]:
    """Titles of a person span: title words inside it, the title phrase before it, an apposition.

    Returns the index where the name proper starts, the titles, and the honorific if any.
    """
    titles = lexicon.words("titles.txt")
    doc = span.doc
    start = span.start
    while start < span.end - 1 and doc[start].lower_ in titles:
        start += 1
    found: list[str] = []
    honorific = doc[span.start].lower_ if doc[span.start].lower_ in _HONORIFIC_GENDER else None
    # a title phrase right before the entity: "Russian Foreign Ministry spokeswoman", "former president"
    j = span.start
    while j > 0 and doc[j - 1].dep_ in ("compound", "amod", "nmod") and doc[j - 1].head.i >= j - 1 \
            and doc[j - 1].pos_ in ("NOUN", "PROPN", "ADJ") and doc[j - 1].ent_type_ != "PERSON":
        j -= 1
    outer = [t for t in doc[j:span.start]]
    if any(t.lower_ in titles for t in outer):
        found.append(" ".join(t.text for t in outer))
    if honorific is None and j < span.start and doc[span.start - 1].lower_ in _HONORIFIC_GENDER:
        honorific = doc[span.start - 1].lower_
    if start > span.start:
        found.append(doc[span.start:start].text)
    # an apposition: "Ahmed Al-Sharaa, the interim president"
    for child in span.root.children:
        if child.dep_ == "appos" and child.i >= span.end and any(t.lower_ in titles for t in child.subtree):
            sub = [t for t in child.subtree if t.i >= span.end]
            while sub and (sub[0].lower_ in ("the", "a", "an") or sub[0].is_punct):
                sub = sub[1:]
            while sub and sub[-1].is_punct:
                sub = sub[:-1]
            if sub and len(sub) <= 8:
                found.append(doc[sub[0].i: sub[-1].i + 1].text)
    return start, [" ".join(f.split()) for f in found], honorific


def _after_title(span: SpacySpan) -> bool:
    """The span follows a personal title ("President X", "Sen. X", "spokeswoman X")."""
    doc = span.doc
    titles = lexicon.words("titles.txt")
    return (span.start > 0 and doc[span.start - 1].lower_ in titles) or doc[span.start].lower_ in titles


def _kind(span: SpacySpan, label_kind: str) -> str:
    """The kind from local evidence, overriding the tagger where it is reliably wrong."""
    words = span.text.split()
    if label_kind != "person" and _after_title(span) and span[-1].pos_ == "PROPN":
        return "person"
    if label_kind == "organization":
        if span.root.lower_ in lexicon.words("place_heads.txt") or _well_known_place(span.text):
            return "place"
        if 2 <= len(words) <= 4 and _is_first_name(words[0]) and all(w[:1].isupper() for w in words):
            return "person"
    if label_kind == "person" and span.root.lower_ in lexicon.words("place_heads.txt"):
        return "place"
    return label_kind


def _well_known_place(name: str) -> bool:
    """A country, a state or a large city: a name that is a place even where the tagger said ORG.

    Small towns are left alone: "Gallup" and "Dartmouth" are towns, but in the
    news mostly a pollster and a college.
    """
    info = gazetteer.lookup(name)
    return info is not None and (info.kind != "city" or info.population >= MIN_CITY_POPULATION)


def _is_junk(span: SpacySpan, kind: str) -> bool:
    """Fragments and common words tagged as names: "weekends", "Middle Eastern", "Pres"."""
    if not any(ch.isupper() for ch in span.text):
        return True
    if kind == "place" and span[-1].pos_ == "ADJ":  # demonyms and adjectives ("Middle Eastern")
        return True
    if kind == "person" and len(span) == 1 and span[0].pos_ not in ("PROPN",):
        return True
    return len(span.text) < 2


def _short_line(ctx: Context, start: int, end: int) -> bool:
    """The mention sits on a line of at most three words: headline junk like "Subscribe"."""
    text = ctx.text
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls: le if le >= 0 else len(text)]
    return len(line.split()) <= 3 and not line.rstrip().endswith((".", "?", "!", "”", '"'))


def find_mentions(doc: Doc, ctx: Context | None = None) -> list[EntityMention]:
    """Named-entity mentions of ``doc`` outside page furniture, cleaned, in text order."""
    ctx = ctx or Context(doc)
    out: list[EntityMention] = []
    for ent in doc.ents:
        label_kind = KIND_OF_LABEL.get(ent.label_)
        if label_kind is None:
            continue
        span = _clean(ent)
        if span is None:
            continue
        kind = _kind(span, label_kind)
        titles: list[str] = []
        honorific = None
        if kind == "person":
            start, titles, honorific = _titles(span)
            span = doc[start:span.end]
        if not any(ch.isalpha() for ch in span.text) or _is_junk(span, kind):
            continue
        s, e = ctx.base + span.start_char, ctx.base + span.end_char
        if ctx.furniture.overlaps(s, e) or _short_line(ctx, span.start_char, span.end_char):
            continue
        out.append(EntityMention(s, e, span.text, kind, ctx.sentence_of(span.start), titles, honorific))
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


def _part_of_name(full: str, short: str) -> bool:
    """``short`` is a surname or the first name of ``full`` ("hillary" of "hillary clinton")."""
    fw, sw = full.split(), short.split()
    return _ends_with(full, short) or (len(sw) == 1 and len(fw) > 1 and fw[0] == sw[0])


_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "&"})


def _acronym(key: str) -> str:
    return "".join(w[0] for w in key.replace("-", " ").split() if w not in _FUNCTION_WORDS)


def _same_entity(a: str, b: str, kind: str) -> bool:
    """Two keys of one organization or place: an acronym ("aclu" of "american civil liberties
    union"), or a place and its generic-headed form ("guantanamo" and "guantanamo bay")."""
    short, long_ = sorted((a, b), key=len)
    if kind == "organization":
        return " " not in short and len(short) >= 2 and len(long_.split()) >= 2 and _acronym(long_) == short
    if kind == "place":
        rest = long_[len(short):].split()
        return long_.startswith(short + " ") and len(rest) == 1 and rest[0] in lexicon.words("place_heads.txt")
    return False


def _place_key(text: str) -> str:
    info = gazetteer.lookup(text)
    return norm_key(info.name) if info else norm_key(text)


def build_entities(mentions: list[EntityMention]) -> Entities:
    """Merge mentions into entities and decide each entity's kind by the votes of its mentions."""
    # 1. one kind per form, by evidence across its mentions: part of a multi-word
    #    person's name -> person; otherwise the majority of its mentions, a
    #    well-known place winning ties against a lone person tag
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        votes.setdefault(norm_key(m.text), Counter())[m.kind] += 1
    multi = [f for f, v in votes.items() if v["person"] and len(f.split()) > 1]
    for m in mentions:
        k = norm_key(m.text)
        if any(_ends_with(f, k) for f in multi) and not _well_known_place(m.text):
            m.kind = "person"
            continue
        (best, n), *rest = votes[k].most_common()
        if rest and rest[0][1] == n and _well_known_place(m.text):
            best = "place"
        m.kind = best
    # 2. cluster in text order: same key joins; a shorter person name joins the
    #    nearest preceding cluster whose name has it.
    clusters: list[list[EntityMention]] = []
    by_key: dict[tuple[str, str], int] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        k = _place_key(m.text) if m.kind == "place" else norm_key(m.text)
        target = by_key.get((m.kind, k))
        if target is None:
            target = next((i for (kind, key), i in by_key.items() if kind == m.kind and _same_entity(key, k, kind)),
                          None)
        if m.kind == "person" and len(k.split()) == 1:
            candidates = [i for (kind, key), i in by_key.items() if kind == "person" and _part_of_name(key, k)]
            if candidates:  # nearest preceding full name wins over an earlier bare form
                target = max(candidates, key=lambda i: clusters[i][-1].start)
        if target is None:
            target = len(clusters)
            clusters.append([])
        clusters[target].append(m)
        by_key[(m.kind, k)] = target
    # 3. a bare name seen before any full name joins the one full name that has it
    final: list[list[EntityMention]] = []
    for c in clusters:
        keys = {norm_key(m.text) for m in c}
        if c[0].kind == "person" and all(len(k.split()) == 1 for k in keys):
            (k, *_) = keys
            hosts = [h for h in clusters if h is not c and h[0].kind == "person"
                     and any(_part_of_name(norm_key(m.text), k) for m in h)]
            if hosts:  # ambiguous ("Clinton" before Hillary and Bill): the most mentioned
                max(hosts, key=len).extend(c)
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
        aliases = [f for k, f in forms.items() if k != norm_key(name)]
        ments = [Mention(start=m.start, end=m.end, text=m.text, sentence=m.sentence) for m in c]
        kind = c[0].kind
        if kind == "person":
            titles = list(dict.fromkeys(t for m in c for t in m.titles))
            for m in c:
                if m.honorific:  # "Mr. Trump" is an alias too
                    aliases.append(f"{m.honorific.capitalize()} {m.text}")
            aliases = list(dict.fromkeys(a for a in aliases if norm_key(a) != norm_key(name)))
            people.append(Person(id=f"p{len(people) + 1}", name=name, aliases=aliases, mentions=ments,
                                 titles=titles, gender=_gender(c, name)))
        elif kind == "place":
            info = gazetteer.lookup(name)
            places.append(Place(id=f"l{len(places) + 1}", name=name, aliases=aliases, mentions=ments,
                                kind=info.kind if info else _place_kind(name),
                                country=info.country if info else None,
                                latitude=info.latitude if info else None,
                                longitude=info.longitude if info else None))
        else:
            orgs.append(Organization(id=f"o{len(orgs) + 1}", name=name, aliases=aliases, mentions=ments))
    return Entities(people, places, orgs)


def _gender(cluster: list[EntityMention], name: str) -> str | None:
    """Gender from an honorific ("Mrs. Lee") or, failing that, the first name ("Maria")."""
    for m in cluster:
        if m.honorific:
            return _HONORIFIC_GENDER[m.honorific]
    words = name.split()
    return first_name_gender(words[0]) if len(words) > 1 else None


def _place_kind(name: str) -> str:
    head = name.split()[-1].lower() if name.split() else ""
    return "site" if head in lexicon.words("place_heads.txt") else "other"


def extract_entities(doc: Doc, ctx: Context | None = None) -> Entities:
    """People, places and organizations of one parsed ``Doc``."""
    return build_entities(find_mentions(doc, ctx))
