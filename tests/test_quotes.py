"""Quotes: direct and reported forms, speakers, cues and resolution (GOLD_FORMAT.md, Quotes)."""

from __future__ import annotations

import pytest
from conftest import assert_offsets

from factx.extractors.quotes import find_quote_marks


def quotes(extractor, text: str):
    article = extractor.extract_text(text)
    assert_offsets(article, text)
    return article.quotes


def one(extractor, text: str):
    found = quotes(extractor, text)
    assert len(found) == 1, [(q.text, q.cue and q.cue.text) for q in found]
    return found[0]


@pytest.mark.parametrize("text", [
    "“We will rebuild the whole bridge,” Mayor Ann Lee told reporters.",
    "\"We will rebuild the whole bridge,\" Mayor Ann Lee told reporters.",
    "\"We will rebuild the whole bridge,\" said Mayor Ann Lee.",
    "Mayor Ann Lee said: “We will rebuild the whole bridge.”",
    "''We will rebuild the whole bridge,'' Mayor Ann Lee said.",
])
def test_direct_quote_forms(extractor, text):
    q = one(extractor, text)
    assert q.type == "direct"
    assert "rebuild the whole bridge" in q.text
    assert q.speaker.name == "Ann Lee"
    assert q.cue.text in ("told", "said")


def test_quote_split_around_its_cue_is_one_quote(extractor):
    q = one(extractor, "“The bridge is unsafe,” the engineer Tom Ruiz said. “We have to close it today.”")
    assert q.text.startswith("“The bridge") and q.text.endswith("today.”")
    assert q.speaker.name == "Tom Ruiz"


@pytest.mark.parametrize("text", [
    "''The bridge is unsafe,'' the engineer Tom Ruiz said, ''and we have to close it today.''",
    "“The bridge is unsafe,” the engineer Tom Ruiz said.\n\n“We have to close it today. Nobody crosses.”\n",
    "“The bridge is unsafe,” said the engineer Tom Ruiz.\n\n\"We have to close it today. Nobody crosses.\"",
])
def test_continuations_of_a_split_quote_join_it(extractor, text):
    """A lower-case part after the cue, or a cue-less quote paragraph next, continues the quote."""
    q = one(extractor, text)
    assert q.text.startswith(("“The bridge", "''The bridge")) and "close it today" in q.text
    assert q.speaker.name == "Tom Ruiz"


def test_quote_split_around_a_long_cue_is_two_linked_quotes(extractor):
    text = ("“This used to be the old road,” said Raffaello Pantucci, director of the regional security "
            "studies programme at a research institute in London, “but now it points east.”")
    first, second = quotes(extractor, text)
    assert first.text == "“This used to be the old road,”" and second.text == "“but now it points east.”"
    assert second.continues == first.id and first.continues is None
    assert second.speaker.name == first.speaker.name == "Raffaello Pantucci"
    assert second.cue == first.cue


def test_quote_paragraph_after_unrelated_text_is_not_joined(extractor):
    text = ("“The bridge is unsafe,” the engineer Tom Ruiz said. Traffic was diverted.\n\n"
            "The council met later.\n\n“We have to close it today. Nobody crosses.”")
    found = quotes(extractor, text)
    assert [q.text for q in found] == ["“The bridge is unsafe,”"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("“It is theirs to lose at this point,” added another New Hampshire Democrat.", "Democrat"),
    ("''My advice was not to do it,'' recalled James Cunningham, then ambassador to Israel.", "James Cunningham"),
])
def test_speaker_after_an_inverted_cue(extractor, text, speaker):
    q = one(extractor, text)
    assert q.speaker is not None and q.speaker.text.endswith(speaker)


@pytest.mark.parametrize("text", [
    "The talks ended.\n\n“It’s mind-boggling,” Greenberg said. “They are not even speaking to each other.”",
    "The talks ended. ''Swaps are tricky,'' he said. ''In this case, I'm glad that it took place.''",
])
def test_short_first_part_before_its_cue_is_a_quote(extractor, text):
    q = one(extractor, text)
    assert q.type == "direct" and q.text.endswith(("other.”", "place.''"))


def test_short_quote_without_a_cue_right_after_is_not_a_quote(extractor):
    found = quotes(extractor, "“Safe zone,” the term officials use for the strip near the border, meant nothing.")
    assert [q for q in found if q.type == "direct"] == []


def test_straight_opening_mark_closed_by_a_curly_one(extractor):
    q = one(extractor, '"We will rebuild the whole bridge by spring,” Mayor Ann Lee said.')
    assert q.text == '"We will rebuild the whole bridge by spring,”' and q.speaker.name == "Ann Lee"


@pytest.mark.parametrize(("text", "speaker"), [
    ("In an interview later that day, Rubio went even further: “If he runs and loses, his career is over.”",
     "Rubio"),
    ("The numbers were grim - Philip Bump: “Two weeks ago, his strongest territory had been the South.”",
     "Philip Bump"),
])
def test_colon_introduces_a_quote_whose_speaker_is_the_clause_subject(extractor, text, speaker):
    q = one(extractor, text)
    assert q.type == "direct" and q.speaker.text == speaker


@pytest.mark.parametrize("text", [
    "“We were tremendously wrong not to confront him from the beginning,” Ramos told the newspaper.",
    "''That, unfortunately,'' Ramos said, ''is part of the reality of life on a global scale.''",
])
def test_speaker_is_never_a_word_of_the_quote(extractor, text):
    q = one(extractor, text)
    assert q.speaker is not None and q.speaker.text == "Ramos"


def test_cue_that_reports_its_own_content_is_not_a_trailing_cue(extractor):
    text = ('"It is a sad day," Cruz told reporters. "This is the culture of that campaign." '
            "Kasich said he would have fired the manager.")
    found = quotes(extractor, text)
    assert [(q.type, q.speaker.text) for q in found] == [("direct", "Cruz"), ("indirect", "Kasich")]
    assert found[0].text.endswith('campaign."')


def test_closing_mark_typed_as_an_opening_one(extractor):
    q = one(extractor, "“Your numbers are wrong,” Ramos wrote. “Tourism grew faster than any forecast said.“")
    assert q.text.endswith("forecast said.“") and q.speaker.text == "Ramos"


def test_stray_straight_mark_does_not_swallow_a_curly_quote():
    text = "The 6-foot-2\" center said “We will win the title this year,” and left."
    assert find_quote_marks(text) == [(text.index("“"), text.index("” and") + 1)]


def test_parts_of_a_split_quote_stay_linked_across_a_reported_clause(extractor):
    text = ('"We have done everything we could," said Jane Doe, who has said the agency\'s plan was failing '
            'badly in the north and the east. "We will do more tomorrow and the day after."')
    direct = [q for q in quotes(extractor, text) if q.type == "direct"]
    assert len(direct) == 2 and direct[1].continues == direct[0].id


def test_empty_quote_is_no_utterance(extractor):
    assert [q for q in quotes(extractor, "She paused. \" ' \" she said.") if q.type == "direct"] == []


def test_quote_paragraph_continues_with_crlf_line_ends(extractor):
    lf = "“The bridge is unsafe,” the engineer Tom Ruiz said.\n\n“We have to close it today. Nobody crosses.”\n"
    assert one(extractor, lf.replace("\n", "\r\n")).text.endswith("crosses.”")


def test_quote_over_several_paragraphs():
    text = "“First paragraph of the statement goes here.\n\n“Second paragraph ends it,” she said."
    assert find_quote_marks(text) == [(0, text.index(" she"))]


def test_quoted_titles_are_not_quotes(extractor):
    found = quotes(extractor, "The actor discussed “Latin History for Dummies,” his new one-man show, on Monday.")
    assert [q for q in found if q.type == "direct"] == []


def test_scare_quotes_are_not_quotes(extractor):
    assert quotes(extractor, "Officials toured the so-called “safe zone” near the border.") == []


def test_unbalanced_marks_keep_the_rest(extractor):
    found = quotes(extractor, "He shouted “never again and walked out.\n\nThe minister said that taxes would rise.")
    assert [q.cue.text for q in found] == ["said"]


def test_reported_speech_with_that(extractor):
    q = one(extractor, "The governor warned that the storm would reach the coast by Friday.")
    assert q.type == "indirect"
    assert q.text == "the storm would reach the coast by Friday"
    assert (q.speaker.text, q.cue.text) == ("The governor", "warned")


def test_reported_clause_before_the_speaker(extractor):
    q = one(extractor, "Prices will rise again next year, Finance Minister Carla Diaz announced on Monday.")
    assert q.text == "Prices will rise again next year"
    assert q.speaker.name == "Carla Diaz" and q.cue.text == "announced"


def test_according_to(extractor):
    q = one(extractor, "According to the Red Cross, hundreds of families have lost their homes.")
    assert q.cue.text == "According to"
    assert q.speaker.text == "the Red Cross"
    assert q.text.startswith("hundreds of families")


@pytest.mark.parametrize(("text", "content", "speaker", "cue"), [
    ("In Bolton's view, the strategy is an across-the-board failure.",
     "the strategy is an across-the-board failure", "Bolton", "In Bolton's view"),
    ("The plan will fail, in Mr. Knittel's view.", "The plan will fail", "Mr. Knittel", "in Mr. Knittel's view"),
    ("Her view is that the plan will fail within a year.", "the plan will fail within a year", "Her", "view is"),
    ("In a statement, the ministry condemned the attack and called for calm.",
     "condemned the attack and called for calm", "the ministry", "In a statement"),
])
def test_nominal_cues(extractor, text, content, speaker, cue):
    q = one(extractor, text)
    assert (q.type, q.text, q.speaker.text, q.cue.text) == ("indirect", content, speaker, cue)


def test_nominal_cue_content_ends_at_the_sentence(extractor):
    text = "In Bolton's view, the deal was a mistake.\n\nThe talks went on."
    q = one(extractor, text)
    assert q.text == "the deal was a mistake"


def test_mixed_quote(extractor):
    q = one(extractor, "The senator said that the bill was “a disaster for working families and farmers.”")
    assert q.type == "mixed"


def test_pronoun_resolves_to_the_nearest_compatible_person(extractor):
    text = ("Maria Lopez, the city's spokeswoman, met John Park on Monday. Park left early. "
            "She noted that the budget would be cut.")
    (q,) = quotes(extractor, text)
    assert q.speaker.text == "She" and q.speaker.name == "Maria Lopez"
    article = extractor.extract_text(text)
    assert q.speaker.entity == next(p.id for p in article.people if p.name == "Maria Lopez")


def test_pronoun_without_referent_has_no_name(extractor):
    q = one(extractor, "He said that the plan was dead.")
    assert q.speaker.text == "He" and q.speaker.name is None and q.speaker.entity is None


def test_headline_form(extractor):
    q = one(extractor, "Death toll rises to 300, says war monitor")
    assert q.cue.text == "says" and q.speaker.name == "war monitor" and q.speaker.entity is None


def test_quote_carries_sentence_and_figures(extractor):
    article = extractor.extract_text("It rained. The agency said that 40 people were rescued.")
    (q,) = article.quotes
    assert q.sentence == 1
    (f,) = article.figures
    assert q.figures == [f.id] and f.quote == q.id


@pytest.mark.parametrize(("text", "content", "speaker", "cue"), [
    ("The bank rejected the report, saying it was based on old figures.",
     "it was based on old figures", "The bank", "saying"),
    ("Her office put out a statement saying the plan was dead.", "the plan was dead", "Her office", "saying"),
    ("In an interview with Reuters, Finance Minister Carla Diaz said the budget would be cut.",
     "the budget would be cut", "Finance Minister Carla Diaz", "said"),
    ("Trump landed in hot water by saying that the judge could not be impartial.",
     "the judge could not be impartial", "Trump", "saying"),
])
def test_participle_and_interview_cues(extractor, text, content, speaker, cue):
    q = one(extractor, text)
    assert (q.text, q.speaker.text, q.cue.text) == (content, speaker, cue)


def test_noun_cue_with_a_colon(extractor):
    q = one(extractor, "In a statement, the ministry said: “The attack was a crime against civilians.”")
    assert q.type == "direct" and q.speaker.text == "the ministry" and q.text.startswith("“The attack")


@pytest.mark.parametrize("sep", [" ", "\n"])
def test_unclosed_mark_does_not_swallow_the_next_quote(extractor, sep):
    text = ("The minister said: “We will never agree to this plan." + sep
            + "The opposition leader replied: “This is a disgrace for the whole country.”")
    first, second = quotes(extractor, text)
    assert first.text == "“We will never agree to this plan." and first.speaker.text == "The minister"
    assert second.text.startswith("“This is a disgrace") and second.speaker.text == "The opposition leader"


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("Film producer Dana Marsh announced her engagement on Monday.", "her engagement", "announced"),
    ("She vowed to take her campaign all the way to the convention.",
     "to take her campaign all the way to the convention", "vowed"),
    ("Senator Ann Cole accused the mayor of hiding the report.", "the mayor of hiding the report", "accused"),
    ("Blackwell pointed to the governor's record on taxes.", "the governor's record on taxes", "pointed to"),
])
def test_reporting_frames_beyond_a_clause(extractor, text, content, cue):
    q = one(extractor, text)
    assert (q.type, q.text, q.cue.text) == ("indirect", content, cue)


def test_frames_need_a_subject_that_can_speak(extractor):
    assert quotes(extractor, "All the signs pointed to a long recession in the region.") == []


def test_quote_ending_a_lead_in_takes_the_sentence(extractor):
    q = one(extractor, 'Golf clubs are "just scratching out a profit," Mr. Hedge said from his office.')
    assert q.text == 'Golf clubs are "just scratching out a profit,"' and q.type == "mixed"
    assert q.speaker.text == "Mr. Hedge"


def test_dateline_is_not_the_speaker(extractor):
    text = "DENVER, May 3 (UPI) — Former Treasury Secretary Ann Cole told delegates that taxes would rise."
    q = one(extractor, text)
    assert q.speaker.name == "Ann Cole" and q.text == "taxes would rise"


def test_reported_speech_stays_on_the_line_of_its_cue(extractor):
    q = one(extractor, "WASHINGTON 1996-08-30\nConsumer spending barely rose in July, the Commerce Department said.")
    assert q.text == "Consumer spending barely rose in July"


def test_writers_sentence_between_quotes_ends_the_quote(extractor):
    text = ('"Immigration matters but schools matter more," says Ann Cole, a nurse from Ohio. '
            'Cole backs the governor. "I think he will win the race," she said.')
    first, second = [q for q in quotes(extractor, text) if q.type == "direct"]
    assert first.text.endswith('more,"') and second.text.startswith('"I think')


def test_reported_clause_without_the_writers_relative_clause(extractor):
    q = one(extractor, "The governor said he supports the final bill, which includes new rules for banks.")
    assert q.text == "he supports the final bill"


def test_asked_participle_has_no_speaker_of_its_own(extractor):
    found = quotes(extractor, "Asked about the plan, the mayor said that it would cost too much.")
    assert [(q.text, q.speaker and q.speaker.text, q.cue.text) for q in found] == [
        ("the plan", None, "Asked"), ("it would cost too much", "the mayor", "said")]


@pytest.mark.parametrize(("text", "question"), [
    ("Asked whether she would run again, the governor said she had not decided.", "whether she would run again"),
    ('"Not this year," Ann Cole said when asked if the bridge would reopen.', "if the bridge would reopen"),
])
def test_question_of_an_asked_participle_is_reported_without_a_speaker(extractor, text, question):
    q = next(q for q in quotes(extractor, text) if q.cue.text.lower() == "asked")
    assert q.text == question and q.speaker is None


def test_inch_mark_is_not_a_quotation_mark():
    text = 'The letter said he is 6\' 2" tall. "We are fine," he said. A 5\'11" guard.'
    assert [text[s:e] for s, e in find_quote_marks(text)] == ['"We are fine,"']


def test_reported_content_runs_to_the_end_of_the_quotation_it_opens(extractor):
    text = ('The senator said the vote "was a failure of nerve by everyone. And I think the voters '
            'will remember it in November." The hearing ended at noon.')
    q = one(extractor, text)
    assert q.text.startswith("the vote") and q.text.endswith('November."')


def test_parallel_reports_are_two_quotes(extractor):
    found = quotes(extractor, "Most farmers said they were worried about the drought, "
                              "and many economists said food prices would rise.")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("they were worried about the drought", "Most farmers"), ("food prices would rise", "many economists")]


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_quotation_paragraph_after_reported_speech_is_the_same_speakers(extractor, sep):
    text = ("The mayor said that the bridge would reopen in May." + sep
            + '"We have checked every cable twice and the engineers are satisfied."' + sep
            + "Traffic has been diverted since March.")
    reported, direct = quotes(extractor, text)
    assert reported.type == "indirect" and direct.type == "direct"
    assert direct.speaker.text == "The mayor" and direct.cue.text == "said"


def test_quotation_line_continues_a_quote_in_one_sentence_a_line_copy(extractor):
    text = ('"We are ready for talks," Tom Ruiz, the union leader, told reporters.\n'
            '"Our members want a fair deal and nothing more."\nThe strike began on Monday.')
    q = one(extractor, text)
    assert q.text.endswith('nothing more."') and q.speaker.text == "Tom Ruiz"


@pytest.mark.parametrize(("text", "cue"), [
    ('"Get back in your cars," a police officer yelled at the drivers.', "yelled"),
    ('"Shame on you!" the crowd shouted.', "shouted"),
    ("The chairwoman emphasised that the merger would save jobs.", "emphasised"),
])
def test_verbs_of_speaking_and_british_spellings(extractor, text, cue):
    assert one(extractor, text).cue.text == cue


def test_cue_on_the_next_line_of_one_sentence_a_line_copy(extractor):
    text = ('Farmers blocked the road.\n"Who will pay for the lost harvest?\nWho will feed our children?"\n'
            "asked Ivan Petrov, a farmer from the village.")
    q = one(extractor, text)
    assert q.speaker.text == "Ivan Petrov" and q.cue.text == "asked"


def test_clause_hung_on_a_statement_noun(extractor):
    q = one(extractor, "The army said in a statement that three soldiers were wounded near the border.")
    assert q.text == "three soldiers were wounded near the border" and q.speaker.text == "The army"


def test_quoted_as_saying_names_the_one_quoted(extractor):
    q = one(extractor, '"The talks will resume next week," the agency quoted Ivan Petrov as saying.')
    assert q.speaker.text == "Ivan Petrov" and q.cue.text == "saying"


@pytest.mark.parametrize("text", [
    "The president flew to the capital on Friday to urge lawmakers to pass the budget.",
    "The daily, quoting witnesses, reported that the fire started at dawn.",
    "Romanian listed steel maker Sidex said its output rose.",
])
def test_purpose_clauses_participles_and_names_are_not_reports(extractor, text):
    assert all(q.cue.text not in ("to urge", "urge", "quoting", "listed") for q in quotes(extractor, text))


def test_clause_subject_read_as_the_object_of_the_cue(extractor):
    q = one(extractor, "Ann Cole said her polls and other surveys show that the governor is ahead.")
    assert q.text == "her polls and other surveys show that the governor is ahead"


def test_according_to_around_a_report_and_not_across_a_paragraph(extractor):
    found = quotes(extractor, "Most voters said that taxes were too high, according to a new poll.")
    assert sorted((q.text, q.cue.text) for q in found) == [
        ("Most voters said that taxes were too high", "according to"), ("taxes were too high", "said")]
    q = one(extractor, "The plane is cleared to fly again, according to the agency.\n\nMost owners have one plane.")
    assert q.text == "The plane is cleared to fly again"


def test_reported_quotation_takes_its_opening_mark_and_stays_reported_after_that(extractor):
    q = one(extractor, 'The ad argues that "only Ann Cole can win the seat. The math works for no one else."')
    assert q.text.startswith('"only Ann Cole') and q.text.endswith('else."') and q.type != "direct"
    q = one(extractor, 'The mayor told the crowd: "We will rebuild the bridge. Nobody will stop us."')
    assert q.type == "direct" and q.text.startswith('"We will')


def test_verb_under_the_clauses_auxiliary_stays_in_the_content(extractor):
    q = one(extractor, "Ann Cole says she would call the governor and tell him to resign.")
    assert q.text == "she would call the governor and tell him to resign"


def test_writers_contrast_after_the_reported_clause_is_left_out(extractor):
    q = one(extractor, "About half of the farmers say they prefer the old rules, while a third want new ones.")
    assert q.text == "they prefer the old rules"


def test_relative_word_before_the_cue_is_not_content(extractor):
    q = one(extractor, "The lira trades far below the rate that exporters say is fair.")
    assert (q.text, q.speaker.text) == ("is fair", "exporters")


def test_parenthetical_cue_keeps_its_clause(extractor):
    q = one(extractor, "The plan, the minister added, was never approved by the cabinet.")
    assert q.speaker.text == "the minister" and q.text.endswith("approved by the cabinet")


def test_passive_cue_speaks_through_its_agent(extractor):
    q = one(extractor, "A driver was told by border guards at the crossing that the road was closed.")
    assert (q.text, q.speaker.text) == ("the road was closed", "border guards")
    q = one(extractor, "The ministry was quoted by local papers as saying that 40 people had died.")
    assert q.speaker.text == "The ministry"


@pytest.mark.parametrize("sep", [" ― ", "― ", " — "])
def test_quotation_signed_with_a_dash_and_a_name(extractor, sep):
    text = ("“The council ignored our letters for two years. We deserve better.”" + sep
            + "Maria Lopez\n\nThe council meets on Monday.")
    q = one(extractor, text)
    assert q.type == "direct" and q.speaker.text == "Maria Lopez"


def test_speaker_label_opening_a_line(extractor):
    text = ("The mayor, Ann Cole, spoke to the host, Tom Ruiz, on Sunday.\n"
            "RUIZ: Let us start with the bridge that collapsed last week.\n"
            "COLE: We will rebuild it by the spring, and the state will pay for it.\n"
            "UPDATE: The interview was cut short.")
    found = quotes(extractor, text)
    assert [(q.speaker.text, q.cue.text) for q in found] == [("RUIZ", ":"), ("COLE", ":")]
    assert found[1].text == "We will rebuild it by the spring, and the state will pay for it."


@pytest.mark.parametrize(("text", "tail"), [
    ("Ann Lee wrote that wages rose, and that prices rose faster.", "prices rose faster"),
    ("The auditor found that wages rose, but that prices rose faster.", "prices rose faster"),
    ("Cole announced that the mayor was careless with records, but that his conduct was not a crime.",
     "was not a crime"),
])
def test_complement_repeated_after_a_conjunction_is_the_same_content(extractor, text, tail):
    """'and that ...' / 'but that ...' after the content is a second complement of the same cue."""
    q = one(extractor, text)
    assert q.type == "indirect" and q.text.endswith(tail)
    assert not q.text.startswith("that")


def test_long_speaker_description_keeps_the_cue_of_a_direct_quote(extractor):
    text = ("The council met on Friday. \"We don't believe more troops are the answer to the problem,\" "
            "Tom Ruiz, the deputy security adviser to the governor of a large state, said on Sunday.")
    q = one(extractor, text)
    assert q.type == "direct" and q.text.startswith('"We don') and q.text.endswith('problem,"')
    assert q.speaker.name == "Tom Ruiz" and q.cue.text == "said"


def test_short_sentence_after_the_cue_continues_a_split_quote(extractor):
    text = "The mayor said families file claims. \"They sue,\" she said. \"Everybody sues, right?\" Then she left."
    found = quotes(extractor, text)
    direct = [q for q in found if q.type == "direct"]
    assert len(direct) == 1
    assert direct[0].text == "\"They sue,\" she said. \"Everybody sues, right?\""


def test_lower_case_part_after_the_cue_with_a_clause_continues_the_quote(extractor):
    """The clause after 'said, "and when ...' is the quote's next part, not what the verb reports."""
    text = ("''The trouble started when the fund lent money for salaries,'' Ms. Ann Cole said, ''and when it "
            "lent to firms that had no income.'' The law was clear.")
    q = one(extractor, text)
    assert q.type == "direct" and q.text.startswith("''The trouble") and q.text.endswith("no income.''")
    assert q.speaker.name == "Ann Cole"


def test_participle_report_after_the_content_is_a_report_of_its_own(extractor):
    """', telling the host that ...' after the content: the speaker's next report, not what was said first."""
    found = quotes(extractor, "Cole said he saw no need to change anything about his campaign, telling the host "
                              "that \"we tell the truth.\"")
    first = next(q for q in found if q.cue.text == "said")
    assert first.text == "he saw no need to change anything about his campaign"
    assert any(q.cue.text == "telling" and "tell the truth" in q.text for q in found)


def test_line_break_inside_a_paragraph_does_not_end_a_split_quote(extractor):
    """Blank lines part the paragraphs; a single line break after the cue's sentence does not."""
    text = ("Lee spoke last.\n“Nobody is going to make these people go away,” he said.\n“They are here. And "
            "they will stay.”\n\nThe rally ended.\n")
    direct = [q for q in quotes(extractor, text) if q.type == "direct"]
    assert len(direct) == 1 and direct[0].text.endswith("they will stay.”")


def test_signed_quotations_one_a_line_stay_apart(extractor):
    text = ("Readers wrote in.\n“The bridge should never have closed.” ― Ann Cole\n“Nobody asked the people "
            "who use it every day.” ― Tom Ruiz\n\nThe council will meet.\n")
    direct = [q for q in quotes(extractor, text) if q.type == "direct"]
    assert [q.speaker.text for q in direct] == ["Ann Cole", "Tom Ruiz"]


def test_clause_after_a_colon_spelling_out_the_content_is_part_of_it(extractor):
    q = one(extractor, "Some are quietly saying it is time to accept a new reality: that the mayor is the face of "
                       "the party.")
    assert q.text == "it is time to accept a new reality: that the mayor is the face of the party"


def test_title_in_quotation_marks_after_the_speaker_is_not_the_next_part(extractor):
    text = ("''I would expect a novel set in the crisis to look at more ordinary working women,'' said Ann Cole, "
            "an English professor at a college in Ohio, and a co-editor of ''Fiction in Our Time: The New Novel.''")
    direct = [q for q in quotes(extractor, text) if q.type == "direct"]
    assert [q.text for q in direct] == ["''I would expect a novel set in the crisis to look at more ordinary "
                                        "working women,''"]


def test_no_break_space_after_the_cue_sentence_still_opens_the_next_part(extractor):
    text = ("“If my manager had done that, my campaign would be over,” Rubio said.\u00a0“He would have had to "
            "resign. I would have had to quit that very day.”")
    q = one(extractor, text)
    assert q.type == "direct" and q.text.endswith("that very day.”") and q.speaker.text == "Rubio"


def test_quote_split_around_a_long_speaker_description_is_two_linked_quotes(extractor):
    """Eleven words of speaker description between the parts: more than a cue, though fewer than the quoted words."""
    text = ("“We lend to people the banks turn away, and we lose very little money on it,” said Ann Cole, who "
            "has run the credit union in the old mill town since 1990. “Our members pay back what they borrow.”")
    first, second = [q for q in quotes(extractor, text) if q.type == "direct"]
    assert first.text.endswith("money on it,”") and second.text == "“Our members pay back what they borrow.”"
    assert second.continues == first.id and second.speaker.name == "Ann Cole"
