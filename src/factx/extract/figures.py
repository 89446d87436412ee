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


def _candidate_groups(doc: Doc) -> Iterator[list[Token]]:
    """Runs of tokens that hold a number: numeric entities first, then stray number tokens."""
    used: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in NUMERIC_LABELS:
            toks = [t for t in ent]
            used.update(t.i for t in toks)
            yield toks
    run: list[Token] = []
    for tok in doc:
        if tok.i in used or tok.ent_type_ in NON_FIGURE_LABELS or tok.ent_type_ in NUMERIC_LABELS:
            if run:
                yield run
                run = []
            continue
        if _is_number_token(tok) or (run and tok.lower_ in lexicon.mapping("magnitudes.txt")):
            run.append(tok)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _is_identifier(tok: Token) -> bool:
    """Numbers inside names and identifiers: "F-16", "COVID-19", "Article 5", "9/11"."""
    doc = tok.doc
    text = tok.text
    if re.search(r"\d", text) and re.search(r"[A-Za-z]", text) and not _MONEY_ABBR.match(text):
        return True
    if tok.i > 0:
        prev = doc[tok.i - 1]
        if prev.text in ("-", "/", "#", "No.") and tok.idx == prev.idx + len(prev.text):
            return True
        if prev.is_title and prev.pos_ == "PROPN" and not prev.ent_type_ and not prev.is_sent_start:
            return True
    return tok.i + 1 < len(doc) and doc[tok.i + 1].text == "/" and tok.whitespace_ == ""


def _is_pronoun_one(tok: Token) -> bool:
    """"one" as a pronoun or article: "one of the most", "one day", "at one point"."""
    if tok.lower_ != "one":
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "of":
        return True
    if tok.dep_ != "nummod":
        return True
    return tok.head.lower_ in ("day", "point", "time", "way", "thing", "side", "hand", "another")


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
    # "45 percent of voters", "hundreds of civilians"
    for t in doc[num.i: min(len(doc), span_end + 1)]:
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span_end:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs and objs[0].pos_ in ("NOUN", "PROPN") and not is_unit(objs[0]):
                    return noun_phrase(objs[0])
    # "death toll rises to 1,311": the number is the value of the verb's subject
    anchor = num
    while anchor.dep_ in ("nummod", "quantmod", "compound") and anchor.head.i < span_end:
        anchor = anchor.head
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


def extract_figures(doc: Doc, ctx: Context | None = None) -> list[Figure]:
    """Every figure in ``doc``, in text order, ids ``f1``, ``f2``, ... (renumbered later if merged)."""
    ctx = ctx or Context(doc)
    qualifiers = _qualifiers()
    out: list[Figure] = []
    for group in _candidate_groups(doc):
        nums = [t for t in group if _is_number_token(t)]
        if not nums:
            continue
        if any(_is_identifier(t) for t in nums) or _is_pronoun_one(nums[0]) or _is_year(nums):
            continue
        first, last = group[0], group[-1]
        # drop leading determiners and non-qualifier words spaCy put in the entity
        while first.i < nums[0].i and first.lower_ in ("the", "a", "an", "just", "only", "all") \
                and not (first.lower_ == "a" and doc[first.i + 1].lower_ in lexicon.mapping("number_words.txt")):
            first = doc[first.i + 1]
        start_i, end_i = first.i, last.i + 1
        # widen: currency sign right before, unit words right after
        while start_i > 0 and doc[start_i - 1].lower_ in lexicon.mapping("currencies.txt") \
                and not doc[start_i - 1].is_alpha:
            start_i -= 1
        while end_i < len(doc) and (doc[end_i].lower_ in lexicon.mapping("units.txt")
                                    or doc[end_i].lower_ in ("cents",)
                                    or doc[end_i].lower_ in lexicon.mapping("magnitudes.txt")):
            end_i += 1
        if end_i < len(doc) and doc[end_i].lower_ in ("euros", "pounds", "dollars", "yen") :
            end_i += 1
        # widen: qualifier right before
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
        span = doc[start_i:end_i]
        if ctx.non_fact_furniture.overlaps(*ctx.global_range(span)):
            continue
        toks = list(span)
        value, low = parse_value([t for t in toks if t.i >= nums[0].i])
        unit, factor = _unit_of(toks)
        if value is not None:
            value *= factor
            if value.is_integer() and abs(value) < 1e300:
                value = float(value)
        vague = value is None
        if vague and low is None:
            continue
        out.append(Figure(
            id=f"f{len(out) + 1}",
            **ctx.span(span).model_dump(),
            value=value,
            unit=unit,
            counted=_counted(nums[-1], end_i),
            approximate=vague or qualifier is not None,
            qualifier=qualifier,
            low=low,
            event=_event(nums[-1]),
            sentence=ctx.sentence_of(nums[0].i),
        ))
    out.sort(key=lambda f: f.start)
    for i, f in enumerate(out, 1):
        f.id = f"f{i}"
    return out
