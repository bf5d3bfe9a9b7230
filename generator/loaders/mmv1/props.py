"""Magic Modules (mmv1) properties -> model `Property`/`Type` (part of `generator.loaders.mmv1`).

Every key the builder does not map is reported once per occurrence as `mmv1-unsupported-key`
and counted by its dotted name (`property.send_empty_value`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...diagnostics import Location
from ...model.nodes import Presence, Property, Scalar, Type, TypeKind, Validation
from ..yaml_source import YMap, YScalar
from .reader import (
    VERSION_ORDER,
    Mmv1Reader,
    key_loc,
    underscore,
    version_rank,
)

# --- properties ---------------------------------------------------------------------------

# Property keys the builder maps onto the model.
PROPERTY_KEYS = frozenset(
    (
        "name type description required output default_from_api immutable default_value "
        "validation conflicts exactly_one_of at_least_one_of required_with sensitive "
        "write_only url_param_only ignore_read api_name is_set min_version "
        "deprecation_message min_size max_size properties item_type enum_values key_name "
        "value_type resource imports custom_expand custom_flatten flatten_object exclude "
        "send_empty_value allow_empty_object update_mask_fields "
    ).split()
)
# Keys of a property-level update call (`UpdateGroup`): read for top-level properties.
UPDATE_KEYS = ("update_url", "update_verb", "update_id", "fingerprint_name")
# Keys of an `item_type:` / `value_type:` mapping that describe the element type.
ELEMENT_KEYS = frozenset({"type", "properties", "enum_values", "resource", "imports"})

# `validation.function` values with a plain-bounds meaning: name -> Validation fields.
_FUNC = re.compile(r"^\s*(?:validation\.)?(\w+)\((.*)\)\s*$", re.S)
_NUM = r"\s*(-?\d+(?:\.\d+)?)\s*"


@dataclass
class Collected:
    """What a resource's property tree contributes besides the properties themselves."""

    expand: list[tuple[str, str]] = field(default_factory=list)
    flatten: list[tuple[str, str]] = field(default_factory=list)
    # `flatten_object` parents: (their would-be path + ".", the path their children got).
    flattened: list[tuple[str, str]] = field(default_factory=list)
    # Top-level properties with a property-level update call: (Terraform name, mapping).
    updates: list[tuple[str, YMap]] = field(default_factory=list)


class PropertyBuilder:
    def __init__(self, reader: Mmv1Reader, version: str | None) -> None:
        self.r = reader
        self.rank = version_rank(version) if version is not None else len(VERSION_ORDER)
        self.collected = Collected()
        # The rank of the resource's own `min_version` (GA's when it has none).
        self.resource_rank = 0
        # How many `output: true` ancestors (or the property itself) the current one has.
        self.output_depth = 0

    def _folded(self, type_name: str, loc: Location) -> TypeKind | None:
        """A type name in the wrong case, read as the type it spells, with a warning."""
        kind = _case_folded_kind(type_name)
        if kind is not None:
            self.r.bag.warning(
                "mmv1-type-case",
                f"type `{type_name}` is read as `{kind.value}`",
                loc,
                f"write `{kind.value}`",
            )
        return kind

    def newer_than_resource(self, m: YMap, ctx: str) -> str | None:
        """The field's `min_version`, when later than its resource's (`resource_rank`)."""
        mv = self.r.str_(m, "min_version", ctx)
        return mv if mv is not None and version_rank(mv) > self.resource_rank else None

    def in_version(self, m: YMap, ctx: str) -> bool:
        min_version = self.r.str_(m, "min_version", ctx)
        if min_version is not None and version_rank(min_version) > self.rank:
            self.r.version_filtered[ctx] += 1
            return False
        return True

    def build_list(
        self, items: list[YMap], path: str, ctx: str = "property", api_prefix: str = ""
    ) -> list[Property]:
        """Build sibling properties; `flatten_object` children are lifted into this level."""
        out: list[Property] = []
        for m in items:
            if self.r.bool_(m, "exclude", ctx) or not self.in_version(m, ctx):
                continue
            if (
                self.r.bool_(m, "flatten_object", ctx)
                and self.r.str_(m, "type", ctx) == "NestedObject"
            ):
                raw = self.r.str_(m, "name", ctx) or ""
                api = self.r.str_(m, "api_name", ctx) or raw
                children = self.r.maps(m, "properties", ctx)
                self.r.unsupported_keys(m, PROPERTY_KEYS | frozenset(UPDATE_KEYS), ctx)
                if m.get("update_mask_fields") is not None:
                    self.r.report_unsupported(
                        f"{ctx}.update_mask_fields(flatten_object)",
                        key_loc(m, "update_mask_fields"),
                        "upstream names the mask of the fields a `flatten_object` lifts, "
                        "not of the object itself",
                    )
                # Relations name the parent by its `name` (upstream's lookup).
                self.collected.flattened.append((f"{path}{underscore(raw)}.", path))
                lifted = self.build_list(children, path, ctx, f"{api_prefix}{api}.")
                # The parent's update call updates the fields lifted out of it.
                known = {n for n, _ in self.collected.updates}
                for child in lifted:
                    if child.name not in known:
                        self.update_call(m, f"{path}{child.name}", ctx, top=not path)
                out.extend(lifted)
                continue
            p = self.build(m, path, ctx, api_prefix)
            if p is not None:
                out.append(p)
        return out

    def build(self, m: YMap, path: str, ctx: str, api_prefix: str = "") -> Property | None:
        r = self.r
        raw_name = r.str_(m, "name", ctx)
        type_name = r.str_(m, "type", ctx)
        if raw_name is None:
            r.bag.error("mmv1-missing-key", f"a {ctx} has no `name`", m.loc, "add `name:`")
            return None
        if type_name is None:
            r.bag.error(
                "mmv1-missing-key",
                f"{ctx} `{raw_name}` has no `type`",
                key_loc(m, "name"),
                "add `type:` (String, Integer, NestedObject, ...)",
            )
            return None
        kind = _kind(type_name) or self._folded(type_name, key_loc(m, "type"))
        if kind is None:
            r.bag.error(
                "mmv1-unknown-type",
                f"{ctx} `{raw_name}` has unknown type `{type_name}`; the property is skipped",
                key_loc(m, "type"),
                "use one of: " + ", ".join(k.value for k in TypeKind),
            )
            return None
        r.unsupported_keys(m, PROPERTY_KEYS | frozenset(UPDATE_KEYS), ctx)
        name = underscore(raw_name)
        tf_path = f"{path}{name}"
        self.update_call(m, tf_path, ctx, top=not path)
        output = r.bool_(m, "output", ctx)
        self.output_depth += output
        try:
            t = self.build_type(m, kind, tf_path, ctx)
        finally:
            self.output_depth -= output
        if t is None:
            return None
        for key, sink in (
            ("custom_expand", self.collected.expand),
            ("custom_flatten", self.collected.flatten),
        ):
            f = r.str_(m, key, ctx)
            if f is not None:
                sink.append((tf_path, f))
        if r.bool_(m, "required", ctx):
            presence = Presence.REQUIRED
        elif r.bool_(m, "output", ctx):
            presence = Presence.COMPUTED
        elif r.bool_(m, "default_from_api", ctx):
            presence = Presence.OPTIONAL_COMPUTED
        else:
            presence = Presence.OPTIONAL
        api_name = r.str_(m, "api_name", ctx) or raw_name
        url_param_only = r.bool_(m, "url_param_only", ctx)
        # Upstream leaves false/0/""/empty collections out of the body unless the field
        # says `send_empty_value`, and an empty block unless it says `allow_empty_object`.
        sends_empty = r.bool_(m, "send_empty_value", ctx) or r.bool_(m, "allow_empty_object", ctx)
        return Property(
            name=name,
            type=t,
            api_name="" if url_param_only else f"{api_prefix}{api_name}",
            description=(r.str_(m, "description", ctx) or "").strip(),
            presence=presence,
            # Upstream ignores `immutable` on output-only fields: nothing to replace.
            forces_new=r.bool_(m, "immutable", ctx) and presence is not Presence.COMPUTED,
            default=self.default(m, ctx),
            sensitive=r.bool_(m, "sensitive", ctx),
            write_only=r.bool_(m, "write_only", ctx),
            deprecation=r.str_(m, "deprecation_message", ctx),
            validation=self.validation(m, ctx),
            conflicts_with=self.relation(m, "conflicts", ctx),
            exactly_one_of=self.relation(m, "exactly_one_of", ctx),
            at_least_one_of=self.relation(m, "at_least_one_of", ctx),
            required_with=self.relation(m, "required_with", ctx),
            ignore_read=r.bool_(m, "ignore_read", ctx),
            url_param_only=url_param_only,
            min_version=self.newer_than_resource(m, ctx),
            omit_empty=presence.settable and not url_param_only and not sends_empty,
            update_mask_fields=self.mask_fields(m, ctx, top=not path),
            loc=key_loc(m, "name"),
        )

    def mask_fields(self, m: YMap, ctx: str, top: bool) -> tuple[str, ...]:
        """`update_mask_fields`: the names a change of a top-level field puts in the
        update mask. Upstream reads them for top-level fields only (and the ones a
        top-level `flatten_object` lifts); elsewhere they are reported."""
        names = self.r.strs(m, "update_mask_fields", ctx)
        if names and not top:
            self.r.report_unsupported(
                f"{ctx}.update_mask_fields(nested)",
                key_loc(m, "update_mask_fields"),
                "upstream names a mask only for top-level fields",
            )
            return ()
        return tuple(n.strip() for n in names if n.strip())

    def update_call(self, m: YMap, tf_path: str, ctx: str, top: bool) -> None:
        """Collect a top-level property's update call (the loader groups them once URLs
        can be read); upstream makes none for a nested field, so there it is reported."""
        present = [k for k in UPDATE_KEYS if m.get(k) is not None]
        if not present:
            return
        if top and ctx == "property":
            self.collected.updates.append((tf_path, m))
            return
        for key in present:
            self.r.report_unsupported(
                f"{ctx}.{key}(nested)",
                key_loc(m, key),
                "upstream makes property-level update calls for top-level fields only",
            )

    def relation(self, m: YMap, key: str, ctx: str) -> tuple[str, ...]:
        """The names as written (`parent.0.child`): `relations.resolve_relations` resolves
        them from the resource root, as upstream does, once the whole tree is built."""
        refs = (x.strip() for x in self.r.strs(m, key, ctx))
        return tuple(dict.fromkeys(x for x in refs if x))

    def default(self, m: YMap, ctx: str) -> Scalar | None:
        node = m.get("default_value")
        if node is None:
            return None
        if isinstance(node, YScalar):
            return node.value
        self.r.wrong_type(node, ctx, "default_value", "a scalar")
        return None

    def validation(self, m: YMap, ctx: str) -> Validation:
        r = self.r
        min_items = r.int_(m, "min_size", ctx)
        max_items = r.int_(m, "max_size", ctx)
        # `item_validation` (per-element checks) has no place in the model: reported as an
        # unsupported key by the caller.
        v = r.map_(m, "validation", ctx)
        regex: str | None = None
        bounds: dict[str, float | int] = {}
        loc = m.loc
        if v is not None:
            loc = v.loc
            r.unsupported_keys(v, frozenset({"regex", "function"}), "validation")
            regex = r.str_(v, "regex", "validation")
            func = r.str_(v, "function", "validation")
            if func is not None:
                parsed = parse_validation_function(func)
                if parsed is None:
                    r.report_unsupported(
                        "validation.function",
                        key_loc(v, "function"),
                        f"`{func.strip()}` is Go code",
                    )
                elif "regex" in parsed:
                    regex = str(parsed.pop("regex"))
                bounds = {k: v2 for k, v2 in (parsed or {}).items() if not isinstance(v2, str)}
        if regex is None and min_items is None and max_items is None and not bounds:
            return Validation()
        return Validation(
            regex=regex,
            min_length=_as_int(bounds.get("min_length")),
            max_length=_as_int(bounds.get("max_length")),
            minimum=bounds.get("minimum"),
            maximum=bounds.get("maximum"),
            min_items=min_items,
            max_items=max_items,
            loc=loc,
        )

    def build_type(self, m: YMap, kind: TypeKind, tf_path: str, ctx: str) -> Type | None:
        r = self.r
        loc = m.loc
        if kind is TypeKind.ENUM:
            return self.enum(m, tf_path, ctx, loc)
        if kind is TypeKind.NESTED_OBJECT:
            props = self.build_list(r.maps(m, "properties", ctx), tf_path + ".")
            return Type(kind, properties=tuple(props), loc=loc)
        if kind is TypeKind.ARRAY:
            item = self.element(m, "item_type", tf_path, ctx)
            if item is None:
                return None
            return Type(kind, item=item, is_set=r.bool_(m, "is_set", ctx), loc=loc)
        if kind is TypeKind.MAP:
            value = self.element(m, "value_type", tf_path, ctx)
            if value is None:
                return None
            return Type(kind, value=value, key_name=r.str_(m, "key_name", ctx), loc=loc)
        if kind is TypeKind.RESOURCE_REF:
            return Type(
                kind,
                resource=r.str_(m, "resource", ctx),
                imports=r.str_(m, "imports", ctx),
                loc=loc,
            )
        return Type(kind, loc=loc)

    def enum(self, m: YMap, tf_path: str, ctx: str, loc: Location) -> Type:
        """An Enum, with upstream's meaning for what its check lets through.

        Upstream validates an Enum only when it is not `output` (and documents its values
        only then): an Enum without `enum_values` that users cannot set (output, or inside
        an output block) is a plain String to Terraform. Values listed twice are one value
        to upstream's validator; they are kept once and reported.
        """
        values = self.r.strs(m, "enum_values", ctx)
        if not values and self.output_depth:
            return Type(TypeKind.STRING, loc=loc)
        seen: dict[str, None] = {}
        for v in values:
            if v in seen:
                self.r.bag.warning(
                    "mmv1-duplicate-enum-value",
                    f"Enum `{tf_path}` lists `{v}` twice; upstream's check takes it as one "
                    "value, and so does mmgen",
                    key_loc(m, "enum_values"),
                    f"remove the second `{v}`",
                )
            seen[v] = None
        return Type(TypeKind.ENUM, enum_values=tuple(seen), loc=loc)

    def element(self, m: YMap, key: str, tf_path: str, ctx: str) -> Type | None:
        """The element type of an Array (`item_type`) or Map (`value_type`)."""
        r = self.r
        node = m.get(key)
        owner = r.str_(m, "name", ctx) or "?"
        if node is None:
            if key == "value_type":
                return Type(TypeKind.STRING, loc=m.loc)
            r.bag.error(
                "mmv1-missing-key",
                f"{ctx} `{owner}` is an Array without `item_type`; the property is skipped",
                key_loc(m, "name"),
                "add `item_type: {type: String}` (or the element type)",
            )
            return None
        if isinstance(node, YScalar) and isinstance(node.value, str):
            type_name, em = node.value, None  # the old form: `item_type: String`
        elif isinstance(node, YMap):
            type_name, em = r.str_(node, "type", key) or "", node
        else:
            r.wrong_type(node, ctx, key, "a type name or a mapping with `type`")
            return None
        kind = _kind(type_name) or self._folded(type_name, node.loc)
        if kind is None:
            r.bag.error(
                "mmv1-unknown-type",
                f"{ctx} `{owner}` has unknown {key} `{type_name}`; the property is skipped",
                node.loc,
                "use one of: " + ", ".join(k.value for k in TypeKind),
            )
            return None
        if em is None:
            if kind is TypeKind.ENUM:
                return self.enum(m, tf_path, ctx, node.loc)
            if kind is TypeKind.NESTED_OBJECT:
                props = self.build_list(r.maps(m, "properties", ctx), tf_path + ".")
                return Type(kind, properties=tuple(props), loc=node.loc)
            return Type(kind, loc=node.loc)
        r.unsupported_keys(em, ELEMENT_KEYS, key)
        if kind is TypeKind.ARRAY or kind is TypeKind.MAP:
            # Upstream has no Array of Array; keep the shape so `validate` reports it.
            inner = self.element(
                em, "item_type" if kind is TypeKind.ARRAY else "value_type", tf_path, key
            )
            if inner is None:
                return None
            return Type(
                kind,
                item=inner if kind is TypeKind.ARRAY else None,
                value=inner if kind is TypeKind.MAP else None,
                loc=em.loc,
            )
        return self.build_type(em, kind, tf_path, key)


def _kind(name: str) -> TypeKind | None:
    try:
        return TypeKind(name.strip())
    except ValueError:
        return None


def _case_folded_kind(name: str) -> TypeKind | None:
    """`string` -> String: older specs write some type names in lower case (30 places in
    the 7.0.0 release's), which Magic Modules generated as the type."""
    folded = {k.value.lower(): k for k in TypeKind}
    return folded.get(name.strip().lower())


def _as_int(v: float | int | None) -> int | None:
    return None if v is None else int(v)


def parse_validation_function(text: str) -> dict[str, float | int | str] | None:
    """Map the common terraform-plugin-sdk validators onto plain bounds, or None.

    IntBetween/FloatBetween(lo, hi), IntAtLeast/IntAtMost(n), StringLenBetween(lo, hi),
    and verify.ValidateRegexp(`re`) have an exact meaning in our `Validation`.
    """
    text = text.strip().strip("'\"")
    m = _FUNC.match(text)
    if m is None:
        return None
    name, args = m.group(1), m.group(2)
    if text.startswith("verify.ValidateRegexp(") or name == "ValidateRegexp":
        inner = args.strip()
        if len(inner) >= 2 and inner[0] in '`"' and inner[-1] == inner[0]:
            return {"regex": inner[1:-1]}
        return None
    two = re.fullmatch(_NUM + "," + _NUM, args)
    one = re.fullmatch(_NUM, args)

    def num(s: str) -> float | int:
        return float(s) if "." in s else int(s)

    if name in ("IntBetween", "FloatBetween") and two:
        return {"minimum": num(two.group(1)), "maximum": num(two.group(2))}
    if name in ("IntAtLeast", "FloatAtLeast") and one:
        return {"minimum": num(one.group(1))}
    if name in ("IntAtMost", "FloatAtMost") and one:
        return {"maximum": num(one.group(1))}
    if name == "StringLenBetween" and two and "." not in args:
        return {"min_length": int(two.group(1)), "max_length": int(two.group(2))}
    return None


from .relations import resolve_relations  # noqa: E402  (re-exported for the loader)

__all__ = ["PropertyBuilder", "parse_validation_function", "resolve_relations"]
