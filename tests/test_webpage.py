"""Web pages in: pages built here (no network) are read for their article, by content, in their declared charset."""

from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_TEXT, assert_offsets

import factx
from factx.models import json_schema
from factx.webpage import looks_like_html

HEADLINE = "Airbase shelters families fleeing sectarian violence"
# Everything on the page around the article: none of it may reach the text or the facts.
FURNITURE = ("cookies", "Jonathan Pryce", "Accept all", "Subscribe for $1 a week", "Politics", "Leyla Ardent",
             "40,000", "Sudbury", "300 job cuts", "Gerald Moncrieff", "Helmut Brandauer", "5,000 likes", "Priya Anand",
             "Lisbon", "All rights reserved", "Comments (57)", "visitors", "font-family")
FURNITURE_NAMES = ("Jonathan Pryce", "Leyla Ardent", "Ankara", "Sudbury", "Gerald Moncrieff", "Helmut Brandauer",
                   "Priya Anand", "Lisbon", "Daily Ledger")


def news_page(paragraphs: list[str], charset: str = "utf-8", headline: str = HEADLINE) -> str:
    """A news page as sites serve them: cookie banner, navigation, byline, related links, comments, footer."""
    body = "\n".join(f"      <p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="{charset}">
  <title>{headline} | The Daily Ledger</title>
  <meta name="author" content="Dana Whitfield">
  <meta property="og:site_name" content="The Daily Ledger">
  <meta property="article:published_time" content="2025-03-13T09:30:00Z">
  <link rel="canonical" href="https://ledger.example.com/world/airbase-shelters-families">
  <script>window.dataLayer = [{{"pageType": "article", "visitors": 250000}}];</script>
  <style>body {{ font-family: serif; }}</style>
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">
    <p>We use cookies to improve your experience. By clicking Accept, you agree to our use of 12 cookie partners,
       as Jonathan Pryce, our privacy officer, explained.</p>
    <button>Accept all</button> <button>Manage settings</button>
  </div>
  <header class="site-header">
    <nav class="main-nav"><ul>
      <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
      <li><a href="/business">Business</a></li><li><a href="/subscribe">Subscribe for $1 a week</a></li>
    </ul></nav>
  </header>
  <main>
    <article>
      <h1>{headline}</h1>
      <p class="byline">By <a href="/authors/dana-whitfield">Dana Whitfield</a> · March 13, 2025</p>
{body}
    </article>
    <aside class="related">
      <h2>Related stories</h2>
      <ul>
        <li><a href="/world/1">Turkish Prime Minister Leyla Ardent visits Ankara as 40,000 march</a></li>
        <li><a href="/world/2">Canadian miners strike in Sudbury over 300 job cuts</a></li>
      </ul>
    </aside>
    <section id="comments" class="comments">
      <h3>Comments (57)</h3>
      <div class="comment"><p class="comment-author">Gerald Moncrieff</p>
        <p>"This is exactly what Helmut Brandauer predicted years ago," wrote my neighbour. 5,000 likes would not be
        enough.</p></div>
      <div class="comment"><p class="comment-author">Priya Anand</p>
        <p>Great reporting, from your readers in Lisbon. Thank you.</p></div>
    </section>
  </main>
  <footer class="site-footer"><p>© 2025 The Daily Ledger Media Group. All rights reserved.</p>
    <p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · Follow us on Twitter</p></footer>
</body>
</html>
"""


LOGIN_WALL = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Sign in | The Daily Ledger</title></head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav></header>
<main>
  <div class="paywall">
    <h1>Sign in to continue reading</h1>
    <p>This article is for subscribers only. Log in or create a free account to keep reading.</p>
    <form action="/login" method="post">
      <label>Email <input type="email" name="email"></label>
      <label>Password <input type="password" name="password"></label>
      <button type="submit">Log in</button>
    </form>
    <p><a href="/forgot">Forgot your password?</a> · <a href="/register">Create an account</a></p>
  </div>
</main>
<footer><p>© 2025 The Daily Ledger</p></footer>
</body></html>
"""

# A story written for this test, with the typography windows-1252 has and ASCII lacks.
CP1252_STORY = [
    "Montréal – The city’s transit agency will hire 450 drivers this year, its director, Hélène Côté, said on "
    "Tuesday.",
    "“We cannot run a métro on goodwill alone,” Côté told reporters. She said the plan would cost about "
    "€12 million.",
    "Union leader Marc Dubé said that the agency had waited too long… and that riders had paid the price.",
]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx", *args], input=stdin, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("pages")
    seed = SEED_TEXT.read_text(encoding="utf-8")
    (d / "seed.html").write_text(news_page(seed.split("\n")), encoding="utf-8")
    (d / "montreal.htm").write_bytes(
        news_page(CP1252_STORY, charset="windows-1252", headline="Transit agency to hire drivers").encode("cp1252"))
    (d / "login.html").write_text(LOGIN_WALL, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def page_article(pages):
    [article] = factx.extract_files([str(pages / "seed.html")])
    return article


def _facts(article) -> tuple:
    """What an article says, without offsets and sentence numbers (which the headline shifts)."""
    quotes = [(q.id, q.type, q.text, q.speaker and (q.speaker.text, q.speaker.name, q.speaker.entity),
               q.cue and q.cue.text, q.figures, q.continues) for q in article.quotes]
    figures = [(f.id, f.text, f.value, f.unit, f.counted, f.counted_relation, f.approximate, f.qualifier, f.low,
                f.high, f.event, f.quote, f.part_of) for f in article.figures]
    entities = [(e.id, e.name, e.aliases, getattr(e, "titles", None), getattr(e, "kind", None),
                 [m.text for m in e.mentions])
                for kind in (article.people, article.places, article.organizations) for e in kind]
    return quotes, figures, entities


def test_seed_inside_a_page_gives_the_seed_facts(page_article, seed_article):
    quotes, figures, entities = _facts(page_article)
    seed_quotes, seed_figures, seed_entities = _facts(seed_article)
    assert quotes == seed_quotes
    assert figures == seed_figures
    assert entities == seed_entities
    assert len(quotes) >= 9 and len(figures) >= 5


def test_page_offsets_point_into_the_text_it_carries(page_article, seed_text):
    text = page_article.text
    assert text is not None and page_article.length == len(text)
    assert_offsets(page_article, text)
    # headline, then the article itself
    assert text.startswith(HEADLINE + "\n")
    assert seed_text.strip() in text


def test_nothing_from_the_page_furniture(page_article):
    for piece in FURNITURE:
        assert piece not in page_article.text, piece
    names = {e.name for kind in (page_article.people, page_article.places, page_article.organizations)
             for e in kind}
    for name in FURNITURE_NAMES:
        assert not any(name in n for n in names), name


def test_page_metadata(page_article):
    page = page_article.page
    assert page is not None
    assert page.title == HEADLINE
    assert page.author == "Dana Whitfield"
    assert page.date == "2025-03-13"
    assert page.url == "https://ledger.example.com/world/airbase-shelters-families"
    assert page.sitename == "The Daily Ledger"
    data = json.loads(page_article.model_dump_json())
    assert data["page"]["title"] == HEADLINE and data["text"] == page_article.text


def test_plain_text_record_has_neither_text_nor_page(seed_article):
    data = json.loads(seed_article.model_dump_json())
    assert "text" not in data and "page" not in data


def test_windows_1252_page_by_its_meta_tag(pages):
    raw = (pages / "montreal.htm").read_bytes()
    assert b"\x93" in raw and b"\xe9" in raw  # curly quote and é as windows-1252 bytes
    r = run("extract", str(pages / "montreal.htm"))
    assert r.returncode == 0, r.stderr
    assert r.stderr == b"", "the declared charset is used, not guessed"
    data = json.loads(r.stdout)
    assert data["encoding"] == "cp1252"
    assert "“We cannot run a métro on goodwill alone,”" in data["text"]
    assert "Hélène Côté" in data["text"]
    assert "Hélène Côté" in [p["name"] for p in data["people"]]
    assert [(f["text"], f["value"]) for f in data["figures"]][:1] == [("450", 450)]
    [direct] = [q for q in data["quotes"] if q["type"] == "direct"]
    assert direct["speaker"]["name"] == "Hélène Côté"
    for span in (*data["figures"], *data["quotes"]):
        assert data["text"][span["start"]:span["end"]] == span["text"]


def test_login_wall_is_one_error_and_the_others_go_on(pages):
    r = run("extract", str(pages / "login.html"), str(pages / "seed.html"), str(SEED_TEXT))
    assert r.returncode == 1
    errors = r.stderr.decode().splitlines()
    assert len(errors) == 1
    assert errors[0].startswith(f"factx: {pages / 'login.html'}: no article in this web page")
    sources = [json.loads(line)["source"] for line in r.stdout.decode().splitlines()]
    assert sources == [str(pages / "seed.html"), str(SEED_TEXT)]


def test_html_told_by_content_not_by_name(tmp_path):
    page = news_page(SEED_TEXT.read_text(encoding="utf-8").split("\n"))
    disguised = tmp_path / "story.txt"
    disguised.write_text(page, encoding="utf-8")
    r = run("extract", str(disguised))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["page"]["title"] == HEADLINE
    # forced to text, the markup itself is the input
    r = run("extract", str(disguised), "--input-format", "text")
    data = json.loads(r.stdout)
    assert "page" not in data and data["length"] == len(page)


def test_sniffing():
    assert looks_like_html(b"<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert looks_like_html(b"\xef\xbb\xbf\n  <!-- saved page --><HTML lang=en><p>x")
    assert looks_like_html(b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">')
    assert looks_like_html("<html><body>é</body></html>".encode("utf-16"))
    assert not looks_like_html(b"The tag <html> starts a web page, the manual says.")
    assert not looks_like_html(b"<htmlfoo> is not a tag we know")
    assert not looks_like_html(b"Plain news text.\n")


def test_stdin_page_and_forced_html(pages):
    data = (pages / "seed.html").read_bytes()
    r = run("extract", "-", "--input-format", "html", stdin=data)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["page"]["sitename"] == "The Daily Ledger"


def test_include_text_for_plain_input(seed_text):
    r = run("extract", str(SEED_TEXT), "--include-text")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["text"] == seed_text
    assert "page" not in data


def test_schema_describes_text_and_page():
    schema = json_schema()
    props = schema["properties"]
    assert "text" in props and "page" in props
    assert "text" not in schema["required"] and "page" not in schema["required"]
    page = schema["$defs"]["Page"]["properties"]
    assert set(page) == {"title", "author", "date", "url", "sitename"}


INDEX_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>World | The Daily Ledger</title></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><h1>World</h1><ul>
<li><a href="/a">Turkish Prime Minister visits Ankara as 40,000 march</a></li>
<li><a href="/b">Canadian miners strike in Sudbury over 300 job cuts</a></li>
</ul></main><footer><p>© 2025 The Daily Ledger. All rights reserved.</p></footer></body></html>"""
COOKIE_WALL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>The Daily Ledger</title></head><body>
<div class="cookie-consent"><h2>We value your privacy</h2><p>We and our 12 partners use cookies to store and
access information on your device. Click Accept to agree.</p><button>Accept</button></div></body></html>"""
BRIEF = "Mayor Ana Ruiz said 1,200 homes lost power in Bilbao on Monday."


def test_a_one_paragraph_brief_gives_its_facts_with_a_note(tmp_path):
    page = tmp_path / "brief.html"
    page.write_text(news_page([BRIEF], headline="Storm cuts power"), encoding="utf-8")
    r = run("extract", str(page))
    assert r.returncode == 0, r.stderr
    assert r.stderr.decode() == f"factx: {page}: short article (80 characters of text)\n"
    data = json.loads(r.stdout)
    assert data["text"] == f"Storm cuts power\n{BRIEF}"  # the brief, not the cookie banner beside it
    assert [(f["text"], f["value"], f["counted"]) for f in data["figures"]] == [("1,200", 1200, "homes")]
    assert "Ana Ruiz" in [p["name"] for p in data["people"]]


@pytest.mark.parametrize("name, page", [("login", LOGIN_WALL), ("index", INDEX_PAGE), ("cookies", COOKIE_WALL)])
def test_walls_and_index_pages_are_still_no_article(tmp_path, name, page):
    path = tmp_path / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    r = run("extract", str(path))
    assert r.returncode == 1
    assert r.stderr.decode().startswith(f"factx: {path}: no article in this web page (")
    assert r.stdout == b""


def test_paragraphs_repeated_in_the_page_are_kept(seed_text):
    paragraphs = seed_text.split("\n")
    repeated = paragraphs[3]  # a quotation the page shows twice in a row (a pull quote, an editing slip)
    page = news_page([*paragraphs[:4], repeated, *paragraphs[4:]])
    from factx.webpage import extract_article

    text = extract_article(page).text
    assert text.count(repeated) == 2 and f"{repeated}\n{repeated}\n" in text
    assert text.split("\n")[1:] == [p for p in (*paragraphs[:4], repeated, *paragraphs[4:]) if p.strip()]


def test_what_counts_as_a_short_article():
    from factx.webpage import _short_article, extract_article

    assert _short_article(BRIEF)
    assert _short_article(f"Storm cuts power\n{BRIEF}")
    assert not _short_article("Home\nWorld\nStorm cuts power to 1,200 homes in Bilbao")  # headlines: no sentence
    assert not _short_article("Storm cuts power.")  # too few words for a sentence of news
    assert not _short_article("We and our partners use cookies to store information on your device.")
    assert not _short_article("This article is for subscribers only. Log in to keep reading.")
    # a brief on a page with no article markup at all
    found = extract_article(f"<!DOCTYPE html><html><head><title>Storm</title></head><body><p>{BRIEF}</p></body></html>")
    assert found.text == f"Storm\n{BRIEF}" and found.note == "short article (69 characters of text)"
