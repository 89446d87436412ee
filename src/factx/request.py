"""What ``factx extract`` is asked and how a run ends: ``Request``, ``Outcome``, ``UsageError``, and the
options that do not go together (``check_request``).

Plain values only, so a Python caller builds a request without Typer, and the
other steps of a run (``inputs``, ``stored``, ``runners``, ``output``) share
these words without importing one another.
"""

from __future__ import annotations

import codecs
import os
import sys
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

FORMATS = ("json", "table", "html", "csv")
TABLES = ("figures", "quotes", "people", "places", "organizations", "mentions", "times")


class Outcome(StrEnum):
    """How a run ended; the command line maps each to its exit status (see ``cli.EXIT_CODES``)."""

    ok = "ok"  # every input was processed
    failed_input = "failed_input"  # at least one input failed (or the output could not be written)
    usage = "usage"  # the request cannot run: bad options, a model that cannot be loaded
    interrupted = "interrupted"  # Ctrl-C
    terminated = "terminated"  # SIGTERM


class UsageError(Exception):
    """A request that cannot run as given; the message is one line for stderr."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: stop the workers, leave no partial output file."""


@dataclass
class Request:
    """What ``factx extract`` was asked to do: the command line's options, already parsed.

    Plain values (strings for the enumerations), so a Python caller builds one
    without Typer; ``check_request`` says what does not go together.
    """

    paths: list[str] = field(default_factory=list)
    glob: str = "*.txt"
    fmt: str = "json"
    table: str | None = None
    raw_csv: bool = False
    db: Path | None = None
    force: bool = False
    input_format: str = "auto"
    include_text: bool = False
    date: str | None = None  # --date YYYY-MM-DD: the articles' date
    pretty: bool = False
    output: Path | None = None
    encoding: str | None = None
    model: str | None = None
    jobs: int | None = None
    progress: bool | None = None
    scheduler: str | None = None
    output_dir: Path | None = None
    part_size: int = 1000


def warn(message: str) -> None:
    """The default diagnostic channel: one ``factx: ...`` line on stderr, flushed at once so it
    interleaves correctly with the progress bar and with other processes' output."""
    print(f"factx: {message}", file=sys.stderr, flush=True)


def _is_iso_date(value: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def check_request(req: Request) -> None:
    """Raise ``UsageError`` for options that do not go together.

    Only what the options themselves say is checked here (and whether
    ``--output`` can be written), so a mistake is reported before a model
    is loaded or a directory walked.
    """
    from . import reader

    if req.fmt not in FORMATS:
        raise UsageError(f"unknown --format {req.fmt!r}: use one of {', '.join(FORMATS)}")
    if req.table is not None and req.table not in TABLES:
        raise UsageError(f"unknown --table {req.table!r}: use one of {', '.join(TABLES)}")
    if req.input_format not in reader.INPUT_FORMATS:
        raise UsageError(f"unknown --input-format {req.input_format!r}: use one of {', '.join(reader.INPUT_FORMATS)}")
    if req.date is not None and not _is_iso_date(req.date):
        raise UsageError(f"--date {req.date!r} is not a date: give YYYY-MM-DD")
    if req.paths.count(reader.STDIN) > 1:
        raise UsageError("'-' (stdin) given more than once")
    if req.encoding is not None:  # a wrong name would fail every input, one by one: it is the option's fault
        try:
            codecs.lookup(req.encoding)
        except LookupError:
            raise UsageError(f"unknown --encoding {req.encoding!r}") from None
    output = req.output
    if output is not None and output.is_dir() and req.fmt != "html":
        raise UsageError(f"cannot write --output {output}: it is a directory")
    if (req.fmt == "csv") != (req.table is not None):
        raise UsageError("--format csv needs --table (figures, quotes, people, places, organizations, mentions or "
                         "times), and --table needs --format csv")
    if req.db is not None and (output is not None or req.fmt != "json"):
        raise UsageError("--db is an output of its own: it does not go with --output or --format")
    if req.force and req.db is None:
        raise UsageError("--force goes with --db: it re-extracts inputs the database already holds")
    if output is not None and not (output.parent.is_dir() and os.access(output.parent, os.W_OK)):
        raise UsageError(f"cannot write --output {output}: {output.parent} is not a writable directory")
    if req.output_dir is not None and (output is not None or req.fmt != "json" or req.pretty or req.db is not None):
        raise UsageError("--output-dir writes JSON Lines parts: it does not go with --output, --format, --pretty "
                         "or --db")
