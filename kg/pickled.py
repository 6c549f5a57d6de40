"""Pickled caches kept in a build folder (the terms table, the law index): read back when whole, written aside
and renamed into place, the files of other fingerprints removed. A cache only saves time: an unreadable or
unwritable one is a miss, never an error."""
from __future__ import annotations

import os
import pickle
from pathlib import Path


def read_pickle(path: Path, kind: type) -> object | None:
    """The object pickled at ``path`` if it reads back whole as a ``kind``, else None."""
    try:
        with path.open("rb") as f:
            obj = pickle.load(f)
    except (OSError, EOFError, pickle.PickleError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return obj if isinstance(obj, kind) else None


def write_pickle(path: Path, obj: object, stale: str) -> None:
    """Pickle ``obj`` to ``path`` (written aside, then renamed into place) and remove the other files matching the
    glob ``stale`` beside it (other fingerprints: never read again). Best effort: a read-only folder or a full disk
    leaves no cache."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as f:
            pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob(stale):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        tmp.unlink(missing_ok=True)
