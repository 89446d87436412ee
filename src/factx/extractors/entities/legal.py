"""A name ending in a legal form is a company's: "Talanx AG", "Novo Nordisk A/S", "Hasbro, Inc.".

The tagger misses such names, or reads them as people ("Orlen Lietuva UAB") or places ("Marcus" of
"Marcus Bergstrom GmbH"); the legal form is the name's own evidence, whatever the tagger said.  The
forms come from cleanco's table of business entity types by country (``data/legal_forms.txt``,
built by ``scripts/build_legal_forms.py``); one is read only where written with a capital letter
("SpA", "GmbH", "Oy"), and one after a comma only when it is longer than two letters ("Hasbro,
Inc.", never "Denver, CO").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span as SpacySpan

from ... import lexicon

# capitalised words a legal form may follow after the tagged name: "Marcus" + "Bergstrom GmbH"
_MAX_WORDS_BETWEEN = 3


@cache
def _pattern() -> re.Pattern[str]:
    forms = lexicon.alternation(lexicon.words("legal_forms.txt") - lexicon.words("not_legal_forms.txt"))
    return re.compile(rf"(?P<sep>[ \t]+|,[ \t]+)(?P<form>{forms})(?![\w&/])", re.IGNORECASE)


def legal_form_after(text: str, pos: int) -> int | None:
    """The end of a legal form written right after ``pos`` (the end of a name), or None."""
    m = _pattern().match(text, pos)
    if m is None:
        return None
    form = m.group("form")
    if not any(ch.isupper() for ch in form):
        return None
    if m.group("sep").startswith(",") and sum(ch.isalpha() for ch in form) <= 2:
        return None
    return m.end("form")


def with_legal_form(span: SpacySpan, text: str) -> SpacySpan | None:
    """``span`` widened to the legal form that ends its name ("Talanx" -> "Talanx AG"; "Marcus" ->
    "Marcus Bergstrom GmbH"), ``span`` itself when it ends in one already, or None when no legal form
    ends it.  ``text`` is the Doc's text as the input has it (same offsets)."""
    doc = span.doc
    for k in range(1, min(3, len(span) - 1) + 1):  # the name holds its form: "Kekkila Oy", "Novo Nordisk A/S"
        start = doc[span.end - k].idx
        prev = doc[span.end - k - 1]
        if legal_form_after(text, prev.idx + len(prev.text)) == span.end_char and start > prev.idx:
            return span
    end = span.end
    for _ in range(_MAX_WORDS_BETWEEN + 1):
        last = doc[end - 1]
        found = legal_form_after(text, last.idx + len(last.text))
        if found is not None:
            wide = doc.char_span(span.start_char, found, alignment_mode="expand")
            return wide if wide is not None and wide.end_char == found else None
        if end >= len(doc) or not doc[end].is_title or not doc[end].is_alpha or doc[end].is_sent_start:
            return None
        end += 1
    return None
