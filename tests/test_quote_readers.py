"""Quotes as a reader takes them: what is no cue, who is no speaker, where what was said ends.

Each sentence is written for this test.
"""

from __future__ import annotations

import pytest
from conftest import assert_offsets


def found(extractor, text: str) -> list[tuple[str, str | None, str | None]]:
    """(content, cue, speaker mention) of each quote, in text order."""
    article = extractor.extract_text(text)
    assert_offsets(article, text)
    return [(q.text, q.cue.text if q.cue else None, q.speaker.text if q.speaker else None) for q in article.quotes]


def test_doubled_curly_apostrophes_close_a_quotation(extractor):
    """Wire copy closes with ’’: the quotation is direct, marks included."""
    text = "“It was an attempt to mislead voters,’’ Ann Cole, the head of Full Fact, told the BBC."
    assert found(extractor, text)[0][0] == "“It was an attempt to mislead voters,’’"


@pytest.mark.parametrize("lead", ["That being said,", "Having said that,", "That said,"])
def test_a_fixed_phrase_of_saying_is_no_cue_nor_content(extractor, lead):
    text = f'{lead} "people with feather pillows should not panic," the doctor said.'
    assert found(extractor, text) == [('"people with feather pillows should not panic,"', "said", "the doctor")]


def test_a_dash_ends_the_writer_s_clause_before_a_quotation(extractor):
    text = "Yet the envoy has already amended his testimony once — “I now do recall,” he said."
    assert found(extractor, text) == [("“I now do recall,”", "said", "he")]


def test_the_one_told_is_no_speaker(extractor):
    """'employees were told that ...': told by someone unnamed, or by the email it came in."""
    assert found(extractor, "Employees were told that the plant would close in June.") == [
        ("the plant would close in June", "were told", None)]
    text = "In an email sent by chief executive Maria Lopez, employees were told that the plant would close."
    article = extractor.extract_text(text)
    (q,) = article.quotes
    assert q.speaker is not None and q.speaker.text == "an email" and q.speaker.name == "Maria Lopez"


def test_a_quotation_after_the_sentence_of_its_cue_carries_on_its_speaker(extractor):
    """'..., Dempsey added. "You name it, ..."': the quotation is Dempsey's, not the passive's in it."""
    text = ("There are many kinds of the disease, such as farmer's lung, Dr. Owen Dempsey added. "
            "\"You name it, it probably has been described.\"\n\nThe patient recovered.")
    got = found(extractor, text)
    assert ("\"You name it, it probably has been described.\"", "added", "Dr. Owen Dempsey") in got
    assert all(spk != "it" for _, _, spk in got)


@pytest.mark.parametrize("text", [
    "His refusal to say which side he would be on was met with laughter.",
    "The video had been altered to show the minister failing to answer a question.",
    "Players using the company's recommended controller will be treated to a smooth game.",
])
def test_no_one_speaks(extractor, text):
    assert found(extractor, text) == []


def test_the_second_member_of_a_correlative_pair_is_content(extractor):
    text = "The agreement maintained that it would not only cover the concert, but the broadcast as well."
    assert found(extractor, text) == [
        ("it would not only cover the concert, but the broadcast as well", "maintained", "The agreement")]


def test_according_to_between_subject_and_verb_attributes_the_clause(extractor):
    text = "A further 17 manufacturers, according to the report, had production lines in the region."
    (q,) = found(extractor, text)
    assert q[0].startswith("A further 17 manufacturers") and q[0].endswith("in the region")


def test_what_the_speaker_did_meanwhile_is_the_writer_s(extractor):
    text = "Colonel Hale told lawmakers it was his duty to report the call, as he deflected attacks on his loyalty."
    assert found(extractor, text)[0][0] == "it was his duty to report the call"


def test_a_participle_of_a_group_reports(extractor):
    text = "The campaign released a new advertisement on Monday, saying the senator had voted against veterans."
    assert [spk for _, _, spk in found(extractor, text)] == ["The campaign"]


def test_the_one_urged_is_part_of_the_request(extractor):
    assert found(extractor, "He urged Vietnam and others in the region to push back.") == [
        ("Vietnam and others in the region to push back", "urged", "He")]


def test_a_title_case_headline_reports_to_its_end(extractor):
    """The parse of a title-case line cuts the clause short; the headline reading goes first."""
    text = ("Agency Just Confirmed There Are Water Plumes Above The Surface of The Moon\n\n"
            "A team of researchers found traces of water vapor above the surface of the moon.")
    got = found(extractor, text)
    assert got[0][0] == "There Are Water Plumes Above The Surface of The Moon"
