"""Content spans of reported speech: which tokens a cue reports, and whether they are verbatim."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .cues import CONTENT_DEPS, SUBJECT_DEPS, discourse_marker, is_reporting_lemma

_CLOSING_MARKS = "”\"’"
_OPENING_MARKS = ("“", '"', "''", "``", "‘")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")


def reported_kind(content: str) -> str:
    """"direct" when the whole content is one quotation, "mixed" when quoted words make up half
    of it or more; a scare-quoted word or two inside reported speech leaves it "indirect"."""
    quoted = list(_QUOTED.finditer(content))
    if len(quoted) == 1 and quoted[0].span() == (0, len(content)):
        return "direct"  # 'said that "We will win."': the whole content is verbatim
    share = sum(len(m.group()) for m in quoted)
    return "mixed" if share and share * 2 >= len(content) else "indirect"


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _shares_auxiliary(comp: Token, conj: Token) -> bool:
    """A coordinated verb without a tense of its own under the clause's auxiliary ('she would
    call the minister in and tell him', 'the board is acting rashly and showing disregard'): the
    same clause goes on; a finite one ('and promised to ...', 'but did not suggest') is not."""
    if conj.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") for c in conj.children):
        return False
    return any(c.dep_ in ("aux", "auxpass") for c in comp.children)


def _report_after(comp: Token, cue: Token) -> int | None:
    """Index of the first token of a reporting verb phrase coordinated at the end of the
    reported clause, with its conjunction: subject-less ('said he would offer a prayer but did
    not suggest ...', 'said she regretted her remarks and promised to ...'), the speaker's next
    statement, or the cue's verb again with a subject and a clause of its own ('said they were
    worried, and 4 in 10 said Trump would ...'), another report; either way not part of the
    first (the parser hangs it on the wrong verb)."""
    if not any(c.dep_ in SUBJECT_DEPS for c in comp.children):
        return None
    for conj in comp.rights:
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or not is_reporting_lemma(conj.lemma_.lower()):
            continue
        own_subject = any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in conj.children)
        if not own_subject and _shares_auxiliary(comp, conj):
            continue  # 'said he would sit Putin down and tell him ...': still what he would do
        # '..., and more than 4 in 10 said Trump would ...': the cue's verb again, with another
        # speaker and a clause of its own (a parallel report; 'said he was ill and his doctors
        # have told him ...' or '... and it also showed ...' are what was said)
        if not own_subject or (conj.lemma_ == cue.lemma_
                               and any(c.dep_ in CONTENT_DEPS and c.i > conj.i for c in conj.children)):
            start = conj.left_edge.i
            doc = comp.doc
            while start > comp.i + 1 and (doc[start - 1].dep_ == "cc" or doc[start - 1].is_punct):
                start -= 1
            return start
    return None


_ASIDE_MARKS = frozenset({",", "—", "–", "--", "-"})
_RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where"})


def _aside_start(toks: list[Token]) -> int:
    """How many of ``toks`` to keep: the content without a writer's aside at its end, a
    non-restrictive relative clause set off by a comma or a dash ('..., which was passed in
    2010', '..., who worked on the campaign').  PolNeAR mostly leaves these out of what
    was said."""
    last = toks[-1].i
    for n in range(3, len(toks) - 1):
        mark, first = toks[n], toks[n + 1]
        if mark.text not in _ASIDE_MARKS or (mark.text in ("-", "--") and not toks[n - 1].whitespace_):
            continue  # 'Dodd-Frank' is one name
        heads = [t for t in toks[n + 1:] if not (first.i <= t.head.i <= last)]
        if len(heads) != 1:
            continue
        head = heads[0]
        if head.dep_ == "relcl" and first.lower_ in _RELATIVE_WORDS:
            return n
    return len(toks)


_CONTRAST_MARKS = frozenset({"while", "whereas", "though", "although"})


def _writers_tail(toks: list[Token], comp: Token) -> int:
    """How many of ``toks`` to keep: the content without a contrast the writer adds after a comma
    or a dash, with its own subject (', while about 4 in 10 want ...'), or what the speaker was
    doing meanwhile (', as he deflected attacks').  A trailing participle
    stays: it is as often what was said ('visit often, competing at soccer') as the writer's."""
    last = toks[-1].i
    for n in range(3, len(toks) - 1):
        mark, first = toks[n], toks[n + 1]
        if mark.text not in _ASIDE_MARKS or (mark.text in ("-", "--") and not toks[n - 1].whitespace_):
            continue
        heads = [t for t in toks[n + 1:] if not (first.i <= t.head.i <= last)]
        if len(heads) != 1 or heads[0].dep_ != "advcl":
            continue
        head = heads[0]
        if first.lower_ in _CONTRAST_MARKS and head.head.i == comp.i \
                and any(c.dep_ in SUBJECT_DEPS for c in head.children):
            return n
        if first.lower_ == "as" and mark.text == "," and any(
                c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in head.children):
            return n  # '..., as he deflected attacks on his loyalty': what the speaker did meanwhile
    return len(toks)


def _according_start(toks: list[Token]) -> int:
    """How many of ``toks`` to keep: the content without ', according to X' at its end, the
    writer's source for the report, a cue of its own (the "according to" pass)."""
    for n in range(2, len(toks) - 2):
        if toks[n].lower_ == "according" and toks[n + 1].lower_ == "to" and toks[n - 1].text == ",":
            return n - 1
    return len(toks)


def _parallel_after(comp: Token, cue: Token) -> int | None:
    """Index of the last token of a complement coordinated with ``comp`` by a repeated
    complementiser ('said that she had seen the emails, and that talk of dissent masked the
    divisions'; 'but that his conduct was not a crime') or one after a colon that spells it out
    ('saying it is time to accept a new reality: that ...'): the parser hangs it on the cue,
    yet it is the same cue's content.  None when there is none."""
    if comp.i < cue.i:
        return None
    doc = comp.doc
    end = comp.right_edge.i
    last = None
    if any(c.dep_ == "preconj" for c in comp.children):
        # 'maintained that it would not only cover X, but Y as well': the parser hangs the second
        # member of the correlative pair on the cue
        conj = next((c for c in cue.rights if c.i > end and c.dep_ == "conj"), None)
        if conj is not None and any(t.dep_ == "cc" for t in doc[end + 1:conj.left_edge.i + 1]):
            last = end = conj.right_edge.i
    for conj in cue.rights:
        if conj.i <= end or conj.dep_ not in ("conj", *CONTENT_DEPS) or conj.pos_ not in ("VERB", "AUX"):
            continue
        lead = list(doc[end + 1:conj.left_edge.i])
        if [t.text for t in lead] == [":"]:
            # 'said it is time to accept a new reality: that X is the face of the party'
            if any(t.text in _OPENING_MARKS for t in conj.subtree):
                break
            last = end = conj.right_edge.i
            continue
        if doc[conj.left_edge.i].dep_ == "cc":
            lead.append(doc[conj.left_edge.i])
        if conj.dep_ != "conj" or any(not (t.is_punct or t.dep_ == "cc") for t in lead) \
                or not any(t.dep_ == "cc" for t in lead) \
                or not any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children):
            break
        last = end = conj.right_edge.i
    return last



def _next_report(toks: list[Token], comp: Token) -> int:
    """How many of ``toks`` to keep: the content without a participle of a reporting verb with
    a clause of its own that ends it after a comma ('said he saw no reason to change, telling
    the host that ...', 'insisted she had grown the party, claiming that ...'): the speaker's
    next report, a cue of its own, not part of the first."""
    last = toks[-1].i
    for n in range(2, len(toks) - 2):
        tok = toks[n]
        if toks[n - 1].text != "," or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "conj", "xcomp") \
                or tok.head.i < comp.i or not is_reporting_lemma(tok.lemma_.lower()) \
                or tok.right_edge.i < last:
            continue
        if any(c.dep_ in CONTENT_DEPS and c.i > tok.i for c in tok.children):
            return n - 1
    return len(toks)


def content_span(comp: Token, cue: Token) -> tuple[int, int] | None:
    """Token range of a clausal complement, with the complements coordinated with it
    (``_parallel_after``), without the complementiser "that" and without a reporting verb
    phrase coordinated at its end (``_report_after``)."""
    toks = list(comp.subtree)
    more = _parallel_after(comp, cue)
    if more is not None:
        toks = list(comp.doc[comp.left_edge.i:more + 1])
    if comp.i > cue.i:  # 'the price that exporters say is realistic': the relative word stays outside
        toks = [t for t in toks if t.i > cue.i]
    cut = _report_after(comp, cue)
    if cut is not None:
        toks = [t for t in toks if t.i < cut]
    while toks and ((toks[0].dep_ == "mark" and toks[0].lower_ in ("that",))
                    or (toks[0].is_punct and toks[0].text not in _OPENING_MARKS)):
        toks = toks[1:]
    comma = next((n for n, tok in enumerate(toks[:6]) if tok.text == ","), None)
    if comma is not None and any(discourse_marker(tok) for tok in toks[:comma]):
        toks = toks[comma + 1:]  # 'That being said, "..."': the writer's link, not what was said
    while toks and toks[-1].is_punct and toks[-1].text not in _CLOSING_MARKS:
        toks = toks[:-1]
    if not toks:
        return None
    toks = toks[:_aside_start(toks)]
    toks = toks[:_according_start(toks)]
    toks = toks[:_writers_tail(toks, comp)]
    toks = toks[:_next_report(toks, comp)]
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
    return on_cue_line((toks[0].i, end), cue)


def on_cue_line(rng: tuple[int, int], cue: Token) -> tuple[int, int] | None:
    """``rng`` cut to the line that holds the cue: reported speech does not cross a line break
    that the layout kept (``layout``: a line break that only wraps a paragraph is a space in
    the parse, so every line break left ends a line of its own; in one-sentence-a-line copy
    the parser still joins a sentence ending in an abbreviation to the next: '... Johnson
    Controls Inc and Lear Corp.\\nFamily-controlled Douglas & Lomason ... said James Hoey');
    None when under two tokens remain."""
    doc = cue.doc
    start, end = rng
    for k in range(min(end, cue.i) - 1, start - 1, -1):
        if "\n" in doc[k].text_with_ws:
            start = k + 1
            break
    for k in range(max(start, cue.i + 1), end):
        if "\n" in doc[k].text:
            end = k
            break
        if "\n" in doc[k].whitespace_:
            end = k + 1
            break
    while start < end and (doc[start].is_space or (doc[start].is_punct and doc[start].text not in "“\"'")):
        start += 1
    return (start, end) if end - start >= 2 else None


def parenthetical_content(cue: Token, clause: Token | None = None) -> tuple[int, int] | None:
    """Token range of the clause a parenthetical cue comments on (``clause``, by default the
    cue's head), without the cue's own words."""
    clause = cue.head if clause is None else clause
    cue_tokens = {t.i for t in cue.subtree}
    toks = [t for t in clause.subtree if t.i not in cue_tokens]
    while toks and toks[0].is_punct:
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in _CLOSING_MARKS:
        toks = toks[:-1]
    if len(toks) < 3:
        return None
    return on_cue_line((toks[0].i, toks[-1].i + 1), cue)


def stripped(toks: list[Token], keep_closing_marks: bool = True) -> list[Token]:
    """``toks`` without punctuation and line breaks at either end (a closing quotation mark
    may stay at the end: it belongs to the content)."""
    i, j = 0, len(toks)
    while i < j and (toks[i].is_punct or toks[i].is_space):
        i += 1
    while j > i and (toks[j - 1].is_space or (toks[j - 1].is_punct and not (
            keep_closing_marks and toks[j - 1].text in _CLOSING_MARKS))):
        j -= 1
    return toks[i:j]


def trimmed(toks: list[Token]) -> tuple[int, int] | None:
    """Character range of ``stripped(toks)``; None when under three tokens."""
    toks = stripped(toks)
    if len(toks) < 3:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def char_range(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    """Character range of the token range ``rng`` of ``doc``."""
    last = doc[rng[1] - 1]
    return doc[rng[0]].idx, last.idx + len(last.text)
