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
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ... import lexicon
from .. import places
from ..context import Context
from .cleaning import (
    clean_span,
    is_acronym,
    is_demonym,
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
from .legal import with_legal_form
from .mention import KIND_OF_LABEL, EntityMention
from .names import first_name_gender, is_first_name
from .people import coordinated_person, place_before_person, untagged_person, with_first_name, with_hyphen_tail
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
    (Sweden) beat ..."), when no other entity starts inside that name, or joined into it when all of
    them lie inside ("ST" and "JOSEPH" of the dateline "ST. JOSEPH, Mich.")."""
    if not roles.spans:
        return ents
    span_at = {i: (a, b) for a, b, _role in roles.spans for i in range(a, b)}
    out: list[tuple[int, int, str]] = []
    for s, e, label in ents:
        ab = span_at.get(s)
        if ab is not None:
            a, b = ab
            inside = [x for x in ents if a <= x[0] < b]
            if a <= s and e <= b and (a, b) != (s, e) and all(x[1] <= b for x in inside):
                if out and (out[-1][0], out[-1][1]) == (a, b):
                    continue  # a later piece of a name already joined
                s, e = a, b
        out.append((s, e, label))
    return out


_OTHER_LABELS = {"PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
_KNOWN_CITY = 100_000


def _country(span: SpacySpan) -> bool:
    """A country the gazetteer knows, whose name is no common word nor first name ("England", not
    "Turkey", "Chad" or "Jordan"): a place even opening a sentence or under another label."""
    info = places.lookup(span.text)
    return info is not None and info.kind == "country" and not (
        len(span) == 1 and (span[0].lower_ in lexicon.words("lower_words.txt") or is_first_name(span.text)))


def _unit_after_number(span: SpacySpan) -> bool:
    """A unit written in capitals after a number ("8.69 GW", "3 MW"), not a body's acronym."""
    return len(span) == 1 and span.start > 0 and span.doc[span.start - 1].like_num \
        and span[0].lower_ in lexicon.mapping("units.txt")


def _sentence_adjective(tok: Token) -> bool:
    """A title word opening a sentence that news also writes in lower case as an adjective ("Major",
    "General"): capitalised only by its place."""
    return tok.is_sent_start and tok.pos_ == "ADJ" and tok.lower_ in lexicon.words("lower_words.txt")


def _without_common_tail(span: SpacySpan) -> SpacySpan:
    """An organization's name without the lower-case common nouns spaCy ran on ("Xinhua news agency")."""
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].is_lower and span.doc[end - 1].is_alpha:
        end -= 1
    return span.doc[span.start:end]


def _with_cut_word(span: SpacySpan) -> SpacySpan:
    """A body's or a place's name with the one untagged capitalised word spaCy cut off its end, when
    both qualify the common noun after them ("WoodSpring" + "Suites" of "the WoodSpring Suites hotel")."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end + 1].is_lower and doc[end + 1].pos_ == "NOUN" \
            and doc[end].head.i == end + 1 and span.root.head.i in (end, end + 1) and not doc[end].ent_type_:
        wide = _with_cut_surname(span)
        return wide if wide.end == end + 1 else span
    return span


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
    if info is not None and info.kind in ("country", "region") and (
            not span[0].is_sent_start or _country(span)):
        return "place"
    if info is not None and info.kind == "city" and info.population >= _KNOWN_CITY and span.start > 0 \
            and span.doc[span.start - 1].lower_ in ("in", "near"):
        return "place"  # "lunch with Sondland in Kyiv"
    if untagged_person(span):
        return "person"
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

    def add(span: SpacySpan, kind: str | None, titles: list[str], evidence: int, hon: str | None,
            said: str | None = None) -> None:
        if not any(ch.isupper() for ch in span.text):  # "weekends", "navy": common words
            return
        if MARKUP.search(span.text) or is_not_entity(span):  # handles and markup: "@jdoe", "W]e"; months
            return
        s, e = ctx.global_range(span)
        if ctx.furniture.overlaps(s, e):
            return
        role, by_layout = role_of(span, roles)
        weak = in_ranges(heads, span.start_char, span.end_char) or (role is None and not any(
            t.tag_ in ("NNP", "NNPS") for t in span)) or (shouted(span.text) and not by_layout) \
            or _common_word_person(span, kind)
        role_kind = said if role is None else kind_of_role(role, span, kind, by_layout)
        # the input's own characters: the parser may have read the line in other case (see truecase);
        # the name as read when it crosses a wrap break ("John\nSmith" is "John Smith")
        own = ctx.text[span.start_char:span.end_char]
        name = ctx.as_read(span.start_char, span.end_char)
        out.append(EntityMention(s, e, name, kind, ctx.sentence_of(span.start), titles, weak, evidence, hon,
                                 role_kind, own if own != name else None))
        taken.update(range(span.start, span.end))

    swallowed: set[int] = set()
    for s0, e0, label in _widened(split_run_on(doc, _merged_ents(doc)), roles):
        kind = KIND_OF_LABEL.get(label)
        if kind is None and label not in _OTHER_LABELS:
            continue
        span = clean_span(doc[s0:e0])
        span = trim_numbers(span) if span is not None else None
        if span is None or not any(ch.isalpha() for ch in span.text):
            continue
        if any(i in swallowed for i in range(span.start, span.end)):
            continue  # "Bergstrom" of "Marcus Bergstrom GmbH", taken with the company's name
        company = with_legal_form(span, ctx.text)
        if company is not None:  # "Talanx AG", "Novo Nordisk A/S": a company's, whatever the tagger said
            span, kind = company, "organization"
            swallowed.update(range(span.start, span.end))
        if kind is None:  # "beat Gibraltar 6-0" tagged as a product: a country is a place whatever its label
            if not _country(span):
                continue
            kind = "place"
        if kind == "place" and is_demonym(span):
            continue  # "told the Ukrainian": a person of a country, not a place
        if is_not_entity(span) or (kind != "person" and is_title_part(span)) or _unit_after_number(span):
            continue
        if kind != "person":
            parts = place_before_person(span)
            if parts is not None:  # "envoy to Ukraine Kurt Volker" tagged as one body
                add(parts[0], "place", [], 0, None)
                span, kind = parts[1], "person"
            elif coordinated_person(span):
                kind = "person"  # "Eric Robinson and Boone Jenner also scored"
        wide = with_first_name(span)
        if wide is not None:
            span, kind = wide, "person"  # "Anders Nilsson", tagged as the body "Nilsson"
        if kind == "person" and len(span) > 1 and (span[-1].lower_ in lexicon.words("firm_words.txt") or (
                span[-1].lower_ in lexicon.words("org_words.txt") and first_name_gender(span[0].text) is None)):
            kind = "organization"  # "Israel Radio", "Paris Newsroom", "General Motors", "Dick Clark Productions"
        if kind == "person" and roles.sports and len(span) > 1 and is_club_name(span):
            kind = "organization"  # "Sheffield United", "Ajax Amsterdam" in a sports report
        if kind == "person" and roles.sports and len(span) == 1 and span[0].tag_ == "NNPS" \
                and not is_first_name(span.text) and places.lookup(span.text) is None:
            kind = "organization"  # "the Steelers": a plural proper noun in a sports report is a team
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
        if kind != "person" and prev is not None and is_title_word(prev) and places.lookup(span.text) is None \
                and span[-1].lower_ not in lexicon.words("org_words.txt") and not _sentence_adjective(prev):
            kind = "person"  # "President Al-Sharaa" whatever spaCy's label; not "Former National Security
            # Council official", nor "Major WeWork investor" (a common adjective opening a sentence)
        if kind == "person":
            span = with_hyphen_tail(_with_cut_surname(trim_person(span)))
            if is_not_entity(span):
                continue  # "Hazel" + "Hen" of "the Hazel Hen supercomputer"
            if span.text.casefold() in lexicon.words("platforms.txt"):
                kind = "organization"  # "Twitter" is a company, not a person
        if kind == "person":
            start, titles = titles_before(span)
            if start > span.start or (prev is not None and is_title_word(prev) and not _sentence_adjective(prev)):
                evidence += 2
                hs = span.start if start > span.start else span.start - 1
                hon = ctx.as_read(doc[hs].idx, span.end_char)
            span = doc[start:span.end]
        if len(span) > 1 and len(span[0]) > 2 and first_name_gender(span[0].text) \
                and places.lookup(span.text) is None and not any(
                    t.lower_ in lexicon.words("org_words.txt") or t.lower_ in lexicon.words("firm_words.txt")
                    for t in span):
            evidence += 1
        if len(span) == 1 and kind != "person" and span.end < len(doc) and doc[span.end].is_title \
                and doc[span.end].ent_type_ not in ("", label) and places.lookup(span.text) is None:
            continue  # "Super" of "Super Tuesday": spaCy cut a longer name in two
        if kind != "person":
            span = _with_cut_word(span)  # "WoodSpring" + "Suites" of "the WoodSpring Suites hotel"
        if kind == "organization":
            span = _without_common_tail(span)  # "Interfax news agency": the name is "Interfax"
            joined = _joined_name(span)  # "Reuters-Ipsos poll": two organizations
            if joined is not None:
                add(joined, "place" if places.lookup(joined.text) is not None else "organization", [], 0, None)
        if kind == "organization" and "/" in span.text and company is None:  # "A/S" is no joint name
            for piece in split_joint(span, ctx):
                out.append(piece)
            taken.update(range(span.start, span.end))
            continue
        add(span, kind, titles, evidence, hon, "organization" if company is not None else None)
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
                kind = _candidate_kind(span, roles)
                company = with_legal_form(span, ctx.text)
                if company is not None and not any(i in taken for i in range(company.start, company.end)):
                    span, kind = company, "organization"
                    end = max(end, span.end)
                add(span, kind, [], int(kind == "person"), None, "organization" if company is not None else None)
            i = end
        else:
            i += 1
    out.sort(key=lambda m: m.start)
    return out
