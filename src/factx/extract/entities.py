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

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

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


@cache
def _gender_detector():  # type: ignore[no-untyped-def]
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


def first_name_gender(word: str) -> str | None:
    """"female"/"male" when ``word`` is a first name gender-guesser knows, else None.

    US usage first (the corpus factx is tuned on is US news: "Bernie", "Eli" are
    male there), then the worldwide lists ("Ahmed").
    """
    det = _gender_detector()
    name = word.strip(".,")
    for g in (det.get_gender(name, "usa"), det.get_gender(name)):
        if g in ("female", "mostly_female"):
            return "female"
        if g in ("male", "mostly_male"):
            return "male"
    return None


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


def _ends_with(full: str, short: str) -> bool:
    """True when the name ``short`` is a tail of ``full``: "zakharova" of "maria zakharova",
    "assad" of "bashar al-assad" (a hyphenated particle such as al-/el-/bin- dropped)."""
    fw, sw = full.split(), short.split()
    if not sw or len(fw) <= len(sw):
        return False
    if fw[-len(sw):] == sw:
        return True
    return len(sw) == 1 and "-" in fw[-1] and fw[-1].split("-")[-1] == sw[0]


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
    person_keys = [k for k, kind in kind_of.items() if kind == "person" and len(k.split()) > 1]
    for k, kind in kind_of.items():
        if kind == "person":
            continue
        info = places.lookup(k)
        if info is not None and info.kind in ("country", "region"):
            continue
        if any(_part_of(f, k) for f in person_keys):
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


def _starts_with(full: str, first: str) -> bool:
    """True when the one-word name ``first`` is the first name of ``full`` ("hillary" of "hillary clinton")."""
    fw = full.split()
    return len(first.split()) == 1 and len(fw) > 1 and fw[0] == first


def _part_of(full: str, short: str) -> bool:
    return _ends_with(full, short) or _starts_with(full, short)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.casefold() not in _SMALL and w[:1].isupper())


def _cluster_key(m: EntityMention) -> str:
    """Places share a key across spellings the gazetteer knows as one ("U.S.", "America")."""
    if m.kind == "place":
        info = places.lookup(m.text)
        if info is not None:
            return info.canonical
    return norm_key(m.text)


def _merge_variants(clusters: list[list[EntityMention]]) -> list[list[EntityMention]]:
    """Join place and organization clusters that name the same thing in other words.

    "Guantanamo" and "Guantanamo Bay" (a place word added), "ACLU" and
    "American Civil Liberties Union" (initials), "Justice Department" and
    "Department of Justice" (the same content words).
    """
    out: list[list[EntityMention]] = []
    for c in clusters:
        host = None
        kind = c[0].kind
        keys = {norm_key(m.text) for m in c}
        for h in out:
            if h[0].kind != kind or kind == "person":
                continue
            hkeys = {norm_key(m.text) for m in h}
            for a in keys:
                for b in hkeys:
                    la, lb = a.split(), b.split()
                    if kind == "place" and (
                            (len(lb) == len(la) + 1 and lb[:-1] == la and places.head_kind(b))
                            or (len(la) == len(lb) + 1 and la[:-1] == lb and places.head_kind(a))):
                        host = h
                    elif kind == "organization":
                        sa = sorted(w for w in la if w not in _SMALL)
                        sb = sorted(w for w in lb if w not in _SMALL)
                        if len(sa) > 1 and sa == sb:
                            host = h
                        texts_a = [m.text for m in c if norm_key(m.text) == a]
                        texts_b = [m.text for m in h if norm_key(m.text) == b]
                        if any(t.isupper() and len(t) > 1 and any(_initials(u) == t for u in texts_b)
                               for t in texts_a) or any(
                                t.isupper() and len(t) > 1 and any(_initials(u) == t for u in texts_a)
                                for t in texts_b):
                            host = h
        if host is not None:
            host.extend(c)
        else:
            out.append(c)
    return out


_NEAR_SENTENCES = 3


def _title_words(m: EntityMention) -> list[str]:
    words = [w.casefold() for t in m.titles for w in t.split()]
    if m.honorific_form:
        words.append(m.honorific_form.split()[0].casefold())
    return words


def full_of(c: list[EntityMention], k: str) -> list[EntityMention]:
    """Mentions of cluster ``c`` that are fuller names containing the one-word name ``k``."""
    return [x for x in c if len(norm_key(x.text).split()) > 1 and _part_of(norm_key(x.text), k)]


def _host_of(m: EntityMention, clusters: list[list[EntityMention]]) -> list[EntityMention]:
    """The person cluster a one-word name ``m`` refers to (see ``build_entities`` step 3)."""
    k = norm_key(m.text)
    hosts = [c for c in clusters if c and c[0].kind == "person"
             and any(len(norm_key(x.text).split()) > 1 and _part_of(norm_key(x.text), k) for x in c)]
    hon = lexicon.mapping("honorifics.txt")
    said = next((hon[w] for w in _title_words(m) if w in hon), None)
    if said is not None:  # "Mrs. Clinton" is not Bill
        fits = [c for c in hosts
                if _gender(c, max((x.text for x in full_of(c, k)), key=len, default="")) in (said, None)]
        hosts = fits or hosts
    wanted = {t.casefold() for t in m.titles}
    if wanted:
        same = [c for c in hosts if wanted & {t.casefold() for x in c for t in x.titles}]
        hosts = same or hosts
    def full(c: list[EntityMention]) -> list[EntityMention]:
        return full_of(c, k)

    before = [c for c in hosts if any(x.start < m.start for x in full(c))]
    if before:
        nearest = max(before, key=lambda c: max(x.start for x in full(c) if x.start < m.start))
        last = max(x.sentence for x in full(nearest) if x.start < m.start)
        if len(before) == 1 or m.sentence - last <= _NEAR_SENTENCES:
            return nearest
        # far from any full mention: the bearer of the name the article introduces most
        return max(before, key=lambda c: (len(full(c)), -min(x.start for x in full(c))))
    return min(hosts, key=lambda c: min(x.start for x in full(c)))


def _gender(c: list[EntityMention], name: str) -> str | None:
    """Gender from an honorific ("Mrs.", "spokeswoman") or else from a first name gender-guesser knows."""
    hon = lexicon.mapping("honorifics.txt")
    for m in c:
        for w in _title_words(m):
            if w in hon:
                return hon[w]
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
    full_keys = {norm_key(m.text) for m in tagged if m.kind == "person" and len(norm_key(m.text).split()) > 1}
    clusters: list[list[EntityMention]] = []
    by_key: dict[tuple[str, str], int] = {}
    deferred: list[EntityMention] = []
    for m in sorted(tagged, key=lambda m: m.start):
        k = _cluster_key(m)
        if m.kind == "person" and any(_part_of(f, k) for f in full_keys):
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
    for m in deferred:
        _host_of(m, clusters).append(m)
    final = clusters
    final = _merge_variants(final)
    # 4. untagged names join an entity found elsewhere under the same form
    index: dict[str, list[EntityMention]] = {}
    for c in final:
        for m in c:
            index.setdefault(_cluster_key(m), c)
            index.setdefault(norm_key(m.text), c)
    for m in candidates:
        k = norm_key(m.text)
        host = index.get(k)
        if host is None:
            hosts = [c for c in final if c[0].kind == "person" and any(_part_of(norm_key(x.text), k) for x in c)]
            if hosts:
                before = [c for c in hosts if any(x.start < m.start for x in c)]
                host = max(before, key=lambda c: max(x.start for x in c if x.start < m.start)) if before \
                    else hosts[0] if len(hosts) == 1 else None
        if host is not None:
            m.kind = host[0].kind
            host.append(m)
    # 5. an entity with no strong mention (headline words, a common noun opening a sentence) is dropped
    final = [c for c in final if not all(m.weak for m in c)
             or (c[0].kind == "place" and any(places.lookup(m.text) for m in c))]
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
