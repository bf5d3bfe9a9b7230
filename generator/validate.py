"""Semantic checks on a loaded model; every finding is a Diagnostic, all of them collected.

Structural problems (unknown keys, wrong value types) are found earlier by the shape
checker; this module checks what only the whole model can tell.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import partial

from . import resource_memo
from .diagnostics import Diagnostic, DiagnosticBag, Location
from .model.nodes import (
    IdParamSource,
    MapView,
    Presence,
    Product,
    Property,
    Resource,
    Scalar,
    Type,
    TypeKind,
)
from .model.walk import walk as walk
from .validate_api import nested_query_problems, parent_id_problems, state_only_problems
from .validate_examples import check_example_hcl
from .validate_hooks import custom_code_findings
from .validate_write_only import check_write_only_arguments

SNAKE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")
EXAMPLE_VAR = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def default_matches(kind: TypeKind, value: Scalar) -> bool:
    if kind is TypeKind.BOOLEAN:
        return isinstance(value, bool)
    if kind is TypeKind.INTEGER:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is TypeKind.DOUBLE:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind.is_string_like:
        return isinstance(value, str)
    return False


def _describe(value: Scalar) -> str:
    if isinstance(value, bool):
        return f"the boolean `{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return f"the number `{value}`"
    return f'the string `"{value}"`'


def _default_hint(kind: TypeKind, value: Scalar) -> str:
    if kind is TypeKind.BOOLEAN:
        return "write `default: true` or `default: false`, without quotes"
    if kind in (TypeKind.INTEGER, TypeKind.DOUBLE):
        what = "a whole number" if kind is TypeKind.INTEGER else "a number"
        if isinstance(value, str):
            return f"write {what} without quotes, e.g. `default: 10`"
        return f"write {what}, e.g. `default: 10`"
    return f'quote the value so YAML reads it as text: `default: "{value}"`'


class _Checker:
    def __init__(self, bag: DiagnosticBag, shape_checked: bool = False) -> None:
        self.bag = bag
        # Specs loaded from YAML were shape-checked already (snake_case names, ...);
        # reporting those again here would show every such mistake twice.
        self.shape_checked = shape_checked

    def product(self, product: Product, sources: Mapping[tuple[str, str], str]) -> None:
        if not product.versions:
            self.bag.error(
                "no-versions",
                f"product `{product.name}` has no API versions",
                product.loc,
                "list at least one entry under `versions:` with `name` and `base_url`",
            )
        param_names = [p.name for p in product.params]
        self._duplicates(
            [(p.name, p.loc) for p in product.params], f"product `{product.name}` params"
        )
        self._duplicates(
            [(r.terraform_name, r.loc) for r in product.resources],
            f"product `{product.name}` resources",
        )
        params = set(param_names)
        memo = resource_memo.current()
        for res in product.resources:
            source = sources.get((product.name, res.name))
            load_key = memo.load_key(res) if memo is not None else None
            if memo is None or load_key is None:
                self.resource(res, params, source)
                continue
            # Kept per resource: what it found depends on the resource (its load key), the
            # product's parameters and where the spec lives (custom code is found from it).
            key = resource_memo.key_of(
                "validate",
                load_key,
                "\0".join(sorted(params)),
                source or "",
                str(self.shape_checked),
            )
            resource_memo.replayed(
                memo, key, self.bag.items, partial(self.resource, res, params, source)
            )

    def resource(self, res: Resource, provider_params: set[str], source: str | None) -> None:
        where = f"resource `{res.name}`"
        if not res.description.strip():
            self.bag.warning(
                "empty-description",
                f"{where} has an empty description",
                res.loc,
                "write a `description:`; it opens the docs page",
            )
        if not self.shape_checked and not SNAKE.fullmatch(res.terraform_name):
            self.bag.error(
                "invalid-name",
                f"Terraform type name `{res.terraform_name}` is not snake_case",
                res.loc,
                "use lower case letters, digits and single underscores, starting with a letter",
            )
        self._properties(res.properties, res, where, top_level=True)
        paths = {path for path, _ in walk(res.properties)}
        for path, prop in walk(res.properties):
            self._references(prop, path, paths)
        self._rest(res, provider_params)
        self._provider_defaults(res, provider_params)
        self._deletion_policy(res)
        check_write_only_arguments(res, self.bag)
        self.bag.extend(nested_query_problems(res))
        self.bag.extend(state_only_problems(res))
        self.bag.extend(parent_id_problems(res))
        self._examples(res)
        self.bag.extend(check_example_hcl(res))
        all_paths = {p for p, _ in walk(res.properties)}
        self.bag.extend(custom_code_findings(res, source, all_paths))

    def _properties(
        self, props: tuple[Property, ...], res: Resource, where: str, top_level: bool
    ) -> None:
        self._duplicates([(p.name, p.loc) for p in props], where)
        for p in props:
            self._property(p, res, where)
            if p.type.nested_properties:
                self._properties(
                    p.type.nested_properties, res, f"block `{p.name}`", top_level=False
                )

    def _property(self, p: Property, res: Resource, where: str) -> None:
        t = p.type
        name = f"`{p.name}`"
        if not self.shape_checked and not SNAKE.fullmatch(p.name):
            self.bag.error(
                "invalid-name",
                f"property name {name} is not a snake_case Terraform identifier",
                p.loc,
                "use lower case letters, digits and single underscores, starting with a letter",
            )
        if not p.description.strip():
            self.bag.warning(
                "empty-description",
                f"property {name} in {where} has an empty description",
                p.loc,
                "write a `description:`; docs pages must not leave it blank",
            )
        self._type(p, t)
        if p.default is not None:
            self._default(p)
            if p.presence is Presence.REQUIRED:
                self.bag.error(
                    "required-with-default",
                    f"property {name} is required and has a default; the default can never apply",
                    p.loc,
                    "make it `presence: optional` or remove `default`",
                )
            if p.presence is Presence.COMPUTED:
                self.bag.error(
                    "computed-with-default",
                    f"property {name} is computed and has a default; users cannot set it",
                    p.loc,
                    "remove `default`",
                )
        if p.presence is Presence.COMPUTED:
            if not p.validation.is_empty:
                self.bag.error(
                    "computed-with-validation",
                    f"property {name} is computed, so its `validation` can never run",
                    self._validation_loc(p),
                    "remove `validation` or make the property settable",
                )
            if p.forces_new:
                self.bag.error(
                    "forces-new-computed",
                    f"property {name} is computed only; `forces_new` has no effect on it",
                    p.loc,
                    "remove `forces_new`",
                )
            for key, refs in self._relations(p):
                if refs:
                    self.bag.error(
                        "computed-with-relation",
                        f"property {name} is computed only; `{key}` cannot apply to it",
                        p.loc,
                        f"remove `{key}`",
                    )
        # `validation.regex` is checked by each target in its own dialect
        # (targets/regex_dialects.py): Python's `re` and RE2 disagree.
        v = p.validation
        for lo, hi, lo_key, hi_key in (
            (v.min_length, v.max_length, "min_length", "max_length"),
            (v.minimum, v.maximum, "min", "max"),
            (v.min_items, v.max_items, "min_items", "max_items"),
        ):
            if lo is not None and hi is not None and lo > hi:
                self.bag.error(
                    "invalid-range",
                    f"property {name}: `{lo_key}: {lo}` is above `{hi_key}: {hi}`, so no value can pass",
                    self._validation_loc(p),
                    "swap the two bounds or correct one of them",
                )
        if (v.min_items is not None or v.max_items is not None) and t.kind not in (
            TypeKind.ARRAY,
            TypeKind.MAP,
            TypeKind.KEY_VALUE_PAIRS,
            TypeKind.KEY_VALUE_LABELS,
            TypeKind.KEY_VALUE_ANNOTATIONS,
        ):
            self.bag.error(
                "validation-type",
                f"property {name} is {t.kind.value}; `min_items`/`max_items` apply to Array and Map only",
                self._validation_loc(p),
                "remove them, or use `min_length`/`max_length` for strings and `min`/`max` for numbers",
            )
        if (
            v.min_length is not None or v.max_length is not None or v.regex is not None
        ) and not t.kind.is_string_like:
            self.bag.error(
                "validation-type",
                f"property {name} is {t.kind.value}; `min_length`/`max_length`/`regex` apply to strings only",
                self._validation_loc(p),
                "remove them, or use `min`/`max` for numbers and `min_items`/`max_items` for lists",
            )
        if (v.minimum is not None or v.maximum is not None) and t.kind not in (
            TypeKind.INTEGER,
            TypeKind.DOUBLE,
        ):
            self.bag.error(
                "validation-type",
                f"property {name} is {t.kind.value}; `min`/`max` apply to Integer and Double only",
                self._validation_loc(p),
                "remove them, or use `min_length`/`max_length` for strings and `min_items`/`max_items` for lists",
            )
        if p.url_param_only and t.kind.is_primitive is False:
            self.bag.error(
                "url-param-type",
                f"property {name} is {t.kind.value}; only a scalar can be `url_param_only`",
                p.loc,
                "remove `url_param_only`, or make the property a String",
            )

    @staticmethod
    def _validation_loc(p: Property) -> Location:
        return p.validation.loc if p.validation.loc.line else p.loc

    def _type(self, p: Property, t: Type) -> None:
        name = f"`{p.name}`"
        if t.kind is TypeKind.ENUM and not t.enum_values:
            self.bag.error(
                "enum-without-values",
                f"Enum property {name} lists no `enum_values`",
                p.loc,
                "list the allowed values: `enum_values: [A, B]`",
            )
        if (
            t.kind is TypeKind.ARRAY
            and t.item is not None
            and t.item.kind is TypeKind.ENUM
            and not t.item.enum_values
        ):
            self.bag.error(
                "enum-without-values",
                f"Array of Enum {name} lists no `enum_values`",
                p.loc,
                "list the allowed item values: `enum_values: [A, B]`",
            )
        if (
            t.kind is not TypeKind.ENUM
            and t.enum_values
            and not (
                t.kind is TypeKind.ARRAY and t.item is not None and t.item.kind is TypeKind.ENUM
            )
        ):
            self.bag.error(
                "enum-values-type",
                f"property {name} has `enum_values` but is {t.kind.value}, not an Enum",
                p.loc,
                "make it `type: Enum` (or `item_type: Enum` for an Array), or remove `enum_values`",
            )
        if t.enum_values:
            dupes = [v for v, n in Counter(t.enum_values).items() if n > 1]
            for d in dupes:
                self.bag.error(
                    "duplicate-name", f"Enum {name} lists `{d}` twice", p.loc, "remove one of them"
                )
        wants_props = (
            t.kind is TypeKind.NESTED_OBJECT
            or (
                t.kind is TypeKind.ARRAY
                and t.item is not None
                and t.item.kind is TypeKind.NESTED_OBJECT
            )
            or (
                t.kind is TypeKind.MAP
                and t.value is not None
                and t.value.kind is TypeKind.NESTED_OBJECT
            )
        )
        if wants_props and not t.nested_properties:
            self.bag.error(
                "empty-nested-object",
                f"nested object {name} has no properties",
                p.loc,
                "list its fields under `properties:`",
            )
        if not wants_props and p.type.properties:
            self.bag.error(
                "properties-not-nested",
                f"property {name} has `properties` but is {t.kind.value}, not a NestedObject",
                p.loc,
                "make it `type: NestedObject` (or an Array with `item_type: NestedObject`), or remove `properties`",
            )
        if t.kind is TypeKind.ARRAY and t.item is not None and t.item.kind is TypeKind.ARRAY:
            self.bag.error(
                "nested-array",
                f"Array of Array {name} is not supported",
                p.loc,
                "wrap the inner list in a NestedObject with one Array property",
            )

    def _default(self, p: Property) -> None:
        t = p.type
        assert p.default is not None
        at = p.default_loc if p.default_loc.line else p.loc
        if not t.kind.is_primitive:
            self.bag.error(
                "default-type",
                f"property `{p.name}` of type {t.kind.value} cannot have a `default`",
                at,
                "defaults apply to String, Integer, Double, Boolean and Enum properties; remove it",
            )
            return
        if isinstance(p.default, float) and not math.isfinite(p.default):
            # `.inf` and `.nan` are YAML floats, but no target's language has a literal
            # for them in a schema default (and Terraform numbers cannot be NaN).
            self.bag.error(
                "default-not-finite",
                f"default of `{p.name}` is {p.default}, which is not a finite number",
                at,
                "write a finite number, or leave the default out",
            )
        elif not default_matches(t.kind, p.default):
            self.bag.error(
                "default-type",
                f"default of `{p.name}` is {_describe(p.default)}, which does not match its type {t.kind.value}",
                at,
                _default_hint(t.kind, p.default),
            )
        elif t.kind is TypeKind.ENUM and p.default not in t.enum_values:
            from .loaders.shape_check import did_you_mean

            guess = did_you_mean(str(p.default), list(t.enum_values))
            self.bag.error(
                "default-not-in-enum",
                f"default `{p.default}` of `{p.name}` is not one of its enum values: {', '.join(t.enum_values)}",
                at,
                (
                    f"did you mean `{guess}`?"
                    if guess
                    else "use one of the enum values, or add it to `enum_values`"
                ),
            )

    @staticmethod
    def _relations(p: Property) -> list[tuple[str, tuple[str, ...]]]:
        return [
            ("conflicts_with", p.conflicts_with),
            ("exactly_one_of", p.exactly_one_of),
            ("at_least_one_of", p.at_least_one_of),
            ("required_with", p.required_with),
        ]

    def _references(self, p: Property, path: str, paths: set[str]) -> None:
        for key, refs in self._relations(p):
            for ref in refs:
                if ref not in paths:
                    from .loaders.shape_check import did_you_mean

                    guess = did_you_mean(ref, sorted(paths))
                    self.bag.error(
                        "unknown-reference",
                        f"`{key}` of `{path}` names `{ref}`, which is not a property of this resource",
                        p.loc,
                        (
                            f"did you mean `{guess}`?"
                            if guess
                            else "use the dotted path from the resource root"
                        ),
                    )
                elif ref == path and key != "exactly_one_of" and key != "at_least_one_of":
                    self.bag.error(
                        "self-reference",
                        f"`{key}` of `{path}` names the property itself",
                        p.loc,
                        f"remove `{ref}` from `{key}`",
                    )

    def _rest(self, res: Resource, provider_params: set[str]) -> None:
        rest = res.rest
        by_name = {p.name: p for p in res.properties}
        if not rest.id_template:
            return
        for param in rest.id_params:
            if param.source is IdParamSource.PROPERTY:
                prop = by_name[param.name]
                if prop.presence is Presence.COMPUTED:
                    self.bag.error(
                        "id-param-computed",
                        f"id template parameter `{param.name}` is a computed property; it must be set by the user",
                        prop.loc,
                        "make the property `presence: required`",
                    )
            elif param.name not in provider_params:
                self.bag.error(
                    "unknown-id-param",
                    f"id template parameter `{{{param.name}}}` is neither a top-level property nor a product param",
                    param.loc if param.loc.line else rest.loc,
                    f"add a property `{param.name}` or list it under the product's `params:`",
                )
        if rest.update_verb is not None and rest.immutable:
            self.bag.warning(
                "immutable-with-update",
                "resource is `immutable` but has an `update_verb`; it will never be used",
                rest.loc,
                "set `update_verb: null`",
            )

    def _provider_defaults(self, res: Resource, provider_params: set[str]) -> None:
        """A provider default names a provider setting; a map view names its argument."""
        top = {p.name: p for p in res.properties}
        for path, p in walk(res.properties):
            if p.provider_default is not None and p.provider_default not in provider_params:
                self.bag.error(
                    "unknown-provider-default",
                    f"property `{path}` defaults from provider setting `{p.provider_default}`, "
                    "which no product param declares",
                    p.loc,
                    f"list `{p.provider_default}` under the product's `params:`",
                )
            if p.map_view in (MapView.MERGED, MapView.EFFECTIVE):
                arg = top.get(p.view_of or "")
                if "." in path or arg is None or arg.map_view is not MapView.CONFIGURED:
                    self.bag.error(
                        "unknown-map-view",
                        f"property `{path}` is a view of `{p.view_of}`, which is not a "
                        "top-level non-authoritative map of the resource",
                        p.loc,
                        "name a top-level map argument whose `map_view` is `configured`",
                    )

    def _deletion_policy(self, res: Resource) -> None:
        """`deletion_policy` names a top-level, settable String argument."""
        name = res.deletion_policy
        arg = next((p for p in res.properties if p.name == name), None)
        if name is not None and (
            arg is None or arg.type.kind is not TypeKind.STRING or not arg.presence.settable
        ):
            self.bag.error(
                "unknown-deletion-policy",
                f"resource `{res.name}` guards destroy with `{name}`, which is not a "
                "top-level settable String property",
                res.loc,
                "declare it under `properties:` (type String, optional, `url_param_only: "
                "true`, `default: DELETE`), or remove `deletion_policy:`",
            )

    def _examples(self, res: Resource) -> None:
        self._duplicates([(e.name, e.loc) for e in res.examples], f"resource `{res.name}` examples")
        for ex in res.examples:
            declared = {v.name for v in ex.vars}
            used = set(EXAMPLE_VAR.findall(ex.config))
            for update in ex.updates:
                used |= set(EXAMPLE_VAR.findall(update))
            for missing in sorted(used - declared):
                self.bag.error(
                    "unknown-example-var",
                    f"example `{ex.name}` uses `{{{{{missing}}}}}` but declares no such var",
                    ex.loc,
                    f"add `{missing}:` under `vars:`",
                )
            for unused in sorted(declared - used):
                self.bag.warning(
                    "unused-example-var",
                    f"example `{ex.name}` declares unused var `{unused}`",
                    ex.loc,
                    f"use it as `{{{{{unused}}}}}` in `config`, or remove it",
                )
            if res.terraform_name not in ex.config:
                self.bag.error(
                    "example-without-resource",
                    f"example `{ex.name}` does not declare any `{res.terraform_name}` resource",
                    ex.loc,
                    f'add `resource "{res.terraform_name}" "example" {{ ... }}` to `config`',
                )
            for i, update in enumerate(ex.updates, 1):
                if res.terraform_name not in update:
                    self.bag.error(
                        "example-without-resource",
                        f"update {i} of example `{ex.name}` does not declare any "
                        f"`{res.terraform_name}` resource: applying it would destroy the object",
                        ex.loc,
                        "keep the resource under test in every entry of `updates`",
                    )

    def _duplicates(self, named: list[tuple[str, Location]], where: str) -> None:
        seen: dict[str, Location] = {}
        for name, loc in named:
            if name in seen:
                first = seen[name]
                at = f"line {first.line}" if first.file == loc.file else str(first)
                self.bag.error(
                    "duplicate-name",
                    f"`{name}` is defined twice in {where} (first at {at})",
                    loc,
                    "rename or remove one of them",
                )
            else:
                seen[name] = loc


def validate_products(
    products: Iterable[Product],
    sources: Mapping[tuple[str, str], str] | None = None,
    *,
    shape_checked: bool = False,
) -> list[Diagnostic]:
    """Semantic checks; `shape_checked=True` skips what the YAML shape check already reported."""
    bag = DiagnosticBag()
    checker = _Checker(bag, shape_checked)
    for product in products:
        checker.product(product, sources or {})
    return bag.items
