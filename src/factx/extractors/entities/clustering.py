"""Pass 3: mentions merged into entities.

Same form; a surname or first name joins the nearest preceding full name
that has it (same title or honorific gender first); places by gazetteer
identity ("U.S." = "America"); organizations by initials or reordered words;
candidates join an entity of the same form.
"""

from __future__ import annotations

import bisect

from .. import places
from .mention import EntityMention
from .names import SMALL_WORDS, honorific_gender, initials, name_gender, name_parts, norm_key


def cluster_key(m: EntityMention) -> str:
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
            sa = tuple(sorted(w for w in a.split() if w not in SMALL_WORDS))
            if len(sa) > 1:
                offers.append(("words", sa))
                wants.append(("words", sa))
        for t in dict.fromkeys(m.text for m in c):
            if t.isupper() and len(t) > 1:
                offers.append(("upper", t))
                wants.append(("initials", t))
            offers.append(("initials", initials(t)))
            wants.append(("upper", initials(t)))
    return offers, wants


def merge_variants(clusters: list[list[EntityMention]]) -> list[list[EntityMention]]:
    """Join place and organization clusters that name the same thing in other words.

    "Guantanamo" and "Guantanamo Bay" (a place word added), "ACLU" and
    "American Civil Liberties Union" (initials), "Justice Department" and
    "Department of Justice" (the same content words), "MOTIE" in brackets
    after "Ministry of Trade, Industry and Energy".  A cluster joins the
    latest earlier cluster it matches.
    """
    out: list[list[EntityMention]] = []
    index = {"place": _VariantIndex(), "organization": _VariantIndex()}
    bracketed = _bracketed(clusters)
    for c in clusters:
        kind = c[0].kind or ""
        if kind not in index:
            out.append(c)
            continue
        offers, wants = _variant_forms(kind, c)
        idx = index[kind]
        offers += [("at", m.end) for m in c]
        wants += [("at", bracketed[id(m)]) for m in c if id(m) in bracketed]
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


def _bracketed(clusters: list[list[EntityMention]]) -> dict[int, int]:
    """Acronyms in brackets right after an organization's name ("Ministry of Trade, Industry and Energy
    (MOTIE)"), whatever their letters: mention id -> the end of the name they abbreviate."""
    orgs = {m.end: m for c in clusters for m in c if m.kind == "organization"}
    out: dict[int, int] = {}
    for c in clusters:
        for m in c:
            name = orgs.get(m.start - 2)
            if m.kind == "organization" and name is not None and m.text.isupper() and " " not in m.text \
                    and m.text[:1] == name.text[:1]:
                out[id(m)] = name.end
    return out


_NEAR_SENTENCES = 3


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


class PeopleIndex:
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
        for p in name_parts(norm_key(m.text)):
            self.full.setdefault(p, {}).setdefault(i, _Full()).add(m)
        self.titles.setdefault(i, set()).update(t.casefold() for t in m.titles)
        if self.hon.get(i) is None:
            self.hon[i] = honorific_gender(m.titles, m.honorific_form)

    def append(self, i: int, m: EntityMention) -> None:
        self.clusters[i].append(m)
        self._index(i, m)

    def gender(self, i: int, name: str) -> str | None:
        """As ``records.cluster_gender``: an honorific in the cluster, else the first name of ``name``."""
        return self.hon.get(i) or name_gender(name)

    def host(self, m: EntityMention) -> int | None:
        """The person cluster a short name ``m`` refers to (see ``build_entities`` step 3); None when the
        only fuller names holding it are short names themselves, not placed yet ("Bin" before "Bin Laden")."""
        k = norm_key(m.text)
        found = self.full.get(k, {})
        hosts = sorted(found)
        if not hosts:
            return None
        said = honorific_gender(m.titles, m.honorific_form)
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


def attach_candidates(final: list[list[EntityMention]], candidates: list[EntityMention]) -> None:
    """Step 4 of ``build_entities``: untagged names join an entity found elsewhere under the same form,
    or a person whose fuller name contains them (the nearest one before, else the only one)."""
    index: dict[str, int] = {}  # a form -> the first cluster using it
    for i, c in enumerate(final):
        for m in c:
            index.setdefault(cluster_key(m), i)
            index.setdefault(norm_key(m.text), i)
    starts = [sorted(m.start for m in c) for c in final]
    parts: dict[str, set[int]] = {}
    for i, c in enumerate(final):
        if c[0].kind == "person":
            for m in c:
                for p in name_parts(norm_key(m.text)):
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
                for p in name_parts(k):
                    parts.setdefault(p, set()).add(i)


def cluster_mentions(tagged: list[EntityMention]) -> list[list[EntityMention]]:
    """Mentions with a kind into clusters, in text order.

    Same kind and key join.  A one-word person name that is part of a fuller
    person name in the article (surname or first name) is held back, then
    joins the nearest preceding full mention that has it (the way a reader
    resolves "Clinton"), preferring one with the same title ("President
    Clinton"); before any full mention, the first one introduced.  Places and
    organizations named in other words are joined last (``merge_variants``).
    """
    full_parts: set[str] = set()
    for m in tagged:
        if m.kind == "person":
            full_parts.update(name_parts(norm_key(m.text)))
    clusters: list[list[EntityMention]] = []
    by_key: dict[tuple[str, str], int] = {}
    deferred: list[EntityMention] = []
    for m in sorted(tagged, key=lambda m: m.start):
        k = cluster_key(m)
        if m.kind == "person" and k in full_parts:
            deferred.append(m)
            continue
        target = by_key.get((m.kind or "", k))
        if target is None:
            target = len(clusters)
            clusters.append([])
        clusters[target].append(m)
        by_key[(m.kind or "", k)] = target
    people = PeopleIndex(clusters)
    for m in deferred:
        host = people.host(m)
        if host is None:
            host = len(clusters)
            clusters.append([])
        people.append(host, m)
    return merge_variants(clusters)


def drop_weak(clusters: list[list[EntityMention]]) -> list[list[EntityMention]]:
    """Entities with no strong mention (headline words, a common noun opening a sentence) are dropped;
    a place the gazetteer knows is kept."""
    return [c for c in clusters if not all(m.weak for m in c)
            or (c[0].kind == "place" and any(places.lookup(m.text) for m in c))]
