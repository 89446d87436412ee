"""Figures extractor (issue 5) on small invented sentences, one group per form in GOLD_FORMAT.md.

Every test runs the real spaCy model; each checks the span text against the input, so offsets stay exact.
"""

from __future__ import annotations

import pytest
from conftest import assert_offsets

from factx.extractors.figures import extract_figures
from factx.models import Figure


def figs(nlp, text: str) -> list[Figure]:
    out = extract_figures(nlp(text))
    for f in out:
        assert text[f.start:f.end] == f.text, f
    return out


def by_text(nlp, text: str) -> dict[str, Figure]:
    return {f.text: f for f in figs(nlp, text)}


# --- counts in digits and words ------------------------------------------------------------


def test_digits_with_separators_and_qualifier(nlp):
    f = by_text(nlp, "The shelter took in approximately 4,250 families after the flood.")
    fig = f["approximately 4,250"]
    assert fig.value == 4250 and fig.unit is None and fig.counted == "families"
    assert fig.approximate and fig.qualifier == "approximately"


def test_decimal_and_scale_word(nlp):
    fig = by_text(nlp, "About 2.5 million commuters use the line.")["About 2.5 million"]
    assert fig.value == 2_500_000 and fig.counted == "commuters" and fig.approximate


@pytest.mark.parametrize("text, span, value, counted", [
    ("Forty-five nurses signed the letter.", "Forty-five", 45, "nurses"),
    ("The council hired a dozen inspectors.", "a dozen", 12, "inspectors"),
    ("She interviewed a half-dozen witnesses.", "a half-dozen", 6, "witnesses"),
    ("Two dozen volunteers cleaned the beach.", "Two dozen", 24, "volunteers"),
    ("A quarter of a million tourists visited the island.", "A quarter of a million", 250_000, "tourists"),
    ("The town has twenty thousand residents.", "twenty thousand", 20_000, "residents"),
    ("The museum received more than a hundred paintings.", "more than a hundred", 100, "paintings"),
])
def test_number_words(nlp, text, span, value, counted):
    fig = by_text(nlp, text)[span]
    assert fig.value == value and fig.counted == counted


def test_counted_through_of_phrase(nlp):
    fig = by_text(nlp, "Only 312 of the district's teachers joined the union.")["312"]
    assert fig.counted == "teachers" and fig.value == 312


def test_counted_as_the_value_of_the_subject(nlp):
    fig = by_text(nlp, "The casualty count climbed to 742 on Sunday.")["742"]
    assert fig.counted == "casualty count"
    assert fig.counted_relation == "value"


def test_bare_anaphoric_number_has_no_counted(nlp):
    fig = by_text(nlp, "The two met in Lisbon and all three were pleased.")
    assert fig["two"].value == 2 and fig["two"].counted is None
    assert fig["three"].value == 3


def test_occasions_are_counted(nlp):
    fig = by_text(nlp, "He declined to answer the question four times.")["four"]
    assert fig.value == 4 and fig.counted == "times"


# --- money ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, span, value, unit", [
    ("The bridge will cost $4.5 million to repair.", "$4.5 million", 4_500_000, "USD"),
    ("The club paid £2.6bn for the stadium.", "£2.6bn", 2_600_000_000, "GBP"),
    ("The start-up raised 3m euros last spring.", "3m euros", 3_000_000, "EUR"),
    ("Stamps now cost 6 cents more.", "6 cents", 0.06, "USD"),
    ("He donated twenty thousand dollars to the clinic.", "twenty thousand dollars", 20_000, "USD"),
    ("A ticket costs 1,500 yen.", "1,500 yen", 1500, "JPY"),
])
def test_money(nlp, text, span, value, unit):
    fig = by_text(nlp, text)[span]
    assert fig.value == pytest.approx(value) and fig.unit == unit


def test_money_counted_by_modifier_and_in_phrase(nlp):
    f = by_text(nlp, "The firm faces a $9,000 fine after taking more than $52,000 in illegal payments.")
    assert f["$9,000"].counted == "fine"
    assert f["more than $52,000"].counted == "payments" and f["more than $52,000"].qualifier == "more than"


def test_half_a_million_dollars(nlp):
    fig = by_text(nlp, "The appeal has cost the family over half a million dollars.")["over half a million dollars"]
    assert fig.value == 500_000 and fig.unit == "USD" and fig.approximate


def test_conversion_in_brackets_is_two_figures(nlp):
    f = by_text(nlp, "The insurer reported a loss of $2.4bn (£1.9bn) for the year.")
    assert f["$2.4bn"].value == 2_400_000_000 and f["$2.4bn"].unit == "USD"
    assert f["£1.9bn"].value == 1_900_000_000 and f["£1.9bn"].unit == "GBP"


# --- percentages, points, measures ---------------------------------------------------------


def test_percent_of_noun(nlp):
    fig = by_text(nlp, "Nearly 38 percent of nurses reported burnout.")["Nearly 38 percent"]
    assert fig.value == 38 and fig.unit == "percent" and fig.counted == "nurses" and fig.approximate


def test_percent_sign_and_rate(nlp):
    fig = by_text(nlp, "The vacancy rate rose to 7.5% in the autumn.")["7.5%"]
    assert fig.value == 7.5 and fig.unit == "percent" and fig.counted == "vacancy rate"


def test_poll_pair_is_two_figures(nlp):
    f = figs(nlp, "The mayor beat her rival 61 percent to 39 percent in the runoff.")
    assert [(x.text, x.value, x.unit) for x in f] == [("61 percent", 61, "percent"), ("39 percent", 39, "percent")]


def test_unit_by_ellipsis(nlp):
    f = by_text(nlp, "The two smaller parties won 12 and 7 percent respectively.")
    assert f["12"].unit == "percent" and f["7 percent"].unit == "percent"


def test_points_with_hyphen(nlp):
    f = by_text(nlp, "The senator enjoyed a 6-point bounce and now leads by 9 points.")
    assert f["6-point"].value == 6 and f["6-point"].unit == "points" and f["6-point"].counted == "bounce"
    assert f["9 points"].unit == "points"


def test_measures(nlp):
    f = by_text(nlp, "Crews cleared 12 tonnes of rubble within a three-mile radius, 40 km from the coast.")
    assert f["12 tonnes"].unit == "t" and f["12 tonnes"].counted == "rubble"
    assert f["three-mile"].value == 3 and f["three-mile"].unit == "mi" and f["three-mile"].counted == "radius"
    assert f["40 km"].unit == "km"


# --- vague magnitudes and ranges -----------------------------------------------------------


@pytest.mark.parametrize("text, span, low, counted", [
    ("Hundreds of farmers blocked the road.", "Hundreds", 200, "farmers"),
    ("Dozens of shops closed early.", "Dozens", 24, "shops"),
    ("Hundreds of thousands of fans lined the streets.", "Hundreds of thousands", 200_000, "fans"),
])
def test_vague_magnitudes(nlp, text, span, low, counted):
    fig = by_text(nlp, text)[span]
    assert fig.value is None and fig.approximate and fig.low == low and fig.counted == counted


def test_several_million_dollars(nlp):
    fig = by_text(nlp, "Several million dollars vanished from the pension fund.")["Several million dollars"]
    assert fig.value is None and fig.unit == "USD" and fig.approximate and fig.low == 3_000_000


@pytest.mark.parametrize("text, span, low, high, unit", [
    ("Between 40 and 70 climbers reached the summit.", "Between 40 and 70", 40, 70, None),
    ("Three or four boats capsized.", "Three or four", 3, 4, None),
    ("Apartments sell for $400,000 to $650,000 in the district.", "$400,000 to $650,000", 400_000, 650_000, "USD"),
    ("Turnout fell 20-25% in rural areas.", "20-25%", 20, 25, "percent"),
])
def test_ranges_are_one_figure(nlp, text, span, low, high, unit):
    f = figs(nlp, text)
    assert len(f) == 1
    fig = f[0]
    assert fig.text == span and fig.value is None and fig.approximate
    assert (fig.low, fig.high, fig.unit) == (low, high, unit)


def test_range_counted(nlp):
    fig = by_text(nlp, "The guide led six or seven hikers up the ridge.")["six or seven"]
    assert fig.counted == "hikers"


# --- exclusions ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The council met on March 15, 2019 at 10:30 a.m.",
    "It was the third time the 11th district voted first.",
    "Read Part 3 of 4 and Section 208 of the charter.",
    "The G20 summit discussed COVID-19 and the F-35 programme.",
    "One view is that one of the most urgent tasks was at one point ignored.",
    "Party unity is a two-way street, said the four-star general.",
    "The Gang of Six met again.",
    "She was elected in 1998 and re-elected in the 2002 race.",
    "Ballots were counted for eight years and three months.",
    "He spent three weeks abroad.",
])
def test_not_figures(nlp, text):
    assert figs(nlp, text) == []


def test_one_as_a_count_is_kept(nlp):
    fig = by_text(nlp, "One passenger was injured in the crash.")["One"]
    assert fig.value == 1 and fig.counted == "passenger"


def test_directional_up_to_is_not_a_qualifier(nlp):
    fig = figs(nlp, "The bank pushed its reserves up to $12bn.")[0]
    assert fig.text == "$12bn" and fig.qualifier is None and not fig.approximate


def test_up_to_as_qualifier(nlp):
    fig = figs(nlp, "The ferry carries up to 300 passengers.")[0]
    assert fig.text == "up to 300" and fig.qualifier == "up to" and fig.counted == "passengers"


# --- events and links ----------------------------------------------------------------------


def test_event_from_verb_and_participle(nlp):
    f = by_text(nlp, "The quake killed 58 villagers and left thousands of displaced families without water.")
    assert f["58"].event == "killed"
    assert f["thousands"].event == "displaced" and f["thousands"].counted == "families"


def test_part_of_including(nlp):
    f = figs(nlp, "The number of casualties reached 415, including 96 firefighters.")
    whole, part = f
    assert part.part_of == whole.id and part.counted == "firefighters"
    assert whole.part_of is None


def test_ids_are_in_text_order(nlp):
    f = figs(nlp, "Seven trucks and 12 vans carried 300 crates.")
    assert [x.id for x in f] == ["f1", "f2", "f3"]
    assert [x.start for x in f] == sorted(x.start for x in f)


def test_whole_article_figures_link_to_quotes_and_render(extractor):
    text = ('Rescue teams pulled 27 survivors from the rubble. "We expect about 150 more people are trapped," '
            "the fire chief said.\n")
    art = extractor.extract_text(text, source="-")
    f = {x.text: x for x in art.figures}
    assert f["27"].counted == "survivors" and f["27"].quote is None
    assert f["about 150"].approximate
    for x in art.figures:
        assert text[x.start:x.end] == x.text


def test_table_reads_like_a_note(extractor):
    import io

    from factx.render import write_table

    art = extractor.extract_text("The camp is sheltering approximately 3,000 people.\n", source="-")
    buf = io.StringIO()
    write_table(art, buf, width=200)
    assert "approximately 3,000 people · sheltering" in buf.getvalue()


def test_pence_and_change_between_levels(nlp):
    f = figs(nlp, "Shares in the bakery chain rose 8p to 212p on Monday.")
    assert [(x.text, x.value, x.unit) for x in f] == [("8p", 0.08, "GBP"), ("212p", 2.12, "GBP")]


def test_tally_is_two_figures_and_score_is_left_out(nlp):
    f = figs(nlp, "The bill passed 71 to 29, and the home side won 4-2.")
    assert [(x.text, x.value) for x in f] == [("71", 71), ("29", 29)]


def test_billion_dollar_is_approximate(nlp):
    fig = by_text(nlp, "The airline booked a billion-dollar loss.")["billion-dollar"]
    assert fig.value == 1e9 and fig.unit == "USD" and fig.approximate and fig.counted == "loss"


def test_tenth_of_a_point(nlp):
    fig = figs(nlp, "The jobless rate edged down by a tenth of a point.")[0]
    assert fig.text == "a tenth of a point" and fig.value == pytest.approx(0.1) and fig.unit == "points"


def test_list_markers_and_ages_are_not_figures(nlp):
    text = "Rankings:\n1. Ann Lee (2.)\n2. Bo Park\nTom Reed, 47, runs a bakery."
    assert figs(nlp, text) == []


def test_phone_numbers_and_codes_are_not_figures(nlp):
    assert figs(nlp, "Call 020 7946 0958 or 555-1234 and ask for agent 007.") == []


def test_one_or_two_is_a_range(nlp):
    fig = figs(nlp, "Only one or two ships docked.")[0]
    assert fig.text == "one or two" and (fig.low, fig.high) == (1, 2) and fig.counted == "ships"


def test_hyphenated_multiword_unit(nlp):
    fig = figs(nlp, "She held a nine-percentage-point advantage.")[0]
    assert fig.value == 9 and fig.unit == "points" and fig.counted == "advantage"


def test_title_case_headline_number_is_kept(nlp):
    fig = figs(nlp, "Mayor Leads Challenger By Five Points In New Survey")[0]
    assert fig.value == 5 and fig.unit == "points"


@pytest.mark.parametrize("text", ["9%", "It rose 9%", "Turnout was 9 per cent"])
def test_unit_as_the_last_token_of_the_input(extractor, text):
    """A unit ending the input (found by hypothesis: '9%' used to fail the whole article)."""
    article = extractor.extract_text(text)
    assert [(f.value, f.unit) for f in article.figures] == [(9.0, "percent")]
    assert_offsets(article, text)


# --- issue 12: money and measures complete ---------------------------------------------------


@pytest.mark.parametrize("text, span, value, unit, counted", [
    ("The brewer reported a profit of $48.2m for the half.", "$48.2m", 48_200_000, "USD", "profit"),
    ("Revenues of $7bn were higher than analysts had forecast.", "$7bn", 7e9, "USD", "revenues"),
    ("Ticket sales of 350,000 set a record for the festival.", "350,000", 350_000, None, "ticket sales"),
    ("Annual turnover is expected to reach $60 million within five years.", "$60 million", 6e7, "USD",
     "turnover"),
    ("Unemployment was 7.2 percent in May.", "7.2 percent", 7.2, "percent", "unemployment"),
])
def test_counted_noun_of_money_and_measures(nlp, text, span, value, unit, counted):
    fig = by_text(nlp, text)[span]
    assert fig.value == pytest.approx(value) and fig.unit == unit and fig.counted == counted


def test_range_counts_the_subject_of_its_verb(nlp):
    f = figs(nlp, "Consulting fees range from $1.5m to $3m a year.")
    assert len(f) == 1
    fig = f[0]
    assert (fig.low, fig.high, fig.unit, fig.counted) == (1_500_000, 3_000_000, "USD", "consulting fees")


def test_level_and_the_level_it_changed_from(nlp):
    f = by_text(nlp, "The ferry's cargo rose to 4,120 tonnes from 3,875 tonnes a year earlier.")
    assert f["4,120 tonnes"].unit == "t" and f["3,875 tonnes"].counted == "cargo"


def test_hours_as_the_level_of_a_quantity(nlp):
    f = by_text(nlp, "The average shift lengthened to 9.5 hours from 9.1 in March.")
    assert (f["9.5 hours"].value, f["9.5 hours"].unit, f["9.5 hours"].counted) == (9.5, "h", "shift")
    assert f["9.1"].unit == "h"
    assert figs(nlp, "The talks lasted three hours.") == []


@pytest.mark.parametrize("text, span, value, unit", [
    ("A 20ft (6m) wall surrounds the compound.", "20ft", 20, "ft"),
    ("A 20ft (6m) wall surrounds the compound.", "6m", 6, "m"),
    ("Waves 8m high struck the harbour.", "8m", 8, "m"),
    ("The crane lifted the hull to a height of 12m.", "12m", 12, "m"),
    ("The kicker missed from three yards.", "three yards", 3, "yd"),
    ("The train reached 100 km/h on the new line.", "100 km/h", 100, "km/h"),
    ("The storm brought winds of 90mph.", "90mph", 90, "mph"),
    ("The lake covers 12 sq km.", "12 sq km", 12, "km2"),
    ("The rover carried 10kg of instruments.", "10kg", 10, "kg"),
])
def test_units_as_abbreviations_and_symbols(nlp, text, span, value, unit):
    fig = by_text(nlp, text)[span]
    assert fig.value == pytest.approx(value) and fig.unit == unit


@pytest.mark.parametrize("text, span", [
    ("The centre is 6ft 2in tall.", "6ft 2in"),
    ('The centre is 6\' 2" tall.', '6\' 2"'),
])
def test_height_in_feet_and_inches_is_one_figure(nlp, text, span):
    f = figs(nlp, text)
    assert [x.text for x in f] == [span]
    assert f[0].value == pytest.approx(6 + 2 / 12) and f[0].unit == "ft"


def test_m_is_million_with_a_currency_or_a_count(nlp):
    f = by_text(nlp, "The charity spent £6m helping 3m people, and its rival raised $2 m.")
    assert (f["£6m"].value, f["£6m"].unit) == (6_000_000, "GBP")
    assert (f["3m"].value, f["3m"].unit, f["3m"].counted) == (3_000_000, None, "people")
    assert (f["$2 m"].value, f["$2 m"].unit) == (2_000_000, "USD")


def test_scale_closing_a_sentence(nlp):
    fig = figs(nlp, "The club sold its ground for $3m. Fans protested.")[0]
    assert fig.value == 3_000_000 and fig.unit == "USD"


@pytest.mark.parametrize("text, span, value, unit", [
    ("The mill's net profit rose to 1.3 billion lei.", "1.3 billion lei", 1.3e9, "ROL"),
    ("The publisher had sales of 2.1 billion zlotys.", "2.1 billion zlotys", 2.1e9, "PLN"),
    ("Shares closed at 2,410 lire in Milan.", "2,410 lire", 2410, "ITL"),
    ("The bank raised 1.5 bln guilders from the bond.", "1.5 bln guilders", 1.5e9, "NLG"),
    ("Pre-tax profit was 500 mln stg.", "500 mln stg", 5e8, "GBP"),
    ("The contract is worth 1.2 billion French francs.", "1.2 billion French francs", 1.2e9, "FRF"),
    ("The carmaker lost 30 billion won.", "30 billion won", 3e10, "KRW"),
    ("The fund holds 75 million Hong Kong dollars.", "75 million Hong Kong dollars", 7.5e7, "HKD"),
    ("The bond pays 40 DEM a year.", "40 DEM", 40, "DEM"),
])
def test_currencies_named_in_words_and_codes(nlp, text, span, value, unit):
    fig = by_text(nlp, text)[span]
    assert fig.value == pytest.approx(value) and fig.unit == unit


def test_common_word_is_a_currency_only_after_a_scale(nlp):
    fig = figs(nlp, "The home side won 30 games and the title.")[0]
    assert fig.text == "30" and fig.unit is None and fig.counted == "games"


def test_share_price_fractions(nlp):
    f = figs(nlp, "Shares of the toy maker were up 4-1/2 at 30-5/8, while its rival rose 1/8 to 48-1/4.")
    assert [(x.text, x.value) for x in f] == [("4-1/2", 4.5), ("30-5/8", 30.625), ("1/8", 0.125),
                                             ("48-1/4", 48.25)]


@pytest.mark.parametrize("text", [
    "NAIROBI 1996-08-30\nFlooding displaced 4,000 families.",
    "LISBON 30/08/1996 -- Flooding displaced 4,000 families.",
])
def test_dateline_is_not_a_figure(nlp, text):
    assert [x.text for x in figs(nlp, text)] == ["4,000"]


@pytest.mark.parametrize("text", [
    "Trading was halted at 1350 GMT.",
    "Traffic was diverted to Interstates 80 and 90.",
])
def test_clock_times_and_coordinated_labels_are_not_figures(nlp, text):
    assert figs(nlp, text) == []


def test_pair_of_counted_nouns_and_event_word(nlp):
    f = by_text(nlp, "The ferry carried 412 passengers and crew. The blast left 17 dead.")
    assert f["412"].counted == "passengers and crew"
    assert f["17"].counted == "dead"


def test_unit_lexicons_are_well_formed():
    """Every currency row maps to a three-letter code with an optional numeric factor; every unit part
    pairs two units of one kind."""
    from factx import lexicon

    for row in lexicon.rows("currencies.txt"):
        assert len(row) in (2, 3) and len(row[1]) == 3 and row[1].isupper(), row
        if len(row) == 3:
            assert 0 < float(row[2]) < 1, row
    kinds = lexicon.mapping("unit_kinds.txt")
    for big, small, per in lexicon.rows("unit_parts.txt"):
        assert kinds.get(big.lower()) == kinds.get(small.lower()) is not None and float(per) > 1


def test_level_under_a_transitive_verb_counts_its_object(nlp):
    f = by_text(nlp, "The losses cut the fund's assets to $12.2 billion from $19.9 billion.")
    assert f["$12.2 billion"].counted == "assets" and f["$19.9 billion"].counted == "assets"


def test_to_and_at_under_other_verbs_do_not_count_the_subject(nlp):
    f = by_text(nlp, "Trump won with 35 percent of the vote, followed by Cruz at 25 percent.")
    assert f["35 percent"].counted == "vote" and f["25 percent"].counted is None


def test_hours_of_an_activity_stay_a_duration(nlp):
    assert figs(nlp, "The panel subjected her to more than eight hours of questioning.") == []


@pytest.mark.parametrize("text, span, value, unit", [
    ("The phone ships with 64GB of storage.", "64GB", 64, "GB"),
    ("The chip runs at 2.4GHz.", "2.4GHz", 2.4, "GHz"),
    ("Temperatures hit 41°C in the valley.", "41°C", 41, "°C"),
    ("She won the 400m hurdles.", "400m", 400, "m"),
    ("He ran 100m in 9.9 seconds.", "100m", 100, "m"),
    ("The winger scored with a 25-yard strike.", "25-yard", 25, "yd"),
])
def test_units_of_technology_and_sport(nlp, text, span, value, unit):
    fig = by_text(nlp, text)[span]
    assert fig.value == pytest.approx(value) and fig.unit == unit


def test_set_scores_are_left_out_whole(nlp):
    assert figs(nlp, "Ann Lee (Canada) beat Bo Park (Japan) 6-1 6-0 and the Giants edged the Mets 3-2.") == []
