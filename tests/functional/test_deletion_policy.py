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

import gadget_api
import pytest
from fn_helpers import decode, errors, generate_provider, path_of
from gadget_driver import TYPE, apply_in_place, configured, gadget_config
from tf.gen import tfplugin_pb2 as pb

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "python-rest" / "mmv1"
GADGET = gadget_api.COLLECTION + "/g-1"
GADGET_ID = "projects/p1/locations/l1/gadgets/g-1"
# The only delete of the life cycle (test_deletion_policy_go.py expects it too).
DELETE_CALLS = [("DELETE", GADGET, None), ("GET", gadget_api.OPERATIONS + "op-2", None)]


@pytest.fixture(scope="module")
def modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    out = tmp_path_factory.mktemp("gen-mmv1-delpol") / "generated"
    return generate_provider(SPECS, out, "google", spec_format="mmv1")


def test_schema_defaults_the_guard_to_delete(modules: dict[str, ModuleType]) -> None:
    with gadget_api.serve() as (api, endpoint):
        d = configured(modules, endpoint)
        planned = decode(d.plan(None, gadget_config(d)).planned_state)
        assert planned["deletion_policy"] == "DELETE"
        assert api.calls == []


def test_prevent_abandon_and_import(modules: dict[str, ModuleType]) -> None:
    with gadget_api.serve() as (api, endpoint):
        d = configured(modules, endpoint)
        state = apply_in_place(d, None, gadget_config(d, deletion_policy="PREVENT"))
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
        state = apply_in_place(d, state, gadget_config(d, deletion_policy="ABANDON"))
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
        planned = d.plan(state, gadget_config(d))
        assert decode(planned.planned_state)["deletion_policy"] == "DELETE"
        assert "deletion_policy" not in {path_of(p)[0] for p in planned.requires_replace}

        # DELETE: deleted as usual.
        destroyed = d.destroy(state)
        assert list(destroyed.diagnostics) == []
        # The import reads the gadget, then the refresh does: two GETs, one DELETE.
        imports = [("GET", GADGET, None)] * 2
        assert api.calls == gadget_api.CREATE_CALLS + imports + DELETE_CALLS
        assert api.gadgets == {}
