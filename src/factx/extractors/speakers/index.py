"""The resolver's indexes over one input: entity mentions in order, the subjects among them, the
speakers resolved so far, titles and descriptors, and the lookups every pass uses."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from ...models import Organization, Person, Place
from .hints import DocumentMention, SpeakerForm, SpeakerHints
from .organizations import fuller_names
from .words import noun_kinds

Entity = Person | Organization
# How far back, in entity mentions, a pronoun or a description looks for its
# referent: farther than that none is credible, and the search must not grow
# with the length of the input.
_LOOKBACK = 500


def last_word(name: str) -> str:
    words = re.findall(r"[\w'’&-]+", name.lower())
    return words[-1] if words else ""


def _title_heads(title: str) -> tuple[str, frozenset[str]]:
    """('minister', {'prime', 'minister'}) for 'Prime Minister'; the head is the word before
    'of' when there is one ('founder of the Institute')."""
    words = [w.strip(".") for w in title.lower().split()]
    if "of" in words:
        words = words[:words.index("of")]
    return (words[-1] if words else ""), frozenset(words)


class Resolver:
    """Indexes over one input's entities and hints, and the lookups the passes use."""

    def __init__(self, people: list[Person], organizations: list[Organization], hints: SpeakerHints,
                 places: Iterable[Place] = ()):
        self.hints = hints
        self.mentions = sorted(((m.start, m.end, ent) for ent in [*people, *organizations] for m in ent.mentions),
                               key=lambda x: x[0])
        self.starts = [s for s, _, _ in self.mentions]
        self.longest = max((e - s for s, e, _ in self.mentions), default=0)
        self.gender: dict[str, str] = {p.id: p.gender for p in people if p.gender}
        self.people, self.organizations = people, organizations
        self.salient = self._subject_mentions()
        self.events: list[tuple[int, Entity]] = []  # (speaker start, entity) of speakers resolved so far
        self.titles: dict[str, list[tuple[Person, frozenset[str]]]] = {}
        for p in people:
            for t in p.titles:
                head, words = _title_heads(t)
                if head:
                    self.titles.setdefault(head, []).append((p, words))
        kinds = noun_kinds()
        self.described: dict[str, list[tuple[int, Entity]]] = {}
        self.org_kind: dict[str, set[str]] = {}
        for noun, s, e in hints.descriptors:
            ent = self.at(s, e)
            if ent is not None:
                self.described.setdefault(noun, []).append((s, ent))
                if isinstance(ent, Organization) and noun in kinds:
                    self.org_kind.setdefault(ent.id, set()).add(kinds[noun])
        for org in organizations:
            for name in (org.name, *org.aliases):
                if last_word(name) in kinds:
                    self.org_kind.setdefault(org.id, set()).add(kinds[last_word(name)])
        for lst in self.described.values():
            lst.sort(key=lambda x: x[0])
        self.fuller = fuller_names(organizations)
        # description head -> (start, form) of the subjects with it, in order
        self.subject_heads: dict[str, list[tuple[int, SpeakerForm]]] = {}
        for (s, _), f in sorted(hints.subject_forms.items(), key=lambda x: x[0]):
            if f.kind == "description":
                self.subject_heads.setdefault(f.head, []).append((s, f))
        # document noun -> (head start, mention) of each document with it, in order
        self.documents: dict[str, list[tuple[int, DocumentMention]]] = {}
        for d in hints.documents:
            self.documents.setdefault(d.form.head, []).append((d.form.head_span[0], d))
        for lst in self.documents.values():
            lst.sort(key=lambda x: x[0])
        self.places = sorted(((m.start, m.end, p) for p in places for m in p.mentions), key=lambda x: x[0])
        self.place_starts = [s for s, _, _ in self.places]
        self.longest_place = max((e - s for s, e, _ in self.places), default=0)
        self.by_head: dict[str, Entity | None] = {}  # description head -> what the last speaker with it was
        self.speakers: list[tuple[int, int, SpeakerForm | None]] = []  # every speaker mention, in order
        self.unknown: list[tuple[int, str]] = []  # speakers named by a name that is no entity, so far

    # -- lookups

    def _subject_mentions(self) -> set[int]:
        """Indices of the mentions that are the subject of a clause."""
        out = set()
        subjects = self.hints.subjects
        for i, (s, e, _) in enumerate(self.mentions):
            j = bisect.bisect_left(subjects, (s, -1))
            if j < len(subjects) and subjects[j][0] < e:
                out.add(i)
        return out

    def at(self, start: int, end: int, inside: tuple[int, int] | None = None) -> Entity | None:
        """The entity with a mention overlapping ``start:end`` (overlapping ``inside`` too, when
        given): the one starting last, i.e. the head of 'Russian Foreign Ministry spokeswoman
        Maria Zakharova'."""
        i = bisect.bisect_left(self.starts, end) - 1
        while i >= 0 and self.starts[i] > start - self.longest:
            s, e, ent = self.mentions[i]
            if e > start and (inside is None or (s < inside[1] and inside[0] < e)):
                return ent
            i -= 1
        return None

    def place_at(self, start: int, end: int) -> Place | None:
        """The place with a mention overlapping ``start:end``, the one starting last ("The US")."""
        i = bisect.bisect_left(self.place_starts, end) - 1
        while i >= 0 and self.place_starts[i] > start - self.longest_place:
            _, e, place = self.places[i]
            if e > start:
                return place
            i -= 1
        return None

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.hints.sent_starts, pos) - 1

    def back(self, pos: int) -> Iterator[tuple[int, Entity, bool]]:
        """(position, entity, salient) of mentions and resolved speakers before ``pos``, latest
        first, at most ``_LOOKBACK`` mentions back."""
        i = bisect.bisect_left(self.starts, pos) - 1
        j = bisect.bisect_left(self.events, pos, key=lambda x: x[0]) - 1
        stop = max(-1, i - _LOOKBACK)
        while i > stop or j >= 0:
            if j >= 0 and (i <= stop or self.events[j][0] >= self.starts[i]):
                yield self.events[j][0], self.events[j][1], True
                j -= 1
            else:
                s, e, ent = self.mentions[i]
                if e <= pos:
                    yield s, ent, i in self.salient
                i -= 1

    # -- rules

    def spoke(self, pos: int, ent: Entity) -> None:
        self.events.append((pos, ent))

