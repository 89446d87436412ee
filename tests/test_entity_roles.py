"""Kinds from context: sides in sports reports, venues, datelines (texts written for these tests)."""

from __future__ import annotations

from conftest import assert_offsets

from factx.extractors.context import Context
from factx.extractors.entities.roles import find_roles, is_sports_report


def _run(extractor, text: str):
    article = extractor.extract_text(text, source="t.txt")
    assert_offsets(article, text)
    return article


def _names(ents) -> set[str]:
    """Every form of the entities, case folded (as the scorers compare them)."""
    return {n.casefold() for e in ents for n in (e.name, *e.aliases)}


CRICKET = ("CRICKET - SURREY BEAT KENT IN COUNTY CHAMPIONSHIP.\n"
           "LONDON 1996-08-30\n"
           "Surrey beat Kent by six wickets at the Oval on Friday to go top of the county championship.\n"
           "Kent, who had trailed by 80 runs after the first innings, lost their last five wickets for 12.\n"
           "Essex drew with Durham at Chelmsford, where rain cut the second innings short.\n")


def test_sides_that_play_are_organizations_and_venues_are_places(extractor):
    art = _run(extractor, CRICKET)
    orgs = _names(art.organizations)
    assert {"surrey", "kent", "essex", "durham"} <= orgs
    places = _names(art.places)
    assert {"london", "oval", "chelmsford"} <= places
    assert not {"surrey", "kent", "essex", "durham"} & places


def test_national_side_is_its_country(extractor):
    text = ("Cricket: England beat Ireland by 40 runs in the one-day match, with two wickets to spare "
            "after a fine innings from the captain.\n")
    art = _run(extractor, text)
    assert {"england", "ireland"} <= _names(art.places)
    assert not {"england", "ireland"} & _names(art.organizations)


def test_result_table_rows_give_sides(extractor):
    text = ("SOCCER - ENGLISH LEAGUE RESULTS.\n"
            "LONDON 1996-08-24\n"
            "Results of English league soccer matches on Saturday:\n"
            "Bristol 3 Hull 1\n"
            "Walsall 0 Wigan 2\n"
            "Table (played, won, drawn, lost, goals scored, goals conceded, points):\n"
            "Wigan 3 3 0 0 7 1 9\n"
            "Bristol 3 2 1 0 6 2 7\n"
            "Fixtures: Hull v Walsall, Wigan v Bristol.\n")
    art = _run(extractor, text)
    orgs = _names(art.organizations)
    assert {"bristol", "hull", "walsall", "wigan"} <= orgs
    assert "london" in _names(art.places)
    assert not {"bristol", "hull", "walsall", "wigan"} & _names(art.places)


def test_dateline_city_is_a_place_and_its_team_an_organization(extractor):
    text = ("BASEBALL - MAJOR LEAGUE STANDINGS.\n"
            "DENVER 1996-08-22\n"
            "Major League Baseball standings after games played on Wednesday:\n"
            "W L PCT GB\n"
            "DENVER 72 53 .576 -\n"
            "BOSTON 67 58 .536 5\n")
    art = _run(extractor, text)
    assert "denver" in _names(art.places)
    assert {"denver", "boston"} <= _names(art.organizations)


def test_politics_is_not_a_sports_report(extractor, nlp):
    text = ("Clinton beat Sanders in Ohio on Tuesday, and the win gave her a lead in the race. "
            "Sanders said he would fight on to the convention.")
    assert not is_sports_report(nlp(text))
    art = _run(extractor, text)
    assert {"clinton", "sanders"} <= _names(art.people)
    assert not art.organizations


def test_layout_roles_need_a_sports_report_except_datelines(nlp):
    text = "PARIS 1996-08-22\nWheat prices on Thursday:\nMilling 120 125 130\nFeed 110 112 115\n"
    doc = nlp(text)
    roles = find_roles(doc, Context(doc))
    assert not roles.sports
    assert [doc[a:b].text for a, b, role in roles.spans] == ["PARIS"]


def _kinds(art) -> dict[str, set[str]]:
    return {"people": _names(art.people), "places": _names(art.places), "organizations": _names(art.organizations)}


def test_capital_lines_give_the_same_entities_as_mixed_case(extractor):
    body = ("Surrey beat Kent by six wickets at the Oval on Friday, with Mark Butcher making 70 for Surrey "
            "to lead the county table.\n"
            "Essex drew with Durham at Chelmsford after rain cut the second innings short.\n"
            "County championship standings after Friday's matches:\n")
    mixed = "Surrey 10 6 2 2 120\nKent 10 5 3 2 110\n"
    caps = mixed.upper()
    a = _run(extractor, "Cricket - county championship.\nLondon 1996-08-30\n" + body + mixed)
    b = _run(extractor, "CRICKET - COUNTY CHAMPIONSHIP.\nLONDON 1996-08-30\n" + body + caps)
    assert _kinds(a) == _kinds(b)
    assert {"surrey", "kent"} <= _kinds(b)["organizations"] and "london" in _kinds(b)["places"]


def test_common_words_heading_a_row_are_not_sides_and_initials_are_players(extractor):
    text = ("CRICKET - COUNTY SCORES.\n"
            "LONDON 1996-08-30\n"
            "Scores on the first day of the county championship match at Leeds, where two wickets fell "
            "before rain cut the innings short:\n"
            "Yorkshire 310 (M. Vaughan 83, D. Byas 54)\n"
            "Total 310\n"
            "Extras 12\n"
            "M. Vaughan c Smith b Jones 83\n")
    art = _run(extractor, text)
    assert "yorkshire" in _names(art.organizations)
    assert "total" not in _names(art.organizations) | _names(art.people)
    assert "m. vaughan" in _names(art.people)
    assert "m. vaughan" not in _names(art.organizations)


def test_a_name_qualifying_a_teams_people_is_a_side(extractor):
    text = ("Soccer: Marseille striker Fabrizio Ravanelli scored twice in the league match on Saturday, "
            "and Brazil coach Mario Zagallo watched from the stands as the goals went in at halftime.\n")
    art = _run(extractor, text)
    assert "marseille" in _names(art.organizations)
    assert "brazil" in _names(art.places) and "brazil" not in _names(art.organizations)


HOCKEY = ("Falcons rally past Otters in overtime\n\n"
          "Otters 2, Falcons 3: Mikko Hautala scored twice and Lisa Brandt made 31 saves as Hartford beat "
          "Duluth. Peter Vance also scored for the Falcons, and Hartford improved to 9-3-1. Eric Dorsey and "
          "Quill Benning scored for the Otters. The goaltender fired a shot at Tom Malley late in the third "
          "period.\n\n"
          "Hautala, a Duluth native, has 14 assists this season. The NHL fined the Otters on Monday, and the "
          "teammates will meet again in Duluth next week.\n")


def test_result_line_heading_its_report_gives_sides(extractor):
    art = _run(extractor, HOCKEY)
    orgs = _names(art.organizations)
    assert {"otters", "falcons", "hartford"} <= orgs  # the header's names and a city that plays
    assert not {"otters", "falcons", "hartford"} & _names(art.places) & _names(art.people)
    assert "hartford" not in _names(art.places)  # "Hartford improved to 9-3-1": the same side


def test_where_a_player_is_from_is_a_place_and_a_shot_at_a_player_no_venue(extractor):
    art = _run(extractor, HOCKEY)
    assert "duluth" in _names(art.places)  # "a Duluth native", "in Duluth"
    people = _names(art.people)
    assert {"tom malley", "eric dorsey", "mikko hautala"} <= people
    assert "tom malley" not in _names(art.places)


def test_a_team_named_by_full_name_nickname_and_city_is_one_organization(extractor):
    text = ("Penguins edge Flyers in Pittsburgh\n\n"
            "The Pittsburgh Penguins beat the Philadelphia Flyers 3-2 on Tuesday night in Pittsburgh. "
            "Winger Lena Ortiz scored twice for the Penguins, and the Flyers lost their fourth straight game.\n\n"
            "Wild 4, Sabres 1: Goaltender Dana Kowalski made 30 saves and Minnesota beat Buffalo. Mark Eller scored "
            "for the Wild, and Buffalo has lost five straight in the NHL.\n")
    art = _run(extractor, text)
    teams = {o.name: {o.name, *o.aliases} for o in art.organizations}
    assert teams["Pittsburgh Penguins"] >= {"Pittsburgh Penguins", "Penguins"}
    wild = next(forms for forms in teams.values() if "Wild" in forms)
    assert "Minnesota" in wild  # the league lists pair the city with the nickname
    sabres = next(forms for forms in teams.values() if "Sabres" in forms)
    assert "Buffalo" in sabres
    assert "pittsburgh" in _names(art.places)  # "in Pittsburgh": the city, not the team
    assert not {"minnesota", "buffalo"} & _names(art.places)


def test_a_ground_after_in_is_a_venue(extractor):
    text = ("The Sabres lost 4-1 to the Wild in front of 15,522 in KeyBank Center on Tuesday. "
            "The goalie made 30 saves, the winger scored twice and the defenseman had two assists.")
    art = _run(extractor, text)
    assert "keybank center" in _names(art.places)
    assert "keybank center" not in _names(art.organizations)


def test_a_papers_name_after_a_teams_city_is_no_team_and_a_plural_name_is_a_team(extractor):
    text = ("PITTSBURGH, Pa. — The Steelers spent Monday trying to distance themselves from the fight. "
            "Pittsburgh center Mark Dunn and the quarterback were suspended by the NFL, and the Steelers "
            "lost the game.\n\n"
            "\"We have to play better,\" the linebacker told Brian Batko of the Pittsburgh Post-Gazette.\n")
    art = _run(extractor, text)
    orgs = {o.name: {o.name, *o.aliases} for o in art.organizations}
    assert "Steelers" in {n for forms in orgs.values() for n in forms}
    assert "Pittsburgh Post-Gazette" in orgs and "Steelers" not in orgs["Pittsburgh Post-Gazette"]
    assert "steelers" not in _names(art.people)
    assert "pittsburgh" in _names(art.places)  # the dateline


def test_a_standings_table_of_clubs_holds_no_players(extractor):
    text = ("SOCCER - ENGLISH LEAGUE STANDINGS.\n"
            "LONDON 1996-08-31\n"
            "English soccer league standings after Saturday's matches (played, won, drawn, lost, points):\n"
            "Stoke 4 3 1 0 7 4 10\n"
            "Barnsley 3 3 0 0 8 2 9\n"
            "Crystal Palace 4 1 2 1 4 3 5\n"
            "Norwich 4 3 0 1 5 3 9\n"
            "Tranmere 4 2 1 1 6 4 7\n"
            "Bolton 3 2 1 0 5 2 7\n"
            "Swindon 4 2 1 1 5 4 7\n"
            "Leyton Orient 2 0 1 1 4 5 1\n")
    art = _run(extractor, text)
    assert {"crystal palace", "leyton orient", "stoke", "barnsley"} <= _names(art.organizations)
    assert not {"crystal palace", "leyton orient"} & _names(art.people)


def test_a_table_of_players_keeps_its_players(extractor):
    text = ("GOLF - GERMAN OPEN SCORES.\n"
            "STUTTGART 1996-08-22\n"
            "Leading first round scores in the German Open golf championship:\n"
            "Ian Woosnam 64\n"
            "Bernhard Langer 65\n"
            "Colin Montgomerie 66\n")
    art = _run(extractor, text)
    assert {"ian woosnam", "bernhard langer", "colin montgomerie"} <= _names(art.people)


def test_a_side_stays_a_side_in_the_lines_that_say_nothing(extractor):
    text = ("CRICKET - ENGLISH COUNTY CHAMPIONSHIP SCORES.\n"
            "LONDON 1996-08-31\n"
            "Results of four-day English county championship matches on Saturday:\n"
            "At Chester-le-Street: Glamorgan beat Durham by 141 runs.\n"
            "Glamorgan 259 and 207, Durham 114 and 211.\n"
            "Glamorgan 22 points, Durham 4.\n")
    art = _run(extractor, text)
    assert {"glamorgan", "durham"} <= _names(art.organizations)
    assert not {"glamorgan", "durham"} & (_names(art.people) | _names(art.places))
