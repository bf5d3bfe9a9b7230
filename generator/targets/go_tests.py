"""The contexts of a resource's generated Go tests: the acceptance test (its examples'
life cycles against a real Terraform) and the unit test (expand/flatten of a sample
object round trip). Part of the go target; the resource's own context is go_resource.py.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..model.nodes import IdParamSource, MapView, Product, Provider, Resource, TypeKind
from ..model.server_names import path_params
from ..render.docs_view import fill_example
from ..render.go_literals import go_exported, go_package, go_string, go_unexported
from .acctest_view import acceptance_data
from .go_fields import GoField, GoKind, walk_fields
from .go_nested import nested_context
from .go_resource import PLACEHOLDER, _url


def _sample(f: GoField, i: int) -> Any:
    """A type-valid API value for a field (unit tests of expand/flatten)."""
    p = f.prop
    if f.kind is GoKind.SINGLE_BLOCK:
        return _sample_object(f.children, f.key_name)
    if f.kind in (GoKind.LIST_BLOCK, GoKind.SET_BLOCK):
        return [_sample_object(f.children, None)]
    if f.kind is GoKind.MAP_BLOCK:
        return {"key1": _sample_object(f.children, f.key_name)}
    elem_t = p.type.item if p.type.kind is TypeKind.ARRAY else p.type.value
    if f.kind in (GoKind.LIST, GoKind.SET):
        values = elem_t.enum_values if elem_t is not None and elem_t.enum_values else ()
        return [values[0]] if values else [_primitive(f.elem or GoKind.STRING, i, ())]
    if f.kind is GoKind.MAP:
        return {"k": _primitive(f.elem or GoKind.STRING, i, ())}
    return _primitive(f.kind, i, p.type.enum_values)


def _primitive(kind: GoKind, i: int, enum: tuple[str, ...]) -> Any:
    if enum:
        return enum[-1]
    return {GoKind.INT64: 7 + i, GoKind.FLOAT64: 0.5, GoKind.BOOL: True}.get(kind, f"v{i}")


def _sample_object(fields: list[GoField], skip: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for i, f in enumerate(fields):
        if f.name == skip or f.prop.url_param_only:
            continue
        _put(out, f.api_path, _sample(f, i))
    return out


def _put(obj: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        obj = obj.setdefault(key, {})
    obj[path[-1]] = value


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        obj = obj[key]
    return obj


def _expected(fields: list[GoField], sample: dict[str, Any], skip: str | None) -> dict[str, Any]:
    """What expand must send back for `sample`: its settable fields that are read back.

    Values are read from the sample itself: two properties may share an API path (Magic
    Modules specs alias `name`), and then the API's one value is what both read."""
    out: dict[str, Any] = {}
    for f in fields:
        if f.name == skip or f.prop.url_param_only or not f.settable or f.kept_from_prior:
            continue
        if f.kind.is_block and f.prop.presence.computed:
            continue  # optional+computed blocks left out of the configuration stay out
        if f.prop.map_view is not MapView.ALL:
            continue  # a non-authoritative map reads back only the keys a prior holds
        value = _get(sample, f.api_path)
        if f.kind is GoKind.SINGLE_BLOCK and not value:
            continue  # an empty API object reads as an absent block (as in the python target)
        if f.kind is GoKind.SINGLE_BLOCK:
            value = _expected(f.children, value, None)
        elif f.kind in (GoKind.LIST_BLOCK, GoKind.SET_BLOCK):
            value = [_expected(f.children, item, None) for item in value]
        elif f.kind is GoKind.MAP_BLOCK:
            value = {k: _expected(f.children, item, f.key_name) for k, item in value.items()}
        if f.prop.omit_empty and value in (False, 0, "", [], {}):
            continue  # left out of the body (mmgen.PutNonEmpty)
        _put(out, f.api_path, value)
    return out


def _flat_pattern(dotted: str, by_path: dict[str, GoField]) -> str:
    """A regex over Terraform's flat state keys for a dotted path: list and set elements
    add an index segment (`secrets.value` -> `^secrets\\.[^.]+\\.value(\\..*)?$`)."""
    parts = dotted.split(".")
    out = []
    for i, part in enumerate(parts):
        out.append(re.escape(part))
        f = by_path.get(".".join(parts[: i + 1]))
        if (
            i < len(parts) - 1
            and f is not None
            and f.kind.is_nested
            and f.kind
            not in (
                GoKind.SINGLE_BLOCK,
                GoKind.OBJECT_ATTR,
            )
        ):
            out.append(r"[^.]+")
    return "^" + r"\.".join(out) + r"(\..*)?$"


def _go_checks(checks: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """(attribute, value) pairs as Go string literals; the value goes through
    acctest.Config in the test, so `{random}` and `{env:NAME}` are filled there."""
    return [(go_string(k), go_string(v)) for k, v in checks]


def test_contexts(
    provider: Provider, product: Product, res: Resource, fields: list[GoField]
) -> tuple[dict[str, Any], dict[str, Any]]:
    by_path = {f.dotted: f for f in walk_fields(fields)}
    custom = {d for d, _ in res.custom_code.expand} | {d for d, _ in res.custom_code.flatten}
    sample = _sample_object(fields, None)
    expected = _expected(fields, sample, None)
    cases: list[dict[str, Any]] = []
    for ex, case in zip(res.examples, acceptance_data(res, fill_example), strict=True):
        primary, ignore, skip = case["primary"], case["ignore"], case["skip"]
        cases.append(
            {
                "func": go_exported(ex.name),
                "config": go_string(case["config"]),
                "changes": [
                    {
                        "config": go_string(config),
                        "action": {
                            "update": "plancheck.ResourceActionUpdate",
                            "replace": "plancheck.ResourceActionReplace",
                        }.get(action or ""),
                        "checks": _go_checks(checks),
                    }
                    for config, _field, action, checks in case["changes"]
                ],
                "checks": _go_checks(case["checks"]),
                "env": [f"{go_string(n)}, {go_string(v)}" for n, v in case["env"]],
                "primary": go_string(primary),
                "ignore": [go_string(_flat_pattern(x, by_path)) for x in ("timeouts", *ignore)],
                "skip": go_string(skip) if skip else None,
                "resource_type": go_string(res.terraform_name),
            }
        )
    rest = res.rest
    acc = {
        "nested": nested_context(res, {f.name: f for f in fields}),
        "package": go_package(product.name) + "_test",
        "module": provider.go_module,
        "name": go_exported(res.name),
        "cases": cases,
        # plancheck is only for the change steps' expected actions; an unused import fails.
        "uses_plancheck": any(ch["action"] for c in cases for ch in c["changes"]),
        "importable": res.importable,
        "read_url": _url(rest.id_template, rest.id_template, set(path_params(res))),
        "base_url": go_string(product.base_url),
        "api_version": go_string(rest.api_version or ""),
        "id_params": [
            (go_string(p.name), go_string(p.name), p.source is IdParamSource.PROVIDER)
            for p in rest.id_params
        ]
        + [
            (go_string(n), go_string(n), False)
            for n in dict.fromkeys(PLACEHOLDER.findall(rest.id_template))
            if n not in {p.name for p in rest.id_params}
        ],
    }
    unit = {
        "package": go_package(product.name),
        "model": go_unexported(res.name) + "Model",
        "name": go_exported(res.name),
        "sample": go_string(json.dumps(sample, sort_keys=True)),
        "expected": go_string(json.dumps(expected, sort_keys=True)),
        "custom": bool(custom),
    }
    return acc, unit
