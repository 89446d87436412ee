"""The closed word classes and the noun lexicons the speaker passes read.

Pronouns are a closed class of the language, kept here; the open noun lists
(kinds of organization, person roles, documents) are data files.
"""

from __future__ import annotations

from functools import cache

from ... import lexicon

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
ORG_PRONOUNS = frozenset({"it", "they", "its", "their"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "that", "which",
                      "us", "me", "one", "this", "these", "those", "someone", "anyone", "everyone"})


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
