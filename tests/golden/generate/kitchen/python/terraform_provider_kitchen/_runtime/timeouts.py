# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/timeouts.py
# Template:    python/runtime/timeouts.py
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Terraform-style durations ("30m", "1h5m") and per-operation deadlines."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from .spec import ResourceSpec

_UNITS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}
_PART = re.compile(r"(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)")


class OperationTimeout(Exception):
    """The operation's deadline passed."""


def parse_duration(text: str) -> float:
    """Parse a Go duration string into seconds; raises ValueError when malformed."""
    s = text.strip()
    if not s:
        raise ValueError("empty duration")
    if s == "0":
        return 0.0
    pos = 0
    total = 0.0
    while pos < len(s):
        m = _PART.match(s, pos)
        if m is None:
            raise ValueError(f'invalid duration {text!r} (expected e.g. "30m" or "1h5m")')
        total += float(m.group(1)) * _UNITS[m.group(2)]
        pos = m.end()
    return total


class Deadline:
    """Absolute deadline of one operation; every HTTP call and poll checks it."""

    def __init__(
        self,
        seconds: float,
        operation: str = "operation",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self.operation = operation
        self._clock = clock
        self._end = clock() + seconds

    def remaining(self) -> float:
        return max(0.0, self._end - self._clock())

    def expired(self) -> bool:
        return self._clock() >= self._end

    def check(self) -> None:
        if self.expired():
            raise OperationTimeout(f"{self.operation} timed out after {self.seconds:g}s")


def operation_timeout(spec: ResourceSpec, state: dict[str, Any] | None, op: str) -> float:
    """Seconds allowed for ``op``: the ``timeouts`` block value if set, else the spec default."""
    block = (state or {}).get("timeouts")
    if isinstance(block, dict):
        value = block.get(op)
        if isinstance(value, str) and value:
            return parse_duration(value)
    return spec.timeouts.for_operation(op)
