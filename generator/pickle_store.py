"""Entries of mmgen's caches: pickles named by a hex key, written atomically.

The product cache, the resource memo and their pointers all keep entries this way. An
entry that cannot be written only costs a later miss, so writing never raises; reading
raises, and each cache turns any failure into a miss.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Any


def entry_path(directory: Path | None, key: str) -> Path | None:
    """Where the entry `key` lives (two-character fan-out), or None without a folder."""
    return None if directory is None else directory / key[:2] / f"{key}.pickle"


def dump_atomic(path: Path, value: Any) -> bool:
    """`value` pickled to `path` through a temp file and a rename; False when it could not
    be (a full disk, an unpicklable value): nothing half-written is left behind."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return True
    except Exception:  # noqa: BLE001 - an entry that cannot be kept only costs a miss
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        return False


def load(path: Path) -> Any:
    with open(path, "rb") as fh:
        return pickle.load(fh)
