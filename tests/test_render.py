"""Rendering: the JSON written is the article, and reads back into it."""

from __future__ import annotations

import json

from factx.models import Article
from factx.render import to_json


def test_json_round_trip(seed_article):
    data = json.loads(to_json(seed_article))
    assert Article.model_validate(data) == seed_article
    assert to_json(seed_article, pretty=True).startswith("{\n  ")


def test_streamed_json_is_the_same_text(seed_article):
    """A long input's article is written record by record; the text must not change."""
    import io

    from factx.render import write_json

    empty = seed_article.model_copy(update={"figures": [], "quotes": [], "ignored": []})
    for article in (seed_article, empty):
        out = io.StringIO()
        write_json(article, out, stream_above=0)
        assert out.getvalue() == to_json(article)
        json.loads(out.getvalue())
