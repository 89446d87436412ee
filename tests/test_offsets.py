"""The offset property: every span satisfies text == input[start:end], on many inputs."""

from __future__ import annotations

from conftest import assert_offsets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factx.pipeline import split_text

WORDS = ["Zakharova", "said", "that", "the", "ministry", "“", "”", '"', "9,000", "people", "Syria", "she",
         "added", ",", ".", "\n", "\r\n", "\n\n", "According", "to", "Reuters", "$4.5", "million", "percent",
         "about", "hundreds", "of", "civilians", "Mr.", "Smith", "told", "reporters", "’s", "—", "é", "🙂"]


@st.composite
def news_like(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=80))
    seps = draw(st.lists(st.sampled_from([" ", "", "  ", "\t"]), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=news_like())
def test_offsets_on_generated_news(extractor, text):
    assert_offsets(extractor.extract_text(text), text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_offsets_on_arbitrary_text(extractor, text):
    assert_offsets(extractor.extract_text(text), text)


HYPHENATED = ["gov-\nernment", "twenty-\nfive", "Al-\nSharaa", "an-\nnounced", "well-\r\nknown", "\u00ad"]


@st.composite
def wrapped_news(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS + HYPHENATED), min_size=0, max_size=120))
    text = " ".join(words)
    width = draw(st.integers(8, 80))
    out, col = [], 0
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    for i, word in enumerate(text.split(" ")):
        if i and col + 1 + len(word) > width:
            out.append(newline)
            col = 0
        elif i:
            out.append(" ")
            col += 1
        out.append(word)
        col = len(word.rsplit("\n", 1)[-1]) if "\n" in word else col + len(word)
    return "".join(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=wrapped_news())
def test_offsets_on_wrapped_news(extractor, text):
    """Hard-wrapped text (LF or CRLF, words hyphenated across lines, soft hyphens of the input's own):
    the parser reads wrap breaks as spaces, and every span still quotes the input as given."""
    assert_offsets(extractor.extract_text(text), text)


def test_offsets_on_wrapped_seed(extractor, seed_text):
    for width in (30, 50, 72):
        for newline in ("\n", "\r\n"):
            words = seed_text.replace("\n", f" {newline}").split(" ")
            out, col = [], 0
            for word in words:
                if col and col + 1 + len(word) > width and not word.startswith(newline):
                    out.append(newline)
                    col = 0
                elif out:
                    out.append(" ")
                out.append(word)
                col = len(word.rsplit("\n", 1)[-1]) if "\n" in word else col + len(word) + 1
            variant = "".join(out)
            assert_offsets(extractor.extract_text(variant), variant)


def test_offsets_on_seed_variants(extractor, seed_text):
    for variant in (seed_text, seed_text.replace("\n", "\r\n"), "\ufeff" + seed_text, seed_text.upper(),
                    seed_text.replace("“", '"').replace("”", '"')):
        assert_offsets(extractor.extract_text(variant), variant)


@given(text=st.text(alphabet=st.sampled_from("ab .\n"), max_size=2000), limit=st.integers(10, 500))
def test_split_text_covers_the_text(text, limit):
    pieces = split_text(text, limit)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(e - s <= limit for s, e in pieces)
    assert all(e > s for s, e in pieces) or text == ""
