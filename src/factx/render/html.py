"""One self-contained HTML page per article: the text with every fact marked on it, panels, a legend.

The page is for a person checking what factx found.  It is built once, on the
server side, as plain markup: every mark is a ``<span>`` written here, so the
browser has nothing to compute when the page opens (the script only answers
clicks, hovers and key presses, by event delegation), and a 2 MB article opens
like any long page.  Blocks of one paragraph each carry
``content-visibility: auto``, so only the paragraphs on screen are laid out.

Safety: every character of the article and of every record is escaped, the
records travel as a JSON data block (never executed), the page's only style
and script are inline and allowed by hash in a Content-Security-Policy that
forbids everything else (no network, no injected script even if escaping
failed).  The CSS and JavaScript live in ``render/assets`` as files.

Spans may overlap (a figure inside a quote, a speaker that is also a person
mention, two quotes sharing words): marks are nested by start and length, and
a mark that crosses another's end is closed and reopened as a continuation
(class ``cont``, same ``data-id``), so the markup is always well formed.  The
text content of ``#article`` is exactly the input.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from typing import IO

from ..models import Article, Figure, Organization, Person, Place, Quote, Time
from .table import _number

# kind, legend label, sample text, what the mark looks like (for the legend's title)
KINDS: tuple[tuple[str, str, str, str], ...] = (
    ("figure", "Figures", "9,000", "boxed"),
    ("person", "People", "Maria", "solid underline"),
    ("place", "Places", "Syria", "dotted underline"),
    ("org", "Organizations", "Reuters", "double underline"),
    ("quote", "Quotes", "we left", "shaded, labelled with its type"),
    ("speaker", "Speakers", "she", "bold with an overline"),
    ("cue", "Cues", "said", "italic with a dashed underline"),
    ("time", "Times", "Friday", "wavy underline; its TIMEX3 value on hover"),
    ("ignored", "Set aside", "Follow us", "dimmed, labelled"),
)
# Which of two marks with the same start and end goes outside: the larger unit first.
_RANK = {"ignored": 0, "quote": 1, "speaker": 2, "cue": 3, "org": 4, "place": 4, "person": 4, "figure": 5,
         "time": 5}
_BLOCK_END = re.compile(r"(?:\r\n|\r|\n)+")


@dataclass(slots=True)
class _Mark:
    start: int
    end: int
    rank: int
    open: str  # the opening tag of its first fragment
    cont: str  # the opening tag of a continuation after a split


@cache
def _asset(name: str) -> str:
    text = resources.files("factx.render").joinpath("assets", name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"asset {name} would end its own element")
    return text


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _text(s: str) -> str:
    """Escape article text for element content; a carriage return is written as a reference,
    since the HTML parser would turn a literal one into a line feed."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("\r", "&#13;") if "\r" in s else s


def _attr(s: str) -> str:
    return escape(s, quote=True)


def _short(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _marks(article: Article) -> list[_Mark]:
    """Every span of the article as a mark: figures, entity mentions, quotes with speakers and cues,
    and the regions of page furniture."""
    out: list[_Mark] = []

    def add(start: int, end: int, kind: str, rid: str, extra: str = "") -> None:
        head = f'<span class="m {kind}'
        tail = f'" data-id="{_attr(rid)}"{extra}'
        # a continuation is no Tab stop of its own: the mark is reached once, at its start
        out.append(_Mark(start, end, _RANK[kind], head + tail + ' tabindex="0">', head + " cont" + tail + ">"))

    for r in article.ignored:
        tail = f'" data-type="{_attr(r.kind)}" title="set aside as page furniture: {_attr(r.kind)}">'
        out.append(_Mark(r.start, r.end, _RANK["ignored"], '<span class="ignored' + tail,
                         '<span class="ignored cont' + tail))
    for f in article.figures:
        add(f.start, f.end, "figure", f.id)
    for kind, entities in (("person", article.people), ("place", article.places), ("org", article.organizations)):
        for e in entities:
            for m in e.mentions:
                add(m.start, m.end, kind, e.id)
    for q in article.quotes:
        add(q.start, q.end, "quote", q.id, f' data-type="{_attr(q.type)}"')
        if q.speaker is not None:
            add(q.speaker.start, q.speaker.end, "speaker", q.id)
        if q.cue is not None:
            add(q.cue.start, q.cue.end, "cue", q.id)
    for t in article.times:
        add(t.start, t.end, "time", t.id, f' data-value="{_attr(t.value)}"')
    return out


def _block_ends(text: str) -> list[int]:
    """Where a paragraph block ends: after each run of line ends (not at the very end)."""
    n = len(text)
    return [m.end() for m in _BLOCK_END.finditer(text) if m.end() < n]


def article_markup(text: str, marks: Iterable[_Mark]) -> Iterator[str]:
    """The article as blocks of text with nested marks.

    One pass over the boundaries with a stack of open marks: at each boundary
    the marks that end there are closed (with the ones opened inside them,
    which are reopened as continuations), a paragraph block is closed and a
    new one opened (reopening every mark still running), then the marks that
    start there are opened, longest first.
    """
    opens = sorted(marks, key=lambda m: (m.start, -m.end, m.rank))
    blocks = _block_ends(text)
    block_set = set(blocks)
    points = sorted({0, len(text), *blocks, *(m.start for m in opens), *(m.end for m in opens)})
    stack: list[_Mark] = []
    oi = 0
    yield '<div class="blk">'
    for i, p in enumerate(points):
        parts: list[str] = []
        cut = 0 if p in block_set else next((k for k, m in enumerate(stack) if m.end <= p), None)
        if cut is not None and (stack or p in block_set):
            parts.append("</span>" * (len(stack) - cut))
            keep = [m for m in stack[cut:] if m.end > p]
            del stack[cut:]
            if p in block_set:
                parts.append('</div><div class="blk">')
            for m in keep:
                parts.append(m.cont)
                stack.append(m)
        while oi < len(opens) and opens[oi].start == p:
            m = opens[oi]
            oi += 1
            if m.end <= p:
                parts.append(m.open + "</span>")
            else:
                parts.append(m.open)
                stack.append(m)
        if i + 1 < len(points):
            parts.append(_text(text[p:points[i + 1]]))
        yield "".join(parts)
    yield "</span>" * len(stack) + "</div>"


# --- records shown on hover and focus ------------------------------------------------------------

def _value(f: Figure) -> str:
    if f.high is not None:
        return f"{_number(f.low)}–{_number(f.high)}"
    if f.value is None:
        return f"vague, at least {_number(f.low)}" if f.low is not None else "vague"
    return _number(f.value)


def _speaker_name(q: Quote | None) -> str:
    if q is None or q.speaker is None:
        return "—"
    return q.speaker.name or f"unresolved ({q.speaker.text})"


def _figure_record(f: Figure, quotes: dict[str, Quote], times: dict[str, Time]) -> dict:
    rows = [["text", f.text], ["value", _value(f)], ["unit", f.unit or "—"],
            ["counted", f.counted + (f" ({f.counted_relation})" if f.counted_relation else "") if f.counted else "—"],
            ["event", f.event or "—"], ["approximate", "yes" if f.approximate else "no"]]
    if f.qualifier:
        rows.append(["qualifier", f.qualifier])
    if f.low is not None or f.high is not None:
        rows.append(["range", f"{_number(f.low)} to {_number(f.high)}" if f.high is not None
                     else f"at least {_number(f.low)}"])
    if f.quote:
        rows.append(["quote", f"{f.quote}, said by {_speaker_name(quotes.get(f.quote))}"])
    if f.part_of:
        rows.append(["part of", f.part_of])
    rows.append(["when", _when(f.when, times)])
    return {"title": _short(f.text, 60), "rows": rows}


def _when(when: str | None, times: dict[str, Time]) -> str:
    """The time a fact holds for, as a reader checks it: 't3: last week (1998-W01)'; else the article's date."""
    t = times.get(when) if when else None
    return f"{t.id}: {_short(t.text, 40)} ({t.value})" if t is not None else "the article's date"


def _time_record(t: Time, article: Article) -> dict:
    dated = [f.id for f in article.figures if f.when == t.id] + [q.id for q in article.quotes if q.when == t.id]
    rows = [["type", t.type], ["value", t.value]]
    if dated:
        rows.append(["dates", ", ".join(dated)])
    return {"title": f"{_short(t.text, 50)} = {t.value}", "rows": rows}


def _entity_record(e: Person | Place | Organization) -> dict:
    rows: list[list[str]] = []
    if isinstance(e, Person):
        rows.append(["kind", "person"])
        if e.titles:
            rows.append(["titles", "; ".join(e.titles)])
        if e.gender:
            rows.append(["gender", e.gender])
    elif isinstance(e, Place):
        rows.append(["kind", f"place ({e.kind})" if e.kind else "place"])
        if e.country:
            rows.append(["country", e.country])
        if e.latitude is not None and e.longitude is not None:
            rows.append(["coordinates", f"{e.latitude:.4f}, {e.longitude:.4f}"])
    else:
        rows.append(["kind", "organization"])
    rows.append(["aliases", ", ".join(e.aliases) or "—"])
    rows.append(["mentions", str(len(e.mentions))])
    return {"title": e.name, "rows": rows}


def _quote_record(q: Quote, times: dict[str, Time]) -> dict:
    rows = [["type", q.type], ["speaker", _speaker_name(q)]]
    if q.speaker is not None:
        rows.append(["as written", q.speaker.text])
        if q.speaker.entity:
            rows.append(["entity", q.speaker.entity])
    rows.append(["cue", q.cue.text if q.cue else "—"])
    if q.figures:
        rows.append(["figures", ", ".join(q.figures)])
    if q.continues:
        rows.append(["continues", q.continues])
    rows.append(["when", _when(q.when, times)])
    return {"title": f"{q.type}, {_speaker_name(q)}", "rows": rows}


def records(article: Article) -> dict[str, dict]:
    """What each mark's ``data-id`` shows: a title and label/value rows, ready to display."""
    quotes = {q.id: q for q in article.quotes}
    times = {t.id: t for t in article.times}
    out: dict[str, dict] = {f.id: _figure_record(f, quotes, times) for f in article.figures}
    for e in (*article.people, *article.places, *article.organizations):
        out[e.id] = _entity_record(e)
    for q in article.quotes:
        out[q.id] = _quote_record(q, times)
    for t in article.times:
        out[t.id] = _time_record(t, article)
    return out


def _json_block(data: object) -> str:
    """JSON that cannot end its <script> element or open a comment in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# --- panels --------------------------------------------------------------------------------------

def _item(kind: str, target: str, label: str, sub: str = "") -> str:
    sub_html = f' <span class="sub">{_attr(sub)}</span>' if sub else ""
    return (f'<button type="button" class="item" data-kind="{kind}" data-target="{_attr(target)}">'
            f"{_attr(label)}{sub_html}</button>")


def _quotes_panel(article: Article) -> Iterator[str]:
    groups: dict[str, list[Quote]] = {}
    for q in article.quotes:
        key = _speaker_name(q) if q.speaker is not None else "no speaker found"
        groups.setdefault(key, []).append(q)
    yield f'<details open id="panel-quotes"><summary><h2>Quotes ({len(article.quotes)})</h2></summary>'
    if not groups:
        yield '<p class="none">No quotes.</p>'
    for name, quotes in groups.items():
        yield f'<h3>{_attr(name)} ({len(quotes)})</h3><ul>'
        for q in quotes:
            sub = f"{q.type}" + (f" · {q.cue.text}" if q.cue else "")
            yield f"<li>{_item('quote', q.id, _short(q.text, 160), sub)}</li>"
        yield "</ul>"
    yield "</details>"


def _figures_panel(article: Article) -> Iterator[str]:
    """The figures as a table: ARIA table roles on rows that are each a small grid, since a real
    <table> is laid out as a whole (seconds for thousands of rows) while rows laid out alone can be
    skipped until they scroll into view."""
    quotes = {q.id: q for q in article.quotes}
    yield f'<details open id="panel-figures"><summary><h2>Figures ({len(article.figures)})</h2></summary>'
    if not article.figures:
        yield '<p class="none">No figures.</p></details>'
        return
    yield ('<div class="table" role="table" aria-label="Figures"><div class="row head" role="row">'
           + "".join(f'<span role="columnheader">{h}</span>'
                     for h in ("figure", "value", "unit", "counted", "event", "quote")) + "</div>")
    for f in article.figures:
        q = quotes.get(f.quote) if f.quote else None
        said = f"{f.quote}: {_speaker_name(q)}" if f.quote else ""
        cells = [_value(f), f.unit or "", f.counted or "", f.event or "", said]
        yield (f'<div class="row" role="row"><span role="cell">{_item("figure", f.id, _short(f.text, 40))}</span>'
               + "".join(f'<span role="cell">{_attr(c)}</span>' for c in cells) + "</div>")
    yield "</div></details>"


def _times_panel(article: Article) -> Iterator[str]:
    dated = (f"dated {article.date} (from the {_DATE_SOURCES.get(article.date_source, '?')})" if article.date
             else "no date found: relative times keep X for what is unknown")
    yield (f'<details open id="panel-time"><summary><h2>Times ({len(article.times)})</h2></summary>'
           f'<p class="sub">{_attr(dated)}</p>')
    if not article.times:
        yield '<p class="none">No times.</p></details>'
        return
    yield "<ul>"
    for t in article.times:
        yield f"<li>{_item('time', t.id, _short(t.text, 60), f'{t.type} · {t.value}')}</li>"
    yield "</ul></details>"


_DATE_SOURCES = {"option": "--date option", "metadata": "page's metadata", "text": "head of the text"}


def _entities_panel(title: str, kind: str, entities: list) -> Iterator[str]:
    yield f'<details open id="panel-{kind}"><summary><h2>{title} ({len(entities)})</h2></summary>'
    if not entities:
        yield f'<p class="none">No {title.lower()}.</p></details>'
        return
    yield "<ul>"
    for e in sorted(entities, key=lambda e: (-len(e.mentions), e.name)):
        n = len(e.mentions)
        extra = ""
        if isinstance(e, Person) and e.titles:
            extra = " · " + "; ".join(e.titles)
        elif isinstance(e, Place) and (e.kind or e.country):
            extra = " · " + ", ".join(x for x in (e.kind, e.country) if x)
        yield f"<li>{_item(kind, e.id, e.name, f'{n} mention' + ('s' if n != 1 else '') + extra)}</li>"
    yield "</ul></details>"


def counts(article: Article) -> dict[str, int]:
    """The numbers a reader sees first (and the index lists)."""
    return {"figures": len(article.figures), "people": len(article.people), "places": len(article.places),
            "organizations": len(article.organizations), "quotes": len(article.quotes), "times": len(article.times)}


def _legend(article: Article) -> str:
    n = {"figure": len(article.figures), "quote": len(article.quotes),
         "person": sum(len(e.mentions) for e in article.people),
         "place": sum(len(e.mentions) for e in article.places),
         "org": sum(len(e.mentions) for e in article.organizations),
         "speaker": sum(q.speaker is not None for q in article.quotes),
         "cue": sum(q.cue is not None for q in article.quotes), "ignored": len(article.ignored),
         "time": len(article.times)}
    items = []
    for kind, label, sample, look in KINDS:
        typ = ' data-type="direct"' if kind == "quote" else (' data-type="social"' if kind == "ignored" else "")
        items.append(f'<li><label title="{_attr(label)}: {_attr(look)}"><input type="checkbox" checked '
                     f'data-toggle="{kind}"> <span class="{kind}"{typ}>{sample}</span> {label} '
                     f'<span class="n">({n[kind]})</span></label></li>')
    return '<ul class="legend" id="legend" aria-label="Legend: show or hide each kind">' + "".join(items) + "</ul>"


# --- the page ------------------------------------------------------------------------------------

def _csp(style: str, script: str | None) -> str:
    script_src = f"'{_sha256(script)}'" if script is not None else "'none'"
    return (f"default-src 'none'; style-src '{_sha256(style)}'; script-src {script_src}; img-src 'none'; "
            "connect-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'")


def write_page(article: Article, text: str, stream: IO[str]) -> None:
    """Write the page of one article; ``text`` is the decoded input the article's offsets index."""
    if len(text) != article.length:
        raise ValueError(f"{article.source}: text has {len(text)} characters, the article {article.length}")
    style, script = _asset("page.css"), _asset("page.js")
    c = counts(article)
    summary = ", ".join(f"{v:,} {k}" for k, v in c.items())
    w = stream.write
    w("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      f'<meta http-equiv="Content-Security-Policy" content="{_attr(_csp(style, script))}">'
      '<meta name="viewport" content="width=device-width, initial-scale=1">'
      f'<meta name="generator" content="factx">'
      f"<title>{_attr(article.source)} · factx</title><style>{style}</style></head>\n<body>"
      '<a class="skip" href="#panels">Skip to the panels</a>'
      f'<header><h1>{_attr(article.source)}</h1><p class="meta">{_attr(summary)} · {article.length:,} characters, '
      f"{article.sentences:,} sentences · {_attr(f'dated {article.date}' if article.date else 'no date')} · "
      f"{_attr(article.encoding)} · model {_attr(article.model.name)} "
      f"{_attr(article.model.version)}</p>{_legend(article)}</header>\n"
      '<main><div id="article" lang="en">')
    chunk: list[str] = []
    for piece in article_markup(text, _marks(article)):
        chunk.append(piece)
        if len(chunk) >= 4096:
            w("".join(chunk))
            chunk.clear()
    w("".join(chunk))
    w('</div></main>\n<aside id="panels" aria-label="Facts found">')
    for part in (_quotes_panel(article), _figures_panel(article),
                 _entities_panel("People", "person", article.people),
                 _entities_panel("Places", "place", article.places),
                 _entities_panel("Organizations", "org", article.organizations), _times_panel(article)):
        for piece in part:
            w(piece)
    w('</aside>\n<div id="tip" role="tooltip" hidden></div>\n'
      f'<script type="application/json" id="factx-records">{_json_block(records(article))}</script>\n'
      f"<script>{script}</script>\n</body></html>\n")


def page(article: Article, text: str) -> str:
    """The page of one article as a string (see ``write_page``)."""
    import io

    out = io.StringIO()
    write_page(article, text, out)
    return out.getvalue()


def write_index(entries: Iterable[tuple[str, str, dict[str, int]]], stream: IO[str]) -> None:
    """An index of pages: (source, relative file name, counts) per input, each linking to its page."""
    from urllib.parse import quote

    style = _asset("index.css")
    entries = list(entries)
    w = stream.write
    w("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      f'<meta http-equiv="Content-Security-Policy" content="{_attr(_csp(style, None))}">'
      '<meta name="viewport" content="width=device-width, initial-scale=1">'
      f"<title>factx · {len(entries)} articles</title><style>{style}</style></head>\n<body>"
      f"<h1>factx: {len(entries)} articles</h1><table><thead><tr><th>article</th><th>figures</th><th>people</th>"
      "<th>places</th><th>organizations</th><th>quotes</th><th>times</th></tr></thead><tbody>\n")
    for source, name, c in entries:
        w(f'<tr><td><a href="{_attr(quote(name))}">{_attr(source)}</a></td>'
          + "".join(f"<td>{c.get(k, 0):,}</td>" for k in ("figures", "people", "places", "organizations", "quotes",
                                                          "times"))
          + "</tr>\n")
    w("</tbody></table></body></html>\n")
