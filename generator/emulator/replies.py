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


# google.rpc.Code names by HTTP status, as Google APIs answer them.
GOOGLE_STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    405: "UNIMPLEMENTED",
    409: "ALREADY_EXISTS",
    412: "FAILED_PRECONDITION",
    413: "INVALID_ARGUMENT",
    429: "RESOURCE_EXHAUSTED",
    499: "CANCELLED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}
# google.rpc.Code numbers, which a finished Operation's `error.code` carries.
GRPC_CODES = (
    "OK CANCELLED UNKNOWN INVALID_ARGUMENT DEADLINE_EXCEEDED NOT_FOUND ALREADY_EXISTS "
    "PERMISSION_DENIED RESOURCE_EXHAUSTED FAILED_PRECONDITION ABORTED OUT_OF_RANGE "
    "UNIMPLEMENTED INTERNAL UNAVAILABLE DATA_LOSS UNAUTHENTICATED"
).split()


def google_error(
    status: int, message: str, code: str | None = None, details: list[Any] | None = None
) -> Reply:
    """A Google error body: `{"error": {"code": 404, "message", "status": "NOT_FOUND"}}`.

    `code` overrides the status name (e.g. `ABORTED` for a 409 that is not a duplicate).
    """
    error: dict[str, Any] = {
        "code": status,
        "message": message,
        "status": code or GOOGLE_STATUS.get(status, "UNKNOWN"),
    }
    if details:
        error["details"] = details
    return Reply(status, {"error": error})


def google_field_errors(errors: list[FieldError], route: Route | None = None) -> Reply:
    """400 INVALID_ARGUMENT with a `google.rpc.BadRequest` naming every bad field."""
    first = errors[0]
    message = first.message + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else "")
    violations = [{"field": e.path, "description": e.message} for e in errors]
    details = [
        {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": violations}
    ]
    reply = google_error(400, message, details=details)
    reply.resource_type = route.terraform_name if route else None
    return reply


def grpc_code(name: str | None, default: str = "INTERNAL") -> int:
    """The google.rpc.Code number of `name` (a name, or a number as text)."""
    text = (name or default).strip()
    if text.isdigit():
        return int(text)
    upper = text.upper()
    return GRPC_CODES.index(upper) if upper in GRPC_CODES else GRPC_CODES.index(default)


def field_errors(errors: list[FieldError], route: Route | None = None) -> Reply:
    first = errors[0]
    message = first.message + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else "")
    details = [e.to_dict() for e in errors] if len(errors) > 1 else None
    reply = arm_error(400, first.code, message, first.path, details)
    reply.resource_type = route.terraform_name if route else None
    return reply


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
