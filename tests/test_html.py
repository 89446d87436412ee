"""The HTML page's structure, parsed back with html5lib: text, marks, records, escaping, nesting; and the CLI's
html writers (one file, a directory with an index, the usage errors)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from html_support import article_text_and_marks, expected_spans, find_id, parse_page
from hypothesis import given, settings
from hypothesis import strategies as st

from factx.models import Article, Figure, ModelInfo, Person, Quote, Region, Span, Speaker
from factx.render.html import page, records

# Text written for these tests: markup, script, event handlers and javascript: URLs in the article,
# inside quotes, names and furniture, with CRLF line ends and line separators.
HOSTILE = (
    'Jane <b>Roe</b> said "<script>window.factxPwned = 1</script> costs $5 million," on Monday.\r\n'
    'The mayor, John Smith, told reporters: "\'"><img src=x onerror="window.factxPwned = 2"> is 40% of it."\r\n'
    'Visit <a href="javascript:window.factxPwned=3">the site</a> or javascript:alert(1), said Acme Corp.\r\n'
    "</div></main><script>window.factxPwned = 4</script><!-- <style>body{display:none}</style> ]]> &amp; &lt;"
    "\u2028 x \u2029\r\n"
    'Mr. </script><script>window.factxPwned=5</script> Jones said "<iframe src=https://example.com/>" killed '
    '3 people in Paris.\r\n'
    '<link rel=stylesheet href="http://example.com/x.css"><meta http-equiv="refresh" content="0;url=http://x">\r\n'
    "Follow us on Twitter @<svg onload=window.factxPwned=6>\r\n"
)
PAGE_SCRIPTS = 2  # the JSON records (a data block) and the page's own script


def _ids(article: Article) -> set[str]:
    ids = {f.id for f in article.figures} | {q.id for q in article.quotes} | {t.id for t in article.times}
    return ids | {e.id for e in (*article.people, *article.places, *article.organizations)}


def _check_page(article: Article, text: str) -> tuple:
    """What every page must satisfy: valid HTML, the article's text exactly, each span marked once with its
    record's id, each furniture region dimmed, each id with its record."""
    html = page(article, text)
    tree, errors = parse_page(html)
    # a carriage return can only be written as &#13;, which the HTML spec calls a parse error yet maps to CR
    assert [e for e in errors if e[1] != "illegal-codepoint-for-numeric-entity"] == []
    got_text, marks, regions = article_text_and_marks(tree)
    assert got_text == text
    assert sorted(set(marks)) == sorted(marks), "a span marked twice"
    assert set(marks) == expected_spans(article)
    dimmed = {i for _, start, end in regions for i in range(start, end)}
    assert dimmed == {i for r in article.ignored for i in range(r.start, r.end)}
    assert {(r.kind, r.start) for r in article.ignored if r.end > r.start} <= {(k, s) for k, s, _ in regions}
    data_ids = {el.get("data-id") for el in find_id(tree, "article").iter() if el.get("data-id")}
    assert data_ids == _ids(article)
    recs = json.loads(find_id(tree, "factx-records").text)
    assert set(recs) == _ids(article)
    return html, tree


def test_seed_page(seed_article, seed_text):
    html, tree = _check_page(seed_article, seed_text)
    assert "\n" in seed_text and html.count('<div class="blk">') == seed_text.rstrip("\n").count("\n") + 1
    recs = json.loads(find_id(tree, "factx-records").text)
    f1 = dict(recs["f1"]["rows"])
    assert (f1["value"], f1["counted"].split()[0], f1["event"], f1["approximate"]) == \
        ("9,000", "people", "sheltering", "yes")
    zakharova = next(p for p in seed_article.people if p.name == "Maria Zakharova")
    assert dict(recs[zakharova.id]["rows"])["titles"] == "; ".join(zakharova.titles)
    q = seed_article.quotes[0]
    assert dict(recs[q.id]["rows"])["speaker"] == q.speaker.name
    # every first fragment of a mark can be reached with Tab; continuations are not stops of their own
    for el in find_id(tree, "article").iter("span"):
        cls = (el.get("class") or "").split()
        if "m" in cls:
            assert (el.get("tabindex") == "0") == ("cont" not in cls)


def test_side_panels_list_every_record(seed_article, seed_text):
    _, tree = _check_page(seed_article, seed_text)
    items = [(b.get("data-kind"), b.get("data-target")) for b in find_id(tree, "panels").iter("button")]
    assert sorted(t for k, t in items if k == "quote") == sorted(q.id for q in seed_article.quotes)
    assert sorted(t for k, t in items if k == "figure") == sorted(f.id for f in seed_article.figures)
    for kind, ents in (("person", seed_article.people), ("place", seed_article.places),
                       ("org", seed_article.organizations)):
        assert sorted(t for k, t in items if k == kind) == sorted(e.id for e in ents)
    # quotes are grouped under their speaker's name
    quotes = find_id(tree, "panel-quotes")
    heads = [h.text for h in quotes.iter("h3")]
    for q in seed_article.quotes:
        assert any(h.startswith(q.speaker.name + " (") for h in heads)


def test_hostile_text_is_only_text(extractor):
    article = extractor.extract_text(HOSTILE, source='<img src=x onerror="window.factxPwned=7">.txt')
    assert article.quotes and article.figures  # the page has marks to escape, not just plain text
    _html, tree = _check_page(article, HOSTILE)
    scripts = list(tree.iter("script"))
    assert len(scripts) == PAGE_SCRIPTS and scripts[0].get("type") == "application/json"
    assert "factxPwned" not in (scripts[1].text or "")
    for el in tree.iter():
        assert el.tag not in ("img", "iframe", "link", "svg", "object", "embed", "base", "form")
        assert not [a for a in el.attrib if a.lower().startswith("on")], el.attrib
        assert not any("javascript:" in v for v in el.attrib.values()), el.attrib
    assert [a.get("href") for a in tree.iter("a")] == ["#panels"]
    assert [m.get("http-equiv") for m in tree.iter("meta") if m.get("http-equiv")] == ["Content-Security-Policy"]
    assert find_id(tree, "article").find(".//*[@data-id]") is not None


def test_csp_allows_only_the_page_own_style_and_script(seed_article, seed_text):
    tree, _ = parse_page(page(seed_article, seed_text))
    csp = next(m.get("content") for m in tree.iter("meta") if m.get("http-equiv") == "Content-Security-Policy")
    rules = dict(rule.strip().split(" ", 1) for rule in csp.split(";"))
    assert rules["default-src"] == "'none'" and rules["img-src"] == "'none'" and rules["connect-src"] == "'none'"

    def digest(s: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"

    assert rules["style-src"] == digest(next(tree.iter("style")).text)
    assert rules["script-src"] == digest(list(tree.iter("script"))[1].text)
    # nothing on the page points anywhere: no src, no external href
    for el in tree.iter():
        assert el.get("src") is None
        assert (el.get("href") or "#").startswith("#")


def _article(text: str, figures=(), quotes=(), people=(), ignored=()) -> Article:
    return Article(source="t", encoding="utf-8", length=len(text), model=ModelInfo(name="m", version="0"),
                   sentences=1, figures=list(figures), quotes=list(quotes), people=list(people), ignored=list(ignored))


def _fig(i: int, text: str, start: int, end: int) -> Figure:
    return Figure(id=f"f{i}", start=start, end=end, text=text[start:end], value=None, unit=None, counted=None,
                  sentence=0)


def test_crossing_and_nested_spans_are_split_into_valid_markup():
    text = "Smith said costs rose by 40 percent\nin two years, and more."
    q = Quote(id="q1", type="indirect", start=11, end=48, text=text[11:48], sentence=0,
              speaker=Speaker(start=0, end=5, text="Smith", name="Smith", entity="p1"),
              cue=Span(start=6, end=10, text="said"))
    q2 = Quote(id="q2", type="direct", start=0, end=16, text=text[0:16], sentence=0, speaker=None, cue=None)
    person = Person(id="p1", name="Smith", mentions=[{"start": 0, "end": 5, "text": "Smith", "sentence": 0}])
    figures = [_fig(1, text, 25, 35), _fig(2, text, 33, 39), _fig(3, text, 39, 39)]  # crossing, empty
    region = Region(start=30, end=45, text=text[30:45], kind="credit")
    html, _tree = _check_page(_article(text, figures, [q, q2], [person], [region]), text)
    assert " cont\"" in html  # some mark had to be split


@st.composite
def _spans(draw):
    text = draw(st.text(alphabet="ab <&>\"'\n\r\u2028é", min_size=0, max_size=40))
    n = len(text)
    pairs = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=8))
    figures = [_fig(i, text, min(a, b), max(a, b)) for i, (a, b) in enumerate(pairs, 1)]
    qpairs = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=3))
    quotes = [Quote(id=f"q{i}", type="direct", start=min(a, b), end=max(a, b), text=text[min(a, b):max(a, b)],
                    sentence=0, speaker=None, cue=None) for i, (a, b) in enumerate(qpairs, 1)]
    rpairs = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=2))
    regions = [Region(start=min(a, b), end=max(a, b), text=text[min(a, b):max(a, b)], kind="x") for a, b in rpairs]
    return text, figures, quotes, regions


@settings(max_examples=150, deadline=None)
@given(_spans())
def test_any_spans_over_any_text_give_valid_markup(case):
    text, figures, quotes, regions = case
    _check_page(_article(text, figures, quotes, ignored=regions), text)


def test_records_say_what_factx_knows(seed_article):
    recs = records(seed_article)
    for f in seed_article.figures:
        assert {"value", "unit", "counted", "event", "approximate"} <= {k for k, _ in recs[f.id]["rows"]}
    for p in seed_article.places:
        rows = dict(recs[p.id]["rows"])
        assert rows["kind"].startswith("place") and rows["mentions"] == str(len(p.mentions))


def test_text_and_article_must_agree(seed_article):
    import pytest

    with pytest.raises(ValueError, match="characters"):
        page(seed_article, "too short")


# --- the command line ----------------------------------------------------------------------------

def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx", *args], input=stdin, capture_output=True, timeout=300)


def _corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("Mayor John Smith said that 300 people attended the meeting in Boston.\n")
    (d / "sub" / "b.txt").write_text("“We will rebuild the bridge,” Governor Ann Lee told reporters.\n")
    (d / "sub" / "index.txt").write_text("Acme Corp. hired 12 engineers in Denver.\n")
    return d


def test_cli_one_page_to_a_file_and_to_stdout(tmp_path):
    corpus = _corpus(tmp_path)
    out = tmp_path / "a.html"
    r = run("extract", str(corpus / "a.txt"), "--format", "html", "-o", str(out))
    assert r.returncode == 0, r.stderr
    tree, _ = parse_page(out.read_text(encoding="utf-8"))
    text, marks, _ = article_text_and_marks(tree)
    assert text == (corpus / "a.txt").read_text()
    assert ("figure", "f1", 27, 30) in marks
    r = run("extract", "-", "-f", "html", stdin=(corpus / "a.txt").read_bytes())
    assert r.returncode == 0 and r.stdout.decode() == out.read_text(encoding="utf-8").replace(str(corpus / "a.txt"),
                                                                                              "-")


def test_cli_several_pages_in_a_directory_with_an_index(tmp_path):
    corpus = _corpus(tmp_path)
    out = tmp_path / "pages"
    r = run("extract", str(corpus), "-f", "html", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "b.html", "index-2.html", "index.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    tree, errors = parse_page(index)
    assert errors == []
    rows = [[("".join(td.itertext())) for td in tr.iter("td")] for tr in tree.iter("tr")][1:]
    links = [a.get("href") for a in tree.iter("a")]
    assert links == ["a.html", "b.html", "index-2.html"]
    assert rows[0] == [str(corpus / "a.txt"), "1", "1", "1", "0", "1", "0"]  # the last column: times
    for link, src in zip(links, ("a.txt", "sub/b.txt", "sub/index.txt"), strict=True):
        text, _, _ = article_text_and_marks(parse_page((out / link).read_text(encoding="utf-8"))[0])
        assert text == (corpus / src).read_text()
    assert not list(out.glob(".*.tmp"))


def test_cli_html_usage_errors(tmp_path):
    corpus = _corpus(tmp_path)
    r = run("extract", str(corpus), "-f", "html")
    assert r.returncode == 2 and re.search(rb"-o DIR", r.stderr) and r.stdout == b""
    (tmp_path / "file.html").write_text("x")
    r = run("extract", str(corpus), "-f", "html", "-o", str(tmp_path / "file.html"))
    assert r.returncode == 2 and b"-o DIR" in r.stderr
    r = run("extract", str(corpus), "-o", str(tmp_path))  # a directory is for html pages only
    assert r.returncode == 2 and b"is a directory" in r.stderr
