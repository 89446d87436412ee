"""All-capital lines read in ordinary case: same length, case from the text itself, then the word list."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factx.truecase import truecase_caps_lines


def test_caps_headline_takes_the_case_the_body_uses():
    text = ("MARLOWSHIRE TAKE OVER AT TOP AFTER INNINGS WIN.\n"
            "Marlowshire beat Dunvale by an innings on Friday.")
    out = truecase_caps_lines(text)
    assert out.split("\n")[0] == "Marlowshire take over at top after innings win."
    assert out.split("\n")[1] == text.split("\n")[1]


def test_acronyms_and_known_phrases_keep_their_case():
    text = "NFU CHIEF MEETS NEW YORK FARMERS\nThe NFU said on Monday it would talk."
    out = truecase_caps_lines(text).split("\n")[0]
    assert out.startswith("NFU ")  # the body writes it in capitals
    assert "New York" in out  # a gazetteer phrase in title case


def test_unknown_word_is_capitalised_as_a_name_and_short_unknown_kept():
    out = truecase_caps_lines("ZORBLAND 3 QXT 1")
    assert out == "Zorbland 3 QXT 1"


def test_mixed_case_lines_are_untouched():
    text = "Leeds 3 Everton 1\nA quiet day in Hull."
    assert truecase_caps_lines(text) == text


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_length_and_letters_are_kept(text):
    out = truecase_caps_lines(text)
    assert len(out) == len(text)
    assert out.casefold() == text.casefold() or all(
        a == b or a.lower() == b.lower() or a.upper() == b.upper() for a, b in zip(out, text, strict=True))
