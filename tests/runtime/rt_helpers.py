"""Helpers to drive the runtime servicer in-process with protobuf requests."""

from __future__ import annotations

from typing import Any

import mmgen_runtime_sample as sample
from mmgen_runtime.resource import conform
from mmgen_runtime.servicer import RuntimeServicer
from mmgen_runtime.spec import Field
from mmgen_runtime.tfschema import is_block
from tf.gen import tfplugin_pb2 as pb
from tf.utils import read_dynamic_value, to_dynamic_value

TYPE = "mmtest_widget"

BASE_CONFIG: dict[str, Any] = {
    "name": "alpha",
    "resource_group": "rg1",
    "location": "westeurope",
    "cert_url": "https://vault/cert",
}


def new_servicer(provider: Any = None) -> Any:
    return RuntimeServicer(provider or sample.SampleProvider())


def configure(servicer: Any, endpoint: str, **extra: Any) -> list[Any]:
    config = {
        "endpoint": endpoint,
        "token": "secret-token",
        "subscription_id": "sub-1",
        "max_retries": 3,
        "poll_interval": 0.01,
    }
    config.update(extra)
    resp = servicer.ConfigureProvider(
        pb.ConfigureProvider.Request(config=to_dynamic_value(config)), None
    )
    return list(resp.diagnostics)


def full_config(**overrides: Any) -> dict[str, Any]:
    """A configuration object shaped like Terraform's: every key, nulls where unset."""
    merged = {**BASE_CONFIG, **overrides}
    state = conform(sample.SPEC.fields, merged)
    state["id"] = None
    state["timeouts"] = merged.get("timeouts")
    return state


def block(fields: tuple[Field, ...], **values: Any) -> dict[str, Any]:
    return conform(fields, values)


def proposed_new(fields: tuple[Field, ...], prior: Any, config: Any) -> Any:
    """Terraform's ProposedNew, simplified: computed attributes left null keep prior values."""
    if not isinstance(config, dict):
        return config
    prior = prior if isinstance(prior, dict) else {}
    out = dict(config)
    for f in fields:
        cv, pv = config.get(f.name), prior.get(f.name)
        if is_block(f):
            if f.kind == "single":
                out[f.name] = proposed_new(f.children, pv, cv)
            elif f.kind == "list" and isinstance(cv, list):
                out[f.name] = [
                    proposed_new(f.children, pv[i] if pv and i < len(pv) else None, item)
                    for i, item in enumerate(cv)
                ]
        elif cv is None and f.is_computed:
            out[f.name] = pv
    if "id" in prior:
        out["id"] = prior["id"]
    return out


def plan(servicer: Any, prior: Any, config: dict[str, Any]) -> Any:
    proposed = proposed_new(sample.SPEC.fields, prior, config)
    return servicer.PlanResourceChange(
        pb.PlanResourceChange.Request(
            type_name=TYPE,
            prior_state=to_dynamic_value(prior),
            proposed_new_state=to_dynamic_value(proposed),
            config=to_dynamic_value(config),
        ),
        None,
    )


def apply(servicer: Any, prior: Any, planned_dv: Any, config: Any) -> Any:
    return servicer.ApplyResourceChange(
        pb.ApplyResourceChange.Request(
            type_name=TYPE,
            prior_state=to_dynamic_value(prior),
            planned_state=planned_dv,
            config=to_dynamic_value(config),
        ),
        None,
    )


def read(servicer: Any, current: Any) -> Any:
    return servicer.ReadResource(
        pb.ReadResource.Request(type_name=TYPE, current_state=to_dynamic_value(current)), None
    )


def validate(servicer: Any, config: dict[str, Any]) -> list[Any]:
    resp = servicer.ValidateResourceConfig(
        pb.ValidateResourceConfig.Request(type_name=TYPE, config=to_dynamic_value(config)), None
    )
    return list(resp.diagnostics)


def decode(dv: Any) -> Any:
    return read_dynamic_value(dv)


def path_of(attribute_path: Any) -> list[Any]:
    """pb.AttributePath -> ["a", 1, "b", "key"]."""
    out: list[Any] = []
    for step in attribute_path.steps:
        which = step.WhichOneof("selector")
        out.append(getattr(step, which))
    return out


def errors(diags: list[Any]) -> list[Any]:
    return [d for d in diags if d.severity == pb.Diagnostic.ERROR]
