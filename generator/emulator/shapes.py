"""The JSON shape of a resource's API object, derived from the model, and body checks.

A property's `api_name` is a dotted path relative to its parent object, so the properties
`properties.nodeCount` and `properties.cluster.id` make an implicit `properties` object holding
`nodeCount` and an implicit `cluster` object. A `Shape` is one JSON object: its keys map to a
nested implicit `Shape` or to a `Leaf` (one model property; `obj` is the shape of the objects a
NestedObject, or an Array/Map of NestedObject, holds).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..model.nodes import (
    STRING_MAP_KINDS,
    MapView,
    Presence,
    Property,
    Type,
    TypeKind,
    Validation,
)

# ARM envelope fields the server owns; a client may echo them back and they are ignored.
ENVELOPE = frozenset({"id", "name", "type", "etag", "systemData"})
SERVER_OWNED = frozenset({"properties.provisioningState"})

_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


@dataclass
class Leaf:
    prop: Property
    obj: Shape | None = None


@dataclass
class Shape:
    fields: dict[str, Shape | Leaf] = field(default_factory=dict)


def build_shape(props: tuple[Property, ...]) -> Shape:
    root = Shape()
    # A Terraform write-only argument (`config_only`) is sent under the API name of the
    # field it is a twin of (`password_wo` as `password`): that field's leaf stands, and
    # the write-only one is a leaf only where no other property names the path.
    for prop in sorted(props, key=lambda p: p.config_only):
        if prop.url_param_only or not prop.api_name:
            continue
        if prop.map_view in (MapView.MERGED, MapView.EFFECTIVE):
            continue  # a Terraform-side view of its argument's API field (labels), not a field
        parts = prop.api_name.split(".")
        node = root
        for part in parts[:-1]:
            nxt = node.fields.get(part)
            if isinstance(nxt, Leaf) and nxt.obj is not None:
                nxt = nxt.obj  # a dotted path into a nested object: extend that object
            if not isinstance(nxt, Shape):
                nxt = Shape()
                node.fields[part] = nxt
            node = nxt
        leaf = Leaf(prop, build_shape(prop.type.nested_properties) if prop.type.is_block else None)
        existing = node.fields.get(parts[-1])
        if prop.config_only and existing is not None:
            continue
        if isinstance(existing, Shape) and leaf.obj is not None:
            leaf.obj.fields.update(existing.fields)
        node.fields[parts[-1]] = leaf
    return root


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def key_path(path: str, key: str) -> str:
    return join(path, key) if _IDENT.match(key) else f'{path}["{key}"]'


def index_free(path: str) -> str:
    return re.sub(r"\[[^\]]*\]", "", path)


@dataclass
class FieldError:
    path: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "target": self.path, "message": self.message}


def _kind_word(t: Type) -> str:
    if t.kind.is_string_like:
        return "a string"
    return {
        TypeKind.INTEGER: "an integer",
        TypeKind.DOUBLE: "a number",
        TypeKind.BOOLEAN: "a boolean",
        TypeKind.ARRAY: "an array",
        TypeKind.NESTED_OBJECT: "an object",
    }.get(t.kind, "an object (map)")


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


class Checker:
    """Checks a request body against a shape and returns it cleaned.

    Cleaning drops what the server owns (envelope fields, computed-only properties: ARM
    ignores read-only fields a client sends back) and, unless `keep_nulls` (JSON merge patch),
    null values. Errors and ignored paths are collected, never raised.
    """

    def __init__(
        self,
        allow_extra: Callable[[str], bool] = lambda path: False,
        check_required: bool = True,
        keep_nulls: bool = False,
    ) -> None:
        self.allow_extra = allow_extra
        self.check_required = check_required
        self.keep_nulls = keep_nulls
        self.errors: list[FieldError] = []
        self.ignored: list[str] = []
        self.extras: list[str] = []

    def error(self, path: str, code: str, message: str) -> None:
        self.errors.append(FieldError(path, code, message))

    def object(self, shape: Shape, value: Any, path: str = "") -> dict[str, Any]:
        if not isinstance(value, dict):
            where = f"`{path}`" if path else "the request body"
            self.error(
                path, "InvalidPropertyType", f"{where} must be an object, got {_json_type(value)}"
            )
            return {}
        out: dict[str, Any] = {}
        for key, item in value.items():
            sub = join(path, key)
            entry = shape.fields.get(key)
            if entry is None:
                if (not path and key in ENVELOPE) or sub in SERVER_OWNED:
                    self.ignored.append(sub)
                elif self.allow_extra(index_free(sub)):
                    self.extras.append(sub)
                    out[key] = deepcopy(item)
                else:
                    self.error(
                        sub,
                        "UnknownProperty",
                        f"unknown property `{sub}`: the API has no such field",
                    )
                continue
            if item is None:
                if self.keep_nulls:
                    out[key] = None
                continue
            if isinstance(entry, Shape):
                out[key] = self.object(entry, item, sub)
            elif not entry.prop.presence.settable:
                self.ignored.append(sub)
            else:
                out[key] = self.value(entry, entry.prop.type, item, sub)
        if self.check_required:
            for missing in required_paths(shape, value, path):
                self.error(
                    missing, "MissingRequiredProperty", f"required property `{missing}` is missing"
                )
        return out

    def value(self, leaf: Leaf, t: Type, value: Any, path: str, element: bool = False) -> Any:
        val = leaf.prop.validation
        kind = t.kind
        if kind is TypeKind.NESTED_OBJECT:
            return self.object(leaf.obj or Shape(), value, path)
        if kind is TypeKind.ARRAY:
            if not isinstance(value, list):
                return self._type_error(t, value, path)
            self._count(val, len(value), path)
            item_type = t.item or Type(TypeKind.STRING)
            return [
                self.value(leaf, item_type, v, f"{path}[{i}]", element=True)
                for i, v in enumerate(value)
            ]
        if kind is TypeKind.MAP or kind in STRING_MAP_KINDS:
            if not isinstance(value, dict):
                return self._type_error(t, value, path)
            self._count(val, len(value), path)
            value_type = t.value if kind is TypeKind.MAP and t.value else Type(TypeKind.STRING)
            return {
                k: self.value(leaf, value_type, v, key_path(path, k), element=True)
                for k, v in value.items()
            }
        if not _type_ok(kind, value):
            return self._type_error(t, value, path)
        if kind is TypeKind.ENUM and t.enum_values and value not in t.enum_values:
            allowed = ", ".join(f"`{e}`" for e in t.enum_values)
            self.error(
                path,
                "InvalidPropertyValue",
                f"`{path}` must be one of {allowed}, got {value!r}",
            )
        elif kind is TypeKind.TIME and not is_rfc3339(value):
            self.error(
                path, "InvalidPropertyValue", f"`{path}` must be an RFC 3339 time, got {value!r}"
            )
        self._scalar(val, value, path)
        return value

    def _type_error(self, t: Type, value: Any, path: str) -> Any:
        self.error(
            path,
            "InvalidPropertyType",
            f"`{path}` must be {_kind_word(t)}, got {_json_type(value)}",
        )
        return value

    def _count(self, val: Validation, n: int, path: str) -> None:
        if val.min_items is not None and n < val.min_items:
            self.error(
                path, "InvalidPropertyValue", f"`{path}` needs at least {val.min_items} items"
            )
        if val.max_items is not None and n > val.max_items:
            self.error(
                path, "InvalidPropertyValue", f"`{path}` allows at most {val.max_items} items"
            )

    def _scalar(self, val: Validation, value: Any, path: str) -> None:
        bad = "InvalidPropertyValue"
        if isinstance(value, str):
            if val.regex is not None and not re.search(val.regex, value):
                self.error(path, bad, f"`{path}` must match `{val.regex}`, got {value!r}")
            if val.min_length is not None and len(value) < val.min_length:
                self.error(path, bad, f"`{path}` must be at least {val.min_length} characters")
            if val.max_length is not None and len(value) > val.max_length:
                self.error(path, bad, f"`{path}` must be at most {val.max_length} characters")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if val.minimum is not None and value < val.minimum:
                self.error(path, bad, f"`{path}` must be >= {val.minimum:g}, got {value}")
            if val.maximum is not None and value > val.maximum:
                self.error(path, bad, f"`{path}` must be <= {val.maximum:g}, got {value}")


def _type_ok(kind: TypeKind, value: Any) -> bool:
    if kind.is_string_like:
        return isinstance(value, str)
    if kind is TypeKind.BOOLEAN:
        return isinstance(value, bool)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if kind is TypeKind.INTEGER:
        return isinstance(value, int) or float(value).is_integer()
    return True


def is_rfc3339(value: str) -> bool:
    if not _RFC3339.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return False
    return True


_ZERO_KINDS = frozenset({TypeKind.INTEGER, TypeKind.DOUBLE, TypeKind.BOOLEAN})


def required_paths(shape: Shape, value: Any, path: str) -> Iterator[str]:
    """API paths of settable required properties missing from `value` (an `omit_empty`
    number or boolean may be missing: its zero is not sent).

    An implicit object that is present is checked when it is walked; one that is absent
    is searched here, so each missing property is reported once.
    """
    present = value if isinstance(value, dict) else {}
    for key, entry in shape.fields.items():
        sub = join(path, key)
        if isinstance(entry, Shape):
            if not isinstance(present.get(key), dict):
                yield from required_paths(entry, None, sub)
        elif (
            entry.prop.presence is Presence.REQUIRED
            and present.get(key) is None
            # Clients leave a zero (0, false) of an omit_empty field out, as Magic Modules'
            # providers do, and Google APIs read its absence as the zero (proto3).
            and not (entry.prop.omit_empty and entry.prop.type.kind in _ZERO_KINDS)
        ):
            yield sub


def strip_write_only(shape: Shape, value: Any) -> Any:
    """A copy of `value` without write-only properties, at every depth."""
    if not isinstance(value, dict):
        return deepcopy(value)
    out: dict[str, Any] = {}
    for key, item in value.items():
        entry = shape.fields.get(key)
        if entry is None:
            out[key] = deepcopy(item)
        elif isinstance(entry, Shape):
            out[key] = strip_write_only(entry, item)
        elif entry.prop.write_only:
            continue
        elif entry.obj is not None:
            out[key] = _map_objects(entry, item, _stripper(entry.obj))
        else:
            out[key] = deepcopy(item)
    return out


def _stripper(shape: Shape) -> Callable[[Any], Any]:
    return lambda value: strip_write_only(shape, value)


def _map_objects(leaf: Leaf, value: Any, fn: Callable[[Any], Any]) -> Any:
    """Apply `fn` to each object a block value holds (single, list or map of objects)."""
    kind = leaf.prop.type.kind
    if kind is TypeKind.ARRAY and isinstance(value, list):
        return [fn(v) for v in value]
    if kind is TypeKind.MAP and isinstance(value, dict):
        return {k: fn(v) for k, v in value.items()}
    return fn(value)


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396 JSON merge patch: objects merge, null deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return deepcopy(patch)
    out = deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge_patch(out.get(key), value)
    return out


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    """The API path of the first place where `a` and `b` differ, or None if equal."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            found = first_difference(a.get(key), b.get(key), join(path, key))
            if found is not None:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found is not None:
                return found
        return None
    return None if a == b else (path or "(body)")
