# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: gen-specs/kitchen/oven.yaml
# Template:    resource.py.j2
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"The `kitchen_oven` resource: schema and REST mapping."

from __future__ import annotations

from .._runtime.resource import GeneratedResource
from .._runtime.spec import Field, IdParam, ResourceSpec, Timeouts

SPEC = ResourceSpec(
    type_name="kitchen_oven",
    description="An oven; immutable, created and deleted by long-running operations.",
    schema_version=0,
    id_template="/subscriptions/{subscription_id}/ovens/{name}",
    id_params=(
        IdParam("subscription_id", source="provider"),
        IdParam("name", source="field", field="name"),
    ),
    api_version="2024-01-01",
    create_verb="PUT",
    read_verb="GET",
    update_verb=None,
    delete_verb="DELETE",
    async_style="arm",
    immutable=True,
    timeouts=Timeouts(create=1200.0, read=300.0, update=1200.0, delete=1200.0),
    import_formats=("/subscriptions/{subscription_id}/ovens/{name}",),
    base_url="https://kitchen.example.com/",
    fields=(
        Field(
            "name",
            kind="string",
            presence="required",
            description="The oven's name.",
            forces_new=True,
            url_param_only=True,
        ),
        Field(
            "temperature",
            kind="integer",
            presence="required",
            api_path=("properties", "temperature"),
            description="Temperature in degrees Celsius.",
            forces_new=True,
        ),
        Field(
            "provisioning_state",
            kind="string",
            presence="computed",
            api_path=("properties", "provisioningState"),
            description="The provisioning state.",
        ),
    ),
)


class Oven(GeneratedResource):
    "An oven; immutable, created and deleted by long-running operations."

    SPEC = SPEC
