"""The python runtime sends credentials only to its API's own hosts, follows no poll URL
elsewhere, never spins on `Retry-After: 0`, and keeps the token out of every message
(issue 9; the Go support package has the same rules and its own tests)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from mmgen_runtime.lro import ArmPoller
from mmgen_runtime.timeouts import Deadline
from mmgen_runtime.transport import HttpClient, TransportError, origin


class _Recorder(BaseHTTPRequestHandler):
    script: list[tuple[int, dict[str, str], bytes]] = []
    seen: list[tuple[str, str | None]] = []

    def _answer(self) -> None:
        type(self).seen.append((self.path, self.headers.get("Authorization")))
        status, headers, body = type(self).script.pop(0) if type(self).script else (200, {}, b"{}")
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = _answer  # noqa: N815 - http.server's naming

    def log_message(self, *args: Any) -> None:
        pass


def _serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture
def api() -> Iterator[tuple[str, type[_Recorder]]]:
    handler = type("Api", (_Recorder,), {"script": [], "seen": []})
    for url in _serve(handler):
        yield url, handler


@pytest.fixture
def elsewhere() -> Iterator[tuple[str, type[_Recorder]]]:
    handler = type("Elsewhere", (_Recorder,), {"script": [], "seen": []})
    for url in _serve(handler):
        yield url, handler


def _client(api_url: str, token: str = "s3cret-token", **kw: Any) -> HttpClient:
    return HttpClient(lambda: token, max_retries=2, allowed=frozenset({origin(api_url)}), **kw)


def test_requests_to_other_hosts_are_refused_before_sending(
    api: tuple[str, Any], elsewhere: tuple[str, Any]
) -> None:
    (api_url, _), (other_url, other) = api, elsewhere
    with pytest.raises(TransportError, match="not one of the provider's API hosts"):
        _client(api_url).request("GET", other_url + "/steal")
    assert other.seen == []


def test_the_token_goes_to_the_api_host(api: tuple[str, Any]) -> None:
    api_url, handler = api
    assert _client(api_url).request("GET", api_url + "/x").status == 200
    assert handler.seen == [("/x", "Bearer s3cret-token")]


def test_plain_http_only_to_loopback() -> None:
    client = HttpClient(lambda: "t", allowed=frozenset({("http", "api.example.com")}))
    with pytest.raises(TransportError, match="plain HTTP"):
        client.request("GET", "http://api.example.com/x")


def test_a_poll_url_on_another_host_is_not_followed(
    api: tuple[str, Any], elsewhere: tuple[str, Any]
) -> None:
    (api_url, api_handler), (other_url, other) = api, elsewhere
    api_handler.script = [(202, {"Azure-AsyncOperation": other_url + "/op"}, b"")]
    client = _client(api_url)
    initial = client.request("PUT", api_url + "/things/a", {"x": 1})
    poller = ArmPoller(client, poll_interval=0.0, sleep=lambda s: None)
    with pytest.raises(TransportError, match="not one of the provider's API hosts"):
        poller.wait_for_operation(initial, Deadline(30.0, "create"))
    assert other.seen == []  # the token never left for the other host


def test_a_token_with_a_line_break_never_reaches_a_message(api: tuple[str, Any]) -> None:
    api_url, handler = api
    with pytest.raises(TransportError) as info:
        _client(api_url, token="abc\ndef-secret").request("GET", api_url + "/x")
    assert "def-secret" not in str(info.value) and handler.seen == []
    # A trailing newline (a token read from a file) is just stripped.
    assert _client(api_url, token="tok\n").request("GET", api_url + "/y").status == 200
    assert handler.seen[-1] == ("/y", "Bearer tok")


def test_retry_after_zero_does_not_spin(api: tuple[str, Any]) -> None:
    api_url, handler = api
    handler.script = [(429, {"Retry-After": "0"}, b""), (429, {"Retry-After": "0"}, b"")]
    sleeps: list[float] = []
    client = _client(api_url, sleep=sleeps.append, min_wait=0.5)
    assert client.request("GET", api_url + "/x").status == 200
    assert sleeps == [0.5, 0.5]


def test_polling_with_retry_after_zero_waits_at_least_the_floor(api: tuple[str, Any]) -> None:
    api_url, handler = api
    handler.script = [
        (202, {"Location": api_url + "/op", "Retry-After": "0"}, b""),
        (202, {"Location": api_url + "/op", "Retry-After": "0"}, b""),
        (202, {"Location": api_url + "/op", "Retry-After": "0"}, b""),
        (200, {}, b"{}"),
    ]
    client = _client(api_url)
    initial = client.request("PUT", api_url + "/things/a", {})
    sleeps: list[float] = []
    ArmPoller(client, poll_interval=5.0, sleep=sleeps.append).wait_for_operation(
        initial, Deadline(60.0, "create")
    )
    assert sleeps and all(s >= 1.0 for s in sleeps), sleeps


class _Run:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def error(self, summary: str, detail: str, path: Any) -> None:
        self.messages.append(summary + " " + detail)


@pytest.mark.parametrize(
    "kwargs, value",
    [
        ({"regex": "^[a-z]+$"}, "S3CRET-Value"),
        ({"enum_values": ("a", "b")}, "S3CRET-Value"),
    ],
)
def test_a_sensitive_value_that_fails_validation_is_not_echoed(
    kwargs: dict[str, Any], value: str
) -> None:
    from mmgen_runtime.spec import Field
    from mmgen_runtime.validate import _check_scalar

    for sensitive in (True, False):
        run = _Run()
        field = Field(
            "password", kind="string", api_path=("password",), sensitive=sensitive, **kwargs
        )
        _check_scalar(run, field, "string", value, ["password"])  # type: ignore[arg-type]
        assert run.messages, "the value is invalid: there must be a diagnostic"
        assert ("S3CRET" in " ".join(run.messages)) is not sensitive
