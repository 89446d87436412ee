"""People, places and organizations: one entry per real entity, with aliases and mentions.

The extractor is a sequence of named passes, each a module of its own, run in
two steps so a long input parsed in pieces is clustered as a whole:

1. ``find_mentions(doc, ctx)`` (``mentions``, ``cleaning``, ``headlines``,
   ``people``, ``layout``, ``roles``): spaCy's PERSON / GPE / LOC / FAC / ORG
   spans, cleaned (leading "the", possessives, numbers or places spaCy ran
   onto a name, personal titles moved out of the name into ``titles``), plus
   names after an honorific that spaCy missed ("Mr. D’Souza"), untagged full
   names shaped as a person's, and untagged capitalised names as
   *candidates*; each with the role its layout or sentence gives it (a side,
   a venue, a dateline, a person's organization).
2. ``build_entities(mentions)``:
   - ``kinds``: each name form's kind is voted over all its mentions (titles
     and known first names for people, the offline gazetteer and place words
     for places), so "Al-Sharaa" tagged once as a place stays a person and
     "Tartus" tagged as an organization is a place;
   - ``clustering``: mentions merged into entities (same form, surname to the
     nearest full name, gazetteer identity, initials), then ``teams``: a
     team's full name, nickname and city ("New York Islanders", "Islanders",
     "New York") joined; then candidates attached, then entities made only of
     weak mentions dropped;
   - ``records``: the output records.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..context import Context
from .clustering import attach_candidates, cluster_mentions, drop_weak
from .kinds import decide_kinds
from .mention import EntityMention
from .mentions import find_mentions
from .names import first_name_gender, norm_key
from .records import Entities, entity_records
from .teams import merge_teams

__all__ = ["Entities", "EntityMention", "build_entities", "extract_entities", "find_mentions",
           "first_name_gender", "norm_key"]


def build_entities(mentions: list[EntityMention]) -> Entities:
    """Merge mentions into entities and decide each entity's kind by the votes of its mentions."""
    tagged = [m for m in mentions if m.kind is not None]
    candidates = [m for m in mentions if m.kind is None]
    kind_of = decide_kinds(tagged)
    for m in tagged:  # a mention whose context says its kind keeps it ("BALTIMORE" dateline, Baltimore side)
        k = kind_of[norm_key(m.text)]
        m.kind = k if k == "person" or m.role_kind is None else m.role_kind
    clusters = merge_teams(cluster_mentions(tagged))
    attach_candidates(clusters, candidates)
    return entity_records(drop_weak(clusters))


def extract_entities(doc: Doc, ctx: Context | None = None) -> Entities:
    """People, places and organizations of one parsed ``Doc``."""
    return build_entities(find_mentions(doc, ctx))
