"""Table-driven stand-ins for spaCy's ``attribute_ruler`` and ``lemmatizer``, with the same output.

``bench/components.py`` measures what each component costs and what factx
loses without it: every component is needed, but on PolNeAR train the
attribute ruler and the rule lemmatizer together took a fifth of the CPU,
nearly all of it Python overhead per token.  Both are replaced here by
components that apply the same rules to whole arrays of token attributes.

Attribute ruler:
The English pipelines map fine-grained tags to coarse POS, morphology and a
few lemmas with an ``attribute_ruler`` of ~180 Matcher patterns.  Measured on
PolNeAR train (bench/), that component costs as much CPU as the parser,
although almost all of its rules are a lookup: "TAG = X" or "TAG = X and
LOWER = y".  This component takes the rules of the model's own ruler, turns
those single-token rules into dictionaries, runs only the rest through a
small Matcher, and applies everything in the ruler's order (later rules win),
so the annotations are the ruler's (tests/test_pipeline.py compares them
token by token) at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc

COMPONENT = "factx_attribute_table"
_COLUMNS = [TAG, POS, MORPH, LEMMA]


class AttributeTable:
    """Apply an AttributeRuler's rules: single-token equality rules by dictionary lookup, the
    others (sets, regular expressions, dependency labels, two-token rules) as numpy masks."""

    def __init__(self, nlp: Language, patterns: list[dict[str, Any]]):
        self.strings = nlp.vocab.strings
        self.by_key: dict[tuple, list[int]] = defaultdict(list)  # (key names, values) -> rule indices
        self.masked: list[tuple[int, list[dict[str, Any]], int]] = []  # (rule index, pattern, token index)
        self.values: list[list[tuple[int, int]]] = []
        for index, rule in enumerate(patterns):
            self.values.append(self._values(nlp, rule["attrs"]))
            token_index = rule.get("index", 0)
            for pattern in rule["patterns"]:
                spec = pattern[0]
                simple = (len(pattern) == 1 and token_index == 0 and set(spec) <= {"TAG", "LOWER"}
                          and all(isinstance(v, str) for v in spec.values()))
                if simple:
                    key = tuple(sorted(spec))
                    self.by_key[(key, tuple(self.strings.add(spec[k]) for k in key))].append(index)
                else:
                    self.masked.append((index, pattern, token_index))
        self.lookup_keys = sorted({key for key, _ in self.by_key})

    def _values(self, nlp: Language, attrs: dict[str, Any]) -> list[tuple[int, int]]:
        """(column, id) pairs to write; column -1 is DEP (set per token, it is tied to the tree)."""
        out = []
        for attr, value in attrs.items():
            if attr == "POS":
                out.append((_COLUMNS.index(POS), IDS[value]))
            elif attr == "MORPH":
                out.append((_COLUMNS.index(MORPH), nlp.vocab.morphology.add(value)))
            elif attr == "LEMMA":
                out.append((_COLUMNS.index(LEMMA), self.strings.add(value)))
            elif attr == "TAG":
                out.append((_COLUMNS.index(TAG), self.strings.add(value)))
            elif attr == "DEP":
                out.append((-1, self.strings.add(value)))
        return out

    def _mask(self, spec: dict[str, Any], cols: dict[str, np.ndarray], doc: Doc) -> np.ndarray:
        mask = np.ones(len(doc), dtype=bool)
        for key, pred in spec.items():
            if key == "IS_SPACE":
                mask &= cols["IS_SPACE"] == bool(pred)
                continue
            col = cols[key]
            if isinstance(pred, str):
                mask &= col == self.strings.add(pred)
            elif "IN" in pred:
                mask &= np.isin(col, [self.strings.add(v) for v in pred["IN"]])
            elif "NOT_IN" in pred:
                mask &= ~np.isin(col, [self.strings.add(v) for v in pred["NOT_IN"]])
            elif "REGEX" in pred:
                rx = re.compile(pred["REGEX"])
                hits = [h for h in set(col.tolist()) if rx.search(self.strings[h])]
                mask &= np.isin(col, hits)
            else:
                raise ValueError(f"unsupported attribute-ruler predicate {pred!r}")
        return mask

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Annotate a stream of docs (the spaCy component protocol)."""
        for doc in docs:
            yield self(doc)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        raw = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        cols = {"TAG": raw[:, 0], "LOWER": raw[:, 1], "DEP": raw[:, 2], "IS_SPACE": raw[:, 3].astype(bool)}
        hits: dict[int, list[np.ndarray]] = defaultdict(list)
        keyed = {key: list(zip(*(cols[k].tolist() for k in key), strict=True)) for key in self.lookup_keys}
        for key, rows in keyed.items():
            found: dict[int, list[int]] = defaultdict(list)
            by_key = self.by_key
            for i, row in enumerate(rows):
                for idx in by_key.get((key, row), ()):
                    found[idx].append(i)
            for idx, positions in found.items():
                hits[idx].append(np.asarray(positions))
        for idx, pattern, token_index in self.masked:
            mask = self._mask(pattern[0], cols, doc)
            for k, spec in enumerate(pattern[1:], 1):
                nxt = self._mask(spec, cols, doc)
                mask[: n - k] &= nxt[k:]
                mask[n - k:] = False
            starts = mask.nonzero()[0]
            offset = token_index if token_index >= 0 else len(pattern) + token_index
            if len(starts):
                hits[idx].append(starts + offset)
        table = doc.to_array(_COLUMNS)
        deps: dict[int, int] = {}
        for idx in sorted(hits):
            positions = np.concatenate(hits[idx])
            for column, value in self.values[idx]:
                if column < 0:
                    deps.update(dict.fromkeys(positions.tolist(), value))
                else:
                    table[positions, column] = value
        doc.from_array(_COLUMNS, table)
        for i, value in deps.items():
            doc[i].dep = value
        return doc


class LemmaTable:
    """The rule lemmatizer with its lemmas looked up per (word, POS, morphology) over arrays.

    spaCy's ``Lemmatizer`` already caches by that key, but visits every token
    in Python; here only unseen keys call it, and lemmas are written back to
    the ``Doc`` in one array.  Tokens that already have a lemma (set by the
    attribute rules) keep it, as in spaCy unless ``overwrite`` is set.
    """

    def __init__(self, lemmatizer: Any):
        self.lemmatizer = lemmatizer
        self.overwrite = bool(getattr(lemmatizer, "overwrite", False))
        self.cache: dict[tuple[int, int, int], int] = {}

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Annotate a stream of docs (the spaCy component protocol)."""
        for doc in docs:
            yield self(doc)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        strings, cache, lemmatize = doc.vocab.strings, self.cache, self.lemmatizer.lemmatize
        lemmas = table[:, 3:4].copy()
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = cache[key] = strings.add(lemmatize(doc[i])[0])
            lemmas[i, 0] = value
        doc.from_array([LEMMA], lemmas)
        return doc


def _replace(nlp: Language, name: str, component: Any) -> None:
    """Put ``component`` in the slot of pipe ``name``, registered under a name unique to it."""
    factory = f"{COMPONENT}_{name}_{id(component):x}"
    Language.component(factory, func=component)
    nlp.replace_pipe(name, factory)


def speed_up(nlp: Language) -> list[str]:
    """Swap ``attribute_ruler`` and a rule ``lemmatizer`` for their table forms; return what was swapped."""
    swapped = []
    if "attribute_ruler" in nlp.pipe_names:
        _replace(nlp, "attribute_ruler", AttributeTable(nlp, list(nlp.get_pipe("attribute_ruler").patterns)))
        swapped.append("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", "") == "rule":
        _replace(nlp, "lemmatizer", LemmaTable(nlp.get_pipe("lemmatizer")))
        swapped.append("lemmatizer")
    return swapped
