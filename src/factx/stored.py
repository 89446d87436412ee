"""The ``--db`` skip logic: which inputs the database already holds, as this factx and this model would
extract them, so that a resumed run skips them before decoding, parsing or sending them to a cluster."""

from __future__ import annotations

import contextlib
import importlib.util
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import ModelInfo

def model_identity(name: str) -> ModelInfo:
    """The name and version an article extracted with model ``name`` will record, read without loading it.

    A ``--db`` run compares them with the stored articles' to decide what to
    skip before anything is parsed; reading ``meta.json`` (the installed
    package's, or the folder's) costs a millisecond where loading the model
    costs a second and spaCy's imports.  The name is formed as
    ``pipeline.Extractor`` forms it (``lang_name``).  A model with no readable
    ``meta.json`` is loaded to ask it; one that is neither an installed
    package nor a folder raises ``pipeline.ModelError``.
    """
    import json

    from .models import ModelInfo
    from .pipeline import Extractor, ModelError

    folder: Path | None = None
    if Path(name).is_dir():
        folder = Path(name)
    else:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            raise ModelError(f"cannot load spaCy model {name!r}: no installed package or folder of that name")
        if spec.submodule_search_locations:
            folder = Path(next(iter(spec.submodule_search_locations)))
    meta = None
    if folder is not None:
        with contextlib.suppress(OSError, ValueError):
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if not isinstance(meta, dict):
        return Extractor(name).info
    return ModelInfo(name=f"{meta.get('lang', 'xx')}_{meta.get('name', name)}",
                     version=str(meta.get("version", "unknown")))


def stored_test(writer: Any, identity: ModelInfo) -> Callable[[str, str], bool]:
    """The reader's skip test for a ``--db`` run: stored with these bytes by this factx and this model."""
    from . import __version__

    def skip(source: str, sha256: str) -> bool:
        return writer.holds(source, sha256, identity, __version__)

    return skip


def unstored(listed: Iterable[Any], skip: Callable[[str, str], bool]) -> Iterator[Any]:
    """The listed inputs, those ``skip`` says are stored as ``Skipped``, for a runner that reads on its own (Dask).

    The client reads and hashes each input once to ask (what a plain ``--db``
    run does anyway), so a resumed run sends the cluster only what is left
    to do.  Stdin, listing errors and inputs that cannot be read here pass
    on unchanged: the runner reports them in their place.
    """
    from . import reader

    for item in listed:
        if isinstance(item, str) and item != reader.STDIN:
            held: list[bool] = []

            def ask(source: str, sha256: str, held: list[bool] = held) -> bool:
                held.append(skip(source, sha256))
                return True  # stop after hashing: the text is not needed here

            reader.read(item, skip=ask)
            if held and held[0]:
                yield reader.Skipped(item)
                continue
        yield item
