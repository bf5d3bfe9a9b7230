# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/blocks.py
# Template:    python/runtime/blocks.py
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Nested block classes and an object type that tf 1.2 lacks.

tf 1.2 only knows Set and Single nesting and its ``NestedBlock.to_pb`` raises ``KeyError``
for anything else; its ``SetNestedBlock`` also ignores child blocks when comparing.  These
classes carry their own nesting mode, encode/decode every depth, and compare child blocks
too, so drift inside nested-nested blocks is not hidden.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

from tf.gen import tfplugin_pb2 as pb
from tf.schema import Block, NestedBlock
from tf.types import TfType, Unknown


class Nesting(Enum):
    SINGLE = "single"
    LIST = "list"
    SET = "set"


_NESTING_PB = {
    Nesting.SINGLE: pb.Schema.NestedBlock.NestingMode.SINGLE,
    Nesting.LIST: pb.Schema.NestedBlock.NestingMode.LIST,
    Nesting.SET: pb.Schema.NestedBlock.NestingMode.SET,
}


def _is_unknown(value: Any) -> bool:
    return value is Unknown


def values_equal(kind_type: TfType, a: Any, b: Any) -> bool:
    """Strict semantic equality: Unknown only equals Unknown.

    tf reuses the *planned* encoding when it deems a new value equal to it, so treating
    Unknown as equal to anything would leak unknowns into applied state.
    """
    if _is_unknown(a) or _is_unknown(b):
        return a is b
    if a is None or b is None:
        return a is b
    return bool(kind_type.semantically_equal(a, b))


def _attr_map(block: Block) -> dict[str, Any]:
    return {a.name: a for a in block.attributes}


def _block_map(block: Block) -> dict[str, Any]:
    return {b.type_name: b for b in block.block_types}


def decode_object(block: Block, value: Any) -> Any:
    """Decode one block instance (a dict) from its wire form, recursively."""
    if value is None or _is_unknown(value):
        return value
    attrs = _attr_map(block)
    blocks = _block_map(block)
    out: dict[str, Any] = {}
    for key, item in value.items():
        if _is_unknown(item) or item is None:
            out[key] = item
        elif key in attrs:
            out[key] = attrs[key].type.decode(item)
        elif key in blocks:
            out[key] = blocks[key].decode(item)
        else:
            out[key] = item
    return out


def encode_object(block: Block, value: Any) -> Any:
    """Encode one block instance; every schema key is emitted (Terraform requires it)."""
    if value is None or _is_unknown(value):
        return value
    out: dict[str, Any] = {}
    for attr in block.attributes:
        item = value.get(attr.name)
        out[attr.name] = item if item is None or _is_unknown(item) else attr.type.encode(item)
    for nested in block.block_types:
        out[nested.type_name] = nested.encode(value.get(nested.type_name))
    return out


def objects_equal(block: Block, a: Any, b: Any) -> bool:
    if _is_unknown(a) or _is_unknown(b) or a is None or b is None:
        return a is b
    for attr in block.attributes:
        if not values_equal(attr.type, a.get(attr.name), b.get(attr.name)):
            return False
    for nested in block.block_types:
        if not nested.semantically_equal(a.get(nested.type_name), b.get(nested.type_name)):
            return False
    return True


class RuntimeNestedBlock(NestedBlock):
    """Base for our nested blocks: own nesting enum and ``to_pb``."""

    nesting: Nesting = Nesting.LIST

    def __init__(
        self,
        type_name: str,
        block: Block,
        min_items: int | None = None,
        max_items: int | None = None,
    ) -> None:
        # NestedBlock.__init__ wants tf's NestMode, which has no LIST: set fields directly.
        self.type_name = type_name
        self.block = block
        self.min_items = min_items
        self.max_items = max_items
        self.nesting_mode = self.nesting

    def to_pb(self) -> Any:
        return pb.Schema.NestedBlock(
            type_name=self.type_name,
            block=self.block.to_pb(),
            nesting=_NESTING_PB[self.nesting],
            min_items=self.min_items or 0,
            max_items=self.max_items or 0,
        )


class SingleNestedBlock(RuntimeNestedBlock):
    """At most one block; its value is a dict or None."""

    nesting = Nesting.SINGLE

    def encode(self, value: Any) -> Any:
        return encode_object(self.block, value)

    def decode(self, value: Any) -> Any:
        return decode_object(self.block, value)

    def semantically_equal(self, a_decoded: Any, b_decoded: Any) -> bool:
        return objects_equal(self.block, a_decoded, b_decoded)


class ListNestedBlock(RuntimeNestedBlock):
    """Ordered list of blocks; its value is a list of dicts."""

    nesting = Nesting.LIST

    def encode(self, value: Any) -> Any:
        if value is None or _is_unknown(value):
            return value
        return [encode_object(self.block, v) for v in value]

    def decode(self, value: Any) -> Any:
        if value is None or _is_unknown(value):
            return value
        return [decode_object(self.block, v) for v in value]

    def semantically_equal(self, a_decoded: Any, b_decoded: Any) -> bool:
        if _is_unknown(a_decoded) or _is_unknown(b_decoded):
            return a_decoded is b_decoded
        a = a_decoded or []
        b = b_decoded or []
        if len(a) != len(b):
            return False
        return all(objects_equal(self.block, x, y) for x, y in zip(a, b, strict=True))


class SetNestedBlock(ListNestedBlock):
    """Unordered set of blocks; compared as multisets, child blocks included."""

    nesting = Nesting.SET

    def semantically_equal(self, a_decoded: Any, b_decoded: Any) -> bool:
        if _is_unknown(a_decoded) or _is_unknown(b_decoded):
            return a_decoded is b_decoded
        a = list(a_decoded or [])
        b = list(b_decoded or [])
        if len(a) != len(b):
            return False
        remaining = list(b)
        for item in a:
            for idx, other in enumerate(remaining):
                if objects_equal(self.block, item, other):
                    del remaining[idx]
                    break
            else:
                return False
        return True


class ObjectType(TfType):
    """cty object type, used for computed-only nested fields (blocks cannot be computed)."""

    def __init__(self, attribute_types: dict[str, TfType]) -> None:
        self.attribute_types = attribute_types

    def encode(self, value: Any) -> Any:
        if value is None or _is_unknown(value):
            return value
        return {
            k: (
                value.get(k)
                if value.get(k) is None or _is_unknown(value.get(k))
                else t.encode(value.get(k))
            )
            for k, t in self.attribute_types.items()
        }

    def decode(self, value: Any) -> Any:
        if value is None or _is_unknown(value):
            return value
        return {
            k: (
                value.get(k)
                if value.get(k) is None or _is_unknown(value.get(k))
                else t.decode(value.get(k))
            )
            for k, t in self.attribute_types.items()
        }

    def semantically_equal(self, a_decoded: Any, b_decoded: Any) -> bool:
        if a_decoded is None or b_decoded is None:
            return a_decoded is b_decoded
        return all(
            values_equal(t, a_decoded.get(k), b_decoded.get(k))
            for k, t in self.attribute_types.items()
        )

    def tf_type(self) -> bytes:
        parts = {k: json.loads(t.tf_type()) for k, t in self.attribute_types.items()}
        return json.dumps(["object", parts], separators=(",", ":")).encode()


def to_number(value: Any) -> Any:
    """Terraform sends non-integral numbers over msgpack as decimal strings."""
    if isinstance(value, str):
        number = float(value)
        return int(number) if number.is_integer() and "." not in value else number
    return value


class NumberType(TfType):
    """tf's Number decodes natively and so hands decimal strings to the resource."""

    def encode(self, value: Any) -> Any:
        return value

    def decode(self, value: Any) -> Any:
        if value is None or _is_unknown(value):
            return value
        return to_number(value)

    def tf_type(self) -> bytes:
        return b'"number"'
