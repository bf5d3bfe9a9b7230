"""The go target's `parent_id` on the wire: the life cycle of test_parent_id.py (python
target), run by the Go test `TestTapParentID` (tests/fixtures/go-wire/
tap_parent_id_test.go.tmpl) in the generated kitchen package against the emulator; the
requests it logged are checked here.

Needs the Go toolchain; Go modules come from the module cache or the Go module proxy.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest
from fn_helpers import SUBSCRIPTION, Driver, go_module_with_test, run_go_test
from test_kitchen_crud import sink_config

from generator.emulator import load_emulator

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "gen-specs"
WIRE_TEST = REPO / "tests" / "fixtures" / "go-wire" / "tap_parent_id_test.go.tmpl"
SINK_ID = f"/subscriptions/{SUBSCRIPTION}/sinks/sink-a"
TAP_ID = SINK_ID + "/taps/tap-1"

pytestmark = pytest.mark.skipif(
    shutil.which("go") is None, reason="the Go toolchain (go) is not on PATH"
)


def test_go_fills_and_parses_the_parents_id(
    tmp_path: Path, kitchen_modules: dict[str, ModuleType]
) -> None:
    module = go_module_with_test(
        SPECS,
        tmp_path / "out",
        WIRE_TEST,
        "internal/services/kitchen/tap_parent_id_test.go",
        spec_format="auto",
    )
    with load_emulator(str(SPECS)) as emu:
        # The parent first (the emulator, as ARM, refuses a child under none), by the python
        # provider: the Go test drives the tap alone.
        sink = Driver(kitchen_modules, "kitchen_sink")
        assert sink.configure(emu.url) == []
        _, applied = sink.create(sink_config(sink))
        assert list(applied.diagnostics) == []
        before = len(emu.requests)
        run_go_test(module, "TestTapParentID", "./internal/services/kitchen/", emu.url)
        # The same URL as the python target's: the sink's id, slashes kept, then the tap's.
        calls = emu.requests[before:]
        assert {r.path for r in calls if r.method in ("PUT", "DELETE")} == {TAP_ID}
        assert {r.path for r in calls if r.method == "GET"} == {TAP_ID}
        assert [r["id"] for r in emu.resources()] == [SINK_ID]
