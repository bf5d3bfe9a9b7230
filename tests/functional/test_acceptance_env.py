"""Examples whose values come from the environment (`vars.<x>.env`): the generated Python
acceptance harness reads the variable, takes the emulator value only against the
emulator, skips against a real API when it is unset, and writes the value HCL-escaped.
The Go side (`acctest.Env` / `acctest.Config`) runs live in `make acctest` on the same
kitchen example; this test runs the committed golden harness itself."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
ACCEPTANCE = REPO / "tests" / "golden" / "generate" / "kitchen" / "python" / "tests" / "acceptance"
SINK_TEST = ACCEPTANCE / "test_kitchen_sink.py"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated() -> ModuleType:
    """The golden kitchen acceptance package (harness + the sink's cases), as a package."""
    pkg = ModuleType("kitchen_acceptance")
    pkg.__path__ = [str(ACCEPTANCE)]
    sys.modules["kitchen_acceptance"] = pkg
    for sub in ("terraform", "harness"):
        _load(f"kitchen_acceptance.{sub}", ACCEPTANCE / f"{sub}.py")
    return _load("kitchen_acceptance.test_kitchen_sink", SINK_TEST)


class _Backend:
    def __init__(self, emulated: bool) -> None:
        self.emulated = emulated


def _acceptance(generated: ModuleType, tmp_path: Path, emulated: bool) -> object:
    harness = sys.modules["kitchen_acceptance.harness"]
    return harness.Acceptance(tmp_path, {}, "", _Backend(emulated))  # type: ignore[arg-type]


def test_the_case_names_its_variable(generated: ModuleType) -> None:
    case = generated.CASES["basic"]
    assert case.env == (("KITCHEN_TEST_LOCATION", "westeurope"),)
    assert '"{env:KITCHEN_TEST_LOCATION}"' in case.config
    assert all("{env:KITCHEN_TEST_LOCATION}" in config for config, _, _, _ in case.changes)


def test_emulator_value_only_against_the_emulator(
    generated: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KITCHEN_TEST_LOCATION", raising=False)
    harness = sys.modules["kitchen_acceptance.harness"]
    monkeypatch.setattr(harness, "which_terraform", lambda: None)
    case = generated.CASES["basic"]
    emulated = _acceptance(generated, tmp_path / "e", emulated=True)
    emulated._skip_if_needed(case)  # type: ignore[attr-defined]
    assert emulated.env_values == {"KITCHEN_TEST_LOCATION": "westeurope"}  # type: ignore[attr-defined]
    real = _acceptance(generated, tmp_path / "r", emulated=False)
    with pytest.raises(pytest.skip.Exception, match="set KITCHEN_TEST_LOCATION"):
        real._skip_if_needed(case)  # type: ignore[attr-defined]


def test_a_set_variable_wins_and_is_written_escaped(
    generated: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITCHEN_TEST_LOCATION", 'north"europe ${x}\\')
    harness = sys.modules["kitchen_acceptance.harness"]
    monkeypatch.setattr(harness, "which_terraform", lambda: None)
    case = generated.CASES["basic"]
    acc = _acceptance(generated, tmp_path, emulated=True)
    acc._skip_if_needed(case)  # type: ignore[attr-defined]
    folder = tmp_path / "w"
    folder.mkdir()

    class _Tf:
        workdir = folder

    acc._write(_Tf(), case.config)  # type: ignore[attr-defined]
    text = (folder / "main.tf").read_text()
    assert 'location = "north\\"europe $${x}\\\\"' in text
    assert "{env:" not in text and "{random}" not in text
