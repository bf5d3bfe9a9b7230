"""The Ruby classes an Azure Magic Modules api.yaml uses, and the mutable drafts that
`resource.ResourceLoader` reads them into.

Drafts exist because terraform.yaml overrides (renames, flags, validation) must apply
before the frozen model is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...diagnostics import Location
from ...model.nodes import Scalar, TypeKind
from ..naming import snake

# Property type classes -> model kinds; the Azure ones get extra treatment in
# `ResourceLoader._property`.
TYPES: dict[str, TypeKind] = {
    "Api::Type::String": TypeKind.STRING,
    "Api::Type::Integer": TypeKind.INTEGER,
    "Api::Type::Double": TypeKind.DOUBLE,
    "Api::Type::Boolean": TypeKind.BOOLEAN,
    "Api::Type::Enum": TypeKind.ENUM,
    "Api::Type::Array": TypeKind.ARRAY,
    "Api::Type::NestedObject": TypeKind.NESTED_OBJECT,
    "Api::Type::KeyValuePairs": TypeKind.KEY_VALUE_PAIRS,
    "Api::Type::Map": TypeKind.MAP,
    "Api::Type::Time": TypeKind.TIME,
    "Api::Azure::Type::Location": TypeKind.STRING,
    "Api::Azure::Type::ResourceGroupName": TypeKind.STRING,
    "Api::Azure::Type::Tags": TypeKind.KEY_VALUE_PAIRS,
    "Api::Azure::Type::ResourceReference": TypeKind.RESOURCE_REF,
    "Api::Azure::Type::ISO8601DateTime": TypeKind.TIME,
    "Api::Azure::Type::BooleanEnum": TypeKind.ENUM,
}
LOCATION = "Api::Azure::Type::Location"
RESOURCE_GROUP = "Api::Azure::Type::ResourceGroupName"
BOOLEAN_ENUM = "Api::Azure::Type::BooleanEnum"

SDK_TYPES = frozenset(
    f"Api::Azure::SDKTypeDefinition::{name}"
    for name in (
        "BooleanObject",
        "ComplexObject",
        "ComplexArrayObject",
        "EnumObject",
        "EnumArrayObject",
        "FloatObject",
        "IntegerObject",
        "Integer32Object",
        "Integer64Object",
        "Integer32ArrayObject",
        "Integer64ArrayObject",
        "ISO8601DateTimeObject",
        "ISO8601DurationObject",
        "StringObject",
        "StringArrayObject",
        "StringMapObject",
    )
) | {"Api::Azure::SDKTypeDefinitionOverride"}
OPERATIONS = ("create", "read", "update", "delete")
ALL_SDKS = frozenset({"go", "python"})

# --- the SDK definition -------------------------------------------------------------------


@dataclass
class SdkType:
    key: str
    id_portion: str | None
    applies: frozenset[str]
    loc: Location


@dataclass
class Operation:
    name: str
    loc: Location
    is_async: bool = False
    go_func: str = ""
    request: dict[str, SdkType] = field(default_factory=dict)
    response: dict[str, SdkType] = field(default_factory=dict)


# --- properties before overrides ----------------------------------------------------------


@dataclass
class Prop:
    name: str  # as api.yaml writes it (camelCase)
    cls: str  # Ruby class of the type
    kind: TypeKind
    loc: Location
    description: str = ""
    required: bool = False
    input: bool = False
    output: bool = False
    default_from_api: bool = False
    sensitive: bool = False
    ignore_read: bool = False
    is_set: bool = False
    default: Scalar | None = None
    refs: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    min_size: int | None = None
    max_size: int | None = None
    regex: str | None = None
    conflicts_with: list[str] = field(default_factory=list)
    item_cls: str | None = None
    item_kind: TypeKind | None = None
    children: list[Prop] = field(default_factory=list)
    tf_name: str = ""  # the Terraform name, after overrides

    def __post_init__(self) -> None:
        self.tf_name = self.tf_name or snake(self.name)
