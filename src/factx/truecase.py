"""All-capital lines in ordinary case, for the parser's eyes only.

Headlines, datelines and result tables in wire copy are often written in
capitals ("LEICESTERSHIRE TAKE OVER AT TOP", "BALTIMORE 67 58 .536 5").  The
tagger reads every capitalised word as a proper noun there, so it finds no
names, or one long false one.  ``truecase_caps_lines`` rewrites such lines
with the case each word has elsewhere in the same text ("Leicestershire"
from the body), else lower case for a word news text writes in lower case
(``data/lower_words.txt``), else capitalised as a name; short words with no
vowel or of at most three letters stay capitals (acronyms: "NFU", "BBC").

The result has exactly the input's length and only letter case differs, so
every offset still points into the input and spans quote the input itself.
"""

from __future__ import annotations

import re
from collections import Counter

from . import lexicon
from .extractors import places

_TWO_CAPS = re.compile(r"[A-Z]{2}")
_WORD = re.compile(r"[A-Za-z]+")
_OPENS = re.compile(r"(?:^|[.!?:;\"“(\n]|\s-)\s*$")
_VOWELS = frozenset("AEIOUY")
_MIN_LETTERS = 4
_MAX_PHRASE = 4


def _is_caps_line(line: str) -> bool:
    """No lower-case letter and two capitals in a row (not a lone initial: "A 5 B 6")."""
    return not any(ch.islower() for ch in line) and bool(_TWO_CAPS.search(line))


class _CaseMap:
    """How the text's mixed-case lines write the words of its capital lines, alone and in capitalised
    phrases ("New York").  Only those words are looked for, so a long text with one capital line costs
    one regular-expression scan."""

    def __init__(self, text: str, caps: list[tuple[int, int]]):
        needed = {w for s, e in caps for w in _WORD.findall(text, s, e) if len(w) > 1}
        inner: dict[str, Counter[str]] = {}
        opening: dict[str, Counter[str]] = {}
        phrases: dict[str, Counter[str]] = {}
        if needed:
            words = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, needed), key=len, reverse=True))
                               + r")\b", re.IGNORECASE)
            pos = 0
            for s, e in [*caps, (len(text), len(text))]:
                chunk = text[pos:s]
                run: list[re.Match[str]] = []
                for m in words.finditer(chunk):
                    w = m.group()
                    if w.isupper():
                        target = inner  # an acronym is an acronym wherever it stands
                    else:
                        target = opening if _OPENS.search(chunk[max(0, m.start() - 4):m.start()]) else inner
                    target.setdefault(w.upper(), Counter())[w] += 1
                    if w[0].isupper() and run and chunk[run[-1].end():m.start()] == " ":
                        run.append(m)
                        for k in range(max(0, len(run) - _MAX_PHRASE), len(run) - 1):
                            form = chunk[run[k].start():m.end()]
                            phrases.setdefault(form.upper(), Counter())[form] += 1
                    else:
                        run = [m] if w[0].isupper() else []
                pos = e
        self.inner = {k: c.most_common(1)[0][0] for k, c in inner.items()}
        self.opening = {k: c.most_common(1)[0][0] for k, c in opening.items()}
        self.phrases = {k: c.most_common(1)[0][0] for k, c in phrases.items()}

    def phrase(self, words: str) -> str | None:
        """The mixed-case form of a phrase of capital words: the text's own, or a place's name in title case."""
        form = self.phrases.get(words)
        if form is None and places.lookup(words) is not None:
            form = " ".join(w[0] + w[1:].lower() for w in words.split(" "))
        return form


def _word_case(word: str, cmap: _CaseMap) -> str:
    """The ordinary-case form of one all-capital word."""
    form = cmap.inner.get(word)
    if form is not None:
        return form
    low = word.lower()
    if low in lexicon.words("lower_words.txt"):
        return low
    form = cmap.opening.get(word)
    if form is not None:
        return form
    if len(word) < _MIN_LETTERS or not _VOWELS.intersection(word):
        return word
    return word[0] + word[1:].lower()


def truecase_caps_lines(text: str) -> str:
    """``text`` with every all-capital line in ordinary case (same length; only case changes)."""
    if text.islower():
        return text
    caps = []
    pos = 0
    for line in text.split("\n"):  # str.isupper is C-fast; a regex over the whole text was not
        if line.isupper() and _is_caps_line(line):
            caps.append((pos, pos + len(line.rstrip("\r"))))
        pos += len(line) + 1
    if not caps:
        return text
    cmap = _CaseMap(text, caps)
    out = []
    pos = 0
    for s, e in caps:
        out.append(text[pos:s])
        out.append(_line_case(text[s:e], cmap))
        pos = e
    out.append(text[pos:])
    result = "".join(out)
    return result if len(result) == len(text) else text


def _line_case(line: str, cmap: _CaseMap) -> str:
    """One all-capital line in ordinary case: known phrases first (longest), then word by word."""
    words = list(_WORD.finditer(line))
    new = [m.group() for m in words]
    done = [False] * len(words)
    for i in range(len(words)):
        if done[i]:
            continue
        for n in range(min(_MAX_PHRASE, len(words) - i), 1, -1):
            j = i + n - 1
            if any(line[words[k].end():words[k + 1].start()] != " " for k in range(i, j)):
                continue
            form = cmap.phrase(line[words[i].start():words[j].end()])
            if form is not None and len(form) == words[j].end() - words[i].start():
                for k in range(i, j + 1):
                    a, b = words[k].start() - words[i].start(), words[k].end() - words[i].start()
                    new[k] = form[a:b]
                    done[k] = True
                break
    for i, m in enumerate(words):
        w = m.group()
        if done[i]:
            continue
        if len(w) > 1:
            new[i] = _word_case(w, cmap)
        elif line[m.start() - 1:m.start()] in ("'", "’"):  # "S" of "WEDNESDAY'S" is a clitic
            new[i] = w.lower()
    if new and new[0][:1].islower():
        new[0] = new[0][0].upper() + new[0][1:]
    parts = []
    last = 0
    for m, form in zip(words, new, strict=True):
        parts.append(line[last:m.start()])
        parts.append(form if len(form) == len(m.group()) else m.group())  # "ß": a case change of length
        last = m.end()
    parts.append(line[last:])
    return "".join(parts)
