"""The record every pass reads and writes: one cleaned mention of a name, with global offsets."""

from __future__ import annotations

from dataclasses import dataclass, field

KIND_OF_LABEL = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organization"}


@dataclass(slots=True)
class EntityMention:
    """One cleaned named-entity mention, with global offsets.

    ``kind`` is None for a *candidate*: a capitalised name spaCy did not tag,
    kept only to be attached to an entity found elsewhere under the same form
    ("Chatwal" after "Sant Singh Chatwal").  ``weak`` marks a mention that
    alone is no evidence of an entity (a headline word, a common noun that
    opens a sentence); an entity made only of weak mentions is dropped.
    """

    start: int
    end: int
    text: str
    kind: str | None  # person | place | organization | None (candidate)
    sentence: int
    titles: list[str] = field(default_factory=list)
    weak: bool = False
    person_evidence: int = 0  # a title or honorific before it, a known first name
    honorific_form: str | None = None  # "Mr. D'Souza", kept as an alias
    role_kind: str | None = None  # the kind its context says (a side that plays, a venue, a dateline)
    source: str | None = None  # the input's own characters when ``text`` reads them otherwise ("John\nSmith")
