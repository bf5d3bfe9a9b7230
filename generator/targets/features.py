"""Model features a spec can use, and which of them a resource uses, with where.

Each target declares the features it implements (`Target.features`). `unsupported()`
reports every feature a resource uses that the target lacks, at the spec line that uses
it, so that nothing read into the model is silently ignored by a target.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import replace

from ..diagnostics import Diagnostic, Location, Severity
from ..model.nodes import AsyncStyle, MapView, Presence, Property, Resource, TypeKind


class Feature(enum.Enum):
    ASYNC_ARM = "async: arm"
    ASYNC_OPERATION = "async: operation"
    IMMUTABLE = "immutable"
    UPDATE_IN_PLACE = "update_verb"
    CREATE_URL = "create_url"
    UPDATE_URL = "update_url"
    DELETE_URL = "delete_url"
    UPDATE_MASK = "update_mask"
    ID_FORMAT = "id_format"
    IMPORT_FORMATS = "import_formats"
    NOT_IMPORTABLE = "importable: false"
    SCHEMA_VERSION = "schema_version"
    HOOKS = "custom_code hooks"
    CUSTOM_EXPAND = "custom_code expand"
    CUSTOM_FLATTEN = "custom_code flatten"
    NESTED_BLOCK = "NestedObject"
    LIST_OF_BLOCKS = "Array of NestedObject"
    SET_OF_BLOCKS = "set of NestedObject"
    MAP_OF_BLOCKS = "Map of NestedObject"
    PRIMITIVE_COLLECTIONS = "Array/Map of primitives"
    SENSITIVE = "sensitive"
    WRITE_ONLY = "write_only"
    IGNORE_READ = "ignore_read"
    URL_PARAM_ONLY = "url_param_only"
    DEFAULT = "default"
    VALIDATION = "validation"
    FIELD_RELATIONS = "conflicts_with / exactly_one_of / at_least_one_of / required_with"
    DEPRECATION = "deprecation"
    OPTIONAL_COMPUTED_BLOCK = "optional_computed NestedObject"
    PROVIDER_DEFAULT = "provider_default"
    MAP_VIEWS = "map_view (non-authoritative labels / annotations)"
    OMIT_EMPTY = "omit_empty"
    OPERATION_URL = "operation_url"
    RESULT_IN_RESPONSE = "result_in_response"
    UPDATE_GROUPS = "update_groups"
    DELETION_POLICY = "deletion_policy"
    WRITE_ONLY_ARGUMENTS = "config_only / version_of (Terraform write-only arguments)"
    NESTED_QUERY = "nested_query"
    RESOURCE_DEPRECATION = "resource deprecation"
    STATE_ONLY = "state_only"
    NO_READ = "can_read: false"
    NO_DELETE = "can_delete: false"
    UPDATE_MASK_FIELDS = "update_mask_fields"


ALL_FEATURES = frozenset(Feature)
# Features a target can do without by leaving out the arguments that carry them, because
# those arguments only add a second way to set something the resource keeps (`X_wo`
# beside `X`): the target warns at the spec line and generates the rest of the resource
# (`degraded`). Every other feature the target lacks leaves the resource out.
LEFT_OUT = frozenset({Feature.WRITE_ONLY_ARGUMENTS})


def _property_features(prop: Property) -> Iterator[Feature]:
    t = prop.type
    inner = t.item if t.kind is TypeKind.ARRAY else t.value if t.kind is TypeKind.MAP else None
    if t.kind is TypeKind.NESTED_OBJECT:
        yield Feature.NESTED_BLOCK
    elif inner is not None and inner.kind is TypeKind.NESTED_OBJECT:
        if t.kind is TypeKind.MAP:
            yield Feature.MAP_OF_BLOCKS
        elif t.is_set:
            yield Feature.SET_OF_BLOCKS
        else:
            yield Feature.LIST_OF_BLOCKS
    elif t.kind in (TypeKind.ARRAY, TypeKind.MAP):
        yield Feature.PRIMITIVE_COLLECTIONS
    if t.is_block and prop.presence.computed and prop.presence.settable:
        yield Feature.OPTIONAL_COMPUTED_BLOCK
    flags = (
        (prop.sensitive, Feature.SENSITIVE),
        (prop.write_only, Feature.WRITE_ONLY),
        (prop.ignore_read, Feature.IGNORE_READ),
        (prop.url_param_only, Feature.URL_PARAM_ONLY),
        (prop.default is not None, Feature.DEFAULT),
        (not prop.validation.is_empty, Feature.VALIDATION),
        (
            bool(
                prop.conflicts_with
                or prop.exactly_one_of
                or prop.at_least_one_of
                or prop.required_with
            ),
            Feature.FIELD_RELATIONS,
        ),
        (prop.deprecation is not None, Feature.DEPRECATION),
        (prop.provider_default is not None, Feature.PROVIDER_DEFAULT),
        (prop.map_view is not MapView.ALL, Feature.MAP_VIEWS),
        (prop.omit_empty, Feature.OMIT_EMPTY),
        (prop.config_only or prop.version_of is not None, Feature.WRITE_ONLY_ARGUMENTS),
        (bool(prop.update_mask_fields), Feature.UPDATE_MASK_FIELDS),
    )
    for used, feature in flags:
        if used:
            yield feature


def features_used(res: Resource) -> dict[Feature, Location]:
    """Every feature the resource uses, with the first place that uses it."""
    found: dict[Feature, Location] = {}

    def add(feature: Feature, loc: Location) -> None:
        found.setdefault(feature, loc)

    rest = res.rest
    if rest.async_style is AsyncStyle.ARM:
        add(Feature.ASYNC_ARM, rest.loc)
    elif rest.async_style is AsyncStyle.OPERATION:
        add(Feature.ASYNC_OPERATION, rest.loc)
    if rest.immutable:
        add(Feature.IMMUTABLE, rest.loc)
    elif rest.update_verb:
        add(Feature.UPDATE_IN_PLACE, rest.loc)
    for value, feature in (
        (rest.create_url, Feature.CREATE_URL),
        (rest.update_url, Feature.UPDATE_URL),
        (rest.delete_url, Feature.DELETE_URL),
        (rest.update_mask or None, Feature.UPDATE_MASK),
        (rest.id_format, Feature.ID_FORMAT),
        (rest.operation_url, Feature.OPERATION_URL),
        (rest.result_in_response or None, Feature.RESULT_IN_RESPONSE),
    ):
        if value:
            add(feature, rest.loc)
    for group in rest.update_groups:
        add(Feature.UPDATE_GROUPS, group.loc)
    if rest.nested_query is not None:
        add(Feature.NESTED_QUERY, rest.nested_query.loc)
    if res.import_formats:
        add(Feature.IMPORT_FORMATS, res.loc)
    if not res.importable:
        add(Feature.NOT_IMPORTABLE, res.loc)
    if res.schema_version:
        add(Feature.SCHEMA_VERSION, res.loc)
    if res.deletion_policy:
        add(Feature.DELETION_POLICY, res.loc)
    if res.deprecation:
        add(Feature.RESOURCE_DEPRECATION, res.loc)
    for applies, feature in (
        (bool(rest.state_only), Feature.STATE_ONLY),
        (not rest.can_read, Feature.NO_READ),
        (not rest.can_delete, Feature.NO_DELETE),
    ):
        if applies:
            add(feature, rest.loc)
    cc = res.custom_code
    for used, feature in (
        (cc.hooks, Feature.HOOKS),
        (cc.expand, Feature.CUSTOM_EXPAND),
        (cc.flatten, Feature.CUSTOM_FLATTEN),
    ):
        if used:
            add(feature, cc.loc)

    def walk(props: tuple[Property, ...]) -> None:
        for p in props:
            for feature in _property_features(p):
                add(feature, p.loc)
            walk(p.type.nested_properties)

    walk(res.properties)
    return found


def unsupported(target: str, supported: frozenset[Feature], res: Resource) -> list[Diagnostic]:
    """One error per feature `res` uses that `target` does not implement; a warning
    (`feature-left-out`) for one the target leaves out with its arguments (LEFT_OUT)."""
    out = []
    for feature, loc in sorted(features_used(res).items(), key=lambda kv: kv[0].name):
        if feature in supported:
            continue
        if feature in LEFT_OUT:
            names = ", ".join(f"`{n}`" for n in left_out_arguments(res))
            out.append(
                Diagnostic(
                    Severity.WARNING,
                    "feature-left-out",
                    f"target `{target}` does not support `{feature.value}`: resource "
                    f"`{res.name}` is generated without {names}; the arguments they stand "
                    "in for still work",
                    loc,
                    "generate with a target that supports it (`--target go`) to offer "
                    "them; docs/targets.md lists what each target supports",
                )
            )
            continue
        out.append(
            Diagnostic(
                Severity.ERROR,
                "unsupported-feature",
                f"target `{target}` does not support `{feature.value}`, which resource "
                f"`{res.name}` uses",
                loc,
                "remove it from the spec, or generate with a target that supports it "
                "(`--target`); docs/targets.md lists what each target supports",
            )
        )
    return out


def left_out_arguments(res: Resource) -> list[str]:
    """The dotted paths of the write-only arguments and their version arguments."""
    out: list[str] = []

    def walk(props: tuple[Property, ...], prefix: str) -> None:
        for p in props:
            if p.config_only or p.version_of is not None:
                out.append(prefix + p.name)
            walk(p.type.nested_properties, f"{prefix}{p.name}.")

    walk(res.properties, "")
    return out


def degraded(res: Resource, supported: frozenset[Feature]) -> Resource:
    """`res` as a target lacking LEFT_OUT features generates it: without their arguments,
    and without the relations that name them (an `exactly_one_of` left with the property
    alone makes it required again, as it was before its write-only twin was added)."""
    if Feature.WRITE_ONLY_ARGUMENTS in supported:
        return res
    gone = set(left_out_arguments(res))
    if not gone:
        return res

    def keep(refs: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(r for r in refs if r not in gone)

    def level(props: tuple[Property, ...], prefix: str) -> tuple[Property, ...]:
        out = []
        for p in props:
            path = prefix + p.name
            if path in gone:
                continue
            t = p.type
            if t.nested_properties:
                t = t.with_nested_properties(level(t.nested_properties, path + "."))
            one_of = keep(p.exactly_one_of)
            presence = p.presence
            if p.exactly_one_of and one_of == (path,):
                one_of, presence = (), Presence.REQUIRED
            out.append(
                replace(
                    p,
                    type=t,
                    presence=presence,
                    conflicts_with=keep(p.conflicts_with),
                    exactly_one_of=one_of,
                    at_least_one_of=keep(p.at_least_one_of),
                    required_with=keep(p.required_with),
                )
            )
        return tuple(out)

    names = sorted({path.rsplit(".", 1)[-1] for path in gone})
    sets = re.compile(r"(^|[\s{])(" + "|".join(map(re.escape, names)) + r")\s*=", re.M)
    examples = []
    for ex in res.examples:
        used = sorted(
            {m.group(2) for text in (ex.config, *ex.updates) for m in sets.finditer(text)}
        )
        if used and ex.skip_test is None:
            listed = ", ".join(f"`{n}`" for n in used)
            ex = replace(ex, skip_test=f"sets {listed}: write-only arguments this target lacks")
        examples.append(ex)
    return replace(res, properties=level(res.properties, ""), examples=tuple(examples))
