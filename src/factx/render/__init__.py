"""Writers: one module per output format, each laying out the ``Article`` records it is given.

Rendering never computes facts.  Every writer has the same three methods, so
the CLI drives any format the same way:

- ``write(article)``: one article, in input order;
- ``close()``: the run is complete (a file is put in place, a database committed);
- ``abort()``: the run was interrupted or failed; leave no partial output.
"""

from __future__ import annotations

from typing import Protocol

from ..models import Article
from .csv import CsvWriter
from .jsonl import JsonWriter, to_json, write_json
from .sqlite import SqliteWriter
from .table import TableWriter, write_table
from .target import TextTarget

__all__ = ["CsvWriter", "JsonWriter", "SqliteWriter", "TableWriter", "TextTarget", "Writer", "to_json", "write_json",
           "write_table"]


class Writer(Protocol):
    """What the CLI needs of an output format."""

    def write(self, article: Article) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...
