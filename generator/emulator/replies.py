"""ARM responses: the `Reply` a request gets and ARM error bodies."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .shapes import FieldError

if TYPE_CHECKING:
    from .routes import Route


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    resource_type: str | None = None
    applied: bool = False  # the request changed the store


def arm_error(
    status: int, code: str, message: str, target: str | None = None, details: Any = None
) -> Reply:
    error: dict[str, Any] = {"code": code, "message": message}
    if target:
        error["target"] = target
    if details:
        error["details"] = details
    return Reply(status, {"error": error})


def field_errors(errors: list[FieldError], route: Route | None = None) -> Reply:
    first = errors[0]
    message = first.message + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else "")
    details = [e.to_dict() for e in errors] if len(errors) > 1 else None
    reply = arm_error(400, first.code, message, first.path, details)
    reply.resource_type = route.terraform_name if route else None
    return reply


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
