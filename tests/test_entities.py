"""People, places and organizations on small invented texts, with the real spaCy model."""

from __future__ import annotations

from conftest import assert_offsets
from hypothesis import given
from hypothesis import strategies as st

from factx.extractors.entities import (
    EntityMention,
    build_entities,
    find_mentions,
    first_name_gender,
    norm_key,
)
from factx.extractors.entities.headlines import headline_lines, shouted
from factx.extractors.entities.names import name_parts
from factx.extractors.places import lookup


def _run(extractor, text: str):
    article = extractor.extract_text(text, source="t.txt")
    assert_offsets(article, text)
    return article


def _forms(ent) -> set[str]:
    return {ent.name, *ent.aliases}


def _person(article, name: str):
    return next(p for p in article.people if p.name == name)


def test_surname_honorific_and_possessive_merge_into_one_person(extractor):
    text = ("Senator Jane Whitfield toured the flooded town of Dover on Monday. "
            "Ms. Whitfield said the state would pay for repairs. "
            "Whitfield’s office later released a list of damaged roads.")
    article = _run(extractor, text)
    whit = [p for p in article.people if "Whitfield" in p.name]
    assert len(whit) == 1
    p = whit[0]
    assert p.name == "Jane Whitfield"
    assert "Whitfield" in p.aliases and "Ms. Whitfield" in p.aliases
    assert len(p.mentions) == 3
    assert "Senator" in p.titles
    assert p.gender == "female"


def test_shared_surname_goes_to_nearest_preceding_full_name(extractor):
    text = ("Ann Keller opened her campaign in Toledo on Friday. Keller promised lower taxes. "
            "Her brother, Tom Keller, runs a bakery in the city. Keller said business was slow this year.")
    article = _run(extractor, text)
    ann = _person(article, "Ann Keller")
    tom = _person(article, "Tom Keller")
    ann_bare = [m.start for m in ann.mentions if m.text == "Keller"]
    tom_bare = [m.start for m in tom.mentions if m.text == "Keller"]
    assert ann_bare == [text.index("Keller promised")]
    assert tom_bare == [text.index("Keller said")]
    assert ann.gender == "female" and tom.gender == "male"


def test_first_name_alone_joins_the_full_name(extractor):
    text = ("Megan Alvarez, a nurse from Tucson, spoke at the rally. "
            "The crowd cheered when Megan described her night shifts.")
    article = _run(extractor, text)
    alv = [p for p in article.people if "Alvarez" in p.name or p.name == "Megan"]
    assert len(alv) == 1 and "Megan" in alv[0].aliases


def test_title_words_are_moved_from_the_name_to_titles(extractor):
    text = "Interim President Omar Haddad met the envoy. Haddad promised elections within a year."
    article = _run(extractor, text)
    p = next(p for p in article.people if "Haddad" in p.name)
    assert p.name == "Omar Haddad"
    assert "Interim President" in p.titles


def test_apposition_gives_a_title(extractor):
    text = "Lena Morrow, the city's deputy mayor, said the bridge would reopen. Morrow did not say when."
    article = _run(extractor, text)
    p = next(p for p in article.people if p.name == "Lena Morrow")
    assert any("deputy mayor" in t for t in p.titles)


def test_us_spellings_are_one_country(extractor):
    text = ("The U.S. sent aid to Chile. Officials in the US said America would send more. "
            "The United States is the largest donor.")
    article = _run(extractor, text)
    us = [pl for pl in article.places if pl.country == "US"]
    assert len(us) == 1
    assert us[0].kind == "country"
    assert {"U.S.", "US", "America"} & _forms(us[0])
    chile = next(pl for pl in article.places if pl.name == "Chile")
    assert chile.country == "CL" and chile.kind == "country"


def test_city_gets_coordinates_and_unknown_place_keeps_nulls():
    paris = lookup("Paris")
    assert paris is not None and paris.kind == "city" and paris.country == "FR"
    assert abs(paris.latitude - 48.85) < 0.1 and abs(paris.longitude - 2.35) < 0.1
    assert lookup("Zqxland") is None
    assert lookup("the U.S.’s").canonical == lookup("America").canonical


def test_organization_tagged_name_that_is_a_known_place_is_a_place():
    m = [EntityMention(0, 6, "Tartus", "organization", 0), EntityMention(20, 26, "Tartus", "place", 1),
         EntityMention(40, 46, "Tartus", "organization", 2)]
    ents = build_entities(m)
    assert [p.name for p in ents.places] == ["Tartus"] and not ents.organizations
    assert ents.places[0].country == "SY"


def test_alias_of_a_person_is_a_person_wherever_it_occurs():
    m = [EntityMention(0, 13, "Rosa Delgado", "person", 0),
         EntityMention(30, 37, "Delgado", "place", 1),
         EntityMention(50, 57, "Delgado", "organization", 2)]
    ents = build_entities(m)
    assert len(ents.people) == 1 and not ents.places and not ents.organizations
    assert len(ents.people[0].mentions) == 3


def test_acronym_and_reordered_names_join_organizations():
    m = [EntityMention(0, 30, "American Civil Liberties Union", "organization", 0),
         EntityMention(40, 44, "ACLU", "organization", 1),
         EntityMention(60, 80, "Justice Department", "organization", 2),
         EntityMention(90, 113, "Department of Justice", "organization", 3)]
    ents = build_entities(m)
    assert len(ents.organizations) == 2
    assert "ACLU" in ents.organizations[0].aliases


def test_only_weak_mentions_make_no_entity():
    m = [EntityMention(0, 9, "Inclusion", "organization", 0, weak=True),
         EntityMention(20, 31, "Hana Sorvik", "person", 1)]
    ents = build_entities(m)
    assert [p.name for p in ents.people] == ["Hana Sorvik"] and not ents.organizations


def test_demonym_before_a_noun_is_not_a_place_or_organization(nlp):
    doc = nlp("Fighters attacked the Alawite minority near the coast, and families fled to Beirut.")
    mentions = find_mentions(doc)
    kinds = {m.text: m.kind for m in mentions}
    assert kinds.get("Alawite") is None  # at most a candidate that never makes an entity
    assert kinds.get("Beirut") == "place"
    ents = build_entities(mentions)
    names = {e.name for kind in (ents.people, ents.places, ents.organizations) for e in kind}
    assert names == {"Beirut"}


def test_common_words_are_not_entities(extractor):
    text = "Turnout fell on weekends in the navy towns, said Carla Mendes of Lisbon."
    article = _run(extractor, text)
    forms = {f for kind in (article.people, article.places, article.organizations) for e in kind for f in _forms(e)}
    assert "weekends" not in forms and "navy" not in forms


def test_untagged_honorific_name_is_a_person(nlp):
    doc = nlp("“We will appeal,” Mr. Okonkwo told the court.")
    ms = [m for m in find_mentions(doc) if m.kind == "person"]
    assert any(m.text == "Okonkwo" and m.honorific_form == "Mr. Okonkwo" for m in ms)


def test_names_inside_furniture_are_not_reported(extractor):
    text = ("Rescue teams reached Hama on Tuesday, said Lina Farouk of the Red Crescent.\n"
            "Follow Peter Quill on Twitter @pquill\n"
            "SOURCE : AFP | Follow Us: Facebook | Instagram | Twitter | Youtube\n")
    article = _run(extractor, text)
    forms = {f for kind in (article.people, article.places, article.organizations) for e in kind for f in _forms(e)}
    assert not forms & {"Peter Quill", "Twitter", "Youtube", "Facebook", "Instagram", "AFP"}
    assert any(p.name == "Lina Farouk" for p in article.people)
    assert {r.kind for r in article.ignored} == {"social"}


def test_gender_from_first_name_and_honorific():
    assert first_name_gender("Maria") == "female"
    assert first_name_gender("Ahmed") == "male"
    assert first_name_gender("Zzyzx") is None
    ents = build_entities([EntityMention(0, 6, "Ashton", "person", 0, titles=["Mrs."], honorific_form="Mrs. Ashton")])
    assert ents.people[0].gender == "female"


def test_norm_key_folds_variants():
    assert norm_key("Assad’s") == norm_key("assad")
    assert norm_key("Al‐Sharaa") == norm_key("AL-SHARAA")
    assert norm_key("Guantánamo") == norm_key("Guantanamo")


def test_bare_surname_far_from_a_relative_goes_to_the_main_bearer():
    m = [EntityMention(0, 10, "Dana Pryce", "person", 0),
         EntityMention(20, 25, "Pryce", "person", 1),
         EntityMention(40, 50, "Dana Pryce", "person", 2),
         EntityMention(60, 70, "Olga Pryce", "person", 3),
         EntityMention(80, 85, "Pryce", "person", 4),
         EntityMention(200, 205, "Pryce", "person", 12)]
    ents = build_entities(m)
    dana = next(p for p in ents.people if p.name == "Dana Pryce")
    olga = next(p for p in ents.people if p.name == "Olga Pryce")
    assert [x.start for x in olga.mentions] == [60, 80]  # right after her full name
    assert [x.start for x in dana.mentions] == [0, 20, 40, 200]  # nine sentences on: the main Pryce


def test_title_in_common_with_the_full_mention_picks_the_bearer():
    m = [EntityMention(0, 10, "Dana Pryce", "person", 0),
         EntityMention(20, 30, "Olga Pryce", "person", 1, titles=["Governor"]),
         EntityMention(40, 45, "Pryce", "person", 2),
         EntityMention(60, 65, "Pryce", "person", 3, titles=["Governor"], honorific_form="Governor Pryce")]
    ents = build_entities(m)
    olga = next(p for p in ents.people if p.name == "Olga Pryce")
    assert [x.start for x in olga.mentions] == [20, 40, 60]
    assert "Governor Pryce" in olga.aliases


def test_platform_names_are_never_people(nlp):
    doc = nlp("Twitter said the account was suspended. Youtube removed the video.")
    assert not [m for m in find_mentions(doc) if m.kind == "person"]


def test_joint_organizations_are_split_and_poll_dropped(nlp):
    doc = nlp("Turnout rose, according to a Marlow College/Harbor Gazette Poll released on Sunday.")
    orgs = [m for m in find_mentions(doc) if m.kind == "organization"]
    for m in orgs:
        assert doc.text[m.start:m.end] == m.text
    texts = {m.text for m in orgs}
    assert "Harbor Gazette" in texts and not any("Poll" in t for t in texts)


def test_state_abbreviation_and_nickname_share_the_state():
    assert lookup("Mass.").canonical == lookup("Massachusetts").canonical
    assert lookup("Granite State").canonical == lookup("New Hampshire").canonical
    assert lookup("Ga.").country == "US"


def test_honorific_gender_keeps_a_surname_off_the_wrong_relative():
    m = [EntityMention(0, 13, "Hillary Brand", "person", 0),
         EntityMention(20, 30, "Bill Brand", "person", 1),
         EntityMention(40, 45, "Brand", "person", 1, titles=["Mrs."], honorific_form="Mrs. Brand")]
    ents = build_entities(m)
    hillary = next(p for p in ents.people if p.name == "Hillary Brand")
    assert [x.start for x in hillary.mentions] == [0, 40]
    assert first_name_gender("Bernie") == "male"


def test_headline_words_need_support_from_the_body(nlp):

    text = "Secret Memo Shows Harlan Voss Knew\nHarlan Voss, the port director, read the memo in March.\n"
    heads = headline_lines(text)
    assert heads == [(0, text.index("\n"))]
    mentions = find_mentions(nlp(text))
    assert all(m.weak for m in mentions if m.end <= heads[0][1])
    ents = build_entities(mentions)
    assert any(p.name == "Harlan Voss" for p in ents.people)
    assert not any("Memo" in e.name for kind in (ents.people, ents.places, ents.organizations) for e in kind)


def test_capitals_and_handles_are_not_names_by_themselves():

    assert shouted("TALIBAN CLOSING")
    assert not shouted("NATO") and not shouted("NEW YORK") and not shouted("Boston")


def test_handles_are_not_entities(nlp):
    doc = nlp("Reporter Dana Lee (@danalee) filed the story from Boston.")
    assert not [m for m in find_mentions(doc) if "@" in m.text]


_NAME_WORDS = st.sampled_from(["ana", "bel", "al-bel", "bin-ana", "cruz", "de", "ana-cruz", "-", "bel-"])


def _part_of(full: str, short: str) -> bool:
    """The pairwise rule the index replaces: ``short`` is a tail of ``full`` (a hyphenated
    particle dropped from its last word), or its first word."""
    fw, sw = full.split(), short.split()
    if not sw or len(fw) <= len(sw):
        return False
    if fw[-len(sw):] == sw or (len(sw) == 1 and "-" in fw[-1] and fw[-1].split("-")[-1] == sw[0]):
        return True
    return len(sw) == 1 and fw[0] == short


@given(st.lists(_NAME_WORDS, min_size=1, max_size=4), st.lists(_NAME_WORDS, min_size=1, max_size=3))
def test_parts_index_holds_exactly_the_short_names_of_a_full_name(full_words, short_words):
    full, short = " ".join(full_words), " ".join(short_words)
    assert (short in name_parts(full)) == _part_of(full, short)


def test_surnames_resolve_to_their_nearest_bearer_across_a_long_input():
    """Hundreds of articles in one input: every "Pryce" goes to the full name just before it."""
    m, expected = [], {"Maria Pryce": [], "Olga Pryce": []}
    for block in range(400):
        base, sent = block * 1000, block * 10
        first = "Maria Pryce" if block % 2 else "Olga Pryce"
        m += [EntityMention(base, base + 10, first, "person", sent),
              EntityMention(base + 100, base + 105, "Pryce", "person", sent + 1),
              EntityMention(base + 200, base + 205, "Pryce", "person", sent + 2),
              EntityMention(base + 300, base + 312, f"Agency {block}", "organization", sent + 3)]
        expected[first] += [base, base + 100, base + 200]
    ents = build_entities(m)
    assert {p.name: [x.start for x in p.mentions] for p in ents.people} == expected
    assert len(ents.organizations) == 400


def test_short_name_before_every_fuller_form_is_kept():
    m = [EntityMention(0, 3, "Bin", "person", 0), EntityMention(10, 19, "Bin Laden", "person", 1),
         EntityMention(30, 45, "Osama Bin Laden", "person", 2)]
    ents = build_entities(m)
    assert sorted(x.start for p in ents.people for x in p.mentions) == [0, 10, 30]
    assert "Osama Bin Laden" in [p.name for p in ents.people]


def test_company_with_a_legal_form_and_its_short_name_are_organizations(extractor):
    """spaCy tags firms named like people as persons; a legal form ("AG") says a company, and the
    article's short name of that company is one too."""
    article = _run(extractor, "Norvale Mining AG reported higher profits on Tuesday. "
                              "Norvale said that demand for copper in Asia had risen.")
    assert not article.people
    assert {o.name for o in article.organizations} == {"Norvale Mining AG", "Norvale"}


def test_short_forms_of_company_and_institution_names():
    from factx.extractors.entities.names import short_forms

    assert short_forms(("magna", "international", "inc")) == (("magna",), ("magna", "international"))
    assert short_forms(("commerce", "department")) == (("commerce",),)
    assert short_forms(("department", "of", "justice")) == (("justice",),)
    assert short_forms(("magna", "international")) == ()


def test_untagged_and_cut_names_are_people(extractor):
    text = ("The Rangers lost again on Friday. Tuukka Ranta made 25 saves, and Anders Nilsson made 30 for "
            "the visitors. Eric Robinson and Boone Jenner also scored, while rookie Emil Bemstrom added two "
            "assists. Former special envoy to Ukraine Kurt Volker testified on Tuesday. South Korean "
            "President Moon Jae-in visited the plant.")
    art = _run(extractor, text)
    people = {p.name for p in art.people}
    assert {"Tuukka Ranta", "Anders Nilsson", "Boone Jenner", "Emil Bemstrom", "Kurt Volker", "Moon Jae-in"} <= people
    orgs = {o.name for o in art.organizations}
    assert not {"Nilsson", "Boone Jenner", "Ukraine Kurt Volker"} & orgs
    assert "Ukraine" in {p.name for p in art.places}


def test_a_word_hyphened_to_a_name_is_no_part_of_it(extractor):
    art = _run(extractor, "Officials reviewed Bush-era rules on Monday, and George Bush said nothing.")
    assert "Bush-era" not in {n for p in art.people for n in (p.name, *p.aliases)}


def test_what_the_words_around_a_name_say_of_its_kind(extractor):
    text = ("Major Loomcraft layoffs begin\n\n"
            "ST. ALBANS, Vt. (AP) — Cases were reported in Barry, Ottery and Van Buren counties. "
            "Former National Security Council official Ann Ruiz spoke at the Hoa Lo prison on Monday. "
            "Dick Clark Productions denied the report, and the Hazel Hen supercomputer ran for a month. "
            "Loomcraft will cut jobs, and the plant's output reached 8.69 GW last year.")
    art = _run(extractor, text)
    places = {n for p in art.places for n in (p.name, *p.aliases)}
    assert {"Barry", "Ottery", "Van Buren", "Hoa Lo", "ST. ALBANS"} <= places
    people = {n for p in art.people for n in (p.name, *p.aliases)}
    assert not {"Van Buren", "National Security Council", "Dick Clark Productions", "Hazel Hen",
                "Major Loomcraft"} & people
    orgs = {n for o in art.organizations for n in (o.name, *o.aliases)}
    assert {"National Security Council", "Dick Clark Productions"} <= orgs
    assert "GW" not in orgs


def test_a_building_and_a_street_keep_their_whole_names(extractor):
    text = ("He took the girl to Forest Hill's WoodSpring Suites hotel, where police found her. "
            "They had been walking down Fort Worth's 6th Avenue on Saturday.")
    art = _run(extractor, text)
    places = {n for p in art.places for n in (p.name, *p.aliases)}
    assert {"WoodSpring Suites", "6th Avenue"} <= places
    assert not {"WoodSpring", "Suites", "Avenue"} & places


def test_a_name_before_a_persons_role_is_their_body(extractor):
    text = ("Shares rose 2%, and Jefferies analyst Jonathan Matuszewski raised his target. "
            "Former Liberal Democrat leader Nick Clegg said nothing, and Texas senator John Cornyn agreed.")
    art = _run(extractor, text)
    assert "Jefferies" in {o.name for o in art.organizations}
    assert "Jefferies" not in {p.name for p in art.places}
    assert "Democrat" not in {o.name for o in art.organizations}
    assert "Texas" in {p.name for p in art.places}


def test_an_acronym_in_brackets_is_the_body_it_follows(extractor):
    text = ("South Korea's Ministry of Trade, Industry and Energy (MOTIE) has unveiled a plan. "
            "According to data released by MOTIE in August, capacity grew.")
    art = _run(extractor, text)
    motie = [o for o in art.organizations if "MOTIE" in (o.name, *o.aliases)]
    assert len(motie) == 1 and motie[0].name == "Ministry of Trade, Industry and Energy"


def test_countries_in_a_results_list_are_places(extractor):
    text = ("Turkey drew Iceland 0-0 in Istanbul, and Switzerland beat Gibraltar 6-0 to win the group.\n\n"
            "England (Group A): 10th appearance\n\n"
            "Italy (Group J): 10th appearance\n")
    art = _run(extractor, text)
    places = {n for p in art.places for n in (p.name, *p.aliases)}
    assert {"Iceland", "Gibraltar", "England", "Italy", "Istanbul"} <= places
    assert not any("0-0" in n for o in art.organizations for n in (o.name, *o.aliases))


def test_a_demonym_is_no_place_and_a_known_city_after_in_is_one(extractor):
    text = ("Holmes was having lunch with the ambassador in Kyiv when the call came. "
            "Sondland said he had relayed the message to the Ukrainian that aid might be freed.")
    art = _run(extractor, text)
    places = {n for p in art.places for n in (p.name, *p.aliases)}
    assert "Kyiv" in places
    assert "Ukrainian" not in places
