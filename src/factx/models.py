"""Typed output records: the JSON contract of factx.

Everything factx prints is one of these models dumped to JSON, and
``factx schema`` prints the JSON Schema generated from :class:`Article`, so the
schema and the output cannot drift apart.  Field names that the evaluation kit
reads (``source``, ``figures[].value``, ``quotes[].speaker.name``, ...) are part
of the contract; new fields may be added, none renamed.

Every span carries ``start``/``end`` character offsets (Python ``str`` indices,
``end`` exclusive) into the decoded input with ``text == input[start:end]``.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator
from pydantic.dataclasses import dataclass

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# The records below are slotted pydantic dataclasses rather than models: a
# long input yields a million of them, and this form takes a fraction of a
# model's memory while keeping validation and the JSON Schema.
_RECORD = ConfigDict(extra="forbid")


@dataclass(slots=True, kw_only=True, config=_RECORD)
class Span:
    """A piece of the input text."""

    start: int = Field(ge=0, description="offset of the first character")
    end: int = Field(ge=0, description="offset after the last character")
    text: str = Field(description="exactly input[start:end]")


@dataclass(slots=True, kw_only=True, config=_RECORD)
class Mention:
    """One occurrence of an entity in the text."""

    start: int = Field(ge=0, description="offset of the first character")
    end: int = Field(ge=0, description="offset after the last character")
    text: str = Field(description="exactly input[start:end]")
    sentence: int = Field(ge=0, description="index of the sentence holding the mention")


WHEN = ("id of the time expression that governs this figure: a date or time of its own clause ('1,200 homes "
        "were sold in 2018'), else one of a clause above it ('In 2018, officials said 1,200 ...'), the nearer of two; "
        "durations and sets date nothing; null when none does: the article's date stands ('40 dead so far')")


@dataclass(slots=True, kw_only=True, config=_RECORD)
class Time(Span):
    """A time expression, as TimeML's TIMEX3 has it (the guidelines of TimeBank and TempEval-3)."""

    id: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str = Field(description="TIMEX3 value: '2013-03-22', '2013-W11', '2013-Q1', 'P1M', 'PT2H', 'XXXX-WI', "
                                   "'PRESENT_REF', '2013-03-22TEV'; relative expressions resolved against the "
                                   "article's date, or with X for what no date says ('XXXX-WXX-5') when it has none")
    sentence: int = Field(ge=0)


@dataclass(slots=True, kw_only=True, config=_RECORD)
class Figure(Span):
    """A number that states a fact: a count, an amount of money, a share or a measure."""

    id: str
    value: float | None = Field(description="normalised number; null when vague or a range")
    unit: str | None = Field(description="ISO currency code, 'percent', 'points', a unit symbol, or null")
    counted: str | None = Field(description="head noun of what is counted or measured, lower case")
    counted_relation: Literal["modifier", "of", "value"] | None = Field(
        None, description="how counted was found: the noun the number modifies ('9,000 people'), its 'of' "
                          "complement ('45 percent of voters') or the quantity it is the value of "
                          "('death toll rises to 1,311')")
    approximate: bool = False
    qualifier: str | None = Field(None, description="the qualifier word(s): 'approximately', 'more than'")
    low: float | None = Field(None, description="lower bound of a range or a vague magnitude")
    high: float | None = Field(None, description="upper bound of a range")
    event: str | None = Field(None, description="the word saying what happened: 'killed', 'sheltering'")
    sentence: int = Field(ge=0)
    quote: str | None = Field(None, description="id of the quote whose content holds this figure")
    part_of: str | None = Field(None, description="id of the figure this one is a part of")
    when: str | None = Field(None, description=WHEN)

    @field_validator("value", "low", "high")
    @classmethod
    def _finite(cls, v: float | None) -> float | None:
        """JSON has no infinity or NaN: a number too large for a float ("10^400") has no value."""
        return v if v is None or math.isfinite(v) else None


class _Entity(_Model):
    id: str
    name: str = Field(description="the fullest form the article uses")
    aliases: list[str] = Field(default_factory=list, description="other forms used for the same entity")
    mentions: list[Mention] = Field(default_factory=list)


class Person(_Entity):
    """A named person."""

    titles: list[str] = Field(default_factory=list, description="roles: 'Interim President', 'spokeswoman'")
    gender: Literal["female", "male"] | None = None


class Place(_Entity):
    """A named geographic or built location."""

    kind: Literal["country", "region", "city", "site", "other"] | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code")
    latitude: float | None = None
    longitude: float | None = None


class Organization(_Entity):
    """A named organization: agency, company, party, outlet, ministry."""


@dataclass(slots=True, kw_only=True, config=_RECORD)
class Speaker(Span):
    """The mention a quote's cue attaches to, and whom it refers to."""

    name: str | None = Field(description="name of the entity the speaker refers to; null when unresolved")
    entity: str | None = Field(None, description="id of that entity in people, organizations or places")


@dataclass(slots=True, kw_only=True, config=_RECORD)
class Quote(Span):
    """Who said what: the content span, its speaker and its cue."""

    id: str
    type: Literal["direct", "indirect", "mixed"]
    speaker: Speaker | None
    cue: Span | None
    sentence: int = Field(ge=0)
    figures: list[str] = Field(default_factory=list, description="ids of the figures inside the content")
    continues: str | None = Field(default=None, description="id of the quote this one carries on: the first part "
                                  "of a quote split around a long cue ('\"A,\" said X, the ..., \"B.\"')")
    when: str | None = Field(None, description="id of the time expression of the cue's clause: when it was said "
                                               "('said on Friday that ...'); a time inside the content dates what "
                                               "was said, not the saying; null: the article's date stands")


@dataclass(slots=True, kw_only=True, config=_RECORD)
class Region(Span):
    """A stretch of page furniture set aside: bylines, credit lines, teasers."""

    kind: str = Field(description="'credit', 'byline', 'social', 'related', ...")


class Page(_Model):
    """What a web page or a PDF says about itself, when it says it (a page's meta tags, read by trafilatura;
    a PDF's document information)."""

    title: str | None = Field(None, description="the headline")
    author: str | None = None
    date: str | None = Field(None, description="publication date, ISO 8601 (YYYY-MM-DD); a PDF's creation date")
    url: str | None = Field(None, description="the page's canonical address")
    sitename: str | None = Field(None, description="the publication's name")


# Fields present only when they hold something, so a plain input's record is unchanged.
def _absent(value: object) -> bool:
    return value is None


class ModelInfo(_Model):
    name: str
    version: str


class Article(_Model):
    """Everything factx found in one input."""

    schema_version: str = SCHEMA_VERSION
    source: str = Field(description="path of the input as given, '-' for stdin")
    encoding: str = Field(description="how the bytes were decoded")
    length: int = Field(ge=0, description="number of characters in the decoded input")
    model: ModelInfo
    page: Page | None = Field(None, exclude_if=_absent,
                              description="web page or PDF metadata; only for an input read as HTML or PDF")
    page_starts: list[int] | None = Field(
        None, exclude_if=_absent,
        description="only for a PDF: the offset in text at which each of its pages begins (page 1 at "
                    "page_starts[0] = 0); a span's page number is the count of entries <= its start "
                    "(bisect_right(page_starts, start))")
    sentences: int = Field(ge=0, description="number of sentences")
    date: str | None = Field(None, description="the article's date (YYYY-MM-DD) that relative times are anchored to; "
                                               "XXXX-MM-DD when a dateline gives no year; null when none was found")
    date_source: Literal["option", "metadata", "text"] | None = Field(
        None, description="where the date came from: 'option' (--date, which wins), 'metadata' (the web page's or "
                          "PDF's), 'text' (a date line or dateline at the head of the text)")
    ignored: list[Region] = Field(default_factory=list, description="furniture regions set aside")
    figures: list[Figure] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list, description="time expressions (TIMEX3), in text order")
    text: str | None = Field(None, exclude_if=_absent,
                             description="the text every offset refers to: the main text extracted from a web "
                                         "page or a PDF, or a plain input's decoded text with --include-text; absent "
                                         "otherwise (the offsets then refer to the decoded input file)")
    # The SHA-256 of the input's bytes when read from a file: what a database run compares to skip an
    # unchanged input.  Kept out of the JSON (a property of the file, not a fact of the text).
    _sha256: str | None = PrivateAttr(None)

    @property
    def input_sha256(self) -> str | None:
        """SHA-256 (hex) of the input's bytes as read, or None for a text given as a string."""
        return self._sha256


def json_schema() -> dict:
    """The JSON Schema of one output object."""
    schema = Article.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://factx.invalid/schema/{SCHEMA_VERSION}/article.json"
    return schema
