"""A recording HTTP server for the `Gadget` fixture (tests/fixtures/python-rest/mmv1).

Every write answers a Google operation (`{"name": "op-N", "metadata": {}}`), polled at
`projects/p1/locations/l1/operations/op-N`, whose `response` is the created gadget; the
server names each gadget (`g-1`, ...); `:setTags` refuses a stale `tagFingerprint` with
412, as Google APIs do. Both targets' wire tests drive their provider against it and
assert exactly what was sent.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from json_server import serve_json

PREFIX = "/v1/projects/p1/locations/l1"
COLLECTION = PREFIX + "/gadgets"
OPERATIONS = PREFIX + "/operations/"


class GadgetApi:
    """What the server holds and what it was asked: (method, path, body) per request."""

    def __init__(self) -> None:
        self.gadgets: dict[str, dict[str, Any]] = {}
        self.operations: dict[str, dict[str, Any]] = {}
        self.calls: list[tuple[str, str, Any]] = []
        self.lock = threading.Lock()

    def operation(self, response: dict[str, Any] | None = None) -> dict[str, Any]:
        name = f"op-{len(self.operations) + 1}"
        self.operations[name] = {"name": name, "done": True, "response": response or {}}
        return {"name": name, "metadata": {"verb": "update"}}  # pending: no `done`

    def answer(self, verb: str, path: str, body: Any) -> tuple[int, Any]:
        with self.lock:
            self.calls.append((verb, path, body))
            if verb == "POST" and path == COLLECTION:
                name = f"g-{len(self.gadgets) + 1}"
                gadget = {**(body or {}), "name": name, "tagFingerprint": "fp-1"}
                self.gadgets[f"{COLLECTION}/{name}"] = gadget
                return 200, self.operation(dict(gadget))
            if verb == "GET" and path.startswith(OPERATIONS):
                op = self.operations.get(path.removeprefix(OPERATIONS))
                return (200, op) if op else (404, _error(404, path))
            key, _, method = path.partition(":")
            gadget = self.gadgets.get(key)
            if gadget is None:
                return 404, _error(404, path)
            if verb == "GET" and not method:
                return 200, gadget
            if verb == "POST" and method == "setTags":
                if (body or {}).get("tagFingerprint") != gadget["tagFingerprint"]:
                    return 412, _error(412, "stale tagFingerprint")
                gadget["tags"] = body.get("tags", {})
                gadget["tagFingerprint"] = f"fp-{int(gadget['tagFingerprint'][3:]) + 1}"
                return 200, self.operation()
            if verb == "POST" and method == "resize":
                gadget["size"] = (body or {}).get("size")
                return 200, self.operation()
            if verb == "DELETE" and not method:
                del self.gadgets[key]
                return 200, self.operation()
            return 404, _error(404, path)


def _error(code: int, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


@contextmanager
def serve() -> Iterator[tuple[GadgetApi, str]]:
    """The server on 127.0.0.1 (an ephemeral port) and its URL, for one test."""
    api = GadgetApi()
    with serve_json(lambda verb, path, _query, body: api.answer(verb, path, body)) as url:
        yield api, url


# What both targets must send, step by step (asserted by each target's test).
CREATE_BODY = {"enabled": False, "options": {}, "tags": {"a": "1"}, "size": 3}
CREATE_CALLS = [
    ("POST", COLLECTION, CREATE_BODY),
    ("GET", OPERATIONS + "op-1", None),
    ("GET", COLLECTION + "/g-1", None),
]
UPDATE_CALLS = [
    ("GET", COLLECTION + "/g-1", None),  # the fingerprint, read just before
    ("POST", COLLECTION + "/g-1:setTags", {"tags": {"a": "2"}, "tagFingerprint": "fp-1"}),
    ("GET", OPERATIONS + "op-2", None),
    ("POST", COLLECTION + "/g-1:resize", {"size": 5}),
    ("GET", OPERATIONS + "op-3", None),
    ("GET", COLLECTION + "/g-1", None),
]
DELETE_CALLS = [
    ("DELETE", COLLECTION + "/g-1", None),
    ("GET", OPERATIONS + "op-4", None),
]
