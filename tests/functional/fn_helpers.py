"""Drive a generated provider in-process: protobuf requests into its RuntimeServicer.

Terraform's side of the protocol is played here: full configuration objects (every key,
nulls where unset), a simplified ProposedNewState, plan -> apply, read, import, destroy.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from tf.gen import tfplugin_pb2 as pb
from tf.utils import read_dynamic_value, to_dynamic_value

from generator.api import run_generate

SUBSCRIPTION = "00000000-0000-0000-0000-000000000000"
TOOLS = Path(__file__).resolve().parents[1] / "tools"


def load_tool(name: str) -> ModuleType:
    """A script of tests/tools (not a package) imported as a module, by file name."""
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate_provider(
    specs: Path, out: Path, provider: str, spec_format: str = "auto"
) -> dict[str, ModuleType]:
    """Generate the python target of `specs` into `out` and import the package of `provider`.

    One spec tree is one provider: its package `terraform_provider_<provider>` sits at
    `python/` under the output folder, whatever products it holds. Returns the package's
    modules by short name (provider, servicer, resource); they stay usable even if another
    test later drops the package from sys.modules.
    """
    outcome = run_generate(str(specs), str(out), target="python", spec_format=spec_format)
    assert outcome.exit_code == 0, outcome.messages + [str(d) for d in outcome.diagnostics]
    root = out / "python"
    package = f"terraform_provider_{provider}"
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        return {
            "provider": importlib.import_module(f"{package}.provider"),
            "servicer": importlib.import_module(f"{package}._runtime.servicer"),
            "resource": importlib.import_module(f"{package}._runtime.resource"),
        }
    finally:
        sys.path.remove(str(root))


def go_module_with_test(
    specs: Path, out: Path, template: Path, dest: str, spec_format: str = "mmv1"
) -> Path:
    """Generate the go provider of a tree (mmv1 unless `spec_format` says) into `out` and
    copy a Go test template into it at `dest` (relative to the module), its `"MODULE/`
    imports pointed at the module. Returns the module folder."""
    import re

    outcome = run_generate(str(specs), str(out), target="go", spec_format=spec_format)
    assert outcome.exit_code == 0, [d.to_text() for d in outcome.diagnostics if d.is_error]
    module = out / "go"
    match = re.search(r"^module (\S+)$", (module / "go.mod").read_text(encoding="utf-8"), re.M)
    assert match is not None
    text = template.read_text(encoding="utf-8").replace('"MODULE/', f'"{match.group(1)}/')
    (module / dest).write_text(text, encoding="utf-8")
    return module


def decode(dv: Any) -> Any:
    return read_dynamic_value(dv)


def errors(diags: Any) -> list[Any]:
    return [d for d in diags if d.severity == pb.Diagnostic.ERROR]


def path_of(attribute_path: Any) -> list[Any]:
    return [getattr(s, s.WhichOneof("selector")) for s in attribute_path.steps]


class Driver:
    """One resource type of one provider, with a configured servicer."""

    def __init__(self, modules: dict[str, ModuleType], type_name: str) -> None:
        self.modules = modules
        provider_cls = modules["provider"].Provider
        self.servicer = modules["servicer"].RuntimeServicer(provider_cls())
        self.type_name = type_name
        self.cls = next(r for r in provider_cls.RESOURCES if r.SPEC.type_name == type_name)
        self.spec = self.cls.SPEC

    def configure(self, endpoint: str, **extra: Any) -> list[Any]:
        config = {
            "endpoint": endpoint,
            "token": "emulator-token",
            "subscription_id": SUBSCRIPTION,
            "max_retries": 4,
            "poll_interval": 0.01,
        }
        config.update(extra)
        resp = self.servicer.ConfigureProvider(
            pb.ConfigureProvider.Request(config=to_dynamic_value(config)), None
        )
        return list(resp.diagnostics)

    # ------------------------------------------------------------------ values

    def config(self, **values: Any) -> dict[str, Any]:
        """A configuration object as Terraform sends it: every key, nulls where unset."""
        conform = self.modules["resource"].conform
        state: dict[str, Any] = conform(self.spec.fields, values)
        if not self.spec.declares_id:
            state["id"] = None
        state["timeouts"] = values.get("timeouts")
        return state

    def block(self, block_path: str, /, **values: Any) -> dict[str, Any]:
        fields = self.spec.fields
        field = None
        for name in block_path.split("."):
            field = next(f for f in fields if f.name == name)
            fields = field.children
        conform = self.modules["resource"].conform
        result: dict[str, Any] = conform(fields, values)
        return result

    def proposed(self, prior: Any, config: Any) -> Any:
        return _proposed(self.spec.fields, prior, config, top=True)

    # ------------------------------------------------------------------ RPCs

    def validate(self, config: dict[str, Any]) -> list[Any]:
        resp = self.servicer.ValidateResourceConfig(
            pb.ValidateResourceConfig.Request(
                type_name=self.type_name, config=to_dynamic_value(config)
            ),
            None,
        )
        return list(resp.diagnostics)

    def plan(self, prior: Any, config: Any) -> Any:
        proposed = None if config is None else self.proposed(prior, config)
        return self.servicer.PlanResourceChange(
            pb.PlanResourceChange.Request(
                type_name=self.type_name,
                prior_state=to_dynamic_value(prior),
                proposed_new_state=to_dynamic_value(proposed),
                config=to_dynamic_value(config),
            ),
            None,
        )

    def apply(self, prior: Any, planned_dv: Any, config: Any) -> Any:
        return self.servicer.ApplyResourceChange(
            pb.ApplyResourceChange.Request(
                type_name=self.type_name,
                prior_state=to_dynamic_value(prior),
                planned_state=planned_dv,
                config=to_dynamic_value(config),
            ),
            None,
        )

    def create(self, config: dict[str, Any]) -> tuple[Any, Any]:
        """Plan and apply a create; returns (plan response, apply response)."""
        planned = self.plan(None, config)
        assert errors(planned.diagnostics) == [], list(planned.diagnostics)
        return planned, self.apply(None, planned.planned_state, config)

    def read(self, state: Any) -> Any:
        return self.servicer.ReadResource(
            pb.ReadResource.Request(
                type_name=self.type_name, current_state=to_dynamic_value(state)
            ),
            None,
        )

    def import_(self, resource_id: str) -> Any:
        return self.servicer.ImportResourceState(
            pb.ImportResourceState.Request(type_name=self.type_name, id=resource_id), None
        )

    def destroy(self, state: Any) -> Any:
        planned = self.plan(state, None)
        assert errors(planned.diagnostics) == []
        return self.apply(state, to_dynamic_value(None), None)

    def schema(self) -> Any:
        resp = self.servicer.GetProviderSchema(pb.GetProviderSchema.Request(), None)
        return resp.resource_schemas[self.type_name]


def _proposed(fields: tuple[Any, ...], prior: Any, config: Any, top: bool = False) -> Any:
    """Terraform's ProposedNewState, simplified: computed values left null keep the prior."""
    if not isinstance(config, dict):
        return config
    before = prior if isinstance(prior, dict) else {}
    out = dict(config)
    for f in fields:
        value, old = config.get(f.name), before.get(f.name)
        if f.children and not f.is_computed_only:
            if f.kind == "single":
                out[f.name] = _proposed(f.children, old, value)
            elif isinstance(value, list):
                olds = old if isinstance(old, list) else []
                out[f.name] = [
                    _proposed(f.children, olds[i] if i < len(olds) else None, item)
                    for i, item in enumerate(value)
                ]
        elif value is None and f.is_computed:
            out[f.name] = old
    if top:
        if "id" in before:
            out["id"] = before["id"]
    return out


def run_go_test(
    module: Path,
    test: str,
    package: str,
    endpoint: str | None = None,
    env: dict[str, str] | None = None,
) -> str:
    """Run one Go test (`-run ^test$ -v`) of the generated module's `package`, with
    `MMGEN_WIRE_ENDPOINT` set when given (or the whole environment `env`); assert it ran
    and passed. Returns its output."""
    import os
    import subprocess

    if env is None:
        env = {**os.environ, **({"MMGEN_WIRE_ENDPOINT": endpoint} if endpoint else {})}
    run = subprocess.run(
        ["go", "test", "-count=1", "-run", f"^{test}$", "-v", package],
        cwd=module,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-4000:]
    assert f"--- PASS: {test}" in run.stdout, run.stdout[-3000:]
    return run.stdout
