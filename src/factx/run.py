"""One run of ``factx extract``: its steps in order, from the request to the outcome.

The command line (``cli.py``) only turns options into a ``Request`` and an
``Outcome`` into an exit status; everything between lives in modules of one
job each, so that it can be read, tested and called from Python without
Typer or a subprocess:

- ``request``: ``Request``, ``Outcome``, and ``check_request``, the options
  that do not go together, refused before any input is listed or any model
  looked up (a usage error costs nothing);
- ``inputs``: the paths, directories, URLs and stdin as listed up front
  (``list_inputs``), read lazily (``read_documents``), and how many worker
  processes pay for themselves (``default_jobs``);
- ``stored``: the ``--db`` skip logic, the model's name and version read from
  its ``meta.json`` without loading it (``model_identity``), so a resumed run
  whose inputs are all stored never loads spaCy nor starts a cluster;
- ``runners``: plain, ``--jobs`` process pool or ``--scheduler`` Dask, each
  started when a first input needs extracting (``start_runner``);
- ``output``: the writer for ``--format``/``--output``/``--db``/
  ``--output-dir`` (``make_writer``), and ``write_all``: results to the
  writer, errors to stderr, counted into the ``Outcome``.

``execute`` runs them all; every step's public name is importable from here.
Heavy modules (spaCy, pydantic, rich, Dask) are imported inside the functions
that need them, so importing this module costs no more than the command
line's ``--help``.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TextIO

from .inputs import (
    MAX_DEFAULT_JOBS,
    PARALLEL_MIN_INPUTS,
    default_jobs,
    input_paths,
    list_inputs,
    read_documents,
    wants_pages_dir,
)
from .output import make_writer, write_all
from .request import FORMATS, TABLES, Outcome, Request, Terminated, UsageError, check_request, warn
from .runners import Runner, close_results, load_extractor, start_runner, when_needed
from .stored import model_identity, stored_test, unstored

if TYPE_CHECKING:
    from .render import Writer

__all__ = ["FORMATS", "MAX_DEFAULT_JOBS", "PARALLEL_MIN_INPUTS", "TABLES", "Outcome", "Request", "Runner", "Terminated",
           "UsageError", "check_request", "close_results", "default_jobs", "execute", "input_paths", "list_inputs",
           "load_extractor", "make_writer", "model_identity", "read_documents", "sigterm_as_interrupt", "start_runner",
           "stored_test", "unstored", "wants_pages_dir", "warn", "when_needed", "write_all"]


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While the block runs, SIGTERM raises ``Terminated`` (a ``KeyboardInterrupt``), so it cleans up like Ctrl-C.

    The previous handler is put back afterwards, so a Python caller running
    ``execute`` twice, or inside its own program, keeps its own handling.
    Only the main thread may set handlers; elsewhere the block runs as it is.
    """
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def execute(req: Request, say: Callable[[str], None] = warn, stdin: TextIO | None = None) -> Outcome:
    """Run the request from its inputs to its writer; say every problem on ``say``, one line each.

    A usage error (``UsageError``, or a model that cannot be loaded) is said
    and returned as ``Outcome.usage``, whatever step found it, and leaves no
    output file behind.  A bad input never stops the others: it is said and
    counted, and the run ends ``failed_input``.  Ctrl-C (and SIGTERM) at any
    step stop the workers and drop partial output.

    The steps run in the order that reports the cheapest mistake first:
    options, then the listing, then the model, then the writer (so a bad
    ``--model`` creates no file and opens no database).
    """
    from .pipeline import Extractor, ModelError, model_name

    writer: Writer | None = None
    handed_over = False  # once write_all has the writer, it closes or aborts it itself
    runner: Runner | None = None
    with sigterm_as_interrupt():
        try:
            paths = input_paths(req, stdin)
            check_request(req)
            listed = list_inputs(paths, req.glob)
            pages_dir = wants_pages_dir(req, listed)
            jobs = req.jobs or default_jobs(listed)
            todo = listed
            if req.output_dir is not None:  # made first: it says which inputs are left to do
                writer = make_writer(req, listed, pages_dir, say)
                todo = writer.todo  # type: ignore[attr-defined]
            name = model_name(req.model)
            # a --db run loads the model only when an input is not already stored (see when_needed)
            plain = jobs == 1 and req.db is None and not req.scheduler and bool(todo)
            extractor = Extractor(name) if plain else None
            identity = model_identity(name) if req.db is not None else None
            if writer is None:
                writer = make_writer(req, listed, pages_dir, say)
            skip = None
            if identity is not None and not req.force:
                skip = stored_test(writer, identity)
            runner = start_runner(req, todo, name, jobs, extractor, skip, say)
            show_progress = req.progress if req.progress is not None else (len(todo) > 1 and sys.stderr.isatty())
            handed_over = True
            try:
                outcome = write_all(runner.results, writer, len(todo), show_progress,
                                    str(req.output or req.output_dir or req.db or "output"), say)
            except ModelError as e:  # the workers could not load the model
                say(str(e))
                outcome = Outcome.usage
            if req.db is not None:
                say(f"{req.db}: {writer.inserted} article(s) stored, "  # type: ignore[attr-defined]
                    f"{writer.skipped} unchanged input(s) skipped")  # type: ignore[attr-defined]
            return outcome
        except (UsageError, ModelError) as e:
            say(str(e))
            return Outcome.usage
        except KeyboardInterrupt as e:  # before the first result: loading the model, connecting to Dask
            say("terminated" if isinstance(e, Terminated) else "interrupted")
            return Outcome.terminated if isinstance(e, Terminated) else Outcome.interrupted
        finally:
            if writer is not None and not handed_over:
                with contextlib.suppress(Exception):
                    writer.abort()
            if runner is not None:
                runner.close()
