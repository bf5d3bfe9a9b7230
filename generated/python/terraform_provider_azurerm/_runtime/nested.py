# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/nested.py
# Template:    python/runtime/nested.py
# Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""A resource that is one entry of a list inside another object (``NestedQuery``).

Pure functions over JSON values: the entries at ``keys`` in a read response, whether an
entry is the resource (its identity arguments compared with the state's), and the body
of a read-modify-write call (``modify_by_patch``): the list with the entry added,
replaced or removed, wrapped under ``keys``. ``GeneratedResource`` calls them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from tf.types import Unknown

from . import convert
from .spec import ResourceSpec

ADD, REPLACE, REMOVE = "add", "replace", "remove"


class NestedConflict(Exception):
    """A read-modify-write that cannot apply: the entry is already there (add), or not
    there (replace)."""


def raw_list(api: Any, keys: tuple[str, ...]) -> list[Any]:
    """The list at ``keys`` (a single object there is a list of one; missing: empty)."""
    value = api
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return [value]
    return []


def entries(api: Any, keys: tuple[str, ...], id_path: tuple[str, ...] | None) -> list[Any]:
    """The list at ``keys`` as objects, index for index: with ``id_path`` (a list of
    ids) each id becomes ``{id_path: id}``, the object the resource reads from."""
    out: list[Any] = []
    for item in raw_list(api, keys):
        if id_path is not None:
            wrapped: dict[str, Any] = {}
            target = wrapped
            for key in id_path[:-1]:
                target = target.setdefault(key, {})
            target[id_path[-1]] = item
            out.append(wrapped)
        else:
            out.append(item if isinstance(item, dict) else {})
    return out


def _empty(value: Any) -> bool:
    return value is None or value is Unknown or value in ("", 0, False, [], {})


def same(found: Any, expected: Any) -> bool:
    """Whether an entry's identity value (flattened) is the state's: equal, both empty,
    or one string the other's last path segment (a self link against a name)."""
    if _empty(found) and _empty(expected):
        return True
    if isinstance(found, str) and isinstance(expected, str):
        return found == expected or found.endswith("/" + expected) or expected.endswith("/" + found)
    return json.dumps(found, sort_keys=True) == json.dumps(expected, sort_keys=True)


def edit(items: list[Any], index: int, entry: Any, op: str) -> list[Any]:
    """``items`` with ``entry`` added, merged over the one at ``index`` (replace), or
    that one removed; ``index`` is -1 when the resource is not in the list."""
    out = list(items)
    if op == ADD:
        if index >= 0:
            raise NestedConflict("an entry with the same identity already exists")
        out.append(entry)
    elif op == REPLACE:
        if index < 0:
            raise NestedConflict("the entry to update is not in the list")
        old = out[index]
        out[index] = (
            {**old, **entry} if isinstance(old, dict) and isinstance(entry, dict) else entry
        )
    elif index >= 0:
        del out[index]
    return out


def wrap(keys: tuple[str, ...], items: list[Any]) -> dict[str, Any]:
    """``{keys[0]: {...: {keys[-1]: items}}}``: the body of a read-modify-write call."""
    body: Any = items
    for key in reversed(keys):
        body = {key: body}
    return dict(body)


def id_path(spec: ResourceSpec) -> tuple[str, ...] | None:
    """A list of plain ids: the API path of the one identity field, else None."""
    nq = spec.nested
    if nq is None or not nq.is_list_of_ids:
        return None
    f = spec.field(nq.identity[0])
    return f.api_path if f is not None else None


def find(
    spec: ResourceSpec,
    api: Any,
    prior: dict[str, Any],
    custom: Mapping[str, Callable[[Any, Any], Any]],
) -> tuple[int, Any]:
    """Index and entry of the resource in the list at the nested query's keys, found by
    its identity fields as flattened; (-1, None) when it is not there."""
    nq = spec.nested
    assert nq is not None
    for i, item in enumerate(entries(api, nq.keys, id_path(spec))):
        found = convert.flatten(spec.fields, item, prior, custom)
        if all(same(found.get(n), prior.get(n)) for n in nq.identity):
            return i, item
    return -1, None


def patch_body(
    spec: ResourceSpec,
    parent: Any,
    state: dict[str, Any],
    entry: dict[str, Any],
    op: str,
    custom: Mapping[str, Callable[[Any, Any], Any]],
) -> dict[str, Any] | None:
    """The body of a read-modify-write call: ``parent``'s list with the resource's entry
    (its body; its id in a list of ids) added, replaced or removed, under the keys.
    None when the entry to remove is not there (nothing to send)."""
    nq = spec.nested
    assert nq is not None
    index, _ = find(spec, parent, state, custom)
    if op == REMOVE and index < 0:
        return None
    path = id_path(spec)
    value: Any = entry
    for key in path or ():
        value = value.get(key) if isinstance(value, dict) else None
    return wrap(nq.keys, edit(raw_list(parent, nq.keys), index, value, op))
