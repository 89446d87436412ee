"""Time expressions (TIMEX3), the article's date and its source, and the `when` of figures and quotes.

Every sentence here was written for these tests.  The real spaCy model parses them (the tense of a
clause points a weekday ahead or back; a number the tagger reads as a count is no year).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from factx.extractors.times import article_date
from factx.extractors.times.dateline import head_date

DATE = "2013-03-22"  # a Friday


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx", *args], capture_output=True, timeout=300, input=stdin)


def times_of(extractor, text: str, date: str | None = DATE) -> list[tuple[str, str, str]]:
    article = extractor.extract_text(text, source="t.txt", date=date)
    for t in article.times:
        assert text[t.start:t.end] == t.text
    return [(t.text, t.type, t.value) for t in article.times]


# (sentence, the expression, its type, its value), the article dated Friday 22 March 2013
KINDS = [
    # dates, written out and numeric
    ("The council voted on March 22, 2013, to close the school.", "March 22, 2013", "DATE", "2013-03-22"),
    ("The law took effect on 1 July 2012.", "1 July 2012", "DATE", "2012-07-01"),
    ("The report is dated 2013-02-14.", "2013-02-14", "DATE", "2013-02-14"),
    ("Ballots were counted on Feb. 3.", "Feb. 3", "DATE", "2013-02-03"),
    ("The plant opened in November 2009.", "November 2009", "DATE", "2009-11"),
    ("The company was founded in 2009.", "2009", "DATE", "2009"),
    ("Prices doubled during the 1990s.", "the 1990s", "DATE", "199"),
    # relative to the article's date
    ("The mayor resigned yesterday.", "yesterday", "DATE", "2013-03-21"),
    ("Inspectors will return tomorrow.", "tomorrow", "DATE", "2013-03-23"),
    ("The ministers met last week.", "last week", "DATE", "2013-W11"),
    ("Sales rose 4 percent last year.", "last year", "DATE", "2012"),
    ("The bill passes next month, aides say.", "next month", "DATE", "2013-04"),
    ("The plant closed two years ago.", "two years ago", "DATE", "2011"),
    ("The board met on Tuesday.", "Tuesday", "DATE", "2013-03-19"),
    ("The board will meet on Tuesday.", "Tuesday", "DATE", "2013-03-26"),
    ("Rain fell last November.", "last November", "DATE", "2012-11"),
    ("The tour starts on May 13 next year.", "May 13 next year", "DATE", "2014-05-13"),
    ("Profit fell in the fourth quarter.", "the fourth quarter", "DATE", "2012-Q4"),
    ("First-quarter sales are expected to rise.", "First-quarter", "DATE", "2013-Q1"),
    ("The harvest failed last fall.", "last fall", "DATE", "2012-FA"),
    ("Fuel is cheaper now.", "now", "DATE", "PRESENT_REF"),
    ("The factory recently hired welders.", "recently", "DATE", "PAST_REF"),
    # times of day
    ("The storm reached the coast at 3:30 p.m.", "3:30 p.m.", "TIME", "2013-03-22T15:30"),
    ("Crowds gathered on Friday evening.", "Friday evening", "TIME", "2013-03-22TEV"),
    ("Firefighters arrived this morning.", "this morning", "TIME", "2013-03-22TMO"),
    # durations
    ("He spent two years in prison.", "two years", "DURATION", "P2Y"),
    ("The hearing lasted 2 hours.", "2 hours", "DURATION", "PT2H"),
    ("Prices have climbed over the past several months.", "the past several months", "DURATION", "PXM"),
    ("The union signed a five-year contract.", "five-year", "DURATION", "P5Y"),
    # sets
    ("The market opens every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
    ("The ferry sails daily.", "daily", "SET", "P1D"),
    ("The shelter closes every winter.", "every winter", "SET", "XXXX-WI"),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), KINDS, ids=[k[1] for k in KINDS])
def test_each_kind_of_expression(extractor, sentence, text, kind, value):
    assert (text, kind, value) in times_of(extractor, sentence)


def test_numbers_inside_names_are_not_times(extractor):
    text = ("After 9/11 the airline flew its Boeing 747 on Route 66 routes, and COVID-19 later grounded it. "
            "The union has 2000 members and owes $1990.")
    assert times_of(extractor, text) == []


def test_a_year_standing_alone_is_a_time(extractor):
    assert times_of(extractor, "In 2009, the union had 2,000 members.") == [("2009", "DATE", "2009")]


def test_no_date_keeps_what_the_words_say(extractor):
    article = extractor.extract_text("Officials met on Friday. The dam failed yesterday. Sales fell last year, "
                                     "and rose in the third quarter.", source="t.txt")
    assert article.date is None and article.date_source is None
    assert [(t.text, t.value) for t in article.times] == [
        ("Friday", "XXXX-WXX-5"), ("yesterday", "XXXX-XX-XX"), ("last year", "XXXX"),
        ("the third quarter", "XXXX-Q3")]


# ---------------------------------------------------------------- the article's date and where it came from

def test_date_line_at_the_head_of_the_text(extractor):
    text = "March 22, 2013\n\nOfficials said the bridge closed yesterday.\n"
    article = extractor.extract_text(text, source="t.txt")
    assert (article.date, article.date_source) == ("2013-03-22", "text")
    assert [(t.text, t.value) for t in article.times] == [("March 22, 2013", "2013-03-22"),
                                                           ("yesterday", "2013-03-21")]


@pytest.mark.parametrize(("head", "date"), [
    ("LONDON 1996-08-30\nThe club sold its ground on Friday.", "1996-08-30"),
    ("BRUSSELS, Nov. 19, 2013 (Reuters) - The union agreed on Monday to cut tariffs.", "2013-11-19"),
    ("Harbor bridge reopens\nPublished: Friday, March 22, 2013 10:02 a.m. EST\nThe bridge reopened.", "2013-03-22"),
])
def test_datelines_and_date_lines(head, date):
    found = head_date(head)
    assert (found.date.isoformat() if found.date else None, found.source) == (date, "text")
    assert head[found.start:found.end].strip()


def test_a_date_in_the_body_is_not_the_articles():
    assert head_date("In a speech on March 3, 2012, the president promised to cut taxes for families "
                     "and businesses across the country.").date is None
    # a line further down that gives the year wins over a yearless dateline
    found = head_date("WASHINGTON, Nov 19 (Reuters) - Lawmakers met.\nPosted Nov. 19, 2013\nMore text here.")
    assert (found.iso(), found.source) == ("2013-11-19", "text")


def test_a_yearless_dateline_gives_month_and_day_and_no_guessed_year(extractor):
    a = extractor.extract_text("WASHINGTON, Nov 19 (Reuters) - Lawmakers met yesterday and will vote on Friday. "
                               "Sales rose this month, at 3 p.m., and fell last year.", source="t.txt")
    assert (a.date, a.date_source) == ("XXXX-11-19", "text")
    assert [(t.text, t.value) for t in a.times] == [
        ("Nov 19", "XXXX-11-19"), ("yesterday", "XXXX-11-18"), ("Friday", "XXXX-WXX-5"),
        ("this month", "XXXX-11"), ("3 p.m.", "XXXX-11-19T15:00"), ("last year", "XXXX")]


def test_web_page_metadata_is_the_date(tmp_path):
    page = tmp_path / "bridge.html"
    page.write_text(
        '<!DOCTYPE html><html><head><title>Bridge reopens</title>'
        '<meta property="article:published_time" content="2019-11-20T09:30:00Z"></head><body><article>'
        "<h1>Bridge reopens</h1><p>The Harbor Bridge reopened to traffic yesterday after eight months of repairs, "
        "city officials said. Engineers replaced 1,200 steel cables last year and finished the deck on a cold "
        "afternoon.</p><p>Traffic counts will be published next week, the city's transport office said.</p>"
        "</article></body></html>", encoding="utf-8")
    r = run("extract", str(page))
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)
    assert (rec["page"]["date"], rec["date"], rec["date_source"]) == ("2019-11-20", "2019-11-20", "metadata")
    values = {t["text"]: t["value"] for t in rec["times"]}
    assert values["yesterday"] == "2019-11-19" and values["last year"] == "2018"
    # --date wins over the page's own date
    r = run("extract", str(page), "--date", "2020-01-02")
    rec = json.loads(r.stdout)
    assert (rec["date"], rec["date_source"]) == ("2020-01-02", "option")
    assert {t["text"]: t["value"] for t in rec["times"]}["yesterday"] == "2020-01-01"


def test_date_option_wins_over_the_text_and_is_checked(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("March 22, 2013\n\nThe mayor resigned yesterday.\n", encoding="utf-8")
    rec = json.loads(run("extract", str(f), "--date", "2014-06-30").stdout)
    assert (rec["date"], rec["date_source"]) == ("2014-06-30", "option")
    assert [t["value"] for t in rec["times"]] == ["2013-03-22", "2014-06-29"]
    r = run("extract", str(f), "--date", "30/06/2014")
    assert r.returncode == 2 and b"--date" in r.stderr and r.stdout == b""
    assert article_date("no date here", None, None).date is None


def test_an_input_whose_date_cannot_be_found(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("The mayor resigned on Tuesday, two days after the vote.\n", encoding="utf-8")
    rec = json.loads(run("extract", str(f)).stdout)
    assert (rec["date"], rec["date_source"]) == (None, None)
    assert [(t["text"], t["value"]) for t in rec["times"]] == [("Tuesday", "XXXX-WXX-2"), ("two days", "P2D")]


# ---------------------------------------------------------------- when: the time a figure or quote holds for

def test_figures_take_the_time_of_their_clause(extractor):
    text = ("The storm has left 40 dead so far. In 2017, officials said 900 homes were sold. "
            "Builders sold 1,200 homes in 2018, up from 700 in 2016.")
    a = extractor.extract_text(text, source="t.txt", date=DATE)
    times = {t.id: t.text for t in a.times}
    when = {f.text: times.get(f.when) if f.when else None for f in a.figures}
    assert when == {"40": None, "900": "2017", "1,200": "2018", "700": "2016"}


def test_a_time_inside_a_quote_dates_what_was_said_not_the_saying(extractor):
    text = '"We will finish the bridge by Friday," the mayor said on Monday.'
    a = extractor.extract_text(text, source="t.txt", date="2013-03-20")
    friday, monday = a.times
    (q,) = a.quotes
    assert q.start <= friday.start and friday.end <= q.end  # the time is inside the quote's content
    assert (friday.text, friday.value, monday.text, monday.value) == ("Friday", "2013-03-22", "Monday", "2013-03-18")
    assert q.when == monday.id


def test_offsets_ids_and_when_hold_over_a_long_input_in_pieces(extractor):
    para = ("On Monday, officials said 1,200 homes were sold in 2018. Prices rose 5 percent last year, "
            "and the council meets every Tuesday.\n\n")
    text = "March 22, 2013\n\n" + para * 320  # over 30,000 characters: parsed in pieces
    a = extractor.extract_text(text, source="long.txt")
    assert a.date == "2013-03-22" and len(a.times) == 1 + 4 * 320
    assert [t.id for t in a.times] == [f"t{i}" for i in range(1, len(a.times) + 1)]
    by_id = {t.id: t for t in a.times}
    for t in a.times:
        assert text[t.start:t.end] == t.text
    homes = [f for f in a.figures if f.text == "1,200"]
    assert len(homes) == 320 and all(by_id[f.when].text == "2018" and by_id[f.when].start > f.start for f in homes)
    assert {t.value for t in a.times if t.text == "last year"} == {"2012"}


# ---------------------------------------------------------------- the writers

@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    f = tmp_path_factory.mktemp("times") / "story.txt"
    f.write_text("March 22, 2013\n\nBuilders sold 1,200 homes in 2018, the agency said on Monday.\n",
                 encoding="utf-8")
    return f


def test_csv_times_table_and_when_columns(story):
    r = run("extract", str(story), "-f", "csv", "--table", "times")
    lines = r.stdout.decode().split("\r\n")
    assert lines[0] == "source,id,type,value,text,start,end,sentence"
    assert lines[1:4] == [f"{story},t1,DATE,2013-03-22,\"March 22, 2013\",0,14,0",
                          f"{story},t2,DATE,2018,2018,45,49,1", f"{story},t3,DATE,2013-03-18,Monday,70,76,1"]
    fig = run("extract", str(story), "-f", "csv", "--table", "figures").stdout.decode().split("\r\n")
    assert fig[0].endswith(",when") and fig[1].endswith(",t2")
    quotes = run("extract", str(story), "-f", "csv", "--table", "quotes").stdout.decode().split("\r\n")
    assert quotes[0].endswith(",when") and quotes[1].endswith(",t3")


def test_sqlite_times_table_and_when_keys(story, tmp_path):
    db = tmp_path / "facts.db"
    assert run("extract", str(story), "--db", str(db)).returncode == 0
    c = sqlite3.connect(db)
    assert c.execute("SELECT article_date, date_source FROM articles").fetchall() == [("2013-03-22", "text")]
    assert c.execute("SELECT t.text, t.value FROM figures f JOIN times t ON t.article_id = f.article_id "
                     "AND t.id = f.\"when\"").fetchall() == [("2018", "2018")]
    assert c.execute("SELECT t.text, t.value FROM quotes q JOIN times t ON t.article_id = q.article_id "
                     "AND t.id = q.\"when\"").fetchall() == [("Monday", "2013-03-18")]
    c.close()


def test_table_view_shows_times_and_when(story):
    out = run("extract", str(story), "-f", "table").stdout.decode()
    assert "dated 2013-03-22 (from the head of the text)" in out
    assert "Times (3)" in out and "2013-03-18" in out and "2018 (2018)" in out


def test_html_marks_times_with_their_value(story):
    out = run("extract", str(story), "-f", "html").stdout.decode()
    assert '<span class="m time" data-id="t3" data-value="2013-03-18" tabindex="0">Monday</span>' in out
    assert 'id="panel-time"' in out and "dated 2013-03-22" in out
