"""The output of a run: the writer the request asks for, and every result handed to it, each failed input
said on stderr and counted into the run's ``Outcome``."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from .request import Outcome, Request, Terminated, UsageError, warn
from .runners import close_results

if TYPE_CHECKING:
    from .render import Writer

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
