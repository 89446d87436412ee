"""A name ending in a company's legal form (``extractors/entities/legal.py``, forms from cleanco), or one
owning shares or a listing (``roles.py``), is an organization, whatever the tagger read it as."""

from __future__ import annotations

import pytest
from conftest import assert_offsets

from factx.extractors.entities.legal import legal_form_after


@pytest.mark.parametrize(("text", "company"), [
    ("Talanx AG and Hannover Rueck SE agreed on the merger on Friday.", "Talanx AG"),
    ("Novo Nordisk A/S cut its sales forecast, the Danish drugmaker said.", "Novo Nordisk A/S"),
    ("Orlen Lietuva UAB will close the refinery for two weeks.", "Orlen Lietuva UAB"),
    ("Marcus Bergstrom GmbH sued the city over the permit.", "Marcus Bergstrom GmbH"),
    ("Shares of Brembo SpA rose 3 percent after the results.", "Brembo SpA"),
    ("Ahold Delhaize NV said sales grew 4 percent in the quarter.", "Ahold Delhaize NV"),
])
def test_a_name_with_a_legal_form_is_a_company(extractor, text, company):
    article = extractor.extract_text(text)
    assert_offsets(article, text)
    assert company in [o.name for o in article.organizations]
    assert not any(company.split()[0] in p.name for p in (*article.people, *article.places))


def test_a_legal_form_needs_its_capital_and_a_short_one_no_comma():
    assert legal_form_after("Talanx AG said", len("Talanx")) == len("Talanx AG")
    assert legal_form_after("Hasbro, Inc. said", len("Hasbro")) == len("Hasbro, Inc.")
    assert legal_form_after("Siemens ag", len("Siemens")) is None  # lower case: a word, not the form
    assert legal_form_after("Denver, CO", len("Denver")) is None  # a state after a comma
    assert legal_form_after("the Abu Dhabi GP", len("the Abu Dhabi")) is None  # a race (not_legal_forms.txt)
    assert legal_form_after("Volvo ABC", len("Volvo")) is None  # only a whole word


def test_people_and_places_stay_what_they_are(extractor):
    text = "Angela Merkel met executives in Frankfurt, Germany, on Monday, a spokesman said."
    article = extractor.extract_text(text)
    assert [p.name for p in article.people] == ["Angela Merkel"]
    assert {"Frankfurt", "Germany"} <= {p.name for p in article.places}
    assert article.organizations == []


def test_a_name_that_owns_shares_or_a_listing_is_a_company(extractor):
    text = ("Kelvara is set to raise $2bn in its Hong Kong listing. Kelvara shares closed at $185 in New York, "
            "and Kelvara's secondary listing opens on Friday. Hong Kong shares fell 1%.")
    article = extractor.extract_text(text)
    assert_offsets(article, text)
    assert "Kelvara" in [o.name for o in article.organizations]
    assert "Kelvara" not in [p.name for p in article.places]
    assert "Hong Kong" in [p.name for p in article.places]  # the gazetteer's place keeps its kind
