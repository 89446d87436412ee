"""JSON and JSON Lines: one article per line (or one indented object), as the scorers and jq read it."""

from __future__ import annotations

from typing import IO

from ..models import Article
from .target import TextTarget


def to_json(article: Article, pretty: bool = False) -> str:
    """One article as JSON: compact on one line (JSON Lines) or indented.

    pydantic serialises straight to JSON (no intermediate dicts), which keeps
    huge articles' memory down; non-ASCII text is written as UTF-8.
    """
    return article.model_dump_json(indent=2 if pretty else None)


# Above this input length an article is written list element by list element
# rather than as one string: a 50 MB input's JSON runs to hundreds of MB.
STREAM_ABOVE_CHARS = 1_000_000
_LISTS = ("ignored", "figures", "people", "places", "organizations", "quotes")


def write_json(article: Article, stream: IO[str], pretty: bool = False, stream_above: int = STREAM_ABOVE_CHARS) -> None:
    """Write ``to_json(article, pretty)`` to ``stream``; a long input's lists one record at a time.

    The output is the same text either way: the article is serialised with
    empty lists, and each list is written in its place element by element,
    so memory holds one record's JSON at a time rather than the whole.
    """
    if pretty or article.length <= stream_above:
        stream.write(to_json(article, pretty))
        return
    from pydantic import TypeAdapter

    shell = article.model_copy(update={name: [] for name in _LISTS}).model_dump_json()
    rest = shell
    for name in _LISTS:
        marker = f'"{name}":[]'
        head, _, rest = rest.partition(marker)
        stream.write(head)
        stream.write(f'"{name}":[')
        items = getattr(article, name)
        if items:
            adapter = TypeAdapter(type(items[0]))
            for i, item in enumerate(items):
                if i:
                    stream.write(",")
                stream.write(adapter.dump_json(item).decode())
        stream.write("]")
    stream.write(rest)



class JsonWriter:
    """JSON Lines on a text target: one compact object per line (or indented with ``pretty``)."""

    def __init__(self, target: TextTarget, pretty: bool = False):
        self.target, self.pretty = target, pretty

    def write(self, article: Article) -> None:
        write_json(article, self.target.stream, pretty=self.pretty)
        self.target.stream.write("\n")
        self.target.flush()

    def close(self) -> None:
        self.target.commit()

    def abort(self) -> None:
        self.target.abort()
