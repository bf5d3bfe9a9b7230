"""Key tables of the Azure Magic Modules format (2019) and small readers over its YAML.

Every mapping the Azure loader reads is checked against a `KeyTable`: a key is either
read (`used`), deliberately left out because it means nothing for a REST-based Terraform
generator (`ignored`, with the reason: SDK variable names, Ansible docs, GCP leftovers),
or reported with a warning `azure-mm-unsupported-key` at its line: a key whose meaning we
do not model yet (`unsupported`, with what it would need) or a key we do not know at all.
Nothing is dropped without either a table entry or a diagnostic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ...diagnostics import Diagnostic, DiagnosticBag, Location
from ...model.nodes import Scalar
from ..yaml_source import YMap, YNode, YScalar, YSeq

UNSUPPORTED = "azure-mm-unsupported-key"
RUBY_TAG = "!ruby/object:"
_SYMBOL = re.compile(r":([A-Za-z_][A-Za-z0-9_]*)")
_COUNTED = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class KeyTable:
    what: str  # how messages name the mapping, e.g. "a property"
    used: frozenset[str]
    ignored: Mapping[str, str] = field(default_factory=dict)  # key -> why it means nothing here
    unsupported: Mapping[str, str] = field(default_factory=dict)  # key -> what it would need
    unsupported_prefixes: Mapping[str, str] = field(default_factory=dict)  # e.g. `list_by_`


def check_keys(m: YMap, table: KeyTable, bag: DiagnosticBag, where: str = "") -> None:
    """Warn about every key of `m` that the loader does not read."""
    place = f"{table.what} `{where}`" if where else table.what
    for k, _ in m.entries:
        key = str(k.value)
        if key in table.used or key in table.ignored:
            continue
        reason = table.unsupported.get(key) or next(
            (why for pre, why in table.unsupported_prefixes.items() if key.startswith(pre)), None
        )
        if reason is not None:
            bag.warning(UNSUPPORTED, f"`{key}` in {place} is not supported yet: {reason}", k.loc)
        else:
            bag.warning(
                UNSUPPORTED,
                f"`{key}` in {place} is not a key of the Azure Magic Modules format that mmgen "
                "knows; it is not read",
                k.loc,
                "check the spelling; if the key is real, it needs support in the Azure loader",
            )


def unsupported_counts(diags: Iterable[Diagnostic]) -> Counter[str]:
    """How often each key was reported as unsupported (from the diagnostics' messages)."""
    counts: Counter[str] = Counter()
    for d in diags:
        if d.code == UNSUPPORTED:
            m = _COUNTED.match(d.message)
            counts[m.group(1) if m else "?"] += 1
    return counts


# --- names ---------------------------------------------------------------------------------


def ruby_class(node: YNode | None) -> str:
    """`!ruby/object:Api::Type::String` -> `Api::Type::String`; "" for untagged nodes."""
    tag = node.tag if node is not None else ""
    return tag[len(RUBY_TAG) :] if tag.startswith(RUBY_TAG) else tag


def unsymbol(value: str) -> str:
    """Ruby symbols (`:BatchService`) are how the format writes enum values."""
    m = _SYMBOL.fullmatch(value)
    return m.group(1) if m else value


# --- readers over the located tree ------------------------------------------------------


def get_str(m: YMap, key: str) -> str | None:
    node = m.get(key)
    if not isinstance(node, YScalar) or node.value is None or isinstance(node.value, bool):
        return None
    return node.value if isinstance(node.value, str) else node.raw


def get_bool(m: YMap, key: str) -> bool | None:
    node = m.get(key)
    if isinstance(node, YScalar) and isinstance(node.value, bool):
        return node.value
    return None


def get_int(m: YMap, key: str) -> int | None:
    node = m.get(key)
    if (
        isinstance(node, YScalar)
        and isinstance(node.value, int)
        and not isinstance(node.value, bool)
    ):
        return node.value
    return None


def get_scalar(m: YMap, key: str) -> Scalar | None:
    node = m.get(key)
    if not isinstance(node, YScalar) or node.value is None:
        return None
    return unsymbol(node.value) if isinstance(node.value, str) else node.value


def get_strs(m: YMap, key: str) -> list[str]:
    node = m.get(key)
    if isinstance(node, YScalar) and isinstance(node.value, str):
        return [node.value]
    if not isinstance(node, YSeq):
        return []
    return [
        unsymbol(i.value if isinstance(i.value, str) else i.raw)
        for i in node.items
        if isinstance(i, YScalar) and i.value is not None and not isinstance(i.value, bool)
    ]


def get_map(m: YMap, key: str) -> YMap | None:
    node = m.get(key)
    return node if isinstance(node, YMap) else None


def get_maps(m: YMap, key: str) -> list[YMap]:
    node = m.get(key)
    return [i for i in node.items if isinstance(i, YMap)] if isinstance(node, YSeq) else []


def key_loc(m: YMap, key: str) -> Location:
    node = m.key_node(key)
    return node.loc if node is not None else m.loc


# --- the tables ---------------------------------------------------------------------------

_SDK_NAMES = "an Azure SDK (Go/Python) name; mmgen calls the REST API directly"
_ANSIBLE_DOCS = "used by the Ansible docs only"
_DATA_SOURCES = "data sources are not generated yet"

PRODUCT = KeyTable(
    "the product",
    frozenset({"name", "versions", "objects"}),
    {
        "scopes": "a GCP OAuth scope list, `NotUsedInAzure`",
        "prefix": "an Ansible module prefix; Terraform resources are `azurerm_`",
    },
)
VERSION = KeyTable(
    "a product version",
    frozenset({"name"}),
    {"base_url": "`NotUsedInAzure`: every ARM resource lives under https://management.azure.com/"},
)
RESOURCE = KeyTable(
    "resource",
    # `base_url`/`self_link` are read when they hold a URL template; `NotUsedInAzure`, the
    # usual value, leaves the id template to the SDK definition's `id_portion`s.
    frozenset(
        {
            "name",
            "description",
            "azure_sdk_definition",
            "parameters",
            "properties",
            "base_url",
            "self_link",
        }
    ),
    {"api_name": "the GCP service name, not used in Azure"},
)
SDK_DEFINITION = KeyTable(
    "azure_sdk_definition",
    frozenset({"provider_name", "create", "read", "update", "delete"}),
    {
        "go_client_namespace": _SDK_NAMES,
        "go_client": _SDK_NAMES,
        "python_client_namespace": _SDK_NAMES,
        "python_client": _SDK_NAMES,
    },
    unsupported_prefixes={
        "list_by_": f"list operations feed data sources and Ansible info modules; {_DATA_SOURCES}"
    },
)
OPERATION = KeyTable(
    "SDK operation",
    frozenset({"async", "go_func_name", "request", "response"}),
    {"python_func_name": _SDK_NAMES},
)
SDK_TYPE = KeyTable(
    "SDK type definition",
    frozenset({"id_portion", "applicable_to"}),
    {
        "go_variable_name": _SDK_NAMES,
        "go_field_name": _SDK_NAMES,
        "go_type_name": _SDK_NAMES,
        "go_enum_type_name": _SDK_NAMES,
        "go_enum_const_prefix": _SDK_NAMES,
        "is_pointer_type": "a Go SDK detail",
        "python_parameter_name": _SDK_NAMES,
        "python_variable_name": _SDK_NAMES,
        "python_field_name": _SDK_NAMES,
    },
    {
        "empty_value_sensitive": "sending an empty string instead of leaving the field out",
        "remove": "leaving a field out of one request (the Ruby generator left it to custom "
        "code); the field stays mapped",
    },
)
PROPERTY = KeyTable(
    "property",
    frozenset(
        {
            "name",
            "description",
            "required",
            "input",
            "output",
            "default_value",
            "azure_sdk_references",
            "values",
            "item_type",
            "properties",
            "min_size",
            "max_size",
            "default_from_api",
            "sensitive",
            "ignore_read",
            "is_set",
        }
    ),
    {
        "sample_value": f"{_ANSIBLE_DOCS} (examples come from examples/terraform/)",
        "resource_type_name": _ANSIBLE_DOCS,
    },
    {
        "true_value": "BooleanEnum value mapping; loaded as an Enum of its two values",
        "false_value": "BooleanEnum value mapping; loaded as an Enum of its two values",
    },
)
ARRAY_ITEM = KeyTable("array item_type", frozenset({"properties", "values"}))

TERRAFORM_CONFIG = KeyTable(
    "terraform.yaml",
    frozenset({"overrides"}),
    unsupported={"datasources": _DATA_SOURCES},
)
RESOURCE_OVERRIDE = KeyTable(
    "resource override",
    # `custom_code` is read to report each of its snippets (Go templates) by name.
    frozenset(
        {
            "name",
            "description",
            "azure_sdk_definition",
            "properties",
            "acctests",
            "document_examples",
            "custom_code",
        }
    ),
    unsupported={"datasource_example_outputs": _DATA_SOURCES},
)
SDK_DEFINITION_OVERRIDE = KeyTable(
    "azure_sdk_definition override", frozenset({"create", "read", "update", "delete"})
)
OPERATION_OVERRIDE = KeyTable(
    "SDK operation override",
    frozenset({"async", "request", "response"}),
    {"go_func_name": _SDK_NAMES},
)
PROPERTY_OVERRIDE = KeyTable(
    "property override",
    frozenset(
        {
            "name",
            "description",
            "required",
            "input",
            "output",
            "default_value",
            "default_from_api",
            "sensitive",
            "ignore_read",
            "is_set",
            "conflicts_with",
            "validation",
            "values",
            "min_size",
            "max_size",
        }
    ),
    {"sample_value": _ANSIBLE_DOCS, "resource_type_name": _ANSIBLE_DOCS},
    {
        "diff_suppress_func": "a Go DiffSuppressFunc",
        "state_func": "a Go StateFunc",
        "set_hash_func": "a Go set hash function",
        "unordered_list": "set semantics for a list without making it a set",
        "schema_config_mode_attr": "SchemaConfigModeAttr, a Terraform SDK v1 detail",
        "update_mask_fields": "GCP update masks",
        "flatten_object": "flattening a nested object into its parent",
        "custom_expand": "a Go template replacing the expander",
        "custom_flatten": "a Go template replacing the flattener",
        "new_type": "changing a property's type in an override",
    },
)
VALIDATION = KeyTable(
    "validation",
    frozenset({"regex"}),
    unsupported={"function": "a Go validation function; only `regex` carries over"},
)
ACCTEST = KeyTable("acctest", frozenset({"name", "steps"}))
DOCUMENT_EXAMPLE = KeyTable(
    "document example",
    frozenset({"example_name", "resource_name_hints"}),
    {"title": "the docs page heads every example itself"},
)
EXAMPLE = KeyTable(
    "example",
    frozenset({"resource", "prerequisites", "properties"}),
    {"description": "the model's examples carry no prose"},
)
EXAMPLE_REFERENCE = KeyTable("example prerequisite", frozenset({"product", "example"}))
