"""The destroy guard (`Resource.deletion_policy`, the mmv1 loader's `deletion_policy`
argument) on the wire, python target: `PREVENT` refuses to destroy and sends nothing,
`ABANDON` forgets the resource and sends nothing, `DELETE` deletes; an import sets it to
its default. The go target is held to the same requests in test_deletion_policy_go.py.

The fixture's `Gadget` (tests/fixtures/python-rest/mmv1) is immutable, so this also shows
that changing the guard never replaces the resource.
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
GADGET = gadget_api.COLLECTION + "/g-1"
GADGET_ID = "projects/p1/locations/l1/gadgets/g-1"
# The only delete of the life cycle (test_deletion_policy_go.py expects it too).
DELETE_CALLS = [("DELETE", GADGET, None), ("GET", gadget_api.OPERATIONS + "op-2", None)]


@pytest.fixture(scope="module")
def modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    out = tmp_path_factory.mktemp("gen-mmv1-delpol") / "generated"
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


def test_schema_defaults_the_guard_to_delete(modules: dict[str, ModuleType]) -> None:
    with gadget_api.serve() as (api, endpoint):
        d = _driver(modules, endpoint)
        planned = decode(d.plan(None, _config(d)).planned_state)
        assert planned["deletion_policy"] == "DELETE"
        assert api.calls == []


def test_prevent_abandon_and_import(modules: dict[str, ModuleType]) -> None:
    with gadget_api.serve() as (api, endpoint):
        d = _driver(modules, endpoint)
        state = _apply(d, None, _config(d, deletion_policy="PREVENT"))
        assert state["deletion_policy"] == "PREVENT"
        assert api.calls == gadget_api.CREATE_CALLS

        # PREVENT: destroy fails, says how to proceed, sends nothing, keeps the state.
        refused = d.destroy(state)
        (error,) = errors(refused.diagnostics)
        assert error.summary == f"{TYPE}: destroy prevented by deletion_policy"
        assert 'deletion_policy = "DELETE"' in error.detail and GADGET_ID in error.detail
        assert decode(refused.new_state) == state
        assert api.calls == gadget_api.CREATE_CALLS

        # Changing the guard is a state-only update, even on an immutable resource.
        state = _apply(d, state, _config(d, deletion_policy="ABANDON"))
        assert state["deletion_policy"] == "ABANDON"
        assert api.calls == gadget_api.CREATE_CALLS

        # ABANDON: gone from state with a warning, still in the API, nothing sent.
        abandoned = d.destroy(state)
        assert errors(abandoned.diagnostics) == []
        (warning,) = list(abandoned.diagnostics)
        assert warning.severity == pb.Diagnostic.WARNING
        assert "still exists in the API" in warning.detail
        assert decode(abandoned.new_state) is None
        assert api.calls == gadget_api.CREATE_CALLS
        assert list(api.gadgets) == [GADGET]

        # Import: the guard takes its default, which the read keeps and the plan agrees with.
        imported = d.import_(GADGET_ID)
        assert errors(imported.diagnostics) == []
        state = decode(imported.imported_resources[0].state)
        assert state["deletion_policy"] == "DELETE"
        state = decode(d.read(state).new_state)
        assert state["deletion_policy"] == "DELETE"
        planned = d.plan(state, _config(d))
        assert decode(planned.planned_state)["deletion_policy"] == "DELETE"
        assert "deletion_policy" not in {path_of(p)[0] for p in planned.requires_replace}

        # DELETE: deleted as usual.
        destroyed = d.destroy(state)
        assert list(destroyed.diagnostics) == []
        # The import reads the gadget, then the refresh does: two GETs, one DELETE.
        imports = [("GET", GADGET, None)] * 2
        assert api.calls == gadget_api.CREATE_CALLS + imports + DELETE_CALLS
        assert api.gadgets == {}
