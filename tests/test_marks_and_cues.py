"""Small lexical calls of quotes and figures: an inch mark is no quotation mark, a hope is no quote."""

from __future__ import annotations

import pytest

from factx.extractors.quotes.marks import find_quote_marks, inch_marks


@pytest.mark.parametrize("text, inches", [
    ('He stands 6\' 2" tall.', ['2"']),
    ('The shop sold a 12" pizza.', ['12"']),
    ('It has a 5.5" screen.', ['5"']),
    ('The board is 12" x 8" and costs $5.', ['12"', '8"']),
    ('A 12"-wide pipe.', ['12"']),
    ('"We scored in 2019" the coach said.', []),   # a quotation closing after a number
    ('"Prices rose 12", the trader said.', []),
])
def test_inch_marks(text, inches):
    assert [text[i - 1:i + 1] if text[i - 1] != "." else text[i - 2:i + 1][1:] for i in sorted(inch_marks(text))] \
        == [m[-2:] for m in inches]


def test_an_inch_mark_leaves_the_quotation_marks_paired():
    text = 'Ruiz bought a 65" TV. "It was cheap," she said. "A 12" x 8" board costs $9," he said.'
    assert [text[s:e] for s, e in find_quote_marks(text)] == ['"It was cheap,"', '"A 12" x 8" board costs $9,"']


def test_an_inch_mark_is_the_unit_of_its_figure(extractor):
    article = extractor.extract_text('The shop sold a 12" pizza for $9. Her TV is 65" wide, she said.')
    assert [(f.text, f.value, f.unit) for f in article.figures] == [('12"', 12, "in"), ("$9", 9, "USD"),
                                                                    ('65"', 65, "in")]
    assert [q.text for q in article.quotes] == ['Her TV is 65" wide']


@pytest.mark.parametrize("text", [
    "They were hoping to find survivors.",
    "Smith was hoping to find survivors under the rubble.",
    "Rescuers hoped to reach the village by nightfall.",
])
def test_hoping_is_no_quote(extractor, text):
    # the lemmatiser reads "hoping" as "hop", which PolNeAR's beliefs put in the learned lexicons
    assert extractor.extract_text(text).quotes == []


def test_a_report_around_a_hope_is_still_a_quote(extractor):
    [quote] = extractor.extract_text("Mayor Ana Ruiz said she hopes the bridge reopens on Friday.").quotes
    assert quote.text == "she hopes the bridge reopens on Friday" and quote.speaker.name == "Ana Ruiz"
