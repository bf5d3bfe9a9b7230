"""One `mmv1-unsupported-key` warning per key (part of `generator.loaders.mmv1`).

A key that 500 resources use is one warning at its first place with the count of places,
and `count_unsupported` reads the counts back from the diagnostics.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ...diagnostics import Diagnostic
from .reader import UNSUPPORTED

_PLACES = re.compile(r"\((\d+) places? in this run")


def _unsupported_key(d: Diagnostic) -> str | None:
    if d.code == UNSUPPORTED and d.message.startswith("`"):
        return d.message[1 : d.message.index("`", 1)]
    return None


def count_unsupported(diags: Iterable[Diagnostic]) -> dict[str, int]:
    """Occurrences of each unsupported key, from the `mmv1-unsupported-key` diagnostics
    (one per key, naming how many places have it)."""
    counts: Counter[str] = Counter()
    for d in diags:
        key = _unsupported_key(d)
        if key is not None:
            m = _PLACES.search(d.message)
            counts[key] += int(m.group(1)) if m else 1
    return dict(counts)


def one_warning_per_key(diags: list[Diagnostic]) -> list[Diagnostic]:
    """A key that 500 resources use is one warning, at its first place, with the count:
    a corpus run reads as a list of what is missing, not 6,000 lines of the same."""
    first: dict[str, Diagnostic] = {}
    counts: Counter[str] = Counter()
    rest: list[Diagnostic] = []
    for d in diags:
        key = _unsupported_key(d)
        if key is None:
            rest.append(d)
            continue
        counts[key] += 1
        seen = first.get(key)
        where = (d.location.file, d.location.line, d.location.col)
        if seen is None or where < (seen.location.file, seen.location.line, seen.location.col):
            first[key] = d
    for key, d in first.items():
        n = counts[key]
        places = f"{n} place{'s' if n != 1 else ''} in this run" + ("; the first" if n > 1 else "")
        rest.append(replace(d, message=f"{d.message} ({places})"))
    return rest
