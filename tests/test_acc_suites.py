"""`make acctest` finds its suites with tests/tools/acc_suites.py: every generated python
acceptance folder and Go module with acceptance tests, each with the spec tree its
manifest names."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("acc_suites", REPO / "tests/tools/acc_suites.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["acc_suites"] = module
    spec.loader.exec_module(module)
    return module


acc = _tool()


def _write(path: Path, text: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _output(root: Path, out: str, specs_rel: str, resources: list[str]) -> None:
    files = [
        {"path": "python/x.py", "spec": f"{specs_rel}/{r}", "template": "t", "product": "p"}
        for r in resources
    ]
    files.append({"path": "go/go.mod", "spec": f"{specs_rel}/provider.yaml", "product": "(p)"})
    _write(root / out / ".mmgen-manifest.json", json.dumps({"files": files}))
    _write(root / out / "python/tests/acceptance/harness.py")
    _write(root / out / "python/tests/acceptance/test_p_r.py")
    _write(root / out / "go/go.mod", "module x\n")
    _write(root / out / "go/internal/services/p/r_resource_test.go", "func TestAccR_basic(t) {}\n")


def test_finds_every_suite_with_its_spec_tree(tmp_path: Path) -> None:
    for rel in ("specs/provider.yaml", "specs/a/r.yaml", "tests/fixtures/new-specs/b/s.yaml"):
        _write(tmp_path / rel)
    _write(tmp_path / "tests/fixtures/new-specs/provider.yaml")
    _output(tmp_path, "generated", "specs", ["a/r.yaml"])
    # A new golden tree: found without any list naming it.
    _output(tmp_path, "tests/golden/generate/new", "new-specs", ["b/s.yaml"])
    # Not suites: a unit-only Go module, an acceptance folder without tests.
    _write(tmp_path / "tests/golden/other/go.mod", "module y\n")
    _write(tmp_path / "tests/golden/other/a_test.go", "func TestUnit(t) {}\n")
    _write(tmp_path / "tests/golden/empty/tests/acceptance/harness.py")
    python = acc.discover(tmp_path, "python")
    assert [(s.path, s.specs) for s in python] == [
        ("generated/python/tests/acceptance", "specs"),
        ("tests/golden/generate/new/python/tests/acceptance", "tests/fixtures/new-specs"),
    ]
    go = acc.discover(tmp_path, "go")
    assert [(s.path, s.specs) for s in go] == [
        ("generated/go", "specs"),
        ("tests/golden/generate/new/go", "tests/fixtures/new-specs"),
    ]


def test_a_suite_whose_specs_are_gone_is_an_error(tmp_path: Path) -> None:
    _output(tmp_path, "generated", "specs", ["a/r.yaml"])
    with pytest.raises(acc.DiscoveryError, match="no folder `specs`"):
        acc.discover(tmp_path, "python")
    assert acc.main(["python", "--root", str(tmp_path)]) == 1


def test_the_repository_suites(capsys: pytest.CaptureFixture[str]) -> None:
    """The suites `make acctest` ran from its hard-coded lists are all found."""
    assert acc.main(["python", "--root", str(REPO)]) == 0
    lines = capsys.readouterr().out.split()
    assert "generated/python/tests/acceptance=specs" in lines
    assert "tests/golden/generate/kitchen/python/tests/acceptance=tests/fixtures/gen-specs" in lines
    assert acc.main(["go", "--root", str(REPO)]) == 0
    lines = capsys.readouterr().out.split()
    assert lines == [
        "generated/go=specs",
        "tests/golden/generate/kitchen/go=tests/fixtures/gen-specs",
    ]
