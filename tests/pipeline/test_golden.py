"""Golden records: the whole generated tree, compared file by file.

Regenerate with `make golden` (UPDATE_GOLDEN=1) and review `git diff`.
For specs/ the golden record is the committed generated/ folder itself; for the kitchen
fixture it is tests/golden/generate/kitchen/ (`go/` and `python/`, every target).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.api import run_generate
from generator.manifest import MANIFEST_NAME

from .helpers import KITCHEN_SPECS, REPO, SPECS, gen, render, tree

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
CASES = {
    "batchai": (SPECS, REPO / "generated"),
    "kitchen": (KITCHEN_SPECS, REPO / "tests" / "golden" / "generate" / "kitchen"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_tree(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    specs, golden = CASES[case]
    out = tmp_path / "generated"
    # From the repo root, as `make generate` runs: provider-wide banners name provider.yaml
    # by its path from the working directory (a generator bug, pinned by
    # test_determinism.py::test_output_does_not_depend_on_where_the_specs_live[azurerm]).
    monkeypatch.chdir(REPO)
    outcome = run_generate(specs.relative_to(REPO).as_posix(), str(out))
    assert outcome.exit_code == 0, outcome.diagnostics
    if UPDATE:
        # Banners name the output folder, so render into a folder called `generated`
        # and copy; for specs/ that folder is the real generated/.
        if case == "batchai":
            assert gen(specs, golden).exit_code == 0
        else:
            shutil.rmtree(golden, ignore_errors=True)
            shutil.copytree(out, golden)
    got, want = tree(out), tree(golden)
    # The committed generated/ may hold hand-written files next to generated ones; compare
    # what the manifest owns plus the manifest itself.
    assert sorted(got) == sorted(want), "file lists differ; run `make golden` and review the diff"
    for path in sorted(got):
        assert (
            got[path] == want[path]
        ), f"{case}: {path} differs from the golden record (`make golden`)"
    assert MANIFEST_NAME in got
    # `generate` writes every target by default: the golden record holds both.
    assert {path.split("/", 1)[0] for path in got} == {"go", "python", MANIFEST_NAME}


def test_generate_is_pure_in_memory() -> None:
    """generate() returns text for every planned file and writes nothing."""
    before = tree(KITCHEN_SPECS)
    result = render(KITCHEN_SPECS)
    assert tree(KITCHEN_SPECS) == before
    # Both targets, one provider each: the kitchen fixture's provider is `kitchen`.
    assert "python/terraform_provider_kitchen/kitchen/sink.py" in result.files
    assert "go/internal/services/kitchen/sink_resource.go" in result.files
    assert {p.split("/", 1)[0] for p in result.files} == {"go", "python"}
    assert all(f.text.endswith("\n") for f in result.files.values())
