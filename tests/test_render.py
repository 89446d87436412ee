"""Rendering: the JSON written is the article, and reads back into it."""

from __future__ import annotations

import json

from factx.models import Article
from factx.render import to_json


def test_json_round_trip(seed_article):
    data = json.loads(to_json(seed_article))
    assert Article.model_validate(data) == seed_article
    assert to_json(seed_article, pretty=True).startswith("{\n  ")
