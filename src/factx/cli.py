"""The ``factx`` command line: parse options, call the pipeline, hand results to the writer.

Heavy imports (spaCy, pydantic models) are done inside the commands, so
``factx --help`` and ``factx --version`` start fast.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

EXIT_OK, EXIT_FAILED_INPUT, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143
# Below this many inputs one process is faster than starting workers.
PARALLEL_MIN_INPUTS = 8

app = typer.Typer(
    name="factx",
    # plain Click help: Typer's rich help imports rich.markdown, pygments and
    # more, which alone would double the start-up time of `factx --help`
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    json = "json"
    table = "table"
    html = "html"
    csv = "csv"


class Table(StrEnum):
    figures = "figures"
    quotes = "quotes"
    people = "people"
    places = "places"
    organizations = "organizations"
    mentions = "mentions"


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factx {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Extract facts from news text: figures, people, places, organizations and attributed quotes, as JSON.

    \b
    Examples:
      factx extract article.txt | jq '.quotes[] | {who: .speaker.name, said: .text}'
      factx extract corpus/ --glob '*.txt' > facts.jsonl
      cat article.txt | factx extract --format table
      factx schema > factx.schema.json
    """


def _err(message: str) -> None:
    print(f"factx: {message}", file=sys.stderr, flush=True)


def _default_jobs(listed: list) -> int:
    """One process for a few short inputs (starting workers costs more than it saves); otherwise one
    per core, up to 8.  A long file counts as many inputs: its pieces are spread over the workers."""
    from .pipeline import LONG_CHARS

    size = sum(os.path.getsize(p) for p in listed if isinstance(p, str) and os.path.isfile(p))
    if len(listed) < PARALLEL_MIN_INPUTS and size <= LONG_CHARS:
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cpus, 8))


@app.command()
def extract(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Text files, directories (searched recursively) or '-' for stdin. "
             "With no path, reads piped stdin.", show_default=False)] = None,
    glob: Annotated[str, typer.Option("--glob", "-g", help="Which files to take from directories.")] = "*.txt",
    fmt: Annotated[Format, typer.Option("--format", "-f", help="json: JSON (Lines); table: a readable view; "
                                           "html: a page per input to open in a browser; csv: one --table as CSV.")]
    = Format.json,
    table: Annotated[Table | None, typer.Option("--table", "-t", help="With --format csv: which records, one row "
                                                "each.")] = None,
    raw_csv: Annotated[bool, typer.Option("--raw-csv", help="With --format csv: do not escape cells that a "
                                          "spreadsheet would run as formulas (=, +, -, @).")] = False,
    db: Annotated[Path | None, typer.Option("--db", help="Store every result in this SQLite database (created if "
                                            "missing); inputs already stored unchanged are skipped.",
                                            dir_okay=False)] = None,
    input_format: Annotated[InputFormat, typer.Option("--input-format", help="auto: an HTML document (by its "
                                                      "content) is read as a web page, anything else as text.")]
    = InputFormat.auto,
    include_text: Annotated[bool, typer.Option("--include-text", help="Put the text the offsets refer to in the "
                                               "output (always there for web pages).")] = False,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically) instead of "
                                                "stdout; --format html with several inputs: a directory, "
                                                "one page per input and index.html.")] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", "-e", help="Decode inputs with this encoding "
                                                 "instead of detecting it.")] = None,
    model: Annotated[str | None, typer.Option("--model", "-m", envvar="FACTX_MODEL",
                                              help="spaCy pipeline to use (installed package or path).")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes. Default: 1 for fewer "
                                             f"than {PARALLEL_MIN_INPUTS} short inputs, else one per core "
                                             "(max 8).")]
    = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr. "
                                                  "Default: on when stderr is a terminal and there are several "
                                                  "inputs.")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Run on a Dask cluster: a scheduler's "
                                                  "address (tcp://host:8786), or 'local' for a LocalCluster of "
                                                  "--jobs workers. Needs factx[dask].", show_default=False)] = None,
    output_dir: Annotated[Path | None, typer.Option("--output-dir", help="Write JSON Lines parts and a manifest "
                                                    "to DIR; running again resumes where it stopped.",
                                                    file_okay=False, show_default=False)] = None,
    part_size: Annotated[int, typer.Option("--part-size", min=1, help="Inputs per part with --output-dir.")]
    = 1000,
) -> None:
    """Extract facts from articles; print one JSON object per article.

    One input prints one JSON object; several print JSON Lines, one object per
    line, in input order.  Errors go to stderr, one line per failed input; the
    exit status is 1 if any input failed, 2 for usage errors.

    \b
    Examples:
      factx extract data/samples/hmeimim.txt --pretty
      factx extract articles/ -o facts.jsonl
      factx extract - --format table < article.txt
      factx extract article.txt --format html -o article.html
      factx extract saved-pages/ --glob '*.html' --format csv --table quotes -o quotes.csv
      factx extract corpus/ --db facts.db
      factx extract archive/ --scheduler tcp://10.0.0.5:8786 --output-dir facts/
    """
    from . import reader

    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            _err("no input: give a path, '-' for stdin, or pipe text in (see factx extract --help)")
            raise typer.Exit(EXIT_USAGE)
        paths = [reader.STDIN]
    if paths.count(reader.STDIN) > 1:
        _err("'-' (stdin) given more than once")
        raise typer.Exit(EXIT_USAGE)

    if output is not None and output.is_dir() and fmt is not Format.html:
        _err(f"cannot write --output {output}: it is a directory")
        raise typer.Exit(EXIT_USAGE)
    if (fmt is Format.csv) != (table is not None):
        _err("--format csv needs --table (figures, quotes, people, places, organizations or mentions), "
             "and --table needs --format csv")
        raise typer.Exit(EXIT_USAGE)
    if db is not None and (output is not None or fmt is not Format.json):
        _err("--db is an output of its own: it does not go with --output or --format")
        raise typer.Exit(EXIT_USAGE)
    if output is not None and not (output.parent.is_dir() and os.access(output.parent, os.W_OK)):
        _err(f"cannot write --output {output}: {output.parent} is not a writable directory")
        raise typer.Exit(EXIT_USAGE)
    if output_dir is not None and (output is not None or fmt is not Format.json or pretty or db is not None):
        _err("--output-dir writes JSON Lines parts: it does not go with --output, --format, --pretty or --db")
        raise typer.Exit(EXIT_USAGE)
    listed = list(reader.iter_paths(paths, glob))
    pages_dir = fmt is Format.html and (len(listed) > 1 or (output is not None and output.is_dir()))
    if pages_dir and (output is None or (output.exists() and not output.is_dir())):
        _err(f"{len(listed)} inputs make {len(listed)} HTML pages: give a directory with -o DIR")
        raise typer.Exit(EXIT_USAGE)
    n_jobs = jobs or _default_jobs(listed)

    from .pipeline import Extractor, ModelError, model_name, run_parallel

    parts = None if output_dir is None else _parts_writer(output_dir, listed, part_size)
    if parts is not None:
        listed = parts.todo
    try:
        name = model_name(model)
        # a --db run loads the model only when an input is not already stored (see _when_needed)
        extractor = Extractor(name) if n_jobs == 1 and db is None and not scheduler and listed else None
        if db is not None:
            _check_model(name)
    except ModelError as e:
        _err(str(e))
        raise typer.Exit(EXIT_USAGE) from None

    try:
        writer = parts or _writer(fmt, pretty, output, table, raw_csv, db, pages_dir)
    except ValueError as e:  # a database this version cannot fill
        _err(str(e))
        raise typer.Exit(EXIT_USAGE) from None
    skip = writer.holds if db is not None else None

    keep_text = include_text or fmt is Format.html  # an HTML page shows the text, so its records carry it

    def documents():
        for item in listed:
            if isinstance(item, reader.ReadError):
                yield item
            else:
                doc = reader.read(item, encoding, input_format.value, keep_text, skip)
                if isinstance(doc, reader.Document) and doc.note:
                    _err(f"{doc.source}: {doc.note}")
                yield doc

    if not listed:  # every part of --output-dir is already complete
        results = iter(())
    elif scheduler:
        from .dask import DaskMissingError, connect, run

        try:
            client, cluster = connect(scheduler, n_jobs)
        except (DaskMissingError, OSError, KeyboardInterrupt) as e:  # no Dask; no scheduler at that address
            writer.abort()
            if isinstance(e, KeyboardInterrupt):
                _err("interrupted")
                raise typer.Exit(EXIT_INTERRUPTED) from None
            _err(str(e) if isinstance(e, DaskMissingError) else f"cannot connect to --scheduler {scheduler}: {e}")
            raise typer.Exit(EXIT_USAGE) from None
        results = run(listed, name, client, encoding, on_note=_err, input_format=input_format.value,
                      include_text=keep_text)
    elif extractor:
        results = extractor.run(documents())
    elif n_jobs == 1:
        results = _when_needed(documents(), lambda docs: _load(name).run(docs))
    else:
        results = _when_needed(documents(), lambda docs: run_parallel(docs, name, n_jobs))
    show_progress = progress if progress is not None else (len(listed) > 1 and sys.stderr.isatty())
    try:
        status = _write_all(results, writer, len(listed), show_progress,
                            str(output or output_dir or db or "output"))
    except ModelError as e:  # the workers could not load the model
        _err(str(e))
        status = EXIT_USAGE
    finally:
        if scheduler and listed:
            from .dask import close

            close(client, cluster)
    if db is not None:
        _err(f"{db}: {writer.inserted} article(s) stored, {writer.skipped} unchanged input(s) skipped")
    raise typer.Exit(status)


def _parts_writer(output_dir: Path, listed: list, part_size: int):
    """The ``--output-dir`` writer; it also says which inputs are left to do (see ``render.parts``)."""
    from .render.parts import PartsError, PartsWriter

    try:
        writer = PartsWriter(output_dir, listed, part_size)
    except PartsError as e:
        _err(str(e))
        raise typer.Exit(EXIT_USAGE) from None
    if writer.skipped:
        left = "nothing left to do" if writer.skipped == writer.parts_count else "resuming"
        _err(f"{output_dir}: {writer.skipped} of {writer.parts_count} parts already complete; {left}")
    return writer


def _check_model(name: str) -> None:
    """Fail early on a model that is neither an installed package nor a folder, without loading it."""
    import importlib.util

    from .pipeline import ModelError

    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found and not Path(name).is_dir():
        raise ModelError(f"cannot load spaCy model {name!r}: no installed package or folder of that name")


def _load(name: str):
    """The extractor, loaded late (``--db``): a model that fails to load is still a usage error."""
    from .pipeline import Extractor, ModelError

    try:
        return Extractor(name)
    except ModelError as e:
        _err(str(e))
        raise typer.Exit(EXIT_USAGE) from None


def _when_needed(items, start):
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
                _close(results)
            return
        yield item


def _writer(fmt: Format, pretty: bool, output: Path | None, table: Table | None = None, raw_csv: bool = False,
            db: Path | None = None, pages_dir: bool = False):
    """The writer for ``--format``, ``--output`` and ``--db`` (see ``render``)."""
    from .render import CsvWriter, JsonWriter, SqliteWriter, TableWriter, TextTarget

    if db is not None:
        return SqliteWriter(db)
    if fmt is Format.html:
        from .render.pages import HtmlDirWriter, HtmlWriter

        return HtmlDirWriter(output) if pages_dir and output is not None else HtmlWriter(TextTarget(output))
    target = TextTarget(output)
    if fmt is Format.csv:
        assert table is not None
        return CsvWriter(target, table.value, safe=not raw_csv)
    return TableWriter(target) if fmt is Format.table else JsonWriter(target, pretty=pretty)


def _write_all(results, writer, total: int, show_progress: bool, dest: str = "output") -> int:
    """Hand every result to the writer, report errors on stderr; return the exit status.

    Ctrl-C and SIGTERM stop the producer (and its workers) and make the writer
    drop its partial output; a closed stdout (``| head``) ends quietly.
    """
    from .pipeline import ExtractError
    from .reader import ReadError, Skipped

    failed = 0
    signal.signal(signal.SIGTERM, _on_sigterm)
    bar = None
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
                _err(f"{item.source}: {item.reason}")
                if hasattr(writer, "failed"):  # a writer that records failed inputs (--output-dir)
                    writer.failed(item.source, item.reason)
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
        _close(results)
        _err("terminated" if isinstance(e, _Terminated) else "interrupted")
        return EXIT_TERMINATED if isinstance(e, _Terminated) else EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (e.g. `| head -n 1`): stop the work and exit quietly
        _close(results)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as e:  # disk full, I/O error: say it in one line, leave no partial file
        _close(results)
        _err(f"cannot write {dest}: {e.strerror or e}")
        return EXIT_FAILED_INPUT
    finally:
        if not done:
            with contextlib.suppress(Exception):
                writer.abort()
    return EXIT_FAILED_INPUT if failed else EXIT_OK


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: stop the workers, leave no partial --output file."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


def _close(results) -> None:
    """Stop the producer now (workers are terminated by its ``finally``)."""
    close = getattr(results, "close", None)
    if close is not None:
        with contextlib.suppress(Exception):
            close()


@app.command()
def schema(
    pretty: Annotated[bool, typer.Option("--pretty/--compact", help="Indent the JSON.")] = True,
    db: Annotated[bool, typer.Option("--db", help="Print the SQL (DDL) of the --db database instead.")] = False,
) -> None:
    """Print the JSON Schema of one output object (generated from the output models); with --db, the SQL
    that creates the --db database."""
    import json

    if db:
        from .render.sqlite import DDL

        typer.echo(DDL, nl=False)
        return
    from .models import json_schema

    typer.echo(json.dumps(json_schema(), indent=2 if pretty else None, ensure_ascii=False))


def main() -> None:
    """Console-script entry point."""
    app()
