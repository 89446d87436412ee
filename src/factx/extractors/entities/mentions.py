"""Pass 1: the mentions of a parsed ``Doc``.

spaCy's PERSON / GPE / LOC / FAC / ORG spans, cleaned (see ``cleaning``),
plus names after an honorific that spaCy missed ("Mr. D’Souza") as people,
and untagged capitalised names as *candidates* that later join an entity
found elsewhere under the same form.  Mentions inside page furniture, common
words, handles and demonyms used as adjectives ("Alawite minority") are
dropped; headline words and capitals are marked weak.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ... import lexicon
from .. import places
from ..context import Context
from .cleaning import (
    clean_span,
    is_acronym,
    is_demonym_modifier,
    is_not_entity,
    is_title_part,
    is_title_word,
    split_joint,
    split_run_on,
    titles_before,
    trim_numbers,
    trim_person,
)
from .headlines import MARKUP, headline_lines, in_ranges, shouted
from .mention import KIND_OF_LABEL, EntityMention
from .names import first_name_gender
from .roles import Roles, find_roles, is_club_name, kind_of_role, role_of


def _merged_ents(doc: Doc) -> list[tuple[int, int, str]]:
    """spaCy's entities as (start, end, label), with "ORG for/of the ORG" joined into one organization."""
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    out: list[tuple[int, int, str]] = []
    for s, e, label in ents:
        if out and label == "ORG" and out[-1][2] == "ORG":
            ps, pe, _ = out[-1]
            gap = [t.lower_ for t in doc[pe:s]]
            if gap in (["for", "the"], ["of", "the"], ["for"], ["of"]):
                out[-1] = (ps, e, "ORG")
                continue
        out.append((s, e, label))
    return out


def _name_tokens(doc: Doc) -> list[bool]:
    """Per token: could it be part of a capitalised name?  Read once per doc (this runs over
    every token of every input)."""
    return [t.tag_ in ("NNP", "NNPS") and t.text[:1].isupper() and not is_title_word(t)
            and t.ent_type_ in ("", "PERSON", "ORG", "GPE", "NORP") for t in doc]


def _name_run(name_tok: list[bool], i: int, taken: set[int]) -> int:
    """End of the run of capitalised name tokens starting at ``i`` (``i`` when there is none)."""
    j = i
    while j < len(name_tok) and j not in taken and name_tok[j]:
        j += 1
    return j


def _common_word_person(span: SpacySpan, kind: str | None) -> bool:
    """A one-word "person" that is a common word ("Attendance", "Bowling" heading a table line): weak, so
    it stands only by joining a full name ("Damon Hill" ... "Hill")."""
    return kind == "person" and len(span) == 1 and span[0].lower_ in lexicon.words("lower_words.txt") \
        and first_name_gender(span.text) is None


def _widened(ents: list[tuple[int, int, str]], roles: Roles) -> list[tuple[int, int, str]]:
    """spaCy's entities widened to the name the layout placed around them ("Carlsson" of "Asa Carlsson
    (Sweden) beat ..."), when no other entity starts inside that name."""
    if not roles.spans:
        return ents
    span_at = {i: (a, b) for a, b, _role in roles.spans for i in range(a, b)}
    starts = {s for s, _, _ in ents}
    out = []
    for s, e, label in ents:
        ab = span_at.get(s)
        if ab is not None:
            a, b = ab
            if a <= s and e <= b and (a, b) != (s, e) and not any(i in starts for i in range(a, b) if i != s):
                s, e = a, b
        out.append((s, e, label))
    return out


def _without_common_tail(span: SpacySpan) -> SpacySpan:
    """An organization's name without the lower-case common nouns spaCy ran on ("Xinhua news agency")."""
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].is_lower and span.doc[end - 1].is_alpha:
        end -= 1
    return span.doc[span.start:end]


def _with_cut_surname(span: SpacySpan) -> SpacySpan:
    """A person's name with the untagged capitalised word spaCy cut off its end when the parse
    makes the name a compound of it ("Paolo Ventresca" + "Landi")."""
    doc = span.doc
    end = span.end
    while end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end \
            and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and doc[end].is_alpha \
            and doc[end].ent_type_ not in (*KIND_OF_LABEL, "NORP") and doc[end - 1].whitespace_ \
            and not is_title_word(doc[end]):
        end += 1
    return doc[span.start:end] if end > span.end else span


def _joined_name(span: SpacySpan) -> SpacySpan | None:
    """The untagged name joined to an organization by a hyphen ("Ipsos" of "Reuters-Ipsos"), if any."""
    doc = span.doc
    i = span.end
    if i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
            and doc[i + 1].text[:1].isupper() and doc[i + 1].is_alpha and not doc[i + 1].ent_type_:
        return doc[i + 1:i + 2]
    return None


def _candidate_kind(span: SpacySpan, roles: Roles) -> str | None:
    """The kind of an untagged name when its context or the gazetteer gives one, else None (a candidate)."""
    role, by_layout = role_of(span, roles)
    if role is not None:
        return kind_of_role(role, span, None, by_layout)
    info = places.lookup(span.text)
    if info is not None and info.kind in ("country", "region") and not span[0].is_sent_start:
        return "place"
    return None


def find_mentions(doc: Doc, ctx: Context | None = None) -> list[EntityMention]:
    """Named-entity mentions of ``doc`` outside page furniture, cleaned, in text order.

    Besides spaCy's entities it returns names after an honorific that spaCy
    missed ("Mr. D’Souza") as people, and untagged capitalised names as
    candidates for ``build_entities`` to attach to entities found elsewhere.
    """
    ctx = ctx or Context(doc)
    heads = headline_lines(ctx.reading) if ctx.base == 0 else []
    out: list[EntityMention] = []
    taken: set[int] = set()

    roles = find_roles(doc, ctx)

    def add(span: SpacySpan, kind: str | None, titles: list[str], evidence: int, hon: str | None) -> None:
        if not any(ch.isupper() for ch in span.text):  # "weekends", "navy": common words
            return
        if MARKUP.search(span.text) or is_not_entity(span):  # handles and markup: "@jdoe", "W]e"; months
            return
        s, e = ctx.global_range(span)
        if ctx.furniture.overlaps(s, e):
            return
        role, by_layout = role_of(span, roles)
        weak = in_ranges(heads, span.start_char, span.end_char) or (role is None and not any(
            t.tag_ in ("NNP", "NNPS") for t in span)) or shouted(span.text) or _common_word_person(span, kind)
        role_kind = None if role is None else kind_of_role(role, span, kind, by_layout)
        # the input's own characters: the parser may have read the line in other case (see truecase);
        # the name as read when it crosses a wrap break ("John\nSmith" is "John Smith")
        own = ctx.text[span.start_char:span.end_char]
        name = ctx.as_read(span.start_char, span.end_char)
        out.append(EntityMention(s, e, name, kind, ctx.sentence_of(span.start), titles, weak, evidence, hon,
                                 role_kind, own if own != name else None))
        taken.update(range(span.start, span.end))

    for s0, e0, label in _widened(split_run_on(doc, _merged_ents(doc)), roles):
        kind = KIND_OF_LABEL.get(label)
        if kind is None:
            continue
        span = clean_span(doc[s0:e0])
        span = trim_numbers(span) if span is not None else None
        if span is None or not any(ch.isalpha() for ch in span.text):
            continue
        if is_not_entity(span) or (kind != "person" and is_title_part(span)):
            continue
        if kind == "person" and len(span) > 1 and span[-1].lower_ in lexicon.words("org_words.txt") \
                and first_name_gender(span[0].text) is None:
            kind = "organization"  # "Israel Radio", "Paris Newsroom", "General Motors"
        if kind == "person" and roles.sports and len(span) > 1 and is_club_name(span):
            kind = "organization"  # "Sheffield United", "Ajax Amsterdam" in a sports report
        if kind == "person" and is_acronym(ctx.text[span.start_char:span.end_char]):
            kind = "place" if places.lookup(span.text) is not None else "organization"  # "GCHQ", never a person
        if is_demonym_modifier(span) and (kind != "person" or (
                len(span) == 1 and first_name_gender(span.text) is None)):
            continue
        if len(span) == 1 and span[0].lower_ + "." in lexicon.words("titles.txt"):
            continue  # "Pres" of "Pres. Obama": an abbreviated title, not a name
        titles: list[str] = []
        evidence = 0
        hon = None
        prev = doc[span.start - 1] if span.start > 0 else None
        if kind != "person" and prev is not None and is_title_word(prev) and places.lookup(span.text) is None:
            kind = "person"  # "President Al-Sharaa" whatever spaCy's label
        if kind == "person":
            span = _with_cut_surname(trim_person(span))
            if span.text.casefold() in lexicon.words("platforms.txt"):
                kind = "organization"  # "Twitter" is a company, not a person
        if kind == "person":
            start, titles = titles_before(span)
            if start > span.start or (prev is not None and is_title_word(prev)):
                evidence += 2
                hs = span.start if start > span.start else span.start - 1
                hon = ctx.as_read(doc[hs].idx, span.end_char)
            span = doc[start:span.end]
        if len(span) > 1 and len(span[0]) > 2 and first_name_gender(span[0].text) \
                and places.lookup(span.text) is None and not any(t.lower_ in lexicon.words("org_words.txt")
                                                                 for t in span):
            evidence += 1
        if len(span) == 1 and kind != "person" and span.end < len(doc) and doc[span.end].is_title \
                and doc[span.end].ent_type_ not in ("", label) and places.lookup(span.text) is None:
            continue  # "Super" of "Super Tuesday": spaCy cut a longer name in two
        if kind == "organization":
            span = _without_common_tail(span)  # "Interfax news agency": the name is "Interfax"
            joined = _joined_name(span)  # "Reuters-Ipsos poll": two organizations
            if joined is not None:
                add(joined, "place" if places.lookup(joined.text) is not None else "organization", [], 0, None)
        if kind == "organization" and "/" in span.text:
            for piece in split_joint(span, ctx):
                out.append(piece)
            taken.update(range(span.start, span.end))
            continue
        add(span, kind, titles, evidence, hon)
    # names placed by the layout that spaCy left untagged: table rows, fixtures, datelines
    for a, b, role in roles.spans:
        if not any(i in taken for i in range(a, b)):
            span = clean_span(doc[a:b])
            if span is not None:
                add(span, kind_of_role(role, span, None, True), [], 0, None)
    # names after a title or honorific that spaCy left untagged: "Mr. D’Souza", "Judge Berman"
    name_tok = _name_tokens(doc)
    titles = lexicon.words("titles.txt")
    for i in [i for i, low in enumerate(doc.to_array([LOWER]).tolist() if len(doc) else [])
              if doc.vocab.strings[low] in titles]:
        tok = doc[i]
        if tok.i in taken or not is_title_word(tok) or tok.i + 1 >= len(doc):
            continue
        end = _name_run(name_tok, tok.i + 1, taken)
        if end > tok.i + 1:
            span = clean_span(doc[tok.i + 1:end])
            if span is not None:
                add(span, "person", [tok.text], 2, ctx.as_read(tok.idx, span.end_char))
    # candidates: other capitalised names, attached later only to entities found elsewhere, unless
    # their context or the gazetteer says what they are ("England beat Ireland": a national side)
    i = 0
    while i < len(doc):
        end = _name_run(name_tok, i, taken)
        if end > i:
            span = clean_span(doc[i:end])
            if span is not None:
                add(span, _candidate_kind(span, roles), [], 0, None)
            i = end
        else:
            i += 1
    out.sort(key=lambda m: m.start)
    return out
