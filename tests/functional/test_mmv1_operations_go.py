"""The go target's provider on the wire: the same Gadget life cycle as
test_mmv1_operations.py (python target), the same recording server (gadget_api), the
same requests expected. The resource's Create/Update/Delete run in a Go test
(tests/fixtures/go-wire/gadget_wire_test.go.tmpl) copied into the generated package.

Needs the Go toolchain; Go modules come from the module cache or the Go module proxy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import gadget_api
import pytest
from fn_helpers import go_module_with_test, run_go_test

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "python-rest" / "mmv1"
WIRE_TEST = REPO / "tests" / "fixtures" / "go-wire" / "gadget_wire_test.go.tmpl"

pytestmark = pytest.mark.skipif(
    shutil.which("go") is None, reason="the Go toolchain (go) is not on PATH"
)


def test_go_sends_what_python_sends(tmp_path: Path) -> None:
    module = go_module_with_test(
        SPECS, tmp_path / "out", WIRE_TEST, "internal/services/widgets/gadget_wire_test.go"
    )
    with gadget_api.serve() as (api, endpoint):
        run_go_test(module, "TestGadgetWire", "./internal/services/widgets/", endpoint)
        expected = gadget_api.CREATE_CALLS + gadget_api.UPDATE_CALLS + gadget_api.DELETE_CALLS
        assert api.calls == expected
        assert api.gadgets == {}
