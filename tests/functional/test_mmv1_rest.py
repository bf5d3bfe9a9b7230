"""The python target's Magic Modules REST mappings, end to end against a recording server.

The fixture `tests/fixtures/python-rest/mmv1` gives every call a URL of its own
(`create_url` with a query, `update_url`, `delete_url` with a POST), asks for
`updateMask` on updates and sets `id_format`. The generated provider runs in-process
(fn_helpers.Driver) against a tiny HTTP server on 127.0.0.1 that keeps one widget and
records each request's method, path and query: the test asserts exactly what was sent.
The repo's emulator speaks ARM only, hence the server here.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fn_helpers import Driver, decode, errors, generate_provider, path_of
from tf.gen import tfplugin_pb2 as pb
from tf.utils import to_dynamic_value

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "python-rest" / "mmv1"
TYPE = "google_widgets_widget"
SELF = "/v1/projects/p1/locations/l1/widgets/w1"


class Api:
    """What the server holds and what it was asked."""

    def __init__(self) -> None:
        self.widgets: dict[str, dict[str, Any]] = {}
        self.calls: list[tuple[str, str, dict[str, list[str]]]] = []
        self.bodies: list[Any] = []


def _handler(api: Api) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep pytest's output clean

        def _reply(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            api.calls.append((self.command, parts.path, parse_qs(parts.query)))
            api.bodies.append(body)
            path, verb = parts.path, self.command
            if verb == "POST" and path.endswith("/widgets"):
                widget_id = parse_qs(parts.query)["widgetId"][0]
                full = f"{path.removeprefix('/v1/')}/{widget_id}"
                api.widgets[f"{path}/{widget_id}"] = {**(body or {}), "name": full}
                return self._reply(200, api.widgets[f"{path}/{widget_id}"])
            if verb == "GET" and path in api.widgets:
                return self._reply(200, api.widgets[path])
            if verb == "PATCH" and path.endswith(":modify"):
                key = path.removesuffix(":modify")
                if key in api.widgets:
                    api.widgets[key] = {**(body or {}), "name": api.widgets[key]["name"]}
                    return self._reply(200, api.widgets[key])
            if verb == "POST" and path.endswith(":remove"):
                if api.widgets.pop(path.removesuffix(":remove"), None) is not None:
                    return self._reply(200, {})
            self._reply(404, {"error": {"code": 404, "message": f"no {path}"}})

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    return Handler


@pytest.fixture(scope="module")
def modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    out = tmp_path_factory.mktemp("gen-mmv1-rest") / "generated"
    return generate_provider(SPECS, out, "google", spec_format="mmv1")


@pytest.fixture
def api() -> Iterator[tuple[Api, str]]:
    state = Api()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def widget(modules: dict[str, ModuleType], api: tuple[Api, str]) -> Driver:
    driver = Driver(modules, TYPE)
    config = {"endpoint": api[1], "token": "t", "project": "p1", "max_retries": 0}
    resp = driver.servicer.ConfigureProvider(
        pb.ConfigureProvider.Request(config=to_dynamic_value(config)), None
    )
    assert errors(resp.diagnostics) == []
    return driver


def _config(d: Driver, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = dict(
        location="l1",
        widget_id="w1",
        display_name="first",
        size=3,
        finish=d.block("finish", color="red", glossy=True),
    )
    values.update(overrides)
    return d.config(**values)


def _apply(d: Driver, prior: Any, config: Any) -> dict[str, Any]:
    planned = d.plan(prior, config)
    assert errors(planned.diagnostics) == [], list(planned.diagnostics)
    applied = d.apply(prior, planned.planned_state, config)
    assert list(applied.diagnostics) == []
    state: dict[str, Any] = decode(applied.new_state)
    return state


def test_each_call_uses_its_own_url_verb_and_update_mask(
    widget: Driver, api: tuple[Api, str]
) -> None:
    server, _ = api
    state = _apply(widget, None, _config(widget))
    # Create: POST to `create_url`, its own query kept; then a read of the self link.
    assert server.calls == [
        ("POST", "/v1/projects/p1/locations/l1/widgets", {"widgetId": ["w1"]}),
        ("GET", SELF, {}),
    ]
    assert server.bodies[0] == {
        "displayName": "first",
        "size": 3,
        "finish": {"color": "red", "glossy": True},
    }
    assert state["id"] == "p1/l1/w1"  # id_format, not the self link
    assert state["name"] == "projects/p1/locations/l1/widgets/w1"

    # Read: the self link.
    server.calls.clear()
    read = widget.read(state)
    assert errors(read.diagnostics) == []
    assert server.calls == [("GET", SELF, {})]

    # Update: PATCH to `update_url`; the mask names the changed API paths only, sorted,
    # nested ones dotted (as the go target's ChangedPaths does).
    server.calls.clear()
    changed = _config(widget, size=5, finish=widget.block("finish", color="blue", glossy=True))
    state = _apply(widget, state, changed)
    assert server.calls == [
        ("PATCH", SELF + ":modify", {"updateMask": ["finish.color,size"]}),
        ("GET", SELF, {}),
    ]
    assert state["size"] == 5 and state["finish"]["color"] == "blue"

    # A field set where it was null is in the mask; one left alone is not.
    server.calls.clear()
    state = _apply(widget, state, _config(widget, size=5, display_name=None, finish=None))
    assert server.calls[0] == (
        "PATCH",
        SELF + ":modify",
        {"updateMask": ["displayName,finish"]},
    )

    # Delete: POST to `delete_url`.
    server.calls.clear()
    destroyed = widget.destroy(state)
    assert list(destroyed.diagnostics) == []
    assert server.calls == [("POST", SELF + ":remove", {})]
    assert server.widgets == {}


def test_import_parses_the_id_format_and_reads_the_self_link(
    widget: Driver, api: tuple[Api, str]
) -> None:
    server, _ = api
    _apply(widget, None, _config(widget))
    server.calls.clear()
    imported = widget.import_("p1/l1/w1")
    assert errors(imported.diagnostics) == []
    state = decode(imported.imported_resources[0].state)
    assert server.calls == [("GET", SELF, {})]
    assert state["id"] == "p1/l1/w1"
    assert (state["location"], state["widget_id"]) == ("l1", "w1")
    assert state["display_name"] == "first"

    # The self link imports too (the spec's first import format); the ID stays id_format.
    imported = widget.import_("projects/p1/locations/l1/widgets/w1")
    assert errors(imported.diagnostics) == []
    assert decode(imported.imported_resources[0].state)["id"] == "p1/l1/w1"

    # `project` is an argument: an id of another project reads that project's widget.
    server.calls.clear()
    imported = widget.import_("p2/l1/w1")
    assert server.calls == [("GET", "/v1/projects/p2/locations/l1/widgets/w1", {})]
    assert errors(imported.diagnostics)  # there is none there

    # A format without the project takes the provider's.
    server.calls.clear()
    imported = widget.import_("l1/w1")
    assert errors(imported.diagnostics) == []
    assert server.calls == [("GET", SELF, {})]
    state = decode(imported.imported_resources[0].state)
    assert (state["project"], state["id"]) == ("p1", "p1/l1/w1")


def test_project_defaults_from_the_provider_and_forces_replacement(
    widget: Driver, api: tuple[Api, str]
) -> None:
    server, _ = api
    # Unset: planned from the provider's `project`, so the plan already knows the id.
    planned = widget.plan(None, _config(widget))
    assert errors(planned.diagnostics) == []
    assert decode(planned.planned_state)["project"] == "p1"
    assert decode(planned.planned_state)["id"] == "p1/l1/w1"
    state = _apply(widget, None, _config(widget))
    assert state["project"] == "p1"
    assert server.calls[0][1] == "/v1/projects/p1/locations/l1/widgets"

    # Still unset on the next plan: the state's value stays, nothing to replace.
    again = widget.plan(state, _config(widget))
    assert decode(again.planned_state)["project"] == "p1"
    assert list(again.requires_replace) == []

    # Set: the configured project wins over the provider's, and changing it replaces.
    moved = widget.plan(state, _config(widget, project="p9"))
    assert decode(moved.planned_state)["project"] == "p9"
    assert [path_of(p) for p in moved.requires_replace] == [["project"]]
    server.calls.clear()
    elsewhere = _apply(widget, None, _config(widget, project="p9", widget_id="w9"))
    assert server.calls[0] == (
        "POST",
        "/v1/projects/p9/locations/l1/widgets",
        {"widgetId": ["w9"]},
    )
    assert elsewhere["project"] == "p9" and elsewhere["id"] == "p9/l1/w9"


def test_labels_are_non_authoritative_and_merged_with_default_labels(
    modules: dict[str, ModuleType], api: tuple[Api, str]
) -> None:
    server, endpoint = api
    driver = Driver(modules, TYPE)
    config = {
        "endpoint": endpoint,
        "token": "t",
        "project": "p1",
        "max_retries": 0,
        "default_labels": {"env": "test", "team": "core"},
    }
    resp = driver.servicer.ConfigureProvider(
        pb.ConfigureProvider.Request(config=to_dynamic_value(config)), None
    )
    assert errors(resp.diagnostics) == []
    labelled = _config(driver, labels={"team": "widgets", "tier": "1"}, annotations={"n": "x"})

    planned = driver.plan(None, labelled)
    plan = decode(planned.planned_state)
    # Planned from the configuration and the provider; what the API will hold is unknown.
    assert plan["terraform_labels"] == {"env": "test", "team": "widgets", "tier": "1"}
    state = _apply(driver, None, labelled)
    # Sent: the labels merged over default_labels (the resource's own win); annotations as set.
    assert server.bodies[0]["labels"] == {"env": "test", "team": "widgets", "tier": "1"}
    assert server.bodies[0]["annotations"] == {"n": "x"}
    assert state["labels"] == {"team": "widgets", "tier": "1"}
    assert state["terraform_labels"] == {"env": "test", "team": "widgets", "tier": "1"}
    assert state["effective_labels"] == {"env": "test", "team": "widgets", "tier": "1"}
    assert state["effective_annotations"] == {"n": "x"}

    # Another client adds a label and an annotation: only the effective views show them.
    stored = server.widgets[SELF]
    stored["labels"] = {**stored["labels"], "owner": "someone"}
    stored["annotations"] = {**stored["annotations"], "m": "y"}
    read = driver.read(state)
    assert errors(read.diagnostics) == []
    state = decode(read.new_state)
    assert state["labels"] == {"team": "widgets", "tier": "1"}
    assert state["terraform_labels"] == {"env": "test", "team": "widgets", "tier": "1"}
    assert state["effective_labels"]["owner"] == "someone"
    assert state["annotations"] == {"n": "x"} and state["effective_annotations"]["m"] == "y"

    # Nothing configured changed: no update is planned for the outside label.
    again = driver.plan(state, labelled)
    assert decode(again.planned_state)["effective_labels"] == state["effective_labels"]

    # Dropping a label of its own: the merged set is sent (the default comes back).
    server.calls.clear()
    fewer = _config(driver, labels={"tier": "1"}, annotations={"n": "x"})
    state = _apply(driver, state, fewer)
    assert server.calls[0] == ("PATCH", SELF + ":modify", {"updateMask": ["labels.team"]})
    assert server.bodies[-2]["labels"] == {"env": "test", "team": "core", "tier": "1"}
    assert state["labels"] == {"tier": "1"}
    assert state["terraform_labels"] == {"env": "test", "team": "core", "tier": "1"}

    # Import: the arguments manage nothing yet; every label is in effective_labels.
    imported = driver.import_("p1/l1/w1")
    assert errors(imported.diagnostics) == []
    got = decode(imported.imported_resources[0].state)
    assert got["labels"] is None and got["terraform_labels"] is None
    assert got["effective_labels"] == {"env": "test", "team": "core", "tier": "1"}
    assert got["self_link"] is None  # the server here sends no selfLink
