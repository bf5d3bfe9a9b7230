"""Generated code passes black --check, ruff and mypy with its own project settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import KITCHEN_SPECS, SPECS, gen

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module", params=["batchai", "kitchen"])
def provider_root(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    specs = SPECS if request.param == "batchai" else KITCHEN_SPECS
    out = tmp_path_factory.mktemp(request.param) / "generated"
    assert gen(specs, out).exit_code == 0
    return out / "python" / request.param


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
    package = next(p.name for p in provider_root.glob("terraform_provider_*"))
    proc = _run("mypy", package, "tests", cwd=provider_root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
