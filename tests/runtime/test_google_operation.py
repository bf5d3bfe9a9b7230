"""The `operation` async style: Google long-running Operations polled over real HTTP."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from mmgen_runtime.lro import ArmPoller, OperationFailed
from mmgen_runtime.timeouts import Deadline
from mmgen_runtime.transport import HttpClient, Response, error_from_response


class _Ops(BaseHTTPRequestHandler):
    polls: dict[str, int] = {}
    fail = False

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        count = self.polls.get(self.path, 0) + 1
        self.polls[self.path] = count
        name = self.path.removeprefix("/v1/")  # names are relative to the versioned endpoint
        body: dict[str, Any] = {"name": name, "done": count >= 2}
        if body["done"] and self.fail:
            body["error"] = {"code": 9, "message": "quota exceeded"}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Ops.polls = {}
    _Ops.fail = False
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Ops)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1/"
    finally:
        httpd.shutdown()


class _Initial:
    """The create response: an unfinished Operation."""

    status = 200

    def __init__(self, name: str) -> None:
        self._body = {"name": name, "done": False}

    def json(self) -> Any:
        return self._body

    def header(self, name: str) -> str | None:
        return None


def test_polls_until_done(server: str) -> None:
    poller = ArmPoller(HttpClient(max_retries=0), poll_interval=0.0)
    initial: Any = _Initial("projects/p/operations/op-1")
    poller.wait_for_google_operation(initial, server, Deadline(10))
    assert _Ops.polls == {"/v1/projects/p/operations/op-1": 2}


def test_failed_operation_is_an_error(server: str) -> None:
    _Ops.fail = True
    poller = ArmPoller(HttpClient(max_retries=0), poll_interval=0.0)
    initial: Any = _Initial("operations/op-2")
    with pytest.raises(OperationFailed) as err:
        poller.wait_for_google_operation(initial, server, Deadline(10))
    assert "quota exceeded" in str(err.value.message)
    # The google.rpc.Code number is named, as the go target names it.
    assert (err.value.status, err.value.code) == ("DONE", "FAILED_PRECONDITION")


def test_a_finished_or_plain_response_needs_no_polling(server: str) -> None:
    poller = ArmPoller(HttpClient(max_retries=0), poll_interval=0.0)
    done: Any = _Initial("operations/op-3")
    done._body["done"] = True
    poller.wait_for_google_operation(done, server, Deadline(10))
    plain: Any = _Initial("x")
    plain._body = {"id": "thing"}
    poller.wait_for_google_operation(plain, server, Deadline(10))
    assert _Ops.polls == {}


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        # Google: the status name wins over the HTTP-like number.
        (
            {"error": {"code": 404, "message": "no such topic", "status": "NOT_FOUND"}},
            "NOT_FOUND",
            "no such topic",
        ),
        # ARM.
        ({"error": {"code": "ResourceNotFound", "message": "gone"}}, "ResourceNotFound", "gone"),
        # Google compute: a list of errors.
        (
            {"error": {"code": 400, "errors": [{"code": "badRequest", "message": "a"}]}},
            "400",
            "a",
        ),
        # OAuth.
        ({"error": "invalid_grant", "error_description": "expired"}, "invalid_grant", "expired"),
    ],
)
def test_error_bodies_of_either_style(body: dict[str, Any], code: str, message: str) -> None:
    resp = Response(404, {}, json.dumps(body).encode(), "https://x/y")
    err = error_from_response(resp, "GET")
    assert (err.status, err.code, err.message) == (404, code, message)


def test_polls_where_the_spec_says_and_returns_the_response(server: str) -> None:
    poller = ArmPoller(HttpClient(max_retries=0), poll_interval=0.0)
    initial: Any = _Initial("op-9")
    initial._body = {"name": "op-9", "metadata": {}}  # pending: JSON leaves out done=false
    asked: list[str] = []

    def poll_url(name: str) -> str:
        asked.append(name)
        return server + "projects/p/operations/" + name.rsplit("/", 1)[-1]

    response = poller.wait_for_google_operation(initial, server, Deadline(10), poll_url)
    # This server answers with full names; the spec's URL takes the last segment.
    assert asked == ["op-9", "projects/p/operations/op-9"]
    assert _Ops.polls == {"/v1/projects/p/operations/op-9": 2}
    assert response is None  # this server's operations carry no `response`
    done: Any = _Initial("op-10")
    done._body = {"name": "op-10", "done": True, "response": {"name": "g-1"}}
    assert poller.wait_for_google_operation(done, server, Deadline(10)) == {"name": "g-1"}
