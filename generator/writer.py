"""The only module that writes to disk: atomic writes (temp file + rename)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .confine import read_regular


def write_text_atomic(path: str | Path, text: str) -> bool:
    """Write `text` to `path` atomically; returns False (and leaves mtime) when unchanged."""
    target = Path(path)
    data = text.encode("utf-8")
    try:
        if read_regular(target) == data:  # a FIFO in its place is replaced, never opened
            return False
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return True


def remove_stale_temps(folder: str | Path, names: Iterable[str]) -> int:
    """Remove the temp files killed writes of these files left in `folder`; returns how many.

    Only names `write_text_atomic` makes for one of `names` (`.<name>.<random>.tmp`,
    regular files, not links) are touched. One listing per folder: a run checks every file
    it owns, and a glob per file cost seconds on a corpus of thousands."""
    wanted = set(names)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    removed = 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(".tmp")):
            continue
        stem, _, random_part = name[1:-4].rpartition(".")
        if not random_part or stem not in wanted or not entry.is_file(follow_symlinks=False):
            continue
        try:
            os.unlink(entry.path)
            removed += 1
        except OSError:
            pass
    return removed
