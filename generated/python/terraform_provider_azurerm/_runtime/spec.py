# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/spec.py
# Template:    python/runtime/spec.py
# Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Declarative description of one generated resource.

Generated resource modules build a ``ResourceSpec`` with literal constructor calls; every
other runtime module only reads these frozen objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KINDS = ("string", "integer", "number", "bool", "map", "list", "set", "single")
PRIMITIVE_KINDS = ("string", "integer", "number", "bool")
PRESENCES = ("required", "optional", "computed", "optional_computed")
ASYNC_STYLES = ("none", "arm", "operation")


@dataclass(frozen=True)
class Field:
    """One Terraform attribute or nested block and where it lives in the API JSON."""

    name: str
    kind: str
    element_kind: str | None = None
    children: tuple[Field, ...] = ()
    presence: str = "optional"
    api_path: tuple[str, ...] = ()
    description: str = ""
    forces_new: bool = False
    sensitive: bool = False
    write_only: bool = False
    default: Any = None
    enum_values: tuple[Any, ...] = ()
    regex: str | None = None
    # Said when `regex` fails, instead of the expression (a parent's id names its form).
    regex_message: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_items: int | None = None
    max_items: int | None = None
    conflicts_with: tuple[str, ...] = ()
    exactly_one_of: tuple[str, ...] = ()
    at_least_one_of: tuple[str, ...] = ()
    required_with: tuple[str, ...] = ()
    ignore_read: bool = False
    url_param_only: bool = False
    deprecation: str | None = None
    # The provider setting that supplies the value when the configuration leaves it unset
    # (a "merged" map: the map setting merged under the argument).
    provider_default: str | None = None
    # A view of a shared string map (labels): "configured" manages only its keys, "merged"
    # is the argument `view_of` over the provider default (sent), "effective" all keys.
    map_view: str = "all"
    view_of: str | None = None
    # A set block whose API form is an object keyed by the child of this name (a map of
    # objects): `{"a": {...}}` in the API is `[{<map_key> = "a", ...}]` in Terraform.
    map_key: str | None = None
    # Leave an empty value (false, 0, "", [], {}, a block with nothing set) out of bodies.
    omit_empty: bool = False

    def __post_init__(self) -> None:
        # Fail at import time of the generated module rather than mid-apply.
        if self.kind not in KINDS:
            raise ValueError(f"field {self.name!r}: unknown kind {self.kind!r}")
        if self.presence not in PRESENCES:
            raise ValueError(f"field {self.name!r}: unknown presence {self.presence!r}")
        if self.children and self.kind not in ("single", "list", "set"):
            raise ValueError(f"field {self.name!r}: only single/list/set may have children")
        if self.map_key is not None and (
            self.kind != "set" or self.map_key not in {c.name for c in self.children}
        ):
            raise ValueError(f"field {self.name!r}: map_key must name a child of a set block")
        if self.kind == "single" and not self.children:
            raise ValueError(f"field {self.name!r}: kind 'single' needs children")
        if self.element_kind is not None and self.element_kind not in PRIMITIVE_KINDS:
            raise ValueError(f"field {self.name!r}: bad element_kind {self.element_kind!r}")
        if not self.api_path and not self.url_param_only:
            raise ValueError(f"field {self.name!r}: empty api_path needs url_param_only")

    @property
    def is_block(self) -> bool:
        """Nested blocks are the fields with children (Terraform blocks, not attributes)."""
        return bool(self.children)

    @property
    def is_computed_only(self) -> bool:
        return self.presence == "computed"

    @property
    def is_computed(self) -> bool:
        """Computed in the schema sense: the provider may supply the value."""
        return self.presence in ("computed", "optional_computed") or (
            self.default is not None and not self.is_block
        )

    @property
    def is_collection(self) -> bool:
        return self.kind in ("map", "list", "set") and not self.children

    def child(self, name: str) -> Field | None:
        for c in self.children:
            if c.name == name:
                return c
        return None


@dataclass(frozen=True)
class IdParam:
    """A ``{name}`` placeholder of the id template and where its value comes from.

    ``source="provider"``: provider configuration attribute ``field or name``;
    ``source="field"``: top-level resource field ``field or name``.
    """

    name: str
    source: str = "field"
    field: str | None = None

    def __post_init__(self) -> None:
        if self.source not in ("provider", "field"):
            raise ValueError(f"id param {self.name!r}: unknown source {self.source!r}")

    @property
    def attribute(self) -> str:
        return self.field or self.name


@dataclass(frozen=True)
class UpdateGroup:
    """A call of its own for some top-level fields: when one of ``fields`` changes, just
    those are sent to ``url`` with ``verb``; with ``fingerprint``, that API field is read
    from the resource first and sent along."""

    url: str
    verb: str
    fields: tuple[str, ...]
    fingerprint: str | None = None


@dataclass(frozen=True)
class NestedQuery:
    """The resource is one entry of the list at ``keys`` in its read URL's answer, found
    by its ``identity`` fields (a list of plain ids: ``is_list_of_ids``). With
    ``modify_by_patch``, create, update and delete send the parent's list, edited, under
    ``keys``; ``patch_mask`` is then their `updateMask` (the keys, dotted), if any."""

    keys: tuple[str, ...]
    identity: tuple[str, ...]
    is_list_of_ids: bool = False
    modify_by_patch: bool = False
    patch_mask: str | None = None


@dataclass(frozen=True)
class Timeouts:
    """Default per-operation deadlines in seconds."""

    create: float = 1800.0
    read: float = 300.0
    update: float = 1800.0
    delete: float = 1800.0

    def for_operation(self, op: str) -> float:
        return float(getattr(self, op))


@dataclass(frozen=True)
class ResourceSpec:
    type_name: str
    fields: tuple[Field, ...]
    id_template: str
    description: str = ""
    schema_version: int = 0
    id_params: tuple[IdParam, ...] = ()
    api_version: str | None = None
    create_verb: str = "PUT"
    read_verb: str = "GET"
    update_verb: str | None = "PUT"
    delete_verb: str = "DELETE"
    async_style: str = "none"
    immutable: bool = False
    timeouts: Timeouts = Timeouts()
    import_formats: tuple[str, ...] = ()
    deprecation: str | None = None
    # The product's API base URL: one provider holds several products, each on its host.
    base_url: str = ""
    # Magic Modules REST mappings; None: the call goes to `id_template` (as does a read).
    create_url: str | None = None
    update_url: str | None = None
    delete_url: str | None = None
    # Send `updateMask` (the changed API paths) as a query parameter of updates.
    update_mask: bool = False
    # The Terraform ID's template when it is not `id_template` (also the import format).
    id_format: str | None = None
    # Google operations: where a pending one is polled (`{op_id}` is its name; None: the
    # name relative to the base URL), and whether the finished one's `response` is the
    # resource (read into state before the GET, for server-assigned id fields).
    operation_url: str | None = None
    result_in_response: bool = False
    # Property-level update calls, besides (or, immutable, instead of) `update_verb`'s.
    update_groups: tuple[UpdateGroup, ...] = ()
    # False: `terraform import` is refused with an error.
    importable: bool = True
    # The argument that guards destroy: `PREVENT` in state fails it, `ABANDON` forgets
    # the resource without an API call; any other value deletes.
    deletion_policy: str | None = None
    # Client-side arguments with a default: an import sets them to it (nothing to read).
    virtual_defaults: tuple[str, ...] = ()
    # Arguments holding the id of the object this one lives under: they fill the id
    # template with their slashes, and an import id gives them several segments.
    parent_ids: tuple[str, ...] = ()
    # The resource is an entry of a list inside another object's answer.
    nested: NestedQuery | None = None
    # Top-level fields that change in the state alone, with no API call (labels on an
    # immutable resource); a merged view of one is what the API holds, so a change of
    # that view replaces the resource.
    state_only: tuple[str, ...] = ()
    # False: the API cannot read the resource: refresh keeps the state, create keeps the
    # plan (unknowns from the create answer, else null), an import takes the id's values.
    can_read: bool = True
    # False: the API cannot delete it: destroy forgets it with a warning, sends nothing.
    can_delete: bool = True
    # (API path of a top-level field, the `updateMask` names a change of it contributes
    # instead of its own changed paths).
    update_mask_fields: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def __post_init__(self) -> None:
        if self.async_style not in ASYNC_STYLES:
            raise ValueError(f"{self.type_name}: unknown async_style {self.async_style!r}")
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.type_name}: duplicate field names")
        if "timeouts" in names:
            raise ValueError(f"{self.type_name}: 'timeouts' is reserved for the runtime")
        if self.nested is not None and not set(self.nested.identity) <= set(names):
            raise ValueError(f"{self.type_name}: nested identity names unknown fields")

    @property
    def id_format_or_template(self) -> str:
        return self.id_format or self.id_template

    @property
    def declares_id(self) -> bool:
        return any(f.name == "id" for f in self.fields)

    @property
    def all_replace(self) -> bool:
        """True when no resource-level update exists: an argument outside the update
        groups forces a new resource when it changes."""
        return self.immutable or self.update_verb is None

    @property
    def grouped(self) -> frozenset[str]:
        """Top-level fields that an update group updates in place."""
        return frozenset(name for g in self.update_groups for name in g.fields)

    def replaces(self, name: str) -> bool:
        """Whether any change of top-level field ``name`` forces a new resource."""
        # The destroy guard changes in state alone, whatever else replaces the resource.
        guard = name == self.deletion_policy
        return (
            self.all_replace
            and name not in self.grouped
            and not guard
            and name not in self.state_only
        )

    @property
    def held_views(self) -> tuple[Field, ...]:
        """Merged map views of state-only fields: what the API holds and nothing can
        send, so a change of one replaces the resource."""
        return tuple(
            f for f in self.fields if f.map_view == "merged" and f.view_of in self.state_only
        )

    def field(self, name: str) -> Field | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None

    def field_at(self, dotted: str) -> Field | None:
        """Resolve ``"a.b.c"`` (Terraform names from the root) to its Field."""
        parts = dotted.split(".")
        current = self.field(parts[0])
        for part in parts[1:]:
            if current is None:
                return None
            current = current.child(part)
        return current
