"""Google operations, empty values and property-level update calls on the wire: the
python target's provider (in-process, fn_helpers.Driver) against gadget_api's recording
server. The go target's provider is held to the same calls in test_mmv1_operations_go.py.

The fixture's `Gadget` (tests/fixtures/python-rest/mmv1) is immutable but for two fields
with update calls of their own (`tags` with a fingerprint, `size`); its operations are
polled at an `async.operation.base_url` of their own, and the created gadget (whose name
the server chooses) is read from the operation's `response`.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import gadget_api
import pytest
from fn_helpers import Driver, decode, errors, generate_provider, path_of
from tf.gen import tfplugin_pb2 as pb
from tf.utils import to_dynamic_value

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "python-rest" / "mmv1"
TYPE = "google_widgets_gadget"


@pytest.fixture(scope="module")
def modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    out = tmp_path_factory.mktemp("gen-mmv1-ops") / "generated"
    return generate_provider(SPECS, out, "google", spec_format="mmv1")


def _driver(modules: dict[str, ModuleType], endpoint: str) -> Driver:
    driver = Driver(modules, TYPE)
    config = {"endpoint": endpoint, "token": "t", "project": "p1", "max_retries": 0}
    resp = driver.servicer.ConfigureProvider(
        pb.ConfigureProvider.Request(config=to_dynamic_value(config)), None
    )
    assert errors(resp.diagnostics) == []
    return driver


def _config(d: Driver, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = dict(
        location="l1",
        description="",
        enabled=False,
        count=0,
        options=d.block("options"),
        tags={"a": "1"},
        size=3,
    )
    values.update(overrides)
    return d.config(**values)


def _apply(d: Driver, prior: Any, config: Any) -> dict[str, Any]:
    planned = d.plan(prior, config)
    assert errors(planned.diagnostics) == [], list(planned.diagnostics)
    assert [path_of(p) for p in planned.requires_replace] == []
    applied = d.apply(prior, planned.planned_state, config)
    assert list(applied.diagnostics) == []
    state: dict[str, Any] = decode(applied.new_state)
    return state


def test_operations_empty_values_and_update_calls(modules: dict[str, ModuleType]) -> None:
    with gadget_api.serve() as (api, endpoint):
        d = _driver(modules, endpoint)
        # Create: false is sent (send_empty_value), "" and 0 are not, the empty block is
        # `{}` (allow_empty_object); the operation is polled where the spec says, and the
        # server's name comes from its response.
        state = _apply(d, None, _config(d))
        assert api.calls == gadget_api.CREATE_CALLS
        assert state["name"] == "g-1"
        assert state["id"] == "projects/p1/locations/l1/gadgets/g-1"
        assert state["tag_fingerprint"] == "fp-1"

        # Update: each changed field's own call, the fingerprint read first; no
        # resource-level update (the resource is immutable).
        api.calls.clear()
        state = _apply(d, state, _config(d, tags={"a": "2"}, size=5))
        assert api.calls == gadget_api.UPDATE_CALLS
        assert state["tags"] == {"a": "2"} and state["size"] == 5
        assert state["tag_fingerprint"] == "fp-2"

        # Any other argument still replaces the resource.
        planned = d.plan(state, _config(d, tags={"a": "2"}, size=5, description="new"))
        assert [path_of(p) for p in planned.requires_replace] == [["description"]]

        api.calls.clear()
        destroyed = d.destroy(state)
        assert list(destroyed.diagnostics) == []
        assert api.calls == gadget_api.DELETE_CALLS
        assert api.gadgets == {}
