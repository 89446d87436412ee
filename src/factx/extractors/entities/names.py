"""Name forms: comparison keys, the short names a full name answers to, initials and gender.

Shared by every pass that compares names: mention cleaning, kind votes and
clustering all ask whether two forms are the same name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ... import lexicon

_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
SMALL_WORDS = {"of", "the", "for", "and", "&", "on", "in", "u.s.", "us"}


@lru_cache(maxsize=1 << 16)
def norm_key(name: str) -> str:
    """Comparison key of a name: case, accent, quote, dash and spacing variants folded.

    Cached: clustering compares every form with every other, so the same few
    hundred names are keyed again and again.
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("’", "'").replace("‐", "-").replace("–", "-")
    s = re.sub(r"^the\s+", "", " ".join(s.split()).casefold())
    return _POSSESSIVE.sub("", s).strip(" .,'\"")


def first_name_gender(word: str) -> str | None:
    """"female"/"male" when ``word`` is a first name gender-guesser knows, else None.

    US usage first (the corpus factx is tuned on is US news: "Bernie", "Eli" are
    male there), then the worldwide lists ("Ahmed").  The answers are
    precomputed for every name (``scripts/build_first_names.py``): building
    gender-guesser's detector took longer than parsing an article.
    """
    return _first_name_gender(word.strip(".,").lower())


@lru_cache(maxsize=1 << 16)
def _first_name_gender(name: str) -> str | None:
    g = lexicon.sorted_table("first_name_genders.txt").get(name)
    return g if g in ("female", "male") else None


def is_first_name(word: str) -> bool:
    """True when ``word`` is a first name gender-guesser knows, of either gender or both ("Casey")."""
    return lexicon.sorted_table("first_name_genders.txt").get(word.strip(".,").lower()) is not None


@lru_cache(maxsize=1 << 16)
def name_parts(full: str) -> frozenset[str]:
    """The shorter names a fuller name ``full`` answers to: its tails ("zakharova" of "maria
    zakharova"), its last word past a hyphenated particle ("assad" of "bashar al-assad") and its
    first word ("hillary" of "hillary clinton").

    Clustering asks "which fuller names contain this short name?" for every
    mention; answering from a set of parts keeps that linear in the input
    rather than comparing every name with every other.
    """
    fw = full.split()
    if len(fw) < 2:
        return frozenset()
    out = {" ".join(fw[i:]) for i in range(1, len(fw))}
    if "-" in fw[-1]:
        out.add(fw[-1].split("-")[-1])
    out.add(fw[0])
    out.discard("")
    return frozenset(out)


def initials(name: str) -> str:
    """"ACLU" of "American Civil Liberties Union": first letters of the capitalised content words."""
    return "".join(w[0] for w in name.replace("-", " ").split()
                   if w.casefold() not in SMALL_WORDS and w[:1].isupper())


def title_words(titles: list[str], honorific_form: str | None) -> list[str]:
    """The words of a mention's titles and of its honorific ("Mrs." of "Mrs. Clinton"), folded."""
    words = [w.casefold() for t in titles for w in t.split()]
    if honorific_form:
        words.append(honorific_form.split()[0].casefold())
    return words


def honorific_gender(titles: list[str], honorific_form: str | None) -> str | None:
    """Gender said by a title or honorific ("Mrs.", "spokeswoman"), else None."""
    hon = lexicon.mapping("honorifics.txt")
    return next((hon[w] for w in title_words(titles, honorific_form) if w in hon), None)


def name_gender(name: str) -> str | None:
    """The gender gender-guesser gives the first name of a full name; None for a single word."""
    words = name.split()
    return first_name_gender(words[0]) if len(words) > 1 else None


@lru_cache(maxsize=1)
def _name_tails() -> dict[str, str]:
    return {w.rstrip("."): kind for w, kind in lexicon.mapping("name_tails.txt").items()}


def name_words(name: str) -> tuple[str, ...]:
    """The lower-case words of a name without a leading "the"."""
    words = [w.strip(",") for w in name.lower().split()]
    return tuple(words[1:] if words[:1] == ["the"] else words)


def legal_form(words: tuple[str, ...]) -> bool:
    """True when a name ends in a company's legal form ("Pirelli SpA", "Lear Corp.")."""
    return len(words) > 1 and _name_tails().get(words[-1].rstrip(".")) == "legal"


@lru_cache(maxsize=1 << 12)
def short_forms(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The names an article shortens a full organization name to (``data/name_tails.txt``): every
    leading part of a name ending in a legal form (("magna",), ("magna", "international") of
    "Magna International Inc"), the name without its head for an institution (("commerce",) of
    "Commerce Department" and of "Department of Commerce"); none for other names.

    Articles name a company in full once and by its short name after; entities keep the forms
    apart (so does the CoNLL gold) but a speaker or a kind vote needs to know they are one.
    """
    tails = _name_tails()
    if len(words) >= 3 and tails.get(words[0].rstrip(".")) == "head" and words[1] == "of":
        return (words[2:],)
    n = len(words)
    legal = False
    while n > 1 and words[n - 1].rstrip(".") in tails:
        legal = legal or tails[words[n - 1].rstrip(".")] == "legal"
        n -= 1
    if n == len(words):
        return ()
    return tuple(words[:k] for k in range(1, n + 1)) if legal else (words[:n],)
