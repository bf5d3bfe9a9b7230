"""A hand-written SPEC exercising the runtime the way generated code does."""

from __future__ import annotations

from mmgen_runtime.provider import GeneratedProvider, ProviderParam
from mmgen_runtime.resource import GeneratedResource
from mmgen_runtime.spec import Field, IdParam, ResourceSpec, Timeouts

ID_TEMPLATE = (
    "/subscriptions/{subscription_id}/resourceGroups/{resource_group}"
    "/providers/Test.Widgets/widgets/{name}"
)

MOUNT = Field(
    "mount",
    kind="list",
    presence="optional",
    api_path=("mounts",),
    children=(
        Field("path", kind="string", presence="required", api_path=("path",), forces_new=True),
        Field("read_only", kind="bool", presence="optional", api_path=("readOnly",), default=False),
        Field("mount_id", kind="string", presence="computed", api_path=("id",)),
    ),
)

NODE = Field(
    "node",
    kind="list",
    presence="optional",
    api_path=("nodes",),
    max_items=4,
    children=(
        Field("name", kind="string", presence="required", api_path=("name",), min_length=2),
        Field(
            "disk_size",
            kind="integer",
            presence="optional",
            api_path=("diskSizeGb",),
            default=30,
            minimum=10,
            maximum=1000,
        ),
        Field(
            "secret_value",
            kind="string",
            presence="optional",
            api_path=("secretValue",),
            sensitive=True,
            conflicts_with=("cluster.node.secret_ref",),
        ),
        Field(
            "secret_ref",
            kind="string",
            presence="optional",
            api_path=("secretRef",),
            conflicts_with=("cluster.node.secret_value",),
        ),
        MOUNT,
    ),
)

CLUSTER = Field(
    "cluster",
    kind="single",
    presence="optional",
    api_path=("properties", "cluster"),
    description="Cluster settings.",
    children=(
        Field(
            "version", kind="string", presence="required", api_path=("version",), forces_new=True
        ),
        Field("endpoint", kind="string", presence="computed", api_path=("endpoint",)),
        NODE,
    ),
)

RULE = Field(
    "rule",
    kind="set",
    presence="optional",
    api_path=("properties", "rules"),
    children=(
        Field(
            "port",
            kind="integer",
            presence="required",
            api_path=("port",),
            forces_new=True,
            minimum=1,
            maximum=65535,
        ),
        Field(
            "protocol",
            kind="string",
            presence="optional",
            api_path=("protocol",),
            default="tcp",
            enum_values=("tcp", "udp"),
        ),
        Field(
            "source",
            kind="single",
            presence="optional",
            api_path=("source",),
            children=(
                Field(
                    "cidr",
                    kind="string",
                    presence="required",
                    api_path=("cidr",),
                    regex=r"^\d+\.\d+\.\d+\.\d+/\d+$",
                ),
            ),
        ),
    ),
)

NETWORK = Field(
    "network",
    kind="single",
    presence="optional",
    api_path=("properties", "network"),
    children=(
        Field(
            "subnet_id",
            kind="string",
            presence="optional",
            api_path=("subnetId",),
            at_least_one_of=("network.vnet_name",),
        ),
        Field(
            "vnet_name",
            kind="string",
            presence="optional",
            api_path=("vnetName",),
            at_least_one_of=("network.subnet_id",),
        ),
    ),
)

SPEC = ResourceSpec(
    type_name="mmtest_widget",
    description="A test widget.",
    schema_version=2,
    id_template=ID_TEMPLATE,
    id_params=(
        IdParam("subscription_id", source="provider"),
        IdParam("resource_group", source="field", field="resource_group"),
        IdParam("name", source="field", field="name"),
    ),
    api_version="2024-01-01",
    create_verb="PUT",
    read_verb="GET",
    update_verb="PUT",
    delete_verb="DELETE",
    async_style="arm",
    immutable=False,
    timeouts=Timeouts(create=60.0, read=30.0, update=60.0, delete=60.0),
    import_formats=(ID_TEMPLATE,),
    fields=(
        Field(
            "name",
            kind="string",
            presence="required",
            forces_new=True,
            url_param_only=True,
            regex=r"^[a-z][a-z0-9-]*$",
            max_length=30,
            description="Name.",
        ),
        Field(
            "resource_group",
            kind="string",
            presence="required",
            forces_new=True,
            url_param_only=True,
        ),
        Field(
            "location", kind="string", presence="required", api_path=("location",), forces_new=True
        ),
        Field(
            "size",
            kind="integer",
            presence="optional",
            api_path=("properties", "size"),
            default=3,
            minimum=1,
            maximum=10,
        ),
        Field("ratio", kind="number", presence="optional", api_path=("properties", "ratio")),
        Field("enabled", kind="bool", presence="optional", api_path=("properties", "enabled")),
        Field(
            "tier",
            kind="string",
            presence="optional_computed",
            api_path=("properties", "tier"),
            enum_values=("basic", "premium"),
        ),
        Field("tags", kind="map", element_kind="string", presence="optional", api_path=("tags",)),
        Field(
            "labels",
            kind="set",
            element_kind="string",
            presence="optional",
            api_path=("properties", "labels"),
            max_items=3,
        ),
        Field(
            "ports",
            kind="list",
            element_kind="integer",
            presence="optional",
            api_path=("properties", "ports"),
            minimum=1,
        ),
        Field(
            "password",
            kind="string",
            presence="optional",
            api_path=("properties", "password"),
            sensitive=True,
            write_only=True,
        ),
        Field("sku_name", kind="string", presence="optional", api_path=("sku", "name")),
        Field(
            "sku_capacity",
            kind="integer",
            presence="optional",
            api_path=("sku", "capacity"),
            required_with=("sku_name",),
        ),
        Field(
            "cert_pem",
            kind="string",
            presence="optional",
            api_path=("properties", "certPem"),
            exactly_one_of=("cert_pem", "cert_url"),
        ),
        Field(
            "cert_url",
            kind="string",
            presence="optional",
            api_path=("properties", "certUrl"),
            exactly_one_of=("cert_pem", "cert_url"),
        ),
        Field(
            "legacy_mode",
            kind="string",
            presence="optional",
            api_path=("properties", "legacyMode"),
            deprecation="Use tier instead.",
        ),
        Field("etag", kind="string", presence="computed", api_path=("etag",)),
        Field(
            "provisioning_state",
            kind="string",
            presence="computed",
            api_path=("properties", "provisioningState"),
        ),
        Field(
            "status",
            kind="single",
            presence="computed",
            api_path=("properties", "status"),
            children=(
                Field("phase", kind="string", presence="computed", api_path=("phase",)),
                Field("ready", kind="bool", presence="computed", api_path=("ready",)),
            ),
        ),
        CLUSTER,
        RULE,
        NETWORK,
    ),
)


class Widget(GeneratedResource):
    SPEC = SPEC


class SampleProvider(GeneratedProvider):
    NAME = "mmtest"
    TYPE_PREFIX = "mmtest"
    FULL_NAME = "registry.terraform.io/mmgen/mmtest"
    DEFAULT_ENDPOINT = "http://127.0.0.1:9"
    PARAMS = (
        ProviderParam(
            "subscription_id", env="MMTEST_SUBSCRIPTION_ID", description="Sub.", required=True
        ),
    )
    RESOURCES = (Widget,)
