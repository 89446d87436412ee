"""Direct quotes: paired quotation marks tied to the reporting cue around them.

A quote takes the nearest reporting verb around it within its paragraph
(``direct_cue``), or the clause before a colon (``colon_cue``: 'Rubio fired
back: "..."').  Quoted titles and scare quotes are not quotes; a short quote
counts only with its cue right after it.  A quote without a cue of its own
that follows an attributed one carries it on ('"A," she said. "B."').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ... import lexicon
from .collector import Collector
from .content import reported_kind
from .cues import (
    CONTENT_DEPS,
    QUOTE_TOKENS,
    SUBJECT_DEPS,
    Cue,
    adverbial_mark,
    after_quote_speaker,
    detached,
    discourse_marker,
    loose_speaker,
    reporting_cues,
    speaker_span,
)
from .marks import PARAGRAPH_BREAK

# How far (in tokens) a cue may sit from its direct quote: after it ('"...," the
# senator from Ohio said') or before it ('The senator said on Monday: "..."').
_SENTENCE_END = re.compile(r"[.!?][\"'”’]*\s")
CUE_AFTER_WINDOW = 12
CUE_BEFORE_WINDOW = 15
# A short quote counts only with its cue right after it: at most this many tokens
# (the speaker's name) between them.
SHORT_CUE_GAP = 4
# The parts of a split quote are one span when the words between them (the cue, the speaker's
# name, a short title) number at most this and no more than the quoted words; a longer
# description of the speaker ('said Ann Cole, a professor of law at ... who ...') parts them:
# two quotes linked by ``continues``, whose content is only what was said.
MERGE_AROUND = 10
_WORD = re.compile(r"\w+")
# a sentence of the writer's between two quotes: a lower-case word ends a sentence and another starts
_NARRATIVE_SENTENCE = re.compile(r"\b[a-z]{2,}[.!?][)\]]?\s+[A-Z(]")  # not 'Mrs. Clinton said'


def direct_cue(quote: SpacySpan, sents: list[SpacySpan], text: str, verbs: list[Token]) -> Cue | None:
    """The reporting verb of a direct quote: in the sentences the quote touches or the
    ones right around it, outside the quote, nearest to its edges, never across a
    paragraph break.  A quote ending in a comma ('"...," she said') looks after itself first."""
    trailing_comma = quote.end_char >= 2 and text[quote.end_char - 2] == ","
    first = next(k for k, s in enumerate(sents) if s.start <= quote.start < s.end)
    last = next(k for k, s in enumerate(sents[first:], first) if s.start < quote.end <= s.end)
    best: tuple[int, Cue] | None = None
    for k in range(max(0, first - 1), min(len(sents), last + 2)):
        for cue in reporting_cues(sents[k], verbs):
            i = cue.verb.i
            if quote.start <= i < quote.end:
                continue
            after = i >= quote.end
            dist = i - quote.end if after else quote.start - i
            if after and dist > CUE_AFTER_WINDOW:
                dist = min(dist, _through_subject(quote, cue.verb))
            window = CUE_AFTER_WINDOW if after else CUE_BEFORE_WINDOW
            gap = text[quote.end_char:cue.verb.idx] if after else text[cue.verb.idx:quote.start_char]
            if ("\n" in gap and not (after and _line_goes_on(text, quote.end_char, cue.verb.idx))) \
                    or (not after and _SENTENCE_END.search(gap)):
                continue  # a cue before the quote must lead into it ('X said: "..."')
            if dist > window:
                continue
            if after and introduces_own_content(cue.verb):
                continue  # '... ." Kasich said he would have ...' / 'Zahed said: "..."' report what follows
            rank = dist + (window if trailing_comma and not after else 0)  # before: only when nothing follows
            if best is None or rank < best[0]:
                best = (rank, cue)
    if best is None:
        return None
    cue = best[1]
    if cue.speaker is not None and cue.speaker.start < quote.end and quote.start < cue.speaker.end:
        # the parser took a word of the quote for the subject ('"We were wrong," Ramos told ...')
        return Cue(cue.verb, loose_speaker(cue.verb))
    return cue


def _through_subject(quote: SpacySpan, verb: Token) -> int:
    """Tokens between ``quote`` and the subject of ``verb`` when that subject, with its
    apposition or relative clause, fills the whole gap up to the verb ('"...," Ann Cole, who
    ran the campaign in three states for the party, told CBS'): a long speaker description
    does not put the cue out of reach.  A large number otherwise."""
    doc = verb.doc
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and quote.end <= c.i < verb.i), None)
    if subj is None or subj.right_edge.i >= verb.i:
        return len(doc)
    lead = doc[quote.end:subj.left_edge.i]
    tail = doc[subj.right_edge.i + 1:verb.i]
    if any(not (t.is_punct or t.is_space) for t in lead) \
            or any(not (t.is_punct or t.pos_ == "ADV") for t in tail):
        return len(doc)
    return len(lead)


def _line_goes_on(text: str, start: int, end: int) -> bool:
    """Every line break in ``text[start:end]`` is followed by a lower-case word: the sentence
    goes on past it (one sentence a line in wire copy, broken after a question: '"... our
    holy places?"\nasked Mustafa Hoshiyeh'); a capital opens a new paragraph."""
    for k in range(start, end):
        if text[k] == "\n":
            j = k + 1
            while j < len(text) and text[j] in " \t\r\n":
                j += 1
            if j >= len(text) or not text[j].islower():
                return False
    return True


def introduces_own_content(verb: Token) -> bool:
    """The verb reports what follows it: a colon right after it, or its subject and a clausal
    complement after it ('Kasich said he would have ...')."""
    doc = verb.doc
    if verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":":
        return True
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False  # no "X said CLAUSE" structure: an inverted or misparsed cue
    marks = ("“", '"', "''", "``", "‘")
    # a quotation mark between the verb and the clause opens the next part of a split quote
    # ('"...," Ms. Cole said, "and when it started ..."'), not a clause the verb reports
    return any(c.dep_ in CONTENT_DEPS and c.i > verb.i and c.pos_ in ("VERB", "AUX")
               and not adverbial_mark(c) and not detached(c, verb)
               and not any(t.text in marks for t in doc[verb.i + 1:c.left_edge.i + 1])
               for c in verb.children)


def colon_cue(quote: SpacySpan) -> Cue | None:
    """A quote introduced by a colon: the clause before it names the speaker.

    'Clinton: "Our goal is ..."' and 'Pew Research: "All the samples ..."'
    (a name before the colon: it is the speaker, the colon the cue);
    'Rubio fired back forcefully: "..."' (the subject of the clause's verb
    is the speaker, the verb the cue).  The clause starts after the last
    dash, semicolon or line break before the colon.
    """
    doc = quote.doc
    i = quote.start - 1
    while i > 0 and doc[i].is_space:
        i -= 1
    if i < 1 or doc[i].text != ":":
        return None
    colon = doc[i]
    start = colon.sent.start
    for k in range(i - 1, start - 1, -1):
        if doc[k].text in ("-", "—", "–", ";") or "\n" in doc[k].text:
            start = k + 1
            break
    clause = doc[start:i]
    if not len(clause):
        return None
    if clause[-1].ent_type_ in ("PERSON", "ORG"):
        return Cue(colon, speaker_span(clause[-1]))
    roots = [t for t in clause if (t.head.i < start or t.head.i >= i or t.head.i == t.i) and t.pos_ in ("VERB", "AUX")]
    for verb in roots:
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and start <= c.i < i), None)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON") and subj.lower_ not in ("it", "this", "that"):
            return Cue(verb, speaker_span(subj))
    if roots:
        return None
    named = [t for t in clause if t.ent_type_ in ("PERSON", "ORG")]
    if named:
        return Cue(colon, speaker_span(named[-1]))
    if len(clause) <= 5 and all(t.pos_ == "PROPN" for t in clause):  # a name the tagger knows, NER missed
        return Cue(colon, clause)
    return None


_DASHES = frozenset({"―", "—", "–", "--"})


def dash_cue(quote: SpacySpan) -> Cue | None:
    """A quotation signed with a dash and a name that ends its line ('"We deserve better." ―
    Ann Cole', as under a reader's letter or an epigraph): the dash is the cue, the name the
    speaker."""
    doc = quote.doc
    i = quote.end
    if doc[i - 1].text[-1] in "―—–" and len(doc[i - 1]) > 1:
        i -= 1  # the tokenizer glued the dash to the closing mark: '”―'
    else:
        while i < len(doc) and doc[i].is_space:
            i += 1
        if i >= len(doc) or doc[i].text not in _DASHES or "\n" in doc[quote.end - 1].whitespace_:
            return None
    dash = doc[i]
    end = i + 1
    while end < len(doc) and end - i <= 6 and "\n" not in doc[end].text and not doc[end].is_punct:
        end += 1
        if "\n" in doc[end - 1].whitespace_:
            break
    at_line_end = end >= len(doc) or "\n" in doc[end - 1].whitespace_ or "\n" in doc[end].text
    name = doc[i + 1:end]
    if not at_line_end or not len(name) or not any(t.ent_type_ in ("PERSON", "ORG") for t in name) \
            or not all(t.pos_ == "PROPN" or t.ent_type_ for t in name):
        return None
    return Cue(dash, name)


def inside_reported_clause(quote: SpacySpan, verb: Token) -> bool:
    """The quote is part of a longer clause the verb reports (then the clause is the content)."""
    doc = verb.doc
    if verb.i >= quote.start:  # '"...," X said': the cue follows, the quote stands alone
        return False
    for comp in verb.children:
        if comp.dep_ in CONTENT_DEPS and comp.left_edge.i < quote.start <= comp.right_edge.i:
            lead = [t for t in doc[comp.left_edge.i:quote.start] if not (t.is_punct or t.lower_ == "that")]
            return bool(lead)
    return False


def lead_start(quote: SpacySpan, verbs: list[Token]) -> int | None:
    """Character offset where the sentence that leads into ``quote`` starts ('Golf clubs are
    "just scratching ..."'), not before a line break, colon, semicolon, bracket or another
    quotation mark; None when nothing but punctuation leads in, or when a reporting verb in
    it reports the quote itself ('rebuked critics who say he should condemn "radical
    Islamists,"')."""
    doc = quote.doc
    start = quote.sent.start if quote.sent.start < quote.start else quote.start
    for k in range(quote.start - 1, start - 1, -1):
        tok = doc[k]
        if "\n" in tok.text_with_ws or tok.text in _LEAD_BOUNDARIES:
            start = k + 1
            break
    comma = next((k for k in range(start, quote.start) if doc[k].text == ","), None)
    if comma is not None and any(discourse_marker(t) for t in doc[start:comma]):
        start = comma + 1  # 'That being said, "..."': the writer's link, not the quotation's
    lead = [t for t in doc[start:quote.start] if not (t.is_punct or t.is_space)]
    if len(lead) < 2 or any(start <= v.i < quote.start for v in verbs):
        return None
    return lead[0].idx


# not across a dash either: 'Yet X has amended his testimony once — "I now do recall," he said'
_LEAD_BOUNDARIES = frozenset({":", ";", "(", "[", "—", "–", "--", *QUOTE_TOKENS})


def _reports_after(verb: Token) -> bool:
    """The cue reports something after it ('..., saying "..."', 'said: ...')."""
    doc = verb.doc
    inverted = after_quote_speaker(verb) is not None  # '"...," wrote the ambassador': its object is the speaker
    if any(c.i > verb.i and c.dep_ in (*CONTENT_DEPS, "xcomp", *(() if inverted else ("dobj",)))
           for c in verb.children):
        return True
    for k in range(verb.i + 1, verb.sent.end):  # 'saying in a post on Twitter: "..."'
        if doc[k].text == ":":
            return True
        if doc[k].text in QUOTE_TOKENS or "\n" in doc[k].text_with_ws:
            break
    return False


def title_case(inner: str) -> bool:
    """A quoted title ("Orange Is the New Black", "Who's Who in the CIA"): every word
    capitalised but the small ones, and no sentence end inside."""
    words = [w for w in inner.rstrip(",").split() if any(c.isalpha() for c in w)]
    if not 2 <= len(words) <= 10 or inner.rstrip(",”’\"' ")[-1:] in (".", "!", "?"):
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in lexicon.words("title_minor_words.txt")
               for w in words)


_TRAILING_SPACE = re.compile(r"[^\S\n]+$")


def opens_sentence(text: str, i: int) -> bool:
    """Nothing but a sentence end, a paragraph start or the start of the text before position ``i``."""
    before = _TRAILING_SPACE.sub("", text[max(0, i - 40):i])  # no-break spaces too, not line breaks
    return (before == "" and i <= 40) or before[-1:] in (".", "!", "?", ":", "\n", "”", '"', "'")


def words(text: str) -> int:
    return len(_WORD.findall(text))


def continues(text: str, prev_end: int, qs: int, qe: int, minor: bool,
              breaks_at: re.Pattern[str] = PARAGRAPH_BREAK) -> bool:
    """Whether the quote at ``qs:qe`` carries on the attributed quote ending at ``prev_end``.

    In the same paragraph: '"A," she said. "B."', and a lower-case or short
    part right after the cue ('"A," she said, "and B."').  In the next
    paragraph: a paragraph that is nothing but a quote, with no cue of its
    own, continues the speaker of the paragraph before (the news convention).
    """
    gap = text[prev_end:qs]
    if len(gap) >= 300:
        return False
    if minor:
        return "\n" not in gap and gap.rstrip().endswith(",")
    if "\n" not in gap.strip(" "):
        # '"A," she said. "B."' but not '"A," says X, who works in retail. X backs Y. "B."'
        return not _NARRATIVE_SENTENCE.search(gap)
    breaks = list(breaks_at.finditer(gap))
    if not breaks:
        # a line break that is no paragraph break (blank lines part the paragraphs), after the
        # cue's sentence ('"A," he said.\n"B."'): the same paragraph; not after a signature ('"A." ― Ann Lee')
        return gap[:gap.index("\n")].rstrip()[-1:] in (".", "!", "?", ",", ":") \
            and not _NARRATIVE_SENTENCE.search(gap)
    if len(breaks) != 1 or "\n" in gap[:breaks[0].start()] or gap[breaks[0].end():].strip(" \t"):
        return False
    rest = text[qe:qe + 200].lstrip(" \t\r")
    return rest == "" or rest[0] == "\n"


@dataclass(slots=True)
class _Open:
    """The last attributed direct quote, which a following quote may continue."""

    index: int  # in the list of quotes
    cue: Cue
    quoted: int  # words inside its quotation marks
    around: int  # words between its parts (the cue and speaker in the middle)


def minor_quote(inner: str) -> bool:
    """Too short, lower-case or title-like to be an utterance on its own."""
    return len(inner.split()) < 4 or inner[:1].islower() or title_case(inner)


def direct_quotes(found: Collector) -> None:
    """Pass: each paired quotation that is an utterance, with its cue and speaker.

    A quote without a cue of its own (or sharing the previous one's) that
    follows an attributed quote continues it: '"A," she said. "B."' is one
    quote, unless the words around the cue are many (``MERGE_AROUND``) or
    outnumber the quoted ones ('"A," said X, the director of ..., "B."'): then
    B is a quote of its own with the same speaker and cue
    (``article.link_continuations`` links it to A).
    """
    doc, text, quotes = found.doc, found.text, found.quotes
    base = found.ctx.base
    last: _Open | None = None
    for qs, qe in found.marks:
        inner = text[qs + 1:qe - 1].strip(" '`")
        # scare quotes and titles; a fragment quoted inside a sentence ('called it "a
        # foundation of"') is no utterance either, unless it carries on a split quote;
        # a short exclamation opening its sentence may be one ('"Swaps are tricky," he said.')
        minor = minor_quote(inner)
        opens = opens_sentence(text, qs)
        utterance = minor and inner[:1].isalnum() and not inner[:1].islower() and opens \
            and inner[-1:] in (",", ".", "!", "?")
        # 'Golf clubs are "just scratching out a profit," Mr. Hedge said': the quote ends the
        # first part of a sentence whose cue follows; the sentence from its start is the content
        lead_in = not opens and inner[-1:] == ","
        if minor and last is None and not utterance and not lead_in:
            continue
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None:
            continue
        cue = direct_cue(span, found.sents, text, found.candidates) or colon_cue(span) or dash_cue(span)
        if utterance and cue is not None and ((cue.verb.i >= span.end and cue.verb.i - span.end <= SHORT_CUE_GAP)
                                              or (cue.verb.i < span.start and text[:qs].rstrip().endswith(":"))):
            minor = False  # '"Out, out!" Mr. Trump yelled', 'He said: "No way."': an utterance
        if cue is not None and inside_reported_clause(span, cue.verb):
            continue  # 'X said that his "numbers don't add up"': a mixed quote, found by the reported pass
        if lead_in and cue is not None and span.end <= cue.verb.i <= span.end + SHORT_CUE_GAP \
                and (last is None or cue.verb.i != last.cue.verb.i) and not _reports_after(cue.verb):
            start = lead_start(span, found.candidates)
            if start is not None:
                n = len(quotes)
                added = found.add(reported_kind(text[start:qe]), start, qe, span[0].i, cue.verb, cue.speaker)
                last = _Open(n, cue, words(text[qs:qe]), 0) if added else None
                continue
        if last is not None and (cue is None or cue.verb.i == last.cue.verb.i):
            prev = quotes[last.index]
            # '"They sue," he said. "Everybody sues, right?"': a short sentence of its own right
            # after the cue carries the quote on as a long one would
            whole = utterance and inner[-1:] in (".", "!", "?")
            # a quotation worked into the writer's words after the cue ('said Jo Bell, a co-editor
            # of "Fiction in Our Time."') is a title or a phrase, not the quote's next part
            embedded = not opens and not text[:qs].rstrip().endswith((",", ":"))
            if not embedded and continues(text, prev.end - base, qs, qe, minor and not whole, found.paragraph_break):
                quoted = last.quoted + words(text[qs:qe])
                around = last.around + words(text[prev.end - base:qs])
                if around <= min(quoted, MERGE_AROUND):
                    quotes[last.index] = replace(prev, end=base + qe,
                                                       text=found.ctx.text[prev.start - base:qe])
                    found.taken[-1] = (prev.start - base, qe)
                    last = _Open(last.index, last.cue, quoted, around)
                else:
                    n = len(quotes)
                    added = found.add("direct", qs, qe, span[0].i, last.cue.verb, last.cue.speaker)
                    last = _Open(n, last.cue, words(text[qs:qe]), 0) if added else None
                continue
        if minor:
            continue
        if cue is None:
            last = None
            continue
        n = len(quotes)
        added = found.add("direct", qs, qe, span[0].i, cue.verb, cue.speaker)
        last = _Open(n, cue, words(text[qs:qe]), 0) if added else None
