"""The closed word classes and the noun lexicons the speaker passes read.

All are data files: the pronouns (``data/speaker_pronouns.txt``) and the
noun lists (kinds of organization, person roles, documents).
"""

from __future__ import annotations

from functools import cache

from ... import lexicon


def _pronoun_classes() -> dict[str, frozenset[str]]:
    rows = lexicon.mapping("speaker_pronouns.txt")
    return {w: frozenset(c.strip() for c in cls.split(",")) for w, cls in rows.items()}


_CLASSES = _pronoun_classes()
PRONOUN_GENDER = {w: c for w, cls in _CLASSES.items() for c in ("male", "female") if c in cls}
ORG_PRONOUNS = frozenset(w for w, cls in _CLASSES.items() if "organization" in cls)
RELATIVE = frozenset(w for w, cls in _CLASSES.items() if "relative" in cls)
PRONOUNS = frozenset(w for w, cls in _CLASSES.items() if "bare" in cls)


@cache
def noun_kinds() -> dict[str, str]:
    """Description noun -> the kind of organization it names ("carmaker" -> company)."""
    return lexicon.mapping("speaker_nouns.txt")


@cache
def person_nouns() -> dict[str, str]:
    """Role noun -> its gender, or empty ("spokeswoman" -> female, "fighter" -> "")."""
    return lexicon.mapping("person_nouns.txt")


@cache
def document_nouns() -> frozenset[str]:
    """Nouns of things issued by someone ("report", "statement")."""
    return lexicon.words("document_nouns.txt")


@cache
def issue_verbs() -> frozenset[str]:
    """Verbs whose subject issued the document that is their object ("issued a statement")."""
    return lexicon.words("issue_verbs.txt")


@cache
def main_org_nouns() -> frozenset[str]:
    """Organization nouns that may stand for the organization the article is about ("the agency")."""
    return lexicon.words("main_org_nouns.txt")
