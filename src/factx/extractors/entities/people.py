"""The shape of a personal name, for names the tagger missed, cut short or ran on.

spaCy's small model tags many names of players, officials and executives as
organizations or not at all, or cuts them ("Nilsson" of "Anders Nilsson",
"Moon Jae" of "Moon Jae-in").  What a reader goes by is the shape of the
name (a known first name, then capitalised words that are not the words of
a body, a club or a country) and the sentence it stands in (coordinated with
a person, the subject of a verb).  These passes read that shape.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ... import lexicon
from .. import places
from .names import first_name_gender, is_first_name

_PERSON_DEPS = {"nsubj", "nsubjpass", "conj", "appos", "dobj", "pobj", "compound"}


def _body_word(t: Token) -> bool:
    return t.lower_ in lexicon.words("org_words.txt") or t.lower_ in lexicon.words("club_words.txt")


def _country(text: str) -> bool:
    info = places.lookup(text)
    return info is not None and info.kind in ("country", "region")


def name_shaped(span: SpacySpan, first_known: bool = True) -> bool:
    """Two or three capitalised words in mixed case, none a word of a body or club nor a country after
    the first, the whole unknown to the gazetteer; with ``first_known`` the first is a known first name."""
    words = list(span)
    if not 2 <= len(words) <= 3 or span.text.isupper() or len(words[0]) < 3:
        return False
    if first_known and not is_first_name(words[0].text):
        return False
    if places.lookup(span.text) is not None:
        return False
    if any(not t.text[:1].isupper() or t.text.isupper() or _body_word(t) for t in words):
        return False
    return not any(_country(t.text) for t in words[1:])


def untagged_person(span: SpacySpan) -> bool:
    """A full name the tagger missed ("Tuukka Rask made 25 saves", "Nino Niederreiter had a goal"),
    in a sentence with a verb: not a row of a table, where such runs are as often clubs ("Widad Fes 3
    Oujda 1")."""
    return name_shaped(span) and span.root.dep_ in _PERSON_DEPS \
        and any(t.pos_ in ("VERB", "AUX") for t in span.sent)


def with_first_name(span: SpacySpan) -> SpacySpan | None:
    """The name widened over the untagged first name the tagger left before it ("Anders" of "Anders
    Nilsson", tagged as the organization "Nilsson"); None when there is none."""
    doc = span.doc
    if span.start == 0 or len(span) > 2:
        return None
    prev = doc[span.start - 1]
    if prev.ent_type_ or not prev.is_alpha or not prev.is_title or len(prev) < 3 or "\n" in prev.whitespace_ \
            or prev.pos_ != "PROPN" or not is_first_name(prev.text) or places.lookup(prev.text) is not None \
            or prev.lower_ in lexicon.words("titles.txt") or _body_word(prev) \
            or (prev.is_sent_start and prev.lower_ in lexicon.words("lower_words.txt")):
        return None  # not "Major" of a headline's "Major WeWork layoffs"
    wide = doc[span.start - 1:span.end]
    return wide if name_shaped(wide) else None


def coordinated_person(span: SpacySpan) -> bool:
    """A name shaped as a person's, coordinated with a person ("Eric Robinson and Boone Jenner also
    scored"), whose first word is no common word ("Taylor Swift and Big Machine" is not one)."""
    if not name_shaped(span, first_known=False) or span[0].lower_ in lexicon.words("lower_words.txt"):
        return False
    root = span.root
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [c for c in root.children if c.dep_ == "conj"]
    return any(p.ent_type_ == "PERSON" and p.i not in range(span.start, span.end) for p in partners)


def place_before_person(span: SpacySpan) -> tuple[SpacySpan, SpacySpan] | None:
    """A country run onto the name after it ("envoy to Ukraine Kurt Volker", tagged as one body): the
    place and the person; None otherwise."""
    doc = span.doc
    for k in range(span.start + 1, span.end - 1):
        if is_first_name(doc[k].text) and _country(doc[span.start:k].text) \
                and name_shaped(doc[k:span.end]):
            return doc[span.start:k], doc[k:span.end]
    return None


def with_hyphen_tail(span: SpacySpan) -> SpacySpan:
    """A person's name with the hyphened part the tokenizer split off its last word ("Moon Jae" +
    "-in" of "Moon Jae-in")."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].is_alpha and len(doc[end + 1]) <= 4 and not doc[end + 1].ent_type_ \
            and doc[end + 1].lower_ not in lexicon.words("compound_tails.txt"):
        return doc[span.start:end + 2]
    return span


__all__ = ["coordinated_person", "first_name_gender", "name_shaped", "place_before_person", "untagged_person",
           "with_first_name", "with_hyphen_tail"]
