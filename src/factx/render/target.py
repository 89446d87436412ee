"""Where a text format goes: stdout, or a file that appears whole or not at all.

A file is written to a temporary name beside it and renamed over the target
on ``commit``, so an interrupted run (Ctrl-C, SIGTERM, a full disk) never
leaves a partial file; ``abort`` removes the temporary.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO


class TextTarget:
    """A text stream for writers: stdout (flushed per article, so pipes see results as they come) or an atomic file."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self._tmp: str | None = None
        self.stream: TextIO
        if path is None:
            self.stream = sys.stdout
            return
        fd, self._tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # the permissions a plain `> file` would give, not mkstemp's 0600
        self.stream = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def flush(self) -> None:
        """Flush stdout after each article; a file is flushed by ``commit``."""
        if self.path is None:
            self.stream.flush()

    def commit(self) -> None:
        """The output is complete: put the file in place."""
        if self._tmp is None:
            return
        self.stream.close()
        os.replace(self._tmp, self.path)
        self._tmp = None

    def abort(self) -> None:
        """Stop without output: remove the temporary file (stdout keeps what was already printed)."""
        if self._tmp is None:
            return
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._tmp)
        self._tmp = None
