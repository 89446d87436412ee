"""Assemble one output ``Article`` from the parsed pieces of an input.

An input is parsed as one ``Doc`` or, when long, as several ``Doc`` pieces.
Figures and quotes are local to a piece; entities are clustered over the
whole input; then speakers are linked to entities and figures to the quotes
that hold them.  This module is the only place that sees all extractors.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from .extractors.context import Context, text_length
from .extractors.entities import EntityMention, build_entities, find_mentions
from .extractors.figures import extract_figures
from .extractors.quotes import extract_quotes
from .extractors.speakers import SpeakerHints, resolve_speakers, speaker_hints
from .extractors.times import TimeMention, anchor, article_date, extract_times, governing_time
from .furniture import find_regions
from .layout import SOFT, joined
from .models import Article, Figure, ModelInfo, Page, Quote, Region, Time


def link_figures(figures: list[Figure], quotes: list[Quote]) -> None:
    """Set ``figure.quote`` and ``quote.figures`` for figures inside a quote's content.

    Figures are visited by a bisect on their start, so a long input with many
    quotes and figures costs what it holds, not quotes times figures.
    """
    order = sorted(range(len(figures)), key=lambda i: figures[i].start)
    starts = [figures[i].start for i in order]
    for q in quotes:
        inside = []
        for j in range(bisect.bisect_left(starts, q.start), bisect.bisect_left(starts, q.end)):
            if figures[order[j]].end <= q.end:
                inside.append(order[j])
        for i in sorted(inside):
            f = figures[i]
            if f.quote is None:
                f.quote = q.id
            q.figures.append(f.id)


def link_continuations(quotes: list[Quote]) -> None:
    """Set ``continues`` on a direct quote that shares its cue with an earlier direct quote: the
    parts of one quote split around a long cue (see ``extract_quotes``), even with a reported
    clause found between them; the same for reported content split around its cue ('Hawaii, as
    one adviser pointed out, rarely gets two storms': ``quotes/as_clauses.py``)."""
    first_with_cue: dict[tuple[bool, int, int], str] = {}
    for q in quotes:
        if q.cue is None:
            continue
        key = (q.type == "direct", q.cue.start, q.cue.end)
        if key in first_with_cue:
            q.continues = first_with_cue[key]
        else:
            first_with_cue[key] = q.id


def _as_read(figures: list[Figure], people: list) -> None:
    """Words read from tokens as they are spelt: a word hyphenated across a wrapped line is one
    token spelt with soft hyphens (``layout.reading_form``); its words in the records are joined."""
    for f in figures:
        for attr in ("counted", "event", "qualifier"):
            value = getattr(f, attr)
            if value and SOFT in value:
                setattr(f, attr, joined(value))
    for p in people:
        if any(SOFT in t for t in p.titles):
            p.titles = [joined(t) for t in p.titles]


def _renumbered(figures: list[Figure], offset: int) -> list[Figure]:
    """Shift a piece's figure ids (and the ``part_of`` links between them) past ``offset``."""
    new = {f.id: f"f{offset + i}" for i, f in enumerate(figures, 1)}
    for f in figures:
        f.id = new[f.id]
        if f.part_of is not None:
            f.part_of = new.get(f.part_of)
    return figures


@dataclass(slots=True)
class PieceFacts:
    """What the extractors found in one parsed piece; sentence indices count from the piece's start.

    A piece can be parsed and read in any process: its offsets are already
    global, and ``assemble`` shifts its sentence indices once it knows how
    many sentences came before.
    """

    figures: list[Figure]
    quotes: list[Quote]
    mentions: list[EntityMention]
    sentences: int
    hints: SpeakerHints
    times: list[TimeMention]


def link_when(doc: Doc, ctx: Context, times: list[TimeMention], figures: list[Figure], quotes: list[Quote]) -> None:
    """Set ``when`` on each figure and quote of a piece to the piece-local id (``t1``...) of the time
    expression governing it (``times.when``); ``assemble`` renumbers the ids over the whole input."""
    if not times:
        return
    for f in figures:
        span = doc.char_span(f.start - ctx.base, f.end - ctx.base, alignment_mode="expand")
        if span is not None and len(span):
            k = governing_time(doc, span.root, times, ctx.sentence_of(span.root.i))
            f.when = None if k is None else f"t{k + 1}"
    for q in quotes:
        if q.cue is None:
            continue
        span = doc.char_span(q.cue.start - ctx.base, q.cue.end - ctx.base, alignment_mode="expand")
        if span is not None and len(span):
            k = governing_time(doc, span.root, times, ctx.sentence_of(span.root.i), skip=(q.start, q.end))
            q.when = None if k is None else f"t{k + 1}"


def extract_piece(doc: Doc, base: int, text: str, regions: list[Region]) -> PieceFacts:
    """Run the per-piece extractors over one parsed piece of an input (``text`` is its own characters)."""
    ctx = Context(doc, base=base, regions=regions, text=text)
    quotes = extract_quotes(doc, ctx)
    figures = extract_figures(doc, ctx)
    times = extract_times(doc, ctx)
    link_when(doc, ctx, times, figures, quotes)
    return PieceFacts(figures, quotes, find_mentions(doc, ctx), ctx.n_sentences,
                      speaker_hints(doc, ctx, quotes), times)


def _renumbered_when(records: Iterable[Figure | Quote], offset: int) -> None:
    """Shift a piece's ``when`` ids (``t1``...) past the ``offset`` times of the pieces before it."""
    if offset:
        for r in records:
            if r.when is not None:
                r.when = f"t{int(r.when[1:]) + offset}"


def assemble(source: str, text: str, encoding: str, model: ModelInfo, regions: list[Region],
             facts: Iterable[PieceFacts], page: Page | None = None, given_date: str | None = None) -> Article:
    """The article from the facts of its pieces, in order: entities over the whole input, then links.

    The article's date is ``given_date`` (--date), else ``page.date``, else one at the head of the
    text; the time expressions are anchored to it once all pieces are in."""
    figures: list[Figure] = []
    quotes: list[Quote] = []
    mentions: list[EntityMention] = []
    hints: list[SpeakerHints] = []
    times: list[TimeMention] = []
    sentences = 0
    for piece in facts:
        if sentences:
            for record in (*piece.figures, *piece.quotes, *piece.mentions, *piece.times):
                record.sentence += sentences
        _renumbered_when((*piece.figures, *piece.quotes), len(times))
        times.extend(piece.times)
        figures.extend(_renumbered(piece.figures, len(figures)))
        quotes.extend(piece.quotes)
        mentions.extend(piece.mentions)
        hints.append(piece.hints)
        sentences += piece.sentences
    entities = build_entities(mentions)
    for i, q in enumerate(quotes, 1):
        q.id = f"q{i}"
    link_continuations(quotes)
    resolve_speakers(quotes, entities.people, entities.organizations, SpeakerHints.merged(hints), entities.places)
    link_figures(figures, quotes)
    _as_read(figures, entities.people)
    dated = article_date(text, page.date if page is not None else None, given_date)
    anchor(times, dated.date, dated.year_known)
    return Article(source=source, encoding=encoding, length=len(text), model=model, sentences=sentences,
                   date=dated.iso(), date_source=dated.source,  # type: ignore[arg-type]
                   ignored=regions, figures=figures, people=entities.people, places=entities.places,
                   organizations=entities.organizations, quotes=quotes,
                   times=[Time(id=f"t{i}", start=t.start, end=t.end, text=t.text, type=t.type,  # type: ignore[arg-type]
                               value=t.value, sentence=t.sentence) for i, t in enumerate(times, 1)])


def build_article(source: str, text: str, encoding: str, model: ModelInfo,
                  pieces: Iterable[tuple[int, Doc]], page: Page | None = None,
                  given_date: str | None = None) -> Article:
    """Run every extractor over the ``(offset, Doc)`` pieces of ``text`` and assemble the result."""
    regions = find_regions(text)
    facts = (extract_piece(doc, base, text[base:base + text_length(doc)], regions) for base, doc in pieces)
    return assemble(source, text, encoding, model, regions, facts, page, given_date)
