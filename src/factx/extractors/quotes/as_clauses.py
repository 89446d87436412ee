"""Reports in an "as" clause: 'As the Gazette noted, the council raised $1.1 million.'

The as-clause ("as X noted", "as one of his advisers pointed out", "as stated in
the report") attributes the clause it is attached to, not a complement of its own:
that clause, without the as-clause and the commas around it, is the content, the
as-clause's subject the speaker and its verb the cue.  When the as-clause sits
inside the clause ('Hawaii, as one adviser pointed out, rarely gets two storms')
the content is the two parts around it, the second linked to the first
(``continues``, as for a direct quote split around its cue).

The parser reads these clauses three ways, and each is handled:

* the as-clause as an adverbial clause of the main verb ("as" its marker);
* the reporting verb as the head of the sentence, with the clause after the
  comma as its complement and "as" hanging from the verb;
* 'X happened, as one of them, a reporter, reported': "as" hanging from the
  main verb, the reporting verb the head of the sentence.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .collector import Collector
from .content import on_cue_line, reported_kind, stripped
from .cues import (
    ADDRESSEE_VERBS,
    CONTENT_DEPS,
    SUBJECT_DEPS,
    by_agent,
    is_reporting_lemma,
    reporting_verbs,
    speaker_span,
)

# what sets an as-clause off from the clause it comments on
_BREAKS = frozenset({",", "—", "–", "--", "(", ")"})
# what ends the search for the as-clause's verb: it does not cross a quotation, a colon or a clause
_STOPS = frozenset({":", ";", '"', "“", "”", "''", "``"})
# the verb's own complements: with one of these right after it, the verb reports that
# ('as he explained how tough it is'), not the clause the as-clause is attached to
_OWN_CONTENT = frozenset({"ccomp", "xcomp", "dobj", "parataxis", "attr", "oprd"})
# the verb's words that belong to the as-clause ('pointed out in December', 'noted recently')
_CLAUSE_DEPS = frozenset({"prt", "advmod", "prep", "npadvmod", "agent", "dative", "dobj", "advcl", "punct"})
# words that link the clause to the one before ('Yet', 'However'): no part of what was reported
_LINKS = frozenset({"cc", "mark", "advmod", "intj", "punct"})
_WINDOW = 30  # tokens from "as" to its verb at most (a long apposition: 'as Ann Cole, an expert on ..., noted')


def as_clauses(found: Collector) -> None:
    """Pass: 'as X noted, CLAUSE' / 'CLAUSE, as X reported' / 'A, as X pointed out, B'."""
    doc = found.doc
    if not len(doc):
        return
    as_word = doc.vocab.strings.add("as")
    for i in (doc.to_array([LOWER]) == as_word).nonzero()[0].tolist():
        mark = doc[i]
        verb = _reporting_verb(mark)
        if verb is None:
            continue
        clause = _clause_tokens(mark, verb)
        parts = _content_parts(mark, verb, clause)
        if not parts:
            continue
        speaker = _speaker(mark, verb)
        if speaker is None:
            continue  # 'as opposed to', 'as it is written': no one is said to have said it
        text = found.text
        spans = [(p[0].idx, p[-1].idx + len(p[-1].text)) for p in parts]
        kind = reported_kind(text[spans[0][0]:spans[-1][1]])
        kind = "mixed" if kind == "direct" and len(spans) > 1 else kind
        if any(found.clashes(cs, ce) for cs, ce in spans):
            continue
        for (cs, ce), part in zip(spans, parts, strict=True):
            found.add(kind, cs, ce, part[0].i, verb, speaker)


def _is_break(tok: Token) -> bool:
    """A comma, a bracket or a dash (a hyphen with a space before it: 'hands - as Rubio has said')."""
    return tok.text in _BREAKS or (tok.text == "-" and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_))


def _opens_clause(mark: Token) -> bool:
    """'as' where a clause of its own can start: at the start of a sentence, after a break, a
    conjunction, 'If,' or an adverb on it ('just as', 'even as'); not 'such as', 'served as',
    'the same as', 'as well as'."""
    if mark.i == mark.sent.start:
        return True
    prev = mark.doc[mark.i - 1]
    return _is_break(prev) or prev.dep_ == "cc" or prev.is_sent_start \
        or (prev.dep_ == "advmod" and prev.head.i == mark.i and prev.i == mark.sent.start)


def _reporting_verb(mark: Token) -> Token | None:
    """The reporting verb of the as-clause opened by ``mark``: the first verb after it, with
    nothing but its subject and auxiliaries in between ('as I've suggested', 'as stated in'),
    when it reports nothing of its own."""
    if not _opens_clause(mark) or mark.dep_ not in ("mark", "prep", "advmod"):
        return None
    doc, sent = mark.doc, mark.sent
    for j in range(mark.i + 1, min(sent.end, mark.i + _WINDOW)):
        tok = doc[j]
        if tok.text in _STOPS or "\n" in tok.text:
            return None
        if tok.pos_ in ("VERB", "AUX"):
            if tok.dep_ in ("aux", "auxpass", "neg") and tok.head.i > j:
                continue
            # a verb that reports a clause, the one "as" stands for ('as X noted [that ...]'); a verb
            # that reports only through an object, or one in progress, is an event the clause is
            # timed by ('as Yellen speaks', 'as the crowd was applauding')
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in reporting_verbs() or _progressive(tok):
                return None
            return tok if _reports_nothing_itself(tok) and _subject_inside(mark, tok) else None
    return None


def _progressive(verb: Token) -> bool:
    """'was vouching', 'is speaking': an -ing verb with a form of "be"."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _reports_nothing_itself(verb: Token) -> bool:
    """No complement of the verb's own follows it without a break ('as he explained how ...',
    'as she said she would'); a verb that tells someone keeps its addressee ('as she told
    reporters, ...')."""
    doc = verb.doc
    after = max([verb.i, *(t.i for c in verb.rights if c.dep_ in ("prt", "advmod", "npadvmod") for t in c.subtree)]) + 1
    if after < len(doc) and doc[after].text == ":":
        return False  # 'as the website notes: "..."': the quotation after the colon is what it notes
    for c in verb.rights:
        if c.dep_ not in _OWN_CONTENT or (c.dep_ == "dobj" and verb.lemma_.lower() in ADDRESSEE_VERBS):
            continue
        if not any(_is_break(doc[k]) for k in range(verb.i + 1, c.left_edge.i)):
            return False
    return True


def _subject_inside(mark: Token, verb: Token) -> bool:
    """Between "as" and the verb there is nothing but the speaker and the verb's auxiliaries:
    no other clause ('as the bill that passed said' is not one)."""
    inside = range(mark.i + 1, verb.i)
    if not inside:
        return True
    return any(c.dep_ in SUBJECT_DEPS and c.i in inside for c in verb.children) \
        or any(c.dep_ == "pobj" and c.i in inside for c in mark.children)


def _clause_tokens(mark: Token, verb: Token) -> set[int]:
    """Token indices of the as-clause: from "as" to the verb, and the verb's own words after it
    up to the break before the clause it comments on ('pointed out in December,'; what follows
    the comma is that clause, whatever the parser hung it on)."""
    out = set(range(mark.i, verb.i + 1))
    for c in verb.rights:
        if c.dep_ == "punct" and _is_break(c):
            out.add(c.i)
            break
        if c.dep_ not in _CLAUSE_DEPS or c.dep_ == "punct":
            break
        out.update(t.i for t in c.subtree)
    return out


def _content_parts(mark: Token, verb: Token, clause: set[int]) -> list[list[Token]]:
    """The clause the as-clause comments on, without it: one run of tokens, or two around it."""
    doc = verb.doc
    if verb.dep_ in ("advcl", "parataxis") and verb.head.i not in clause \
            and not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        head = verb.head  # 'As X noted, the council raised ...': the as-clause modifies the main verb
        if _someones_report(head):
            return []  # '..., Ann Cole announced, as reported by Reuters': the report is Cole's (reported.py)
        drop = {t.i for t in verb.subtree} | clause
        toks = [t for t in head.subtree if t.i not in drop]
        # 'If, as I've suggested, he ...': the main clause's own marker and conjunction stay out
        lead = {c.i for c in head.children if c.dep_ in ("mark", "cc") and c.i < mark.i}
        # '..., as the paper reported, and he will ...': what is coordinated after it is not what it reports
        after = [c for c in head.children if c.dep_ == "conj" and c.i > max(clause)]
        for c in after:
            lead |= {t.i for t in c.subtree}
            lead |= {k.i for k in doc[max(clause) + 1:c.left_edge.i] if k.dep_ == "cc" and k.head.i == head.i}
        toks = [t for t in toks if t.i not in lead]
    else:  # the reporting verb heads the sentence: the clause it governs, around the as-clause
        toks = [t for t in verb.subtree if t.i not in clause]
    if not toks:
        return []
    rng = on_cue_line((toks[0].i, toks[-1].i + 1), verb)
    if rng is None:
        return []
    toks = [t for t in toks if rng[0] <= t.i < rng[1]]
    runs: list[list[Token]] = []
    for t in toks:
        if runs and runs[-1][-1].i == t.i - 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    parts = [p for p in (stripped(r) for r in runs) if p]
    if len(parts) == 2 and all(t.dep_ in _LINKS for t in parts[0]):
        parts = parts[1:]  # 'Yet, as X observed, ...', 'However, as X noted, ...': a link word, not content
    if not parts or len(parts) > 2 or sum(not t.is_punct for p in parts for t in p) < 3:
        return []
    if len(parts) == 2 and not (parts[0][-1].i < mark.i and parts[1][0].i > max(clause)):
        return []
    return parts


_PEOPLE = frozenset({"PERSON", "ORG", "NORP"})
_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they"})


def _someones_report(head: Token) -> bool:
    """The clause is a person's or an organization's report of its own ('Ann Cole announced
    that ...'), not a statement about things ('The video does not answer whether ...')."""
    if not is_reporting_lemma(head.lemma_.lower()) or not any(c.dep_ in CONTENT_DEPS for c in head.children):
        return False
    subj = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    return subj is not None and (subj.ent_type_ in _PEOPLE or subj.lower_ in _PERSONAL)


def _speaker(mark: Token, verb: Token) -> SpacySpan | None:
    """Who the as-clause says spoke: the verb's subject, the "by" agent of a passive ('as reported
    by the Times'), the source of 'as stated in the report'; None when it names none ('as
    predicted')."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and mark.i < c.i < verb.i), None)
    if subj is None:
        subj = by_agent(verb)
    if subj is None:
        subj = next((c for c in mark.children if c.dep_ == "pobj" and c.i < verb.i), None)
    if subj is None and verb.tag_ == "VBN":
        prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "in"), None)
        if prep is not None:
            subj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if subj is None or subj.lower_ == "it":
        return None
    return speaker_span(subj)
