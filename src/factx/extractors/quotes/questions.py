"""Questions and requests: 'asked X if CLAUSE', 'asked X to VP', 'asked about X', 'told X to VP'.

What a question or a request reports is no "that" clause: the parser hangs
'if they planned to vote' on "asked" as an adverbial clause and 'to donate
the profits' as an open complement, so the reported-speech pass, which
reads clausal complements, passes them by.  PolNeAR train annotates them as
attributions: the if/whether clause (with its "if"), the one asked with the
infinitive ('the network to donate the profits'), the object of "about" or
"for", and the question a speaker leaves open ('did not say when').  Who asks is the subject; in the
passive ('she was asked if ...', 'Asked whether ..., Lee said') the subject
is the one asked and the asker goes unnamed unless a "by" phrase names them.
The verbs and the complements each takes are a lexicon
(``data/request_frames.txt``).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from spacy.tokens import Token

from ... import lexicon
from .collector import Collector
from .content import reported_kind, stripped
from .cues import SUBJECT_DEPS, asked_participle, by_agent, speaker_span, subject

_QUESTION_MARKS = frozenset({"if", "whether"})
_WH_WORDS = frozenset({"when", "where", "why", "how", "who", "whom", "what", "which", "whether", "if"})


@cache
def _frames() -> dict[str, frozenset[str]]:
    """Lemma -> the complements that hold its question or request (``question``: an if/whether
    clause, ``xcomp``: an infinitive, ``object_infinitive``: the same after the one told when the
    parser calls it an adverbial, ``prep:about`` / ``prep:for``: a prepositional object,
    ``unsaid``: a wh-word or wh-clause after the negated verb)."""
    out: dict[str, set[str]] = {}
    for lemma, comp in lexicon.rows("request_frames.txt"):
        out.setdefault(lemma.lower(), set()).add(comp)
    return {k: frozenset(v) for k, v in out.items()}


def _complement(verb: Token, wanted: frozenset[str]) -> tuple[int, int, Token | None] | None:
    """Token range of the first complement after the verb that its frames name, and the
    preposition that joins the cue ('asked for')."""
    if "unsaid" in wanted and any(c.dep_ == "neg" for c in verb.children):
        # 'did not say when', 'would not say when, or if, the vote will come': the question left open
        after = [c for c in verb.children if c.i > verb.i and not c.is_punct]
        if after and after[0].dep_ in ("advmod", "advcl", "ccomp") \
                and after[0].left_edge.lower_ in _WH_WORDS:
            return after[0].left_edge.i, max(c.right_edge.i for c in after) + 1, None
    for c in verb.children:
        if c.i < verb.i:
            continue
        if "question" in wanted and c.dep_ in ("advcl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ in _QUESTION_MARKS and m.i == c.left_edge.i for m in c.children):
            return c.left_edge.i, c.right_edge.i + 1, None
        if "xcomp" in wanted and (c.dep_ == "xcomp" or ("object_infinitive" in wanted and _told_to(verb, c))) \
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            # the one asked or urged is part of the request ('urged the council to resign'), as
            # PolNeAR train mostly annotates it (21 of 27 such contents)
            obj = next((o for o in verb.children if o.dep_ in ("dobj", "dative") and verb.i < o.i < c.i), None)
            return (obj.left_edge.i if obj is not None else c.left_edge.i), c.right_edge.i + 1, None
        if c.dep_ == "prep" and f"prep:{c.lower_}" in wanted:
            obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj.left_edge.i, obj.right_edge.i + 1, c if c.lower_ == "for" else None
    return None


def _told_to(verb: Token, clause: Token) -> bool:
    """An infinitive after the one told that the parser made an adverbial ('tells his supporters
    at a rally to "go vote"'): with "tell" and its like the infinitive is the request, not a
    purpose ('asked questions to get answers' is one)."""
    return clause.dep_ == "advcl" and any(o.dep_ == "dobj" and verb.i < o.i < clause.i for o in verb.children)


def _asker(verb: Token) -> Token | None:
    """Who asks: the active subject, or the "by" agent of the passive; None when the subject is
    the one asked ('she was asked', 'Asked whether ...')."""
    if asked_participle(verb):
        return by_agent(verb)
    if any(c.dep_ == "nsubjpass" for c in verb.children) or (
            verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)):
        return by_agent(verb)
    subj = subject(verb)
    if subj is not None and subj.dep_ == "nsubjpass":
        return by_agent(verb)
    return subj


def _passive(verb: Token) -> bool:
    return asked_participle(verb) or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def request_reports(found: Collector) -> None:
    """Pass: a question or request reported by its if/whether clause, infinitive or "about"/"for"
    object, the asker the speaker (none in the passive without "by")."""
    doc, text = found.doc, found.text
    frames = _frames()
    starts = [s for s, _ in found.marks]
    for verb in found.candidates:
        wanted = frames.get(verb.lemma_.lower())
        if wanted is None:
            continue
        k = bisect_right(starts, verb.idx) - 1
        if k >= 0 and found.marks[k][0] < verb.idx < found.marks[k][1]:
            continue  # inside a quotation: the speaker's own words
        if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            continue  # a purpose ('flew to the capital to urge lawmakers to ...'): what was done, not said
        rng = _complement(verb, wanted)
        if rng is None:
            continue
        toks = stripped(list(doc[rng[0]:rng[1]]))
        if len(toks) < 2 and not (toks and (toks[0].pos_ in ("NOUN", "PROPN") or toks[0].lower_ in _WH_WORDS)):
            continue
        cs, ce = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if found.overlaps(cs, ce):
            continue
        asker = _asker(verb)
        if asker is None and not _passive(verb):
            continue  # an active verb whose subject the parse lost
        if asker is not None and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and asker.i > verb.i \
                and by_agent(verb) is None:
            continue
        speaker = speaker_span(asker) if asker is not None else None
        if speaker is not None and cs < speaker.end_char and speaker.start_char < ce:
            continue
        prep = rng[2]
        cue = doc[verb.i:prep.i + 1] if prep is not None and prep.i == verb.i + 1 else verb
        found.add(reported_kind(text[cs:ce]), cs, ce, toks[0].i, cue, speaker)
