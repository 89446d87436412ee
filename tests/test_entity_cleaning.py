"""Cleaning names: title words, acronyms, joined names, table fragments, religions and works, initials.

Texts written for these tests; the real spaCy model.
"""

from __future__ import annotations

from conftest import assert_offsets

from factx.extractors.entities.cleaning import is_acronym, split_run_on, trim_numbers


def _run(extractor, text: str):
    article = extractor.extract_text(text, source="t.txt")
    assert_offsets(article, text)
    return article


def _forms(ents) -> set[str]:
    return {n for e in ents for n in (e.name, *e.aliases)}


def _all_forms(article) -> set[str]:
    return _forms(article.people) | _forms(article.places) | _forms(article.organizations)


def test_title_words_are_not_organizations(extractor):
    art = _run(extractor, "Secretary of State John F. Kerry met Attorney General Loretta Lynch in Ottawa on "
                          "Monday. Kerry said the talks went well.")
    assert not {"State", "Attorney", "Attorney General"} & _forms(art.organizations)
    kerry = [p for p in art.people if "Kerry" in p.name]
    assert len(kerry) == 1 and kerry[0].name == "John F. Kerry" and "Kerry" in kerry[0].aliases


def test_names_with_initials_stay_whole_and_join_their_short_forms(extractor):
    art = _run(extractor, "Mary K. Smith, the new coach, said P. Simmons would captain the side. "
                          "Smith added that Simmons was fit.")
    names = {p.name: set(p.aliases) for p in art.people}
    assert names.get("Mary K. Smith") == {"Smith"} and names.get("P. Simmons") == {"Simmons"}
    assert not art.places


def test_acronyms_are_never_people():
    assert is_acronym("GCHQ") and is_acronym("U.N.") and is_acronym("OPEC")
    assert not is_acronym("Kerry") and not is_acronym("NEW YORK") and not is_acronym("A")


def test_acronym_tagged_as_a_person_becomes_an_organization(extractor):
    art = _run(extractor, "The spy agency said on Tuesday that its staff were safe. KPMG said so too, "
                          "and analysts at KPMG agreed with the agency's own review.")
    assert "KPMG" not in _forms(art.people)


def test_joined_names_are_split(extractor):
    art = _run(extractor, "A Reuters-Ipsos poll published on Sunday showed the mayor ahead by four points.")
    assert {"Reuters", "Ipsos"} <= _forms(art.organizations)
    assert not any("-" in f for f in _forms(art.organizations))


def test_scores_and_seeds_are_trimmed_from_names(nlp):
    doc = nlp("Somerset 83 and 174\n2 - Michael Chang (U.S.) beat Tim Henman 6-2")
    assert trim_numbers(doc[0:2]).text == "Somerset"
    assert trim_numbers(doc[5:9]).text == "Michael Chang"
    radio = nlp("Radio 4 said it would air the debate.")
    assert trim_numbers(radio[0:2]).text == "Radio 4"


def test_a_name_never_crosses_a_line_or_a_kicker_dash(nlp):
    doc = nlp("American League\nCalifornia 7 Boston 3")
    pieces = [doc[s:e].text for s, e, _ in split_run_on(doc, [(0, 4, "ORG")])]
    assert pieces == ["American League", "California"]
    doc = nlp("Cricket - Surrey win again")
    assert [doc[s:e].text for s, e, _ in split_run_on(doc, [(0, 3, "ORG")])] == ["Surrey"]


def test_religions_ideologies_and_works_are_not_entities(extractor):
    art = _run(extractor, "Buddhism and Islam were growing in the region, Marxism was not, and fans of the "
                          "Starlight Harbour series bought the new Zenphone model.")
    assert not {"Buddhism", "Islam", "Marxism", "Starlight Harbour"} & _all_forms(art)


def test_common_nouns_run_onto_an_organization_are_trimmed(extractor):
    art = _run(extractor, "The Interfax news agency said on Monday that the talks in Grozny had stalled.")
    assert "Interfax news agency" not in _forms(art.organizations)


def test_a_common_word_alone_is_no_person(extractor):
    art = _run(extractor, "Halftime 1-0. Attendance 15,000")
    assert "Attendance" not in _forms(art.people)
    art = _run(extractor, "Damon Hill won the race in Monza on Sunday. Hill said the car was perfect.")
    hill = [p for p in art.people if p.name == "Damon Hill"]
    assert hill and "Hill" in hill[0].aliases


def test_a_verb_or_a_preposition_inside_a_name_parts_two_names(extractor):
    text = ("The two engaged in a heated altercation before Myles Garrett hit Mason Rudolph in the head. "
            "She will perform at the American Music Awards after Taylor Swift said so.")
    art = _run(extractor, text)
    forms = {n for kind in (art.people, art.organizations, art.places) for e in kind for n in (e.name, *e.aliases)}
    assert not any(" hit " in f or " after " in f for f in forms)
    assert {"Myles Garrett", "Mason Rudolph"} <= {p.name for p in art.people}
