"""The reference article against its gold answer (data/samples/hmeimim.gold.json)."""

from __future__ import annotations

from conftest import assert_offsets


def _names(ents) -> set[str]:
    return {e.name for e in ents}


def test_people_match_gold(seed_article, seed_gold):
    assert _names(seed_article.people) == {p["name"] for p in seed_gold["people"]}


def test_social_footer_names_are_not_people(seed_article, seed_gold):
    forms = {f for p in seed_article.people for f in (p.name, *p.aliases)}
    assert not forms & set(seed_gold["not_people"])


def test_places_found(seed_article, seed_gold):
    gold = {p["name"] for p in seed_gold["places"]}
    found = {f.removeprefix("the ") for p in seed_article.places for f in (p.name, *p.aliases)}
    missing = gold - found
    assert len(missing) <= 1, missing


def test_surname_is_alias_of_full_name(seed_article):
    zak = next(p for p in seed_article.people if p.name == "Maria Zakharova")
    assert "Zakharova" in zak.aliases
    assert len(zak.mentions) == 3


def test_key_figures_with_values(seed_article):
    by_text = {f.text: f for f in seed_article.figures}
    assert by_text["approximately 9,000"].value == 9000
    assert by_text["approximately 9,000"].approximate
    assert by_text["approximately 9,000"].counted == "people"
    assert by_text["1,311"].value == 1311
    assert by_text["830"].value == 830
    assert by_text["830"].counted == "civilians"
    assert by_text["hundreds"].value is None and by_text["hundreds"].approximate


def test_no_figure_from_the_credit_line(seed_article, seed_text):
    footer = seed_text.index("SOURCE : AFP")
    assert all(f.start < footer for f in seed_article.figures)


def test_quotes_have_the_right_speakers(seed_article, seed_gold):
    """At least five gold quotes are found with the gold speaker mention and name."""
    right = 0
    for g in seed_gold["quotes"]:
        for q in seed_article.quotes:
            overlap = min(q.end, g["end"]) - max(q.start, g["start"])
            if overlap > 0.5 * (g["end"] - g["start"]) and q.speaker is not None \
                    and q.speaker.start < g["speaker"]["end"] and g["speaker"]["start"] < q.speaker.end \
                    and q.speaker.name == g["speaker"]["name"]:
                right += 1
                break
    assert right >= 5


def test_pronoun_speaker_resolved(seed_article):
    she = [q for q in seed_article.quotes if q.speaker and q.speaker.text.lower() == "she"]
    assert she, "the 'She noted that ...' quotes are found"
    assert all(q.speaker.name == "Maria Zakharova" for q in she)
    zak = next(p for p in seed_article.people if p.name == "Maria Zakharova")
    assert all(q.speaker.entity == zak.id for q in she)


def test_figures_link_to_the_quote_that_holds_them(seed_article):
    f = next(f for f in seed_article.figures if f.text == "approximately 9,000")
    q = next(q for q in seed_article.quotes if q.id == f.quote)
    assert q.start <= f.start and f.end <= q.end
    assert f.id in q.figures


def test_every_span_matches_the_text(seed_article, seed_text):
    assert_offsets(seed_article, seed_text)


def test_model_and_schema_version_reported(seed_article):
    assert seed_article.schema_version
    assert seed_article.model.version == "3.8.0"
    assert seed_article.sentences > 5
