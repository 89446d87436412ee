"""Cleaning a spaCy entity span into a name: determiners, possessives, titles, run-on words, joined names."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ... import lexicon
from .. import places
from ..context import Context
from .mention import EntityMention

_CLITIC = ("'s", "’s", "'", "’")
_DEMONYM_SUFFIXES = ("an", "ian", "ese", "ish", "ite", "ites", "ic", "ern", "i")


def clean_span(ent: SpacySpan) -> SpacySpan | None:
    """Trim a leading determiner, a trailing possessive or punctuation; cut at an inner possessive.

    "Fox News Channel’s The Kelly File" is the channel's show: the owner is the entity.
    An entity that starts with a possessive clitic ("’s Note") is a fragment: None.
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    if doc[start].lower_ in _CLITIC:
        return None
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in ("'s", "’s") and doc[i + 1].is_title:
            end = i
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in _CLITIC):
        end -= 1
    return doc[start:end] if end > start else None


_DASHES = ("-", "–", "—", "--")
# words that never stand inside a person's or a place's name: spaCy ran two names together
_RUN_ON = {"at", "in", "v", "vs", "vs.", "versus", "c", "b", "st", "lbw"}  # and a scorecard's "c X b Y"


def split_run_on(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Entities cut where spaCy ran a name on past its end.

    A name never crosses a line break ("American League\nCalifornia": a
    table heading and a row).  A spaced dash ends a kicker or a seed number
    ("Cricket - Surrey" of "CRICKET - SURREY BEAT KENT", "2 - Michael
    Chang"): the name is what follows.  A person or place never holds "at",
    "in" or "v": "Durham at Chelmsford" is two names.
    """
    out = []
    for s0, e0, label in ents:
        pieces = []
        start = s0
        for i in range(s0, e0):
            if doc[i].text in ("(", ")", "[", "]"):  # "Marseille 1 (Gravelaine": a bracket ends a name
                pieces.append((start, i))
                start = i + 1
            elif "\n" in doc[i].text or "\n" in doc[i].whitespace_ or "\r" in doc[i].text:
                end = i if doc[i].is_space else i + 1
                pieces.append((start, end))
                start = i + 1
        pieces.append((start, e0))
        dashed = []
        for s, e in pieces:  # "Valletta - Gilbert Agius": two names; "Cricket - Surrey": a kicker, then a name
            for i in range(s + 1, e - 1):
                t = doc[i]
                if t.text in _DASHES and t.whitespace_ and doc[i - 1].whitespace_:
                    if not (i - s == 1 and doc[s].lower_ in lexicon.words("lower_words.txt")):
                        dashed.append((s, i))
                    s = i + 1
            dashed.append((s, e))
        for s, e in dashed:
            start = s
            for i in range(s + 1, e - 1):
                if _runs_on(doc[i], label):
                    out.append((start, i, label))
                    start = i + 1
            s = start
            if e > s:
                out.append((s, e, label))
    return out


def _runs_on(tok: Token, label: str) -> bool:
    """A word inside an entity that no name of its kind holds, so spaCy ran two names together: a
    verb in any name ("Garrett hit Rudolph"), a preposition in a person's ("American Music Awards
    after Swift"), "at", "in" or "v" in a person's or a place's ("Durham at Chelmsford")."""
    if not tok.is_lower or not tok.is_alpha:
        return tok.text in _RUN_ON and label in ("PERSON", "GPE", "LOC", "FAC")
    if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "VBN":  # not "United" of a participle name
        return True
    if label == "PERSON" and tok.pos_ in ("ADP", "SCONJ") and tok.lower_ not in _PARTICLES:
        return True
    return tok.text in _RUN_ON and label in ("PERSON", "GPE", "LOC", "FAC")


def _is_number(tok: Token) -> bool:
    """A score, a figure, a date or a minute ("83", "4-1", "1,806", "1996-08-21", "54th"): no letters but a
    digit, or digits with an ordinal ending."""
    t = tok.text
    if any(ch.isdigit() for ch in t) and not any(ch.isalpha() for ch in t):
        return True
    return t[:-2].isdigit() and t[-2:].lower() in ("st", "nd", "rd", "th")


def trim_numbers(span: SpacySpan) -> SpacySpan | None:
    """Cut scores, figures and dates a table ran onto a name ("Somerset 83", "Hungary 1", "BUDAPEST
    1996-08-21", "Cocu 54th") and a leading seed or rank ("15 - Marc Rosset").

    A name that is only a number and a word is kept whole when the number reads as part of it:
    a bare integer followed by a lower-case word ("Radio 4 said").
    """
    doc = span.doc
    start, end = span.start, span.end
    if end - start == 2 and _is_number(doc[start]) and not doc[start].text.isdigit() \
            and places.head_kind(span.text) == "site":
        return span  # "6th Avenue": an ordinal that is part of a street's name
    while start < end and (_is_number(doc[start]) or doc[start].text in _DASHES or doc[start].is_punct):
        start += 1
    while end > start + 1 and (_is_number(doc[end - 1]) or doc[end - 1].text in _DASHES):
        t = doc[end - 1]
        nxt = doc[end] if end < len(doc) else None
        if t.text.isdigit() and nxt is not None and nxt.is_lower and nxt.is_alpha and nxt.lower_ not in ("and", "for") \
                and doc[end - 2].is_alpha:  # "Radio 4 said", not the score of "drew Iceland 0-0 in"
            break
        end -= 1
    return doc[start:end] if end > start else None


def is_title_part(span: SpacySpan) -> bool:
    """Words of a title, not a name: "State" of "Secretary of State Kerry", "Attorney" of "Attorney General
    Lynch"."""
    titles = lexicon.words("titles.txt")
    doc = span.doc
    if all(t.lower_ in titles for t in span):
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in titles:
        nxt = doc[span.end] if span.end < len(doc) else None
        return nxt is not None and (nxt.ent_type_ == "PERSON" or nxt.is_title) and places.lookup(span.text) is None
    return False


_ACRONYM_MAX = 5


def is_acronym(text: str) -> bool:
    """A short all-capital name ("GCHQ", "OPEC", "U.N."), in the input's own case: never a person."""
    letters = [ch for ch in text if ch.isalpha()]
    return " " not in text.strip() and 2 <= len(letters) <= _ACRONYM_MAX and all(ch.isupper() for ch in letters)


def is_not_entity(span: SpacySpan) -> bool:
    """Religions and ideologies ("Buddhism", "Islam") and the names of works, shows and events ("the Game of
    Thrones series"), and of machines and craft the tagger took for people ("the Hazel Hen
    supercomputer"): not people, places or organizations."""
    last = span.doc[span.end - 1].lower_
    if len(span) == 1 and last.endswith("ism") and len(last) > 5:
        return True
    if span.text.casefold() in lexicon.words("not_entities.txt"):
        return True
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is None or nxt.pos_ != "NOUN" or nxt.i != span.root.head.i:
        return False
    return nxt.lower_ in lexicon.words("work_nouns.txt") or (
        any(t.ent_type_ == "PERSON" for t in span) and nxt.lower_ in lexicon.words("thing_nouns.txt"))


def is_title_word(tok: Token) -> bool:
    return tok.lower_ in lexicon.words("titles.txt") and (tok.is_title or tok.text[:1].isupper())


_DEMONYM_STEMS = {"ian": ("e", "a", "ia", ""), "ese": ("a", ""), "ean": ("ea", "e", "a", "")}


def is_demonym(span: SpacySpan) -> bool:
    """A one-word name unknown to the gazetteer made from a country's name by a demonym ending
    ("Ukrainian" of Ukraine, "Brazilian", "Chinese"): a person or an adjective, never a place."""
    word = span.text
    if len(span) != 1 or places.lookup(word) is not None:
        return False
    for suffix, endings in _DEMONYM_STEMS.items():
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            for end in endings:
                info = places.lookup(stem + end)
                if info is not None and info.kind == "country":
                    return True
    return False


def is_demonym_modifier(span: SpacySpan) -> bool:
    """"Alawite minority", "Middle Eastern migrants": an adjective of origin, not a place or body."""
    last = span.doc[span.end - 1]
    word = last.lower_.split("-")[-1]
    if not word.endswith(_DEMONYM_SUFFIXES) or places.lookup(span.text) is not None:
        return False
    root = span.root
    return root.dep_ in ("amod", "compound") and root.head.i >= span.end and root.head.pos_ == "NOUN"


def titles_before(span: SpacySpan) -> tuple[int, list[str]]:
    """Title words inside or right before a person span ("Interim President Ahmed Al-Sharaa").

    Returns the index where the name proper starts and the titles found.
    """
    titles = lexicon.words("titles.txt")
    doc = span.doc
    start = span.start
    # titles spaCy included in the entity
    while start < span.end - 1 and doc[start].lower_ in titles:
        start += 1
    inner = doc[span.start:start].text if start > span.start else ""
    # a title phrase right before the entity: the compound/amod run leading to it
    i = span.start
    j = i
    while j > 0 and doc[j - 1].dep_ in ("compound", "amod", "nmod") and doc[j - 1].head.i >= j - 1 \
            and doc[j - 1].pos_ in ("NOUN", "PROPN", "ADJ") and doc[j - 1].ent_type_ != "PERSON":
        j -= 1
    outer = ""
    if j < i and any(t.lower_ in titles for t in doc[j:i]):
        outer = doc[j:i].text
    found = [t for t in (outer + (" " + inner if inner and outer else inner)).split("\n") if t.strip()]
    # appositions: "Ahmed Al-Sharaa, the interim president"
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and any(t.lower_ in titles for t in child.subtree) \
                and not any(t.ent_type_ == "PERSON" for t in child.subtree):  # another person, not a role
            sub = [t for t in child.subtree if t.i >= span.end]
            while sub and sub[0].lower_ in ("the", "a", "an", ","):
                sub = sub[1:]
            if sub and len(sub) <= 8:
                found.append(doc[sub[0].i: sub[-1].i + 1].text)
    return start, [" ".join(f.split()) for f in found]


_POLL_WORDS = ("poll", "survey")


_PARTICLES = {"de", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "la", "le", "du",
              "al", "el", "bin", "ibn", "ben", "ter", "zu"}


def trim_person(span: SpacySpan) -> SpacySpan:
    """Cut what spaCy ran on past a name: a number ("Marco Rubio 3") or a place ("Ted Cruz South Carolina"),
    and a lower-case word before it that is neither a title nor a particle ("rookie Emil Bemstrom")."""
    doc = span.doc
    start = span.start
    titles = lexicon.words("titles.txt")
    while start < span.end - 1 and doc[start].is_lower and doc[start].is_alpha \
            and doc[start].lower_ not in titles and doc[start].lower_ not in _PARTICLES:
        start += 1
    span = doc[start:span.end]
    end = span.end
    while end > span.start + 1 and (doc[end - 1].like_num or not doc[end - 1].text[:1].isalpha()):
        end -= 1
    for k in range(span.start + 2, end - 1):  # "Aleksandra Olsza of Poland"
        if doc[k].lower_ == "of" and places.lookup(doc[k + 1:end].text) is not None:
            end = k
            break
    for k in range(span.start + 2, end):
        info = places.lookup(doc[k:end].text)
        if info is not None and info.kind in ("country", "region"):
            end = k
            break
    return doc[span.start:end]


def split_joint(span: SpacySpan, ctx: Context) -> list[EntityMention]:
    """"Suffolk University/Boston Globe Poll": two organizations, and a poll is not one."""
    out = []
    text = ctx.text[span.start_char:span.end_char]
    pos = 0
    for part in text.split("/"):
        a, b = pos, pos + len(part)
        pos = b + 1
        words = part[: b - a].split()
        while words and words[-1].casefold() in _POLL_WORDS:
            b = a + part.rstrip().rfind(words[-1]) - 1 if len(words) > 1 else a
            words = words[:-1]
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        seg = seg.strip()
        if not seg or not any(ch.isupper() for ch in seg):
            continue
        s = ctx.base + span.start_char + a + lead
        if ctx.furniture.overlaps(s, s + len(seg)):
            continue
        local = s - ctx.base
        name = ctx.as_read(local, local + len(seg))  # "Los Angeles Times\nDaybreak" wrapped: one space
        out.append(EntityMention(s, s + len(seg), name, "organization", ctx.sentence_of(span.start),
                                 source=seg if name != seg else None))
    return out
