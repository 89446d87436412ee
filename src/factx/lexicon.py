"""Word lists shipped as data files in ``factx/data``.

Lexicons live in text files, not in code, so they can be reviewed, extended
and regenerated (each file's header says where its words come from).  One
entry per line; ``#`` starts a comment; blank lines are ignored.  A line may
hold ``key<TAB>value`` pairs for the mapping loaders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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


class SortedTable:
    """A large data file of sorted ``key<TAB>value`` lines, searched where it lies (bisection over its bytes).

    Nothing is read or parsed at load, only the lines a lookup touches: a
    table of 50,000 lines costs no start-up time, which matters to a run of one
    article and to every worker of a cluster.  The first line is a comment
    (how the file was built).  UTF-8 keeps code-point order, so a file sorted
    as text is sorted as bytes.
    """

    def __init__(self, name: str):
        import mmap

        resource = resources.files("factx.data").joinpath(name)
        try:
            with open(str(resource), "rb") as f:
                self.data: bytes | mmap.mmap = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # not a plain file (a zipped install), or empty
            self.data = resource.read_bytes()
        self.start = self.data.find(b"\n") + 1

    def get(self, key: str) -> str | None:
        """The value of ``key``'s line, or None."""
        data, probe = self.data, key.encode("utf-8") + b"\t"
        lo, hi = self.start, len(data)
        while lo < hi:  # lo, hi: line starts; find the first line >= probe
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", lo, mid) + 1 or lo
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end
            if data[start:end] < probe:
                lo = end + 1
            else:
                hi = start
        if data[lo:lo + len(probe)] != probe:
            return None
        end = data.find(b"\n", lo)
        return data[lo + len(probe):end if end >= 0 else len(data)].decode("utf-8")


@cache
def sorted_table(name: str) -> SortedTable:
    """``data/<name>`` as a ``SortedTable``, opened once per process."""
    return SortedTable(name)


def alternation(entries: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first (so "gmbh & co. kg" is tried before "gmbh"); a space
    inside a phrase matches any run of white space (a wrapped line)."""
    return "|".join(r"\s+".join(re.escape(w) for w in e.split()) for e in sorted(entries, key=len, reverse=True))
