"""A recording HTTP server for the `keys` fixture (tests/fixtures/python-rest/mmv1-keys):
badges, tokens and meters, synchronous (no operations). A token's create answers its
`secret`; tokens cannot be read or deleted (404, as if the API had no such call). Both
targets' tests drive their provider against it and assert exactly what was sent:
(method, path, query, body) per request.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from json_server import serve_json

PREFIX = "/v1/projects/p1"
Call = tuple[str, str, dict[str, list[str]], Any]


class KeysApi:
    """What the server holds and what it was asked."""

    def __init__(self) -> None:
        self.objects: dict[str, dict[str, Any]] = {}
        self.calls: list[Call] = []
        self.lock = threading.Lock()

    def answer(self, verb: str, path: str, query: dict[str, list[str]], body: Any) -> Any:
        with self.lock:
            self.calls.append((verb, path, query, body))
            collection = path.rsplit("/", 1)[0] if path.count("/") > 3 else path
            if verb == "POST" and path in (PREFIX + "/badges", PREFIX + "/meters"):
                obj = dict(body or {})
                self.objects[f"{path}/{obj.get('name')}"] = obj
                return 200, obj
            if verb == "POST" and path == PREFIX + "/tokens":
                obj = {**(body or {}), "secret": "s3cr3t"}
                return 200, obj  # kept nowhere: the API cannot read it back
            obj = self.objects.get(path)
            if obj is None or collection == PREFIX + "/tokens":
                return 404, {"error": {"code": 404, "message": f"no {path}"}}
            if verb == "GET":
                return 200, obj
            if verb == "PATCH":
                obj.update(body or {})
                return 200, obj
            if verb == "DELETE":
                del self.objects[path]
                return 200, {}
            return 404, {"error": {"code": 404, "message": f"no {verb} {path}"}}


@contextmanager
def serve() -> Iterator[tuple[KeysApi, str]]:
    """The server on 127.0.0.1 (an ephemeral port) and its URL, for one test."""
    api = KeysApi()
    with serve_json(api.answer) as url:
        yield api, url


# What both targets must send (asserted by each target's test).
BADGE = PREFIX + "/badges/b1"
BADGE_CREATE: list[Call] = [
    ("POST", PREFIX + "/badges", {}, {"name": "b1", "color": "red", "labels": {"a": "1"}}),
    ("GET", BADGE, {}, None),
]
TOKEN_CREATE: list[Call] = [("POST", PREFIX + "/tokens", {}, {"name": "t1"})]
METER = PREFIX + "/meters/m1"
METER_CREATE: list[Call] = [
    ("POST", PREFIX + "/meters", {}, {"name": "m1", "limits": {"low": 1, "high": 9}}),
    ("GET", METER, {}, None),
]
# `limits.low` and `note` changed: the limits' names, then the note's own path.
METER_MASK = "limits.low,limits.high,limitsMode,note"
METER_UPDATE: list[Call] = [
    (
        "PATCH",
        METER,
        {"updateMask": [METER_MASK]},
        {"name": "m1", "limits": {"low": 2, "high": 9}, "note": "n"},
    ),
    ("GET", METER, {}, None),
]
