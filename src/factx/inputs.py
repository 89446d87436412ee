"""The inputs of a run: the paths given (or piped stdin), listed up front, read lazily in order; and how
many worker processes they are worth."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from .request import Request, UsageError, warn

if TYPE_CHECKING:
    from .reader import ReadError

# Below this many inputs one process is faster than starting workers.
PARALLEL_MIN_INPUTS = 8
# At most this many worker processes by default: past it the parser's memory grows faster than the speed.
MAX_DEFAULT_JOBS = 8


def input_paths(req: Request, stdin: TextIO | None = None) -> list[str]:
    """The paths as given, or ``-`` when none is given and text is piped in.

    With no path and nothing piped (a terminal, or no stdin at all) there is
    nothing to do: a usage error rather than a silent wait for typing.  So
    is ``-`` when the process has no stdin (it was started with it closed).
    """
    from . import reader

    stdin = sys.stdin if stdin is None else stdin
    if req.paths:
        if reader.STDIN in req.paths and stdin is None:  # started with stdin closed (`<&-`)
            raise UsageError("'-' reads stdin, but stdin is closed")
        return list(req.paths)
    if stdin is None or stdin.isatty():
        raise UsageError("no input: give a path, '-' for stdin, or pipe text in (see factx extract --help)")
    return [reader.STDIN]


def list_inputs(paths: Iterable[str], glob: str = "*.txt") -> list[str | ReadError]:
    """Every input, in order: files, directories walked recursively by ``glob``, ``-``, URLs.

    A path is kept as given (a missing file fails when it is read, in its
    place); a directory with no matching file is a ``ReadError`` in its
    place, so it is reported in order with the others and stops none of them.  The list is
    made whole up front: the default number of jobs, the HTML page layout
    and the ``--output-dir`` parts all depend on how many inputs there are.
    """
    from . import reader

    return list(reader.iter_paths(paths, glob))


def default_jobs(listed: Iterable[object]) -> int:
    """One process for a few short inputs (starting workers costs more than it saves); otherwise one
    per available core, up to 8.  A long file counts as many inputs: its pieces are spread over the workers."""
    from .pipeline import LONG_CHARS

    listed = list(listed)
    size = sum(os.path.getsize(p) for p in listed if isinstance(p, str) and os.path.isfile(p))
    if len(listed) < PARALLEL_MIN_INPUTS and size <= LONG_CHARS:
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cpus, MAX_DEFAULT_JOBS))


def wants_pages_dir(req: Request, listed: list) -> bool:
    """Whether ``--format html`` writes a directory (one page per input and an index) rather than one page.

    Several pages cannot share stdout or one file, so they then need ``-o DIR``
    (a ``UsageError`` otherwise).
    """
    output = req.output
    pages_dir = req.fmt == "html" and (len(listed) > 1 or (output is not None and output.is_dir()))
    if pages_dir and (output is None or (output.exists() and not output.is_dir())):
        raise UsageError(f"{len(listed)} inputs make {len(listed)} HTML pages: give a directory with -o DIR")
    return pages_dir


def read_documents(req: Request, listed: Iterable[Any], skip: Callable[[str, str], bool] | None = None,
                   say: Callable[[str], None] = warn) -> Iterator[Any]:
    """Read the listed inputs lazily, one at a time, in order: ``Document``, ``ReadError`` or ``Skipped``.

    A reader's note (a guessed encoding, replaced bytes) is said on ``say`` as
    the input is read, so it appears next to that input's place in the run.
    """
    from . import reader

    keep_text = req.include_text or req.fmt == "html"  # an HTML page shows the text, so its records carry it
    for item in listed:
        if isinstance(item, reader.ReadError):
            yield item
        else:
            doc = reader.read(item, req.encoding, req.input_format, keep_text, skip, req.date)
            if isinstance(doc, reader.Document) and doc.note:
                say(f"{doc.source}: {doc.note}")
            yield doc
