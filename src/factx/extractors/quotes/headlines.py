"""Headline reports: 'Lee Says Bridge Will Close' as a line of its own, in title case.

A headline capitalises every word, so the tagger takes its verb for a name
and the parse finds no clause: 'Mayor Says Bridge Will Close' gives the
reported-speech pass nothing.  A headline is short and is a line of its own;
its words before the verb (after a 'Wow:' or a dash) are the speaker, the rest
up to a comma or dash is what was said.  The verb forms are a lexicon
(``data/headline_verbs.txt``); 'Trump: Bridge Will Close' is a speaker label
(``labels.py``).
"""

from __future__ import annotations

import re
from functools import cache

from ... import lexicon
from .collector import Collector
from .content import reported_kind

_LINE = re.compile(r"^[ \t]*(\S[^\n]*?)[ \t\r]*$", re.MULTILINE)
_WORD = re.compile(r"\S+")
_CUT = re.compile(r",\s|;\s|\s[-–—―]+\s|\s\.\.\.|…")
_LEAD = re.compile(r".*(?::\s|,\s|\s[-–—―]+\s)")  # 'Wow: ', 'Railing Against Lee, ' before the speaker
MIN_WORDS, MAX_WORDS = 4, 25
MAX_SPEAKER_WORDS = 6
CAPITALISED_SHARE = 0.8
# words that open a clause, not a name: 'If Obama Says It, It's True', 'What Lee Said'
_NOT_SPEAKER_START = frozenset({"if", "when", "what", "why", "how", "who", "as", "after", "before", "while",
                                "because", "whatever", "where"})


@cache
def _headline_words() -> tuple[frozenset[str], frozenset[str]]:
    rows = lexicon.rows("headline_verbs.txt")
    return (frozenset(r[0].lower() for r in rows if r[1] == "verb"),
            frozenset(r[0].lower() for r in rows if r[1] == "adverb"))


def _title_case(words: list[str]) -> bool:
    minor = lexicon.words("title_minor_words.txt")
    alpha = [w for w in words if w[:1].isalpha()]
    caps = sum(1 for w in alpha if w[:1].isupper() or w.lower() in minor)
    return bool(alpha) and caps >= CAPITALISED_SHARE * len(alpha) and any(w[:1].isupper() for w in alpha[1:])


def headline_reports(found: Collector) -> None:
    """Pass: a title-case line 'SPEAKER [Just] Says CONTENT': the speaker's words before the
    verb, the content after it up to a comma or dash."""
    doc, text = found.doc, found.text
    verbs, adverbs = _headline_words()
    for line in _LINE.finditer(text):
        words = list(_WORD.finditer(line.group(1)))
        if not MIN_WORDS <= len(words) <= MAX_WORDS or not _title_case([w.group() for w in words]):
            continue
        base = line.start(1)
        k = next((k for k, w in enumerate(words) if 0 < k < len(words) - 1
                  and w.group().lower() in verbs and w.group()[:1].isupper()), None)
        if k is None:
            continue
        first_cue = k - 1 if words[k - 1].group().lower() in adverbs else k
        lead = _LEAD.match(line.group(1), 0, words[first_cue].start())
        ss = base + (lead.end() if lead else 0)
        se = base + words[first_cue].start()
        speaker_words = text[ss:se].split()
        if not 0 < len(speaker_words) <= MAX_SPEAKER_WORDS or not speaker_words[0][:1].isupper() \
                or speaker_words[0].lower() in _NOT_SPEAKER_START:
            continue
        cs = base + words[k].end()
        while cs < len(text) and text[cs] in " \t\xa0":
            cs += 1
        cut = _CUT.search(text, cs, line.end())
        ce = cut.start() if cut else line.end()
        while ce > cs and text[ce - 1] in " \t\r.":
            ce -= 1
        if len(text[cs:ce].split()) < 2 or found.overlaps(cs, ce):
            continue
        speaker = doc.char_span(ss, se, alignment_mode="contract")
        cue = doc.char_span(base + words[first_cue].start(), base + words[k].end(), alignment_mode="expand")
        content = doc.char_span(cs, ce, alignment_mode="expand")
        if speaker is None or cue is None or content is None or not len(speaker):
            continue
        found.add(reported_kind(text[cs:ce]), cs, ce, content[0].i, cue, speaker)
