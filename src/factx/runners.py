"""The runners of a run: the results of its inputs, in order, from this process, a ``--jobs`` process pool
or a ``--scheduler`` Dask cluster, each started only when a first input needs extracting."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .inputs import read_documents
from .request import Request, UsageError, warn
from .stored import unstored


def when_needed(items: Iterable[Any], start: Callable[[Iterator[Any]], Iterator[Any]],
                needs: Callable[[Any], bool] | None = None) -> Iterator[Any]:
    """Pass items through until the first one to extract, then hand it and the rest to ``start``.

    The first to extract is a ``Document`` (or, for a runner that reads its
    own inputs, what ``needs`` says: a path not yet stored).  A resumed
    ``--db`` run whose inputs are all stored then neither loads the model nor
    starts workers or a cluster: it costs the reading and hashing only.
    """
    from .reader import Document

    it = iter(items)
    for item in it:
        if needs(item) if needs is not None else isinstance(item, Document):
            results = start(itertools.chain([item], it))
            try:
                yield from results
            finally:
                close_results(results)
            return
        yield item


def load_extractor(name: str) -> Any:
    """The extractor for ``name``, loaded late (``--db``): a model that fails to load is still a usage error."""
    from .pipeline import Extractor, ModelError

    try:
        return Extractor(name)
    except ModelError as e:
        raise UsageError(str(e)) from None


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
    stored costs no model load nor cluster.  On Dask (``--scheduler``) the
    workers read the inputs, so ``skip`` is asked here first (see ``unstored``).
    """
    from .pipeline import run_parallel

    if not listed:  # every part of --output-dir is already complete
        return Runner(iter(()))
    if req.scheduler:
        return _dask_runner(req, listed, name, jobs, skip, say)
    docs = read_documents(req, listed, skip, say)
    if extractor is not None:
        return Runner(extractor.run(docs))
    if jobs == 1:
        return Runner(when_needed(docs, lambda d: load_extractor(name).run(d)))
    return Runner(when_needed(docs, lambda d: run_parallel(d, name, jobs)))


def _dask_runner(req: Request, listed: list, name: str, jobs: int, skip: Callable[[str, str], bool] | None,
                 say: Callable[[str], None]) -> Runner:
    """The results of ``listed`` from a Dask cluster, connected to (or started) at the first input to extract.

    The workers read the inputs, so with ``--db`` the client asks the
    database first (``unstored``): inputs already stored are ``Skipped`` here
    and never sent, and a run with nothing left to do connects to no cluster.
    Dask missing is a usage error at once; a scheduler that cannot be reached
    is one when the first input needs it.
    """
    from .dask import DaskMissingError, require
    from .reader import ReadError, Skipped

    try:
        require()
    except DaskMissingError as e:
        raise UsageError(str(e)) from None
    runner = Runner(iter(()))
    keep_text = req.include_text or req.fmt == "html"

    def start(items: Iterator[Any]) -> Iterator[Any]:
        from .dask import connect, run

        try:
            runner.dask = connect(req.scheduler or "local", jobs)
        except OSError as e:  # no scheduler at that address
            raise UsageError(f"cannot connect to --scheduler {req.scheduler}: {e}") from None
        return run(items, name, runner.dask[0], req.encoding, on_note=say, input_format=req.input_format,
                   include_text=keep_text, date=req.date)

    sent = listed if skip is None else unstored(listed, skip)
    runner.results = when_needed(sent, start, needs=lambda item: not isinstance(item, ReadError | Skipped))
    return runner
