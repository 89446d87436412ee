"""The prebuilt package data (gazetteer index, first-name genders) matches a fresh build from the packages.

factx ships these tables so that start-up does not rebuild them; a table gone
stale after a dependency upgrade would silently change answers, so each is
rebuilt here with its script and compared.
"""

from __future__ import annotations

import importlib.util
from importlib import resources

from conftest import ROOT


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shipped(name: str) -> list[str]:
    text = resources.files("factx.data").joinpath(name).read_text(encoding="utf-8")
    return [line + "\n" for line in text.splitlines() if not line.startswith("#")]


def test_places_index_is_a_fresh_build():
    build = _script("build_places_index")
    assert _shipped("places_index.tsv") == list(build.lines(build.build()))


def test_every_package_key_is_found():
    from factx.extractors import places

    fresh = _script("build_places_index").build()
    curated = places._curated()
    for key, info in fresh.items():
        if key not in curated:
            assert places._lookup_key(key) == places.PlaceInfo(*info), key
            assert places._lookup_key(key + "~") is None or key + "~" in fresh


def test_places_lookup_gives_the_package_answers_with_places_txt_over_them():
    from factx.extractors import places

    fresh = _script("build_places_index").build()
    for key in ("shanghai", "tartous", "europe", "texas", "france", "united states"):
        kind, cc, lat, lon, canonical, population = fresh[key]
        assert places.lookup(key) == places.PlaceInfo(kind, cc, lat, lon, canonical, population), key
    # a curated name (data/places.txt) overrides the packages; a nickname shares its place's canonical key
    assert places.lookup("U.S.").canonical == places.lookup("United States").canonical == "country:US"
    assert places.lookup("the U.S.’s").kind == "country"
    assert places.lookup("Zzyzxville") is None
    assert places.lookup("") is None and places.lookup("!") is None and places.lookup("\uffff") is None


def test_first_name_genders_match_gender_guesser():
    import gender_guesser.detector as gd

    from factx.extractors.entities import first_name_gender
    from factx.extractors.entities.names import is_first_name

    table = _script("build_first_names").build()
    assert all(first_name_gender(name) == (gender if gender != "andy" else None) and is_first_name(name)
               for name, gender in table.items())
    assert table["casey"] == "andy" and first_name_gender("Casey") is None and is_first_name("Casey")
    assert _shipped("first_name_genders.txt") == _script("build_first_names").lines(table)
    det = gd.Detector(case_sensitive=False)

    def guessed(word: str) -> str | None:
        name = word.strip(".,")
        for g in (det.get_gender(name, "usa"), det.get_gender(name)):
            if g in ("female", "mostly_female"):
                return "female"
            if g in ("male", "mostly_male"):
                return "male"
        return None

    for name in list(det.names)[::7]:
        for form in (name, name.title(), name.upper() + "."):
            assert first_name_gender(form) == guessed(form), form


def test_legal_forms_are_a_fresh_build_from_cleanco():
    assert _shipped("legal_forms.txt") == [form + "\n" for form in _script("build_legal_forms").build()]
