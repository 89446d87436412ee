"""Reading factx pages back for the tests: the article's text and its marks, with their offsets."""

from __future__ import annotations

from dataclasses import replace

from factx.models import Article

KIND_OF_LIST = {"people": "person", "places": "place", "organizations": "org"}


def expected_spans(article: Article) -> set[tuple[str, str, int, int]]:
    """(kind, data-id, start, end) of every span the page must mark."""
    out = {("figure", f.id, f.start, f.end) for f in article.figures}
    for field, kind in KIND_OF_LIST.items():
        for e in getattr(article, field):
            out.update((kind, e.id, m.start, m.end) for m in e.mentions)
    for q in article.quotes:
        out.add(("quote", q.id, q.start, q.end))
        if q.speaker is not None:
            out.add(("speaker", q.id, q.speaker.start, q.speaker.end))
        if q.cue is not None:
            out.add(("cue", q.id, q.cue.start, q.cue.end))
    out.update(("time", t.id, t.start, t.end) for t in article.times)
    return out


def expected_counts(article: Article) -> dict[str, int]:
    """How many marks of each kind the page must hold (one per span, whatever its fragments)."""
    counts = {"figure": len(article.figures), "quote": len(article.quotes),
              "speaker": sum(q.speaker is not None for q in article.quotes),
              "cue": sum(q.cue is not None for q in article.quotes), "time": len(article.times)}
    for field, kind in KIND_OF_LIST.items():
        counts[kind] = sum(len(e.mentions) for e in getattr(article, field))
    return counts


def parse_page(page: str):
    """The page as an element tree (html5lib, the WHATWG algorithm browsers use) and its parse errors."""
    import html5lib

    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    tree = parser.parse(page)
    return tree, parser.errors


def find_id(tree, element_id: str):
    for el in tree.iter():
        if el.get("id") == element_id:
            return el
    raise AssertionError(f"no element #{element_id}")


def _continued(records: list[list], pos: int, same) -> list:
    """The record a continuation at ``pos`` carries on: the first (outermost) of those cut at ``pos`` that is
    not yet continued there (marks are reopened outermost first)."""
    for r in records:
        if r[-1] == pos and same(r) and r[-2] != ("cont", pos):
            r[-2] = ("cont", pos)
            return r
    raise AssertionError(f"a continuation at {pos} carries on no mark cut there")


def article_text_and_marks(tree) -> tuple[str, list[tuple[str, str, int, int]], list[tuple[str, int, int]]]:
    """The text of ``#article``, its marks as (kind, data-id, start, end) with continuations joined to
    the fragment they continue, and the fragments of its dimmed regions as (type, start, end)."""
    root = find_id(tree, "article")
    parts: list[str] = []
    pos = 0
    # each record: [kind, id, start, last continuation, end] / [type, start, None, end]
    marks: list[list] = []
    regions: list[list] = []

    def walk(el) -> None:
        nonlocal pos
        cls = (el.get("class") or "").split()
        record = None
        if "m" in cls:
            kind, rid = cls[1], el.get("data-id")
            if "cont" in cls:
                record = _continued(marks, pos, lambda m: m[0] == kind and m[1] == rid)
            else:
                record = [kind, rid, pos, None, pos]
                marks.append(record)
        elif "ignored" in cls:  # fragments: regions carry no id, so a continuation names none of them
            record = [el.get("data-type"), pos, None, pos]
            regions.append(record)
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if record is not None:
            record[-1] = pos

    walk(root)
    return ("".join(parts), [(m[0], m[1], m[2], m[4]) for m in marks], [(r[0], r[1], r[3]) for r in regions])


def repeat_article(article: Article, text: str, copies: int) -> tuple[Article, str]:
    """``copies`` copies of a real article's text one after another, with its records repeated at the
    shifted offsets (figures and quotes renumbered, entities keeping their ids and gaining mentions):
    a long article with the density of marks of a real one, without a minute of parsing."""
    sep = "" if text.endswith("\n") else "\n"
    unit = text + sep
    n_fig, n_quote, n_time = len(article.figures), len(article.quotes), len(article.times)

    def fid(old: str | None, k: int) -> str | None:
        return None if old is None else f"f{int(old[1:]) + k * n_fig}"

    def qid(old: str | None, k: int) -> str | None:
        return None if old is None else f"q{int(old[1:]) + k * n_quote}"

    def tid(old: str | None, k: int) -> str | None:
        return None if old is None else f"t{int(old[1:]) + k * n_time}"

    def span(s, shift):
        return None if s is None else replace(s, start=s.start + shift, end=s.end + shift)

    figures, quotes, ignored, times = [], [], [], []
    mentions: dict[str, list] = {e.id: [] for e in (*article.people, *article.places, *article.organizations)}
    for k in range(copies):
        shift, sent = k * len(unit), k * article.sentences
        figures += [replace(f, start=f.start + shift, end=f.end + shift, id=fid(f.id, k), quote=qid(f.quote, k),
                            part_of=fid(f.part_of, k), sentence=f.sentence + sent, when=tid(f.when, k))
                    for f in article.figures]
        quotes += [replace(q, start=q.start + shift, end=q.end + shift, id=qid(q.id, k),
                           speaker=span(q.speaker, shift), cue=span(q.cue, shift), sentence=q.sentence + sent,
                           figures=[fid(x, k) for x in q.figures], continues=qid(q.continues, k),
                           when=tid(q.when, k))
                   for q in article.quotes]
        times += [replace(t, start=t.start + shift, end=t.end + shift, id=tid(t.id, k), sentence=t.sentence + sent)
                  for t in article.times]
        ignored += [span(r, shift) for r in article.ignored]
        for e in (*article.people, *article.places, *article.organizations):
            mentions[e.id] += [replace(m, start=m.start + shift, end=m.end + shift, sentence=m.sentence + sent)
                               for m in e.mentions]

    def entities(items):
        return [e.model_copy(update={"mentions": mentions[e.id]}) for e in items]

    long_text = unit * copies
    return article.model_copy(update={
        "length": len(long_text), "sentences": article.sentences * copies, "figures": figures, "quotes": quotes,
        "ignored": ignored, "times": times, "people": entities(article.people), "places": entities(article.places),
        "organizations": entities(article.organizations)}), long_text
