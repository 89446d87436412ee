"""The same extraction on a Dask cluster: ``factx extract --scheduler``, and ``extract_bag`` for Dask users.

This is the one module that imports Dask (``pip install 'factx[dask]'``).

How a run goes (``run``):

- The client lists the inputs (paths, URLs) lazily and sends them to the
  workers in batches of ``BATCH_SIZE`` paths: a worker reads its own files
  (a shared filesystem or object storage through fsspec), so the client never
  holds the texts, only a bounded window of batches in flight.
- Each worker process loads the spaCy model once (``shared_extractor``, a
  per-process cache) and runs the batch through the same ``Extractor.run``
  as a plain run, sending back the small ``Article`` records (or read and
  extraction errors, in their place).
- The client takes results back in input order, so the output is the same,
  byte for byte, as without a cluster.
- Faults: Dask reschedules the tasks of a worker that died on another worker.
  A batch that keeps killing workers (``KilledWorker``) is retried one input
  at a time, and only an input that kills a worker on its own is reported as
  failed, as ``run_parallel`` does.  Stopping the run (Ctrl-C, or the caller
  closing the generator) cancels its tasks and closes the ``LocalCluster`` it
  started; a remote cluster is left running.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import time
import uuid
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .pipeline import ExtractError, shared_extractor
from .reader import STDIN, Document, ReadError, Skipped, read

if TYPE_CHECKING:
    from dask.bag import Bag

    from .models import Article

INSTALL_HINT = "pip install 'factx[dask]'  (or: uv sync --extra dask)"
# Inputs per task: a batch of news articles is a few seconds of work, so the
# scheduler's ~1 ms per task is lost in it, while a million inputs still make
# enough tasks to keep every worker busy to the end.
BATCH_SIZE = 8
# Batches in flight per worker thread: enough that no worker waits for the client.
INFLIGHT_PER_WORKER = 3


# Dask settings for a run of factx: workers log only errors (stderr carries factx's one line per failed
# input); no statistical profiler (it samples every worker's stack every 10 ms, and spaCy's stacks are deep);
# the event loops' periodic chores (event-loop ticks, system and memory monitors) at a slower pace, and no
# work stealing (the tasks are alike and few are queued): on a 2-core machine these cost several percent of
# the CPU that the extraction needs.  The nannies of a LocalCluster start their workers with
# MALLOC_TRIM_THRESHOLD_=64k (a Dask default, to hand freed memory back to the system at once): spaCy frees
# and reallocates large blocks for every batch, and that setting turns each into page faults, some 8% more
# CPU per article (and the most in system time); unset, a worker allocates as a plain run's workers do.
QUIET = {
    "logging.distributed": "error",
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


# What a LocalCluster's forkserver imports once for all its workers (see ``_fork_workers``): Dask, and the
# libraries the extraction loads (spaCy alone is a second or more of CPU per process).
FORKSERVER_PRELOAD = ["distributed", "spacy", "factx.pipeline", "factx.models", "factx.fastpipe",
                      "factx.extractors.places"]


class DaskMissingError(ImportError):
    """Dask is not installed; the message says how to install it."""


def require() -> None:
    """Raise ``DaskMissingError`` (saying how to install it) when Dask is not installed."""
    _require()


def _require() -> Any:
    try:
        import distributed
    except ImportError:
        raise DaskMissingError(f"--scheduler needs Dask, which is not installed: {INSTALL_HINT}") from None
    return distributed


# ---------------------------------------------------------------- on the workers

Item = str | Document | ReadError | Skipped  # a path or URL the worker reads, a text read by the client, an error,
# or an input the database holds (passed back in its place)


def extract_batch(items: list[Item], model: str, encoding: str | None = None, input_format: str = "auto",
                  include_text: bool = False, date: str | None = None) -> list[tuple[Any, str | None]]:
    """Run on a worker: read the paths, extract, return ``(result, note)`` per input, in order.

    ``result`` is an ``Article``, ``ReadError`` or ``ExtractError``; ``note`` is
    what the reader says on stderr (a guessed encoding), or None.  The reading
    options are the CLI's (``--input-format``, ``--include-text``).
    """
    docs = [read(i, encoding, input_format, include_text, date=date) if isinstance(i, str) else i for i in items]
    notes = [d.note if isinstance(d, Document) else None for d in docs]
    return list(zip(shared_extractor(model).run(docs), notes, strict=True))


# ---------------------------------------------------------------- the client


def connect(scheduler: str, jobs: int) -> tuple[Any, Any]:
    """(client, cluster) for ``--scheduler``: ``local`` starts a LocalCluster of ``jobs`` worker processes
    (cluster is then not None, and is closed by ``close``); anything else is a scheduler's address."""
    distributed = _require()
    logging.getLogger("distributed").setLevel(logging.ERROR)
    import dask

    dask.config.set(QUIET)
    if scheduler == "local":
        # the scheduler's HTTP endpoint takes another port when 8787 is busy: not worth a warning on stderr
        warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
        # Ctrl-C reaches the whole process group: the workers start with SIGINT ignored (an ignored signal
        # stays ignored in a child), and the client stops them, rather than each dying with a traceback
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            _fork_workers()
            cluster = distributed.LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                               dashboard_address=None, silence_logs=logging.ERROR)
        finally:
            signal.signal(signal.SIGINT, previous)
        return distributed.Client(cluster), cluster
    return distributed.Client(scheduler, timeout="30s"), None


def _fork_workers() -> None:
    """Have a LocalCluster's nannies fork their workers from a forkserver that has already imported Dask
    and spaCy, rather than spawn fresh interpreters that each import them again.

    Spawned (Dask's default), every worker spends some 2-3 CPU seconds importing ``distributed`` and then
    spaCy before its first article, and as long again to stop; forked, the imports are done once, in the
    forkserver.  The forkserver is the process's only one (``multiprocessing`` keeps one per process): when
    it is already running (a process pool started it), the workers fork from it and import what it lacks.
    It starts here, after the nanny has set the workers' environment (``OMP_NUM_THREADS=1``...), so they
    keep it, and inside ``connect``'s SIGINT-ignored window, so its workers ignore Ctrl-C too.
    """
    import multiprocessing

    import dask
    from distributed.utils import get_mp_context

    if "forkserver" not in multiprocessing.get_all_start_methods():  # Windows: Dask's default, spawn
        return
    dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"})
    get_mp_context().set_forkserver_preload(FORKSERVER_PRELOAD)  # after Dask has set its own list, once


def close(client: Any, cluster: Any) -> None:
    """Disconnect; stop the workers of a cluster started for the run."""
    with contextlib.suppress(Exception):
        client.close(timeout=10)
    if cluster is not None:
        with contextlib.suppress(Exception):
            cluster.close(timeout=10)


def run(items: Iterable[str | ReadError], model: str, client: Any, encoding: str | None = None,
        on_note: Callable[[str], None] | None = None,
        batch_size: int = BATCH_SIZE, input_format: str = "auto",
        include_text: bool = False, date: str | None = None) -> Iterator[Article | ReadError | ExtractError]:
    """Like ``Extractor.run`` over a cluster: one result per input, in input order.

    ``items`` are what ``reader.iter_paths`` lists: paths and URLs (read by
    the workers), ``-`` (stdin, read here), or listing errors (passed
    through).  ``on_note(line)`` receives the reader's notes.  Closing the
    generator cancels the tasks still in flight.
    """
    from distributed import KilledWorker

    token = uuid.uuid4().hex[:12]
    count = 0
    pending: deque[tuple[list[Item], Any, bool]] = deque()  # (batch, future, isolated)

    def submit(batch: list[Item], isolated: bool = False) -> None:
        nonlocal count
        count += 1
        future = client.submit(extract_batch, batch, model, encoding, input_format, include_text, date,
                               key=f"factx-{token}-{count}", retries=0)
        pending.append((batch, future, isolated))

    asked = [-1e9, 1]  # when the cluster's size was last asked, and the window it gave

    def window() -> int:
        """Batches to keep in flight: a few per worker thread (asked again every few seconds: clusters scale)."""
        if time.monotonic() - asked[0] > 5:
            threads = sum(client.nthreads().values()) or 1
            asked[:] = [time.monotonic(), INFLIGHT_PER_WORKER * threads + 1]
        return int(asked[1])

    def drain_one() -> Iterator[Article | ReadError | ExtractError]:
        batch, future, isolated = pending.popleft()
        try:
            results = future.result()
        except KilledWorker:
            # the batch killed its workers: retry its inputs one by one, ahead of the rest
            if isolated:
                results = [(ExtractError(_source(batch[0]), "worker process died"), None)]
            else:
                rest = list(pending)
                pending.clear()
                for item in batch:
                    submit([item], isolated=True)
                pending.extend(rest)
                return
        for result, note in results:
            if note and on_note is not None:
                on_note(f"{result.source}: {note}")
            yield result

    try:
        batch: list[Item] = []
        for item in items:
            if item == STDIN:  # only the client can read its stdin
                item = read(STDIN, encoding, input_format, include_text, date=date)
            batch.append(item)
            if len(batch) >= batch_size:
                submit(batch)
                batch = []
                limit = window()
                while len(pending) >= limit:
                    yield from drain_one()
        if batch:
            submit(batch)
        while pending:
            yield from drain_one()
    finally:
        if pending:  # stopped early (Ctrl-C, or the caller closed the generator)
            _silence_teardown()
            with contextlib.suppress(Exception):
                client.cancel([f for _, f, _ in pending], force=True)


def _silence_teardown() -> None:
    """Keep the event loops' teardown noise off stderr once a run is stopped early.

    A Ctrl-C that lands while Dask is still creating a future makes the future's cancel callback fail
    inside Dask (a ``NameError`` in ``distributed``), and tornado logs that traceback from the client's
    event-loop thread, possibly after the cluster is closed.  The user asked the run to stop, factx says
    "interrupted" in one line, and nothing left to do can fail in a way that matters: tornado's, asyncio's
    and Dask's loggers say nothing more in this process.
    """
    for name in ("tornado.application", "tornado.general", "asyncio", "distributed"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def _source(item: Item) -> str:
    return item if isinstance(item, str) else item.source


# ---------------------------------------------------------------- dask.bag


def _extract_partition(elements: Iterable[Any], paths: bool, model: str | None,
                       encoding: str | None) -> list[dict]:
    from .pipeline import model_name

    if paths:
        docs: list[Document | ReadError] = [read(str(p), encoding) for p in elements]
    else:
        docs = [Document(*e, "utf-8") if isinstance(e, tuple) else Document("-", e, "utf-8") for e in elements]
    out = []
    for result in shared_extractor(model_name(model)).run(docs):
        if isinstance(result, ReadError | ExtractError):
            out.append({"source": result.source, "error": result.reason})
        else:
            out.append(result.model_dump(mode="json"))
    return out


def extract_bag(bag: Bag, paths: bool = False, model: str | None = None, encoding: str | None = None) -> Bag:
    """A bag of result dicts (the JSON records ``factx extract`` prints), one per element, in order.

    Elements are texts, ``(source, text)`` pairs, or with ``paths=True``
    paths and URLs read by the workers.  An input that cannot be read or
    extracted gives ``{"source": ..., "error": reason}`` in its place.  Each
    worker process loads the model once; each partition is one batch.

    >>> import dask.bag as db
    >>> import factx.dask
    >>> records = factx.dask.extract_bag(db.from_sequence(["corpus/a.txt", "corpus/b.txt"]), paths=True)
    >>> records.map(lambda r: len(r.get("quotes", []))).sum().compute()   # doctest: +SKIP
    """
    _require()
    return bag.map_partitions(_extract_partition, paths, model, encoding)
