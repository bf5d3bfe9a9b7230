"""A small in-process ARM emulator on 127.0.0.1 for the CRUD tests."""

from __future__ import annotations

import itertools
import json
import threading
from copy import deepcopy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

API_VERSION = "2024-01-01"


class FakeArm:
    def __init__(self) -> None:
        self.resources: dict[str, dict[str, Any]] = {}
        self.operations: dict[str, dict[str, Any]] = {}
        self.requests: list[dict[str, Any]] = []
        self.throttle: dict[str, int] = {}  # method -> number of 429s still to send
        self._ids = itertools.count(1)
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else None
                status, headers, payload = fake.handle(self.command, self.path, body, self.headers)
                data = b"" if payload is None else json.dumps(payload).encode()
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_DELETE = do_PATCH = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> FakeArm:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()

    # ------------------------------------------------------------------ routing

    def handle(
        self, method: str, target: str, body: Any, headers: Any
    ) -> tuple[int, dict[str, str], Any]:
        parts = urlsplit(target)
        query = parse_qs(parts.query)
        path = parts.path
        with self.lock:
            self.requests.append(
                {
                    "method": method,
                    "path": path,
                    "query": query,
                    "body": body,
                    "auth": headers.get("Authorization"),
                }
            )
            if path.startswith("/operations/"):
                return self._operation(path.rsplit("/", 1)[1])
            if path.startswith("/locations/"):
                return self._location(path.rsplit("/", 1)[1])
            if self.throttle.get(method):
                self.throttle[method] -= 1
                return 429, {"Retry-After": "0"}, {"error": {"code": "TooManyRequests"}}
            if query.get("api-version") != [API_VERSION]:
                return 400, {}, {"error": {"code": "MissingApiVersion", "message": "no"}}
            key = path.lower()
            if method == "PUT":
                return self._put(key, path, body)
            if method == "GET":
                if key not in self.resources:
                    return 404, {}, {"error": {"code": "ResourceNotFound", "message": path}}
                return 200, {}, deepcopy(self.resources[key])
            if method == "DELETE":
                if key not in self.resources:
                    return 404, {}, None
                op = str(next(self._ids))
                self.operations[op] = {"polls": 1, "delete": key}
                return 202, {"Location": f"{self.base}/locations/{op}"}, None
        return 405, {}, None

    def _put(self, key: str, path: str, body: Any) -> tuple[int, dict[str, str], Any]:
        existed = key in self.resources
        stored = deepcopy(body)
        name = path.rsplit("/", 1)[1]
        props = stored.setdefault("properties", {})
        props.pop("password", None)  # write-only: never returned
        props["provisioningState"] = "Creating"
        props["status"] = {"phase": "Running", "ready": True}
        props.setdefault("tier", "basic")
        cluster = props.get("cluster")
        if isinstance(cluster, dict):
            cluster["endpoint"] = f"https://{name}.example"
            for n, node in enumerate(cluster.get("nodes") or []):
                for m, mount in enumerate(node.get("mounts") or []):
                    mount["id"] = f"mount-{n}-{m}"
        stored["id"] = path
        stored["etag"] = f"etag-{next(self._ids)}"
        self.resources[key] = stored
        op = str(next(self._ids))
        final = "Succeeded"
        if name.startswith("fail"):
            final = "Failed"
        if name.startswith("slow"):
            final = "Never"
        self.operations[op] = {"polls": 1, "final": final, "resource": key}
        headers = {"Azure-AsyncOperation": f"{self.base}/operations/{op}?api-version=x"}
        return (200 if existed else 201), headers, deepcopy(stored)

    def _operation(self, op: str) -> tuple[int, dict[str, str], Any]:
        info = self.operations[op]
        if info["polls"] > 0 or info["final"] == "Never":
            info["polls"] -= 1
            return 200, {}, {"status": "InProgress"}
        resource = self.resources.get(info["resource"])
        if info["final"] == "Failed":
            if resource:
                resource["properties"]["provisioningState"] = "Failed"
            error = {"code": "QuotaExceeded", "message": "Not enough cores in region"}
            return 200, {}, {"status": "Failed", "error": error}
        if resource:
            resource["properties"]["provisioningState"] = "Succeeded"
        return 200, {}, {"status": "Succeeded"}

    def _location(self, op: str) -> tuple[int, dict[str, str], Any]:
        info = self.operations[op]
        if info["polls"] > 0:
            info["polls"] -= 1
            return 202, {"Location": f"{self.base}/locations/{op}"}, None
        self.resources.pop(info["delete"], None)
        return 200, {}, None

    def calls(self, method: str, prefix: str = "/subscriptions") -> list[dict[str, Any]]:
        return [r for r in self.requests if r["method"] == method and r["path"].startswith(prefix)]
