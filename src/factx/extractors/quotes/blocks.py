"""Colon blocks: what a cue ending in a colon introduces, without quotation marks.

Opinion pieces and blogs set a long quotation off as a block of its own, with
no quotation marks: 'Lund wrote:' ends a line and the next paragraph is what
Lund wrote.  The same happens on one line: 'She answered the way she always
does: no deal, no vote.'  In PolNeAR train the block is the paragraph after
the colon (its lines may be broken without a blank line between them: the
block quote of a web page); a run of list items ('- ...', '1. ...') after
'X argued that:' is one block.  A colon also opens lists ('Here are three
reasons:'), headings and times, introduces quoted paragraphs (the direct pass
takes those) and embedded tweets ('<tweet ...>'); so the clause before the
colon must hold a verb of saying or writing (``data/block_verbs.txt``) with its
subject before it, that has nothing to report yet: no clause
or object of its own after it ('CNN noted the sparse crowd:' introduces
a picture, not words), and a speaker.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ... import lexicon
from .collector import Collector
from .content import reported_kind
from .cues import ADDRESSEE_VERBS, CONTENT_DEPS, loose_speaker, speaker_span, subject

_COLON = re.compile(r":(?:[ \t\xa0]*\r?\n|[ \t\xa0]+(?=\S))")
_OPENING = "\"“‘'«„`<"
_BULLET = re.compile(r"(?:[-–—•*·]|l|\d{1,2}[.)])[ \t\xa0]+\S")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z])")
# what may lie between the cue and its colon besides adverbs and prepositional phrases
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "xcomp", "acomp"})
MIN_WORDS = 2
MAX_NEWLINES = 3  # between the colon and its block: one blank line, perhaps with a stray break
MAX_BLOCK = 4000


def _stand_in(tok: Token) -> bool:
    """An object that only points at what follows: 'said this:', 'wrote the following:',
    'argued that:' (lexicon ``colon_pointers.txt``)."""
    words = lexicon.words("colon_pointers.txt")
    return tok.lower_ in words or " ".join(t.lower_ for t in tok.subtree) in words


def _clause_start(doc, colon: Token) -> int:
    """First token of the clause that leads into the colon: its sentence, not before the line
    it is on, a semicolon or a dash."""
    start = colon.sent.start
    for k in range(colon.i - 1, start - 1, -1):
        tok = doc[k]
        if "\n" in tok.text_with_ws or tok.text in (";", "—", "–", "--"):
            return k + 1
    return start


def _free(verb: Token, colon: Token) -> bool:
    """Nothing the verb reports lies between it and the colon: no clause, and no object but an
    addressee ('told reporters:') or a word that points at what follows ('said this:')."""
    doc = verb.doc
    for tok in doc[verb.i + 1:colon.i]:
        if tok.dep_ in ("ccomp", "advcl", "parataxis") or any(c.dep_ == "mark" for c in tok.children):
            return False  # a clause of its own before the colon: 'said that CNN asked her about her issue:'
    for child in verb.children:
        if not verb.i < child.i < colon.i:
            continue
        if child.dep_ in CONTENT_DEPS:
            return False
        if child.dep_ in _OBJECT_DEPS and not _stand_in(child) \
                and not (child.dep_ == "dobj" and verb.lemma_.lower() in ADDRESSEE_VERBS):
            return False
    return True


_OPEN_COMPLEMENTS = frozenset({"xcomp", "pcomp", "prep", "conj"})


def _governs_clause(verb: Token, start: int, end: int) -> bool:
    """The verb is the clause's own, not one of a clause inside it: the clause root, or reached
    from it through open complements only ('never tire of telling the story:'), not through a
    relative, adverbial or subordinate clause ('engaging in what analysts described as
    tactics:')."""
    tok = verb
    for _ in range(8):
        if any(c.dep_ == "mark" for c in tok.children):
            return False  # a subordinate clause: 'if they were to reply in kind:'
        if tok.head.i == tok.i or not start <= tok.head.i < end:
            return True
        if tok.dep_ not in _OPEN_COMPLEMENTS:
            return False
        tok = tok.head
    return False


def _cue(found: Collector, colon: Token) -> tuple[Token | SpacySpan, SpacySpan] | None:
    """The cue and speaker of the clause before ``colon``: the outermost reporting verb of the
    clause with nothing to report before the colon ('In a speech last July, he said:'), or
    'According to X:'."""
    doc = colon.doc
    start = _clause_start(doc, colon)
    if colon.i - start < 2:
        return None
    for tok in doc[start:colon.i]:
        if tok.lower_ == "according" and tok.i + 1 < colon.i and doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None and obj.right_edge.i < colon.i:
                return doc[tok.i:tok.i + 2], doc[obj.left_edge.i:obj.right_edge.i + 1]
    block_verbs = lexicon.words("block_verbs.txt")
    verbs = [v for v in found.candidates if start <= v.i < colon.i and v.lemma_.lower() in block_verbs]
    if not verbs:
        return None
    for verb in verbs:
        if not _governs_clause(verb, start, colon.i):
            continue
        if not _free(verb, colon):
            continue
        subj = subject(verb)
        speaker = speaker_span(subj) if subj is not None else loose_speaker(verb)
        if speaker is None or speaker.start < start or speaker.end > verb.i:
            continue  # an imperative ('Note:'), or a speaker after the verb whose words run on to the colon
        return verb, speaker
    return None


def _block_end(found: Collector, cs: int) -> int:
    """End of the block that starts at ``cs``: its paragraph, or a run of list items."""
    text = found.text
    end = cs
    bullet = bool(_BULLET.match(text, cs))
    while True:
        brk = found.paragraph_break.search(text, end)
        end = brk.start() if brk else len(text)
        if not bullet or brk is None or not _BULLET.match(text, brk.end()):
            return end
        end = brk.end()


def colon_blocks(found: Collector) -> None:
    """Pass: 'X wrote:' at the end of a line and the paragraph after it, or 'X said: words' on
    one line up to the end of that sentence, as what X said; a quote the parse already gave
    to the same cue from the start of the block is widened to the whole block."""
    doc, text, base = found.doc, found.text, found.ctx.base
    for m in _COLON.finditer(text):
        c = m.start()
        cs = m.end()
        while cs < len(text) and text[cs] in " \t\r\n\xa0":
            cs += 1
        if cs >= len(text) or text[cs] in _OPENING:
            continue  # a quotation (the direct pass) or markup
        block = "\n" in text[c:cs]
        if block:
            if text.count("\n", c, cs) > MAX_NEWLINES:
                continue  # more than one blank line: a new section
            ce = _block_end(found, cs)
        else:
            line_end = text.find("\n", cs) % (len(text) + 1)
            stop = _SENTENCE_END.search(text, cs, line_end)
            ce = stop.start() if stop else line_end
        while (ce > cs and text[ce - 1] in " \t\r\xa0") or (not block and ce > cs and text[ce - 1] == "."):
            ce -= 1
        content = text[cs:ce]
        if len(content.split()) < MIN_WORDS or ce - cs > MAX_BLOCK or content.rstrip().endswith(":"):
            continue  # a heading, or the next introduction
        colon = doc.char_span(c, c + 1)
        if colon is None:
            continue
        cue = _cue(found, colon[0])
        if cue is None:
            continue
        verb, speaker = cue
        first = doc.char_span(cs, ce, alignment_mode="expand")
        if first is None:
            continue
        inside = [k for k, (s, e) in enumerate(found.taken) if s < ce and cs < e]
        if not inside:
            found.add(reported_kind(content), cs, ce, first[0].i, verb, speaker)
            continue
        # the parse took the block's first sentence for the verb's clause: the whole block is its content
        if len(inside) != 1 or not block:
            continue
        k = inside[0]
        s, e = found.taken[k]
        prev = next((q for q in found.quotes if q.start - base == s and q.end - base == e), None)
        cue_start = verb.idx if isinstance(verb, Token) else verb.start_char
        if prev is None or prev.cue is None or prev.cue.start - base > cue_start \
                or prev.cue.end - base <= cue_start or s != cs or e > ce:
            continue
        found.quotes[found.quotes.index(prev)] = replace(prev, end=base + ce, text=found.ctx.text[cs:ce],
                                                         type=reported_kind(content))
        found.taken[k] = (cs, ce)
