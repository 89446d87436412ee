"""Reported speech from the parse: a reporting verb and what it reports, and "according to X".

A reporting verb (lexicon ``data/reporting_verbs.txt``, learned from PolNeAR
train) with a clausal complement is the cue, its subject the speaker and the
complement the content; a parenthetical cue ("Prices rose, he said")
reports the clause it hangs from.  "according to X" is a cue of its own.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import VERB
from spacy.strings import hash_string
from spacy.tokens import Token

from ... import lexicon
from .collector import Collector
from .content import char_range, content_span, on_cue_line, parenthetical_content, reported_kind, stripped
from .cues import (
    ADDRESSEE_VERBS,
    CONTENT_DEPS,
    SUBJECT_DEPS,
    adverbial_mark,
    asked_participle,
    asked_passive,
    detached,
    frames,
    is_reporting_lemma,
    loose_speaker,
    reporting_verbs,
    speaker_span,
    subject,
    told_passive,
)


def verb_reports(found: Collector) -> None:
    """Pass: reporting verb + clausal complement, or a parenthetical reporting verb."""
    doc, text = found.doc, found.text
    for tok in found.candidates:
        # the complement after the verb first: one before it is often a quote already taken
        comps = sorted((c for c in tok.children if c.dep_ in CONTENT_DEPS and not adverbial_mark(c)
                        and not detached(c, tok)), key=lambda c: c.i < tok.i)
        if not comps:
            comps = noun_complement(tok) or object_clause(tok) or addressee_clause(tok) \
                or adverbial_clause(tok) or orphan_clause(tok) or comma_object(tok)
        asked = asked_participle(tok) or asked_passive(tok)
        if asked and not comps:
            comps = asked_about(tok)
        if comps:
            ranges = [_repaired(content_span(c, tok), c, tok) for c in comps]
        elif trailing_conj(tok) and tok.head.pos_ in ("VERB", "AUX"):
            ranges = [_before_cue(tok)]
        elif _closing_cue(tok):
            ranges = [_before_cue(tok, tok.sent.start)]  # 'Language unclear on X, experts say.'
        elif tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
            ranges = [parenthetical_content(tok)]  # "Prices rose, he said." / "The plan, she said, is dead."
        elif tok.dep_ == "parataxis" and tok.head.dep_ in ("nsubj", "nsubjpass") \
                and tok.head.head.pos_ in ("VERB", "AUX"):
            ranges = [parenthetical_content(tok, tok.head.head)]  # 'The difference, he told me, is that ...'
        else:
            continue
        free = [(rng, char_range(doc, rng)) for rng in ranges if rng is not None]
        free = [(rng, chars) for rng, chars in free if not found.clashes(*chars, tok.idx)]  # one may hold another
        if not free:
            continue
        rng, (cs, ce) = free[0]
        if asked:  # 'Asked whether he would run, Smith said ...': the question, its asker unnamed
            found.add("indirect", cs, ce, rng[0], tok, None)
            continue
        subj = subject(tok)
        if subj is not None:
            speaker = speaker_span(subj)
        elif tok.tag_ in FINITE_TAGS:  # a finite verb has a subject the parser missed ('X, Zycie Warszawy daily said')
            speaker = loose_speaker(tok)
        else:
            speaker = None
        if speaker is None and told_passive(tok):  # 'employees were told that ...': by someone unnamed
            found.add(reported_kind(text[cs:ce]), cs, ce, rng[0], tok, None)
            continue
        if speaker is not None and cs < speaker.start_char < ce <= tok.idx:
            # 'CLAUSE, Ann Cole, the under-secretary, wrote': the parser hung the speaker on the clause
            head = stripped(list(doc[rng[0]:speaker.start]))
            if len(head) >= 3:
                cs, ce = head[0].idx, head[-1].idx + len(head[-1].text)
        if speaker is None or (cs < speaker.end_char and speaker.start_char < ce and not cs <= tok.idx < ce):
            continue  # no one is part of what they say ('said Ann Cole, director of the programme ...');
            # a parenthetical cue and its speaker sit inside the clause ('Time, Pence added, was ...')
        found.add(reported_kind(text[cs:ce]), cs, ce, rng[0], tok, speaker)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def with_object_subject(rng: tuple[int, int] | None, comp: Token, verb: Token) -> tuple[int, int] | None:
    """``rng`` widened to the subject of the reported clause when the parser made it the verb's
    object ('said his focus groups and other research show that ...': "groups" the object of
    "said", "show" a noun): a verb of saying takes a clause, not an object and a clause (the
    verbs whose object is the addressee, 'told reporters that', are left alone)."""
    if rng is None or comp.i < verb.i or verb.lemma_.lower() in ADDRESSEE_VERBS:
        return rng
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < comp.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return rng
    return (obj.left_edge.i, rng[1])


def addressee_clause(verb: Token) -> list[Token]:
    """'told a meeting of island leaders that few people understood ...': after a verb whose
    object is the addressee, the clause with "that" as its complementiser and a subject of its
    own, which the parser hung on the addressee as a relative clause."""
    if verb.lemma_.lower() not in ADDRESSEE_VERBS:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return []
    for t in obj.subtree:
        if t.dep_ == "relcl" and t.i > obj.i and any(k.dep_ == "mark" and k.lower_ == "that" for k in t.children) \
                and any(k.dep_ in ("nsubj", "nsubjpass", "expl") and k.lower_ not in ("that", "which", "who")
                        for k in t.children):
            return [t]
    return []


def comma_object(verb: Token) -> list[Token]:
    """'In both cases, Ann Cole said, those payments covered ...': after "said," the parser made
    the reported clause's subject an object; an object with a verb of its own is a clause."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].text != "," or verb.lemma_.lower() in ADDRESSEE_VERBS:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i + 1), None)
    if obj is None or not any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "VBN", "MD")
                              for t in obj.subtree):
        return []
    return [obj]


def trailing_conj(verb: Token) -> bool:
    """A cue at the end of a sentence that the parser coordinated with the clause it reports
    ('People should provide evidence ..., he told reporters.'): after a comma, with a subject
    of its own and no clause after it."""
    if verb.dep_ != "conj" or verb.head.i > verb.i:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subj is None or subj.left_edge.i == 0:
        return False
    doc = verb.doc
    if doc[subj.left_edge.i - 1].text != "," or any(c.dep_ == "cc" for c in verb.head.children if c.i > subj.i - 3):
        return False
    return all(c.dep_ in ("dobj", "prep", "npadvmod", "advmod", "punct", "nsubj", "nsubjpass", "aux", "neg")
               and c.pos_ not in ("VERB", "AUX") for c in verb.children)


def _before_next_report(rng: tuple[int, int], comp: Token, verb: Token) -> tuple[int, int]:
    """The content stops before ', adding, "..."': a participle of a reporting verb that the
    parser hung on the reported clause is the speaker's next report, not part of this one."""
    doc = comp.doc
    for t in doc[rng[0]:rng[1]]:
        if t.dep_ == "advcl" and t.tag_ == "VBG" and rng[0] <= t.head.i < t.i and t.i - 1 > rng[0] \
                and doc[t.i - 1].text in (",", "”", '"') and is_reporting_lemma(t.lemma_):
            end = t.i
            while end > rng[0] and (doc[end - 1].is_punct and doc[end - 1].text not in ("”", '"')):
                end -= 1
            return (rng[0], end) if end - rng[0] >= 2 else rng
    return rng


def _up_to_speaker(rng: tuple[int, int], verb: Token) -> tuple[int, int]:
    """A clause before its cue ('CLAUSE, he said') runs up to the comma before the speaker: words
    the parser hung on the verb instead ('... like “likely” and “maybe”, he said') are in it."""
    doc = verb.doc
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subj is None or rng[1] >= subj.left_edge.i:
        return rng
    end = subj.left_edge.i
    if end < 1 or doc[end - 1].text != ",":
        return rng
    gap = doc[rng[1]:end - 1]
    if not len(gap) or any("\n" in t.text_with_ws or t.pos_ in ("VERB", "AUX") for t in gap):
        return rng
    return (rng[0], end - 1)


def _closing_cue(verb: Token) -> bool:
    """'Language unclear on whether mothers are covered, experts say.': a cue that closes its
    sentence after a comma, its subject right after the comma, over words the parser could not
    make a clause of (a headline fragment, a list)."""
    if verb.dep_ != "ROOT" or any(c.dep_ in CONTENT_DEPS for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subj is None or subj.left_edge.i - verb.sent.start < 4 or verb.doc[subj.left_edge.i - 1].text != ",":
        return False
    return all(t.is_punct or t.is_space for t in verb.doc[verb.i + 1:verb.sent.end])


def _before_cue(verb: Token, start: int | None = None) -> tuple[int, int] | None:
    """The clause before a trailing coordinated cue ('CLAUSE, he told reporters.'), or the
    words from ``start`` up to a closing one."""
    subj = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i)
    toks = stripped(list(verb.doc[verb.head.left_edge.i if start is None else start:subj.left_edge.i]))
    return on_cue_line((toks[0].i, toks[-1].i + 1), verb) if len(toks) >= 3 else None


def adverbial_clause(verb: Token) -> list[Token]:
    """A clause the parser hung on the verb as an adverbial because a phrase stands between
    them: 'said after the meeting (that) the deal was dead', 'wrote in the early hours that
    ...'.  It has a subject of its own and no conjunction that makes it an adverbial ('said so
    because ...', 'said it when he was ...'); a "that" opening it is the complementiser."""
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i or not any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in c.children):
            continue
        if not (c.tag_ in FINITE_TAGS or any(k.dep_ == "aux" and k.tag_ == "MD" for k in c.children)):
            continue
        if any(k.i < c.i and ((k.dep_ == "mark" and k.lower_ != "that") or k.tag_ == "WRB") for k in c.children):
            continue
        return [c]
    return []


def _repaired(rng: tuple[int, int] | None, comp: Token, verb: Token) -> tuple[int, int] | None:
    """``content_span`` mended where the parse misleads it, in order: the reported clause's
    subject taken for the verb's object (``with_object_subject``); the speaker's next participle
    report cut off (``_before_next_report``); a "that" parsed as an adverb dropped ('said
    Wednesday that he ...'); a clause before its cue run up to the speaker (``_up_to_speaker``);
    an adverbial-looking clause after it started at its subject ('said after the meeting the
    deal ...': the phrase before belongs to the cue)."""
    rng = with_object_subject(rng, comp, verb)
    if rng is None:
        return rng
    doc = comp.doc
    rng = _before_next_report(rng, comp, verb)
    if doc[rng[0]].lower_ == "that" and rng[1] - rng[0] > 2 and doc[rng[0]].head.i == comp.i:
        rng = (rng[0] + 1, rng[1])
    if comp.i < verb.i:
        return _up_to_speaker(rng, verb)
    subj = next((k for k in comp.children if k.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if comp.dep_ != "advcl" or subj is None or subj.left_edge.i <= rng[0]:
        return rng
    return (subj.left_edge.i, rng[1])


def orphan_clause(verb: Token) -> list[Token]:
    """The clause right after a reporting verb that the parser gave to another verb: 'While he
    acknowledged funding was the reason, Ham noted ...' (the clause hung on "noted").  The
    verb has no complement of its own and the clause starts on the next word."""
    doc = verb.doc
    nxt = verb.i + 1
    if nxt < len(doc) and doc[nxt].lower_ == "that":
        nxt += 1
    if nxt >= len(doc) or verb.dep_ not in ("advcl", "relcl", "conj"):
        return []
    for c in doc[nxt].ancestors:
        if c.i <= verb.i:
            break
        if c.dep_ == "ccomp" and c.head.i != verb.i and c.head.i > c.right_edge.i \
                and any(k.dep_ in ("nsubj", "nsubjpass", "expl") and k.i >= nxt for k in c.children):
            return [c]
    return []


def asked_about(verb: Token) -> list[Token]:
    """What 'asked about X' asks: the object of "about" (a question reported by its topic)."""
    return [obj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "about" and prep.i > verb.i
            for obj in prep.children if obj.dep_ == "pobj"]


_RELATIVE = frozenset({"that", "which", "who", "whom", "whose", "where", "when"})


def object_clause(verb: Token) -> list[Token]:
    """A clause the parser read as the verb's object: 'Lund says the rise in prices
    that the union fears also makes a strike more likely' (the noun "rise" as object,
    "makes" as a relative clause on it).  A relative clause has a subject or a relative word;
    a finite one with neither is the rest of a clause whose subject is the "object"."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.i < verb.i:
            continue
        for rel in obj.children:
            if rel.dep_ == "relcl" and rel.i > obj.i and (rel.tag_ in FINITE_TAGS or any(
                    c.dep_ == "aux" and c.tag_ == "MD" for c in rel.children)) \
                    and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") or c.lower_ in _RELATIVE
                                for c in rel.children):
                return [obj]
    return []


def noun_complement(verb: Token) -> list[Token]:
    """The clause a reporting verb reports through a noun of its own: 'said in a statement that
    CLAUSE', 'said in a separate report that CLAUSE' (the parser hangs the clause on the noun,
    with "that" as its complementiser; a relative clause has none)."""
    out = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        # 'said in one of a series of messages that ...', 'said for the first time that ...': on any
        # noun of the phrase; "that" opens it (as the complementiser, or an adverb in the parse) and
        # the clause has a subject of its own (a relative "that" is the subject or object itself)
        out.extend(c for c in prep.subtree if c.dep_ in ("acl", "relcl") and c.head.pos_ in ("NOUN", "PROPN", "NUM")
                   and c.i > c.head.i and any(m.dep_ in ("mark", "advmod") and m.lower_ == "that"
                                              and m.i == c.left_edge.i for m in c.children)
                   and any(k.dep_ in ("nsubj", "nsubjpass") and k.lower_ != "that" for k in c.children))
    return out[:1]


def _swallowed_clause(according: Token, obj: Token) -> int:
    """Where the source of a sentence-opening "According to X, CLAUSE" ends when the parser took
    the clause into X (as an apposition): at the last comma of X's phrase, when more than two
    words follow it; else X's phrase is left whole."""
    doc = according.doc
    if according.i != according.sent.start:
        return obj.right_edge.i
    commas = [t.i for t in doc[obj.i:obj.right_edge.i + 1] if t.text == ","]
    if not commas or obj.right_edge.i - commas[-1] < 3:
        return obj.right_edge.i
    return commas[-1] - 1


def _reported_side(rest: list[Token], according: Token, src_end: int) -> list[Token]:
    """``_attributed_side`` without a conjunction left hanging at its end ('..., so')."""
    toks = _attributed_side(rest, according, src_end)
    while toks and (toks[-1].dep_ == "cc" or (toks[-1].is_punct and toks[-1].text not in "”\"’")):
        toks = toks[:-1]
    return toks


def _attributed_side(rest: list[Token], according: Token, src_end: int) -> list[Token]:
    """Of the sentence around a mid-sentence "according to X", the clause it attributes: the
    one it hangs on (a relative clause, a bracketed aside), and of that the side before the
    phrase ('Ann leads by 271 delegates, according to a count, but Bo has vowed ...': what
    follows is the writer's); "According to X, CLAUSE" keeps what follows."""
    if not rest or according.i == according.sent.start:
        return rest
    head = according.head
    if head.pos_ in ("VERB", "AUX") and head.dep_ in ("relcl", "parataxis"):
        inside = {t.i for t in head.subtree}
        rest = stripped([t for t in rest if t.i in inside], keep_closing_marks=False)
    opened = [t.i for t in according.sent if t.i < according.i and t.text in "()"]
    if opened and according.doc[opened[-1]].text == "(":  # '(the actual number is 15 percent, according to X)'
        rest = stripped([t for t in rest if t.i > opened[-1]], keep_closing_marks=False)
    before = [t for t in rest if t.i < according.i]
    after = [t for t in rest if t.i > src_end]
    if len(before) >= 3 and head.i < according.i:
        return stripped(before, keep_closing_marks=False)
    if head.i > src_end and any(c.dep_ in SUBJECT_DEPS and c.i < according.i for c in head.children):
        # 'A further 17 makers, according to the report, had ...': set between the clause's subject
        # and its verb, the phrase attributes the whole clause
        return stripped(_own_clause(rest), keep_closing_marks=False)
    if len(after) >= 3 and head.i > src_end:  # 'But, according to the poll, 46 percent ...'
        return stripped(_own_clause(after), keep_closing_marks=False)
    return rest


_CLAUSE_LINKS = frozenset({"so", "but", "and", "while", "although", "though", "yet", "whereas"})


def _own_clause(toks: list[Token]) -> list[Token]:
    """``toks`` up to a comma and a conjunction that open another clause with its own subject
    ('46 percent remain undecided, so late shifts could matter')."""
    for n in range(1, len(toks) - 2):
        if toks[n].text == "," and toks[n + 1].lower_ in _CLAUSE_LINKS \
                and any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in toks[n + 2:]):
            return toks[:n]
    return toks


def according_to(found: Collector) -> None:
    """Pass: "according to X, CLAUSE" / "CLAUSE, according to X": X the speaker, the rest of
    the sentence (on the cue's line) the content, even around a quote found already ('Most
    voters said Y, according to a poll': the poll reports what the voters said)."""
    doc = found.doc
    if not len(doc):
        return
    according = doc.vocab.strings.add("according")
    for i in (doc.to_array([LOWER]) == according).nonzero()[0].tolist():
        tok = doc[i]
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None:
            continue
        obj = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None)  # 'according to show insiders'
        if obj is None:
            continue
        sent = tok.sent
        src_end = obj.right_edge.i
        line_start = found.text.rfind("\n", 0, tok.idx) + 1
        line_end = found.text.find("\n", tok.idx) % (len(found.text) + 1)
        rest = stripped([t for t in sent if not (tok.i <= t.i <= src_end)
                         and line_start <= t.idx < line_end], keep_closing_marks=False)
        if not rest:  # 'According to X, the move reeks of ...' parsed as an apposition to X
            src_end = _swallowed_clause(tok, obj)
            rest = stripped([t for t in sent if not (tok.i <= t.i <= src_end)
                             and line_start <= t.idx < line_end], keep_closing_marks=False)
        src = doc[obj.left_edge.i:src_end + 1]
        rest = _reported_side(rest, tok, src_end)
        if not rest:
            continue
        cs, ce = rest[0].idx, rest[-1].idx + len(rest[-1].text)
        if any((s < cs or ce < e or (s, e) == (cs, ce)) for s, e in found.taken if s < ce and cs < e):
            continue  # nested reports are kept: 'X said Y, according to Z' attributes "X said Y" to Z
        found.add("indirect", cs, ce, sent.start, doc[tok.i:to.i + 1], src)


@cache
def _frame_hashes() -> np.ndarray:
    return np.array([hash_string(v) for v in frames()], dtype=np.uint64)


def _frame_parts(verb: Token, wanted: frozenset[str]) -> tuple[list[Token], Token | None]:
    """The complements of ``verb`` that its frames name, and the preposition that joins the cue
    when the content is a prepositional object ('pointed to X': ``pobj:to``)."""
    parts: list[Token] = []
    prep = None
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ == "prep":
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if f"prep:{c.lower_}" in wanted:
                parts.append(c)
            elif obj is not None and f"pobj:{c.lower_}" in wanted and not parts and prep is None:
                parts.append(obj)
                prep = c
        elif c.dep_ in wanted:
            parts.append(c)
    if verb.lemma_.lower() in ADDRESSEE_VERBS and any(p.dep_ == "xcomp" for p in parts):
        # 'urged Vietnam and others to push back': the one urged is part of the request, as the
        # requests pass and PolNeAR train take it
        obj = next((o for o in verb.children if o.dep_ in ("dobj", "dative") and verb.i < o.i < parts[0].i), None)
        if obj is not None:
            parts.insert(0, obj)
    return parts, prep


_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "who"})


def _source_like(subj: Token) -> bool:
    """A subject that can say something: a name, a personal pronoun, or a noun the article
    gives a name to ('the senator', 'critics' are left out: without a name or a pronoun a
    noun is as often a thing, 'all signs point to', 'the platform will endorse')."""
    return subj.pos_ == "PROPN" or bool(subj.ent_type_) or subj.lower_ in _PERSONAL \
        or any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in subj.children) \
        or (subj.lemma_.lower() in _speaker_heads() and any(c.dep_ in ("det", "poss") for c in subj.children))


@cache
def _speaker_heads() -> frozenset[str]:
    """Nouns that name a speaker by role or kind ('the nominee', 'the ministry'): the person and
    organization nouns the speaker resolution reads (``data/person_nouns.txt``, ``speaker_nouns.txt``)."""
    return frozenset(lexicon.mapping("person_nouns.txt")) | frozenset(lexicon.mapping("speaker_nouns.txt"))


def _adjunct(verb: Token) -> bool:
    """A verb that says why or how something else was done, not what someone said: an
    infinitive of purpose ('went before the legislature to urge Arabs to ...') or a participle
    that is not a verb of speech ('raced to the scene, hoping to find survivors', 'the
    newspaper, quoting witnesses, said')."""
    if verb.dep_ != "advcl" and not (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True
    return verb.tag_ == "VBG" and verb.lemma_.lower() not in reporting_verbs()


def _names_a_speaker(found: Collector, start: int, end: int) -> bool:
    """The content lies inside the speaker of a quote already found, or runs straight into it: a
    description before a name, with a word of it taken for a verb ('Romanian listed state
    engineer Norvik said ...')."""
    base = found.ctx.base
    for q in found.quotes:
        if q.speaker is None:
            continue
        s, e = q.speaker.start - base, q.speaker.end - base
        if s <= start < e or (end <= s and found.text[end:s].strip() == ""):
            return True
    return False


def frame_reports(found: Collector) -> None:
    """Pass: what a verb reports through its object, infinitive or prepositional complement
    ("announced his resignation", "vowed to fight on", "accused the mayor of lying", "pointed
    to the record"): the complements after the verb that its frames name (learned from
    PolNeAR train) are the content, the active subject the speaker."""
    doc = found.doc
    if not len(doc):
        return
    arr = doc.to_array([LEMMA, POS])
    hits = (np.isin(arr[:, 0], _frame_hashes()) & (arr[:, 1] == VERB)).nonzero()[0].tolist()
    cue_starts = found.cue_starts()
    lemma_frames = frames()
    for i in hits:
        verb = doc[i]
        if verb.idx in cue_starts:
            continue
        parts, prep = _frame_parts(verb, lemma_frames.get(verb.lemma_.lower(), frozenset()))
        if not parts:
            continue
        if _adjunct(verb):
            continue
        subj = subject(verb)  # in a relative clause too: 'Clinton, who announced a plan on Monday, ...'
        if subj is None or subj.dep_ != "nsubj" or not _source_like(subj):
            continue
        toks = stripped(list(doc[min(c.left_edge.i for c in parts):max(c.right_edge.i for c in parts) + 1]))
        if not toks:
            continue
        cs, ce = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if found.overlaps(cs, ce) or _names_a_speaker(found, cs, ce):
            continue
        cue = doc[verb.i:prep.i + 1] if prep is not None else verb
        found.add(reported_kind(found.text[cs:ce]), cs, ce, toks[0].i, cue, speaker_span(subj))
