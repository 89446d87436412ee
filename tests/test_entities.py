"""People, places, organizations: merging, kinds, titles, furniture, gazetteer (GOLD_FORMAT.md)."""

from __future__ import annotations

from factx.furniture import find_regions
from factx.gazetteer import lookup


def by_name(ents) -> dict:
    return {e.name: e for e in ents}


def test_surname_and_honorific_forms_merge(extractor):
    a = extractor.extract_text("Senator Mary Johnson spoke on Monday. Later, Mrs. Johnson left. "
                               "Johnson’s office declined to comment.")
    (p,) = a.people
    assert p.name == "Mary Johnson"
    assert "Johnson" in p.aliases and "Mrs. Johnson" in p.aliases
    assert len(p.mentions) == 3
    assert p.gender == "female"


def test_shared_surname_goes_to_the_nearest_full_name(extractor):
    a = extractor.extract_text("Hillary Clinton spoke first. Clinton said the plan was sound. "
                               "Then Bill Clinton took the stage. Clinton said he agreed.")
    people = by_name(a.people)
    assert set(people) == {"Hillary Clinton", "Bill Clinton"}
    assert len(people["Hillary Clinton"].mentions) == 2
    assert len(people["Bill Clinton"].mentions) == 2


def test_title_is_moved_out_of_the_name(extractor):
    a = extractor.extract_text("Interim President Ahmed Al-Sharaa has warned that the killings must stop.")
    p = by_name(a.people)["Ahmed Al-Sharaa"]
    assert "Interim President" in p.titles


def test_pre_modifier_role_is_a_title(extractor):
    a = extractor.extract_text("Foreign Ministry spokeswoman Maria Zakharova announced the evacuation on Thursday.")
    p = by_name(a.people)["Maria Zakharova"]
    assert any("spokeswoman" in t for t in p.titles)


def test_us_forms_are_one_place_with_a_country_code(extractor):
    a = extractor.extract_text("The U.S. sent aid. America has long backed the plan, and the United States "
                               "will pay for it, officials in Boston said.")
    places = by_name(a.places)
    us = [p for p in a.places if p.country == "US" and p.kind == "country"]
    assert len(us) == 1 and len(us[0].mentions) == 3
    boston = places["Boston"]
    assert boston.kind == "city" and boston.country == "US" and boston.latitude is not None


def test_gazetteer_offline():
    assert lookup("Damascus").country == "SY"
    assert lookup("Texas").kind == "region"
    assert lookup("Hmeimim") is None


def test_place_tagged_as_organization_is_a_place(seed_article):
    assert "Tartus" in {p.name for p in seed_article.places}
    assert "Tartus" not in {o.name for o in seed_article.organizations}


def test_alias_of_a_person_is_a_person_everywhere(seed_article):
    people = by_name(seed_article.people)
    assert "Al-Sharaa" in people["Ahmed Al-Sharaa"].aliases
    assert "Al-Sharaa" not in {p.name for p in seed_article.places}


def test_acronym_joins_the_full_name(extractor):
    a = extractor.extract_text("The American Civil Liberties Union sued the city. The ACLU said it would win.")
    (o,) = a.organizations
    assert o.name == "American Civil Liberties Union" and "ACLU" in o.aliases


def test_footer_names_are_not_entities(extractor):
    text = ("Mayor Ann Lee opened the bridge in Chicago.\n"
            "SOURCE : Reuters | Follow Us: Facebook | Instagram | Twitter | Youtube")
    a = extractor.extract_text(text)
    names = {e.name for e in a.people + a.organizations + a.places}
    assert names == {"Ann Lee", "Chicago"}
    assert [r.kind for r in a.ignored] == ["social"]


def test_furniture_regions():
    text = ("By John Smith and Jane Doe\nThe vote was close.\nPhoto: Getty Images\n"
            "RELATED NEWS : Markets fall\nThe end.")
    kinds = [r.kind for r in find_regions(text)]
    assert kinds == ["byline", "credit", "related"]
    for r in find_regions(text):
        assert text[r.start:r.end] == r.text


def test_common_words_are_not_names(extractor):
    a = extractor.extract_text("They spent weekends at mosques and churches across the region.")
    assert a.people == a.places == a.organizations == []
