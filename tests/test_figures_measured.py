"""Figures (issue 22): what money, shares and measures measure, and sports and market reports.

Invented sentences on the real spaCy model, one test per rule; every span is checked against the input.
"""

from __future__ import annotations

from factx.extractors.figures import extract_figures
from factx.models import Figure


def figs(nlp, text: str) -> list[Figure]:
    out = extract_figures(nlp(text))
    for f in out:
        assert text[f.start:f.end] == f.text, f
    return out


def by_text(nlp, text: str) -> dict[str, Figure]:
    return {f.text: f for f in figs(nlp, text)}


# --- units and names written with numbers ---------------------------------------------------


def test_frame_rates_are_measures(nlp):
    f = by_text(nlp, "The console version runs at 60fps, while the phone app is locked to a 30fps mode.")
    assert f["60fps"].value == 60 and f["60fps"].unit == "fps" and f["60fps"].counted == "console version"
    assert f["30fps"].unit == "fps" and f["30fps"].counted == "mode"


def test_display_formats_are_names_not_figures(nlp):
    f = by_text(nlp, "The box streams 1080p video and 4K films to 300 homes.")
    assert set(f) == {"300"}


def test_light_years_are_a_unit_not_a_duration(nlp):
    f = by_text(nlp, "The nebula, some 40 million light-years wide, holds thousands of light-years of dust.")
    wide = f["some 40 million light-years"]
    assert wide.value == 40_000_000 and wide.unit == "ly" and wide.approximate and wide.counted == "nebula"
    assert f["thousands of light-years"].unit == "ly" and f["thousands of light-years"].value is None


def test_vague_magnitude_of_a_measure_takes_the_unit(nlp):
    f = by_text(nlp, "Floods washed away hundreds of miles of road.")
    fig = f["hundreds of miles"]
    assert fig.unit == "mi" and fig.value is None and fig.counted == "road"


def test_of_complement_through_a_participle(nlp):
    f = by_text(nlp, "The model contains tens of thousands of evolving stars with levels of detail never seen.")
    assert f["tens of thousands"].counted == "stars"
