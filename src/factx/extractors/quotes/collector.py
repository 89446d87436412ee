"""The record every quote pass writes into: found quotes, the text they take, the shared parse lookups."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...models import Quote, Speaker
from ..context import Context
from .content import reported_kind
from .cues import candidates, cue_span
from .marks import find_quote_marks, paragraph_break


@dataclass
class Collector:
    """What the passes of ``extract_quotes`` share.

    Passes run in order (direct quotes first, then reported speech, "according
    to", nominal cues); a later pass leaves alone any content an earlier one
    took, so each stretch of text is one quote.  The reporting-verb tokens
    and sentences are looked up once here, not by every pass.
    """

    doc: Doc
    ctx: Context
    quotes: list[Quote] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)  # doc-local content ranges, in order added

    def __post_init__(self) -> None:
        self.text = self.ctx.reading  # lines and paragraphs as read: wrap breaks are spaces
        self.sents: list[SpacySpan] = list(self.doc.sents) if len(self.doc) else []
        self.candidates: list[Token] = candidates(self.doc)
        self.marks: list[tuple[int, int]] = find_quote_marks(self.text)
        self.paragraph_break = paragraph_break(self.text)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether doc-local ``start:end`` shares text with a quote already found."""
        return any(s <= start < e or start <= s < end for s, e in self.taken)

    def clashes(self, start: int, end: int, cue_at: int = -1) -> bool:
        """Whether reported content at doc-local ``start:end`` cannot stand beside the quotes found:
        it repeats one's content or overlaps one partly.  Content that holds the whole of another
        quote (its content, cue and speaker) can: 'The paper reported that the editor, Jane Roe,
        said "..."' is the paper's report of the editor's, and PolNeAR gives both.  The converse,
        a report found inside another's content ('... that the editor told her staff the story
        was wrong'), is left out: PolNeAR train mostly annotates only the outer one there, and
        inside a quotation ('"I told him we would leave," she said') the words are the quoted
        speaker's.  Content around its own cue (at ``cue_at``: 'Asked X, Roe said, "..."') is a
        reading of the clause around the cue, not a report of the quote inside it."""
        base = self.ctx.base
        holds = not start <= cue_at < end
        for q in self.quotes:
            s, e = q.start - base, q.end - base
            if not (s < end and start < e):
                continue
            qs, qe = s, e
            for part in (q.cue, q.speaker):
                if part is not None:
                    qs, qe = min(qs, part.start - base), max(qe, part.end - base)
            if not (holds and start <= qs and qe <= end and (start, end) != (s, e)):
                return True
        return False

    def through_open_quote(self, start: int, end: int) -> tuple[int, int]:
        """Reported content at ``start:end`` once a quotation it opens is closed: 'said the tone
        "was because they decided. And I think so."' runs to the closing mark (the parse stops
        at the first sentence end inside the quotation), and content that is the start of a
        quotation ('argued that "only Cruz can win. The math won't work."') takes its opening
        mark too; unchanged when it opens none, or when the rest of the quotation is another
        quote's."""
        for qs, qe in self.marks:
            if qs >= end:
                break
            if end < qe and (start <= qs or not self.text[qs + 1:start].strip()):
                if self.overlaps(end, qe):
                    break
                return min(start, qs), qe
        return start, end

    def add(self, kind: str, start_char: int, end_char: int, sent_i: int, cue: Token | SpacySpan | None,
            speaker: SpacySpan | None) -> bool:
        """Record a quote (doc-local offsets); False when it lies in page furniture and is dropped.
        Reported content that opens a quotation takes the rest of it (``through_open_quote``)."""
        if kind != "direct":
            opened, end_char = self.through_open_quote(start_char, end_char)
            if opened != start_char:  # the content is a quotation from its start ('argued that "..."')
                cue_end = -1 if cue is None else (cue.idx + len(cue) if isinstance(cue, Token) else cue.end_char)
                lead = self.text[cue_end:opened] if 0 <= cue_end <= opened else "x"
                first = self.text[opened + 1:opened + 3].lstrip("'`\"“ ")[:1]
                if not any(c.isalnum() for c in lead) and any(c in lead for c in ",:") and first.isupper():
                    kind = reported_kind(self.text[opened:end_char])  # 'said: "We ..."': a quote of its own
                start_char = opened
            # else the kind stays that of the reported clause: quoted words inside it
        ctx = self.ctx
        s, e = ctx.base + start_char, ctx.base + end_char
        if ctx.non_fact_furniture.overlaps(s, e):
            return False
        self.taken.append((start_char, end_char))
        cue_out = None
        if cue is not None:
            cue_out = ctx.span(cue_span(cue) if isinstance(cue, Token) else cue)
        spk = None
        if speaker is not None:
            spk = Speaker(**asdict(ctx.span(speaker)), name=None, entity=None)
        self.quotes.append(Quote(id="", type=kind, **asdict(ctx.char_span(start_char, end_char)),
                                 speaker=spk, cue=cue_out, sentence=ctx.sentence_of(sent_i)))
        return True

    def cue_starts(self) -> set[int]:
        """Doc-local start offsets of the cues found so far."""
        return {q.cue.start - self.ctx.base for q in self.quotes if q.cue is not None}
