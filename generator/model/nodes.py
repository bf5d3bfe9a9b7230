"""Frozen dataclasses of the intermediate schema model.

Nothing here knows about Python, Go or Terraform's wire protocol: a node holds what the
spec says, in the spec's vocabulary. Every node carries `loc` (file:line:col) so later
stages can point at the spec; `loc` is excluded from equality so that a model loaded from
YAML equals the same model loaded from another file or built in memory.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace

from ..diagnostics import Location
from .located import loc_field as _loc

# The provider a tree becomes lives in provider.py; its names are the model's too.
from .provider import DocsFamily as DocsFamily
from .provider import DocsLayout as DocsLayout
from .provider import Provider as Provider
from .provider import ProviderSetting as ProviderSetting

Scalar = str | int | float | bool


class TypeKind(enum.Enum):
    STRING = "String"
    INTEGER = "Integer"
    DOUBLE = "Double"
    BOOLEAN = "Boolean"
    ENUM = "Enum"
    ARRAY = "Array"
    NESTED_OBJECT = "NestedObject"
    MAP = "Map"
    KEY_VALUE_PAIRS = "KeyValuePairs"
    KEY_VALUE_LABELS = "KeyValueLabels"
    KEY_VALUE_ANNOTATIONS = "KeyValueAnnotations"
    RESOURCE_REF = "ResourceRef"
    TIME = "Time"
    FINGERPRINT = "Fingerprint"

    @property
    def is_primitive(self) -> bool:
        return self in _PRIMITIVES

    @property
    def is_string_like(self) -> bool:
        return self in _STRING_LIKE


_STRING_LIKE = frozenset(
    {TypeKind.STRING, TypeKind.ENUM, TypeKind.RESOURCE_REF, TypeKind.TIME, TypeKind.FINGERPRINT}
)
_PRIMITIVES = _STRING_LIKE | {TypeKind.INTEGER, TypeKind.DOUBLE, TypeKind.BOOLEAN}
STRING_MAP_KINDS = frozenset(
    {TypeKind.KEY_VALUE_PAIRS, TypeKind.KEY_VALUE_LABELS, TypeKind.KEY_VALUE_ANNOTATIONS}
)


class Presence(enum.Enum):
    """One enum instead of three booleans: the combinations that make sense, named."""

    REQUIRED = "required"
    OPTIONAL = "optional"
    COMPUTED = "computed"
    OPTIONAL_COMPUTED = "optional_computed"

    @property
    def settable(self) -> bool:
        return self is not Presence.COMPUTED

    @property
    def computed(self) -> bool:
        return self in (Presence.COMPUTED, Presence.OPTIONAL_COMPUTED)


class AsyncStyle(enum.Enum):
    NONE = "none"
    ARM = "arm"  # 201/202 + Azure-AsyncOperation / Location polling, provisioningState
    OPERATION = "operation"  # Google-style operation resource polled until done


class ApiStyle(enum.Enum):
    """Whose REST conventions a product's API follows (the emulator speaks either)."""

    ARM = "arm"  # Azure Resource Manager: PUT at the id, provisioningState, ARM errors
    GOOGLE = "google"  # Google APIs: POST to the collection, Operations, update masks


class MapView(enum.Enum):
    """Which part of one API string map (labels, annotations) a property holds.

    A non-authoritative map is three views of the API's one map: the argument (CONFIGURED)
    manages only the keys its configuration sets; MERGED is that argument merged over a
    provider setting (`Property.provider_default`, e.g. default labels), and is what is
    sent when the resource has one; EFFECTIVE is every key the API returns. MERGED and
    EFFECTIVE properties are computed and name the argument in `Property.view_of`.
    """

    ALL = "all"  # an ordinary map: the whole API value, authoritative
    CONFIGURED = "configured"
    MERGED = "merged"
    EFFECTIVE = "effective"


class IdParamSource(enum.Enum):
    PROPERTY = "property"  # a resource argument of the same name
    PROVIDER = "provider"  # provider configuration (e.g. subscription_id)


@dataclass(frozen=True)
class Allowance:
    """A breaking change the spec's author accepts on purpose (`breaking_changes_allowed`),
    with the reason `mmgen diff` shows. `path` narrows it: on a resource, to the field at
    that dotted path and below; on a product, to the resource of that Terraform name."""

    rule: str
    reason: str
    path: str | None = None
    loc: Location = _loc()


@dataclass(frozen=True)
class Validation:
    regex: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_items: int | None = None
    max_items: int | None = None
    loc: Location = _loc()

    @property
    def is_empty(self) -> bool:
        return all(
            v is None
            for v in (
                self.regex,
                self.min_length,
                self.max_length,
                self.minimum,
                self.maximum,
                self.min_items,
                self.max_items,
            )
        )


@dataclass(frozen=True)
class Type:
    """A property's type; a tagged union keyed by `kind`.

    - ENUM: `enum_values`
    - ARRAY: `item` (the element type; a NESTED_OBJECT item makes a list of blocks)
    - NESTED_OBJECT: `properties`
    - MAP: `value` (element type) and `key_name` (what a key is called in docs/blocks)
    - RESOURCE_REF: `resource` (the referenced resource kind) and `imports` (its field)
    """

    kind: TypeKind
    enum_values: tuple[str, ...] = ()
    item: Type | None = None
    value: Type | None = None
    key_name: str | None = None
    properties: tuple[Property, ...] = ()
    is_set: bool = False
    resource: str | None = None
    imports: str | None = None
    loc: Location = _loc()

    @property
    def nested_properties(self) -> tuple[Property, ...]:
        """The child properties of a block, whether single, list or map of objects."""
        if self.kind is TypeKind.NESTED_OBJECT:
            return self.properties
        if self.kind is TypeKind.ARRAY and self.item is not None:
            return self.item.nested_properties
        if self.kind is TypeKind.MAP and self.value is not None:
            return self.value.nested_properties
        return ()

    def with_nested_properties(self, children: tuple[Property, ...]) -> Type:
        """This type with `children` in place of its `nested_properties`."""
        if self.kind is TypeKind.NESTED_OBJECT:
            return replace(self, properties=children)
        if self.kind is TypeKind.ARRAY and self.item is not None:
            return replace(self, item=self.item.with_nested_properties(children))
        if self.kind is TypeKind.MAP and self.value is not None:
            return replace(self, value=self.value.with_nested_properties(children))
        return self

    @property
    def is_block(self) -> bool:
        if self.kind is TypeKind.NESTED_OBJECT:
            return True
        inner = self.item if self.kind is TypeKind.ARRAY else None
        inner = self.value if self.kind is TypeKind.MAP else inner
        return inner is not None and inner.kind is TypeKind.NESTED_OBJECT


def default_api_name(name: str) -> str:
    """The API name a property gets when its spec gives none: `node_count` -> `nodeCount`."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@dataclass(frozen=True)
class Property:
    name: str  # Terraform name, snake_case
    type: Type
    api_name: str = ""  # dotted camelCase path relative to the parent object
    description: str = ""  # Markdown
    presence: Presence = Presence.OPTIONAL
    forces_new: bool = False
    default: Scalar | None = None
    sensitive: bool = False
    write_only: bool = False
    deprecation: str | None = None
    validation: Validation = Validation()
    conflicts_with: tuple[str, ...] = ()
    exactly_one_of: tuple[str, ...] = ()
    at_least_one_of: tuple[str, ...] = ()
    required_with: tuple[str, ...] = ()
    ignore_read: bool = False
    url_param_only: bool = False
    # The API release that introduced it (`beta`), when later than its resource's: pages
    # of the Google family mark such fields.
    min_version: str | None = None
    # The provider setting that supplies the value when the configuration leaves it unset
    # (e.g. `project`); on a MERGED map, the setting merged under the argument.
    provider_default: str | None = None
    map_view: MapView = MapView.ALL
    view_of: str | None = None  # MERGED / EFFECTIVE: the CONFIGURED argument they view
    # Leave an empty value (false, 0, "", [], {}, a block with nothing set) out of request
    # bodies instead of sending it: Magic Modules' default for fields without
    # `send_empty_value` (and blocks without `allow_empty_object`).
    omit_empty: bool = False
    # A Terraform write-only argument (Terraform >= 1.11): its value is read from the
    # configuration when it is sent and never stored in plan or state. Not the same as
    # `write_only` (the API never returns a value): this is about Terraform's artifacts.
    # It is sent under `api_name` like any argument; mmv1's `write_only: true` adds one
    # beside the field it stands in for (`password_wo` beside `password`, same API name).
    config_only: bool = False
    # On a client-side argument (`url_param_only`, no API name): the sibling
    # `config_only` argument it versions. A change of its value sends that argument's
    # configured value again (in the update, or by replacing when it `forces_new`); the
    # write-only value itself cannot show a change, since state never holds it.
    version_of: str | None = None
    breaking_changes_allowed: tuple[Allowance, ...] = ()
    # A top-level argument that holds the id of the object this one lives under (azurerm's
    # `batch_pool_id`): the id template of that parent, `/subscriptions/{s}/.../pools/{p}`.
    # The resource's id template starts with the argument (`{batch_pool_id}/jobs/{name}`),
    # which fills it with its slashes (each segment escaped) and is parsed back on import.
    parent_id: str | None = None
    # The `updateMask` names a change of this top-level argument contributes, instead of
    # its own API path (mmv1 `update_mask_fields`: an object whose API wants its leaves
    # named, or a field the API knows by another path). Empty: its changed API paths.
    update_mask_fields: tuple[str, ...] = ()
    loc: Location = _loc()
    # Where `default:`'s value is written, for diagnostics about it; like `loc`, no part
    # of equality.
    default_loc: Location = _loc()
    # Where `parent_id:`'s value is written, likewise.
    parent_id_loc: Location = _loc()


@dataclass(frozen=True)
class UpdateGroup:
    """A call of its own that updates some top-level arguments (mmv1's property-level
    `update_url` / `update_verb` / `update_id` / `fingerprint_name`).

    When any of `fields` (Terraform names) changes, the update sends exactly those fields
    to `url` with `verb`; with `fingerprint`, the resource is read first and that API
    field's current value is sent along (optimistic locking, e.g. `labelFingerprint`).
    Arguments in a group update in place even when the resource is `immutable`.
    """

    url: str
    verb: str
    fields: tuple[str, ...]
    fingerprint: str | None = None
    loc: Location = _loc()


@dataclass(frozen=True)
class IdParam:
    name: str
    source: IdParamSource = IdParamSource.PROPERTY
    loc: Location = _loc()


@dataclass(frozen=True)
class NestedQuery:
    """The resource is one entry of a list inside another object (mmv1 `nested_query`).

    A read GETs the read URL (`RestMapping.id_template`, typically the parent's self
    link) and walks `keys` (API names) to the list holding the resource (a single object
    there counts as a list of one); the entry whose `identity` arguments (top-level
    Terraform names, compared through their API names) equal the resource's is what is
    flattened into state, and no such entry means the resource is gone. With
    `is_list_of_ids`, entries are plain strings: the value of the one identity argument.
    With `modify_by_patch`, create, update and delete are a read-modify-write of the
    parent: GET it, add, replace or remove the entry in the list at `keys`, and send
    `{keys...: list}` to the call's URL with its verb.
    """

    keys: tuple[str, ...]
    identity: tuple[str, ...] = ()
    is_list_of_ids: bool = False
    modify_by_patch: bool = False
    loc: Location = _loc()


@dataclass(frozen=True)
class RestMapping:
    """How the resource maps onto its REST API."""

    base_url: str  # collection URL template, relative to the product's base URL
    id_template: str  # self link / resource id template with {param} placeholders
    id_params: tuple[IdParam, ...] = ()
    api_version: str | None = None
    create_verb: str = "PUT"
    read_verb: str = "GET"
    update_verb: str | None = None  # None: no in-place update
    delete_verb: str = "DELETE"
    async_style: AsyncStyle = AsyncStyle.NONE
    immutable: bool = False  # the resource as a whole cannot change: every argument forces new
    # Magic Modules-style REST mappings (None/False: derive from base_url and id_template).
    create_url: str | None = None  # URL template of the create call, when not the usual one
    update_url: str | None = None  # URL template of the update call, when not id_template
    delete_url: str | None = None  # URL template of the delete call, when not id_template
    update_mask: bool = False  # send `updateMask` (the changed fields) with updates
    id_format: str | None = None  # Terraform ID template, when it differs from id_template
    # Google operations: where a pending operation is polled, a template relative to the
    # product's base URL in which `{op_id}` is the operation's `name` (None: `{op_id}`,
    # the name itself); and whether the finished operation's `response` is the resource,
    # read into state (the server-assigned fields the self link needs) before the GET.
    operation_url: str | None = None
    result_in_response: bool = False
    # Property-level update calls, made besides (or, for an immutable resource, instead
    # of) the resource's own update.
    update_groups: tuple[UpdateGroup, ...] = ()
    # The resource lives inside another object's list (see NestedQuery).
    nested_query: NestedQuery | None = None
    # Top-level arguments that change in the Terraform state alone, with no API call, on
    # a resource that cannot update them (mmv1: `labels` on an immutable resource). When
    # one is a map view's argument, its MERGED view is what the API holds: a change of
    # that view cannot be sent, so it replaces the resource.
    state_only: tuple[str, ...] = ()
    # False: the API has no read for it (mmv1 `exclude_read`). Refresh keeps the state as
    # it is; create keeps the plan, unknowns filled from the create answer (or null);
    # an import takes the values of the id alone.
    can_read: bool = True
    # False: the API has no delete for it (mmv1 `exclude_delete`). Destroy removes the
    # resource from the Terraform state with a warning and sends nothing.
    can_delete: bool = True
    loc: Location = _loc()

    @property
    def grouped_fields(self) -> frozenset[str]:
        """Top-level arguments that an update group updates in place."""
        return frozenset(name for g in self.update_groups for name in g.fields)

    @property
    def main_update(self) -> bool:
        """Whether the resource as a whole has an update call (`update_verb`)."""
        return bool(self.update_verb) and not self.immutable

    @property
    def api_updates(self) -> bool:
        """Whether an update makes any API call (the resource's own, or a group's)."""
        return self.main_update or bool(self.update_groups)

    @property
    def updates_in_place(self) -> bool:
        """Whether any argument can change without replacing the resource."""
        return self.api_updates or bool(self.state_only)

    def replaces(self, name: str) -> bool:
        """Whether a change of top-level argument `name` replaces the resource because
        nothing updates it (its own `forces_new` aside)."""
        return (
            not self.main_update and name not in self.grouped_fields and name not in self.state_only
        )


@dataclass(frozen=True)
class Timeouts:
    """Minutes per operation, as Magic Modules counts them."""

    create: int = 20
    read: int = 5
    update: int = 20
    delete: int = 20
    loc: Location = _loc()


@dataclass(frozen=True)
class ExampleVar:
    """A variable in an example's HCL: docs show `docs`, acceptance tests use `test`.

    In `test`, the token `{random}` stands for a random suffix chosen per test run. With
    `env`, the acceptance tests take the value from that environment variable (an existing
    project, an organization id); against the emulator an unset one takes `test`, against a
    real API an unset one skips the test and names the variable.
    """

    name: str
    docs: str
    test: str
    env: str | None = None
    loc: Location = _loc()


@dataclass(frozen=True)
class TextAt:
    """Where an embedded text (an example's HCL) sits in its spec file, so a finding in
    the text points into the file. `exact`: line 1, column 1 of the text is `loc`, and its
    lines and columns map one to one (a `|` block scalar, a template file); otherwise only
    the text's first line is known (a quoted or folded scalar: `loc` is the scalar's)."""

    loc: Location
    exact: bool = False

    def at(self, line: int, col: int) -> Location:
        if self.exact:
            return Location(self.loc.file, self.loc.line + line - 1, self.loc.col + col - 1)
        return self.loc


Checks = tuple[tuple[str, str], ...]  # (attribute path in state, expected value), sorted


@dataclass(frozen=True)
class Example:
    name: str
    config: str  # HCL; `${var.NAME}`-free: variables are written `{{NAME}}`
    vars: tuple[ExampleVar, ...] = ()
    primary_resource: str | None = None  # "TYPE.NAME" under test; default: first of the spec's type
    skip_test: str | None = None  # reason, when the example cannot run in acceptance tests
    in_docs: bool = True  # False: for the acceptance tests only, not on the docs page
    title: str = ""  # snake_case words of its docs page heading; "": the name's
    ignore_read_fields: tuple[str, ...] = ()
    # Where the HCL lives when `config` is not inline (e.g. an upstream template path).
    config_path: str | None = None
    # Later configurations (same vars), applied in order after `config` by acceptance tests:
    # an update test written by the spec's author rather than derived (mmv1's later steps).
    updates: tuple[str, ...] = ()
    # Attribute values the acceptance test checks in state after creating the example, and
    # after each of `updates` (aligned with it; `{{var}}` placeholders take test values).
    checks: Checks = ()
    update_checks: tuple[Checks, ...] = ()
    # Where `config` and each of `updates` sit in the spec (None: not known).
    config_at: TextAt | None = field(default=None, compare=False, repr=False)
    updates_at: tuple[TextAt | None, ...] = field(default=(), compare=False, repr=False)
    loc: Location = _loc()


@dataclass(frozen=True)
class Reference:
    title: str
    url: str
    loc: Location = _loc()


HOOK_NAMES = (
    "before_create",
    "after_create",
    "before_update",
    "after_read",
    "before_delete",
    "parse_import_id",
)


@dataclass(frozen=True)
class CustomCode:
    """Hand-written files (paths relative to the spec's folder) included at fixed hook points.

    `hooks` maps a lifecycle hook (HOOK_NAMES) to a file; `expand` and `flatten` map a
    dotted Terraform path (e.g. `cluster.id`) to a file that replaces that field's
    conversion. Each is a tuple of pairs sorted by key, so the model stays hashable.
    """

    hooks: tuple[tuple[str, str], ...] = ()
    expand: tuple[tuple[str, str], ...] = ()
    flatten: tuple[tuple[str, str], ...] = ()
    loc: Location = _loc()
    # Where each file is named (`hook:after_read`, `expand:a.b`), for diagnostics about
    # that file; like `loc`, no part of equality.
    file_locs: tuple[tuple[str, Location], ...] = field(default=(), compare=False, repr=False)

    def file_loc(self, kind: str, key: str) -> Location:
        """Where the file of `kind` `key` is named (its path), else the block."""
        return dict(self.file_locs).get(f"{kind}:{key}", self.loc)

    def key_loc(self, kind: str, key: str) -> Location:
        """Where the property path `key` of an `expand`/`flatten` entry is written."""
        return dict(self.file_locs).get(f"key:{kind}:{key}", self.file_loc(kind, key))

    @property
    def is_empty(self) -> bool:
        return not (self.hooks or self.expand or self.flatten)


@dataclass(frozen=True)
class Resource:
    name: str  # the resource's own name, snake_case, e.g. batch_ai_job
    terraform_name: str  # full type name, e.g. azurerm_batch_ai_job
    description: str
    rest: RestMapping
    properties: tuple[Property, ...] = ()
    import_formats: tuple[str, ...] = ()
    # Where the import formats are written (the spec's key; else where they come from).
    import_formats_loc: Location = _loc()
    # False: `terraform import` is refused (mmv1 `exclude_import: true`); no import formats.
    importable: bool = True
    timeouts: Timeouts = Timeouts()
    examples: tuple[Example, ...] = ()
    references: tuple[Reference, ...] = ()
    custom_code: CustomCode = CustomCode()
    schema_version: int = 0
    # The API release that introduced the resource (`beta`), when later than the first.
    min_version: str | None = None
    # The top-level argument that guards destroy (Google's `deletion_policy`): when its
    # value in state is `PREVENT`, destroying fails with no API call; `ABANDON` removes
    # the resource from state with no API call; any other value deletes as usual.
    deletion_policy: str | None = None
    breaking_changes_allowed: tuple[Allowance, ...] = ()
    # The whole resource is deprecated: this message is shown wherever it is used (the
    # provider's warning, the docs page).
    deprecation: str | None = None
    loc: Location = _loc()

    @property
    def virtual_defaults(self) -> tuple[Property, ...]:
        """Top-level virtual arguments (`url_param_only`, no API name) with a default:
        nothing in the API holds them, so an import sets them to their default."""
        return tuple(
            p
            for p in self.properties
            if p.url_param_only and not p.api_name and p.default is not None
        )


@dataclass(frozen=True)
class ApiVersion:
    name: str
    base_url: str
    loc: Location = _loc()


@dataclass(frozen=True)
class ProductParam:
    """A provider-configuration value used by id templates (e.g. subscription_id)."""

    name: str
    env: str | None = None
    description: str = ""
    required: bool = True
    is_map: bool = False  # a map of strings (e.g. default_labels) instead of a string
    loc: Location = _loc()


@dataclass(frozen=True)
class Product:
    name: str  # snake_case product name, e.g. batchai
    display_name: str
    prefix: str  # resource type prefix, e.g. azurerm
    versions: tuple[ApiVersion, ...]
    params: tuple[ProductParam, ...] = ()
    resources: tuple[Resource, ...] = ()
    api_style: ApiStyle = ApiStyle.ARM
    breaking_changes_allowed: tuple[Allowance, ...] = ()
    loc: Location = _loc()

    @property
    def base_url(self) -> str:
        return self.versions[0].base_url if self.versions else ""
