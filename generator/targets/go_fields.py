"""The model's properties as Go attribute kinds: one small type per kind of attribute.

`go_field()` maps a Property to a GoField (its framework type, Go field name, nested
model) once; the schema, the model structs and the expand/flatten code are all read off
that one tree, so they cannot disagree.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from ..model.nodes import Presence, Property, Resource, Type, TypeKind
from ..render.go_literals import go_exported, go_unexported


class GoKind(enum.Enum):
    STRING = "String"
    INT64 = "Int64"
    FLOAT64 = "Float64"
    BOOL = "Bool"
    LIST = "List"  # of primitives
    SET = "Set"
    MAP = "Map"
    SINGLE_BLOCK = "SingleNestedBlock"
    LIST_BLOCK = "ListNestedBlock"
    SET_BLOCK = "SetNestedBlock"
    MAP_BLOCK = "MapBlock"  # a map of objects: a set of blocks carrying their key
    # Computed-only objects: Terraform blocks cannot be computed, so (as in the python
    # target) they are nested attributes, held as framework values in the model.
    OBJECT_ATTR = "SingleNestedAttribute"
    LIST_OBJECT_ATTR = "ListNestedAttribute"
    SET_OBJECT_ATTR = "SetNestedAttribute"

    @property
    def is_block(self) -> bool:
        return self in (
            GoKind.SINGLE_BLOCK,
            GoKind.LIST_BLOCK,
            GoKind.SET_BLOCK,
            GoKind.MAP_BLOCK,
        )

    @property
    def is_object_attr(self) -> bool:
        return self in (GoKind.OBJECT_ATTR, GoKind.LIST_OBJECT_ATTR, GoKind.SET_OBJECT_ATTR)

    @property
    def is_nested(self) -> bool:
        return self.is_block or self.is_object_attr

    @property
    def is_collection(self) -> bool:
        return self in (GoKind.LIST, GoKind.SET, GoKind.MAP)


PRIMITIVE_KINDS = {
    TypeKind.INTEGER: GoKind.INT64,
    TypeKind.DOUBLE: GoKind.FLOAT64,
    TypeKind.BOOLEAN: GoKind.BOOL,
}


def primitive_kind(t: Type) -> GoKind:
    return PRIMITIVE_KINDS.get(t.kind, GoKind.STRING)


@dataclass
class GoField:
    prop: Property
    kind: GoKind
    go_name: str  # struct field name
    path: tuple[str, ...]  # Terraform names from the resource root
    elem: GoKind | None = None  # element kind of primitive collections
    children: list[GoField] = field(default_factory=list)
    model: str = ""  # Go type name of the nested model struct (blocks)
    key_name: str | None = None  # MAP_BLOCK: the child attribute that holds the key
    in_blocks: tuple[GoKind, ...] = ()  # kinds of the blocks it sits in, outermost first
    attr_types: str = ""  # object attributes: the Go var holding the object's attr types

    @property
    def name(self) -> str:
        return self.prop.name

    @property
    def dotted(self) -> str:
        return ".".join(self.path)

    @property
    def api_path(self) -> tuple[str, ...]:
        api = self.prop.api_name or self.prop.name
        return tuple(api.split("."))

    @property
    def settable(self) -> bool:
        return self.prop.presence.settable

    @property
    def computed(self) -> bool:
        return self.prop.presence.computed or self.prop.default is not None

    @property
    def kept_from_prior(self) -> bool:
        """Never read back from the API: the configured value is kept."""
        p = self.prop
        return p.url_param_only or p.write_only or p.ignore_read or p.config_only

    @property
    def inside_computed(self) -> bool:
        return any(k.is_object_attr for k in self.in_blocks)

    @property
    def framework_type(self) -> str:
        """The Go type of the model struct field."""
        if self.kind is GoKind.OBJECT_ATTR:
            return "types.Object"
        if self.kind is GoKind.LIST_OBJECT_ATTR:
            return "types.List"
        if self.kind is GoKind.SET_OBJECT_ATTR:
            return "types.Set"
        if self.kind is GoKind.SINGLE_BLOCK:
            return f"*{self.model}"
        if self.kind.is_block:
            return f"[]{self.model}"
        return f"types.{self.kind.value}"

    @property
    def elem_type(self) -> str:
        return f"types.{(self.elem or GoKind.STRING).value}Type"


def _map_key(t: Type) -> str:
    return t.key_name or "name"


def go_fields(
    props: tuple[Property, ...],
    model_prefix: str,
    parent: tuple[str, ...] = (),
    in_blocks: tuple[GoKind, ...] = (),
) -> list[GoField]:
    out = []
    for p in props:
        path = (*parent, p.name)
        t = p.type
        inner = t.item if t.kind is TypeKind.ARRAY else t.value if t.kind is TypeKind.MAP else None
        f = GoField(p, GoKind.STRING, go_exported(p.name), path, in_blocks=in_blocks)
        computed_only = p.presence is Presence.COMPUTED or any(k.is_object_attr for k in in_blocks)
        if t.is_block and computed_only:
            if t.kind is TypeKind.NESTED_OBJECT:
                f.kind = GoKind.OBJECT_ATTR
            elif t.is_set or t.kind is TypeKind.MAP:
                f.kind = GoKind.SET_OBJECT_ATTR
                f.key_name = _map_key(t) if t.kind is TypeKind.MAP else None
            else:
                f.kind = GoKind.LIST_OBJECT_ATTR
        if t.is_block and not computed_only:
            if t.kind is TypeKind.NESTED_OBJECT:
                f.kind = GoKind.SINGLE_BLOCK
            elif t.kind is TypeKind.MAP:
                f.kind = GoKind.MAP_BLOCK
                f.key_name = _map_key(t)
            else:
                f.kind = GoKind.SET_BLOCK if t.is_set else GoKind.LIST_BLOCK
        if t.is_block:
            f.model = model_prefix + go_exported(p.name) + "Model"
            f.attr_types = (
                model_prefix[:1].lower() + model_prefix[1:] + go_exported(p.name) + "AttrTypes"
            )
            children = go_fields(
                t.nested_properties,
                model_prefix + go_exported(p.name),
                path,
                (*in_blocks, f.kind),
            )
            if f.key_name is not None:
                key_prop = Property(
                    name=f.key_name,
                    type=Type(TypeKind.STRING),
                    description=f"The key of this {p.name} entry.",
                    presence=Presence.COMPUTED if computed_only else Presence.REQUIRED,
                )
                key = GoField(
                    key_prop,
                    GoKind.STRING,
                    go_exported(f.key_name),
                    (*path, f.key_name),
                    in_blocks=(*in_blocks, f.kind),
                )
                children = [key, *[c for c in children if c.name != f.key_name]]
            f.children = children
        elif t.kind is TypeKind.ARRAY and inner is not None:
            f.kind = GoKind.SET if t.is_set else GoKind.LIST
            f.elem = primitive_kind(inner)
        elif t.kind is TypeKind.MAP:
            f.kind = GoKind.MAP
            f.elem = primitive_kind(inner) if inner is not None else GoKind.STRING
        elif t.kind in (
            TypeKind.KEY_VALUE_PAIRS,
            TypeKind.KEY_VALUE_LABELS,
            TypeKind.KEY_VALUE_ANNOTATIONS,
        ):
            f.kind = GoKind.MAP
            f.elem = GoKind.STRING
        else:
            f.kind = primitive_kind(t)
        out.append(f)
    return out


def resource_fields(res: Resource) -> list[GoField]:
    return go_fields(res.properties, go_unexported(res.name))


def walk_fields(fields: list[GoField]) -> list[GoField]:
    out: list[GoField] = []
    for f in fields:
        out.append(f)
        out.extend(walk_fields(f.children))
    return out


def block_models(fields: list[GoField]) -> list[GoField]:
    """Every nested object, depth first, in declaration order: one model struct each."""
    return [f for f in walk_fields(fields) if f.kind.is_nested]


def attr_type_expr(f: GoField) -> str:
    """The framework attr.Type of a field, for object attribute type maps."""
    if f.kind is GoKind.OBJECT_ATTR or f.kind is GoKind.SINGLE_BLOCK:
        return f"types.ObjectType{{AttrTypes: {f.attr_types}}}"
    if f.kind in (GoKind.LIST_OBJECT_ATTR, GoKind.LIST_BLOCK):
        return f"types.ListType{{ElemType: types.ObjectType{{AttrTypes: {f.attr_types}}}}}"
    if f.kind.is_nested:
        return f"types.SetType{{ElemType: types.ObjectType{{AttrTypes: {f.attr_types}}}}}"
    if f.kind.is_collection:
        return f"types.{f.kind.value}Type{{ElemType: {f.elem_type}}}"
    return f"types.{f.kind.value}Type"
