"""The go target's nested resources (`nested_query`) against the emulator: the life cycle
of test_nested.py (python target), run by the Go test `TestShelfNested`
(tests/fixtures/go-wire/shelves_nested_test.go.tmpl) in the generated package, with the
same emulator serving the shelves fixture; the requests it logged are checked here.

Needs the Go toolchain; Go modules come from the module cache or the Go module proxy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fn_helpers import go_module_with_test, run_go_test

from generator.emulator import load_emulator

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "nested" / "mmv1"
WIRE_TEST = REPO / "tests" / "fixtures" / "go-wire" / "shelves_nested_test.go.tmpl"

pytestmark = pytest.mark.skipif(
    shutil.which("go") is None, reason="the Go toolchain (go) is not on PATH"
)


def test_go_nested_life_cycle(tmp_path: Path) -> None:
    module = go_module_with_test(
        SPECS, tmp_path / "out", WIRE_TEST, "internal/services/shelves/shelves_nested_test.go"
    )
    with load_emulator(str(SPECS / "products")) as emu:
        run_go_test(module, "TestShelfNested", "./internal/services/shelves/", emu.url)
        # The same calls as the python target's: tags by their own methods, books by
        # PATCHing the shelf with the whole list (masked to it), notes at their URLs.
        assert [c.query for c in emu.calls("POST", ":removeTag")] == ["tagName=t1", "tagName=t2"]
        patches = emu.calls("PATCH", "/shelves/s1", applied=True)
        assert {c.query for c in patches if "/notes" not in c.path} == {"updateMask=books"}
        assert patches[-1].body == {"books": []}
        emma = {"title": "Emma", "pages": 474}
        assert {"books": [emma, {"title": "Ulysses"}]} in [c.body for c in patches]
        note = emu.calls("PATCH", "/notes/n1")[-1]
        assert note.query == "updateMask=text" and note.body == {"name": "n1", "text": "bye"}
        assert emu.resources() == []
