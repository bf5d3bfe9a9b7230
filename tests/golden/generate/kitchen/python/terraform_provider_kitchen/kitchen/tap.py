# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: gen-specs/kitchen/tap.yaml
# Template:    resource.py.j2
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"The `kitchen_tap` resource: schema and REST mapping."

from __future__ import annotations

from .._runtime.resource import GeneratedResource
from .._runtime.spec import Field, IdParam, ResourceSpec, Timeouts

SPEC = ResourceSpec(
    type_name="kitchen_tap",
    description="A tap fitted to a sink; its id starts with the sink's.",
    schema_version=0,
    id_template="{sink_id}/taps/{name}",
    id_params=(
        IdParam("sink_id", source="field", field="sink_id"),
        IdParam("name", source="field", field="name"),
    ),
    api_version="2024-01-01",
    create_verb="PUT",
    read_verb="GET",
    update_verb="PATCH",
    delete_verb="DELETE",
    async_style="none",
    immutable=False,
    timeouts=Timeouts(create=300.0, read=300.0, update=300.0, delete=300.0),
    import_formats=("{sink_id}/taps/{name}",),
    base_url="https://kitchen.example.com/",
    parent_ids=("sink_id",),
    fields=(
        Field(
            "name",
            kind="string",
            presence="required",
            description="The tap's name.",
            forces_new=True,
            url_param_only=True,
        ),
        Field(
            "sink_id",
            kind="string",
            presence="required",
            description="The ID of the sink the tap is fitted to.",
            forces_new=True,
            url_param_only=True,
            regex="(?i)^/subscriptions/[^/]*[^/.][^/]*/sinks/[^/]*[^/.][^/]*$",
            regex_message="must be the id of the object it lives under, of the form /subscriptions/{subscription_id}/sinks/{sink_name}",
        ),
        Field(
            "flow",
            kind="integer",
            presence="optional",
            api_path=("properties", "flow"),
            description="Litres a minute.",
        ),
    ),
)


class Tap(GeneratedResource):
    "A tap fitted to a sink; its id starts with the sink's."

    SPEC = SPEC
