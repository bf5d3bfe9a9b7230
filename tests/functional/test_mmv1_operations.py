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

import gadget_api
import pytest
from fn_helpers import generate_provider, path_of
from gadget_driver import apply_in_place, configured, gadget_config

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "python-rest" / "mmv1"


@pytest.fixture(scope="module")
def modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    out = tmp_path_factory.mktemp("gen-mmv1-ops") / "generated"
    return generate_provider(SPECS, out, "google", spec_format="mmv1")


def test_operations_empty_values_and_update_calls(modules: dict[str, ModuleType]) -> None:
    with gadget_api.serve() as (api, endpoint):
        d = configured(modules, endpoint)
        # Create: false is sent (send_empty_value), "" and 0 are not, the empty block is
        # `{}` (allow_empty_object); the operation is polled where the spec says, and the
        # server's name comes from its response.
        state = apply_in_place(d, None, gadget_config(d))
        assert api.calls == gadget_api.CREATE_CALLS
        assert state["name"] == "g-1"
        assert state["id"] == "projects/p1/locations/l1/gadgets/g-1"
        assert state["tag_fingerprint"] == "fp-1"

        # Update: each changed field's own call, the fingerprint read first; no
        # resource-level update (the resource is immutable).
        api.calls.clear()
        state = apply_in_place(d, state, gadget_config(d, tags={"a": "2"}, size=5))
        assert api.calls == gadget_api.UPDATE_CALLS
        assert state["tags"] == {"a": "2"} and state["size"] == 5
        assert state["tag_fingerprint"] == "fp-2"

        # Any other argument still replaces the resource.
        planned = d.plan(state, gadget_config(d, tags={"a": "2"}, size=5, description="new"))
        assert [path_of(p) for p in planned.requires_replace] == [["description"]]

        api.calls.clear()
        destroyed = d.destroy(state)
        assert list(destroyed.diagnostics) == []
        assert api.calls == gadget_api.DELETE_CALLS
        assert api.gadgets == {}
