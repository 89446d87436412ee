"""Figures: numbers that state a fact, with value, unit, what they count and what happened.

Method: candidates are spaCy's numeric entities (CARDINAL, MONEY, PERCENT,
QUANTITY) and number-like tokens outside any other entity; each is widened
to its qualifier ("approximately"), currency sign and unit words, and trimmed
of the counted noun.  The value is parsed from digits, scale words
("1.5 million", "$3bn") and number words (text2num).  The counted noun comes
from the dependency parse: the noun the number modifies, its "of"
complement, or the subject the number is predicated of ("death toll rises to
1,311").  See GOLD_FORMAT.md, section Figures, for what is and is not a figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from itertools import pairwise

from spacy.tokens import Doc, Token
from text_to_num import text2num

from .. import lexicon
from ..models import Figure
from .context import Context

NUMERIC_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
# entity types whose numbers are never figures (dates, ranks, names)
NON_FIGURE_LABELS = frozenset({"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC",
                               "LAW", "EVENT", "PRODUCT", "WORK_OF_ART", "NORP", "LANGUAGE"})
EVENT_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp"})
_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_MONEY_ABBR = re.compile(r"^(?P<num>\d+(?:\.\d+)?)(?P<scale>bn|m|mn|k|tn|b)$", re.I)


def _qualifiers() -> list[list[str]]:
    return sorted((q.split() for q in lexicon.words("qualifiers.txt")), key=len, reverse=True)


def _is_number_token(tok: Token) -> bool:
    low = tok.lower_
    return bool(_DIGITS.match(tok.text) or _MONEY_ABBR.match(tok.text) or tok.like_num
                or low in lexicon.mapping("vague_numbers.txt") or low in lexicon.mapping("number_words.txt"))


def _word_value(words: list[str]) -> float | None:
    """Value of number words ("forty-five", "two hundred"), via text2num."""
    phrase = " ".join(words).replace("-", " ")
    try:
        return float(text2num(phrase, "en"))
    except ValueError:
        return None


def parse_value(tokens: list[Token]) -> tuple[float | None, float | None]:
    """(value, low) of the number tokens; value None when vague (low then set)."""
    vague = lexicon.mapping("vague_numbers.txt")
    scales = lexicon.mapping("magnitudes.txt")
    extra = lexicon.mapping("number_words.txt")
    value: float | None = None
    words: list[str] = []
    for tok in tokens:
        low = tok.lower_
        if low in vague and value is None and not words:
            return None, float(vague[low])
        m = _MONEY_ABBR.match(tok.text)
        if _DIGITS.match(tok.text):
            value = float(tok.text.replace(",", ""))
        elif m:
            value = float(m.group("num")) * float(scales[m.group("scale").lower()])
        elif low in scales and value is not None:
            value *= float(scales[low])
        elif low in extra:
            value = (value or 1.0) * float(extra[low])
        elif tok.like_num or low in scales:
            words.append(low)
    if words:
        w = _word_value(words)
        if w is not None:
            value = w if value is None else value * w
    return value, None


def _unit_of(tokens: list[Token]) -> tuple[str | None, float]:
    """(unit, factor) from currency signs and unit words inside or right after the span."""
    currencies = lexicon.mapping("currencies.txt")
    units = lexicon.mapping("units.txt")
    for tok in tokens:
        low = tok.lower_
        if low in ("cent", "cents") or (low == "p" and tok.i > 0 and tok.doc[tok.i - 1].like_num):
            return currencies[low], 0.01
        if low in currencies and (not low.isalpha() or tok.pos_ in ("NOUN", "PROPN", "SYM", "X")):
            return currencies[low], 1.0
        if low in units:
            return units[low], 1.0
    return None, 1.0


CONNECTORS = frozenset({"to", "and", "or", "-", "–", "—", "(", ")", "between", "from", "vs.", "versus", ",", ";"})
RANGE_OPENERS = {"between": "and", "from": "to"}


def _candidate_groups(doc: Doc) -> Iterator[list[Token]]:
    """Runs of tokens that hold a number, numeric entities first, split at connectors.

    spaCy sometimes puts two figures in one entity ("54 percent to 46
    percent", "$1.3bn (£691m)"): entities are cut at connecting words and
    brackets, and ranges are put back together later by explicit rules.
    """
    used: set[int] = set()
    groups: list[list[Token]] = []
    for ent in doc.ents:
        if ent.label_ in NUMERIC_LABELS or (ent.label_ == "DATE" and _not_a_date(ent)):
            used.update(t.i for t in ent)
            groups.extend(_split(list(ent)))
    run: list[Token] = []
    for tok in doc:
        if tok.i in used or tok.ent_type_ in NON_FIGURE_LABELS:
            if run:
                groups.append(run)
                run = []
            continue
        joined_hyphen = (run and tok.text == "-" and tok.whitespace_ == "" and tok.i + 1 < len(doc)
                         and _is_number_token(doc[tok.i + 1]) and not doc[tok.i - 1].whitespace_)
        if _is_number_token(tok) or joined_hyphen or (run and tok.lower_ in lexicon.mapping("magnitudes.txt")):
            run.append(tok)
        elif run:
            groups.append(run)
            run = []
    if run:
        groups.append(run)
    yield from sorted(groups, key=lambda g: g[0].i)


def _not_a_date(ent) -> bool:
    """A DATE entity with no time word and no year is a count spaCy mislabelled."""
    times = lexicon.words("time_words.txt")
    return not any(t.lower_ in times or _is_year([t]) for t in ent) and any(_is_number_token(t) for t in ent)


def _split(tokens: list[Token]) -> list[list[Token]]:
    out: list[list[Token]] = [[]]
    for tok in tokens:
        hyphen_inside = tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
        if tok.lower_ in CONNECTORS and not hyphen_inside:
            out.append([])
        else:
            out[-1].append(tok)
    return [g for g in out if g]


def _is_identifier(tok: Token) -> bool:
    """Numbers inside names and identifiers: "F-16", "COVID-19", "Article 5", "part 3 of 3", "9/11"."""
    doc = tok.doc
    text = tok.text
    if re.search(r"\d", text) and re.search(r"[A-Za-z]", text) and not _MONEY_ABBR.match(text):
        return True
    if tok.i > 0:
        prev = doc[tok.i - 1]
        if prev.text in ("-", "/", "#", "No.") and tok.idx == prev.idx + len(prev.text) \
                and not (tok.i > 1 and _is_number_token(doc[tok.i - 2])):
            return True
        if prev.lower_ in lexicon.words("identifier_nouns.txt") or (
                prev.is_title and prev.pos_ == "PROPN" and not prev.ent_type_ and not prev.is_sent_start):
            return True
        # "part 3 of 3": the second number belongs to the identifier too
        if prev.lower_ == "of" and tok.i > 2 and doc[tok.i - 2].like_num and _is_identifier(doc[tok.i - 2]):
            return True
    # a number word written in title case inside a sentence is part of a name ("Gang of Eight")
    if tok.is_alpha and tok.is_title and not tok.is_sent_start and tok.i > 0 and not doc[tok.i - 1].is_punct:
        return True
    return tok.i + 1 < len(doc) and doc[tok.i + 1].text == "/" and tok.whitespace_ == ""


def _hyphen_compound(tok: Token) -> Token | None:
    """The word of an "N-word" compound ("5-point", "two-way"), if the number starts one."""
    doc = tok.doc
    if tok.whitespace_ == "" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" \
            and doc[tok.i + 1].whitespace_ == "" and doc[tok.i + 2].is_alpha:
        return doc[tok.i + 2]
    return None


def _is_pronoun_one(tok: Token) -> bool:
    """"one" as a pronoun or article ("one of the most", "One view is", "at one point").

    The guidelines count "one" only in narrow cases (optional "one of N",
    "a single"); a bare "one" is left out unless it carries a unit ("one-mile").
    """
    if tok.lower_ != "one":
        return False
    compound = _hyphen_compound(tok)
    return compound is None or compound.lower_ not in lexicon.words("hyphen_units.txt")


def _is_year(tokens: list[Token]) -> bool:
    if len(tokens) != 1:
        return False
    t = tokens[0].text
    return bool(re.fullmatch(r"(1[5-9]|20)\d\d", t))


def _counted(num: Token, span_end: int) -> str | None:
    """Head noun of what the number counts, from the parse."""
    doc = num.doc
    units = lexicon.mapping("units.txt")
    currencies = lexicon.mapping("currencies.txt")
    scales = lexicon.mapping("magnitudes.txt")

    def is_unit(t: Token) -> bool:
        return t.lower_ in units or t.lower_ in currencies or t.lower_ in scales or t.like_num

    def noun_phrase(t: Token) -> str:
        comps = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")
                 and c.i == t.i - 1]
        return " ".join([*(c.text for c in comps), t.text]).lower()

    head = num.head
    # "9,000 people", "$4.5 million bill": the number modifies the noun
    if num.dep_ in ("nummod", "quantmod", "compound", "amod"):
        while head.i < span_end and head.head.i != head.i and is_unit(head):
            head = head.head
        if head.pos_ in ("NOUN", "PROPN") and not is_unit(head) and head.i >= span_end - 1:
            return noun_phrase(head)
    # "45 percent of voters", "hundreds of civilians", "$180,000 in donations"
    for t in doc[num.i: min(len(doc), span_end + 1)]:
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "in") and child.i >= span_end \
                    and (child.lower_ == "of" or t.lower_ in currencies or t.ent_type_ == "MONEY"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs and objs[0].pos_ in ("NOUN", "PROPN") and not is_unit(objs[0]):
                    return noun_phrase(objs[0])
    # "death toll rises to 1,311": the number is the value of the verb's subject
    anchor = num
    while anchor.dep_ in ("nummod", "quantmod", "compound") and anchor.head.i < span_end:
        anchor = anchor.head
    # "crowds of 15,000": the number is what the noun before "of" amounts to
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ == "NOUN" \
            and anchor.head.head.i < num.i and not is_unit(anchor.head.head):
        return noun_phrase(anchor.head.head)
    if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep":
        verb = anchor.head.head
        if verb.pos_ in ("VERB", "AUX"):
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].pos_ == "NOUN":
                return noun_phrase(subj[0])
    if anchor.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") and anchor.pos_ in ("NOUN", "PROPN") \
            and not is_unit(anchor) and anchor.i >= span_end:
        return noun_phrase(anchor)
    return None


def _event(num: Token) -> str | None:
    """The verb (or adjective) saying what happened to what is counted."""
    t = num
    for _ in range(6):
        if t.pos_ in ("VERB",) and t.dep_ != "amod":
            return t.text.lower()
        if t.dep_ == "acl" and t.pos_ == "VERB":
            return t.text.lower()
        if t.head.i == t.i:
            break
        t = t.head
    return None


@dataclass
class _Draft:
    """A figure before it becomes a record: token range, numbers, parsed value and unit."""

    start: int
    end: int
    nums: list[Token]
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str | None


def _draft(doc: Doc, group: list[Token], qualifiers: list[list[str]]) -> _Draft | None:
    nums = [t for t in group if _is_number_token(t)]
    if not nums or any(_is_identifier(t) for t in nums) or _is_pronoun_one(nums[0]) or _is_year(nums):
        return None
    compound = _hyphen_compound(nums[-1])
    if compound is not None and compound.lower_ not in lexicon.words("hyphen_units.txt") \
            and compound.lower_ not in lexicon.mapping("units.txt"):
        return None  # idioms and ranks: "two-way street", "four-star general"
    first, last = group[0], group[-1]
    number_words = lexicon.mapping("number_words.txt")
    while first.i < nums[0].i and first.lower_ in ("the", "a", "an", "just", "only", "all") \
            and not (first.lower_ == "a" and doc[first.i + 1].lower_ in number_words):
        first = doc[first.i + 1]
    start_i, end_i = first.i, last.i + 1
    if start_i > 0 and doc[start_i - 1].lower_ == "a" and doc[start_i].lower_ in number_words:
        start_i -= 1  # "a dozen", "a half-dozen"
    while start_i > 0 and doc[start_i - 1].lower_ in lexicon.mapping("currencies.txt") \
            and not doc[start_i - 1].is_alpha:
        start_i -= 1
    if compound is not None:  # "5-point": the unit word is part of the span
        end_i = max(end_i, compound.i + 1)
    units = lexicon.mapping("units.txt")
    while end_i < len(doc) and (doc[end_i].lower_ in units or doc[end_i].lower_ == "cents"
                                or doc[end_i].lower_ in lexicon.mapping("magnitudes.txt")
                                or (doc[end_i].lower_ == "percentage" and end_i + 1 < len(doc)
                                    and doc[end_i + 1].lower_ in ("point", "points"))):
        end_i += 1
    if end_i < len(doc) and doc[end_i].lower_ in ("euros", "pounds", "dollars", "yen", "yuan", "rupees"):
        end_i += 1
    qualifier = None
    for q in qualifiers:
        n = len(q)
        if start_i - n >= 0 and [t.lower_ for t in doc[start_i - n:start_i]] == q:
            start_i -= n
            break
    for q in qualifiers:
        n = len(q)
        if [t.lower_ for t in doc[start_i:start_i + n]] == q and start_i + n <= nums[0].i:
            qualifier = " ".join(t.text for t in doc[start_i:start_i + n])
            break
    toks = list(doc[start_i:end_i])
    value, low = parse_value([t for t in toks if t.i >= nums[0].i])
    unit, factor = _unit_of(toks)
    if value is not None:
        value *= factor
    if value is None and low is None:
        return None
    return _Draft(start_i, end_i, nums, value, low, None, unit, qualifier)


def _merge_ranges(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """Join "between 50 and 60", "from 5 to 10", "four or five", "30-40%" into one range;
    carry a unit over an ellipsis ("11 and 8 percent")."""
    out: list[_Draft] = []
    i = 0
    while i < len(drafts):
        a = drafts[i]
        b = drafts[i + 1] if i + 1 < len(drafts) else None
        if b is not None and a.value is not None and b.value is not None and b.start - a.end == 1:
            link = doc[a.end].lower_
            opener = doc[a.start - 1].lower_ if a.start > 0 else ""
            ranged = (RANGE_OPENERS.get(opener) == link or link == "or"
                      or (link in ("-", "–") and not doc[a.end].whitespace_)
                      or (link == "to" and a.unit == b.unit and a.unit not in (None, "percent", "points")))
            if a.unit is None and b.unit is not None and link in ("and", "or", "to", "-", "–"):
                a.unit = b.unit  # "11 and 8 percent": both percent
            if ranged and (a.unit == b.unit or a.unit is None):
                start = a.start - 1 if RANGE_OPENERS.get(opener) == link else a.start
                out.append(_Draft(start, b.end, a.nums + b.nums, None, min(a.value, b.value),
                                  max(a.value, b.value), b.unit, a.qualifier or "range"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def extract_figures(doc: Doc, ctx: Context | None = None) -> list[Figure]:
    """Every figure in ``doc``, in text order, ids ``f1``, ``f2``, ... (renumbered when merged)."""
    ctx = ctx or Context(doc)
    qualifiers = _qualifiers()
    drafts = [d for d in (_draft(doc, g, qualifiers) for g in _candidate_groups(doc)) if d is not None]
    out: list[Figure] = []
    for d in _merge_ranges(doc, drafts):
        span = doc[d.start:d.end]
        if ctx.non_fact_furniture.overlaps(*ctx.global_range(span)):
            continue
        out.append(Figure(
            id=f"f{len(out) + 1}",
            **asdict(ctx.span(span)),
            value=d.value,
            unit=d.unit,
            counted=next((c for c in (_counted(n, d.end) for n in reversed(d.nums)) if c), None),
            approximate=d.value is None or d.qualifier is not None,
            qualifier=None if d.qualifier == "range" else d.qualifier,
            low=d.low,
            high=d.high,
            event=_event(d.nums[-1]),
            sentence=ctx.sentence_of(d.nums[0].i),
        ))
    _link_parts(out, ctx)
    return out


def _link_parts(figures: list[Figure], ctx: Context) -> None:
    """"1,311, including 830 civilians": the second figure is part of the first."""
    for prev, fig in pairwise(figures):
        if prev.sentence != fig.sentence:
            continue
        between = ctx.text[prev.end - ctx.base: fig.start - ctx.base].lower()
        if re.search(r"\b(including|among them|of whom|of which|among whom)\b", between) and len(between) < 40:
            fig.part_of = prev.id
