"""Exclusions that the layout decides: furniture lines, list markers, result lines, seeds and table rows
beside a player's name, phone numbers (GOLD_FORMAT.md: scores are optional; identifiers and phone numbers
are excluded).  Each rule is a predicate over ``Around``, run by ``exclude.excluded``."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .around import Around
from .lex import DASHES, words

# a sports result line: two capitalised names, each with its score ("Tranmere 3 Grimsby 2", "Wild 4, Sabres 1:")
_NAME = r"(?:[A-Z][\w.'’&-]*\s+)+"
RESULT_LINE = re.compile(rf"^\W*{_NAME}(?P<a>\d{{1,3}}),?\s+{_NAME}(?P<b>\d{{1,3}})(?:\s*$|[:,;.]\s|\s+\()")
# a table row: a name, then three or more numeric cells ("-" for none) to the end of the line
_CELL = r"(?:[-+]?\d[\d,]*(?:\.\d+)?(?:\s+\d+/\d+)?|[-+]?\.\d+|\d+/\d+|[-–])"
TABLE_ROW = re.compile(rf"^\W*{_NAME}(?P<cells>{_CELL}(?:\s+{_CELL}){{2,}})\s*$")


def _line_of(a: Around) -> tuple[str, int]:
    """The text line holding the core and the core's offset in it."""
    text = a.doc.text
    start = a.doc[a.core.start].idx
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    return text[lo:hi if hi >= 0 else len(text)], start - lo


def table_row(a: Around) -> bool:
    """A cell of a table row: a name and three or more numbers to the end of the line ("DETROIT 44 82
    .349 28 1/2", "Net Income 821 512 565 301"); the column headers say what the cells are, the row does
    not, so no cell is read as a figure of its own."""
    line, at = _line_of(a)
    m = TABLE_ROW.match(line)
    return m is not None and at >= m.start("cells")


def field_label(a: Around) -> bool:
    """The value at the end of a furniture line: "Ecode: 17"."""
    prev = a.prev
    return prev is not None and prev.text == ":" and (a.nxt is None or a.nxt.is_punct or "\n" in a.last.whitespace_) \
        and a.core.start >= 2 and a.doc[a.core.start - 2].pos_ in ("NOUN", "PROPN") and a.head is None


def list_marker(a: Around) -> bool:
    """List markers and ranks: "\\n10. Mike Huckabee", "Marco Rubio (1.)"."""
    if not a.glued_next((".", ")")) or a.core.end - a.core.start != 1:
        return False
    prev = a.prev
    line_start = prev is None or "\n" in prev.whitespace_ or prev.text.strip() == "" or prev.text == "("
    return line_start or (a.after is not None and a.after.text == ")")


def result_line(a: Around) -> bool:
    """The scores of a result line: "Tranmere 3 Grimsby 2", "Wild 4, Sabres 1: Parise scored twice"
    (sports scores are optional in the gold; the label rule misses a name the tagger did not call a noun)."""
    line, at = _line_of(a)
    m = RESULT_LINE.match(line)
    return m is not None and at in (m.start("a"), m.start("b"))


def beside_player(a: Around) -> bool:
    """Seeds, scores and rows of a results table beside a person's name: "7 - Ai Sugiyama" (a seed),
    "66 Paul Goydos, Billy Mayfair" (a golf score), "(J. Russell 63, A. Symonds 52;" (a batting score)."""
    if a.has_unit:
        return False
    doc, j = a.doc, a.core.end
    dashed = j + 1 < len(doc) and doc[j].text in DASHES and doc[j - 1].whitespace_ != ""
    j += dashed  # "7 - Ai Sugiyama"
    line_start = a.prev is None or "\n" in a.prev.text or "\n" in a.prev.whitespace_
    if (dashed or line_start) and _full_name_at(doc, j) and (a.head is None or a.head.pos_ == "PROPN"):
        return True
    k = a.core.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    nxt = a.nxt
    return k >= 0 and doc[k].ent_type_ == "PERSON" and a.head is None \
        and (nxt is None or nxt.text in (",", ";", ")") or (nxt.lower_ == "not" and a.after is not None
                                                             and a.after.lower_ == "out"))


def _full_name_at(doc: Doc, j: int) -> bool:
    """A person's name starts at token ``j``: a PERSON entity, or two title-case proper nouns the tagger
    left unlabelled ("Arantxa Sanchez Vicario")."""
    if j >= len(doc) or not doc[j].is_title:
        return False
    if doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "B":
        return True
    return j + 1 < len(doc) and doc[j].ent_type_ == "" and doc[j].pos_ == "PROPN" and doc[j + 1].pos_ == "PROPN" \
        and doc[j + 1].is_title and doc[j + 1].ent_type_ in ("", "PERSON")


def phone(a: Around) -> bool:
    """Phone numbers and codes: "020 7946 0958", "007", "555-1234", "called 911"."""
    if re.fullmatch(r"0\d+", a.first.text) or (a.first.text.startswith("+") and a.glued_next(DASHES)):
        return True  # "020 7946 0958", "+90-212-275 0875"
    if not a.core.words and a.head is None and not a.has_unit and a.last.dep_ == "dobj" \
            and a.last.head.lemma_.lower() in words("phone_verbs.txt"):
        return True
    if any(t is not None and re.fullmatch(r"[+]?\d+", t.text) for t in (a.prev, a.nxt)):
        return True
    if a.glued_next(DASHES) and a.after is not None and re.fullmatch(r"\d{3}", a.last.text) \
            and re.fullmatch(r"\d{4}", a.after.text):
        return True
    return a.ranged and a.prev.whitespace_ == "" and re.fullmatch(r"\d{3}", a.doc[a.core.start - 2].text) is not None \
        and re.fullmatch(r"\d{4}", a.first.text) is not None
