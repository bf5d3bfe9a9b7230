"""Model features a spec can use, and which of them a resource uses, with where.

Each target declares the features it implements (`Target.features`). `unsupported()`
reports every feature a resource uses that the target lacks, at the spec line that uses
it, so that nothing read into the model is silently ignored by a target.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

from ..diagnostics import Diagnostic, Location, Severity
from ..model.nodes import AsyncStyle, MapView, Property, Resource, TypeKind


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
    RESOURCE_DEPRECATION = "resource deprecation"
    STATE_ONLY = "state_only"
    NO_READ = "can_read: false"
    NO_DELETE = "can_delete: false"
    UPDATE_MASK_FIELDS = "update_mask_fields"


ALL_FEATURES = frozenset(Feature)


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
    """One error per feature `res` uses that `target` does not implement."""
    return [
        Diagnostic(
            Severity.ERROR,
            "unsupported-feature",
            f"target `{target}` does not support `{feature.value}`, which resource "
            f"`{res.name}` uses",
            loc,
            "remove it from the spec, or generate with a target that supports it "
            "(`--target`); docs/targets.md lists what each target supports",
        )
        for feature, loc in sorted(features_used(res).items(), key=lambda kv: kv[0].name)
        if feature not in supported
    ]
