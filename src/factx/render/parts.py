"""``--output-dir``: JSON Lines in numbered parts plus a manifest, so a big run can stop and resume.

The inputs, in listing order, are cut into parts of ``part_size`` inputs:
part *k* holds the articles of inputs ``k * part_size`` to ``(k + 1) * part_size - 1``
(a failed input has no article, and is named in the manifest).  The cut
depends only on the listing, so a second run of the same command knows which
inputs each part holds before reading any of them.

Each part is written to a temporary file, flushed to disk and renamed into
place (``part-00000.jsonl``); only then is its line appended to
``manifest.jsonl``.  A part is complete when the manifest lists it and its
file exists; ``resume`` drops the inputs of complete parts from the work, so
an interrupted run resumes at the first incomplete part and never writes an
article twice.  Ctrl-C, SIGTERM or a crash leaves complete parts and no
partial one (a temporary left by a killed process is removed on resume).

``manifest.jsonl`` starts with a header line (format, part size, number of
inputs); each later line is one part: ``{"part", "inputs", "articles",
"failed"}``, ``inputs`` being the sources it holds in order and ``failed``
those that gave no article, with the reason.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..models import Article
from .jsonl import JsonWriter
from .target import TextTarget

MANIFEST = "manifest.jsonl"
MANIFEST_VERSION = 1
DEFAULT_PART_SIZE = 1000


class PartsError(Exception):
    """The output directory cannot be used for this run (one line for stderr)."""


def part_name(number: int) -> str:
    return f"part-{number:05d}.jsonl"


class PartsWriter:
    """Writes articles into the parts of ``directory``; see the module docstring.

    ``inputs`` is every input of the run in listing order (paths and URLs, or
    listing errors, which have a ``source``): what the parts are cut from.
    ``todo`` holds the ones still to extract after skipping complete parts;
    the caller runs only those and hands each result, in order, to ``write``
    (an article) or ``failed`` (an input without one).
    """

    def __init__(self, directory: Path, inputs: Sequence[Any], part_size: int = DEFAULT_PART_SIZE):
        if part_size < 1:
            raise PartsError("--part-size must be at least 1")
        self.dir, self.part_size = directory, part_size
        self.total = len(inputs)
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise PartsError(f"cannot create --output-dir {directory}: {e.strerror or e}") from None
        if not os.access(directory, os.W_OK):
            raise PartsError(f"cannot write --output-dir {directory}: not writable")
        sources = [i if isinstance(i, str) else i.source for i in inputs]
        done = self._load_manifest(sources)
        # the parts still to write, in order: (number, the sources it holds)
        self._todo_parts = [(k, sources[k * part_size:(k + 1) * part_size])
                            for k in range(self.parts_count) if k not in done]
        self.skipped = len(done)
        self.todo = [i for k in range(self.parts_count) if k not in done
                     for i in inputs[k * part_size:(k + 1) * part_size]]
        self._remove_stale_temporaries()
        self._part = 0  # index into _todo_parts of the part being written
        self._seen = 0  # inputs of that part handed in so far
        self._articles = 0
        self._failed: list[dict] = []
        self._writer: JsonWriter | None = None

    @property
    def parts_count(self) -> int:
        return (self.total + self.part_size - 1) // self.part_size

    # ------------------------------------------------------------ the manifest

    def _header(self) -> dict:
        return {"manifest": MANIFEST_VERSION, "format": "jsonl", "part_size": self.part_size, "inputs": self.total}

    def _load_manifest(self, inputs: Sequence[str]) -> set[int]:
        """Numbers of the parts already complete; check the directory holds this same run."""
        path = self.dir / MANIFEST
        if not path.exists():
            if any(self.dir.glob("part-*.jsonl")):
                raise PartsError(f"--output-dir {self.dir} holds parts but no {MANIFEST}; use an empty directory")
            with open(path, "w", encoding="utf-8") as f:
                f.write(json.dumps(self._header()) + "\n")
            return set()
        raw = path.read_bytes()
        if raw and not raw.endswith(b"\n"):  # a line torn by a crash: that part is not complete
            raw = raw[:raw.rfind(b"\n") + 1]
            with open(path, "r+b") as f:
                f.truncate(len(raw))
        lines = raw.decode("utf-8").splitlines()
        try:
            header = json.loads(lines[0]) if lines else None
        except json.JSONDecodeError:
            header = None
        if header != self._header():
            said = lines[0] if lines else "nothing"
            raise PartsError(f"--output-dir {self.dir} holds another run (its {MANIFEST} says {said}); "
                             "use another directory, or the same inputs and --part-size")
        done: set[int] = set()
        for line in lines[1:]:
            entry = json.loads(line)
            number = int(entry["part"][len("part-"):-len(".jsonl")])
            mine = list(inputs[number * self.part_size:(number + 1) * self.part_size])
            if entry["inputs"] != mine:
                raise PartsError(f"--output-dir {self.dir}: {entry['part']} holds other inputs than this run "
                                 "would put there (were inputs added or removed?); use another directory")
            if (self.dir / entry["part"]).is_file():
                done.add(number)
        return done

    def _remove_stale_temporaries(self) -> None:
        for stale in self.dir.glob(".part-*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()

    # ------------------------------------------------------------ writing

    def _current(self) -> JsonWriter:
        if self._writer is None:
            number, _ = self._todo_parts[self._part]
            self._writer = JsonWriter(TextTarget(self.dir / part_name(number)))
        return self._writer

    def write(self, article: Article) -> None:
        self._current().write(article)
        self._articles += 1
        self._advance()

    def failed(self, source: str, reason: str) -> None:
        """An input of the run that gave no article (read or extraction error)."""
        self._current()
        self._failed.append({"source": source, "reason": reason})
        self._advance()

    def _advance(self) -> None:
        self._seen += 1
        if self._seen == len(self._todo_parts[self._part][1]):
            self._finish_part()

    def _finish_part(self) -> None:
        """Put the part's file in place (flushed to disk), then record it in the manifest."""
        number, inputs = self._todo_parts[self._part]
        writer = self._current()
        stream = writer.target.stream
        stream.flush()
        os.fsync(stream.fileno())
        writer.close()
        entry = {"part": part_name(number), "inputs": inputs, "articles": self._articles, "failed": self._failed}
        with open(self.dir / MANIFEST, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        self._writer, self._part, self._seen, self._articles, self._failed = None, self._part + 1, 0, 0, []

    def close(self) -> None:
        """Every part is complete (a run that ended early leaves its last part to the next run)."""
        if self._writer is not None:
            self._writer.abort()
            self._writer = None

    def abort(self) -> None:
        """Interrupted: drop the part being written; complete parts stay for the next run."""
        self.close()
