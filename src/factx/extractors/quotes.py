"""Quotes: who said what, direct and reported, with the speaker resolved to an entity.

Method:

* direct quotes are found on the text by pairing quotation marks (curly
  marks by direction, straight marks in alternation, never across a
  paragraph break unless the next paragraph reopens the quote); an
  unbalanced mark is dropped, never the rest of the article.  The speaker
  is the subject of a reporting verb in the sentence that holds or follows
  the quote.
* reported speech comes from the dependency parse: a reporting verb (lexicon
  ``data/reporting_verbs.txt``) with a clausal complement (``ccomp``) is the
  cue, its subject the speaker, the complement the content; "according to X"
  is handled as a cue of its own.
* ``resolve_speakers`` then links each speaker mention to a person or
  organization: a name through the entity mentions, a pronoun to the
  nearest preceding person of compatible gender.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from functools import cache

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import AUX, VERB
from spacy.strings import hash_string
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import lexicon
from ..models import Organization, Person, Quote, Speaker
from .context import Context

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
_OPEN = {"“": "”", "«": "»", "„": "“"}
_STRAIGHT = '"'
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "that", "which"})
# How far back, in entity mentions, a pronoun or a description looks for its
# referent: farther than that none is credible, and the search must not grow
# with the length of the input.
_LOOKBACK = 500
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


@dataclass
class _Cue:
    verb: Token
    speaker: SpacySpan | None


def _reporting_verbs() -> frozenset[str]:
    return lexicon.words("reporting_verbs.txt")


@cache
def _reporting_verb_hashes() -> np.ndarray:
    """The lexicon as spaCy string hashes (the same in every vocabulary), computed once."""
    return np.array([hash_string(v) for v in _reporting_verbs()], dtype=np.uint64)


def find_quote_marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted stretch, marks included, in text order.

    Curly marks pair by direction; straight double quotes pair in alternation
    within a paragraph.  A paragraph that opens a quote without closing it,
    followed by a paragraph that reopens it, continues the same quote.
    Unpaired marks are ignored.  Doubled apostrophes and backticks (``...'',
    ''...'', common in wire copy) count as straight double quotes.
    """
    raw = text
    text = text.replace("``", '"\x01').replace("''", '"\x01')
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN or ch == _STRAIGHT:
            close = _OPEN.get(ch, _STRAIGHT)
            j = i + 1
            end = None
            curly_inside = False  # a curly opening mark after a straight one: its "”" is not ours
            while j < n:
                c = text[j]
                if c == close or (ch in _OPEN and c == _STRAIGHT and close != _STRAIGHT) \
                        or (ch == _STRAIGHT and c == "”" and not curly_inside):  # mixed typography: '"...”'
                    end = j + 1
                    break
                if c == "“":
                    curly_inside = True
                if c == ch == "“" and j > i + 1 and not text[j - 1].isspace() \
                        and (j + 1 == n or text[j + 1].isspace()):
                    end = j + 1  # a closing quote typed as an opening one: '... this.“ '
                    break
                if c in _OPEN and ch in _OPEN:  # a new opening mark before a close: unbalanced
                    # multi-paragraph quote: the new mark opens a paragraph after a break
                    if _after_line_break(text, j):
                        j += 1
                        continue
                    break
                if c == "\n" and j + 1 < n and text[j + 1] == "\n":
                    # paragraph break: continue only when the next paragraph reopens
                    k = j
                    while k < n and text[k] in "\r\n \t":
                        k += 1
                    if k < n and text[k] == ch:
                        j = k + 1
                        continue
                    break
                j += 1
            if end is not None and end < n and text[end] == "\x01" and raw[end] in "'`":
                end += 1
            if end is not None and end - i > 2:
                spans.append((i, end))
                i = end
                continue
        i += 1
    return spans


def _after_line_break(text: str, j: int) -> bool:
    """Only spaces or tabs lie between a line break and position ``j`` (no copy of the text)."""
    k = j - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k >= 0 and text[k] == "\n"


def _speaker_span(subj: Token) -> SpacySpan:
    """The speaker mention: the subject's entity or its compact noun phrase."""
    doc = subj.doc
    if subj.ent_type_:
        s = e = subj.i
        while (s > 0 and doc[s - 1].ent_iob_ == "I") or (s > 0 and doc[s].ent_iob_ == "I"):
            s -= 1
        while e + 1 < len(doc) and doc[e + 1].ent_iob_ == "I":
            e += 1
        # keep title words before the name ("Interim President Ahmed Al-Sharaa")
        while s > 0 and doc[s - 1].dep_ in ("compound", "amod") and doc[s - 1].head.i in range(s, e + 1) \
                and doc[s - 1].pos_ in ("PROPN", "ADJ", "NOUN"):
            s -= 1
        return doc[s:e + 1]
    # "the engineer Tom Ruiz": a name in apposition or right after the noun is the speaker
    named = next((c for c in subj.children if c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON"), None)
    if named is None and subj.i + 1 < len(doc) and doc[subj.i + 1].ent_type_ == "PERSON" \
            and doc[subj.i + 1].ent_iob_ == "B":
        named = doc[subj.i + 1]
    if named is not None:
        return _speaker_span(named)
    left = [t for t in subj.lefts if t.dep_ in ("det", "compound", "amod", "poss", "nmod")]
    start = min([subj.i, *(t.left_edge.i for t in left)])
    return doc[start:subj.i + 1]


def _cue_span(verb: Token) -> SpacySpan:
    """The cue: the verb with its auxiliaries ("has warned")."""
    doc = verb.doc
    auxes = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass") and c.i >= verb.i - 3]
    start = min([verb.i, *(a.i for a in auxes)])
    if any(doc[k].dep_ not in ("aux", "auxpass", "neg") for k in range(start, verb.i)):
        start = verb.i
    return doc[start:verb.i + 1]


def _candidates(doc: Doc) -> list[Token]:
    """Verbs whose lemma is a reporting verb, found on the token arrays (no Token objects
    are made for the other words: this runs over every token of every input)."""
    if not len(doc):
        return []
    arr = doc.to_array([LEMMA, POS])
    hits = np.isin(arr[:, 0], _reporting_verb_hashes()) & np.isin(arr[:, 1], [VERB, AUX])
    return [doc[i] for i in hits.nonzero()[0].tolist()]


def _reporting_cues(sent: SpacySpan, candidates: list[Token]) -> list[_Cue]:
    """The reporting verbs of a sentence with their speakers."""
    out = []
    for tok in candidates:
        if sent.start <= tok.i < sent.end:
            subj = _subject(tok)
            out.append(_Cue(tok, _speaker_span(subj) if subj is not None else _loose_speaker(tok)))
    return out


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or, for a participle or coordinated verb without one ("..., adding
    that", "she smiled and said"), the subject of the verb it hangs from."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None or verb.dep_ not in ("advcl", "xcomp", "conj", "acl") or verb.head is verb:
            return subj
        verb = verb.head
    return None


def _loose_speaker(verb: Token) -> SpacySpan | None:
    """A speaker the parser did not attach as subject: the name right next to the cue
    ('"...," William Daley, a former aide, said' / '"...," said Jane Doe, who ...'), or the
    noun phrase after an inverted cue ('"...," added another New Hampshire Democrat')."""
    doc = verb.doc

    def boundary(tok: Token) -> bool:
        return tok.text in ("”", '"', "“", "''") or "\n" in tok.text

    def named(tok: Token) -> bool:
        return tok.ent_type_ in ("PERSON", "ORG", "NORP") or (tok.pos_ == "PRON" and tok.lower_ in PRONOUN_GENDER)

    for i in range(verb.i - 1, max(-1, verb.i - 12), -1):
        if boundary(doc[i]):
            break
        if named(doc[i]) or (doc[i].pos_ == "PROPN" and i == verb.i - 1):  # '"...," Conway notes'
            return _speaker_span(doc[i])
    for i in range(verb.i + 1, min(len(doc), verb.i + 6)):
        tok = doc[i]
        if boundary(tok) or tok.is_punct:
            break
        if named(tok):
            return _speaker_span(tok)
        if tok.head is verb and tok.dep_ in _INVERTED_SUBJECT_DEPS and tok.pos_ in ("NOUN", "PROPN") \
                and verb.lemma_ not in _ADDRESSEE_VERBS:
            return _speaker_span(tok)
    return None


# What the parser calls the noun after a cue it did not see as inverted ('said the
# senator'); "tell" and "ask" take the addressee there ('told reporters'), not the speaker.
_INVERTED_SUBJECT_DEPS = ("nsubj", "dobj", "npadvmod", "attr", "dep", "oprd")
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "assure", "warn", "remind", "urge"})


# How far (in tokens) a cue may sit from its direct quote: after it ('"...," the
# senator from Ohio said') or before it ('The senator said on Monday: "..."').
_SENTENCE_END = re.compile(r"[.!?][\"'”’]*\s")
CUE_AFTER_WINDOW = 12
CUE_BEFORE_WINDOW = 15


def _direct_cue(quote: SpacySpan, sents: list[SpacySpan], text: str, candidates: list[Token]) -> _Cue | None:
    """The reporting verb of a direct quote: in the sentences the quote touches or the
    ones right around it, outside the quote, nearest to its edges, never across a
    paragraph break.  A quote ending in a comma ('"...," she said') looks after itself first."""
    trailing_comma = quote.end_char >= 2 and text[quote.end_char - 2] == ","
    first = next(k for k, s in enumerate(sents) if s.start <= quote.start < s.end)
    last = next(k for k, s in enumerate(sents[first:], first) if s.start < quote.end <= s.end)
    best: tuple[int, _Cue] | None = None
    for k in range(max(0, first - 1), min(len(sents), last + 2)):
        for cue in _reporting_cues(sents[k], candidates):
            i = cue.verb.i
            if quote.start <= i < quote.end:
                continue
            after = i >= quote.end
            dist = i - quote.end if after else quote.start - i
            window = CUE_AFTER_WINDOW if after else CUE_BEFORE_WINDOW
            gap = text[quote.end_char:cue.verb.idx] if after else text[cue.verb.idx:quote.start_char]
            if "\n" in gap or (not after and _SENTENCE_END.search(gap)):
                continue  # a cue before the quote must lead into it ('X said: "..."')
            if dist > window:
                continue
            if after and _introduces_own_content(cue.verb):
                continue  # '... ." Kasich said he would have ...' / 'Zahed said: "..."' report what follows
            rank = dist + (window if trailing_comma and not after else 0)  # before: only when nothing follows
            if best is None or rank < best[0]:
                best = (rank, cue)
    if best is None:
        return None
    cue = best[1]
    if cue.speaker is not None and cue.speaker.start < quote.end and quote.start < cue.speaker.end:
        # the parser took a word of the quote for the subject ('"We were wrong," Ramos told ...')
        return _Cue(cue.verb, _loose_speaker(cue.verb))
    return cue


def _introduces_own_content(verb: Token) -> bool:
    """The verb reports what follows it: a colon right after it, or its subject and a clausal
    complement after it ('Kasich said he would have ...')."""
    doc = verb.doc
    if verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":":
        return True
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False  # no "X said CLAUSE" structure: an inverted or misparsed cue
    marks = ("“", '"', "''", "``", "‘")
    return any(c.dep_ in CONTENT_DEPS and c.i > verb.i and c.pos_ in ("VERB", "AUX")
               and doc[c.left_edge.i].text not in marks
               and (c.left_edge.i == 0 or doc[c.left_edge.i - 1].text not in marks)
               for c in verb.children)


def _colon_cue(quote: SpacySpan) -> _Cue | None:
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
        return _Cue(colon, _speaker_span(clause[-1]))
    roots = [t for t in clause if (t.head.i < start or t.head.i >= i or t.head is t) and t.pos_ in ("VERB", "AUX")]
    for verb in roots:
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and start <= c.i < i), None)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON") and subj.lower_ not in ("it", "this", "that"):
            return _Cue(verb, _speaker_span(subj))
    if roots:
        return None
    named = [t for t in clause if t.ent_type_ in ("PERSON", "ORG")]
    if named:
        return _Cue(colon, _speaker_span(named[-1]))
    if len(clause) <= 5 and all(t.pos_ == "PROPN" for t in clause):  # a name the tagger knows, NER missed
        return _Cue(colon, clause)
    return None


def _inside_reported_clause(quote: SpacySpan, verb: Token) -> bool:
    """The quote is part of a longer clause the verb reports (then the clause is the content)."""
    doc = verb.doc
    if verb.i >= quote.start:  # '"...," X said': the cue follows, the quote stands alone
        return False
    for comp in verb.children:
        if comp.dep_ in CONTENT_DEPS and comp.left_edge.i < quote.start <= comp.right_edge.i:
            lead = [t for t in doc[comp.left_edge.i:quote.start] if not (t.is_punct or t.lower_ == "that")]
            return bool(lead)
    return False


def _parenthetical_content(cue: Token) -> tuple[int, int] | None:
    """Token range of the clause a parenthetical cue comments on, without the cue's own words."""
    clause = cue.head
    cue_tokens = {t.i for t in cue.subtree}
    toks = [t for t in clause.subtree if t.i not in cue_tokens]
    while toks and toks[0].is_punct:
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in "”\"’":
        toks = toks[:-1]
    if len(toks) < 3:
        return None
    return toks[0].i, toks[-1].i + 1


def _reported_kind(content: str) -> str:
    """"direct" when the whole content is one quotation, "mixed" when quoted words make up half
    of it or more; a scare-quoted word or two inside reported speech leaves it "indirect"."""
    quoted = [m for m in re.finditer(r"[“\"][^”\"]*[”\"]", content)]
    if len(quoted) == 1 and quoted[0].span() == (0, len(content)):
        return "direct"  # 'said that "We will win."': the whole content is verbatim
    share = sum(len(m.group()) for m in quoted)
    return "mixed" if share and share * 2 >= len(content) else "indirect"


def _content_span(comp: Token, cue: Token) -> tuple[int, int] | None:
    """Token range of a clausal complement, without the complementiser "that"."""
    toks = [t for t in comp.subtree]
    while toks and ((toks[0].dep_ == "mark" and toks[0].lower_ in ("that",)) or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in "”\"’":
        toks = toks[:-1]
    if not toks:
        return None
    end = toks[-1].i + 1
    doc = comp.doc
    opened = sum(t.text in ("“", '"') for t in toks) % 2 == 1
    if opened:  # the parser left the closing mark to the main verb: take it back
        for k in range(end, min(len(doc), end + 3)):
            if doc[k].text in ("”", '"'):
                end = k + 1
                break
            if not doc[k].is_punct:
                break
    return toks[0].i, end


def _title_case(inner: str) -> bool:
    """A quoted title ("Orange Is the New Black", "Who's Who in the CIA"): every word
    capitalised but the small ones, and no sentence end inside."""
    words = [w for w in inner.rstrip(",").split() if any(c.isalpha() for c in w)]
    if not 2 <= len(words) <= 10 or inner.rstrip(",”’\"' ")[-1:] in (".", "!", "?"):
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in lexicon.words("title_minor_words.txt")
               for w in words)


# A short quote counts only with its cue right after it: at most this many tokens
# (the speaker's name) between them.
_SHORT_CUE_GAP = 4


def _opens_sentence(text: str, i: int) -> bool:
    """Nothing but a sentence end, a paragraph start or the start of the text before position ``i``."""
    before = text[max(0, i - 40):i].rstrip(" \t\r")
    return (before == "" and i <= 40) or before[-1:] in (".", "!", "?", ":", "\n", "”", '"', "'")


@dataclass(slots=True)
class _Open:
    """The last attributed direct quote, which a following quote may continue."""

    index: int  # in the list of quotes
    cue: _Cue
    quoted: int  # words inside its quotation marks
    around: int  # words between its parts (the cue and speaker in the middle)


_WORD = re.compile(r"\w+")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


def _continues(text: str, prev_end: int, qs: int, qe: int, minor: bool) -> bool:
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
        return True
    breaks = list(_PARAGRAPH_BREAK.finditer(gap))
    if len(breaks) != 1 or "\n" in gap[:breaks[0].start()] or gap[breaks[0].end():].strip(" \t"):
        return False
    rest = text[qe:qe + 200].lstrip(" \t\r")
    return rest == "" or rest[0] == "\n"


def extract_quotes(doc: Doc, ctx: Context | None = None) -> list[Quote]:
    """Direct and reported quotes of ``doc`` with speaker mentions (names resolved later)."""
    ctx = ctx or Context(doc)
    quotes: list[Quote] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start_char: int, end_char: int, sent_i: int, cue: Token | SpacySpan | None,
            speaker: SpacySpan | None) -> None:
        s, e = ctx.base + start_char, ctx.base + end_char
        if ctx.non_fact_furniture.overlaps(s, e):
            return
        taken.append((start_char, end_char))
        cue_span = None
        if cue is not None:
            cue_span = ctx.span(_cue_span(cue) if isinstance(cue, Token) else cue)
        spk = None
        if speaker is not None:
            sp = ctx.span(speaker)
            spk = Speaker(**asdict(sp), name=None, entity=None)
        quotes.append(Quote(id="", type=kind, **asdict(ctx.char_span(start_char, end_char)),
                            speaker=spk, cue=cue_span, sentence=ctx.sentence_of(sent_i)))

    # direct quotes; a quote without a cue of its own (or sharing the previous
    # one's) that follows an attributed quote continues it: '"A," she said. "B."'
    # is one quote, unless the words around the cue outnumber the quoted ones
    # ('"A," said X, the director of ..., "B."'): then B is a quote of its own
    # with the same speaker and cue, linked to A by ``continues``
    text = ctx.text
    sents = list(doc.sents) if len(doc) else []
    candidates = _candidates(doc)
    last: _Open | None = None
    for qs, qe in find_quote_marks(text):
        inner = text[qs + 1:qe - 1].strip(" '`")
        # scare quotes and titles; a fragment quoted inside a sentence ('called it "a
        # foundation of"') is no utterance either, unless it carries on a split quote;
        # a short exclamation opening its sentence may be one ('"Swaps are tricky," he said.')
        minor = len(inner.split()) < 4 or inner[:1].islower() or _title_case(inner)
        utterance = minor and inner[:1].isalnum() and not inner[:1].islower() and _opens_sentence(text, qs) \
            and inner[-1:] in (",", ".", "!", "?")
        if minor and last is None and not utterance:
            continue
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None:
            continue
        cue = _direct_cue(span, sents, text, candidates) or _colon_cue(span)
        if utterance and cue is not None and cue.verb.i >= span.end and cue.verb.i - span.end <= _SHORT_CUE_GAP:
            minor = False  # '"Out, out!" Mr. Trump yelled': the cue right after makes it an utterance
        if cue is not None and _inside_reported_clause(span, cue.verb):
            continue  # 'X said that his "numbers don't add up"': a mixed quote, found below
        if last is not None and (cue is None or cue.verb.i == last.cue.verb.i):
            prev = quotes[last.index]
            if _continues(text, prev.end - ctx.base, qs, qe, minor):
                quoted = last.quoted + _words(text[qs:qe])
                around = last.around + _words(text[prev.end - ctx.base:qs])
                if around <= quoted:
                    quotes[last.index] = replace(prev, end=ctx.base + qe, text=text[prev.start - ctx.base:qe])
                    taken[-1] = (prev.start - ctx.base, qe)
                    last = _Open(last.index, last.cue, quoted, around)
                else:
                    n_before = len(quotes)
                    add("direct", qs, qe, span[0].i, last.cue.verb, last.cue.speaker)
                    last = _Open(n_before, last.cue, _words(text[qs:qe]), 0) if len(quotes) > n_before else None
                continue
        if minor:
            continue
        if cue is None:
            last = None
            continue
        n_before = len(quotes)
        add("direct", qs, qe, span[0].i, cue.verb, cue.speaker)
        last = _Open(n_before, cue, _words(text[qs:qe]), 0) if len(quotes) > n_before else None

    # reported speech: reporting verb + clausal complement
    for tok in candidates:
        comps = [c for c in tok.children if c.dep_ in CONTENT_DEPS]
        if comps:
            rng = _content_span(comps[0], tok)
        elif tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
            rng = _parenthetical_content(tok)  # "Prices rose, he said." / "The plan, she said, is dead."
        else:
            continue
        if rng is None:
            continue
        cs, ce = doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text)
        if any(s <= cs < e or cs <= s < ce for s, e in taken):
            continue
        subj = _subject(tok)
        if subj is None:
            continue
        kind = _reported_kind(text[cs:ce])
        add(kind, cs, ce, rng[0], tok, _speaker_span(subj))

    # "according to X, ..."
    according = doc.vocab.strings.add("according")
    for i in (doc.to_array([LOWER]) == according).nonzero()[0].tolist() if len(doc) else ():
        tok = doc[i]
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None:
            continue
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        sent = tok.sent
        src = doc[obj.left_edge.i:obj.right_edge.i + 1]
        rest = _stripped([t for t in sent if not (tok.i <= t.i <= obj.right_edge.i)], keep_closing_marks=False)
        if not rest:
            continue
        cs, ce = rest[0].idx, rest[-1].idx + len(rest[-1].text)
        if any(s <= cs < e or cs <= s < ce for s, e in taken):
            continue
        add("indirect", cs, ce, sent.start, doc[tok.i:to.i + 1], src)

    # nominal cues: "in X's view, ...", "X's view is that ...", "In a statement, X condemned ..."
    cue_starts = {q.cue.start - ctx.base for q in quotes if q.cue is not None}
    for cs, ce, sent_start, cue_span, src, verb in _nominal_cues(doc):
        if any(s <= cs < e or cs <= s < ce for s, e in taken) or (verb is not None and verb.idx in cue_starts):
            continue  # already a quote, or the verb already cues one ('In an interview, X went on: "..."')
        add("indirect", cs, ce, sent_start, cue_span, src)

    quotes.sort(key=lambda q: q.start)
    return quotes


def _stripped(toks: list[Token], keep_closing_marks: bool = True) -> list[Token]:
    """``toks`` without punctuation and line breaks at either end (a closing quotation mark
    may stay at the end: it belongs to the content)."""
    i, j = 0, len(toks)
    while i < j and (toks[i].is_punct or toks[i].is_space):
        i += 1
    while j > i and (toks[j - 1].is_space or (toks[j - 1].is_punct and not (
            keep_closing_marks and toks[j - 1].text in "”\"’"))):
        j -= 1
    return toks[i:j]


def _trimmed(toks: list[Token]) -> tuple[int, int] | None:
    """Character range of ``_stripped(toks)``; None when under three tokens."""
    toks = _stripped(toks)
    if len(toks) < 3:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


@cache
def _nominal_cue_hashes() -> np.ndarray:
    words = lexicon.words("opinion_nouns.txt") | lexicon.words("statement_nouns.txt")
    return np.array([hash_string(w) for w in words], dtype=np.uint64)


def _nominal_cues(doc: Doc) -> list[tuple[int, int, int, SpacySpan, SpacySpan, Token | None]]:
    """(content start, content end, sentence start, cue, speaker, verb) of cues made by a noun.

    * "In Bolton's view, CLAUSE" / "CLAUSE, in his view": the possessor is the
      speaker, the rest of the sentence the content (like "according to");
    * "Bolton's view is that CLAUSE": the possessor and the complement clause;
    * "In a statement, the ministry condemned X": the subject of the verb the
      phrase modifies is the speaker, the rest of that verb's clause the
      content (when the verb is itself a reporting verb, the verb is the cue
      and this is not needed).
    """
    if not len(doc):
        return []
    opinion = lexicon.words("opinion_nouns.txt")
    out = []
    hits = np.isin(doc.to_array([LOWER]).reshape(-1), _nominal_cue_hashes()).nonzero()[0].tolist()
    for i in hits:  # found on the token array: no Token object for the other words
        tok = doc[i]
        word = tok.lower_
        head = tok.head  # the preposition "in", or the verb "is"
        if word in opinion:
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is None:
                continue
            speaker = doc[poss.left_edge.i:poss.i + 1]
            if tok.dep_ == "pobj" and head.lower_ == "in":
                phrase = set(range(head.left_edge.i, head.right_edge.i + 1))
                rng = _trimmed([t for t in tok.sent if t.i not in phrase])
                if rng is not None:
                    out.append((*rng, tok.sent.start, doc[head.i:tok.i + 1], speaker, None))
            elif tok.dep_ == "nsubj" and head.lemma_ == "be":
                comp = next((c for c in head.children if c.dep_ == "ccomp"), None)
                rng = _content_span(comp, head) if comp is not None else None
                if rng is not None and rng[1] - rng[0] >= 3:
                    cs, ce = doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text)
                    out.append((cs, ce, tok.sent.start, doc[tok.i:head.i + 1], speaker, None))
        elif tok.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB" \
                and head.head.lemma_ not in _reporting_verbs():
            verb = head.head
            subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is None:
                continue
            skip = {*range(head.left_edge.i, head.right_edge.i + 1), *range(subj.left_edge.i, subj.right_edge.i + 1)}
            rng = _trimmed([t for t in verb.subtree if t.i not in skip])
            if rng is not None:
                out.append((*rng, verb.sent.start, doc[head.i:tok.i + 1], _speaker_span(subj), verb))
    return out


def _gender_of_pronoun(text: str) -> str | None:
    return PRONOUN_GENDER.get(text.lower())


_Entity = Person | Organization


def _last_before(mentions: list[tuple[int, int, _Entity]], end: int,
                 positions: Sequence[int], fits: Callable[[_Entity], bool]) -> _Entity | None:
    """The latest of ``mentions[i]`` (i in the sorted ``positions``) ending by ``end`` that ``fits``.

    At most ``_LOOKBACK`` mentions back: a bisect finds where to start, so
    resolving every speaker stays linear in the length of the input.
    """
    hi = bisect.bisect_left(positions, end, key=lambda i: mentions[i][0])
    for j in range(hi - 1, max(hi - 1 - _LOOKBACK, -1), -1):
        _, e, ent = mentions[positions[j]]
        if e <= end and fits(ent):
            return ent
    return None


def resolve_speakers(quotes: list[Quote], people: list[Person], organizations: list[Organization]) -> None:
    """Fill ``speaker.name`` and ``speaker.entity`` in place.

    A speaker that overlaps an entity mention takes that entity; a personal
    pronoun takes the nearest person mentioned before it whose gender (from
    earlier pronouns resolved to them, honorifics, first names) does not
    conflict; a description ("the spokeswoman") takes the last person with that
    title; a description no entity fits is its own name ("war monitor"),
    without an entity id; an unresolved pronoun keeps a null name rather
    than a guess.
    """
    mentions = sorted(((m.start, m.end, ent) for ent in [*people, *organizations] for m in ent.mentions),
                      key=lambda x: x[0])
    starts = [s for s, _, _ in mentions]
    longest = max((e - s for s, e, _ in mentions), default=0)
    by_title: dict[str, list[int]] = {}  # a title word -> positions in ``mentions`` of people bearing it
    for i, (_, _, ent) in enumerate(mentions):
        if isinstance(ent, Person):
            for w in {w for t in ent.titles for w in t.lower().split()}:
                by_title.setdefault(w, []).append(i)
    everyone = range(len(mentions))
    gender: dict[str, str] = {p.id: p.gender for p in people if p.gender}

    for q in sorted(quotes, key=lambda q: q.speaker.start if q.speaker else -1):
        sp = q.speaker
        if sp is None:
            continue
        hit = None
        i = bisect.bisect_left(starts, sp.end) - 1
        while i >= 0 and starts[i] > sp.start - longest:  # an earlier mention cannot reach the speaker
            if mentions[i][1] > sp.start:
                hit = mentions[i][2]
                break
            i -= 1
        if hit is not None:
            sp.name, sp.entity = hit.name, hit.id
            continue
        g = _gender_of_pronoun(sp.text)
        if g is not None or sp.text.lower() in ("they", "it"):
            if sp.text.lower() in ("they", "it"):
                ent = _last_before(mentions, sp.start, everyone, lambda x: isinstance(x, Organization))
            else:
                ent = _last_before(mentions, sp.start, everyone,
                                   lambda x, g=g: isinstance(x, Person) and gender.get(x.id, g) == g)
            if ent is not None:
                sp.name, sp.entity = ent.name, ent.id
                if g:
                    gender.setdefault(ent.id, g)
            continue
        # nominal speakers ("the spokeswoman") through titles of people seen before
        head = sp.text.lower().split()[-1] if sp.text.split() else ""
        titled = _last_before(mentions, sp.start, by_title.get(head, []), lambda x: True)
        if titled is not None:
            sp.name, sp.entity = titled.name, titled.id
        elif sp.text.lower() not in _PRONOUNS:
            # an unresolved description names its speaker itself ("says war monitor");
            # it is not linked to any entity
            sp.name = re.sub(r"(?i)^(?:the|a|an)\s+", "", sp.text)
