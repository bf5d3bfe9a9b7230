"""The go target's destroy guard on the wire: the life cycle of test_deletion_policy.py
(python target) against the same recording server (gadget_api), run by the Go test
`TestGadgetDeletionPolicy` (tests/fixtures/go-wire/gadget_wire_test.go.tmpl) in the
generated package: PREVENT and ABANDON send nothing, the import sets DELETE, which deletes.

Needs the Go toolchain; Go modules come from the module cache or the Go module proxy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import gadget_api
import pytest
from fn_helpers import go_module_with_test, run_go_test
from test_deletion_policy import DELETE_CALLS, GADGET

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "python-rest" / "mmv1"
WIRE_TEST = REPO / "tests" / "fixtures" / "go-wire" / "gadget_wire_test.go.tmpl"

pytestmark = pytest.mark.skipif(
    shutil.which("go") is None, reason="the Go toolchain (go) is not on PATH"
)


def test_go_guards_destroy_as_python_does(tmp_path: Path) -> None:
    module = go_module_with_test(
        SPECS, tmp_path / "out", WIRE_TEST, "internal/services/widgets/gadget_wire_test.go"
    )
    with gadget_api.serve() as (api, endpoint):
        run_go_test(module, "TestGadgetDeletionPolicy", "./internal/services/widgets/", endpoint)
        # No write but the create and the delete. Go's update, where no update call is
        # due, still reads the gadget back (python's sends nothing); its import reads
        # nothing itself, the refresh after it does.
        reads = [("GET", GADGET, None)] * 2
        assert api.calls == gadget_api.CREATE_CALLS + reads + DELETE_CALLS
        assert api.gadgets == {}
