"""Short answers: what a cue reports in a word or two.

A poll or an interview reports answers that are no clause: 'Asked whether the
plan is legal, 46 percent said yes', 'half said so in May', '30 percent
say the same of Lee', 'Ruiz said as much', and quotations too short to pass
for an utterance on their own: 'Asked if he would run, Lee said, "Probably."'.
PolNeAR train annotates them as attributions of their own (the pro-form is the
content: "so", "yes", "the same of Lee"), as consistently as full clauses; the
parse gives them no clause, so the reported-speech pass cannot see them.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ... import lexicon
from .collector import Collector
from .cues import loose_speaker, speaker_span, subject
from .direct import minor_quote, title_case

# what may follow a pro-form: the end of the clause, not a noun it would modify ('said no one')
_AFTER_POS = frozenset({"PUNCT", "ADP", "CCONJ", "SCONJ", "PART", "ADV", "SPACE"})
_DEGREE = frozenset({"much", "many", "more", "less", "far", "few", "little", "long", "longer", "well"})
_COMPLEMENT_PREPS = frozenset({"of", "about", "for", "regarding"})
# 'says no matter what', 'said no to the war' (a vote, not an answer), 'said so long'
_NOT_AFTER = frozenset({"matter", "doubt", "longer", "to"})
SHORT_CUE_GAP = 2  # tokens between a cue and the opening mark of its short quote ('said simply, "No."')


@cache
def _proforms() -> tuple[tuple[str, ...], ...]:
    """The pro-forms (``data/proform_contents.txt``) as word tuples, longest first."""
    return tuple(sorted((tuple(w.split()) for w in lexicon.words("proform_contents.txt")), key=len, reverse=True))


def _ends_clause(doc, i: int) -> bool:
    """Token ``i`` ends the clause or starts something that is not a noun phrase."""
    if i >= len(doc) or doc[i].is_sent_start:
        return True
    tok = doc[i]
    return tok.pos_ in _AFTER_POS and tok.lower_ not in _DEGREE


def _proform_after(verb: Token) -> tuple[int, int] | None:
    """Token range of a pro-form right after ``verb`` ('said so', 'say the same of Lee'), a
    word the verb governs itself ('concluded so eloquently' is no pro-form)."""
    doc = verb.doc
    if verb.lemma_.lower() not in lexicon.words("proform_verbs.txt"):
        return None
    start = verb.i + 1
    for words in _proforms():
        end = start + len(words)
        if end > len(doc) or tuple(t.lower_ for t in doc[start:end]) != words:
            continue
        while end + len(words) < len(doc) and doc[end].text == "," \
                and tuple(t.lower_ for t in doc[end + 1:end + 1 + len(words)]) == words:
            end += 1 + len(words)  # 'said yes, yes, yes'
        if not _ends_clause(doc, end) or (end < len(doc) and doc[end].lower_ in _NOT_AFTER) \
                or any(not (verb.i <= t.head.i < end) for t in doc[start:end]):
            return None
        if words[-1] in ("same", "thing") and end < len(doc) and doc[end].lower_ in _COMPLEMENT_PREPS:
            obj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
            if obj is not None:
                end = obj.right_edge.i + 1  # 'the same of Mr. Lee': of whom the same is said
        return start, end
    return None


def _speaker(verb: Token) -> SpacySpan | None:
    subj = subject(verb)
    return speaker_span(subj) if subj is not None else loose_speaker(verb)


def _inside(marks: list[tuple[int, int]], starts: list[int], i: int) -> bool:
    """Position ``i`` lies inside a quotation (``marks`` in text order, ``starts`` their starts)."""
    k = bisect_right(starts, i) - 1
    return k >= 0 and marks[k][0] < i < marks[k][1]


def proform_answers(found: Collector) -> None:
    """Pass: a reporting verb whose content is a pro-form ('said yes', 'said so', 'say the same
    of X', 'said as much'), outside quotation marks (inside them it is the speaker's own turn
    of phrase: '"I never said so"')."""
    doc = found.doc
    starts = [s for s, _ in found.marks]
    for verb in found.candidates:
        rng = _proform_after(verb)
        if rng is None or _inside(found.marks, starts, verb.idx):
            continue
        cs, last = doc[rng[0]].idx, doc[rng[1] - 1]
        ce = last.idx + len(last.text)
        if found.overlaps(cs, ce):
            continue
        speaker = _speaker(verb)
        if speaker is None or speaker.end_char > cs:
            continue
        found.add("indirect", cs, ce, rng[0], verb, speaker)


def _cue_before(found: Collector, verbs: dict[int, Token], qs: int) -> Token | None:
    """The reporting verb that leads straight into the quotation opening at ``qs`` ('Lee said,
    "No."', 'the way they say "huge crowds."'): at most a comma or colon and a word or two
    between them, on the same line."""
    doc = found.doc
    mark = doc.char_span(qs, qs + 1, alignment_mode="expand")
    if mark is None:
        return None
    i = mark.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in (",", ":")):
        if "\n" in doc[i].text:
            return None
        i -= 1
    for k in range(i, max(-1, i - SHORT_CUE_GAP - 1), -1):
        if "\n" in doc[k].text_with_ws:
            return None
        if k in verbs:
            return verbs[k]
        if doc[k].pos_ not in ("ADV", "PART"):
            return None
    return None


def _ends_sentence(text: str, qs: int, qe: int) -> bool:
    """The quotation closes its sentence: a sentence end inside its closing mark or right after it."""
    inner = text[qs + 1:qe - 1].rstrip(" '`\"”’")
    if inner[-1:] in (".", "!", "?"):
        return True
    after = text[qe:qe + 2].lstrip(" \t")
    return after[:1] in (".", "!", "?", "\n", "")


def short_quotes(found: Collector) -> None:
    """Pass: a quotation too short or too lower-case for the direct pass ('Lee said, "Probably."',
    'she replied: "as long as it is legal."'), right after its reporting verb and closing the
    sentence: what the verb's subject said."""
    doc, text = found.doc, found.text
    verbs = {v.i: v for v in found.candidates}
    for qs, qe in found.marks:
        inner = text[qs + 1:qe - 1].strip(" '`")
        if not inner or found.overlaps(qs, qe) or not minor_quote(inner) or title_case(inner) \
                or not _ends_sentence(text, qs, qe):
            continue
        verb = _cue_before(found, verbs, qs)
        subj = subject(verb) if verb is not None else None
        if subj is None:
            continue  # a verb without a subject of its own: the word next to it is no surer a speaker
        speaker = speaker_span(subj)
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if speaker is None or span is None or speaker.end_char > qs:
            continue
        found.add("direct", qs, qe, span[0].i, verb, speaker)
