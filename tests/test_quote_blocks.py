"""Quotes without a clause or quotation marks of their own: colon blocks, short answers,
headlines, questions and requests (quotes/blocks.py, answers.py, headlines.py, questions.py).
Every text here is invented."""

from __future__ import annotations

import pytest
from conftest import assert_offsets


def quotes(extractor, text: str):
    article = extractor.extract_text(text)
    assert_offsets(article, text)
    return article.quotes


def found(extractor, text: str, content: str):
    """The one quote whose text is ``content``."""
    hits = [q for q in quotes(extractor, text) if q.text == content]
    assert len(hits) == 1, [(q.text, q.cue and q.cue.text) for q in quotes(extractor, text)]
    return hits[0]


def contents(extractor, text: str) -> list[str]:
    return [q.text for q in quotes(extractor, text)]


# colon blocks ------------------------------------------------------------------------------

def test_paragraph_after_a_cue_ending_in_a_colon_is_what_was_said(extractor):
    text = ("The mayor was not impressed by the plan.\n\nLund added:\n\n"
            "And from a city that claims to lead, this smells of panic. Can they not do better?\n\n"
            "The vote is on Tuesday.")
    q = found(extractor, text, "And from a city that claims to lead, this smells of panic. Can they not do better?")
    assert q.speaker.text == "Lund" and q.cue.text == "added"


def test_block_runs_over_its_broken_lines_to_the_blank_line(extractor):
    text = ("In an interview last May, Ann Cole said:\n\nThe harbour cannot take another winter like this "
            "one.\nWe have asked for help three times.\n\nThe council has not replied.")
    q = found(extractor, text,
              "The harbour cannot take another winter like this one.\nWe have asked for help three times.")
    assert q.speaker.name == "Ann Cole"


def test_list_items_after_argued_that_are_one_block(extractor):
    text = ("Ruiz argued that:\n\n- The bridge is old and the repairs would cost more than a new one.\n\n"
            "- Nobody uses the ferry anymore.\n\nThe council voted on Friday.")
    q = found(extractor, text, "- The bridge is old and the repairs would cost more than a new one.\n\n"
                               "- Nobody uses the ferry anymore.")
    assert q.speaker.text == "Ruiz"


def test_same_line_colon_after_a_cue(extractor):
    text = "Asked about the strike, she answered the way she always does: no deal, no vote. The talks resume Monday."
    q = found(extractor, text, "no deal, no vote")
    assert q.cue.text == "answered" and q.speaker.text == "she"


@pytest.mark.parametrize("text", [
    "Here are three reasons the plan may fail:\n\n1. The budget is short.\n\n2. The staff is tired.",
    "The meeting starts at 10:30 tomorrow and ends at noon.",
    "Lee posted a photo of the crowd:\n\nEven the governor left early that night.",
    "If they were to reply in kind: the port would lose a third of its trade.",
    "One resident tweeted:\n\n<tweet id=\"1\">Bridge closed again</tweet>",
    "Note: the figures for May are provisional and may change.",
    "The survey also found that:\n\nThe survey has a margin of error of three points.",
    "Lee said that the council asked her about her top issue: the ferry.",
])
def test_colons_that_introduce_no_words_of_a_speaker(extractor, text):
    """Lists, times, a verb with an object of its own, a subordinate clause, embedded markup, an
    imperative, a verb of finding, a colon inside a reported clause."""
    got = quotes(extractor, text)
    assert not [q for q in got if q.cue is not None and q.cue.text in ("posted", "reply", "tweeted", "Note", "found")]
    assert not any(q.text.startswith(("1. The budget", "the port would", "<tweet", "the ferry")) for q in got)


def test_quoted_paragraph_after_a_colon_is_left_to_the_direct_pass(extractor):
    text = "Tom Ruiz wrote on his blog:\n\n“We have lost the vote, but not the argument.”"
    (q,) = quotes(extractor, text)
    assert q.type == "direct" and q.text == "“We have lost the vote, but not the argument.”"


# short answers -----------------------------------------------------------------------------

def test_yes_and_no_answers_of_a_poll(extractor):
    text = ("Asked whether the new bridge was worth its cost, 46 percent of residents said yes, "
            "compared with 30 percent who said no.")
    yes = found(extractor, text, "yes")
    assert yes.speaker.text == "46 percent" and yes.cue.text == "said"
    assert found(extractor, text, "no").speaker.text == "who"
    assert found(extractor, text, "whether the new bridge was worth its cost").speaker is None


def test_the_same_of_someone_and_as_much(extractor):
    text = "Most residents have a good view of the mayor, while 40 percent say the same of the council."
    assert found(extractor, text, "the same of the council").speaker.text == "40 percent"
    text = "The plan was dead, and the mayor's chief of staff, Ann Cole, said as much."
    assert found(extractor, text, "as much").speaker.name == "Ann Cole"


def test_repeated_answer_is_one_content(extractor):
    assert found(extractor, "Asked about the plan, Melanie said yes, yes, yes and left.", "yes, yes, yes")


@pytest.mark.parametrize("text", [
    "He said no one would lose a job.",
    "She said so many things that night that nobody kept count.",
    "“I never said so,” Lee told reporters. “Not once in my life.”",
    "The mayor says no matter what the council decides, the bridge will close.",
    "She concluded so eloquently that the hall stood up.",
    "Lee would not have the chance to show the same.",
    "Lee said no to the new road and yes to the ferry.",
])
def test_no_pro_form_content_before_a_noun_or_inside_a_quotation(extractor, text):
    assert not {"no", "so"} & set(contents(extractor, text))


def test_one_word_quotation_right_after_its_cue(extractor):
    q = found(extractor, 'Asked if he would run again, Lee said, "Probably."', '"Probably."')
    assert q.type == "direct" and q.speaker.text == "Lee"


def test_short_quotation_inside_a_sentence_is_no_answer(extractor):
    assert '"CNN"' not in contents(extractor, 'Lee said "CNN" five times in one answer.')


# headlines ---------------------------------------------------------------------------------

def test_title_case_headline_with_a_reporting_verb(extractor):
    text = "Mayor Ann Lee Says The Bridge Will Close In May.\n\nThe mayor spoke on Monday."
    q = found(extractor, text, "The Bridge Will Close In May")
    assert q.speaker.text == "Mayor Ann Lee" and q.cue.text == "Says"


def test_headline_speaker_after_a_lead_word_and_content_before_a_dash(extractor):
    text = "Wow: Tom Ruiz Just Said Something Odd About The Harbour – You Will Not Believe It\n\nRuiz spoke."
    q = found(extractor, text, "Something Odd About The Harbour")
    assert q.speaker.text == "Tom Ruiz" and q.cue.text == "Just Said"


@pytest.mark.parametrize("text", [
    "If The Council Says It, It Must Be True.\n\nText follows here.",
    "The mayor says the bridge will close in May, and the council agrees.",
])
def test_no_headline_report_in_a_clause_or_a_sentence(extractor, text):
    assert not any(q.cue is not None and q.cue.text == "Says" for q in quotes(extractor, text))


# questions and requests --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "content", "cue", "speaker"), [
    ("Then Ms. Lane asked the workers if they planned to vote.", "if they planned to vote", "asked", "Ms. Lane"),
    ("In a letter to the board, Lee asked the network to donate the profits to charity.",
     "the network to donate the profits to charity", "asked", "Lee"),
    ("The host asked Ruiz about his ties to the harbour company.", "his ties to the harbour company", "asked",
     "The host"),
    ("At one point, a woman asked for a photo.", "a photo", "asked for", "a woman"),
    ("Police told residents not to drink the water.", "residents not to drink the water", "told", "Police"),
])
def test_questions_and_requests(extractor, text, content, cue, speaker):
    q = found(extractor, text, content)
    assert q.cue.text == cue and q.speaker.text == speaker


def test_asked_in_the_passive_names_no_asker(extractor):
    q = found(extractor, "Asked whether he would run again, Lee said no.", "whether he would run again")
    assert q.speaker is None


@pytest.mark.parametrize(("text", "content"), [
    ("Lawmakers have not said when they would take up the bill.", "when they would take up the bill"),
    ("Cook did not say when.", "when"),
])
def test_question_a_negated_say_leaves_open(extractor, text, content):
    assert found(extractor, text, content).cue.text.endswith(("said", "say"))


def test_plain_say_with_a_time_clause_is_no_open_question(extractor):
    got = contents(extractor, "Lee said when he was young he had no money.")
    assert "when he was young" not in got


# gerund subjects ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "content"), [
    ("Manny Gomez said seeing so many police officers at the parade was a welcome sight.",
     "seeing so many police officers at the parade was a welcome sight"),
    ("Tester said having Lee at the top of the ticket puts every seat at risk.",
     "having Lee at the top of the ticket puts every seat at risk"),
])
def test_reported_clause_with_a_gerund_subject(extractor, text, content):
    q = found(extractor, text, content)
    assert q.cue.text == "said"


def test_infinitive_after_the_one_told_is_the_request_whatever_the_parse(extractor):
    text = "Lopez tells his volunteers at a Denver rally to “go to your precinct and vote” and then “go help others.”"
    found = extractor.extract_text(text).quotes
    assert any(q.cue.text == "tells" and "go to your precinct" in q.text and q.speaker.text == "Lopez" for q in found)
