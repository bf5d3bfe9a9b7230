"""The python target's Magic Modules REST mappings, end to end against a recording server.

The fixture `tests/fixtures/python-rest/mmv1` gives every call a URL of its own
(`create_url` with a query, `update_url`, `delete_url` with a POST), asks for
`updateMask` on updates and sets `id_format`. The generated provider runs in-process
(fn_helpers.Driver) against the emulator in Google mode, whose request log records each
request's method, path and query: the test asserts exactly what was sent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs

import pytest
from fn_helpers import Driver, decode, errors, generate_provider
from tf.gen import tfplugin_pb2 as pb
from tf.utils import to_dynamic_value

from generator.emulator import Emulator, load_emulator

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "python-rest" / "mmv1"
TYPE = "google_widgets_widget"
SELF = "/v1/projects/p1/locations/l1/widgets/w1"


class Api:
    """What the emulator was asked, as (method, path, query) and bodies."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator

    @property
    def calls(self) -> list[tuple[str, str, dict[str, list[str]]]]:
        return [(r.method, r.path, parse_qs(r.query)) for r in self.emulator.requests]

    @property
    def bodies(self) -> list[Any]:
        return [r.body for r in self.emulator.requests]

    def clear(self) -> None:
        self.emulator.clear_log()

    @property
    def widgets(self) -> list[str]:
        return [r["id"] for r in self.emulator.resources()]


@pytest.fixture(scope="module")
def modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    out = tmp_path_factory.mktemp("gen-mmv1-rest") / "generated"
    return generate_provider(SPECS, out, "google", spec_format="mmv1")


@pytest.fixture
def api() -> Iterator[tuple[Api, str]]:
    with load_emulator(str(SPECS / "products")) as emulator:
        yield Api(emulator), emulator.url


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
    server.clear()
    read = widget.read(state)
    assert errors(read.diagnostics) == []
    assert server.calls == [("GET", SELF, {})]

    # Update: PATCH to `update_url`; the mask names the changed API paths only, sorted,
    # nested ones dotted (as the go target's ChangedPaths does).
    server.clear()
    changed = _config(widget, size=5, finish=widget.block("finish", color="blue", glossy=True))
    state = _apply(widget, state, changed)
    assert server.calls == [
        ("PATCH", SELF + ":modify", {"updateMask": ["finish.color,size"]}),
        ("GET", SELF, {}),
    ]
    assert state["size"] == 5 and state["finish"]["color"] == "blue"

    # A field set where it was null is in the mask; one left alone is not.
    server.clear()
    state = _apply(widget, state, _config(widget, size=5, display_name=None, finish=None))
    assert server.calls[0] == (
        "PATCH",
        SELF + ":modify",
        {"updateMask": ["displayName,finish"]},
    )

    # Delete: POST to `delete_url`.
    server.clear()
    destroyed = widget.destroy(state)
    assert list(destroyed.diagnostics) == []
    assert server.calls == [("POST", SELF + ":remove", {})]
    assert server.widgets == []


def test_import_parses_the_id_format_and_reads_the_self_link(
    widget: Driver, api: tuple[Api, str]
) -> None:
    server, _ = api
    _apply(widget, None, _config(widget))
    server.clear()
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

    # An id of another project than the provider's is refused before any request.
    server.clear()
    imported = widget.import_("p2/l1/w1")
    assert errors(imported.diagnostics) and server.calls == []
