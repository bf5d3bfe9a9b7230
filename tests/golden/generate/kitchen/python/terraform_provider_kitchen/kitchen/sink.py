# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: gen-specs/kitchen/sink.yaml
# Template:    resource.py.j2
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"The `kitchen_sink` resource: schema and REST mapping."

from __future__ import annotations

from typing import Any

from .._runtime.resource import GeneratedResource
from .._runtime.spec import Field, IdParam, ResourceSpec, Timeouts
from .custom import sink__before_create as _sink__before_create
from .custom import sink__expand__nickname as _sink__expand__nickname
from .custom import sink__flatten__nickname as _sink__flatten__nickname

SPEC = ResourceSpec(
    type_name="kitchen_sink",
    description='A sink: exercises every property type and flag.\n\nIts second paragraph holds tricky text: """triple quotes""", a backslash \\ and {{ braces }}.\n',
    schema_version=0,
    id_template="/subscriptions/{subscription_id}/sinks/{name}",
    id_params=(
        IdParam("subscription_id", source="provider"),
        IdParam("name", source="field", field="name"),
    ),
    api_version="2024-01-01",
    create_verb="PUT",
    read_verb="GET",
    update_verb="PATCH",
    delete_verb="DELETE",
    async_style="none",
    immutable=False,
    timeouts=Timeouts(create=600.0, read=120.0, update=600.0, delete=600.0),
    import_formats=("/subscriptions/{subscription_id}/sinks/{name}",),
    base_url="https://kitchen.example.com/",
    fields=(
        Field(
            "name",
            kind="string",
            presence="required",
            description="The sink's name.",
            forces_new=True,
            url_param_only=True,
            regex="^[a-z][a-z0-9-]{0,30}$",
            min_length=1,
            max_length=31,
        ),
        Field(
            "location",
            kind="string",
            presence="required",
            api_path=("location",),
            description="Where the sink is.",
            forces_new=True,
        ),
        Field(
            "nickname",
            kind="string",
            presence="optional",
            api_path=("properties", "nickname"),
            description="A nickname; the custom expand upper-cases it. Quotes: \" and '.",
            conflicts_with=("legacy_name",),
        ),
        Field(
            "legacy_name",
            kind="string",
            presence="optional",
            api_path=("properties", "legacyName"),
            description="An old name.",
            deprecation="Use `nickname` instead.",
        ),
        Field(
            "depth",
            kind="integer",
            presence="optional",
            api_path=("properties", "depth"),
            description="Depth in centimetres.",
            default=10,
            minimum=1,
            maximum=100,
        ),
        Field(
            "ratio",
            kind="number",
            presence="optional",
            api_path=("properties", "ratio"),
            description="A ratio.",
            minimum=0.0,
            maximum=1.5,
        ),
        Field(
            "enabled",
            kind="bool",
            presence="optional",
            api_path=("properties", "enabled"),
            description="Whether the sink is on.",
            default=True,
        ),
        Field(
            "finish",
            kind="string",
            presence="optional",
            api_path=("properties", "finish"),
            description="The finish.",
            default="Steel",
            enum_values=("Steel", "Ceramic", "Stone"),
        ),
        Field(
            "tags",
            kind="map",
            element_kind="string",
            presence="optional",
            api_path=("tags",),
            description="Tags.",
        ),
        Field(
            "labels",
            kind="map",
            element_kind="string",
            presence="optional",
            api_path=("properties", "labels"),
            description="Labels.",
            max_items=10,
        ),
        Field(
            "annotations",
            kind="map",
            element_kind="string",
            presence="optional",
            api_path=("properties", "annotations"),
            description="Annotations.",
        ),
        Field(
            "limits",
            kind="map",
            element_kind="integer",
            presence="optional",
            api_path=("properties", "limits"),
            description="Named limits.",
        ),
        Field(
            "aliases",
            kind="list",
            element_kind="string",
            presence="optional",
            api_path=("properties", "aliases"),
            description="Other names.",
            min_items=0,
            max_items=5,
        ),
        Field(
            "zones",
            kind="set",
            element_kind="string",
            presence="optional",
            api_path=("properties", "zones"),
            description="Zones.",
            enum_values=("1", "2", "3"),
        ),
        Field(
            "drain_id",
            kind="string",
            presence="optional",
            api_path=("properties", "drain", "id"),
            description="The drain it empties into.",
        ),
        Field(
            "installed_at",
            kind="string",
            presence="optional",
            api_path=("properties", "installedAt"),
            description="When it was installed (RFC 3339).",
        ),
        Field(
            "fingerprint",
            kind="string",
            presence="computed",
            api_path=("properties", "fingerprint"),
            description="Changes whenever the sink changes.",
        ),
        Field(
            "secret",
            kind="string",
            presence="optional",
            api_path=("properties", "secret"),
            description="A secret the API never returns.",
            sensitive=True,
            write_only=True,
        ),
        Field(
            "serial",
            kind="string",
            presence="optional",
            api_path=("properties", "serial"),
            description="Sent once, never read back.",
            ignore_read=True,
        ),
        Field(
            "state",
            kind="string",
            presence="optional_computed",
            api_path=("properties", "state"),
            description="The state; the service picks one when unset.",
        ),
        Field(
            "faucet",
            kind="single",
            presence="optional",
            api_path=("properties", "faucet"),
            description="The faucet.",
            at_least_one_of=("faucet.hot", "faucet.cold"),
            children=(
                Field(
                    "hot",
                    kind="bool",
                    presence="optional",
                    api_path=("hot",),
                    description="Has hot water.",
                ),
                Field(
                    "cold",
                    kind="bool",
                    presence="optional",
                    api_path=("cold",),
                    description="Has cold water.",
                ),
                Field(
                    "model",
                    kind="string",
                    presence="optional",
                    api_path=("model",),
                    description="Model; changing it replaces the sink.",
                    forces_new=True,
                ),
                Field(
                    "handle",
                    kind="single",
                    presence="optional",
                    api_path=("handle",),
                    description="The handle.",
                    children=(
                        Field(
                            "material",
                            kind="string",
                            presence="required",
                            api_path=("material",),
                            description="Handle material.",
                        ),
                        Field(
                            "wear",
                            kind="integer",
                            presence="computed",
                            api_path=("wear",),
                            description="Wear level reported by the service.",
                        ),
                    ),
                ),
            ),
        ),
        Field(
            "filters",
            kind="list",
            presence="optional",
            api_path=("properties", "filters"),
            description="Filters, in order.",
            max_items=3,
            children=(
                Field(
                    "kind",
                    kind="string",
                    presence="required",
                    api_path=("kind",),
                    description="Filter kind.",
                    enum_values=("carbon", "mesh"),
                ),
                Field(
                    "credentials",
                    kind="single",
                    presence="optional",
                    api_path=("credentials",),
                    description="Credentials of the filter's vendor portal.",
                    children=(
                        Field(
                            "user",
                            kind="string",
                            presence="required",
                            api_path=("user",),
                            description="User name.",
                        ),
                        Field(
                            "password",
                            kind="string",
                            presence="optional",
                            api_path=("password",),
                            description="Password.",
                            sensitive=True,
                            write_only=True,
                            exactly_one_of=(
                                "filters.credentials.password",
                                "filters.credentials.token",
                            ),
                        ),
                        Field(
                            "token",
                            kind="string",
                            presence="optional",
                            api_path=("token",),
                            description="Token.",
                            sensitive=True,
                            write_only=True,
                        ),
                    ),
                ),
            ),
        ),
        Field(
            "drains",
            kind="set",
            presence="optional",
            api_path=("properties", "drains"),
            description="Drains, unordered.",
            children=(
                Field(
                    "size",
                    kind="integer",
                    presence="required",
                    api_path=("size",),
                    description="Size in millimetres.",
                ),
                Field(
                    "credentials",
                    kind="single",
                    presence="optional",
                    api_path=("credentials",),
                    description="A second, different credentials block (same name, other shape).",
                    children=(
                        Field(
                            "key",
                            kind="string",
                            presence="required",
                            api_path=("key",),
                            description="Access key.",
                            sensitive=True,
                            write_only=True,
                        ),
                    ),
                ),
            ),
        ),
    ),
)


class Sink(GeneratedResource):
    'A sink: exercises every property type and flag. Its second paragraph holds tricky text: """triple quotes""", a backslash \\ and {{ braces }}.'

    SPEC = SPEC
    CUSTOM_EXPAND = {
        "nickname": _sink__expand__nickname.expand,
    }
    CUSTOM_FLATTEN = {
        "nickname": _sink__flatten__nickname.flatten,
    }

    def before_create(self, ctx: Any, body: dict[str, Any]) -> dict[str, Any]:
        return _sink__before_create.before_create(self, ctx, body)
