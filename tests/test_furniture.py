"""Page furniture regions found on the raw text."""

from __future__ import annotations

from factx.furniture import FACT_BEARING, Regions, find_regions


def _kinds(text: str) -> list[tuple[str, str]]:
    regions = find_regions(text)
    for r in regions:
        assert text[r.start:r.end] == r.text
    return [(r.kind, r.text) for r in regions]


def test_each_kind_of_furniture_line():
    text = ("By Jane Doe and Sam Roe\n"
            "The council voted 7 to 2 to close the depot.\n"
            "Photo: Marta Vell / City Press\n"
            "RELATED NEWS : Depot closure costs 40 jobs\n"
            "Follow Jane Doe on Twitter @janedoe\n"
            "Contributing: Paul Ng\n"
            "SOURCE : AFP | Follow Us: Facebook | Twitter\n")
    kinds = dict((t, k) for k, t in _kinds(text))
    assert kinds["By Jane Doe and Sam Roe"] == "byline"
    assert kinds["Photo: Marta Vell / City Press"] == "credit"
    assert kinds["RELATED NEWS : Depot closure costs 40 jobs"] == "related"
    assert kinds["Follow Jane Doe on Twitter @janedoe"] == "social"
    assert kinds["Contributing: Paul Ng"] == "credit"
    assert kinds["SOURCE : AFP | Follow Us: Facebook | Twitter"] == "social"
    assert "The council voted 7 to 2 to close the depot." not in kinds


def test_author_bio_only_at_the_edges_of_the_text():
    body = "\n".join(f"Paragraph {i} about the depot." for i in range(8))
    bio = "Rita Gomez is a reporter for the Valley Ledger. Subscribe here."
    kinds = _kinds(body + "\n" + bio + "\n")
    assert ("bio", bio) in kinds
    middle = "\n".join([body, bio, body])
    assert not any(k == "bio" for k, _ in _kinds(middle))


def test_teasers_are_the_only_fact_bearing_kind():
    assert set(FACT_BEARING) == {"related"}
    regions = find_regions("RELATED NEWS : Ten hurt in crash\nPhoto: AP\n")
    facts_skip = Regions(regions, exclude_kinds=FACT_BEARING)
    assert facts_skip.overlaps(35, 40) and not facts_skip.overlaps(0, 10)
    assert Regions(regions).overlaps(0, 10)
