"""Quotes: who said what, direct and reported, as a sequence of named passes.

``extract_quotes`` runs the passes in order over one shared ``Collector``:

1. ``direct_quotes`` (``direct.py``): quotation marks paired on the text
   (``marks.py``), each quote tied to the reporting cue around it;
2. ``as_clauses`` (``as_clauses.py``): "as X noted, CLAUSE": the clause the
   as-clause comments on, in two linked parts when the as-clause sits inside it;
3. ``headline_reports`` (``headlines.py``): a title-case headline 'Lee Says
   Bridge Will Close' (before the parse-based passes: the parse of a
   title-case line cuts its clause short);
4. ``verb_reports`` (``reported.py``): a reporting verb with the clause it
   reports, or a parenthetical cue;
5. ``according_to`` (``reported.py``): "according to X";
6. ``nominal_cues`` (``nominal.py``): "in X's view", "In a statement, X ...";
7. ``frame_reports`` (``reported.py``): what a verb reports through its object
   or infinitive ("announced his resignation", "vowed to fight on");
8. ``quote_paragraphs`` (``paragraphs.py``): a paragraph that is only a
   quotation, right after attributed reported speech, is the same speaker's;
9. ``speaker_labels`` (``labels.py``): 'NAME: words' opening a line
   (transcripts, headlines);
10. ``colon_blocks`` (``blocks.py``): 'X wrote:' and the paragraph after it, or
    'X said: words' on one line, without quotation marks;
11. ``proform_answers`` and ``short_quotes`` (``answers.py``): answers in a word
    or two ('46 percent said yes', 'said the same of X', 'said, "Probably."');
12. ``request_reports`` (``questions.py``): questions and requests ('asked them
    if ...', 'asked the board to ...', 'asked about X', 'told him not to ...');
13. ``gerund_reports`` (``gerunds.py``): a reported clause whose subject is a
    gerund phrase ('said having Lee on the ticket puts every seat at risk').

A later pass never takes content an earlier one found, but reports nest: reported
content may hold a quote found before it whole, its cue and speaker too
(``Collector.clashes``).  Speaker mentions are resolved to people and
organizations afterwards, over the whole input (``extractors/speakers/``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from ...models import Quote
from ..context import Context
from .answers import proform_answers, short_quotes
from .as_clauses import as_clauses
from .blocks import colon_blocks
from .collector import Collector
from .direct import direct_quotes
from .gerunds import gerund_reports
from .headlines import headline_reports
from .labels import speaker_labels
from .marks import find_quote_marks
from .nominal import nominal_cues
from .paragraphs import quote_paragraphs
from .questions import request_reports
from .reported import according_to, frame_reports, verb_reports

PASSES: tuple[Callable[[Collector], None], ...] = (
    direct_quotes, as_clauses, headline_reports, verb_reports, according_to, nominal_cues, frame_reports,
    quote_paragraphs, speaker_labels, colon_blocks, proform_answers, short_quotes, request_reports, gerund_reports)

__all__ = ["PASSES", "Collector", "extract_quotes", "find_quote_marks"]


def extract_quotes(doc: Doc, ctx: Context | None = None) -> list[Quote]:
    """Direct and reported quotes of ``doc`` with speaker mentions (names resolved later), in text order."""
    found = Collector(doc, ctx or Context(doc))
    for run in PASSES:
        run(found)
    return sorted(found.quotes, key=lambda q: q.start)
