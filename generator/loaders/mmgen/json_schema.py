"""Emit a JSON Schema (draft 2020-12) of the spec format from the shape declarations."""

from __future__ import annotations

from typing import Any

from ..provider_spec import PROVIDER
from ..shapes import AnyScalar, Bool, Int, ListOf, MapOf, Nullable, Num, Obj, Ref, Shape, Str
from .spec_shapes import NAMED, PRODUCT, RESOURCE

SCHEMA_ID = "https://mmgen.invalid/schema/mmgen-spec.schema.json"


def _with_doc(schema: dict[str, Any], doc: str) -> dict[str, Any]:
    if doc:
        schema["description"] = doc
    return schema


def shape_to_schema(shape: Shape, defs: dict[str, Any]) -> dict[str, Any]:
    if isinstance(shape, Ref):
        return _with_doc({"$ref": f"#/$defs/{shape.name}"}, shape.doc)
    if isinstance(shape, Nullable):
        return _with_doc(
            {"anyOf": [shape_to_schema(shape.inner, defs), {"type": "null"}]}, shape.doc
        )
    if isinstance(shape, Obj):
        if shape.name not in defs:
            defs[shape.name] = {}  # reserve first: shapes may recurse through Ref
            defs[shape.name] = _with_doc(
                {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        k: shape_to_schema(v.shape, defs) for k, v in shape.keys.items()
                    },
                    "required": sorted(k for k, v in shape.keys.items() if v.required),
                },
                shape.doc,
            )
        return {"$ref": f"#/$defs/{shape.name}"}
    if isinstance(shape, ListOf):
        return _with_doc({"type": "array", "items": shape_to_schema(shape.item, defs)}, shape.doc)
    if isinstance(shape, MapOf):
        schema: dict[str, Any] = {
            "type": "object",
            "additionalProperties": shape_to_schema(shape.value, defs),
        }
        if shape.key_pattern:
            schema["propertyNames"] = {"pattern": f"^(?:{shape.key_pattern})$"}
        return _with_doc(schema, shape.doc)
    if isinstance(shape, Str):
        s: dict[str, Any] = {"type": "string"}
        if shape.enum:
            s["enum"] = list(shape.enum)
        if shape.pattern:
            s["pattern"] = f"^(?:{shape.pattern})$"
        return _with_doc(s, shape.doc)
    if isinstance(shape, Int):
        i: dict[str, Any] = {"type": "integer"}
        if shape.minimum is not None:
            i["minimum"] = shape.minimum
        return _with_doc(i, shape.doc)
    if isinstance(shape, Num):
        return _with_doc({"type": "number"}, shape.doc)
    if isinstance(shape, Bool):
        return _with_doc({"type": "boolean"}, shape.doc)
    if isinstance(shape, AnyScalar):
        return _with_doc({"type": ["string", "number", "boolean"]}, shape.doc)
    raise TypeError(f"unknown shape {shape!r}")


def spec_json_schema() -> dict[str, Any]:
    """One schema for every file kind: provider.yaml, a product.yaml or a resource spec."""
    defs: dict[str, Any] = {}
    for named in NAMED.values():
        shape_to_schema(named, defs)
    product = shape_to_schema(PRODUCT, defs)
    resource = shape_to_schema(RESOURCE, defs)
    provider = shape_to_schema(PROVIDER, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "mmgen spec (provider.yaml, product.yaml or a resource spec)",
        "anyOf": [product, resource, provider],
        "$defs": dict(sorted(defs.items())),
    }
