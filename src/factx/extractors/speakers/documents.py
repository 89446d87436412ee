"""Documents as speakers: "the report said" is the one who issued the report."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from . import descriptions, pronouns, resolve
from .hints import SpeakerForm
from .words import ORG_PRONOUNS, noun_kinds, person_nouns

if TYPE_CHECKING:
    from .index import Entity, Resolver


def issuer(r: Resolver, form: SpeakerForm, pos: int) -> Entity | None:
    """Rule 5b: a document ("the report said") is the one who issued it: a name inside the
    mention ("the Labour Department's report") or its agent ("a report by the IEA"), a
    description inside it ("the company report"), else the issuer of the last document with the
    same noun: a name or description inside that one, or the subject of the clause that issued
    it ("Acme issued a statement ... The statement said", "said in a statement")."""
    if form.span is not None and form.span[0] < form.head_span[0]:
        ent = r.at(form.span[0], form.head_span[0])
        if ent is not None:
            return ent
    for span, inside in form.named:
        ent = r.at(*span, inside=inside)
        if ent is not None:
            return ent
    kinds, people = noun_kinds(), person_nouns()
    if form.possessor in ORG_PRONOUNS:
        return pronouns.org_pronoun(r, pos)
    for w in (form.possessor, *form.words):
        if w != form.head and (w in kinds or w in people):
            return descriptions.description(
                r, SpeakerForm("description", w, form.head_span, words=(w,), determined=True), pos)
    if form.plural:
        return None  # 'other studies have shown': not the one study named before
    earlier = r.documents.get(form.head, [])
    k = bisect.bisect_left(earlier, form.head_span[0], key=lambda x: x[0]) - 1
    while k >= 0:
        mention = earlier[k][1]
        prev = mention.form
        if prev.span is not None and prev.span[1] <= form.head_span[0]:
            if (prev.span[0] < prev.head_span[0] and len(prev.words) > 1) or r.at(*prev.span) or prev.named:
                return issuer(r, prev, prev.head_span[0])
            if mention.issuer_span is not None and mention.issuer is not None and (
                    mention.issuer.kind != "description" or mention.issuer.definite):  # not 'a group of parents'
                ent = resolve.mention(r, *mention.issuer_span, mention.issuer)
                if ent is not None:
                    return ent
        k -= 1
    return None
