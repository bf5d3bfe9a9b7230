# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/plan.py
# Template:    python/runtime/plan.py
# Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Plan computation: defaults, unknown computed values and replacement paths.

tf 1.2 fills neither defaults nor unknowns inside nested blocks, and only diffs top-level
attributes for ``requires_replace``; this module does all of it at every depth.
"""

from __future__ import annotations

import json
from copy import deepcopy
from dataclasses import replace
from typing import Any

from tf.types import Unknown

from .spec import Field, ResourceSpec
from .tfschema import is_block

_UNKNOWN_MARK = "\x00unknown\x00"


# ---------------------------------------------------------------- comparisons

# Which fields take part in a comparison: every field, arguments (no computed-only), or
# only values that come from configuration alone (no computed or defaulted ones).
ALL, ARGS, SETTABLE = "all", "args", "settable"


def _included(f: Field, mode: str) -> bool:
    if mode == ALL:
        return True
    if f.is_computed_only:
        return False
    if mode == SETTABLE:
        return f.presence != "optional_computed" and f.default is None
    return True


def canonical(f: Field, value: Any, mode: str = ALL) -> Any:
    """JSON-able canonical form of a field value; sets are sorted, Unknown is marked."""
    if value is Unknown:
        return _UNKNOWN_MARK
    if value is None:
        return None
    if f.children:
        if f.kind == "single":
            return canonical_object(f.children, value, mode)
        items = [canonical_object(f.children, v, mode) for v in value]
        return _sorted(items) if f.kind == "set" else items
    if f.kind in ("set", "list"):
        items = [_UNKNOWN_MARK if v is Unknown else v for v in value]
        return _sorted(items) if f.kind == "set" else items
    if f.kind == "map":
        return {k: _UNKNOWN_MARK if v is Unknown else v for k, v in value.items()}
    return value


def canonical_object(fields: tuple[Field, ...], obj: Any, mode: str = ALL) -> Any:
    if obj is Unknown:
        return _UNKNOWN_MARK
    if not isinstance(obj, dict):
        return None
    return {f.name: canonical(f, obj.get(f.name), mode) for f in fields if _included(f, mode)}


def _sorted(items: list[Any]) -> list[Any]:
    return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, default=str))


def arguments_changed(fields: tuple[Field, ...], prior: Any, planned: Any) -> bool:
    """Did any argument (anything but computed-only values) change?"""
    return bool(canonical_object(fields, prior, ARGS) != canonical_object(fields, planned, ARGS))


# ---------------------------------------------------------------- planning


def plan_state(
    spec: ResourceSpec,
    prior: dict[str, Any] | None,
    proposed: dict[str, Any],
    config: dict[str, Any] | None,
    planned_id: Any = Unknown,
) -> dict[str, Any]:
    """Return the planned state for a create (``prior is None``) or an update."""
    planned = deepcopy(proposed)
    creating = prior is None
    _apply_defaults(spec.fields, prior, planned, config)
    changed = creating or arguments_changed(spec.fields, prior, planned)
    _mark_computed(spec.fields, prior, planned, changed)
    if prior is not None:
        # The values the self link is built from (a name the server chose) are the
        # resource's identity: an update in place does not change them.
        for param in spec.id_params:
            f = spec.field(param.attribute) if param.source == "field" else None
            if f is not None and f.is_computed_only and param.attribute in prior:
                planned[param.attribute] = prior[param.attribute]
    if not spec.declares_id:
        if creating or prior is None:
            planned["id"] = planned_id
        else:
            planned["id"] = prior.get("id")
    return planned


def _config_child(config: Any, name: str) -> Any:
    return config.get(name) if isinstance(config, dict) else None


def _match_set_prior(f: Field, item: Any, prior_items: Any) -> Any:
    """Find the prior set element with the same arguments (sets have no positions)."""
    if not isinstance(prior_items, list):
        return None
    wanted = canonical_object(f.children, item, SETTABLE)
    for candidate in prior_items:
        if canonical_object(f.children, candidate, SETTABLE) == wanted:
            return candidate
    return None


def _elements(
    f: Field, prior_v: Any, planned_v: Any, config_v: Any
) -> list[tuple[Any, dict[str, Any], Any]]:
    """(prior element, planned element, config element) triples of a block field."""
    if f.kind == "single":
        if isinstance(planned_v, dict):
            prior_e = prior_v if isinstance(prior_v, dict) else None
            return [(prior_e, planned_v, config_v)]
        return []
    out: list[tuple[Any, dict[str, Any], Any]] = []
    for idx, item in enumerate(planned_v if isinstance(planned_v, list) else []):
        if not isinstance(item, dict):
            continue
        if f.kind == "set":
            # Config and proposed set elements need not line up: use the element itself.
            out.append((_match_set_prior(f, item, prior_v), item, item))
        else:
            prior_e = prior_v[idx] if isinstance(prior_v, list) and idx < len(prior_v) else None
            conf_e = config_v[idx] if isinstance(config_v, list) and idx < len(config_v) else None
            out.append((prior_e, item, conf_e))
    return out


def _apply_defaults(
    fields: tuple[Field, ...], prior: Any, planned: dict[str, Any], config: Any
) -> None:
    for f in fields:
        planned_v = planned.get(f.name)
        config_v = _config_child(config, f.name) if config is not None else planned_v
        if is_block(f):
            prior_v = prior.get(f.name) if isinstance(prior, dict) else None
            for prior_e, planned_e, config_e in _elements(f, prior_v, planned_v, config_v):
                _apply_defaults(f.children, prior_e, planned_e, config_e)
            continue
        if f.is_computed_only or config_v is not None:
            continue
        if f.default is not None:
            planned[f.name] = deepcopy(f.default)
        elif f.presence == "optional_computed":
            # Terraform proposes the prior value; with no prior the server decides.
            planned[f.name] = planned_v if isinstance(prior, dict) else Unknown
        else:
            planned[f.name] = None


def _mark_computed(
    fields: tuple[Field, ...], prior: Any, planned: dict[str, Any], changed: bool
) -> None:
    """Computed-only values are unknown at create, in new elements, and on any update."""
    for f in fields:
        if is_block(f):
            prior_v = prior.get(f.name) if isinstance(prior, dict) else None
            for prior_e, planned_e, _ in _elements(f, prior_v, planned.get(f.name), None):
                _mark_computed(f.children, prior_e, planned_e, changed or prior_e is None)
            continue
        if f.is_computed_only and (changed or not isinstance(prior, dict)):
            planned[f.name] = Unknown


# ---------------------------------------------------------------- replacement


def _forces_new_inside(f: Field, all_replace: bool) -> bool:
    if f.is_computed_only:
        return False
    if not is_block(f):
        return f.forces_new or all_replace
    return f.forces_new or any(_forces_new_inside(c, all_replace) for c in f.children)


def _replacing_fields(fields: tuple[Field, ...], all_replace: bool) -> tuple[Field, ...]:
    out = []
    for f in fields:
        if not _forces_new_inside(f, all_replace):
            continue
        if is_block(f) and not f.forces_new:
            f = _with_children(f, _replacing_fields(f.children, all_replace))
        out.append(f)
    return tuple(out)


def _with_children(f: Field, children: tuple[Field, ...]) -> Field:
    return replace(f, children=children)


def replace_paths(spec: ResourceSpec, prior: Any, planned: Any) -> list[list[Any]]:
    """Attribute paths whose change forces replacement (list elements by index)."""
    if not isinstance(prior, dict) or not isinstance(planned, dict):
        return []
    out: list[list[Any]] = []
    for f in spec.fields:
        _replace_level((f,), prior, planned, [], spec.replaces(f.name), out)
    for view in spec.held_views:
        if canonical(view, prior.get(view.name)) != canonical(view, planned.get(view.name)):
            out.append([view.name])
    return out


def _replace_level(
    fields: tuple[Field, ...],
    prior: Any,
    planned: Any,
    path: list[Any],
    all_replace: bool,
    out: list[list[Any]],
) -> None:
    for f in fields:
        if not _forces_new_inside(f, all_replace):
            continue
        prior_v = prior.get(f.name) if isinstance(prior, dict) else None
        planned_v = planned.get(f.name) if isinstance(planned, dict) else None
        fpath = path + [f.name]
        if not is_block(f) or f.forces_new:
            if canonical(f, prior_v) != canonical(f, planned_v):
                out.append(fpath)
            continue
        if planned_v is Unknown or prior_v is Unknown:
            out.append(fpath)
        elif f.kind == "single":
            if prior_v is None or planned_v is None:
                sub = _replacing_fields(f.children, all_replace)
                if canonical_object(sub, prior_v) != canonical_object(sub, planned_v):
                    out.append(fpath)
            else:
                _replace_level(f.children, prior_v, planned_v, fpath, all_replace, out)
        elif f.kind == "list":
            before = prior_v or []
            after = planned_v or []
            for idx in range(max(len(before), len(after))):
                if idx >= len(before) or idx >= len(after):
                    out.append(fpath + [(idx,)])
                else:
                    child_path = fpath + [(idx,)]
                    _replace_level(
                        f.children, before[idx], after[idx], child_path, all_replace, out
                    )
        else:
            # Set elements have no stable address: compare the forcing sub-fields as a multiset.
            sub = _replacing_fields(f.children, all_replace)
            before_set = _sorted([canonical_object(sub, v) for v in prior_v or []])
            after_set = _sorted([canonical_object(sub, v) for v in planned_v or []])
            if before_set != after_set:
                out.append(fpath)
