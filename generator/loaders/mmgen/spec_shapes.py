"""The shape of mmgen's YAML spec files: product.yaml and one <resource>.yaml each.

docs/spec-format.md explains each key; schema/mmgen-spec.schema.json is generated from
these declarations by `mmgen schema json-schema`.
"""

from __future__ import annotations

from ...model.nodes import HOOK_NAMES, ApiStyle, AsyncStyle, MapView, Presence, TypeKind
from ..shapes import AnyScalar, Bool, Int, Key, ListOf, MapOf, Nullable, Num, Obj, Ref, Str

SNAKE = r"[a-z][a-z0-9]*(_[a-z0-9]+)*"
HTTP_VERB = Str("HTTP method", enum=("GET", "POST", "PUT", "PATCH", "DELETE"))
TYPE_NAMES = tuple(k.value for k in TypeKind)

VALIDATION = Obj(
    "Validation",
    {
        "regex": Key(Str("Python/RE2-compatible regular expression the whole value must match")),
        "min_length": Key(Int("minimum string length", minimum=0)),
        "max_length": Key(Int("maximum string length", minimum=0)),
        "min": Key(Num("minimum numeric value (inclusive)")),
        "max": Key(Num("maximum numeric value (inclusive)")),
        "min_items": Key(Int("minimum number of list/map items", minimum=0)),
        "max_items": Key(Int("maximum number of list/map items", minimum=0)),
    },
    doc="Value checks enforced at plan time.",
)


def allowances(selector: str | None, selector_doc: str = "") -> ListOf:
    """`breaking_changes_allowed`: breaking changes `mmgen diff` accepts, each with a reason."""
    keys = {
        "rule": Key(
            Str("the `mmgen diff` rule id (docs/diff.md), e.g. `field-changing-type`"),
            required=True,
        ),
        "reason": Key(Str("why the break is accepted; shown in the diff report"), required=True),
    }
    if selector:
        keys[selector] = Key(Str(selector_doc))
    return ListOf(
        Obj("BreakingChangeAllowance" + ("" if not selector else selector.title()), keys),
        doc="breaking changes `mmgen diff` accepts here (docs/diff.md)",
    )


PATHS = ListOf(Str("dotted Terraform path from the resource root, e.g. `secrets.value`"))

PROPERTY = Obj(
    "Property",
    {
        "name": Key(Str("Terraform name (snake_case)", pattern=SNAKE), required=True),
        "type": Key(Str("the property's type", enum=TYPE_NAMES), required=True),
        "api_name": Key(
            Str(
                "JSON path in the API body, relative to the parent object, e.g. `properties.nodeCount`"
            )
        ),
        "description": Key(Str("Markdown description, shown in docs and schema")),
        "presence": Key(
            Str("who sets the value", enum=tuple(p.value for p in Presence)),
        ),
        "forces_new": Key(Bool("changing it replaces the resource")),
        "default": Key(AnyScalar("value used when the configuration leaves it unset")),
        "sensitive": Key(Bool("hidden in plan output and logs")),
        "write_only": Key(Bool("sent to the API but never returned by it")),
        "deprecation": Key(Str("deprecation message; the property is deprecated when set")),
        "validation": Key(VALIDATION),
        "conflicts_with": Key(PATHS),
        "exactly_one_of": Key(PATHS),
        "at_least_one_of": Key(PATHS),
        "required_with": Key(PATHS),
        "ignore_read": Key(Bool("the API does not return it; keep the configured value")),
        "url_param_only": Key(Bool("used only in the URL, never sent in the body")),
        "parent_id": Key(
            Str(
                "the id template of the object this one lives under: the argument holds "
                "its id and the resource's id template starts with it; implies "
                "`url_param_only` and `forces_new`"
            )
        ),
        "min_version": Key(
            Str("API release that introduced it (e.g. `beta`), when later than the resource's")
        ),
        "provider_default": Key(
            Str("the product param that supplies the value when unset", pattern=SNAKE)
        ),
        "map_view": Key(
            Str("which view of a shared string map it is", enum=tuple(v.value for v in MapView))
        ),
        "view_of": Key(Str("merged/effective view: its map argument", pattern=SNAKE)),
        "omit_empty": Key(
            Bool('an empty value (false, 0, "", [], {}, an empty block) is left out of bodies')
        ),
        "config_only": Key(
            Bool(
                "a Terraform write-only argument (Terraform >= 1.11): read from the "
                "configuration, never stored in plan or state"
            )
        ),
        "version_of": Key(
            Str(
                "the sibling `config_only` argument whose value a change of this one "
                "sends again; implies `url_param_only`",
                pattern=SNAKE,
            )
        ),
        "enum_values": Key(
            ListOf(Str()),
        ),
        "item_type": Key(Str("element type of an Array", enum=TYPE_NAMES)),
        "is_set": Key(Bool("an Array whose order does not matter")),
        "value_type": Key(Str("value type of a Map", enum=TYPE_NAMES)),
        "key_name": Key(Str("what a Map key is called", pattern=SNAKE)),
        "properties": Key(ListOf(Ref("Property"))),
        "resource": Key(Str("ResourceRef: the referenced resource kind")),
        "imports": Key(Str("ResourceRef: the referenced resource's field")),
        "breaking_changes_allowed": Key(allowances(None)),
    },
    doc="One argument or attribute of a resource, or of a nested block.",
)

NESTED_QUERY = Obj(
    "NestedQuery",
    {
        "keys": Key(
            ListOf(Str("API name of one step from the read response to the list")),
            required=True,
        ),
        "identity": Key(
            ListOf(Str("top-level property whose value finds the entry", pattern=SNAKE))
        ),
        "is_list_of_ids": Key(Bool("the list holds the one identity property's values")),
        "modify_by_patch": Key(
            Bool("create/update/delete send the parent's list, edited, under `keys`")
        ),
    },
    doc="The resource is one entry of a list in its read URL's answer.",
)

API = Obj(
    "Api",
    {
        "base_url": Key(
            Str(
                "collection URL template, relative to the product base URL (default: the "
                "id template without its last segment); a POST create goes there"
            )
        ),
        "id_template": Key(
            Str("the resource's id / self link with {param} placeholders"), required=True
        ),
        "api_version": Key(Str("sent as the `api-version` query parameter")),
        "create_verb": Key(HTTP_VERB),
        "read_verb": Key(HTTP_VERB),
        "update_verb": Key(Nullable(HTTP_VERB, doc="null: no in-place update")),
        "delete_verb": Key(HTTP_VERB),
        "async": Key(Str("long-running operation style", enum=tuple(a.value for a in AsyncStyle))),
        "immutable": Key(Bool("the resource cannot change as a whole: every argument forces new")),
        "operation_url": Key(
            Str("async operation: where a pending operation is polled; `{op_id}` is its name")
        ),
        "result_in_response": Key(
            Bool("async operation: the finished operation's `response` is the created resource")
        ),
        "nested_query": Key(NESTED_QUERY),
        "state_only": Key(
            ListOf(
                Str(
                    "top-level argument that changes in the Terraform state alone, with no "
                    "API call (labels of an immutable resource)",
                    pattern=SNAKE,
                )
            )
        ),
        "can_read": Key(
            Bool("false: the API cannot read it; refresh keeps the state, import takes the id")
        ),
        "can_delete": Key(
            Bool("false: the API cannot delete it; destroy only removes it from the state")
        ),
    },
    doc="How the resource maps onto its REST API.",
)

EXAMPLE_VAR = Obj(
    "ExampleVar",
    {
        "docs": Key(Str("value shown in the docs page"), required=True),
        "test": Key(
            Str("value used by acceptance tests; `{random}` is a per-run suffix"), required=True
        ),
        "env": Key(
            Str(
                "environment variable the acceptance tests read the value from "
                "(`test` is the emulator's value)",
                pattern=r"[A-Z_][A-Z0-9_]*",
            )
        ),
    },
)

CHECKS = MapOf(
    AnyScalar(
        "the value the attribute (a state path: `name`, `settings.0.size`, `tags.env`) must "
        "hold; `{{var}}` placeholders take the var's test value"
    ),
    doc="attribute values the acceptance test checks in the state after the step applies",
)

EXAMPLE_UPDATE = Obj(
    "ExampleUpdate",
    {
        "config": Key(Str("the next HCL configuration, with the example's `{{var}}` placeholders")),
        "vars": Key(
            MapOf(
                Str("the var's new test value (`{random}` is the per-run suffix)"),
                key_pattern=SNAKE,
            )
        ),
        "checks": Key(CHECKS),
    },
    doc="An update step of the acceptance test: a new `config`, or new test values of some "
    "`vars` in the previous step's configuration (a bare string is a `config`).",
    shorthand_key="config",
)

EXAMPLE = Obj(
    "Example",
    {
        "name": Key(Str("example name", pattern=SNAKE), required=True),
        "title": Key(Str("`_`-separated words of its docs page heading; default: the name")),
        "config": Key(Str("HCL; `{{var}}` placeholders are filled from `vars`"), required=True),
        "vars": Key(MapOf(Ref("ExampleVar"), key_pattern=SNAKE)),
        "primary_resource": Key(Str("TYPE.NAME of the resource under test")),
        "skip_test": Key(Str("why the acceptance test cannot run this example")),
        "in_docs": Key(Bool("false: for the acceptance test only, not on the docs page")),
        "ignore_read_fields": Key(PATHS),
        "checks": Key(CHECKS),
        "updates": Key(ListOf(EXAMPLE_UPDATE)),
    },
)

TIMEOUTS = Obj(
    "Timeouts",
    {
        op: Key(Int(f"{op} timeout in minutes", minimum=1))
        for op in ("create", "read", "update", "delete")
    },
)

CUSTOM_CODE = Obj(
    "CustomCode",
    {
        **{hook: Key(Str(f"file with the `{hook}` hook")) for hook in HOOK_NAMES},
        "expand": Key(MapOf(Str("file"), doc="dotted Terraform path -> file with a custom expand")),
        "flatten": Key(
            MapOf(Str("file"), doc="dotted Terraform path -> file with a custom flatten")
        ),
    },
    doc="Hand-written Python files (relative to the spec) included at fixed hook points.",
)

REFERENCE = Obj(
    "Reference",
    {"title": Key(Str(), required=True), "url": Key(Str(), required=True)},
)

RESOURCE = Obj(
    "Resource",
    {
        "name": Key(Str("resource name without the provider prefix", pattern=SNAKE), required=True),
        "terraform_name": Key(
            Str("full Terraform type name; default `<prefix>_<name>`", pattern=SNAKE)
        ),
        "description": Key(Str("Markdown description of the resource")),
        "schema_version": Key(Int("Terraform schema version", minimum=0)),
        "min_version": Key(Str("API release that introduced it (e.g. `beta`)")),
        "deletion_policy": Key(
            Str(
                "top-level argument guarding destroy: `PREVENT` fails it, `ABANDON` only "
                "forgets the resource",
                pattern=SNAKE,
            )
        ),
        "deprecation": Key(Str("deprecation message; the whole resource is deprecated when set")),
        "api": Key(API, required=True),
        "import_formats": Key(ListOf(Str("id template accepted by `terraform import`"))),
        "timeouts": Key(TIMEOUTS),
        "examples": Key(ListOf(EXAMPLE)),
        "references": Key(ListOf(REFERENCE)),
        "custom_code": Key(CUSTOM_CODE),
        "properties": Key(ListOf(Ref("Property")), required=True),
        "breaking_changes_allowed": Key(
            allowances("field", "dotted path of the field it is about (e.g. a removed one)")
        ),
    },
    doc="One mmgen resource spec (specs/<product>/<resource>.yaml).",
)

PRODUCT = Obj(
    "Product",
    {
        "name": Key(Str("product name (snake_case)", pattern=SNAKE), required=True),
        "display_name": Key(Str("human name, e.g. `Batch AI`")),
        "prefix": Key(Str("resource type prefix, e.g. `azurerm`", pattern=SNAKE), required=True),
        "versions": Key(
            ListOf(
                Obj(
                    "ApiVersion",
                    {
                        "name": Key(Str(), required=True),
                        "base_url": Key(Str("e.g. https://management.azure.com/"), required=True),
                    },
                )
            ),
            required=True,
        ),
        "params": Key(
            ListOf(
                Obj(
                    "ProductParam",
                    {
                        "name": Key(Str(pattern=SNAKE), required=True),
                        "env": Key(Str("environment variable that supplies it")),
                        "description": Key(Str()),
                        "required": Key(Bool()),
                        "is_map": Key(Bool("a map of strings instead of a string")),
                    },
                )
            )
        ),
        "api_style": Key(
            Str(
                "whose REST conventions the API follows (the emulator's mode): `arm` or `google`",
                enum=tuple(a.value for a in ApiStyle),
            )
        ),
        "breaking_changes_allowed": Key(
            allowances("resource", "Terraform type name of the resource it is about")
        ),
    },
    doc="A product (specs/<product>/product.yaml).",
)

# Every shape a `Ref` names; the checker and the JSON Schema resolve Refs through this.
NAMED = {"Property": PROPERTY, "ExampleVar": EXAMPLE_VAR}
