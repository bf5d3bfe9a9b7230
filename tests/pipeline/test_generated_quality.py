"""Generated code passes its languages' checks, for every target.

python: black --check, ruff and mypy with the generated project's own settings.
go: gofmt-clean. `go vet` and the generated Go unit tests run in `make gotest` on the
committed trees (generated/go, tests/golden/generate/kitchen/go), which test_golden.py
holds equal to a fresh run; compiling them again here would double that cost.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import KITCHEN_SPECS, SPECS, gen

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module", params=["batchai", "kitchen"])
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    specs = SPECS if request.param == "batchai" else KITCHEN_SPECS
    out = tmp_path_factory.mktemp(request.param) / "generated"
    assert gen(specs, out).exit_code == 0
    return out


@pytest.fixture
def provider_root(generated: Path) -> Path:
    return generated / "python"


@pytest.fixture
def go_module(generated: Path) -> Path:
    return generated / "go"


def _run(tool: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / tool), *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_black_check(provider_root: Path) -> None:
    proc = _run("black", "--check", ".", cwd=provider_root)
    assert proc.returncode == 0, proc.stderr
    assert "would be left unchanged" in proc.stderr


def test_ruff(provider_root: Path) -> None:
    proc = _run("ruff", "check", ".", cwd=provider_root)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy(provider_root: Path) -> None:
    (package,) = [p.name for p in provider_root.glob("terraform_provider_*")]
    proc = _run("mypy", package, "tests", cwd=provider_root)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _go_tool(name: str) -> str:
    found = shutil.which(name) or f"/usr/local/go/bin/{name}"
    if not os.access(found, os.X_OK):
        pytest.fail(f"`{name}` not found: the go target needs the Go toolchain")
    return found


def test_gofmt_clean(go_module: Path) -> None:
    proc = subprocess.run(
        [_go_tool("gofmt"), "-l", "."], cwd=go_module, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "", f"not gofmt-clean: {proc.stdout}"
