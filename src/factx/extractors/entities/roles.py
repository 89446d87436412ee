"""Context roles of names: sides in sports reports, venues, datelines.

A name's kind often shows in what it does rather than in the name: "Surrey
beat Kent by six wickets" (sides that play are teams), "at Lord's" (a venue
is a place), "LONDON 1996-08-30" (a dateline names a place).  ``layout``
reads the roles tables, result lines and datelines give; this pass reads the
rest from the dependency parse and says what kind each role makes:

In any text:

- ``place``: names before a plural noun of places ("Cass and Van Buren
  counties") or before a lower-case site noun ("the Hoa Lo prison");
- ``body``: a name before the role of the person named after it ("Jefferies
  analyst Jonathan Matuszewski"), an organization.

In a sports report (see ``layout.is_sports_report``) also:

- ``side``: the subject or object of a verb of play ("beat", "drew"), the
  object of "against"/"over", "scored for X", a name that qualifies a
  team's people ("Marseille striker", "Anaheim defenseman X",
  ``data/side_nouns.txt``);
- ``place``: a venue ("at the Oval", "in KeyBank Center"), "in Pittsburgh",
  where a player is from ("a New Jersey native").

``side_kind`` then says what kind a side is: a national side is its country
(a place), a player is a person, anything else a club (an organization).
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from ... import lexicon
from .. import places
from .layout import BODY, CLUB, PLACE, PLAYER, SIDE, Roles, find_roles, is_sports_report
from .names import first_name_gender

_CLUB_CITY = 100_000  # a city this large in a two-word name makes it a club ("Ajax Amsterdam")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")

__all__ = ["BODY", "CLUB", "PLACE", "PLAYER", "SIDE", "Roles", "find_roles", "is_club_name", "is_sports_report",
           "kind_of_role", "role_of", "side_kind"]


def role_of(span: SpacySpan, roles: Roles) -> tuple[str | None, bool]:
    """The role of a name and whether the layout gave it; else (in a sports report) from the parse."""
    for i in range(span.start, span.end):
        r = roles.by_token.get(i)
        if r is not None:
            return r, True
    if _before_place_noun(span):
        return PLACE, False  # "Berrien, Cass and Van Buren counties"
    if _affiliation(span):
        return BODY, False  # "Jefferies analyst Jonathan Matuszewski"
    if _company_owned(span):
        return BODY, False  # "Alibaba shares", "Alibaba's secondary listing"
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.is_lower and nxt.i == span.root.head.i and places.head_kind("x " + nxt.lower_) == "site":
        return PLACE, False  # "the Hoa Lo prison", "the WoodSpring Suites hotel"
    if not roles.sports:
        return None, False
    root = span.root
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ == "VERB" \
            and head.lemma_.lower() in lexicon.words("sport_verbs.txt"):
        return SIDE, False
    if root.dep_ in ("compound", "poss", "nmod") and head.pos_ == "NOUN" \
            and head.lower_ in lexicon.words("side_nouns.txt"):  # "Marseille striker", "Liverpool's manager"
        return SIDE, False
    after = span.doc[span.end + 1] if span.end + 1 < len(span.doc) else None
    if nxt is not None and nxt.lower_ in lexicon.words("side_nouns.txt") and after is not None \
            and after.pos_ == "PROPN" and after.text[:1].isupper():
        return SIDE, False  # "Anaheim defenseman Erik Gudbranson", however the parser attached it
    if nxt is not None and nxt.lower_ in lexicon.words("resident_nouns.txt"):
        return PLACE, False  # "a New Jersey native": where someone is from is a place, not its team
    if root.dep_ == "pobj":
        if head.lower_ == "at" and head.head.pos_ in ("VERB", "NOUN") and not _personal_name(span):
            return PLACE, False  # a venue, not "fired a shot at Matt Murray"
        if head.lower_ == "in" and places.lookup(span.text) is not None:
            return PLACE, False  # "the rematch in Pittsburgh"
        if head.lower_ in ("in", "at") and len(span) > 1 and span[-1].lower_ in lexicon.words("venue_words.txt"):
            return PLACE, False  # "in front of 15,522 in KeyBank Center": a venue
        if head.lower_ in lexicon.words("sport_preps.txt"):
            return SIDE, False
        if head.lower_ == "for" and (head.head.lemma_.lower() in lexicon.words("side_for_heads.txt")
                                     or head.head.lower_ in lexicon.words("side_for_heads.txt")):
            return SIDE, False  # "scored for the Wild", "had the goals for the Canadiens"
        if head.lower_ in ("with", "to") and head.head.pos_ == "VERB" \
                and head.head.lemma_.lower() in lexicon.words("sport_verbs.txt"):  # "drew with", "lost to"
            return SIDE, False
    return None, False


def _before_place_noun(span: SpacySpan) -> bool:
    """The name, alone or in a list of names, qualifies a plural noun of places ("Cass and Van Buren
    counties", "the Tigris and Euphrates rivers"): each name is a place."""
    doc = span.doc
    i = span.end
    while i < len(doc) and (doc[i].text in (",", "and", "or", "&") or (doc[i].text[:1].isupper()
                                                                      and doc[i].pos_ == "PROPN")):
        i += 1
    if i >= len(doc):
        return False
    word = doc[i].lower_
    if not word.endswith("s") or not doc[i].is_lower:
        return False
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return places.head_kind("x " + singular) is not None


def _affiliation(span: SpacySpan) -> bool:
    """The name of a body before the role of the person named after it ("Jefferies analyst Jonathan
    Matuszewski", "Goddard planetary scientist Avi Mandell"): not a person's name (it has no first
    name) nor a place the gazetteer knows ("Texas senator John Cornyn")."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text[:1].isupper() and doc[span.start - 1].is_alpha:
        return False  # "Democrat" of "Liberal Democrat leader": a cut name
    i = span.end
    while i < len(doc) and doc[i].is_lower and doc[i].pos_ == "ADJ":
        i += 1
    if i + 1 >= len(doc) or not doc[i].is_lower or doc[i].lower_ not in lexicon.mapping("person_nouns.txt"):
        return False
    after = doc[i + 1]
    if after.ent_type_ != "PERSON" or not after.text[:1].isupper():
        return False
    if places.lookup(span.text) is not None or (len(span) > 1 and first_name_gender(span[0].text) is not None):
        return False
    return not (len(span) == 1 and first_name_gender(span.text) is not None)


def _company_owned(span: SpacySpan) -> bool:
    """The name qualifies a noun only a company has ("Alibaba shares", "Alibaba's secondary listing",
    ``data/company_nouns.txt``): not a place the gazetteer knows ("Hong Kong shares") nor a person's
    full name."""
    root = span.root
    head = root.head
    if root.dep_ not in ("compound", "poss") or head.pos_ != "NOUN" or head.i < span.end:
        return False
    if head.lower_ not in lexicon.words("company_nouns.txt"):
        return False
    return places.lookup(span.text) is None and not (len(span) > 1 and first_name_gender(span[0].text) is not None)


def _personal_name(span: SpacySpan) -> bool:
    """A name the tagger calls a person that opens with a known first name ("Matt Murray")."""
    return span.root.ent_type_ == "PERSON" and len(span) > 1 and first_name_gender(span[0].text) is not None


def kind_of_role(role: str, span: SpacySpan, label_kind: str | None, by_layout: bool) -> str:
    """The kind a role gives a name: a venue or dateline a place, a player a person, a side by ``side_kind``."""
    if role == PLACE:
        return "place"
    if role == PLAYER:
        return "person"
    if role == BODY:
        return "organization"
    if role == CLUB:
        info = places.lookup(span.text)
        return "place" if info is not None and info.kind == "country" else "organization"
    return side_kind(span, label_kind, by_layout)


def side_kind(span: SpacySpan, label_kind: str | None, by_layout: bool = False) -> str:
    """What a side is: a country's national side is the country, a player a person, else a club.

    A one-word name is a player only when a known first name makes it one
    (the tagger calls many one-word clubs persons: "Surrey", "Kent"); a
    player's surname still joins the player's full name (``kinds``).
    ``by_layout`` says the role comes from a table row, not a sentence.
    """
    info = places.lookup(span.text)
    if info is not None and info.kind == "country":
        return "place"
    if len(span) > 1 and len(span[0]) > 2 and first_name_gender(span[0].text) is not None:
        return "person"
    if len(span) > 1 and _INITIALS.fullmatch(span[0].text) and span[1].is_alpha:
        return "person"  # "M. Vaughan", "D.A. Weibring"
    if label_kind == "person" and len(span) > 1 and not is_club_name(span):
        return "person"
    return "organization"


def is_club_name(span: SpacySpan) -> bool:
    """A name with a club word ("Sheffield United") or a city or country in it ("Ajax Amsterdam",
    "Paris St Germain") and no known first name: a club, whatever the tagger says."""
    if len(span[0]) > 2 and first_name_gender(span[0].text) is not None:
        return False
    clubs = lexicon.words("club_words.txt")
    for t in span:
        if t.lower_ in clubs:
            return True
        info = places.lookup(t.text) if t.text[:1].isupper() and len(t) > 3 else None
        if info is not None and (info.kind == "country" or info.population >= _CLUB_CITY):
            return True
    return False
