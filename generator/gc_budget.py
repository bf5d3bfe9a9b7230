"""Fewer garbage collections while a run builds its trees.

A generate builds millions of small objects that live until their product is rendered
(located YAML trees, the frozen model, template contexts) and makes almost no reference
cycles. With CPython's default thresholds (700, 10, 10) the collector ran ~2,400 times on
the Magic Modules corpus, 20 of them full collections, each walking every live object:
2.0 s of a 13.7 s serial run (`gc.callbacks` timing, python target). With a first
generation of 20,000 it runs ~80 times and never fully: 0.5 s, for 3 MB more peak memory
(docs/performance.md). Cycles are still collected, only in larger batches.

The thresholds are the process's; `fewer_collections` restores the caller's on the way
out, so a library caller (a test process) keeps its own. Worker processes take them for
their whole life (`workers.py`).
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

# (first generation, second, third): allocations minus frees before a young collection,
# then young collections per middle one, middle ones per full one.
THRESHOLDS = (20_000, 10, 10)

P = ParamSpec("P")
R = TypeVar("R")


def use_run_thresholds() -> None:
    """For a process that only ever runs generation (a worker)."""
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def collections_batched() -> Iterator[None]:
    old = gc.get_threshold()
    # Never lower a caller's thresholds (one may have set larger ones, or disabled gc).
    gc.set_threshold(*(max(a, b) for a, b in zip(old, THRESHOLDS, strict=True)))
    try:
        yield
    finally:
        gc.set_threshold(*old)


def fewer_collections(func: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with collections_batched():
            return func(*args, **kwargs)

    return wrapper
