"""The library API as a notebook user meets it: a fresh interpreter, many calls, one model load."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from conftest import ROOT, SEED_TEXT

# Run in a new interpreter so that import order is what a user gets: `import factx`, then calls.
_SCRIPT = textwrap.dedent('''
    import json, sys
    import factx
    from factx import pipeline

    texts = [
        "Officials said 12 people died in Paris on Monday.",
        'The mayor, Anne Hidalgo, said: "We mourn."',
        "Acme Corp reported a profit of $48.2 million, its chief executive, Jane Roe, said.",
    ]
    out = {"calls": []}
    for round_ in range(3):
        a = factx.extract(texts[round_ % 3], source=f"t{round_}")
        out["calls"].append(["extract", a.source, len(a.figures), len(a.people), len(a.quotes)])
        many = list(factx.extract_many(texts))
        out["calls"].append(["extract_many", [m.source for m in many], [len(m.figures) for m in many]])
    files = list(factx.extract_files([sys.argv[1], sys.argv[1] + ".missing"]))
    out["files"] = [type(f).__name__ for f in files]
    out["seed"] = files[0].model_dump()
    out["callable"] = callable(factx.extract) and callable(factx.extract_many) and callable(factx.extract_files)
    out["loads"] = pipeline.load_nlp.cache_info().misses
    out["shared_is_one"] = pipeline.shared_extractor() is pipeline.shared_extractor()
    print(json.dumps(out))
''')


@pytest.fixture(scope="module")
def api_run() -> dict:
    r = subprocess.run([sys.executable, "-c", _SCRIPT, str(SEED_TEXT)], capture_output=True, text=True,
                       timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_many_calls_in_one_process_share_one_model_load(api_run):
    out = api_run
    assert out["callable"], "a submodule import replaced a public function"
    assert len(out["calls"]) == 6
    for call in out["calls"][0::2]:
        assert call[0] == "extract"
    first = out["calls"][0]
    assert first[1:] == ["t0", 1, 0, 1]  # 12 people; no person; one reported quote
    second = out["calls"][2]
    assert second[1] == "t1" and second[3] == 1 and second[4] == 1  # Anne Hidalgo, her quote
    for call in out["calls"][1::2]:
        assert call[1] == ["<text 0>", "<text 1>", "<text 2>"]
        assert call[2] == out["calls"][1][2]  # same answers on every call
    assert out["files"] == ["Article", "ReadError"]
    assert out["loads"] == 1, "the spaCy pipeline must be loaded once per process"
    assert out["shared_is_one"]


def test_model_dump_equals_the_cli_json_for_the_seed(api_run):
    out = api_run
    cli = subprocess.run([sys.executable, "-m", "factx", "extract", str(SEED_TEXT)], capture_output=True,
                         text=True, timeout=300, cwd=ROOT)
    assert cli.returncode == 0, cli.stderr
    assert out["seed"] == json.loads(cli.stdout)
    assert out["seed"]["quotes"] and out["seed"]["figures"]


def test_no_public_function_shares_a_name_with_a_submodule():
    import pkgutil

    import factx

    submodules = {m.name for m in pkgutil.iter_modules(factx.__path__)}
    assert not submodules & set(factx.__all__)
