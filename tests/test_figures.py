"""Figures: detection, value, unit, counted noun, ranges, exclusions, links (GOLD_FORMAT.md)."""

from __future__ import annotations

import pytest

from factx.extract.figures import extract_figures


def figs(nlp, text: str) -> dict[str, object]:
    return {f.text: f for f in extract_figures(nlp(text))}


@pytest.mark.parametrize(("text", "span", "value", "unit"), [
    ("The company lost $4.5 million last year.", "$4.5 million", 4_500_000, "USD"),
    ("The bill cost £2.6bn in total.", "£2.6bn", 2.6e9, "GBP"),
    ("Ticket prices rose by 6 cents this week.", "6 cents", 0.06, "USD"),
    ("About 45 percent of voters agreed.", "About 45 percent", 45, "percent"),
    ("She leads by 5 points in the poll.", "5 points", 5, "points"),
    ("The fire spread over 30 km of forest.", "over 30 km", 30, "km"),
    ("Forty-five lawmakers signed the letter.", "Forty-five", 45, None),
    ("He counted 1,500,000 ballots.", "1,500,000", 1_500_000, None),
])
def test_values_and_units(nlp, text, span, value, unit):
    f = figs(nlp, text)[span]
    assert f.value == pytest.approx(value)
    assert f.unit == unit


def test_counted_noun_and_qualifier(nlp):
    f = figs(nlp, "The shelter housed approximately 9,000 people fleeing the fighting.")["approximately 9,000"]
    assert (f.value, f.counted, f.approximate, f.qualifier) == (9000, "people", True, "approximately")


def test_counted_through_the_verb_subject(nlp):
    f = figs(nlp, "The death toll rose to 212 on Monday.")["212"]
    assert f.counted == "death toll"


def test_counted_through_of_phrase(nlp):
    assert figs(nlp, "Hundreds of residents were evacuated.")["Hundreds"].counted == "residents"


def test_vague_magnitudes(nlp):
    f = figs(nlp, "Thousands of protesters marched through the city.")["Thousands"]
    assert f.value is None and f.approximate and f.low is not None


def test_ranges_are_one_figure(nlp):
    f = figs(nlp, "Between 50 and 60 officers were injured.")["Between 50 and 60"]
    assert (f.value, f.low, f.high, f.approximate) == (None, 50, 60, True)
    f = figs(nlp, "Four or five people were hurt.")["Four or five"]
    assert (f.low, f.high) == (4, 5)


def test_poll_pair_is_two_figures(nlp):
    found = figs(nlp, "She won the state 54 percent to 46 percent.")
    assert {"54 percent", "46 percent"} <= set(found)


def test_unit_carried_over_an_ellipsis(nlp):
    found = figs(nlp, "The two parties won 11 and 8 percent of the vote.")
    assert found["11"].unit == "percent"


def test_dozen_words(nlp):
    assert figs(nlp, "She has tried a half-dozen slogans.")["a half-dozen"].value == 6
    assert figs(nlp, "They raised over half a million dollars.")["over half a million dollars"].value == 500_000


@pytest.mark.parametrize("text", [
    "The meeting took place in 2015.",
    "He finished in 11th place on March 15.",
    "This is part 3 of 3 of the series.",
    "The F-16 jets flew over Section 1032 of the base.",
    "It is a two-way street and he is a four-star general.",
    "One of the most important votes came at one point in the night.",
    "The Gang of Eight met at 9 a.m.",
])
def test_exclusions(nlp, text):
    assert extract_figures(nlp(text)) == []


def test_part_of_link(nlp):
    found = extract_figures(nlp("The death toll rose to 1,311, including 830 civilians."))
    total, part = found
    assert part.part_of == total.id and total.part_of is None


def test_event_word(nlp):
    f = figs(nlp, "At least 40 people were killed in the attack.")["At least 40"]
    assert f.event == "killed" and f.counted == "people"


def test_odd_numbers_do_not_raise(nlp):
    extract_figures(nlp("10^100 and 1,000,000,000,000,000,000 and 1.234,5 and ½ and 3½ and 7e3 and 1e400."))
