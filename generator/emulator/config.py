"""Emulator settings and injected faults.

A `Fault` says what goes wrong (`kind`), for which requests (`method`, `path`) and how many
times (`count`). Faults live in a `FaultBook`, which hands each one out at most `count` times
under a lock, so concurrent requests never consume the same fault twice.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import asdict, dataclass, field, replace
from typing import Any

MAX_FAULT_SECONDS = 600
FAULT_KINDS = ("status", "delay", "drop", "fail_operation")
WHEN = ("before", "after")


@dataclass
class Fault:
    """One injected fault.

    - `status`: answer `status` (429, 500, 503, ...) with an ARM error body, plus
      `Retry-After: retry_after` when that is set.
    - `delay`: sleep `delay` seconds, then answer normally.
    - `drop`: close the connection without any response.
    - `fail_operation`: the next long-running operation started by a matching request ends
      `Failed` with the ARM error `code`/`message`.

    `method` (e.g. "PUT") and `path` (a regular expression searched case-insensitively in the
    URL path) select requests; None matches all. `when="before"` (the default) answers before
    the request touches the store, so a write did not happen; `when="after"` applies the
    request first and then replaces its response (status or drop), as when a response is lost.
    `count` is how many requests it hits; a negative count never runs out.
    """

    kind: str = "status"
    status: int = 503
    count: int = 1
    method: str | None = None
    path: str | None = None
    retry_after: float | None = None
    delay: float = 0.0
    when: str = "before"
    code: str | None = None
    message: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; expected one of {FAULT_KINDS}")
        if self.when not in WHEN:
            raise ValueError(f"fault `when` must be one of {WHEN}, not {self.when!r}")
        if self.kind == "status" and not 400 <= int(self.status) <= 599:
            raise ValueError(f"fault status must be an HTTP error status, not {self.status}")
        if self.path is not None:
            re.compile(self.path)
        if self.method is not None:
            self.method = self.method.upper()

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method != method.upper():
            return False
        return self.path is None or re.search(self.path, path, re.IGNORECASE) is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def fault_from_dict(data: Any) -> Fault:
    """A fault from JSON; `kind` may be left out when `status` or `delay` says it."""
    if not isinstance(data, dict):
        raise ValueError("a fault must be a JSON object")
    known = set(Fault.__dataclass_fields__)
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"unknown fault field(s): {', '.join(unknown)}")
    values = dict(data)
    if "kind" not in values:
        if values.get("delay"):
            values["kind"] = "delay"
        else:
            values["kind"] = "status"
    for name in ("status", "count"):
        if name in values and values[name] is not None:
            values[name] = int(values[name])
    for name in ("retry_after", "delay"):
        if values.get(name) is not None:
            number = float(values[name])
            # A negative, NaN or endless wait would hang the emulator's worker thread.
            if not math.isfinite(number) or not 0 <= number <= MAX_FAULT_SECONDS:
                raise ValueError(
                    f"{name} must be a number of seconds from 0 to {MAX_FAULT_SECONDS}"
                )
            values[name] = number
    return Fault(**values)


@dataclass
class EmulatorConfig:
    """Start-up settings; `faults` and `lro_polls` can change at run time.

    - `lro_polls`: how many polls of a long-running operation answer InProgress before it ends.
    - `extra_fields`: API paths accepted although the model does not describe them, e.g.
      `properties.createdBy` or `kitchen_sink:properties.createdBy` for one resource type.
      Array indexes are left out of the path (`properties.filters.vendor`).
    - `lenient_hooks`: resources whose spec has a `before_create` or `before_update` hook accept
      (and store) unknown fields, because hand-written hooks may add what the model does not
      describe. Off: such fields are rejected like any other unknown field.
    """

    lro_polls: int = 1
    faults: list[Fault] = field(default_factory=list)
    extra_fields: tuple[str, ...] = ()
    lenient_hooks: bool = True

    def copy(self) -> EmulatorConfig:
        return replace(self, faults=[replace(f) for f in self.faults])


class FaultBook:
    """The active faults; thread-safe."""

    def __init__(self, faults: list[Fault] | None = None) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = [replace(f) for f in faults or []]

    def set(self, faults: list[Fault]) -> None:
        with self._lock:
            self._faults = [replace(f) for f in faults]

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(replace(fault))

    def clear(self) -> None:
        self.set([])

    def snapshot(self) -> list[Fault]:
        with self._lock:
            return [replace(f) for f in self._faults]

    def take(
        self, method: str, path: str, kinds: tuple[str, ...], when: str | None
    ) -> Fault | None:
        """Consume and return the first matching fault of one of `kinds`, if any.

        `when=None` matches faults of either phase.
        """
        with self._lock:
            for fault in self._faults:
                if fault.kind not in kinds or fault.count == 0:
                    continue
                if when is not None and fault.when != when:
                    continue
                if not fault.matches(method, path):
                    continue
                if fault.count > 0:
                    fault.count -= 1
                taken = replace(fault)
                self._faults = [f for f in self._faults if f.count != 0]
                return taken
        return None
