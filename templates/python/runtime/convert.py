"""Terraform state <-> API JSON, driven by ``Field.api_path``.

``expand`` builds the request body from a state; ``flatten`` builds a complete state (every
schema key present, null when absent) from an API response and the prior state.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from tf.types import Unknown

from .spec import Field
from .tfschema import empty_value, is_block

# Custom converters are keyed by dotted Terraform path ("a.b.c", no indexes).
# expand:  fn(terraform_value, root_state) -> api_value   (None = leave out of the body)
# flatten: fn(api_value, api_root_object) -> terraform_value
CustomConverter = Callable[[Any, Any], Any]

_MISSING = object()


def _absent(value: Any) -> bool:
    return value is None or value is Unknown


# ---------------------------------------------------------------- primitives


def to_api_primitive(kind: str, value: Any) -> Any:
    if kind == "integer" and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def from_api_primitive(kind: str, value: Any) -> Any:
    """Coerce an API scalar to the field's Terraform kind (APIs are loose about types)."""
    if value is None:
        return None
    if kind == "string":
        if isinstance(value, str):
            return value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (dict, list)):
            return json.dumps(value, sort_keys=True)
        return str(value)
    if kind == "bool":
        if isinstance(value, str):
            return value.strip().lower() == "true"
        return bool(value)
    if kind == "integer":
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, str):
            return int(float(value)) if "." in value else int(value)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value
    if kind == "number":
        if isinstance(value, str):
            number = float(value)
            return int(number) if number.is_integer() and "." not in value else number
        return value
    return value


# ---------------------------------------------------------------- json paths


def get_path(obj: Any, path: tuple[str, ...]) -> Any:
    current = obj
    for key in path:
        if not isinstance(current, Mapping) or key not in current:
            return _MISSING
        current = current[key]
    return current


def _merge(target: dict[str, Any], extra: Mapping[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def put_path(obj: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    """Set ``value`` at ``path`` creating intermediate objects; objects are merged."""
    current = obj
    for key in path[:-1]:
        nxt = current.get(key)
        if not isinstance(nxt, dict):
            nxt = {}
            current[key] = nxt
        current = nxt
    last = path[-1]
    if isinstance(value, Mapping) and isinstance(current.get(last), dict):
        _merge(current[last], value)
    else:
        current[last] = value


# ---------------------------------------------------------------- expand


def expand(
    fields: tuple[Field, ...],
    state: Mapping[str, Any],
    custom: Mapping[str, CustomConverter] | None = None,
    root: Mapping[str, Any] | None = None,
    prefix: str = "",
) -> dict[str, Any]:
    """Build the API object for one level of fields (recursing into blocks)."""
    custom = custom or {}
    root = state if root is None else root
    body: dict[str, Any] = {}
    merged = {f.view_of for f in fields if f.map_view == "merged"}
    for f in fields:
        if f.map_view == "merged":
            pass  # computed, but what is sent in place of its argument
        elif f.is_computed_only or f.url_param_only or f.name in merged:
            continue
        value = state.get(f.name)
        if _absent(value):
            continue
        dotted = prefix + f.name
        if dotted in custom:
            api_value = custom[dotted](value, root)
        else:
            api_value = _expand_value(f, value, custom, root, dotted)
        if api_value is not None and not (f.omit_empty and is_empty_value(api_value)):
            put_path(body, f.api_path, api_value)
    return body


def is_empty_value(value: Any) -> bool:
    """false, 0, "", [] and {}: what an `omit_empty` field leaves out of the body."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float, str, list, dict)):
        return not value
    return False


def _expand_value(
    f: Field,
    value: Any,
    custom: Mapping[str, CustomConverter],
    root: Mapping[str, Any],
    dotted: str,
) -> Any:
    if f.children:
        prefix = dotted + "."
        if f.kind == "single":
            return expand(f.children, value, custom, root, prefix)
        if f.map_key is not None:
            fields = tuple(c for c in f.children if c.name != f.map_key)
            keyed = {
                str(v[f.map_key]): expand(fields, v, custom, root, prefix)
                for v in value
                if not _absent(v) and v.get(f.map_key) is not None
            }
            return keyed or None
        items = [expand(f.children, v, custom, root, prefix) for v in value if not _absent(v)]
        # An absent list/set block is an empty list in Terraform: leave it out of the body.
        return items or None
    element = f.element_kind or "string"
    if f.kind == "map":
        return {k: to_api_primitive(element, v) for k, v in value.items() if v is not Unknown}
    if f.kind in ("list", "set"):
        return [to_api_primitive(element, v) for v in value if v is not Unknown]
    return to_api_primitive(f.kind, value)


# ---------------------------------------------------------------- flatten


def _prior_item(prior: Any, index: int) -> Any:
    if isinstance(prior, list) and index < len(prior):
        return prior[index]
    return None


def _keep_prior(value: Any) -> Any:
    # Unknowns must never reach applied state: an unknown prior becomes null.
    return None if value is Unknown else value


def flatten(
    fields: tuple[Field, ...],
    api: Any,
    prior: Mapping[str, Any] | None = None,
    custom: Mapping[str, CustomConverter] | None = None,
    api_root: Any = None,
    prefix: str = "",
) -> dict[str, Any]:
    """Build the Terraform value of one level of fields from an API object.

    A prior of Unknown (import) means "no prior knowledge" at every depth below it.
    """
    custom = custom or {}
    api_root = api if api_root is None else api_root
    importing = prior is Unknown
    prior = prior if isinstance(prior, Mapping) else {}
    out: dict[str, Any] = {}
    for f in fields:
        prior_value = Unknown if importing else prior.get(f.name)
        if _stays_absent(f, prior_value):
            out[f.name] = empty_value(f)
            continue
        if f.url_param_only or f.write_only or f.ignore_read:
            # Never read back: the API does not return these, so keep what we had.
            out[f.name] = _keep_prior(prior_value)
            if out[f.name] is None:
                out[f.name] = empty_value(f)
            continue
        dotted = prefix + f.name
        raw = get_path(api, f.api_path)
        if dotted in custom:
            value = custom[dotted](None if raw is _MISSING else raw, api_root)
        else:
            value = _flatten_value(f, raw, prior_value, custom, api_root, dotted)
        if f.map_view in ("configured", "merged"):
            out[f.name] = managed_keys(value, prior_value)
            continue
        if f.omit_empty and value is None and _is_empty_primitive(f, prior_value):
            # Not sent, so not returned: the configured "" / 0 / false stays.
            value = prior_value
        out[f.name] = _normalize_empty(f, value, prior_value)
    return out


def managed_keys(value: Any, prior: Any) -> Any:
    """A non-authoritative map reads back only the keys it manages (the prior's)."""
    if not isinstance(prior, Mapping):
        return None
    read = value if isinstance(value, Mapping) else {}
    return {k: read[k] for k in prior if k in read}


def merged_map(configured: Any, defaults: Mapping[str, str] | None) -> Any:
    """The configured map over the provider's defaults; None when both are empty."""
    if configured is Unknown:
        return Unknown
    out = dict(defaults or {})
    if isinstance(configured, Mapping):
        out.update(configured)
    return out if out or configured is not None else None


def _is_empty_primitive(f: Field, value: Any) -> bool:
    return f.kind in ("string", "integer", "number", "bool") and (
        value is not None and value is not Unknown and is_empty_value(value)
    )


def _stays_absent(f: Field, prior_value: Any) -> bool:
    """An optional+computed block that the configuration leaves out stays out of state.

    Terraform blocks cannot be computed: a block the plan had absent must not appear after
    apply ("was absent, but now present"), so the API's value of such a block is read only
    when the block is configured, or on import (prior Unknown).
    """
    return (
        is_block(f)
        and f.presence == "optional_computed"
        and (prior_value is None or prior_value == [])
    )


def _flatten_value(
    f: Field,
    raw: Any,
    prior_value: Any,
    custom: Mapping[str, CustomConverter],
    api_root: Any,
    dotted: str,
) -> Any:
    if raw is _MISSING or raw is None:
        return empty_value(f)
    prefix = dotted + "."
    if f.children:
        if f.kind == "single":
            if not isinstance(raw, Mapping):
                return None
            if not raw and prior_value is None:
                return None
            return flatten(f.children, raw, prior_value, custom, api_root, prefix)
        if f.map_key is not None:
            return _flatten_keyed(f, raw, prior_value, custom, api_root, prefix)
        if not isinstance(raw, list):
            return empty_value(f)
        return [
            flatten(f.children, item, _prior_item(prior_value, i), custom, api_root, prefix)
            for i, item in enumerate(raw)
            if isinstance(item, Mapping)
        ]
    element = f.element_kind or "string"
    if f.kind == "map":
        if not isinstance(raw, Mapping):
            return None
        return {str(k): from_api_primitive(element, v) for k, v in raw.items()}
    if f.kind in ("list", "set"):
        if not isinstance(raw, list):
            raw = [raw]
        return [from_api_primitive(element, v) for v in raw]
    return from_api_primitive(f.kind, raw)


def _flatten_keyed(
    f: Field,
    raw: Any,
    prior_value: Any,
    custom: Mapping[str, CustomConverter],
    api_root: Any,
    prefix: str,
) -> Any:
    """A map of objects in the API -> a set of blocks carrying their key, sorted by key."""
    if not isinstance(raw, Mapping):
        return empty_value(f)
    assert f.map_key is not None
    fields = tuple(c for c in f.children if c.name != f.map_key)
    priors = (
        {str(p.get(f.map_key)): p for p in prior_value or () if isinstance(p, Mapping)}
        if isinstance(prior_value, list)
        else {}
    )
    out = []
    for key in sorted(raw, key=str):
        item = raw[key]
        if not isinstance(item, Mapping):
            continue
        block = flatten(fields, item, priors.get(str(key)), custom, api_root, prefix)
        block[f.map_key] = str(key)
        out.append({c.name: block.get(c.name) for c in f.children})
    return out


def _normalize_empty(f: Field, value: Any, prior_value: Any) -> Any:
    """Treat null and empty collections alike so the API's choice causes no diff."""
    if is_block(f) or f.kind not in ("map", "list", "set"):
        return value
    empty_now = value is None or value == [] or value == {}
    empty_before = prior_value is None or prior_value is Unknown or prior_value in ([], {})
    if empty_now and empty_before:
        return None if prior_value is Unknown else prior_value
    return value
