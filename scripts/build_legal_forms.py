"""Build src/factx/data/legal_forms.txt: the legal forms that end a company's name ("AG", "Oy",
"S.p.A.", "GmbH & Co. KG", "A/S"), from cleanco's table of business entity types by country.

A name followed by one is an organization whatever the tagger said ("Talanx AG", "Novo Nordisk
A/S", "Marcus Bergstrom GmbH"): cleanco (a maintained PyPI package) lists 300 of them for 70
countries, where a hand list would hold the few a developer remembers.  Its terms are lower
case; the extractor matches them only when written with a capital letter, and those that are
English words ("as", "at", "private") only in capitals.  Rerun after upgrading cleanco (a test
compares the committed file with a fresh build).  From the project root:

    uv run python scripts/build_legal_forms.py > src/factx/data/legal_forms.txt
"""

from __future__ import annotations

import sys

HEADER = """# Legal forms that end a company's name, lower case, one a line (built by
# scripts/build_legal_forms.py from cleanco's terms_by_country and terms_by_type; do not edit).
# Matched after a name only when written with a capital letter; a form that is an English word
# ("as", "at") only in capitals."""


def build() -> list[str]:
    """Every term cleanco knows, lower case, white space made single, a dotted one also without its
    dots ("s.p.a.", "spa"), longest first (so "gmbh & co. kg" is tried before "gmbh")."""
    from cleanco.termdata import terms_by_country, terms_by_type

    terms = {" ".join(t.split()).lower() for table in (terms_by_country, terms_by_type) for ts in table.values()
             for t in ts}
    terms |= {t.replace(".", "") for t in terms if "." in t and " " not in t}  # "s.p.a." is written "SpA" too
    return sorted((t for t in terms if any(ch.isalpha() for ch in t)), key=lambda t: (-len(t), t))


def main() -> None:
    sys.stdout.write(HEADER + "\n" + "".join(t + "\n" for t in build()))


if __name__ == "__main__":
    main()
