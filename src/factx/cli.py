"""The ``factx`` command line: Typer options and help text, and the exit status of each outcome.

What a run does (which inputs, which runner, which writer, what counts as
a failure) is ``factx.run``; this module only turns options into a
``run.Request`` and the ``run.Outcome`` into an exit status.  Heavy imports
(the run module, spaCy, pydantic models, rich) are done inside the commands, so
``factx --help`` and ``factx --version`` start fast.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

EXIT_OK, EXIT_FAILED_INPUT, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143
# How each way a run can end (the values of factx.run.Outcome) is told to the shell; scripts rely on
# these numbers.  Keyed by value so that --help need not import the run module.
EXIT_CODES = {"ok": EXIT_OK, "failed_input": EXIT_FAILED_INPUT, "usage": EXIT_USAGE,
              "interrupted": EXIT_INTERRUPTED, "terminated": EXIT_TERMINATED}
# factx.run.PARALLEL_MIN_INPUTS, for the help text (a test keeps the two equal).
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
    times = "times"


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"
    pdf = "pdf"


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


@app.command()
def extract(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Text files, web pages, PDFs, directories (searched recursively) or '-' for stdin. "
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
                                            "missing); inputs already stored unchanged, by this factx and "
                                            "model, are skipped.", dir_okay=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="With --db: extract every input again, replacing what "
                                        "the database holds for it.")] = False,
    input_format: Annotated[InputFormat, typer.Option("--input-format", help="auto: a PDF or an HTML document "
                                                      "(by its content) is read as such, anything else as text.")]
    = InputFormat.auto,
    include_text: Annotated[bool, typer.Option("--include-text", help="Put the text the offsets refer to in the "
                                               "output (always there for web pages).")] = False,
    date: Annotated[str | None, typer.Option("--date", help="The articles' date, YYYY-MM-DD: relative times "
                                             "('yesterday', 'last week') are resolved against it; wins over a "
                                             "date in the page's metadata or at the head of the text.",
                                             show_default=False)] = None,
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
      factx extract report.pdf --pretty
      factx extract saved-pages/ --glob '*.html' --format csv --table quotes -o quotes.csv
      factx extract corpus/ --db facts.db
      factx extract archive/ --scheduler tcp://10.0.0.5:8786 --output-dir facts/
    """
    from .run import Outcome, Request, execute

    request = Request(paths=list(paths or []), glob=glob, fmt=fmt.value, table=table.value if table else None,
                      raw_csv=raw_csv, db=db, force=force, input_format=input_format.value,
                      include_text=include_text, date=date, pretty=pretty, output=output, encoding=encoding,
                      model=model, jobs=jobs, progress=progress, scheduler=scheduler, output_dir=output_dir,
                      part_size=part_size)
    try:
        outcome = execute(request)
    except KeyboardInterrupt:  # Ctrl-C between steps that handle it themselves
        print("factx: interrupted", file=sys.stderr, flush=True)
        outcome = Outcome.interrupted
    raise typer.Exit(EXIT_CODES[outcome])


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
    """Console-script entry point.

    Typer's own usage errors (an unknown option, a bad value) are said like
    every other factx error, as one ``factx: ...`` line on stderr with exit
    status 2, rather than a three-line usage block, so a script's log holds
    one line per problem.  Bare ``factx`` still shows the help (status 2).
    """
    import errno

    try:
        status = app(standalone_mode=False)
    except typer.TyperException as e:  # Typer's (Click's) exceptions; their classes are not public API
        ctx = getattr(e, "ctx", None)
        if e.exit_code == EXIT_USAGE and ctx is not None and type(e).__name__ != "NoArgsIsHelpError":
            print(f"factx: {e.format_message()} (see {ctx.command_path} --help)", file=sys.stderr, flush=True)
        elif hasattr(e, "show"):
            e.show()
        else:
            print(f"factx: {e.format_message()}", file=sys.stderr, flush=True)
        sys.exit(e.exit_code)
    except typer.Abort:  # end of input at a prompt (factx has none; Typer's contract)
        print("factx: aborted", file=sys.stderr, flush=True)
        sys.exit(EXIT_FAILED_INPUT)
    except OSError as e:
        if e.errno != errno.EPIPE:
            raise
        # `factx schema | head`: the reader went away; say nothing more (Typer's standalone behaviour)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_FAILED_INPUT)
    sys.exit(status or EXIT_OK)
