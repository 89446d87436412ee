"""Rendering: JSON round trip and the analyst's view of a figure."""

from __future__ import annotations

import json

from factx.models import Article, Figure
from factx.render import figure_note, to_json


def fig(**kw) -> Figure:
    base = {"id": "f1", "start": 0, "end": 1, "text": "x", "value": 1.0, "unit": None, "counted": None,
            "sentence": 0}
    return Figure(**{**base, **kw})


def test_figure_reads_like_a_note():
    assert figure_note(fig(text="approximately 9,000", counted="people", event="sheltering")) \
        == "approximately 9,000 people · sheltering"
    assert figure_note(fig(text="1,311", counted="death toll")) == "1,311 · death toll"
    assert figure_note(fig(text="830", counted="civilians", event="including", part_of="f3")) \
        == "830 civilians · including · part of f3"
    assert figure_note(fig(text="$4.5 million", unit="USD")) == "$4.5 million"


def test_json_round_trip(seed_article):
    data = json.loads(to_json(seed_article))
    assert Article.model_validate(data) == seed_article
    assert to_json(seed_article, pretty=True).startswith("{\n  ")
