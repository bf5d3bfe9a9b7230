"""Progress of long runs (loading a corpus, rendering its products), for the CLI to show.

Library code marks stages (`with stage("loading", total) as bar: bar.advance()`) and
never prints: what a stage shows is the sink the CLI installed with `reporting(...)`,
and with none installed (tests, library callers) every call is a no-op. Only the
outermost stage reports: a loader called from inside the generate stage would otherwise
restart the bar. Calls from worker processes (forked with a copy of the sink) are
ignored, so only the process that owns the terminal writes to it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Sink(Protocol):
    def start(self, label: str, total: int) -> None: ...

    def update(self, label: str, done: int, total: int) -> None: ...

    def finish(self, label: str, done: int, total: int, seconds: float) -> None: ...


class Bar:
    """One stage's counter; `advance` is cheap enough to call once per item."""

    def __init__(self, sink: Sink | None, label: str, total: int) -> None:
        self.sink, self.label, self.total, self.done = sink, label, total, 0

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.sink is not None:
            self.sink.update(self.label, self.done, self.total)


_NULL = Bar(None, "", 0)
_sink: Sink | None = None
_owner = 0  # the pid that installed the sink
_depth = 0


@contextmanager
def reporting(sink: Sink | None) -> Iterator[None]:
    """Show the stages run inside this block on `sink` (None: show nothing)."""
    global _sink, _owner
    previous = _sink, _owner
    _sink, _owner = sink, os.getpid()
    try:
        yield
    finally:
        _sink, _owner = previous


@contextmanager
def stage(label: str, total: int) -> Iterator[Bar]:
    """A stage of `total` items; nested stages and other processes get a silent bar."""
    global _depth
    sink = _sink if _owner == os.getpid() else None
    if sink is None or _depth:
        _depth += 1
        try:
            yield _NULL
        finally:
            _depth -= 1
        return
    _depth += 1
    bar = Bar(sink, label, total)
    started = time.monotonic()
    sink.start(label, total)
    try:
        yield bar
    finally:
        _depth -= 1
        sink.finish(label, bar.done, total, time.monotonic() - started)
