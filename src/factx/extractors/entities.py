"""People, places and organizations: one entry per real entity, with aliases and mentions.

Method, in two steps so a long input parsed in pieces is clustered as a whole:

1. ``find_mentions(doc, ctx)``: spaCy's PERSON / GPE / LOC / FAC / ORG spans,
   cleaned (leading "the", possessives, numbers or places spaCy ran onto a
   name, personal titles moved out of the name into ``titles``), plus names
   after an honorific that spaCy missed ("Mr. D’Souza") and untagged
   capitalised names as *candidates*.  Mentions inside page furniture, common
   words, handles and demonyms used as adjectives ("Alawite minority") are
   dropped; headline words and capitals are marked weak.
2. ``build_entities(mentions)``: each name form's kind is voted over all its
   mentions (titles and known first names for people, the offline gazetteer
   and place words for places), so "Al-Sharaa" tagged once as a place stays a
   person and "Tartus" tagged as an organization is a place.  Mentions are
   then merged: same form; a surname or first name joins the nearest
   preceding full name that has it (same title or honorific gender first);
   places by gazetteer identity ("U.S." = "America"); organizations by
   initials or reordered words.  Candidates join an entity of the same form;
   entities made only of weak mentions are dropped.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import lexicon
from ..models import Mention, Organization, Person, Place
from . import places
from .context import Context

KIND_OF_LABEL = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organization"}
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")


@dataclass(slots=True)
class EntityMention:
    """One cleaned named-entity mention, with global offsets.

    ``kind`` is None for a *candidate*: a capitalised name spaCy did not tag,
    kept only to be attached to an entity found elsewhere under the same form
    ("Chatwal" after "Sant Singh Chatwal").  ``weak`` marks a mention that
    alone is no evidence of an entity (a headline word, a common noun that
    opens a sentence); an entity made only of weak mentions is dropped.
    """

    start: int
    end: int
    text: str
    kind: str | None  # person | place | organization | None (candidate)
    sentence: int
    titles: list[str] = field(default_factory=list)
    weak: bool = False
    person_evidence: int = 0  # a title or honorific before it, a known first name
    honorific_form: str | None = None  # "Mr. D'Souza", kept as an alias


@dataclass
class Entities:
    people: list[Person]
    places: list[Place]
    organizations: list[Organization]


@lru_cache(maxsize=1 << 16)
def norm_key(name: str) -> str:
    """Comparison key of a name: case, accent, quote, dash and spacing variants folded.

    Cached: clustering compares every form with every other, so the same few
    hundred names are keyed again and again.
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("’", "'").replace("‐", "-").replace("–", "-")
    s = re.sub(r"^the\s+", "", " ".join(s.split()).casefold())
    return _POSSESSIVE.sub("", s).strip(" .,'\"")


_CLITIC = ("'s", "’s", "'", "’")
_DEMONYM_SUFFIXES = ("an", "ian", "ese", "ish", "ite", "ites", "ic", "ern", "i")


def _clean(ent: SpacySpan) -> SpacySpan | None:
    """Trim a leading determiner, a trailing possessive or punctuation; cut at an inner possessive.

    "Fox News Channel’s The Kelly File" is the channel's show: the owner is the entity.
    An entity that starts with a possessive clitic ("’s Note") is a fragment: None.
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    if doc[start].lower_ in _CLITIC:
        return None
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in ("'s", "’s") and doc[i + 1].is_title:
            end = i
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in _CLITIC):
        end -= 1
    return doc[start:end] if end > start else None


def first_name_gender(word: str) -> str | None:
    """"female"/"male" when ``word`` is a first name gender-guesser knows, else None.

    US usage first (the corpus factx is tuned on is US news: "Bernie", "Eli" are
    male there), then the worldwide lists ("Ahmed").  The answers are
    precomputed for every name (``scripts/build_first_names.py``): building
    gender-guesser's detector took longer than parsing an article.
    """
    return _first_name_gender(word.strip(".,").lower())


@lru_cache(maxsize=1 << 16)
def _first_name_gender(name: str) -> str | None:
    return lexicon.sorted_table("first_name_genders.txt").get(name)


def _is_title_word(tok: Token) -> bool:
    return tok.lower_ in lexicon.words("titles.txt") and (tok.is_title or tok.text[:1].isupper())


def _is_demonym_modifier(span: SpacySpan) -> bool:
    """"Alawite minority", "Middle Eastern migrants": an adjective of origin, not a place or body."""
    last = span.doc[span.end - 1]
    word = last.lower_.split("-")[-1]
    if not word.endswith(_DEMONYM_SUFFIXES) or places.lookup(span.text) is not None:
        return False
    root = span.root
    return root.dep_ in ("amod", "compound") and root.head.i >= span.end and root.head.pos_ == "NOUN"


_HEADLINE_LINES = 2
_MARKUP = re.compile(r"[@#<>\[\]{}|\\]")


def _shouted(text: str) -> bool:
    """Capitals that are not an acronym ("TALIBAN CLOSING", "BOWL"): a headline, not a name by itself.

    Known places in capitals ("NEW YORK" in a dateline) are not shouted.
    """
    words = [w for w in re.findall(r"[A-Za-z]+", text)]
    if not words or not text.isupper() or places.lookup(text) is not None:
        return False
    return len(words) > 1 or len(words[0]) > 6


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the opening lines when written in title case or capitals (the headline).

    Only the first lines: further down, a capitalised line is as likely a list
    or a table of names, which are real mentions.
    """
    out = []
    small = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "but", "at", "by", "with", "is",
             "as", "from", "who", "he", "she", "it"}
    lines = [m for m in re.finditer(r"[^\r\n]+", text) if m.group().strip()][:_HEADLINE_LINES]
    for m in lines:
        words = re.findall(r"[A-Za-z][\w'’-]*", m.group())
        content = [w for w in words if w.lower() not in small]
        if len(content) < 2 or len(words) > 25:
            continue
        caps = sum(1 for w in content if w[0].isupper())
        if caps / len(content) >= 0.8:
            out.append((m.start(), m.end()))
    return out


def _in_ranges(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


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
        if child.dep_ == "appos" and child.i >= span.end and any(t.lower_ in titles for t in child.subtree) \
                and not any(t.ent_type_ == "PERSON" for t in child.subtree):  # another person, not a role
            sub = [t for t in child.subtree if t.i >= span.end]
            while sub and sub[0].lower_ in ("the", "a", "an", ","):
                sub = sub[1:]
            if sub and len(sub) <= 8:
                found.append(doc[sub[0].i: sub[-1].i + 1].text)
    return start, [" ".join(f.split()) for f in found]


def _merged_ents(doc: Doc) -> list[tuple[int, int, str]]:
    """spaCy's entities as (start, end, label), with "ORG for/of the ORG" joined into one organization."""
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    out: list[tuple[int, int, str]] = []
    for s, e, label in ents:
        if out and label == "ORG" and out[-1][2] == "ORG":
            ps, pe, _ = out[-1]
            gap = [t.lower_ for t in doc[pe:s]]
            if gap in (["for", "the"], ["of", "the"], ["for"], ["of"]):
                out[-1] = (ps, e, "ORG")
                continue
        out.append((s, e, label))
    return out


def _name_tokens(doc: Doc) -> list[bool]:
    """Per token: could it be part of a capitalised name?  Read once per doc (this runs over
    every token of every input)."""
    return [t.tag_ in ("NNP", "NNPS") and t.text[:1].isupper() and not _is_title_word(t)
            and t.ent_type_ in ("", "PERSON", "ORG", "GPE", "NORP") for t in doc]


def _name_run(name_tok: list[bool], i: int, taken: set[int]) -> int:
    """End of the run of capitalised name tokens starting at ``i`` (``i`` when there is none)."""
    j = i
    while j < len(name_tok) and j not in taken and name_tok[j]:
        j += 1
    return j


_POLL_WORDS = ("poll", "survey")


def _trim_person(span: SpacySpan) -> SpacySpan:
    """Cut what spaCy ran on past a name: a number ("Marco Rubio 3") or a place ("Ted Cruz South Carolina")."""
    doc = span.doc
    end = span.end
    while end > span.start + 1 and (doc[end - 1].like_num or not doc[end - 1].text[:1].isalpha()):
        end -= 1
    for k in range(span.start + 2, end):
        info = places.lookup(doc[k:end].text)
        if info is not None and info.kind in ("country", "region"):
            end = k
            break
    return doc[span.start:end]


def _split_joint(span: SpacySpan, ctx: Context) -> list[EntityMention]:
    """"Suffolk University/Boston Globe Poll": two organizations, and a poll is not one."""
    out = []
    text = span.text
    pos = 0
    for part in text.split("/"):
        a, b = pos, pos + len(part)
        pos = b + 1
        words = part[: b - a].split()
        while words and words[-1].casefold() in _POLL_WORDS:
            b = a + part.rstrip().rfind(words[-1]) - 1 if len(words) > 1 else a
            words = words[:-1]
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        seg = seg.strip()
        if not seg or not any(ch.isupper() for ch in seg):
            continue
        s = ctx.base + span.start_char + a + lead
        if ctx.furniture.overlaps(s, s + len(seg)):
            continue
        out.append(EntityMention(s, s + len(seg), seg, "organization", ctx.sentence_of(span.start)))
    return out


def find_mentions(doc: Doc, ctx: Context | None = None) -> list[EntityMention]:
    """Named-entity mentions of ``doc`` outside page furniture, cleaned, in text order.

    Besides spaCy's entities it returns names after an honorific that spaCy
    missed ("Mr. D’Souza") as people, and untagged capitalised names as
    candidates for ``build_entities`` to attach to entities found elsewhere.
    """
    ctx = ctx or Context(doc)
    heads = _headline_lines(ctx.text) if ctx.base == 0 else []
    out: list[EntityMention] = []
    taken: set[int] = set()

    def add(span: SpacySpan, kind: str | None, titles: list[str], evidence: int, hon: str | None) -> None:
        if not any(ch.isupper() for ch in span.text):  # "weekends", "navy": common words
            return
        if _MARKUP.search(span.text):  # handles and markup: "@jdoe", "W]e"
            return
        s, e = ctx.global_range(span)
        if ctx.furniture.overlaps(s, e):
            return
        weak = _in_ranges(heads, span.start_char, span.end_char) or not any(
            t.tag_ in ("NNP", "NNPS") for t in span) or _shouted(span.text)
        out.append(EntityMention(s, e, span.text, kind, ctx.sentence_of(span.start), titles, weak,
                                 evidence, hon))
        taken.update(range(span.start, span.end))

    for s0, e0, label in _merged_ents(doc):
        kind = KIND_OF_LABEL.get(label)
        if kind is None:
            continue
        span = _clean(doc[s0:e0])
        if span is None or not any(ch.isalpha() for ch in span.text):
            continue
        if _is_demonym_modifier(span) and (kind != "person" or (
                len(span) == 1 and first_name_gender(span.text) is None)):
            continue
        if len(span) == 1 and span[0].lower_ + "." in lexicon.words("titles.txt"):
            continue  # "Pres" of "Pres. Obama": an abbreviated title, not a name
        titles: list[str] = []
        evidence = 0
        hon = None
        prev = doc[span.start - 1] if span.start > 0 else None
        if kind != "person" and prev is not None and _is_title_word(prev) and places.lookup(span.text) is None:
            kind = "person"  # "President Al-Sharaa" whatever spaCy's label
        if kind == "person":
            span = _trim_person(span)
            if span.text.casefold() in lexicon.words("platforms.txt"):
                kind = "organization"  # "Twitter" is a company, not a person
        if kind == "person":
            start, titles = _titles_before(span)
            if start > span.start or (prev is not None and _is_title_word(prev)):
                evidence += 2
                hs = span.start if start > span.start else span.start - 1
                hon = doc[hs:span.end].text
            span = doc[start:span.end]
        if len(span) > 1 and len(span[0]) > 2 and first_name_gender(span[0].text) \
                and places.lookup(span.text) is None and not any(t.lower_ in lexicon.words("org_words.txt")
                                                                 for t in span):
            evidence += 1
        if len(span) == 1 and kind != "person" and span.end < len(doc) and doc[span.end].is_title \
                and doc[span.end].ent_type_ not in ("", label) and places.lookup(span.text) is None:
            continue  # "Super" of "Super Tuesday": spaCy cut a longer name in two
        if kind == "organization" and "/" in span.text:
            for piece in _split_joint(span, ctx):
                out.append(piece)
            taken.update(range(span.start, span.end))
            continue
        add(span, kind, titles, evidence, hon)
    # names after a title or honorific that spaCy left untagged: "Mr. D’Souza", "Judge Berman"
    name_tok = _name_tokens(doc)
    titles = lexicon.words("titles.txt")
    for i in [i for i, low in enumerate(doc.to_array([LOWER]).tolist() if len(doc) else [])
              if doc.vocab.strings[low] in titles]:
        tok = doc[i]
        if tok.i in taken or not _is_title_word(tok) or tok.i + 1 >= len(doc):
            continue
        end = _name_run(name_tok, tok.i + 1, taken)
        if end > tok.i + 1:
            span = _clean(doc[tok.i + 1:end])
            if span is not None:
                add(span, "person", [tok.text], 2, doc[tok.i:span.end].text)
    # candidates: other capitalised names, attached later only to entities found elsewhere
    i = 0
    while i < len(doc):
        end = _name_run(name_tok, i, taken)
        if end > i:
            span = _clean(doc[i:end])
            if span is not None:
                add(span, None, [], 0, None)
            i = end
        else:
            i += 1
    out.sort(key=lambda m: m.start)
    return out


_KIND_ORDER = {"person": 3, "place": 2, "organization": 1}
_SMALL = {"of", "the", "for", "and", "&", "on", "in", "u.s.", "us"}


def _decide_kinds(tagged: list[EntityMention]) -> dict[str, str]:
    """Kind of each name form by the evidence of all its mentions, not by its first tag.

    A vote per mention for spaCy's label, extra weight for a title or a known
    first name (person) and for a gazetteer entry or a place-like last word
    (place); then a form that is the surname of a person is a person.
    """
    votes: dict[str, Counter[str]] = {}
    for m in tagged:
        k = norm_key(m.text)
        v = votes.setdefault(k, Counter())
        v[m.kind or "organization"] += 2
        v["person"] += 2 * m.person_evidence
        if m.kind != "person" and (_gazetteer_place(m) or (
                m.kind == "organization" and places.head_kind(m.text)
                and m.text.split()[-1].casefold() not in lexicon.words("org_words.txt"))):
            v["place"] += 3
    kind_of = {k: max(v, key=lambda kind: (v[kind], _KIND_ORDER[kind])) for k, v in votes.items()}
    person_parts: set[str] = set()
    for k, kind in kind_of.items():
        if kind == "person":
            person_parts.update(_parts(k))
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


@lru_cache(maxsize=1 << 16)
def _parts(full: str) -> frozenset[str]:
    """The shorter names a fuller name ``full`` answers to: its tails ("zakharova" of "maria
    zakharova"), its last word past a hyphenated particle ("assad" of "bashar al-assad") and its
    first word ("hillary" of "hillary clinton").

    Clustering asks "which fuller names contain this short name?" for every
    mention; answering from a set of parts keeps that linear in the input
    rather than comparing every name with every other.
    """
    fw = full.split()
    if len(fw) < 2:
        return frozenset()
    out = {" ".join(fw[i:]) for i in range(1, len(fw))}
    if "-" in fw[-1]:
        out.add(fw[-1].split("-")[-1])
    out.add(fw[0])
    out.discard("")
    return frozenset(out)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.casefold() not in _SMALL and w[:1].isupper())


def _cluster_key(m: EntityMention) -> str:
    """Places share a key across spellings the gazetteer knows as one ("U.S.", "America")."""
    if m.kind == "place":
        info = places.lookup(m.text)
        if info is not None:
            return info.canonical
    return norm_key(m.text)


class _VariantIndex:
    """The spellings of the clusters kept so far, looked up by the forms a variant would match."""

    def __init__(self) -> None:
        self.maps: dict[str, dict[object, list[int]]] = {}

    def add(self, slot: str, key: object, i: int) -> None:
        hosts = self.maps.setdefault(slot, {}).setdefault(key, [])
        if not hosts or hosts[-1] != i:
            hosts.append(i)

    def get(self, slot: str, key: object) -> list[int]:
        return self.maps.get(slot, {}).get(key, [])


def _variant_forms(kind: str, c: list[EntityMention]) -> tuple[list[tuple[str, object]], list[tuple[str, object]]]:
    """What a cluster offers to later variants, and what it looks for in earlier clusters.

    Places: "Guantanamo Bay" offers "guantanamo" (its name without the place
    word) and looks for it.  Organizations: the sorted content words
    ("justice department" = "department of justice"), and initials against an
    all-capitals form ("ACLU").
    """
    offers: list[tuple[str, object]] = []
    wants: list[tuple[str, object]] = []
    keys = list(dict.fromkeys(norm_key(m.text) for m in c))
    if kind == "place":
        for a in keys:
            la = a.split()
            offers.append(("key", a))
            wants.append(("trunc", a))
            if places.head_kind(a):
                offers.append(("trunc", " ".join(la[:-1])))
                wants.append(("key", " ".join(la[:-1])))
    elif kind == "organization":
        for a in keys:
            sa = tuple(sorted(w for w in a.split() if w not in _SMALL))
            if len(sa) > 1:
                offers.append(("words", sa))
                wants.append(("words", sa))
        for t in dict.fromkeys(m.text for m in c):
            if t.isupper() and len(t) > 1:
                offers.append(("upper", t))
                wants.append(("initials", t))
            offers.append(("initials", _initials(t)))
            wants.append(("upper", _initials(t)))
    return offers, wants


def _merge_variants(clusters: list[list[EntityMention]]) -> list[list[EntityMention]]:
    """Join place and organization clusters that name the same thing in other words.

    "Guantanamo" and "Guantanamo Bay" (a place word added), "ACLU" and
    "American Civil Liberties Union" (initials), "Justice Department" and
    "Department of Justice" (the same content words).  A cluster joins the
    latest earlier cluster it matches.
    """
    out: list[list[EntityMention]] = []
    index = {"place": _VariantIndex(), "organization": _VariantIndex()}
    for c in clusters:
        kind = c[0].kind or ""
        if kind not in index:
            out.append(c)
            continue
        offers, wants = _variant_forms(kind, c)
        idx = index[kind]
        matches = [i for slot, key in wants for i in idx.get(slot, key)]
        if matches:
            target = max(matches)
            out[target].extend(c)
        else:
            target = len(out)
            out.append(c)
        for slot, key in offers:
            idx.add(slot, key, target)
    return out


_NEAR_SENTENCES = 3


def _title_words(m: EntityMention) -> list[str]:
    words = [w.casefold() for t in m.titles for w in t.split()]
    if m.honorific_form:
        words.append(m.honorific_form.split()[0].casefold())
    return words


def _honorific_gender(m: EntityMention) -> str | None:
    hon = lexicon.mapping("honorifics.txt")
    return next((hon[w] for w in _title_words(m) if w in hon), None)


class _Full:
    """The mentions of one person cluster that are fuller names containing a given short name."""

    __slots__ = ("longest", "sentences", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.sentences: list[int] = []
        self.longest = ""

    def add(self, m: EntityMention) -> None:
        i = bisect.bisect_right(self.starts, m.start)
        self.starts.insert(i, m.start)
        self.sentences.insert(i, m.sentence)
        if len(m.text) > len(self.longest):
            self.longest = m.text


class _People:
    """Person clusters with what resolving a short name needs, kept up to date as mentions join.

    ``full[k][i]``: the mentions of cluster ``i`` whose names contain the short
    name ``k``; per cluster, its titles and the first honorific gender.  Each
    lookup then costs the handful of clusters sharing a name, not the article.
    """

    def __init__(self, clusters: list[list[EntityMention]]):
        self.clusters = clusters
        self.full: dict[str, dict[int, _Full]] = {}
        self.titles: dict[int, set[str]] = {}
        self.hon: dict[int, str | None] = {}
        for i, c in enumerate(clusters):
            if c and c[0].kind == "person":
                for m in c:
                    self._index(i, m)

    def _index(self, i: int, m: EntityMention) -> None:
        for p in _parts(norm_key(m.text)):
            self.full.setdefault(p, {}).setdefault(i, _Full()).add(m)
        self.titles.setdefault(i, set()).update(t.casefold() for t in m.titles)
        if self.hon.get(i) is None:
            self.hon[i] = _honorific_gender(m)

    def append(self, i: int, m: EntityMention) -> None:
        self.clusters[i].append(m)
        self._index(i, m)

    def gender(self, i: int, name: str) -> str | None:
        """As ``_gender``: an honorific in the cluster, else the first name of ``name``."""
        return self.hon.get(i) or _name_gender(name)

    def host(self, m: EntityMention) -> int | None:
        """The person cluster a short name ``m`` refers to (see ``build_entities`` step 3); None when the
        only fuller names holding it are short names themselves, not placed yet ("Bin" before "Bin Laden")."""
        k = norm_key(m.text)
        found = self.full.get(k, {})
        hosts = sorted(found)
        if not hosts:
            return None
        said = _honorific_gender(m)
        if said is not None:  # "Mrs. Clinton" is not Bill
            fits = [i for i in hosts if self.gender(i, found[i].longest) in (said, None)]
            hosts = fits or hosts
        wanted = {t.casefold() for t in m.titles}
        if wanted:
            same = [i for i in hosts if wanted & self.titles.get(i, set())]
            hosts = same or hosts
        last_before: dict[int, int] = {}
        for i in hosts:
            j = bisect.bisect_left(found[i].starts, m.start)
            if j:
                last_before[i] = j - 1
        if last_before:
            nearest = max(last_before, key=lambda i: found[i].starts[last_before[i]])
            last = found[nearest].sentences[last_before[nearest]]
            if len(last_before) == 1 or m.sentence - last <= _NEAR_SENTENCES:
                return nearest
            # far from any full mention: the bearer of the name the article introduces most
            return max(last_before, key=lambda i: (len(found[i].starts), -found[i].starts[0]))
        return min(hosts, key=lambda i: found[i].starts[0])


def _gender(c: list[EntityMention], name: str) -> str | None:
    """Gender from an honorific ("Mrs.", "spokeswoman") or else from a first name gender-guesser knows."""
    for m in c:
        g = _honorific_gender(m)
        if g is not None:
            return g
    return _name_gender(name)


def _name_gender(name: str) -> str | None:
    """The gender gender-guesser gives the first name of a full name; None for a single word."""
    words = name.split()
    return first_name_gender(words[0]) if len(words) > 1 else None


def _place_record(pid: str, name: str, aliases: list[str], ments: list[Mention]) -> Place:
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


def _attach_candidates(final: list[list[EntityMention]], candidates: list[EntityMention]) -> None:
    """Step 4 of ``build_entities``: untagged names join an entity found elsewhere under the same form,
    or a person whose fuller name contains them (the nearest one before, else the only one)."""
    index: dict[str, int] = {}  # a form -> the first cluster using it
    for i, c in enumerate(final):
        for m in c:
            index.setdefault(_cluster_key(m), i)
            index.setdefault(norm_key(m.text), i)
    starts = [sorted(m.start for m in c) for c in final]
    parts: dict[str, set[int]] = {}
    for i, c in enumerate(final):
        if c[0].kind == "person":
            for m in c:
                for p in _parts(norm_key(m.text)):
                    parts.setdefault(p, set()).add(i)
    for m in candidates:
        k = norm_key(m.text)
        i = index.get(k)
        if i is None:
            hosts = sorted(parts.get(k, ()))
            if hosts:
                before = [h for h in hosts if starts[h][0] < m.start]
                i = max(before, key=lambda h: starts[h][bisect.bisect_left(starts[h], m.start) - 1]) if before \
                    else hosts[0] if len(hosts) == 1 else None
        if i is not None:
            c = final[i]
            m.kind = c[0].kind
            c.append(m)
            bisect.insort(starts[i], m.start)
            if c[0].kind == "person":
                for p in _parts(k):
                    parts.setdefault(p, set()).add(i)


def build_entities(mentions: list[EntityMention]) -> Entities:
    """Merge mentions into entities and decide each entity's kind by the votes of its mentions."""
    tagged = [m for m in mentions if m.kind is not None]
    candidates = [m for m in mentions if m.kind is None]
    # 1. kind by evidence across mentions; a surname of a person is a person wherever it occurs
    kind_of = _decide_kinds(tagged)
    for m in tagged:
        m.kind = kind_of[norm_key(m.text)]
    # 2. cluster in text order: same key joins.  A one-word person name that is
    #    part of a fuller person name in the article (surname or first name) is
    #    held back and resolved in step 3.
    full_parts: set[str] = set()
    for m in tagged:
        if m.kind == "person":
            full_parts.update(_parts(norm_key(m.text)))
    clusters: list[list[EntityMention]] = []
    by_key: dict[tuple[str, str], int] = {}
    deferred: list[EntityMention] = []
    for m in sorted(tagged, key=lambda m: m.start):
        k = _cluster_key(m)
        if m.kind == "person" and k in full_parts:
            deferred.append(m)
            continue
        target = by_key.get((m.kind or "", k))
        if target is None:
            target = len(clusters)
            clusters.append([])
        clusters[target].append(m)
        by_key[(m.kind or "", k)] = target
    # 3. a short name joins the nearest preceding full mention that has it (the
    #    way a reader resolves "Clinton"), preferring one with the same title
    #    ("President Clinton"); before any full mention, the first one introduced.
    people = _People(clusters)
    for m in deferred:
        host = people.host(m)
        if host is None:
            host = len(clusters)
            clusters.append([])
        people.append(host, m)
    final = _merge_variants(clusters)
    # 4. untagged names join an entity found elsewhere under the same form
    _attach_candidates(final, candidates)
    # 5. an entity with no strong mention (headline words, a common noun opening a sentence) is dropped
    final = [c for c in final if not all(m.weak for m in c)
             or (c[0].kind == "place" and any(places.lookup(m.text) for m in c))]
    return _records(final)


def _records(final: list[list[EntityMention]]) -> Entities:
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
        ments = [Mention(start=m.start, end=m.end, text=m.text, sentence=m.sentence) for m in c]
        kind = c[0].kind
        if kind == "person":
            titles = list(dict.fromkeys(t for m in c for t in m.titles))
            people.append(Person(id=f"p{len(people) + 1}", name=name, aliases=aliases, mentions=ments,
                                 titles=titles, gender=_gender(c, name)))
        elif kind == "place":
            place_list.append(_place_record(f"l{len(place_list) + 1}", name, aliases, ments))
        else:
            orgs.append(Organization(id=f"o{len(orgs) + 1}", name=name, aliases=aliases, mentions=ments))
    return Entities(people, place_list, orgs)


def extract_entities(doc: Doc, ctx: Context | None = None) -> Entities:
    """People, places and organizations of one parsed ``Doc``."""
    return build_entities(find_mentions(doc, ctx))
