"""The go target's required blocks, validated as Terraform validates a configuration:
a required block (single, list, set) inside an optional block is required only where
that block is written, at any depth and inside lists of blocks; a required block at the
top level always is. The Holder fixture (tests/fixtures/go-validate/mmv1) has each shape;
the Go test (tests/fixtures/go-validate/holder_validate_test.go.tmpl) is copied into the
generated provider package and validates configurations through its protocol server.

Needs the Go toolchain; Go modules come from the module cache or the Go module proxy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fn_helpers import go_module_with_test, run_go_test

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "go-validate" / "mmv1"
VALIDATE_TEST = REPO / "tests" / "fixtures" / "go-validate" / "holder_validate_test.go.tmpl"

pytestmark = pytest.mark.skipif(
    shutil.which("go") is None, reason="the Go toolchain (go) is not on PATH"
)


def test_required_blocks_apply_where_their_block_is_written(tmp_path: Path) -> None:
    module = go_module_with_test(
        SPECS, tmp_path / "out", VALIDATE_TEST, "internal/provider/holder_validate_test.go"
    )
    schema = (module / "internal" / "services" / "shapes" / "holder_resource.go").read_text(
        encoding="utf-8"
    )
    # Top level: plainly required; inside an optional block: only where it is written.
    assert schema.count("mmgen.InBlockObject(objectvalidator.IsRequired())") == 3
    assert schema.count("mmgen.InBlockList(listvalidator.IsRequired())") == 1
    assert schema.count("mmgen.InBlockSet(setvalidator.IsRequired())") == 1
    assert schema.count("objectvalidator.IsRequired()") == 4
    stdout = run_go_test(module, "TestHolderRequiredBlocks", "./internal/provider/")
    assert stdout.count("    --- PASS: TestHolderRequiredBlocks/") == 9, stdout[-2000:]
