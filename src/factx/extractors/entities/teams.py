"""Pass 3b: a team named in several ways is one organization.

Sports copy names a team by its full name once ("the Pittsburgh Penguins"),
then by its nickname ("the Penguins") or by its city ("Pittsburgh beat
Boston"), and a round-up may never write the full name at all ("Wild 4,
Sabres 1: ... Minnesota beat Buffalo").  The full name says which short forms
are its own: the name after a place ("Islanders" of "New York Islanders") and,
when the article uses that place as a side, the place itself.  Without the
full name, the league lists (``data/teams.txt``) pair a city that plays with
the one nickname of that city's teams the article uses (in the article's
league, when it uses several), and a bare city the tagger called a place, with
nothing around it that says place ("in Buffalo", "a Buffalo native"), is that
team too.
"""

from __future__ import annotations

from functools import cache

from ... import lexicon
from .. import places
from .mention import EntityMention
from .names import norm_key


@cache
def _nicknames() -> dict[str, frozenset[tuple[str, str]]]:
    """City (comparison key) -> (nickname key, league) of its teams in ``data/teams.txt``."""
    out: dict[str, set[tuple[str, str]]] = {}
    for row in lexicon.rows("teams.txt"):
        if len(row) >= 3:
            out.setdefault(norm_key(row[0]), set()).add((norm_key(row[1]), row[2]))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _all_nicknames() -> frozenset[str]:
    return frozenset(n for teams in _nicknames().values() for n, _ in teams)


def _nickname_of(city: str, present: set[str], league: str | None) -> str | None:
    """The one nickname of ``city``'s teams the article uses, in its league when it uses several
    ("Carolina" is the Hurricanes in a hockey round-up that also names the Florida Panthers)."""
    used = [(n, lg) for n, lg in _nicknames().get(city, ()) if n in present]
    if len(used) > 1 and league is not None:
        used = [(n, lg) for n, lg in used if lg == league]
    return used[0][0] if len(used) == 1 else None


def _league(present: set[str]) -> str | None:
    """The league most of the article's nicknames belong to."""
    votes: dict[str, int] = {}
    for teams in _nicknames().values():
        for n, lg in teams:
            if n in present:
                votes[lg] = votes.get(lg, 0) + 1
    return max(votes, key=lambda lg: votes[lg]) if votes else None


def _is_place(key: str) -> bool:
    return key in _nicknames() or places.lookup(key) is not None


def _split_full(key: str) -> tuple[str, str] | None:
    """("new york", "islanders") of "new york islanders": a place, then the rest of the name."""
    words = key.split()
    for k in range(min(3, len(words) - 1), 0, -1):
        city = " ".join(words[:k])
        if _is_place(city):
            return city, " ".join(words[k:])
    return None


def _plays(c: list[EntityMention]) -> bool:
    """The article uses the name as a side (a mention whose context made it an organization)."""
    return any(m.role_kind == "organization" for m in c)


def merge_teams(clusters: list[list[EntityMention]]) -> list[list[EntityMention]]:
    """Organization clusters that name one team in other words joined (see the module's docstring)."""
    orgs = [i for i, c in enumerate(clusters) if c and c[0].kind == "organization"]
    keys = {i: {norm_key(m.text) for m in clusters[i]} for i in orgs}
    parent = {i: i for i in orgs}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_key: dict[str, int] = {}
    for i in orgs:
        for k in keys[i]:
            by_key.setdefault(k, i)
    written: set[tuple[str, str]] = set()
    for i in orgs:
        for k in keys[i]:
            parts = _split_full(k)
            if parts is None:
                continue
            city, nick = parts
            team = _plays(clusters[i]) or nick in _all_nicknames() \
                or (nick in by_key and _plays(clusters[by_key[nick]]))
            if not team:
                continue  # not a team: "the Pittsburgh Post-Gazette"
            written.add(parts)
            if nick in by_key:
                join(i, by_key[nick])  # "New York Islanders" ... "the Islanders"
            if city in by_key and _plays(clusters[by_key[city]]):
                join(i, by_key[city])  # "the Pittsburgh Penguins" ... "Pittsburgh beat Boston"
    written_cities = {city for city, _ in written}
    playing = {k for k, i in by_key.items() if _plays(clusters[i])}
    league = _league(playing)
    for i in orgs:
        for city in keys[i]:
            if city in written_cities or not _plays(clusters[i]):
                continue
            nick = _nickname_of(city, playing, league)
            if nick is not None:
                join(i, by_key[nick])  # "Minnesota beat Buffalo" ... "scored for the Wild"
    for c in clusters:  # a team's city the tagger called a place, where nothing says place
        if not c or c[0].kind != "place":
            continue
        city = norm_key(c[0].text)
        nick = None if city in by_key or city in written_cities else _nickname_of(city, playing, league)
        if nick is None:
            continue
        moved = [m for m in c if m.role_kind is None]
        for m in moved:
            m.kind = "organization"
            c.remove(m)
        clusters[by_key[nick]].extend(moved)  # "... made 30 saves and Minnesota beat Buffalo"
    groups: dict[int, list[EntityMention]] = {}
    out: list[list[EntityMention]] = []
    for i, c in enumerate(clusters):
        if not c:
            continue
        if i not in parent:
            out.append(c)
            continue
        root = find(i)
        if root not in groups:
            groups[root] = []
            out.append(groups[root])
        groups[root].extend(c)
    return out
