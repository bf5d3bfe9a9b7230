# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/tfschema.py
# Template:    python/runtime/tfschema.py
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Build the tf ``Schema`` of a resource from its ``ResourceSpec``."""

from __future__ import annotations

from typing import Any

from tf import types as tft
from tf.schema import Attribute, Block, NestedBlock, Schema, TextFormat

from .blocks import ListNestedBlock, NumberType, ObjectType, SetNestedBlock, SingleNestedBlock
from .spec import Field, ResourceSpec

TIMEOUT_OPERATIONS = ("create", "read", "update", "delete")


def primitive_type(kind: str) -> Any:
    if kind == "string":
        return tft.String()
    if kind in ("integer", "number"):
        return NumberType()
    if kind == "bool":
        return tft.Bool()
    raise ValueError(f"not a primitive kind: {kind!r}")


def attribute_type(f: Field) -> Any:
    """tf type of a field rendered as an attribute (computed-only blocks become objects)."""
    if f.children:
        obj = ObjectType({c.name: attribute_type(c) for c in f.children})
        if f.kind == "single":
            return obj
        return tft.Set(obj) if f.kind == "set" else tft.List(obj)
    if f.kind in ("list", "set", "map"):
        element = primitive_type(f.element_kind or "string")
        if f.kind == "map":
            return tft.Map(element)
        return tft.Set(element) if f.kind == "set" else tft.List(element)
    return primitive_type(f.kind)


def is_block(f: Field) -> bool:
    """Fields with children are blocks unless computed-only (Terraform blocks can't be)."""
    return bool(f.children) and not f.is_computed_only


def empty_value(f: Field) -> Any:
    """Value of an absent field in state: list/set blocks are empty lists, the rest null."""
    if is_block(f) and f.kind in ("list", "set"):
        return []
    return None


def _description(f: Field) -> str:
    text = f.description
    if f.deprecation:
        text = f"{text}\n\n**Deprecated**: {f.deprecation}".strip()
    return text


def build_attribute(f: Field, top_level_replace: bool = False) -> Attribute:
    # Optional fields with a default are optional+computed so the planned default is
    # accepted by Terraform when the configuration leaves them null.
    required = f.presence == "required" and f.default is None
    optional = not required and f.presence != "computed"
    return Attribute(
        f.name,
        attribute_type(f),
        description=_description(f) or None,
        required=required,
        optional=optional,
        computed=f.is_computed,
        sensitive=f.sensitive,
        description_kind=TextFormat.Markdown,
        deprecated=True if f.deprecation else None,
        requires_replace=f.forces_new or top_level_replace,
    )


def build_block(f: Field) -> NestedBlock:
    attrs, blocks = build_members(f.children)
    inner = Block(
        attributes=attrs,
        block_types=blocks,
        description=_description(f) or None,
        deprecated=True if f.deprecation else None,
    )
    required = f.presence == "required"
    if f.kind == "single":
        # Terraform's InternalValidate: NestingSingle needs min == max, both 0 or 1.
        count = 1 if required else None
        return SingleNestedBlock(f.name, inner, min_items=count, max_items=count)
    # An optional block's min_items holds only where the block is written: Terraform would
    # enforce a schema minimum on an absent block too, so validate.py checks it instead.
    min_items = (f.min_items if f.min_items is not None else 1) if required else None
    cls = SetNestedBlock if f.kind == "set" else ListNestedBlock
    return cls(f.name, inner, min_items=min_items, max_items=f.max_items)


def build_members(
    fields: tuple[Field, ...], spec: ResourceSpec | None = None
) -> tuple[list[Attribute], list[NestedBlock]]:
    """Attributes and blocks of one level; `spec` at the top level, whose fields may all
    force replacement (`ResourceSpec.replaces`)."""
    attrs: list[Attribute] = []
    blocks: list[NestedBlock] = []
    for f in fields:
        if is_block(f):
            blocks.append(build_block(f))
        else:
            attrs.append(build_attribute(f, spec is not None and spec.replaces(f.name)))
    return attrs, blocks


def timeouts_block() -> NestedBlock:
    attrs = [
        Attribute(
            op,
            tft.String(),
            description=f'Timeout for {op} operations, e.g. "30m" or "1h5m".',
            optional=True,
        )
        for op in TIMEOUT_OPERATIONS
    ]
    return SingleNestedBlock("timeouts", Block(attributes=attrs))


def build_schema(spec: ResourceSpec) -> Schema:
    attrs, blocks = build_members(spec.fields, spec)
    if not spec.declares_id:
        attrs.insert(
            0,
            Attribute(
                "id",
                tft.String(),
                description="The resource id.",
                computed=True,
                description_kind=TextFormat.Markdown,
            ),
        )
    blocks.append(timeouts_block())
    # Always set the version: left unset, tf warns "Using default upgrade" on every plan.
    return Schema(
        version=spec.schema_version,
        attributes=attrs,
        block_types=blocks,
        description=spec.description or None,
        description_kind=TextFormat.Markdown,
        deprecated=True if spec.deprecation else None,
    )


def state_keys(spec: ResourceSpec) -> list[str]:
    keys = [f.name for f in spec.fields]
    if not spec.declares_id:
        keys.insert(0, "id")
    keys.append("timeouts")
    return keys


def empty_state(spec: ResourceSpec) -> dict[str, Any]:
    state: dict[str, Any] = {f.name: empty_value(f) for f in spec.fields}
    if not spec.declares_id:
        state["id"] = None
    state["timeouts"] = None
    return state
