"""Build src/factx/data/first_name_genders.txt: the gender of each first name, from gender-guesser
("andy" for a name of both genders).

gender-guesser parses its 48,000-line name dictionary when a detector is made,
which every start of factx (and every Dask worker) paid for one article.
factx asks it one question per name (``first_name_gender``: US usage first,
then the worldwide lists; "female"/"male", mostly-* counted as such, anything
else unknown), so the answers are computed here once for every name in the
dictionary and shipped as a lexicon.  Rerun after upgrading gender-guesser
(a test compares the committed file with a fresh build).  From the project root:

    uv run python scripts/build_first_names.py > src/factx/data/first_name_genders.txt
"""

from __future__ import annotations

import sys


def build() -> dict[str, str]:
    """Lower-cased first name -> "female" or "male", for every name gender-guesser gives one, and
    "andy" (its word for androgynous) for a first name it knows of both genders ("Casey"): no gender,
    but still a first name, which is evidence of a person (not when news writes the word in lower case:
"an", "moon")."""
    import gender_guesser.detector as gd

    from factx import lexicon

    common = lexicon.words("lower_words.txt")  # "an", "he", "moon": its both-gender list holds words too
    det = gd.Detector(case_sensitive=False)
    out: dict[str, str] = {}
    for name in sorted(det.names):
        for g in (det.get_gender(name, "usa"), det.get_gender(name)):
            if g in ("female", "mostly_female"):
                out[name] = "female"
                break
            if g in ("male", "mostly_male"):
                out[name] = "male"
                break
        else:
            if det.get_gender(name) == "andy" and name not in common:
                out[name] = "andy"
    return out


def lines(table: dict[str, str]) -> list[str]:
    """The file's lines (after its first): ``name<TAB>gender``, sorted, so a lookup is a bisection."""
    return sorted(f"{name}\t{gender}\n" for name, gender in table.items())


def main() -> int:
    import importlib.metadata as md

    sys.stdout.write(f"# first name<TAB>gender; built by scripts/build_first_names.py from gender-guesser "
                     f"{md.version('gender-guesser')}\n")
    sys.stdout.writelines(lines(build()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
