"""Values the server fills in: computed properties and optional+computed ones left out.

Values are plausible for their type and stable: a value generated once is kept on later
writes (taken from the prior response), except fingerprints, which change on every write.
- Time, or a name ending in `_time`/`Time`: the resource's creation time, RFC 3339 (UTC);
- Enum: its first value; Fingerprint: a hash of the stored body;
- String / ResourceRef: built from the resource name and the property name;
- Integer 0, Double 0.0, Boolean false, Array [], Map {};
- NestedObject: an object with its computed, optional+computed and required children filled.
"""

from __future__ import annotations

import hashlib
import json
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from ..model.nodes import STRING_MAP_KINDS, Presence, TypeKind
from .shapes import Leaf, Shape


@dataclass
class ValueSource:
    resource_name: str
    timestamp: str  # RFC 3339
    fingerprint: str

    @classmethod
    def for_body(cls, resource_name: str, timestamp: str, body: Any) -> ValueSource:
        digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]
        return cls(resource_name, timestamp, digest)

    def value(self, leaf: Leaf, key: str) -> Any:
        prop, t = leaf.prop, leaf.prop.type
        kind = t.kind
        if kind is TypeKind.TIME or (
            kind is TypeKind.STRING and (prop.name.endswith("_time") or key.endswith("Time"))
        ):
            return self.timestamp
        if kind is TypeKind.ENUM and t.enum_values:
            return t.enum_values[0]
        if kind is TypeKind.FINGERPRINT:
            return self.fingerprint
        if kind.is_string_like:
            return f"{self.resource_name}-{prop.name.replace('_', '-')}"
        if kind is TypeKind.INTEGER:
            return 0
        if kind is TypeKind.DOUBLE:
            return 0.0
        if kind is TypeKind.BOOLEAN:
            return False
        if kind is TypeKind.ARRAY:
            return []
        if kind is TypeKind.MAP or kind in STRING_MAP_KINDS:
            return {}
        return fill(leaf.obj or Shape(), {}, None, self, complete=True)


def _has_server_values(shape: Shape) -> bool:
    for entry in shape.fields.values():
        if isinstance(entry, Shape):
            if _has_server_values(entry):
                return True
        elif entry.prop.presence.computed:
            return True
    return False


def fill(
    shape: Shape, value: Any, prior: Any, source: ValueSource, complete: bool = False
) -> dict[str, Any]:
    """`value` with server values added; `prior` is the previous response at the same place.

    `complete`: also fill required children (for an object the server makes up as a whole).
    """
    out: dict[str, Any] = deepcopy(value) if isinstance(value, dict) else {}
    before = prior if isinstance(prior, dict) else {}
    for key, entry in shape.fields.items():
        if isinstance(entry, Shape):
            if key in out or _has_server_values(entry):
                filled = fill(entry, out.get(key), before.get(key), source, complete)
                if filled or key in out:
                    out[key] = filled
            continue
        presence = entry.prop.presence
        current = out.get(key)
        wanted = presence is Presence.COMPUTED or (
            current is None
            and (
                presence is Presence.OPTIONAL_COMPUTED
                or (complete and presence is Presence.REQUIRED)
            )
        )
        if wanted:
            old = before.get(key)
            keep = old is not None and entry.prop.type.kind is not TypeKind.FINGERPRINT
            out[key] = deepcopy(old) if keep else source.value(entry, key)
        elif current is not None and entry.obj is not None:
            out[key] = _fill_objects(entry, current, before.get(key), source)
    return out


def _fill_objects(leaf: Leaf, value: Any, prior: Any, source: ValueSource) -> Any:
    shape = leaf.obj or Shape()
    kind = leaf.prop.type.kind
    if kind is TypeKind.ARRAY and isinstance(value, list):
        olds = prior if isinstance(prior, list) else []
        return [
            fill(shape, v, olds[i] if i < len(olds) else None, source) for i, v in enumerate(value)
        ]
    if kind is TypeKind.MAP and isinstance(value, dict):
        olds_map = prior if isinstance(prior, dict) else {}
        return {k: fill(shape, v, olds_map.get(k), source) for k, v in value.items()}
    return fill(shape, value, prior, source)
