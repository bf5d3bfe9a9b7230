"""What one request to the emulator produces: the answer (`Outcome`) and its log entry.

These live apart from `server.py` so that `control.py` can build answers without importing
the server that imports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RequestRecord:
    """One API request as the emulator answered it (control requests are not logged)."""

    method: str
    path: str
    query: str
    status: int | None  # None: the connection was dropped
    resource_type: str | None = None
    fault: str | None = None  # the injected fault's kind, if one hit
    applied: bool = False  # the request changed the store
    body: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "status": self.status,
            "resource_type": self.resource_type,
            "fault": self.fault,
            "applied": self.applied,
            "body": self.body,
        }


@dataclass
class Outcome:
    """The answer to send: `drop` closes the connection without one."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False
