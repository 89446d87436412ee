"""Sentence starts from the layout: headlines, datelines, paragraphs and CoNLL-style lines start sentences,
hard-wrapped lines do not; the parser keeps them, and every span still quotes the input."""

from __future__ import annotations

from conftest import assert_offsets

from factx.pipeline import parse_form
from factx.sentences import COMPONENT, layout_starts


def _starts(nlp, text: str) -> list[str]:
    """The first words of the parsed sentences."""
    return [s[0].text for s in nlp(text).sents if not s[0].is_space]


def test_component_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index(COMPONENT) < names.index("parser")


HEADLINE_STORY = ("Airbase shelters families fleeing violence\n"
                  "“They were seeking refuge,” Maria Zakharova told reporters on Thursday. She said most of them "
                  "were women and children.\n")


def test_headline_without_full_stop_is_its_own_sentence(nlp):
    doc = nlp(HEADLINE_STORY)
    first = next(iter(doc.sents))
    assert first.text.strip() == "Airbase shelters families fleeing violence"
    assert _starts(nlp, HEADLINE_STORY)[:3] == ["Airbase", "“", "She"]


def test_headline_without_full_stop_keeps_the_first_quote(extractor):
    article = extractor.extract_text(HEADLINE_STORY)
    assert_offsets(article, HEADLINE_STORY)
    direct = [q for q in article.quotes if q.type == "direct"]
    assert [q.text for q in direct] == ["“They were seeking refuge,”"]
    assert direct[0].speaker is not None and direct[0].speaker.name == "Maria Zakharova"


DATELINE_STORY = ("MOSCOW 1996-08-30\n"
                  "Russian officials said on Friday that the talks would go on next week.\n")


def test_dateline_line_is_its_own_sentence(nlp):
    assert _starts(nlp, DATELINE_STORY) == ["MOSCOW", "Russian"]


INLINE_DATELINE = ("BOSTON – Ruth Okafor, the mayor, said on Monday that 1,200 people had been evacuated "
                   "after the storm.\n\n"
                   "MANCHESTER, N.H. (AP) -- The National Review said the senator had lost the debate.\n")


def test_inline_dateline_is_cut_from_the_body(extractor, nlp):
    assert _starts(nlp, INLINE_DATELINE) == ["BOSTON", "Ruth", "MANCHESTER", "The"]
    article = extractor.extract_text(INLINE_DATELINE)
    assert_offsets(article, INLINE_DATELINE)
    speakers = {q.speaker.text for q in article.quotes if q.speaker is not None}
    assert "Ruth Okafor" in speakers
    assert not any("BOSTON" in s for s in speakers)


def test_a_name_and_a_dash_is_not_a_dateline():
    text = "Ruth Okafor – Boston's mayor since 2019 – said the storm was the worst in decades.\n"
    assert layout_starts(text) == []


# Wrapped at 70 columns, as e-mail and old wire copy are: several lines break
# before a capital ("by\nPresident", "the\nUnited Nations", "in\nParis") in the
# middle of a sentence.
WRAPPED = """Storm batters the coast

The agreement on emissions was signed on Tuesday in the capital by
President Obama and the leaders of China and India, who had met with
officials from the United Nations and from the European Union in
Paris for three days. Negotiators said the text was a compromise that
no country liked, and several delegations were still reviewing the
annex on Wednesday. The Secretary-General called the deal historic and
said its targets would be reviewed every five years by Sen.
John Smith and the committee.
"""


def test_hard_wrapped_lines_are_not_cut(nlp):
    # the component reads the parse form, where the layout made the wrap breaks spaces (layout.py)
    starts = layout_starts(parse_form(WRAPPED))
    line_starts = [i + 1 for i, c in enumerate(WRAPPED) if c == "\n" and i + 1 < len(WRAPPED)]
    body = WRAPPED.index("The agreement")
    assert body in starts, "a paragraph break starts a sentence"
    assert [s for s in starts if s in line_starts and s > body] == [], "no cut inside the wrapped paragraph"
    doc = nlp(parse_form(WRAPPED))
    for word in ("President", "Paris", "John"):
        tok = next(t for t in doc if t.text == word)
        assert not tok.is_sent_start, word


def test_headline_above_hard_wrapped_text_is_cut():
    text = WRAPPED.replace("Storm batters the coast\n\n", "Storm batters the coast\n")
    assert text.index("The agreement") in layout_starts(parse_form(text))


CONLL_LIKE = ("SOCCER - DUTCH FIRST DIVISION SUMMARY\n"
              "AMSTERDAM 1996-08-30\n"
              "Summary of a Dutch first division match on Friday\n"
              "Ajax Amsterdam 2 Feyenoord 1\n"
              "PSV Eindhoven 3 Vitesse Arnhem 0\n"
              "Ajax coach Louis van Gaal said his side had deserved to win.\n")


def test_one_sentence_per_line(nlp):
    doc = nlp(CONLL_LIKE)
    line_starts = {0} | {i + 1 for i, c in enumerate(CONLL_LIKE) if c == "\n" and i + 1 < len(CONLL_LIKE)}
    sent_starts = {s[0].idx for s in doc.sents if not s[0].is_space}
    assert line_starts <= sent_starts


def test_lines_that_go_on_are_not_cut():
    text = ("Results of Slovak first\n"
            "division soccer matches at the weekend:\n"
            "Inter Bratislava 2 Petrzalka 1\n")
    starts = layout_starts(text)
    assert text.index("division") not in starts
    assert text.index("Inter") not in starts, "a colon is left to the parser"
    comma = "The minister, who arrived late,\nSaid nothing.\n"
    assert layout_starts(comma) == []


def test_colon_before_a_paragraph_break_is_left_to_the_parser():
    text = "The governor added:\n\nIt is typical of her. She knows nothing.\n\nThe shooting is under review.\n"
    assert layout_starts(text) == [text.index("The shooting")]


def test_abbreviation_at_a_line_end_is_left_to_the_parser(nlp):
    text = ("The debate is set for Oct. 2.\nFormer South Carolina Gov.\n"
            "Dale Morrow, who was on the short list, will head the team.\n")
    doc = nlp(text)
    assert not doc[[t.text for t in doc].index("Dale")].is_sent_start
    assert doc[[t.text for t in doc].index("Former")].is_sent_start, "a full stop split off ends the line's sentence"


def test_name_wrapped_inside_a_list_is_not_cut():
    text = ("Harbourside - Tom Ardley (captain), Peter Vane, Colin\n"
            "Marlowe, Sean Tuck, Owen Brayfield, Dean Castell, Rory\n"
            "Pennick (vice-captain), Neil Garside.\n")
    starts = layout_starts(text)
    assert text.index("Marlowe") not in starts and text.index("Pennick") not in starts


def test_spans_quote_the_input(extractor):
    for text in (HEADLINE_STORY, DATELINE_STORY, INLINE_DATELINE, WRAPPED, CONLL_LIKE,
                 "Headline\r\n\r\nBOSTON – “We will rebuild,” Mayor Ruth Okafor said.\r\n"):
        article = extractor.extract_text(text)
        assert_offsets(article, text)


def test_seed_under_a_headline_without_full_stop_keeps_every_quote(extractor, seed_text, seed_article):
    text = "Airbase shelters families fleeing sectarian violence\n" + seed_text
    article = extractor.extract_text(text)
    assert_offsets(article, text)
    shift = len(text) - len(seed_text)
    assert [(q.start - shift, q.text, q.speaker and q.speaker.name) for q in article.quotes] == \
        [(q.start, q.text, q.speaker and q.speaker.name) for q in seed_article.quotes]
    assert len(article.quotes) == 9 and all(q.speaker and q.speaker.name for q in article.quotes)
