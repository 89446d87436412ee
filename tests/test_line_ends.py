"""Text with \\r\\n line ends (e-mail, Windows) gives the facts of the same text with \\n ones, at its own
offsets: every span quotes the input, \\r\\n and all."""

from __future__ import annotations

import bisect
import json
import subprocess
import sys

import pytest
from conftest import SEED_TEXT, assert_offsets
from test_layout import STORY, wrap

from factx.pipeline import LONG_CHARS, run_parallel
from factx.reader import Document
from factx.render import to_json


def _records(article, text: str) -> dict:
    """The article as JSON with every offset moved back to the text with \\n line ends, span texts left out."""
    returns = [i for i in range(len(text)) if text.startswith("\r\n", i)]

    def back(offset: int) -> int:
        return offset - bisect.bisect_left(returns, offset)

    def walk(value):
        if isinstance(value, dict):
            out = {k: walk(v) for k, v in value.items() if k != "text" or "start" not in value}
            if "start" in value and "end" in value:
                out["start"], out["end"] = back(value["start"]), back(value["end"])
            return out
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    record = walk(json.loads(to_json(article)))
    record.pop("length")
    return record


@pytest.mark.parametrize("width", [40, 72])
def test_crlf_wrapped_text_gives_the_facts_of_the_lf_text(extractor, width):
    for source in (STORY, SEED_TEXT.read_text(encoding="utf-8")):
        lf = wrap(source, width)
        crlf = lf.replace("\n", "\r\n")
        article = extractor.extract_text(crlf)
        assert article.length == len(crlf)
        assert_offsets(article, crlf)
        assert _records(article, crlf) == _records(extractor.extract_text(lf), lf)


def test_spans_across_a_crlf_line_end_quote_it(extractor):
    text = ("The mayor, Ana Ruiz, said on Monday that 1,200 homes in the north of\r\nthe city lost power "
            "and that\r\n“crews will work through the night to restore it,” she added.\r\n")
    article = extractor.extract_text(text)
    assert_offsets(article, text)
    assert any(f.value == 1200 and f.counted == "homes" for f in article.figures)
    assert any("\r\n" in q.text and q.speaker and q.speaker.name == "Ana Ruiz" for q in article.quotes)


def test_a_long_crlf_input_over_workers_gives_the_single_process_article(extractor):
    seed = SEED_TEXT.read_text(encoding="utf-8").replace("\n", "\r\n")
    long_text = "\r\n\r\n".join([seed] * (LONG_CHARS // len(seed) + 2))
    items = [Document("long", long_text, "utf-8")]
    parallel = list(run_parallel(iter(items), extractor.name, 2))
    single = list(extractor.run(items))
    assert to_json(parallel[0]) == to_json(single[0])
    assert parallel[0].length == len(long_text)
    assert_offsets(parallel[0], long_text)


def test_cli_keeps_the_input_text_with_its_line_ends(tmp_path):
    text = wrap(STORY, 60).replace("\n", "\r\n")
    path = tmp_path / "mail.txt"
    path.write_bytes(text.encode("utf-8"))
    for args, stdin in (([str(path)], None), (["-"], text.encode("utf-8"))):
        done = subprocess.run([sys.executable, "-m", "factx", "extract", "--include-text", *args], input=stdin,
                              capture_output=True, check=True)
        article = json.loads(done.stdout)
        assert article["text"] == text and article["length"] == len(text)
        for q in article["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]
        assert any(q["speaker"] and q["speaker"]["name"] == "Marguerite Thibodeau" for q in article["quotes"])
