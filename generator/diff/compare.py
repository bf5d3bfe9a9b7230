"""Compare two loaded models, resource by resource and field by field.

Resources are matched by Terraform type name and fields by name, so reformatting,
reordering and moving a resource to another file or product find nothing: only what the
model holds counts (`loc` is not part of a node's equality). Each change becomes a
`Finding` of one rule (rules.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ..diagnostics import Location
from ..model.nodes import Example, Presence, Product, Property, Resource, Scalar, Type, TypeKind
from ..validate import walk
from .findings import Finding
from .validation_rules import relation_findings, validation_findings

# Attributes the rules below read; every other attribute that changes is `other-change`.
_PROPERTY_RULED = frozenset(
    {
        "name",
        "type",
        "description",
        "presence",
        "forces_new",
        "default",
        "deprecation",
        "validation",
        "conflicts_with",
        "exactly_one_of",
        "at_least_one_of",
        "required_with",
        "min_version",
        "breaking_changes_allowed",
        "loc",
        "default_loc",
        # A parent id's form is its regex's (validation rules) and its URL role a change of
        # the id template (resource rules).
        "parent_id",
        "parent_id_loc",
    }
)
_RESOURCE_RULED = frozenset(
    {
        "name",
        "terraform_name",
        "description",
        "rest",
        "properties",
        "import_formats",
        "importable",
        "examples",
        "references",
        "custom_code",
        "deletion_policy",
        "min_version",
        "breaking_changes_allowed",
        "loc",
    }
)
_REST_RULED = frozenset({"id_template", "id_format", "id_params", "update_verb", "immutable"})


def tf_type(t: Type) -> str:
    """The Terraform-level type a user writes values for: what a type change breaks."""
    k = t.kind
    if k.is_string_like:
        return "string"
    if k is TypeKind.INTEGER:
        return "integer"
    if k is TypeKind.DOUBLE:
        return "number"
    if k is TypeKind.BOOLEAN:
        return "bool"
    if k in (TypeKind.KEY_VALUE_PAIRS, TypeKind.KEY_VALUE_LABELS, TypeKind.KEY_VALUE_ANNOTATIONS):
        return "map(string)"
    if k is TypeKind.MAP:
        return f"map({tf_type(t.value) if t.value is not None else 'string'})"
    if k is TypeKind.ARRAY:
        inner = tf_type(t.item) if t.item is not None else "string"
        return f"{'set' if t.is_set else 'list'}({inner})"
    return "block"


def _same(a: Scalar | None, b: Scalar | None) -> bool:
    """Equal as values of one type: `1 == True` and `1 == 1.0` in Python, not in a spec."""
    return type(a) is type(b) and a == b


def _show(v: Scalar | None) -> str:
    if isinstance(v, bool):
        return f"`{str(v).lower()}`"
    return f"`{v}`" if not isinstance(v, str) else f'`"{v}"`'


@dataclass
class _Ctx:
    product: str
    base: Resource
    head: Resource
    out: list[Finding]
    base_paths: frozenset[str] = frozenset()
    base_flatten: Mapping[str, str] = field(default_factory=dict)
    head_flatten: Mapping[str, str] = field(default_factory=dict)
    example_text: str = ""
    groups: set[str] = field(default_factory=set)  # relation groups reported already

    def add(
        self, rule: str, path: str | None, message: str, loc: Location, side: str = "head"
    ) -> None:
        self.out.append(
            Finding(rule, self.product, self.head.terraform_name, path, message, loc, side)
        )


def compare(base: Iterable[Product], head: Iterable[Product]) -> list[Finding]:
    """Every change from `base` to `head`, sorted: breaking first, then warnings, info."""
    out: list[Finding] = []
    old = {r.terraform_name: (p, r) for p in base for r in p.resources}
    new = {r.terraform_name: (p, r) for p in head for r in p.resources}
    added = sorted(set(new) - set(old))
    for name in sorted(set(old) - set(new)):
        product, res = old[name]
        twin = next((n for n in added if new[n][1].rest.id_template == res.rest.id_template), None)
        how = f" (renamed to `{twin}`?)" if twin and res.rest.id_template else ""
        out.append(
            Finding(
                "resource-map-resource-removal-or-rename",
                product.name,
                name,
                None,
                f"resource `{name}` was removed{how}",
                res.loc,
                "base",
            )
        )
    for name in added:
        product, res = new[name]
        out.append(
            Finding("resource-added", product.name, name, None, f"new resource `{name}`", res.loc)
        )
        ctx = _Ctx(product.name, res, res, out, example_text=_example_text(res))
        for path, prop in walk(res.properties):
            _detect_new_field(ctx, path, prop)
    for name in sorted(set(old) & set(new)):
        (_, b), (product, h) = old[name], new[name]
        if b != h:
            _resource(product.name, b, h, out)
    return sorted(out, key=Finding.sort_key)


def _example_text(res: Resource) -> str:
    return "\n".join(part for e in res.examples for part in (e.config, *e.updates))


def _resource(product: str, b: Resource, h: Resource, out: list[Finding]) -> None:
    ctx = _Ctx(
        product,
        b,
        h,
        out,
        base_paths=frozenset(path for path, _ in walk(b.properties)),
        base_flatten=dict(b.custom_code.flatten),
        head_flatten=dict(h.custom_code.flatten),
        example_text=_example_text(h),
    )
    if h.min_version and not b.min_version:
        ctx.add(
            "resource-map-resource-removal-or-rename",
            None,
            f"resource is now `{h.min_version}`-only: removed from the provider of the first "
            "API release",
            h.loc,
        )
    old_id, new_id = b.rest.id_format or b.rest.id_template, h.rest.id_format or h.rest.id_template
    if old_id != new_id:
        ctx.add("resource-id", None, f"ID format changed from `{old_id}` to `{new_id}`", h.rest.loc)
    if b.importable and not h.importable:
        ctx.add("resource-import-format", None, "import is no longer supported", h.loc)
    elif b.importable:
        gone = [f for f in b.import_formats if f not in h.import_formats]
        if gone:
            listed = ", ".join(f"`{f}`" for f in gone)
            ctx.add(
                "resource-import-format",
                None,
                f"import format(s) removed: {listed}",
                h.import_formats_loc,
            )
    _deletion(ctx)
    _updates(ctx)
    _flatten(ctx)
    _properties(ctx, b.properties, h.properties, "", base_replaced=False)
    docs = [
        what
        for what, x, y in (
            ("description", b.description, h.description),
            ("examples", _examples(b), _examples(h)),
            ("references", b.references, h.references),
        )
        if x != y
    ]
    if docs:
        ctx.add("docs-changed", None, f"resource {', '.join(docs)} changed", h.loc)
    other = _changed_attrs(b, h, _RESOURCE_RULED)
    other += [f"api.{a}" for a in _changed_attrs(b.rest, h.rest, _REST_RULED)]
    hooks = [
        f"custom_code.{k}"
        for k in sorted(set(dict(b.custom_code.hooks)) | set(dict(h.custom_code.hooks)))
        if k != "before_delete"
        and dict(b.custom_code.hooks).get(k) != dict(h.custom_code.hooks).get(k)
    ]
    if b.custom_code.expand != h.custom_code.expand:
        hooks.append("custom_code.expand")
    if b.custom_code.flatten != h.custom_code.flatten and not any(
        f.rule == "field-changing-data-format" and f.resource == h.terraform_name for f in out
    ):
        hooks.append("custom_code.flatten")
    other += hooks
    if other:
        ctx.add("other-change", None, "changed: " + ", ".join(other), h.loc)


def _examples(res: Resource) -> tuple[Example, ...]:
    """Examples with their vars in name order: `vars` is a mapping in the spec."""
    return tuple(replace(e, vars=tuple(sorted(e.vars, key=lambda v: v.name))) for e in res.examples)


def _changed_attrs(b: Any, h: Any, ruled: frozenset[str]) -> list[str]:
    return [
        f.name
        for f in fields(b)
        if f.name not in ruled and f.compare and getattr(b, f.name) != getattr(h, f.name)
    ]


def _deletion_default(res: Resource) -> str:
    """What destroy does by default: the guard argument's default, else `DELETE`."""
    if res.deletion_policy:
        guard = next((p for p in res.properties if p.name == res.deletion_policy), None)
        if guard is not None and isinstance(guard.default, str):
            return guard.default
    return "DELETE"


def _deletion(ctx: _Ctx) -> None:
    b, h = ctx.base, ctx.head
    old, new = _deletion_default(b), _deletion_default(h)
    if old != new:
        ctx.add(
            "resource-deletion-behavior",
            None,
            f"destroy now does `{new}` by default instead of `{old}`",
            h.loc,
        )
    hooks_b, hooks_h = dict(b.custom_code.hooks), dict(h.custom_code.hooks)
    if hooks_b.get("before_delete") != hooks_h.get("before_delete"):
        ctx.add(
            "resource-deletion-behavior",
            None,
            "the `before_delete` hook changed",
            h.custom_code.loc if h.custom_code.loc.line else h.loc,
        )
    if b.rest.delete_verb != h.rest.delete_verb or b.rest.delete_url != h.rest.delete_url:
        ctx.add("resource-deletion-behavior", None, "the delete call changed", h.rest.loc)


def _flatten(ctx: _Ctx) -> None:
    """A field whose custom flatten (how the API's value is stored in state) changed."""
    fields_now = dict(walk(ctx.head.properties))
    for path in sorted(set(ctx.base_flatten) | set(ctx.head_flatten)):
        if ctx.base_flatten.get(path) == ctx.head_flatten.get(path):
            continue
        if path in ctx.base_paths and path in fields_now:
            was, now = ctx.base_flatten.get(path), ctx.head_flatten.get(path)
            what = "added" if was is None else "removed" if now is None else "changed"
            ctx.add(
                "field-changing-data-format",
                path,
                f"custom flatten {what}: values already in state may read differently",
                fields_now[path].loc,
            )


def _updates(ctx: _Ctx) -> None:
    """Top-level arguments that updated in place and now replace the resource because the
    resource lost its update call (their own `forces_new` is `field-adding-forces-new`)."""
    b, h = ctx.base, ctx.head
    old = {p.name: p for p in b.properties}
    lost = [
        p.name
        for p in h.properties
        if p.presence.settable
        and p.name in old
        and not old[p.name].forces_new
        and not b.rest.replaces(p.name)
        and h.rest.replaces(p.name)
    ]
    if lost:
        names = ", ".join(f"`{n}`" for n in lost)
        ctx.add(
            "resource-removing-update",
            None,
            f"no longer updated in place, so a change replaces the resource: {names}",
            h.rest.loc,
        )


def _properties(
    ctx: _Ctx,
    old: tuple[Property, ...],
    new: tuple[Property, ...],
    prefix: str,
    base_replaced: bool,
) -> None:
    by_old = {p.name: p for p in old}
    by_new = {p.name: p for p in new}
    added = [p for p in new if p.name not in by_old]
    for p in old:
        if p.name in by_new:
            continue
        twin = next(
            (
                a
                for a in added
                if a.api_name and a.api_name == p.api_name and tf_type(a.type) == tf_type(p.type)
            ),
            None,
        )
        how = f" (renamed to `{prefix}{twin.name}`?)" if twin else ""
        ctx.add(
            "resource-schema-field-removal-or-rename",
            prefix + p.name,
            f"field `{prefix}{p.name}` was removed{how}",
            p.loc,
            "base",
        )
    for p in added:
        _new_field(ctx, prefix + p.name, p)
    for h in new:
        b = by_old.get(h.name)
        if b is not None and b != h:
            replaced = base_replaced or (not prefix and ctx.base.rest.replaces(h.name))
            _field(ctx, prefix + h.name, b, h, replaced)


def _new_field(ctx: _Ctx, path: str, p: Property) -> None:
    """A field added to an existing block: required is breaking unless an ancestor is new
    too (then only configurations that write the new ancestor must set it)."""
    if p.presence is Presence.REQUIRED:
        ctx.add("field-new-required", path, f"new required field `{path}`", p.loc)
    else:
        ctx.add("field-added", path, f"new {p.presence.value} field `{path}`", p.loc)
        if p.default is not None and p.presence.settable:
            virtual = p.url_param_only and not p.api_name
            if p.forces_new or virtual:
                why = "forces replacement" if p.forces_new else "is client-side only"
                ctx.add(
                    "field-new-default-forces-new",
                    path,
                    f"new field `{path}` has default {_show(p.default)} and {why}: every "
                    "existing resource takes it",
                    p.loc,
                )
            else:
                ctx.add(
                    "field-new-with-default",
                    path,
                    f"new field `{path}` has default {_show(p.default)}; existing resources "
                    "plan it unless the API already behaves so",
                    p.loc,
                )
    for sub, q in walk((p,), path[: -len(p.name)]):
        _detect_new_field(ctx, sub, q)


def _detect_new_field(ctx: _Ctx, path: str, p: Property) -> None:
    """Upstream-style detectors for a new field: no example sets it, no docs mention it."""
    import re

    if not p.description.strip():
        ctx.add("field-undocumented", path, f"new field `{path}` has no description", p.loc)
    if p.presence.settable and p.name not in ("project", "region", "zone", "location"):
        pattern = rf"(?m)^\s*{re.escape(p.name)}\s*(=|\{{)"
        if not re.search(pattern, ctx.example_text):
            where = "no example" if ctx.example_text else "no example HCL (none in the spec)"
            ctx.add("field-untested", path, f"{where} sets new field `{path}`", p.loc)


def _field(ctx: _Ctx, path: str, b: Property, h: Property, base_replaced: bool) -> None:
    if h.min_version and not b.min_version:
        ctx.add(
            "resource-schema-field-removal-or-rename",
            path,
            f"field `{path}` is now `{h.min_version}`-only: removed from the provider of "
            "the first API release",
            h.loc,
        )
    old_t, new_t = tf_type(b.type), tf_type(h.type)
    if old_t != new_t:
        ctx.add("field-changing-type", path, f"type changed from {old_t} to {new_t}", h.loc)
    _presence(ctx, path, b, h)
    if (
        h.presence.settable
        and b.presence is not Presence.REQUIRED
        and not _same(b.default, h.default)
    ):
        if b.default is None:
            what = f"default {_show(h.default)} added"
        elif h.default is None:
            what = f"default {_show(b.default)} removed"
        else:
            what = f"default changed from {_show(b.default)} to {_show(h.default)}"
        ctx.add("field-changing-default-value", path, what, h.loc)
    if h.presence.settable and not base_replaced:
        if h.forces_new and not b.forces_new:
            ctx.add("field-adding-forces-new", path, "a change now replaces the resource", h.loc)
        elif b.forces_new and not h.forces_new:
            ctx.add("field-loosening", path, "now updated in place", h.loc)
    if h.presence.settable:
        for rule, message, loc in validation_findings(b, h):
            ctx.add(rule, path, message, loc)
        for rule, message, group in relation_findings(b, h, path, ctx.base_paths):
            if group is None or group not in ctx.groups:
                ctx.add(rule, path, message, h.loc)
            if group is not None:
                ctx.groups.add(group)
    if h.deprecation and not b.deprecation:
        ctx.add("field-deprecated", path, f"deprecated: {h.deprecation}", h.loc)
    if b.description != h.description:
        ctx.add("docs-changed", path, "description changed", h.loc)
    other = _changed_attrs(b, h, _PROPERTY_RULED)
    if (
        b.type.kind != h.type.kind
        and old_t == new_t
        and TypeKind.ENUM not in (b.type.kind, h.type.kind)
    ):
        other.append(f"type ({b.type.kind.value} to {h.type.kind.value})")
    if other:
        ctx.add("other-change", path, "changed: " + ", ".join(other), h.loc)
    replaced = base_replaced or b.forces_new
    _properties(ctx, b.type.nested_properties, h.type.nested_properties, path + ".", replaced)


def _presence(ctx: _Ctx, path: str, b: Property, h: Property) -> None:
    old, new = b.presence, h.presence
    if old is new:
        return
    if new is Presence.REQUIRED:
        ctx.add("field-optional-to-required", path, f"now required (was {old.value})", h.loc)
    elif old.settable and new is Presence.COMPUTED:
        ctx.add("field-becoming-computed", path, f"now output-only (was {old.value})", h.loc)
    elif old is Presence.OPTIONAL_COMPUTED and new is Presence.OPTIONAL:
        ctx.add(
            "field-oc-to-c",
            path,
            "no longer keeps the API's value when unset (optional_computed to optional)",
            h.loc,
        )
    else:
        ctx.add("field-loosening", path, f"presence {old.value} to {new.value}", h.loc)
