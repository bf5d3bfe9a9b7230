"""Where mmgen keeps its caches; a module of its own so that a no-op run can find its
record without importing the formatters."""

from __future__ import annotations

import os
from pathlib import Path


def default_cache_dir() -> Path | None:
    """`MMGEN_CACHE_DIR`, else the user cache folder; `MMGEN_CACHE_DIR=off` disables it."""
    configured = os.environ.get("MMGEN_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mmgen"
