"""Model properties -> the runtime's `Field(...)` keyword arguments, as Python code.

Every value goes through `literals.py` here, so the template only lays the pairs out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Diagnostic, DiagnosticBag
from ..model.nodes import STRING_MAP_KINDS, MapView, Property, Type, TypeKind
from ..model.server_names import regex_message
from ..render.literals import py

PRIMITIVE_KIND = {
    TypeKind.STRING: "string",
    TypeKind.ENUM: "string",
    TypeKind.RESOURCE_REF: "string",
    TypeKind.TIME: "string",
    TypeKind.FINGERPRINT: "string",
    TypeKind.INTEGER: "integer",
    TypeKind.DOUBLE: "number",
    TypeKind.BOOLEAN: "bool",
}


@dataclass(frozen=True)
class FieldCode:
    """One `Field(...)` call: positional name, keyword pairs, and child fields."""

    name_code: str
    kwargs: tuple[tuple[str, str], ...]
    children: tuple[FieldCode, ...]


def _shape(t: Type) -> tuple[str, str | None, tuple[str, ...]]:
    """(runtime kind, element_kind, enum values) of a model type."""
    if t.kind in PRIMITIVE_KIND:
        return PRIMITIVE_KIND[t.kind], None, t.enum_values
    if t.kind is TypeKind.NESTED_OBJECT:
        if not t.properties:
            # An object that declares no fields (Magic Modules' empty objects) is free-form.
            return "map", "string", ()
        return "single", None, ()
    if t.kind is TypeKind.ARRAY and t.item is not None:
        kind = "set" if t.is_set else "list"
        if t.item.kind is TypeKind.NESTED_OBJECT:
            return kind, None, ()
        return kind, PRIMITIVE_KIND.get(t.item.kind, "string"), t.item.enum_values
    if t.kind in STRING_MAP_KINDS:
        return "map", "string", ()
    if t.kind is TypeKind.MAP and t.value is not None:
        if t.value.kind is TypeKind.NESTED_OBJECT:
            return "set", None, ()
        return "map", PRIMITIVE_KIND.get(t.value.kind, "string"), t.value.enum_values
    return "string", None, ()


def field_code(p: Property, bag: DiagnosticBag, where: str) -> FieldCode:
    t = p.type
    kind, element_kind, enum_values = _shape(t)
    map_key: str | None = None
    if t.kind is TypeKind.MAP and t.value is not None and t.value.kind is TypeKind.NESTED_OBJECT:
        # A map of objects becomes a set of blocks that carry their key as a field.
        kind, element_kind, enum_values = "set", None, ()
        map_key = t.key_name or "name"
        if any(c.name == map_key for c in t.nested_properties):
            bag.error(
                "map-key-collision",
                f"{where}: the key name `{map_key}` of map `{p.name}` is also one of its fields",
                p.loc,
                "set `key_name` to a name the nested properties do not use",
            )
    kw: list[tuple[str, str]] = [("kind", py(kind))]
    if element_kind is not None:
        kw.append(("element_kind", py(element_kind)))
    kw.append(("presence", py(p.presence.value)))
    api_path = () if p.url_param_only else tuple(s for s in p.api_name.split(".") if s)
    if api_path:
        kw.append(("api_path", py(api_path)))
    if p.description:
        kw.append(("description", py(p.description)))
    flags = (
        ("forces_new", p.forces_new),
        ("sensitive", p.sensitive),
        ("write_only", p.write_only),
        ("ignore_read", p.ignore_read),
        ("url_param_only", p.url_param_only),
        ("omit_empty", p.omit_empty),
    )
    kw.extend((k, "True") for k, v in flags if v)
    if p.default is not None:
        kw.append(("default", py(p.default)))
    if enum_values:
        kw.append(("enum_values", py(tuple(enum_values))))
    v = p.validation
    for key, value in (
        ("regex", v.regex),
        ("min_length", v.min_length),
        ("max_length", v.max_length),
        ("minimum", v.minimum),
        ("maximum", v.maximum),
        ("min_items", v.min_items),
        ("max_items", v.max_items),
    ):
        if value is not None:
            kw.append((key, py(value)))
    if p.parent_id and v.regex is not None:
        # Said instead of the expression derived from the parent's id template.
        kw.append(("regex_message", py(regex_message(p))))
    for key, refs in (
        ("conflicts_with", p.conflicts_with),
        ("exactly_one_of", p.exactly_one_of),
        ("at_least_one_of", p.at_least_one_of),
        ("required_with", p.required_with),
    ):
        if refs:
            kw.append((key, py(tuple(refs))))
    if p.deprecation:
        kw.append(("deprecation", py(p.deprecation)))
    if p.provider_default:
        kw.append(("provider_default", py(p.provider_default)))
    if p.map_view is not MapView.ALL:
        kw.append(("map_view", py(p.map_view.value)))
    if p.view_of:
        kw.append(("view_of", py(p.view_of)))
    children = tuple(field_code(c, bag, f"{where}.{p.name}") for c in t.nested_properties)
    if map_key is not None:
        kw.append(("map_key", py(map_key)))
        key_field = FieldCode(
            py(map_key),
            (
                ("kind", py("string")),
                ("presence", py("required")),
                ("api_path", py((map_key,))),
                ("description", py(f"The key of this entry of `{p.name}`.")),
            ),
            (),
        )
        children = (key_field, *children)
    return FieldCode(py(p.name), tuple(kw), children)


def fields_code(
    props: tuple[Property, ...], where: str
) -> tuple[tuple[FieldCode, ...], list[Diagnostic]]:
    bag = DiagnosticBag()
    return tuple(field_code(p, bag, where) for p in props), bag.items
