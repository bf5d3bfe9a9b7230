"""The only module that writes to disk: atomic writes (temp file + rename)."""

from __future__ import annotations

import os
import tempfile
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


def remove_stale_temps(path: str | Path) -> int:
    """Remove temp files a killed earlier write of `path` left behind; returns how many.

    Only names `write_text_atomic` makes for this very file (`.<name>.<random>.tmp`,
    regular files, not links) are touched."""
    target = Path(path)
    removed = 0
    try:
        candidates = list(target.parent.glob(f".{glob_escape(target.name)}.*.tmp"))
    except OSError:
        return 0
    for tmp in candidates:
        if tmp.is_file() and not tmp.is_symlink():
            try:
                tmp.unlink()
                removed += 1
            except OSError:
                pass
    return removed


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)
