"""The go target's `parent_id` on the wire: the life cycle of test_parent_id.py (python
target), run by the Go test `TestTapParentID` (tests/fixtures/go-wire/
tap_parent_id_test.go.tmpl) in the generated kitchen package against the emulator; the
requests it logged are checked here.

Needs the Go toolchain; Go modules come from the module cache or the Go module proxy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fn_helpers import SUBSCRIPTION, go_module_with_test, run_go_test

from generator.emulator import load_emulator

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "gen-specs"
WIRE_TEST = REPO / "tests" / "fixtures" / "go-wire" / "tap_parent_id_test.go.tmpl"
TAP_ID = f"/subscriptions/{SUBSCRIPTION}/sinks/sink-a/taps/tap-1"

pytestmark = pytest.mark.skipif(
    shutil.which("go") is None, reason="the Go toolchain (go) is not on PATH"
)


def test_go_fills_and_parses_the_parents_id(tmp_path: Path) -> None:
    module = go_module_with_test(
        SPECS,
        tmp_path / "out",
        WIRE_TEST,
        "internal/services/kitchen/tap_parent_id_test.go",
        spec_format="auto",
    )
    with load_emulator(str(SPECS)) as emu:
        run_go_test(module, "TestTapParentID", "./internal/services/kitchen/", emu.url)
        # The same URL as the python target's: the sink's id, slashes kept, then the tap's.
        assert {r.path for r in emu.requests if r.method in ("PUT", "DELETE")} == {TAP_ID}
        assert {r.path for r in emu.requests if r.method == "GET"} == {TAP_ID}
        assert emu.resources() == []
