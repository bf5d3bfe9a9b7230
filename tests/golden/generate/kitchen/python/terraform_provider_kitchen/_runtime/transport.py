# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/transport.py
# Template:    python/runtime/transport.py
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Standard-library HTTP client with retries, backoff and deadlines."""

from __future__ import annotations

import http.client
import ipaddress
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from .timeouts import Deadline, OperationTimeout

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
USER_AGENT = "mmgen-python-provider/1"


@dataclass
class Response:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    url: str = ""

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self) -> Any:
        if not self.body.strip():
            return None
        try:
            return json.loads(self.body)
        except ValueError:
            return None


class ApiError(Exception):
    """A non-success HTTP response, with the ARM error code and message when present."""

    def __init__(self, status: int, code: str, message: str, method: str, url: str) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.method = method
        self.url = url
        super().__init__(f"{method} {url}: HTTP {status} {code}: {message}".strip())


class TransportError(Exception):
    """The request could not be completed (connection errors after all retries)."""


def error_code_message(err: dict[str, Any]) -> tuple[str, str]:
    """(code, message) of one error object: ARM's `{"code": "NotFound", "message"}`, or
    Google's `{"code": 404, "message", "status": "NOT_FOUND"}` (the status name wins, as
    in the go target); compute's `{"errors": [{"code", "message"}]}` joins the messages."""
    status = err.get("status")
    code = status if isinstance(status, str) and status else str(err.get("code") or "")
    message = str(err.get("message") or "")
    items = err.get("errors")
    if not message and isinstance(items, list):
        found = [error_code_message(e) for e in items if isinstance(e, dict)]
        code = code or next((c for c, _ in found if c), "")
        message = "; ".join(m for _, m in found if m)
    return code, message


def error_from_response(resp: Response, method: str) -> ApiError:
    payload = resp.json()
    code, message = "", ""
    if isinstance(payload, dict):
        err = payload.get("error", payload)
        if isinstance(err, dict):
            code, message = error_code_message(err)
        elif isinstance(err, str):  # OAuth: {"error": "invalid_grant", "error_description"}
            code, message = err, str(payload.get("error_description") or "")
    if not message:
        message = resp.body.decode("utf-8", "replace")[:500]
    return ApiError(resp.status, code, message, method, resp.url)


def retry_after_seconds(resp: Response, now: float | None = None) -> float | None:
    """Seconds from ``Retry-After`` (delta-seconds or HTTP date) or ``retry-after-ms``."""
    millis = resp.header("retry-after-ms") or resp.header("x-ms-retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000.0)
        except ValueError:
            pass
    value = resp.header("retry-after")
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def origin(url: str) -> tuple[str, str]:
    """(scheme, host[:port]) of a URL, lower-cased: what credentials are bound to."""
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.netloc.rsplit("@", 1)[-1]).lower()


def is_loopback_host(netloc: str) -> bool:
    host = netloc.rsplit(":", 1)[0] if not netloc.endswith("]") else netloc
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class HttpClient:
    """Sends JSON requests; retries 429/5xx and connection errors up to ``max_retries``.

    With ``allowed`` set (the provider's API origins), a request to any other origin is
    refused before it is sent: poll URLs come from the server, and the bearer token must
    reach the API's own host only. Plain HTTP is allowed to loopback hosts only.
    """

    def __init__(
        self,
        token_source: Callable[[], str | None] = lambda: None,
        max_retries: int = 5,
        backoff_base: float = 1.0,
        backoff_cap: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        user_agent: str = USER_AGENT,
        allowed: frozenset[tuple[str, str]] | None = None,
        min_wait: float = 1.0,
    ) -> None:
        self.token_source = token_source
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.sleep = sleep
        self.user_agent = user_agent
        self.allowed = allowed
        self.min_wait = min_wait

    def check_origin(self, url: str) -> None:
        scheme, netloc = origin(url)
        if self.allowed is not None and (scheme, netloc) not in self.allowed:
            raise TransportError(
                f"refusing to send a request to {scheme}://{netloc}: not one of the "
                "provider's API hosts (set `endpoint` to use another)"
            )
        if scheme == "http" and not is_loopback_host(netloc):
            raise TransportError(f"refusing plain HTTP to {netloc}: use https")

    def backoff(self, attempt: int) -> float:
        # Exponential backoff with jitter so many clients do not retry in lockstep.
        ceiling: float = min(self.backoff_cap, self.backoff_base * (2**attempt))
        return float(ceiling * random.uniform(0.5, 1.0))

    def request(
        self,
        method: str,
        url: str,
        body: Any = None,
        deadline: Deadline | None = None,
    ) -> Response:
        self.check_origin(url)
        attempt = 0
        while True:
            if deadline is not None:
                deadline.check()
            try:
                resp = self._send(method, url, body, deadline)
            except (OSError, http.client.HTTPException) as exc:
                if attempt >= self.max_retries:
                    raise TransportError(f"{method} {url}: {exc}") from exc
                wait = self.backoff(attempt)
            else:
                if resp.status not in RETRYABLE_STATUS or attempt >= self.max_retries:
                    return resp
                hinted = retry_after_seconds(resp)
                # A hint of 0 (or a tiny one) must not make the client spin.
                wait = self.backoff(attempt) if hinted is None else max(hinted, self.min_wait)
            if deadline is not None and wait >= deadline.remaining():
                raise OperationTimeout(
                    f"{deadline.operation} timed out after {deadline.seconds:g}s "
                    f"while retrying {method} {url}"
                )
            self.sleep(wait)
            attempt += 1

    def _send(self, method: str, url: str, body: Any, deadline: Deadline | None) -> Response:
        parts = urlsplit(url)
        timeout = 300.0 if deadline is None else max(0.1, min(300.0, deadline.remaining()))
        conn: http.client.HTTPConnection
        if parts.scheme == "https":
            conn = http.client.HTTPSConnection(parts.hostname or "", parts.port, timeout=timeout)
        elif parts.scheme == "http":
            conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=timeout)
        else:
            raise TransportError(f"unsupported URL scheme in {url!r}")
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        headers = {"Accept": "application/json", "User-Agent": self.user_agent}
        token = (self.token_source() or "").strip()
        if token:
            if any(ch in token for ch in "\r\n\0"):
                # Never let the token reach an exception text (http.client quotes it).
                raise TransportError("the token contains a line break: check its source")
            headers["Authorization"] = f"Bearer {token}"
        payload: bytes | None = None
        if body is not None:
            payload = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        try:
            conn.request(method, target, body=payload, headers=headers)
            raw = conn.getresponse()
            data = raw.read()
            resp_headers = {k.lower(): v for k, v in raw.getheaders()}
            return Response(raw.status, resp_headers, data, url)
        finally:
            conn.close()
