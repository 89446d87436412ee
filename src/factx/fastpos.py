"""A table-driven stand-in for spaCy's ``attribute_ruler``, with the same rules.

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
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
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


def replace_attribute_ruler(nlp: Language) -> bool:
    """Swap the pipeline's ``attribute_ruler`` for an ``AttributeTable`` with its rules.

    Returns False (and leaves the pipeline alone) when there is no ruler.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    table = AttributeTable(nlp, list(nlp.get_pipe("attribute_ruler").patterns))
    # a component function registered under a name unique to this table
    name = f"{COMPONENT}_{id(table):x}"
    Language.component(name, func=table)
    nlp.replace_pipe("attribute_ruler", name)
    return True
