"""The HTTP server: a real socket on loopback, faults, the request log and the public API."""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ..model.nodes import Product
from .arm import ArmService
from .config import EmulatorConfig, Fault, FaultBook, fault_from_dict
from .control import handle_control
from .exchange import Outcome, RequestRecord
from .google import GoogleService
from .replies import Reply, arm_error, google_error
from .routes import Route, build_routes

CONTROL_PREFIX = "/_emulator"
_FAULT_CODES = {
    429: "TooManyRequests",
    500: "InternalServerError",
    502: "BadGateway",
    503: "ServiceUnavailable",
    504: "GatewayTimeout",
}


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Emulator:
    """Serves the REST APIs of `products` on http://host:port (port 0: any free port)."""

    def __init__(
        self,
        products: list[Product] | tuple[Product, ...],
        host: str = "127.0.0.1",
        port: int = 0,
        config: EmulatorConfig | None = None,
        allow_remote: bool = False,
    ) -> None:
        if not allow_remote and not is_loopback(host):
            raise ValueError(
                f"refusing to listen on non-loopback host {host!r}: the emulator has no "
                "authentication (pass allow_remote=True to override)"
            )
        self.products = tuple(products)
        self.host, self.port = host, port
        self.initial = (config or EmulatorConfig()).copy()
        self.config = self.initial.copy()
        self.routes: list[Route] = build_routes(self.products)
        self.faults = FaultBook(self.config.faults)
        arm_routes = [r for r in self.routes if not r.is_google]
        self.service = ArmService(arm_routes, self.config, self.faults)
        # Products with `api_style: google` (every mmv1 product) are served the Google way.
        self.google = GoogleService(self.routes, self.config, self.faults, self.service.lock)
        # Bounded: a long or hostile session must not grow the emulator without end.
        self._log: deque[RequestRecord] = deque(maxlen=MAX_LOG)
        self._log_lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ life cycle

    def start(self) -> Emulator:
        if self._server is not None:
            return self
        server_cls = _Server6 if ":" in self.host else _Server
        server = server_cls((self.host.strip("[]"), self.port), _Handler)
        server.emulator = self
        self._server = server
        self.port = server.server_address[1]
        self.service.base_url = self.google.base_url = self.url
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def url(self) -> str:
        host = f"[{self.host.strip('[]')}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    # ------------------------------------------------------------------ state for tests

    def reset(self) -> None:
        """Empty the store and the log; faults and settings back to the start-up config."""
        self.service.reset()
        self.google.reset()
        fresh = self.initial.copy()
        self.config.lro_polls = fresh.lro_polls
        self.config.extra_fields = fresh.extra_fields
        self.config.lenient_hooks = fresh.lenient_hooks
        self.faults.set(fresh.faults)
        self.clear_log()

    def set_faults(self, faults: list[Fault | dict[str, Any]]) -> None:
        self.faults.set([f if isinstance(f, Fault) else fault_from_dict(f) for f in faults])

    def add_fault(self, fault: Fault | dict[str, Any]) -> None:
        self.faults.add(fault if isinstance(fault, Fault) else fault_from_dict(fault))

    def clear_faults(self) -> None:
        self.faults.clear()

    def resources(self, resource_type: str | None = None) -> list[dict[str, Any]]:
        """What the store holds: id, resource_type, provisioning_state, body (as sent,
        write-only values included) and response (what GET answers)."""
        items = self.service.snapshot() + self.google.snapshot()
        return [r for r in items if resource_type in (None, r["resource_type"])]

    def resource(self, resource_id: str) -> dict[str, Any] | None:
        wanted = resource_id.lower().rstrip("/")
        return next((r for r in self.resources() if r["id"].lower() == wanted), None)

    def delete_resource(self, resource_id: str) -> bool:
        """Delete behind the client's back; False if there was no such resource."""
        return self.service.remove(resource_id) or self.google.remove(resource_id)

    @property
    def requests(self) -> list[RequestRecord]:
        with self._log_lock:
            return list(self._log)

    def calls(
        self, method: str | None = None, path: str | None = None, applied: bool | None = None
    ) -> list[RequestRecord]:
        """Logged requests by method, path substring (case-insensitive) and `applied`."""
        return [
            r
            for r in self.requests
            if (method is None or r.method == method.upper())
            and (path is None or path.lower() in r.path.lower())
            and (applied is None or r.applied == applied)
        ]

    def clear_log(self) -> None:
        with self._log_lock:
            self._log.clear()

    # ------------------------------------------------------------------ requests

    def dispatch(self, method: str, target: str, raw: bytes) -> Outcome:
        parts = urlsplit(target)
        path, query = parts.path or "/", parse_qs(parts.query, keep_blank_values=True)
        if path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/"):
            return handle_control(self, method, path[len(CONTROL_PREFIX) :], query, raw)
        body: Any = None
        bad_json = False
        if raw.strip():
            try:
                body = json.loads(raw)
            except (ValueError, RecursionError):  # deeply nested JSON is bad JSON too
                bad_json = True
        record = RequestRecord(method, path, parts.query, None, body=body)
        # Google answers its own paths, and every path when no product speaks ARM.
        google = self.google.owns(path) or (bool(self.google.routes) and not self.service.routes)
        service = self.google if google else self.service
        delay = self.faults.take(method, path, ("delay",), None)
        if delay is not None:
            record.fault = "delay"
            time.sleep(delay.delay)
        fault = self.faults.take(method, path, ("status", "drop"), "before")
        if fault is None:
            reply = service.handle(method, path, query, body, bad_json)
            record.resource_type, record.applied = reply.resource_type, reply.applied
            fault = self.faults.take(method, path, ("status", "drop"), "after")
        if fault is not None:
            record.fault = fault.kind
            outcome = _fault_outcome(fault, google)
        else:
            outcome = Outcome(reply.status, reply.body, reply.headers)
        record.status = None if outcome.drop else outcome.status
        with self._log_lock:
            self._log.append(record)
        return outcome


def _fault_outcome(fault: Fault, google: bool = False) -> Outcome:
    if fault.kind == "drop":
        return Outcome(0, drop=True)
    message = fault.message or f"HTTP {fault.status} injected by the mmgen emulator"
    reply: Reply
    if google:
        reply = google_error(fault.status, message, fault.code)
    else:
        code = fault.code or _FAULT_CODES.get(fault.status, "InjectedFault")
        reply = arm_error(fault.status, code, message)
    if fault.retry_after is not None:
        reply.headers["Retry-After"] = f"{fault.retry_after:g}"
    return Outcome(reply.status, reply.body, reply.headers)


# Bodies beyond this are refused (413): every spec'd request body is a few kilobytes.
MAX_BODY = 16 * 1024 * 1024
MAX_LOG = 10_000  # request records kept, oldest dropped first


def _content_length(value: str | None) -> int | Outcome:
    """The request's body length, or the 4xx answer for a bad or oversized one."""
    if value is None or not value.strip():
        return 0
    text = value.strip()
    if not text.isdigit():
        reply = arm_error(400, "InvalidContentLength", "Content-Length must be a whole number")
        return Outcome(400, reply.body)
    if int(text) > MAX_BODY:
        reply = arm_error(413, "RequestTooLarge", f"request bodies are limited to {MAX_BODY} bytes")
        return Outcome(413, reply.body)
    return int(text)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    emulator: Emulator


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    timeout = 60

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        pass

    def _handle(self) -> None:
        length = _content_length(self.headers.get("Content-Length"))
        if isinstance(length, Outcome):
            self._send(length)
            return
        raw = self.rfile.read(length) if length else b""
        try:
            outcome = self.server.emulator.dispatch(self.command, self.path, raw)
        except Exception as exc:  # a bug in the emulator: answer it, do not hang the client
            reply = arm_error(500, "EmulatorError", f"{type(exc).__name__}: {exc}")
            outcome = Outcome(500, reply.body)
        self.close_connection = True
        if outcome.drop:
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self._send(outcome)

    def _send(self, outcome: Outcome) -> None:
        self.close_connection = True
        data = b"" if outcome.body is None else json.dumps(outcome.body).encode("utf-8")
        self.send_response(outcome.status)
        for key, value in outcome.headers.items():
            self.send_header(key, value)
        if data:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_PUT = do_PATCH = do_DELETE = do_POST = do_HEAD = _handle
