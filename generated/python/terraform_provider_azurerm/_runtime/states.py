# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/states.py
# Template:    python/runtime/states.py
# Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Terraform values of a resource's state: unknowns left out, the schema's shape, typed
id values, and a plan's unknowns filled from what the API answered."""

from __future__ import annotations

from typing import Any

from tf.types import Unknown

from .spec import Field
from .tfschema import empty_value, is_block


def strip_unknown(value: Any) -> Any:
    """Applied state may hold no unknowns: turn any leftover into null."""
    if value is Unknown:
        return None
    if isinstance(value, dict):
        return {k: strip_unknown(v) for k, v in value.items()}
    if isinstance(value, list):
        return [strip_unknown(v) for v in value]
    return value


def conform(fields: tuple[Field, ...], obj: Any) -> dict[str, Any]:
    """Exactly the schema's keys at every depth (missing ones null / empty list)."""
    src = obj if isinstance(obj, dict) else {}
    out: dict[str, Any] = {}
    for f in fields:
        value = src.get(f.name, empty_value(f))
        if value is None and is_block(f) and f.kind != "single":
            value = []
        if is_block(f) and value is not Unknown:
            if f.kind == "single":
                value = None if value is None else conform(f.children, value)
            else:
                value = [conform(f.children, v) for v in value]
        out[f.name] = value
    return out


def typed(kind: str, raw: str) -> Any:
    """An id's text as the value of a field of ``kind``."""
    if kind == "integer":
        return int(raw)
    if kind == "number":
        return float(raw)
    if kind == "bool":
        return raw.lower() == "true"
    return raw


def fill_unknown(planned: Any, current: Any) -> Any:
    """Replace unknowns in ``planned`` by the values at the same place in ``current``."""
    if planned is Unknown:
        return current
    if isinstance(planned, dict):
        cur = current if isinstance(current, dict) else {}
        return {k: fill_unknown(v, cur.get(k)) for k, v in planned.items()}
    if isinstance(planned, list):
        cur_list = current if isinstance(current, list) else []
        return [
            fill_unknown(v, cur_list[i] if i < len(cur_list) else None)
            for i, v in enumerate(planned)
        ]
    return planned
