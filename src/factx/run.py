"""One run of ``factx extract``: which inputs, which runner, which writer, and what went wrong.

The command line (``cli.py``) only turns options into a ``Request`` and an
``Outcome`` into an exit status; everything between lives here, so that it
can be read, tested and called from Python without Typer or a subprocess.

The steps, in the order a run takes them (each a public function, because
each answers one question a caller may ask alone):

- ``check_request``: options that do not go together, refused before any
  input is listed or any model looked up (a usage error costs nothing);
- ``list_inputs``: paths, directories and stdin as ``reader.iter_paths``
  lists them;
- ``default_jobs``: how many worker processes pay for themselves;
- ``make_writer``: the writer for ``--format``/``--output``/``--db``/
  ``--output-dir``;
- ``model_identity``: the model's name and version read from its
  ``meta.json`` without loading it, which is what a ``--db`` run compares to
  skip an input, so a resumed run whose inputs are all stored never loads
  spaCy;
- ``start_runner``: plain, ``--jobs`` process pool or ``--scheduler`` Dask;
- ``write_all``: results to the writer, errors to stderr, counted into the
  ``Outcome``.

``execute`` runs them all.  Heavy modules (spaCy, pydantic, rich, Dask) are
imported inside the functions that need them, so importing this module costs
no more than the command line's ``--help``.
"""

from __future__ import annotations

import codecs
import contextlib
import importlib.util
import itertools
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from .models import ModelInfo
    from .reader import ReadError
    from .render import Writer

# Below this many inputs one process is faster than starting workers.
PARALLEL_MIN_INPUTS = 8
# At most this many worker processes by default: past it the parser's memory grows faster than the speed.
MAX_DEFAULT_JOBS = 8
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
        raise UsageError("--format csv needs --table (figures, quotes, people, places, organizations or mentions), "
                         "and --table needs --format csv")
    if req.db is not None and (output is not None or req.fmt != "json"):
        raise UsageError("--db is an output of its own: it does not go with --output or --format")
    if req.force and req.db is None:
        raise UsageError("--force goes with --db: it re-extracts inputs the database already holds")
    if output is not None and not (output.parent.is_dir() and os.access(output.parent, os.W_OK)):
        raise UsageError(f"cannot write --output {output}: {output.parent} is not a writable directory")
    if req.output_dir is not None and (output is not None or req.fmt != "json" or req.pretty or req.db is not None):
        raise UsageError("--output-dir writes JSON Lines parts: it does not go with --output, --format, --pretty "
                         "or --db")


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


def model_identity(name: str) -> ModelInfo:
    """The name and version an article extracted with model ``name`` will record, read without loading it.

    A ``--db`` run compares them with the stored articles' to decide what to
    skip before anything is parsed; reading ``meta.json`` (the installed
    package's, or the folder's) costs a millisecond where loading the model
    costs a second and spaCy's imports.  The name is formed as
    ``pipeline.Extractor`` forms it (``lang_name``).  A model with no readable
    ``meta.json`` is loaded to ask it; one that is neither an installed
    package nor a folder raises ``pipeline.ModelError``.
    """
    import json

    from .models import ModelInfo
    from .pipeline import Extractor, ModelError

    folder: Path | None = None
    if Path(name).is_dir():
        folder = Path(name)
    else:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            raise ModelError(f"cannot load spaCy model {name!r}: no installed package or folder of that name")
        if spec.submodule_search_locations:
            folder = Path(next(iter(spec.submodule_search_locations)))
    meta = None
    if folder is not None:
        with contextlib.suppress(OSError, ValueError):
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if not isinstance(meta, dict):
        return Extractor(name).info
    return ModelInfo(name=f"{meta.get('lang', 'xx')}_{meta.get('name', name)}",
                     version=str(meta.get("version", "unknown")))


def make_writer(req: Request, listed: list, pages_dir: bool = False, say: Callable[[str], None] = warn) -> Writer:
    """The writer the request asks for: ``--output-dir`` parts, ``--db``, HTML pages, CSV, table or JSON.

    ``--output-dir`` resumes: its writer keeps only the inputs of parts not
    yet complete (``writer.todo``) and says on ``say`` how many are done.  A
    directory or database this version cannot fill is a ``UsageError``.
    """
    from .render import CsvWriter, JsonWriter, SqliteWriter, TableWriter, TextTarget

    if req.output_dir is not None:
        from .render.parts import PartsError, PartsWriter

        try:
            parts = PartsWriter(req.output_dir, listed, req.part_size)
        except PartsError as e:
            raise UsageError(str(e)) from None
        if parts.skipped:
            left = "nothing left to do" if parts.skipped == parts.parts_count else "resuming"
            say(f"{req.output_dir}: {parts.skipped} of {parts.parts_count} parts already complete; {left}")
        return parts
    if req.db is not None:
        try:
            db = SqliteWriter(req.db)
        except ValueError as e:  # a database this version cannot fill
            raise UsageError(str(e)) from None
        if db.upgraded_from is not None:
            from .render.sqlite import DB_SCHEMA_VERSION

            say(f"{req.db}: upgraded from schema version {db.upgraded_from} to {DB_SCHEMA_VERSION}; inputs stored "
                "before are extracted again")
        return db
    output = req.output
    if req.fmt == "html":
        from .render.pages import HtmlDirWriter, HtmlWriter

        return HtmlDirWriter(output) if pages_dir and output is not None else HtmlWriter(TextTarget(output))
    target = TextTarget(output)
    if req.fmt == "csv":
        assert req.table is not None
        return CsvWriter(target, req.table, safe=not req.raw_csv)
    return TableWriter(target) if req.fmt == "table" else JsonWriter(target, pretty=req.pretty)


def when_needed(items: Iterable[Any], start: Callable[[Iterator[Any]], Iterator[Any]]) -> Iterator[Any]:
    """Pass items through until the first document to extract, then hand it and the rest to ``start``.

    A resumed ``--db`` run whose inputs are all stored then neither loads
    the model nor starts workers: it costs the reading and hashing only.
    """
    from .reader import Document

    it = iter(items)
    for item in it:
        if isinstance(item, Document):
            results = start(itertools.chain([item], it))
            try:
                yield from results
            finally:
                close_results(results)
            return
        yield item


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


def unstored(listed: Iterable[Any], skip: Callable[[str, str], bool]) -> Iterator[Any]:
    """The listed inputs less those ``skip`` says are stored, for a runner that reads on its own (Dask).

    The client reads and hashes each input once to ask (what a plain ``--db``
    run does anyway), so a resumed run sends the cluster only what is left
    to do.  Stdin, listing errors and inputs that cannot be read here pass
    on unchanged: the runner reports them in their place.
    """
    from . import reader

    for item in listed:
        if isinstance(item, str) and item != reader.STDIN:
            held: list[bool] = []

            def ask(source: str, sha256: str, held: list[bool] = held) -> bool:
                held.append(skip(source, sha256))
                return True  # stop after hashing: the text is not needed here

            reader.read(item, skip=ask)
            if held and held[0]:
                continue
        yield item


def load_extractor(name: str) -> Any:
    """The extractor for ``name``, loaded late (``--db``): a model that fails to load is still a usage error."""
    from .pipeline import Extractor, ModelError

    try:
        return Extractor(name)
    except ModelError as e:
        raise UsageError(str(e)) from None


def write_all(results: Iterable[Any], writer: Writer, total: int, show_progress: bool, dest: str = "output",
              say: Callable[[str], None] = warn) -> Outcome:
    """Hand every result to the writer, say each failed input on ``say``; return how the run ended.

    Ctrl-C and SIGTERM stop the producer (and its workers) and make the writer
    drop its partial output; a closed stdout (``| head``) ends quietly; a
    write error (disk full) is one line and no partial file.
    """
    from .pipeline import ExtractError
    from .reader import ReadError, Skipped

    failed = 0
    bar = task = None
    if show_progress:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                       console=Console(stderr=True), transient=True)
        task = bar.add_task("extract", total=total)
        bar.start()
    done = False
    try:
        for item in results:
            if isinstance(item, ReadError | ExtractError):
                failed += 1
                say(f"{item.source}: {item.reason}")
                recorder = getattr(writer, "failed", None)  # a writer that records failed inputs (--output-dir)
                if recorder is not None:
                    recorder(item.source, item.reason)
            elif not isinstance(item, Skipped):
                writer.write(item)
            if bar is not None:
                bar.advance(task)
        if bar is not None:
            bar.stop()
        writer.close()
        done = True
    except KeyboardInterrupt as e:
        if bar is not None:
            bar.stop()
        close_results(results)
        say("terminated" if isinstance(e, Terminated) else "interrupted")
        return Outcome.terminated if isinstance(e, Terminated) else Outcome.interrupted
    except BrokenPipeError:
        # the reader went away (e.g. `| head -n 1`): stop the work and exit quietly
        close_results(results)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return Outcome.ok
    except OSError as e:  # disk full, I/O error: say it in one line, leave no partial file
        close_results(results)
        say(f"cannot write {dest}: {e.strerror or e}")
        return Outcome.failed_input
    finally:
        if not done:
            with contextlib.suppress(Exception):
                writer.abort()
    return Outcome.failed_input if failed else Outcome.ok


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: stop the workers, leave no partial output file."""


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


def close_results(results: object) -> None:
    """Stop the producer now (workers are terminated by its ``finally``)."""
    close = getattr(results, "close", None)
    if close is not None:
        with contextlib.suppress(Exception):
            close()


@dataclass
class Runner:
    """The results stream of a run and what must be shut down after it (a Dask client and cluster)."""

    results: Iterator[Any]
    dask: tuple[Any, Any] | None = None

    def close(self) -> None:
        """Disconnect from the cluster (and stop one started for the run); the pool closes with ``results``."""
        if self.dask is not None:
            from .dask import close

            close(*self.dask)
            self.dask = None


def start_runner(req: Request, listed: list, name: str, jobs: int, extractor: Any = None,
                 skip: Callable[[str, str], bool] | None = None, say: Callable[[str], None] = warn) -> Runner:
    """The results of ``listed``, in order: on a Dask cluster, over ``jobs`` processes, or in this one.

    ``extractor`` is an already loaded model (a plain run loads it before any
    input is read, so a bad model is a usage error up front).  Without it the
    model is loaded, or the workers started, only when a first input needs
    extracting (see ``when_needed``), so a ``--db`` run whose inputs are all
    stored costs no model load.  On Dask (``--scheduler``) the workers read
    the inputs, so ``skip`` is asked here first (see ``unstored``).
    """
    from .pipeline import run_parallel

    if not listed:  # every part of --output-dir is already complete
        return Runner(iter(()))
    if req.scheduler:
        from .dask import DaskMissingError, connect, run

        try:
            client, cluster = connect(req.scheduler, jobs)
        except (DaskMissingError, OSError) as e:  # no Dask; no scheduler at that address
            raise UsageError(str(e) if isinstance(e, DaskMissingError)
                             else f"cannot connect to --scheduler {req.scheduler}: {e}") from None
        keep_text = req.include_text or req.fmt == "html"
        sent = listed if skip is None else unstored(listed, skip)
        return Runner(run(sent, name, client, req.encoding, on_note=say, input_format=req.input_format,
                          include_text=keep_text, date=req.date), (client, cluster))
    docs = read_documents(req, listed, skip, say)
    if extractor is not None:
        return Runner(extractor.run(docs))
    if jobs == 1:
        return Runner(when_needed(docs, lambda d: load_extractor(name).run(d)))
    return Runner(when_needed(docs, lambda d: run_parallel(d, name, jobs)))


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
                skip = _stored(writer, identity)
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


def _stored(writer: Any, identity: ModelInfo) -> Callable[[str, str], bool]:
    """The reader's skip test for a ``--db`` run: stored with these bytes by this factx and this model."""
    from . import __version__

    def skip(source: str, sha256: str) -> bool:
        return writer.holds(source, sha256, identity, __version__)

    return skip
