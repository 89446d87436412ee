"""Reports in an "as" clause ('As the Gazette noted, ...') and nested reports (quotes/as_clauses.py,
Collector.clashes); every sentence here is invented."""

from __future__ import annotations

import pytest
from conftest import assert_offsets


def quotes(extractor, text: str):
    article = extractor.extract_text(text)
    assert_offsets(article, text)
    return article.quotes


def whole(found) -> list[tuple[str, str | None, str | None]]:
    """Each quote with the parts that continue it joined: (content parts, speaker, cue)."""
    out: dict[str, list] = {}
    for q in found:
        if q.continues is not None and q.continues in out:
            out[q.continues][0] += " | " + q.text
        else:
            out[q.id] = [q.text, q.speaker.text if q.speaker else None, q.cue.text if q.cue else None]
    return [tuple(v) for v in out.values()]


@pytest.mark.parametrize(("text", "content", "speaker", "cue"), [
    ("As the Gazette noted, the council raised $1.1 million from local firms last year.",
     "the council raised $1.1 million from local firms last year", "Gazette", "noted"),
    ("The rules are strict, and as Ms. Cole noted, staff could still face sanctions for minor lapses.",
     "staff could still face sanctions for minor lapses", "Ms. Cole", "noted"),
    ("If, as I've suggested, he and others benefit from the change, the public should know.",
     "he and others benefit from the change", "I", "'ve suggested"),
    ("As stated in the report, there are no funds left for the new school.",
     "there are no funds left for the new school", "the report", "stated"),
    ("The mayor refused to attend the meeting, as one of them, a reporter for the Herald, reported.",
     "The mayor refused to attend the meeting", "a reporter", "reported"),
    ("As the station's chief engineer pointed out in March, the tower has not been inspected since 1990.",
     "the tower has not been inspected since 1990", "the station's chief engineer", "pointed"),
    ("However, as the audit noted, most of the money was spent on roads.",
     "most of the money was spent on roads", "the audit", "noted"),
])
def test_as_clause_reports_the_clause_it_comments_on(extractor, text, content, speaker, cue):
    """The content is the clause without the as-clause and its commas; speaker and cue are the
    as-clause's subject and verb (the "by" agent or the document 'stated in')."""
    assert (content, speaker, cue) in whole(quotes(extractor, text))


@pytest.mark.parametrize(("text", "parts"), [
    ("Hawaii, as one of his advisers pointed out, rarely gets two storms in one week.",
     ("Hawaii", "rarely gets two storms in one week")),
    ("Iceland, as one of the bank's chief economists pointed out, normally does not get two-year-long recessions.",
     ("Iceland", "normally does not get two-year-long recessions")),
])
def test_as_clause_inside_its_clause_gives_two_linked_parts(extractor, text, parts):
    """The parser hangs the clause after the as-clause on the as-clause's verb (as its
    complement or as an adverbial clause): the parts around the as-clause are the content."""
    first, second = quotes(extractor, text)
    assert (first.text, second.text) == parts
    assert second.continues == first.id and first.continues is None
    assert first.cue.text == second.cue.text == "pointed" and first.speaker.text == "one"


@pytest.mark.parametrize(("text", "clause"), [
    ("Small parties such as the Greens say the rule is unfair.", "Small parties"),
    ("As he explained how the scheme works, the crowd grew restless.", "the crowd grew restless"),
    ("She left early, just as she said she would.", "She left early"),
    ("The ministry served as a model, and the region copied it.", "the region copied it"),
    ("The new rules, as opposed to the old ones, favour small firms.", "The new rules"),
    ("The rules of the league, as it is currently written, add another hurdle.", "The rules"),
    ('The plan, as the website notes: "It will cost $4 billion over ten years."', "The plan"),
])
def test_as_that_opens_no_report_of_a_clause_is_left_alone(extractor, text, clause):
    """'such as X say', an as-clause whose verb reports its own complement ('explained how
    ...', 'said she would', 'notes: "..."'), 'served as', an as-clause that names no one ('as
    opposed to', 'as it is written'): the clause around them is nobody's report."""
    assert not any(q.text.startswith(clause) for q in quotes(extractor, text))


def test_outer_report_holding_a_quote_keeps_both(extractor):
    """Reported content that holds a quote found before it whole (its content, cue and speaker):
    both stay, the outer one the report of the inner."""
    text = 'Officials said that the mayor had told them, "We will cut the budget by a third."'
    found = whole(quotes(extractor, text))
    assert ('the mayor had told them, "We will cut the budget by a third."', "Officials", "said") in found
    assert ('"We will cut the budget by a third."', "the mayor", "had told") in found


def test_report_holding_an_as_clause_keeps_both(extractor):
    text = "The coach said the team is not tired - as its critics have said - and will play on Sunday."
    found = whole(quotes(extractor, text))
    assert ("the team is not tired", "its critics", "have said") in found, found
    assert any(s == "The coach" and c.startswith("the team is not tired - as its critics") for c, s, _ in found)


def test_report_inside_reported_content_is_not_a_second_quote(extractor):
    """'X reported that Y told Z that ...': the outer report only (PolNeAR train seldom gives the
    inner one there, so it would mostly be a false positive)."""
    text = "The Herald reported on Monday that the editor, Jane Smith, told her staff that the story was wrong."
    found = whole(quotes(extractor, text))
    assert found == [("the editor, Jane Smith, told her staff that the story was wrong", "Herald", "reported")]


def test_report_inside_a_quotation_is_the_quoted_speakers_words(extractor):
    """'"I told him that we would leave," Smith said': the quotation is Smith's; the "told"
    inside it is not a second quote (PolNeAR leaves such reports out)."""
    text = '"I told him that we would leave the city," Smith said.'
    found = quotes(extractor, text)
    assert [(q.text, q.speaker.text) for q in found] == [('"I told him that we would leave the city,"', "Smith")]


def test_partial_overlaps_and_duplicates_stay_forbidden(extractor):
    """Every pair of quotes is either apart, or one holds the other whole."""
    text = ("The Herald reported that the editor told her staff that the story was wrong, and she "
            "said the paper would print a correction. As the editor noted, the error was small.")
    found = quotes(extractor, text)
    for a in found:
        for b in found:
            if a is b or not (a.start < b.end and b.start < a.end):
                continue
            assert (a.start, a.end) != (b.start, b.end)
            assert (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def test_as_clause_on_a_report_leaves_the_report_its_speakers(extractor):
    """'..., Ann Cole announced, as reported by the Herald': what was announced is Cole's; the
    paper only passes her report on."""
    text = ("The bridge will stay closed until the spring, city engineer Ann Cole announced on Monday, "
            "as reported by the Herald.")
    found = whole(quotes(extractor, text))
    assert found == [("The bridge will stay closed until the spring", "city engineer Ann Cole", "announced")]
