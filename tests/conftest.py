"""Shared fixtures: the real spaCy model, loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SEED_TEXT = SAMPLES / "hmeimim.txt"
SEED_GOLD = SAMPLES / "hmeimim.gold.json"


@pytest.fixture(scope="session")
def extractor():
    from factx.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TEXT.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_article(extractor, seed_text):
    return extractor.extract_text(seed_text, source=str(SEED_TEXT))


def all_spans(article) -> list:
    """Every span-like object in an article's output (figures, mentions, quotes, speakers, cues, regions, times)."""
    spans = list(article.figures) + list(article.ignored) + list(article.times)
    for kind in (article.people, article.places, article.organizations):
        for ent in kind:
            spans.extend(ent.mentions)
    for q in article.quotes:
        spans.append(q)
        if q.speaker is not None:
            spans.append(q.speaker)
        if q.cue is not None:
            spans.append(q.cue)
    return spans


def assert_offsets(article, text: str) -> None:
    for sp in all_spans(article):
        assert 0 <= sp.start <= sp.end <= len(text), sp
        assert text[sp.start:sp.end] == sp.text, sp


def as_from_terminal() -> None:
    """``preexec_fn`` for a child that a test stops with SIGINT: Ctrl-C's default action, as in a terminal.

    A shell that starts the test run in the background (``pytest &``) starts it with SIGINT ignored, an
    ignored signal stays ignored in every child, and Python then installs no KeyboardInterrupt handler:
    the factx under test would rightly go on running.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
