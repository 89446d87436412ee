"""Speaker labels: a line that opens with a person's name and a colon says what that person said.

Transcripts ('PENCE: Well, look, ...') and headlines ('Sanders: Wall Street
Must Pay Its Share') put the speaker before a colon at the start of a line,
with no verb and often no quotation marks.  The name must be a person's (its
last word part of a name the tagger takes for a person somewhere in the
article: a headline's 'Pence:' for 'Mike Pence'): 'The Latest:', 'UPDATE:',
'Poll:' are labels of another kind.
"""

from __future__ import annotations

import re

from .collector import Collector
from .content import reported_kind

_LABEL = re.compile(r"^[ \t]*([^\n:]{2,40}?):[ \t]+(\S[^\n]*)", re.MULTILINE)
MAX_LABEL_TOKENS = 4


def speaker_labels(found: Collector) -> None:
    """Pass: 'NAME: what they said' at the start of a line, the rest of the line the content."""
    doc, text = found.doc, found.text
    people: set[str] | None = None
    for m in _LABEL.finditer(text):
        label = doc.char_span(m.start(1), m.end(1))
        if label is None or not 0 < len(label) <= MAX_LABEL_TOKENS \
                or not all(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" or (t.is_upper and t.is_alpha)
                           for t in label):  # a transcript's 'RUIZ' may be tagged a noun
            continue
        if people is None:  # the words of the article's person names, once
            people = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e}
        if label[-1].lower_ not in people:
            continue
        cs, ce = m.start(2), m.end(2)
        while ce > cs and text[ce - 1] in " \t\r":
            ce -= 1
        colon = doc.char_span(m.end(1), m.end(1) + 1)
        first = doc.char_span(cs, ce, alignment_mode="expand")
        if colon is None or first is None or len(first) < 3 \
                or any(s < cs or ce < e for s, e in found.taken if s < ce and cs < e):
            continue  # reports inside the line stay, nested: 'PENCE: ... Clinton thinks this is a show'

        found.add(reported_kind(text[cs:ce]), cs, ce, first[0].i, colon, label)
