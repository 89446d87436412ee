"""Hard-wrapped text reads like unwrapped text: the layout decides once, from the whole text, which
line breaks only wrap a paragraph, and the parser reads those as spaces; texts with one sentence,
headline, dateline or table row a line keep their breaks.  Every span still quotes the input."""

from __future__ import annotations

import pytest
from conftest import assert_offsets

from factx.layout import SOFT, reading_form, wrap_breaks
from factx.pipeline import parse_form
from factx.sentences import layout_starts


def wrap(text: str, width: int, newline: str = "\n") -> str:
    """Greedy hard wrapping of each line at ``width`` (as e-mail clients and terminals do): the last
    space before the limit becomes a line break, nothing else changes."""
    out = []
    for line in text.split("\n"):
        words = line.split(" ")
        current = words[0]
        for word in words[1:]:
            if len(current) + 1 + len(word) > width:
                out.append(current)
                current = word
            else:
                current += " " + word
        out.append(current)
    return newline.join(out)


STORY = (
         "Ferry operator cuts winter crossings to the islands\n"
         "\n"
         "HALIFAX, Nova Scotia (CP) — Atlantic Coastal Ferries will cut its winter crossings to Grand Manan "
         "and Campobello by a third from January, the company said on Tuesday, blaming fuel costs that rose 18"
         " percent this year.\n"
         "\n"
         "“We cannot keep running half-empty boats through the winter and hope the numbers work out,” chief "
         "executive Marguerite Thibodeau told reporters in Halifax. “The islands will still have a daily "
         "crossing, but not three.”\n"
         "\n"
         "The province’s transport minister, Daniel Okonjo, said the government would review the company’s "
         "licence and that residents of the islands deserved better than a letter in the mail.\n"
         "\n"
         "About 2,400 people live on Grand Manan, and most of them depend on the ferry to reach the hospital "
         "in Saint John, according to the island’s council. The company carried 310,000 passengers last year, "
         "down from 356,000 in 2019.\n")


def facts(article) -> tuple:
    """What an article says, independent of where the lines were broken: quotes with their speakers,
    entities with their kinds and mention offsets, figures with their values and counted nouns."""
    quotes = sorted((q.start, q.end, q.type, q.speaker and q.speaker.name, q.cue and q.cue.start)
                    for q in article.quotes)
    entities = sorted((kind, e.name, tuple((m.start, m.end) for m in e.mentions))
                      for kind, group in (("person", article.people), ("place", article.places),
                                          ("organization", article.organizations)) for e in group)
    figures = sorted((f.start, f.end, f.value, f.unit, f.counted) for f in article.figures)
    return quotes, entities, figures


@pytest.mark.parametrize("width", [40, 60, 72, 80])
def test_wrapped_story_gives_the_facts_of_the_unwrapped_one(extractor, width):
    wrapped = wrap(STORY, width)
    assert len(wrapped) == len(STORY) and wrapped.count("\n") > STORY.count("\n") + 5
    plain, article = extractor.extract_text(STORY), extractor.extract_text(wrapped)
    assert_offsets(article, wrapped)
    assert facts(article) == facts(plain)
    assert any(q.speaker and q.speaker.name == "Marguerite Thibodeau" for q in article.quotes)
    assert "Daniel Okonjo" in [p.name for p in article.people]
    assert {f.value for f in article.figures} >= {2400, 310000, 356000}


def test_wrap_breaks_are_spaces_for_the_parser_and_nothing_else_changes():
    wrapped = wrap(STORY, 60)
    form = reading_form(wrapped)
    assert len(form) == len(wrapped)
    assert form == STORY, "every wrap break, and only those, reads as the space it was"
    assert parse_form(wrapped).count("\n") == STORY.count("\n")


def test_crlf_wrapped_story_gives_the_same_facts(extractor):
    """Windows line ends: a wrap break "\\r\\n" is read as the "\\n" one (see ``line_ends``)."""
    lf = wrap(STORY, 60)
    crlf = wrap(STORY, 60, "\r\n")
    assert reading_form(crlf).count("\n") == STORY.count("\n")
    article = extractor.extract_text(crlf)
    assert_offsets(article, crlf)

    def said(a):
        return sorted((" ".join(q.text.split()), q.speaker and q.speaker.name) for q in a.quotes)

    base = extractor.extract_text(lf)
    assert said(article) == said(base)
    assert sorted(p.name for p in article.people) == sorted(p.name for p in base.people)
    def measured(a):
        return [(f.value, f.counted, f.unit) for f in a.figures]

    assert measured(article) == measured(base)


def test_names_and_quotes_cross_a_wrap_break(extractor):
    text = wrap(STORY, 72)
    article = extractor.extract_text(text)
    minister = next(p for p in article.people if p.name == "Daniel Okonjo")
    assert any("\n" in m.text for m in minister.mentions) or "\n" not in text[text.index("Daniel"):][:14]
    long_quote = next(q for q in article.quotes if q.text.startswith("“We cannot"))
    assert "\n" in long_quote.text and long_quote.text == text[long_quote.start:long_quote.end]


CONLL_LIKE = ("SOCCER - DUTCH FIRST DIVISION SUMMARY\n"
              "AMSTERDAM 1996-08-30\n"
              "Summary of a Dutch first division match on Friday\n"
              "Ajax Amsterdam 2 Feyenoord 1\n"
              "PSV Eindhoven 3 Vitesse Arnhem 0\n"
              "Ajax coach Louis van Gaal said his side had deserved to win.\n"
              "Van Gaal praised the young striker who scored the winner.\n"
              "Feyenoord coach Arie Haan said the referee had made mistakes.\n")

TABLE = ("BASEBALL - MAJOR LEAGUE STANDINGS\n"
         "NEW YORK 1996-08-29\n"
         "Major League Baseball standings after games played on Wednesday:\n"
         "EASTERN DIVISION\n"
         "W L PCT GB\n"
         "NEW YORK 74 59 .556 -\n"
         "BALTIMORE 70 63 .526 4\n"
         "BOSTON 69 66 .511 6\n"
         "TORONTO 63 72 .467 12\n"
         "DETROIT 48 86 .358 26 1/2\n")

HEADLINES = ("Ferry operator cuts winter crossings\n"
             "Islanders fear for hospital visits\n"
             "By Jane Moreau\n"
             "HALIFAX – The company said on Tuesday it would cut crossings.\n")


@pytest.mark.parametrize("text", [CONLL_LIKE, TABLE, HEADLINES])
def test_one_unit_a_line_keeps_its_breaks(nlp, text):
    assert wrap_breaks(text) == []
    assert reading_form(text) == text
    doc = nlp(parse_form(text))
    # every line starts a sentence, but one after a lead-in's colon (left to the parser)
    line_starts = {0} | {i + 1 for i, c in enumerate(text) if c == "\n" and i + 1 < len(text) and text[i - 1] != ":"}
    assert line_starts <= {s[0].idx for s in doc.sents if not s[0].is_space}


def test_a_wrapped_story_under_a_headline_and_a_table_keeps_those_breaks():
    text = ("Ferry operator cuts winter crossings\n" + wrap(STORY.split("\n\n", 1)[1].split("\n\n")[0], 60)
            + "\nCrossings per week:\nGrand Manan 12 8\nCampobello 9 6\nDeer Island 14 10\n")
    form = reading_form(text)
    for line in ("Ferry operator cuts winter crossings\n", "Crossings per week:\n", "Grand Manan 12 8\n",
                 "Campobello 9 6\n"):
        assert line in form
    assert form.count("\n") == 6


def test_datelines_and_list_items_keep_their_breaks_in_wrapped_text():
    body = wrap(STORY.split("\n\n")[2], 60)
    text = ("HALIFAX 2024-01-09\n" + body + "\nThe changes:\n- three crossings a day become two\n"
            "- the last boat leaves at 6 p.m.\n")
    form = reading_form(text)
    assert form.startswith("HALIFAX 2024-01-09\n")
    assert "\n- three" in form and "\n- the last" in form
    assert form.count("\n") == 5


def test_a_signed_quotation_before_the_next_keeps_its_break():
    quotes = ("“The boats are always late and always full, and now there will be fewer of them,” ― Ana Ruiz\n"
              "“I do not know how my mother will get to her appointments in the city,” ― Tom Hale\n") * 3
    text = wrap(quotes, 60)
    form = reading_form(text)
    assert form.count("\n") == quotes.count("\n")
    assert "Ruiz\n“I do" in form and "Hale\n“The" in form


HYPHENATED = ("The gov-\nernment an-\nnounced on Friday that twenty-\nfive people and a well-\nknown "
              "doctor had been evacuated from the island by the coast guard.\n")


def test_a_word_hyphenated_across_a_line_is_one_word(nlp):
    form = reading_form(HYPHENATED)
    assert len(form) == len(HYPHENATED) and "\n" not in form[:-1]
    assert f"gov{SOFT}{SOFT}ernment" in form and f"an{SOFT}{SOFT}nounced" in form, "the hyphen only split the word"
    assert f"twenty-{SOFT}five" in form and f"well-{SOFT}known" in form, "the hyphen is the word's own"
    doc = nlp(parse_form(HYPHENATED))
    by_norm = {t.norm_: t for t in doc}
    assert by_norm["government"].text == f"gov{SOFT}{SOFT}ernment"
    assert by_norm["government"].pos_ == "NOUN" and by_norm["government"].dep_ == "nsubj"
    assert by_norm["announced"].lemma_ == "announce" and by_norm["announced"].pos_ == "VERB"
    assert by_norm["well-known"].lower_ == "well-known"


def test_hyphenated_words_give_their_facts(extractor):
    article = extractor.extract_text(HYPHENATED)
    assert_offsets(article, HYPHENATED)
    figure = next(f for f in article.figures if f.value == 25)
    assert figure.text == "twenty-\nfive" and figure.counted == "people"
    split = "The spokes-\nwoman Ana Ruiz said the ferries would be cancelled.\n" * 2 + "The spokeswoman left.\n"
    article = extractor.extract_text(split)
    assert_offsets(article, split)
    assert any(q.speaker and q.speaker.name == "Ana Ruiz" for q in article.quotes)


def test_hand_wrapped_paragraph_near_the_width_is_one_paragraph(nlp):
    """Wrapped by hand or by a proportional font: lines end short of the width, yet mid-sentence."""
    text = ("The agreement on emissions was signed on Tuesday in the capital by\n"
            "President Obama and the leaders of China and India, who had met with\n"
            "officials from the United Nations and from the European Union in\n"
            "Paris for three days. Negotiators said the text was a compromise that\n"
            "no country liked, and several delegations were still reviewing the\n"
            "annex on Wednesday.\n")
    form = reading_form(text)
    assert form.count("\n") == 1
    doc = nlp(parse_form(text))
    assert not any(t.is_sent_start for t in doc if t.text in ("President", "Paris"))
    assert layout_starts(form) == []


def test_a_long_wrapped_text_is_cut_into_pieces_after_a_sentence_end():
    from factx.pipeline import split_text

    sentences = [f"Ferry {i} left the harbour{' at dawn' * (i % 5)} and came back." for i in range(120)]
    text = wrap(" ".join(sentences), 60)
    pieces = split_text(text, 1000)
    assert len(pieces) > 3
    for _, end in pieces[:-1]:
        assert text[end - 2:end] == ".\n", "not inside a sentence"
