"""The readable terminal view: one rich table per kind of fact."""

from __future__ import annotations

from typing import IO

from ..models import Article, Figure, Time
from .target import TextTarget


def _short(text: str, n: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _number(v: float | None) -> str:
    if v is None:
        return ""
    return f"{int(v):,}" if float(v).is_integer() and abs(v) < 1e18 else f"{v:,.6g}"


def _figure_note(f: Figure) -> str:
    """The figure as an analyst would note it: "approximately 9,000 people · sheltering", "1,311 · death toll"."""
    note = _short(f.text, 40)
    if f.counted:
        if f.counted_relation == "modifier":
            note += f" {f.counted}"
        elif f.counted_relation == "of":
            note += f" of {f.counted}"
        else:
            note += f" · {f.counted}"
    if f.event:
        note += f" · {f.event}"
    return note


_DATE_SOURCES = {"option": "--date option", "metadata": "page's metadata", "text": "head of the text", None: "?"}


def _when(times: dict[str, Time], when: str | None) -> str:
    """The time a fact holds for: '2018 (2018)', or '' when the article's date stands."""
    t = times.get(when) if when else None
    return "" if t is None else f"{_short(t.text, 30)} ({t.value})"


def write_table(article: Article, stream: IO[str], width: int | None = None) -> None:
    """A readable view of one article, one section per kind."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(file=stream, width=width or 120, highlight=False, soft_wrap=False)
    console.print(f"[bold]{escape(article.source)}[/bold]  ({article.length:,} characters, "
                  f"{article.sentences} sentences, model {article.model.name} {article.model.version})")
    console.print(f"dated {article.date} (from the {_DATE_SOURCES[article.date_source]})" if article.date
                  else "no date found: relative times are not resolved")
    times = {t.id: t for t in article.times}

    t = Table(title=f"Figures ({len(article.figures)})", title_justify="left", expand=False)
    for col in ("id", "figure", "value", "unit", "part of", "source", "when"):
        t.add_column(col)
    quotes = {q.id: q for q in article.quotes}
    for f in article.figures:
        who = quotes[f.quote].speaker.name if f.quote and quotes[f.quote].speaker else None
        if f.high is not None:
            rng = f"{_number(f.low)}–{_number(f.high)}"
        elif f.value is None:
            rng = f"vague, ≥{_number(f.low)}" if f.low is not None else "vague"
        else:
            rng = _number(f.value)
        t.add_row(f.id, escape(_figure_note(f)), rng, f.unit or "", f.part_of or "", escape(who or ""),
                  escape(_when(times, f.when)))
    console.print(t)

    t = Table(title=f"People ({len(article.people)})", title_justify="left")
    for col in ("name", "titles", "gender", "aliases", "mentions"):
        t.add_column(col)
    for p in article.people:
        t.add_row(p.name, "; ".join(p.titles), p.gender or "", ", ".join(p.aliases), str(len(p.mentions)))
    console.print(t)

    t = Table(title=f"Places ({len(article.places)})", title_justify="left")
    for col in ("name", "kind", "country", "aliases", "mentions"):
        t.add_column(col)
    for pl in article.places:
        t.add_row(pl.name, pl.kind or "", pl.country or "", ", ".join(pl.aliases), str(len(pl.mentions)))
    console.print(t)

    t = Table(title=f"Organizations ({len(article.organizations)})", title_justify="left")
    for col in ("name", "aliases", "mentions"):
        t.add_column(col)
    for o in article.organizations:
        t.add_row(o.name, ", ".join(o.aliases), str(len(o.mentions)))
    console.print(t)

    t = Table(title=f"Quotes ({len(article.quotes)})", title_justify="left")
    for col in ("speaker", "cue", "type", "text", "when"):
        t.add_column(col)
    for q in article.quotes:
        who = ""
        if q.speaker:
            who = q.speaker.name or q.speaker.text
            if q.speaker.name and q.speaker.text != q.speaker.name:
                who = f"{q.speaker.name} ({q.speaker.text})"
        t.add_row(escape(who or "(unknown)"), escape(q.cue.text if q.cue else ""), q.type, escape(_short(q.text, 90)),
                  escape(_when(times, q.when)))
    console.print(t)

    t = Table(title=f"Times ({len(article.times)})", title_justify="left")
    for col in ("id", "text", "type", "value"):
        t.add_column(col)
    for tm in article.times:
        t.add_row(tm.id, escape(_short(tm.text, 60)), tm.type, tm.value)
    console.print(t)
    if article.ignored:
        console.print(f"[dim]set aside as page furniture: {len(article.ignored)} region(s): "
                      + "; ".join(_short(r.text, 40) for r in article.ignored) + "[/dim]")


class TableWriter:
    """The table view of each article on a text target."""

    def __init__(self, target: TextTarget):
        self.target = target

    def write(self, article: Article) -> None:
        write_table(article, self.target.stream)
        self.target.flush()

    def close(self) -> None:
        self.target.commit()

    def abort(self) -> None:
        self.target.abort()
