"""The go target's output builds, vets and passes its own unit tests, for every kind of
spec tree: mmgen's own specs, the kitchen fixture (every type and flag), a Magic Modules
tree with several products (one provider), and an Azure Magic Modules tree.

Needs the Go toolchain; Go modules come from the module cache or the Go module proxy.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.api import run_generate

REPO = Path(__file__).resolve().parents[2]
TREES = {
    "batchai": (REPO / "specs", "auto", 1),
    "kitchen": (REPO / "tests" / "fixtures" / "gen-specs", "auto", 1),
    "mmv1": (REPO / "tests" / "fixtures" / "go-build" / "mmv1" / "products", "mmv1", 3),
    "azure-mm": (REPO / "tests" / "fixtures" / "loaders" / "azure-mm", "azure-mm", 1),
    # Shapes Magic Modules accepts (tests/loaders/test_mmv1_quirks.py): list and object
    # `url_param_only` fields, a self link with an emptied placeholder, output Enums as
    # Strings. Its `Cluster` is left out (an Array in its create URL).
    "mmv1-quirks": (
        REPO / "tests" / "fixtures" / "loaders" / "mmv1-quirks" / "products",
        "mmv1",
        1,
    ),
    # project from the provider, self_link, labels with default_labels, annotations
    "mmv1-fields": (REPO / "tests" / "fixtures" / "python-rest" / "mmv1" / "products", "mmv1", 1),
    # `exclude_import`: a resource without ImportState beside importable ones
    "mmv1-import": (
        REPO / "tests" / "fixtures" / "loaders" / "mmv1-import" / "products",
        "mmv1",
        1,
    ),
}

pytestmark = pytest.mark.skipif(
    shutil.which("go") is None, reason="the Go toolchain (go) is not on PATH"
)


def _go(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["go", *args], cwd=cwd, capture_output=True, text=True, timeout=900)


@pytest.mark.parametrize("tree", sorted(TREES))
def test_generated_go_builds_vets_and_passes_unit_tests(tree: str, tmp_path: Path) -> None:
    specs, fmt, products = TREES[tree]
    out = tmp_path / "out"
    outcome = run_generate(str(specs), str(out), target="go", spec_format=fmt)
    assert outcome.exit_code == 0, [d.to_text() for d in outcome.diagnostics if d.is_error]
    module = out / "go"
    services = sorted(p.name for p in (module / "internal" / "services").iterdir())
    assert len(services) == products, services
    gofmt = subprocess.run(["gofmt", "-l", "."], cwd=module, capture_output=True, text=True)
    assert gofmt.stdout == "", f"not gofmt-clean: {gofmt.stdout}"
    vet = _go(["vet", "./..."], module)
    assert vet.returncode == 0, vet.stdout + vet.stderr
    test = _go(["test", "-count=1", "./..."], module)
    assert test.returncode == 0, test.stdout + test.stderr
    # Every resource has its unit test, and it ran (not skipped, not absent).
    unit_tests = list(module.rglob("*_unit_test.go"))
    resources = list(module.rglob("*_resource.go"))
    assert unit_tests and len(unit_tests) == len(resources)
    ran = _go(
        ["test", "-count=1", "-run", "^TestExpandFlatten", "-v", "./internal/services/..."], module
    )
    assert ran.stdout.count("--- PASS: TestExpandFlatten") == len(resources), ran.stdout[-2000:]


def test_a_broken_expand_fails_the_unit_test(tmp_path: Path) -> None:
    """The unit test is not a formality: a wrong API path in expand makes it fail."""
    out = tmp_path / "out"
    assert run_generate(str(REPO / "specs"), str(out), target="go").exit_code == 0
    source = next((out / "go" / "internal" / "services" / "batchai").glob("*_resource.go"))
    text = source.read_text(encoding="utf-8")
    assert 'mmgen.Put(body, m.Path.ValueString(), "path")' in text
    source.write_text(
        text.replace(
            'mmgen.Put(body, m.Path.ValueString(), "path")',
            'mmgen.Put(body, m.Path.ValueString(), "pathh")',
        ),
        encoding="utf-8",
    )
    test = _go(["test", "-count=1", "./internal/services/..."], out / "go")
    assert test.returncode != 0
    assert "--- FAIL: TestExpandFlattenBatchAiJob" in test.stdout
