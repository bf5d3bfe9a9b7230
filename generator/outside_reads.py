"""Files a generation read from outside the spec folder it was given, for the product cache.

The product cache keys a product by its spec folder's bytes. A Magic Modules product also
reads its examples' templates from `templates/` beside `products/`, outside that folder; a
cached product must not outlive an edit to one of them. Readers of such files call
`note(path, data)`; the pipeline records them around each product (`recording()`), and the
cache keeps each one's hash beside the entry and checks it again before a hit.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .confine import read_regular

_current: dict[str, str] | None = None


@contextmanager
def recording() -> Iterator[dict[str, str]]:
    """{absolute path: sha256} of every file noted inside the block (one process). A block
    inside another one's: what it records counts for the outer block too."""
    global _current
    outer, _current = _current, {}
    inner = _current
    try:
        yield inner
    finally:
        _current = outer
        if outer is not None:
            outer.update(inner)


MISSING = "-"  # the digest of a file that was looked for and not found


def note(path: Path, data: bytes | None) -> None:
    """A file read (`data`), or looked for and not read (None: absent, unreadable, not a
    regular file, outside its folder). The path is kept as named, links not resolved, so
    that a link pointed elsewhere is read again."""
    if _current is not None:
        digest = MISSING if data is None else hashlib.sha256(data).hexdigest()
        _current[os.path.abspath(path)] = digest


def renote(reads: dict[str, str]) -> None:
    """Files an earlier run read, noted again for a result taken from a cache."""
    if _current is not None:
        _current.update(reads)


def unchanged(reads: dict[str, str]) -> bool:
    """Whether every recorded file still holds what it held (an absent one is still absent)."""
    for path, digest in reads.items():
        try:
            data = read_regular(path)
        except (OSError, ValueError):
            if digest != MISSING:
                return False
            continue  # still not readable: the run would find what it found
        if digest == MISSING or hashlib.sha256(data).hexdigest() != digest:
            return False
    return True
