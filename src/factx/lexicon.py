"""Word lists shipped as data files in ``factx/data``.

Lexicons live in text files, not in code, so they can be reviewed, extended
and regenerated (each file's header says where its words come from).  One
entry per line; ``#`` starts a comment; blank lines are ignored.  A line may
hold ``key<TAB>value`` pairs for the mapping loaders.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    raw = resources.files("factx.data").joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@cache
def words(name: str) -> frozenset[str]:
    """The set of lower-cased entries of ``data/<name>``."""
    return frozenset(line.lower() for line in _lines(name))


@cache
def mapping(name: str) -> dict[str, str]:
    """``key<TAB>value`` lines of ``data/<name>`` as a dict (keys lower-cased)."""
    out: dict[str, str] = {}
    for line in _lines(name):
        key, _, value = line.partition("\t")
        out[key.strip().lower()] = value.strip()
    return out


@cache
def rows(name: str) -> list[list[str]]:
    """Tab-separated lines of ``data/<name>`` as lists of stripped fields (case kept)."""
    return [[f.strip() for f in line.split("\t")] for line in _lines(name)]
