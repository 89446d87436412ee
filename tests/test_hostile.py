"""Hostile inputs: each gets a correct result or one clear stderr line naming the file and the reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import assert_offsets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factx.models import json_schema
from factx.reader import Document, ReadError, decode, read, read_all
from factx.render import to_json

SCHEMA = json_schema()


def check(extractor, text: str):
    """Extract, and check the invariants every output must hold."""
    article = extractor.extract_text(text)
    assert_offsets(article, text)
    data = json.loads(to_json(article))
    jsonschema.validate(data, SCHEMA)
    return article


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx", *args], input=stdin, capture_output=True, timeout=300)


# ------------------------------------------------------------------ properties

TRICKY = st.text(alphabet=st.sampled_from(list("ab Z9,.$%“”\"'‘’«»()-\n\r\t\u200b\u0301\u202e\u05d0🙂½")),
                 max_size=400)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(TRICKY, st.text(max_size=300)))
def test_arbitrary_text_never_raises_and_validates(extractor, text):
    check(extractor, text)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TRICKY)
def test_same_input_gives_byte_identical_output(extractor, text):
    assert to_json(extractor.extract_text(text)) == to_json(extractor.extract_text(text))


# ------------------------------------------------------------------ decoding

def test_utf16_with_bom():
    text, enc, _ = decode("“Hi,” he said.".encode("utf-16"))
    assert text == "“Hi,” he said." and enc == "utf-16"


def test_utf8_bom_is_not_part_of_the_text(extractor):
    text, enc, note = decode(b"\xef\xbb\xbfJohn Smith said that 40 people came.")
    assert text.startswith("John") and enc == "utf-8" and note is None
    article = check(extractor, text)
    assert article.people[0].mentions[0].start == 0


def test_windows_1252_with_curly_quotes():
    raw = "“We won’t stop,” the mayor said — déjà vu.".encode("cp1252")
    text, enc, note = decode(raw)
    assert text == "“We won’t stop,” the mayor said — déjà vu."
    assert enc == "cp1252" and "cp1252" in note


def test_invalid_utf8_with_a_few_bad_bytes_is_kept_and_said():
    raw = ("Officials in Zürich said “300 people” came. " * 4).encode() + b"\xff tail."
    text, enc, note = decode(raw)
    assert enc == "utf-8" and "\ufffd tail." in text and "replaced" in note


def test_undecodable_and_binary_are_errors():
    with pytest.raises(ValueError, match="cannot decode"):
        decode(bytes(range(128, 256)) * 3)
    with pytest.raises(ValueError, match="binary"):
        decode(bytes(range(256)))


def test_crlf_and_lone_cr_are_not_translated(extractor):
    for nl in ("\r\n", "\r"):
        text = f"Mayor Ann Lee said that 300 people came.{nl}{nl}“It was a great day for us,” Lee said.{nl}"
        article = check(extractor, text)
        assert any(f.value == 300 for f in article.figures)
        assert article.quotes


def test_empty_and_whitespace_only(extractor):
    for text in ("", " ", "\n\n\r\n\t "):
        article = check(extractor, text)
        assert article.figures == article.people == article.quotes == []


def test_one_huge_line_without_punctuation_or_spaces(extractor):
    text = "a" * 5_000_000
    article = check(extractor, text)
    assert article.length == 5_000_000


def test_unbalanced_and_nested_quotes_keep_the_rest(extractor):
    text = ("He said “this is “nested” and never closed. Officials said that 200 people died.\n\n"
            "\"An odd \"straight\" quote. Mayor Ann Lee told reporters that the city would rebuild.")
    article = check(extractor, text)
    assert any(f.value == 200 for f in article.figures)
    assert any(q.cue and q.cue.text == "told" for q in article.quotes)


def test_all_capitals(extractor):
    check(extractor, "THE MINISTRY SAID THAT 9,000 PEOPLE WERE SHELTERING AT THE BASE, SPOKESWOMAN MARIA SAID.")


def test_huge_and_odd_numbers(extractor):
    text = ("They counted 10^100 grains, 1,000,000,000,000,000,000 cells, 1.234,5 euros, ½ of them, "
            "3½ miles, 7e3 votes and 1e400 stars; 99999999999999999999999999999999999999 is big.")
    article = check(extractor, text)
    assert all(f.value is None or abs(f.value) < 1e300 for f in article.figures)


def test_control_zero_width_combining_emoji_rtl(extractor):
    text = ("Mayor Ann\u200b Lee\u0301 said that 40 people 👩‍👩‍👧‍👦 came.\x07\x1b "
            "قال الوزير إن 300 شخص \u202eRTL\u202c text. Ｆｕｌｌ-width ５ cats.")
    check(extractor, text)


# ------------------------------------------------------------------ files

def test_directory_without_matching_files(tmp_path):
    (tmp_path / "notes.md").write_text("x")
    items = list(read_all([str(tmp_path)]))
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert "no files matching" in items[0].reason


def test_file_removed_between_listing_and_reading(tmp_path):
    f = tmp_path / "gone.txt"
    f.write_text("text")
    paths = [str(f)]
    f.unlink()
    item = read(paths[0])
    assert isinstance(item, ReadError) and item.reason == "no such file"


def test_symlink_loop_is_reported_and_not_followed(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "ok.txt").write_text("Fine.")
    items = list(read_all([str(tmp_path)]))
    good = [i for i in items if isinstance(i, Document)]
    bad = [i for i in items if isinstance(i, ReadError)]
    assert [Path(i.source).name for i in good] == ["ok.txt"]
    assert len(bad) == 1 and "symbolic links" in bad[0].reason


def test_file_without_read_permission(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text("The minister said that 3 people came.")
    f.chmod(0)
    if os.geteuid() == 0:
        # root reads anything: check the refusal as an unprivileged user
        script = f"from factx.reader import read; print(read({str(f)!r}))"
        tmp_path.chmod(0o755)
        r = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable,
                            "-c", script], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")})
        assert r.returncode == 0, r.stderr
        assert "permission denied" in r.stdout
    else:
        item = read(str(f))
        assert isinstance(item, ReadError) and item.reason == "permission denied"


def test_cli_reports_each_bad_file_and_prints_the_good(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Mayor Ann Lee said that 300 people came.")
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Senator Bo Reed said that 12 votes were lost.".encode("utf-16"))
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    r = run("extract", str(good), str(empty_dir), str(utf16), str(tmp_path / "nope.txt"))
    assert r.returncode == 1
    out = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [Path(o["source"]).name for o in out] == ["good.txt", "utf16.txt"]
    err = r.stderr.decode().splitlines()
    assert len(err) == 2
    assert str(empty_dir) in err[0] and str(tmp_path / "nope.txt") in err[1]


def test_unwritable_output_is_a_usage_error(tmp_path):
    r = run("extract", "-", "-o", str(tmp_path / "no" / "such" / "dir" / "out.json"), stdin=b"Text.")
    assert r.returncode == 2
    assert r.stderr.decode().count("\n") == 1 and "not a writable directory" in r.stderr.decode()


def test_full_disk_is_one_clear_line():
    with open("/dev/full", "wb") as full:
        r = subprocess.run([sys.executable, "-m", "factx", "extract", "-"], input=b"Mayor Ann Lee said so.",
                           stdout=full, stderr=subprocess.PIPE, timeout=300)
    assert r.returncode == 1
    assert r.stderr.decode().strip() == "factx: cannot write output: No space left on device"
