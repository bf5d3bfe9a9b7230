# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: gen-specs/kitchen/product.yaml
# Template:    provider.py.j2
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"The Kitchen provider: its configuration and resources."

from __future__ import annotations

from ._runtime.provider import GeneratedProvider, ProviderParam
from .resources.oven import Oven
from .resources.sink import Sink

PROVIDER_PARAMS = (
    ProviderParam(
        name="subscription_id",
        env="KITCHEN_SUBSCRIPTION_ID",
        description="The subscription that owns every kitchen resource.",
        required=True,
    ),
)


class Provider(GeneratedProvider):
    NAME = "kitchen"
    TYPE_PREFIX = "kitchen"
    FULL_NAME = "registry.terraform.io/mmgen/kitchen"
    DEFAULT_ENDPOINT = "https://kitchen.example.com"
    PARAMS = PROVIDER_PARAMS
    RESOURCES = (
        Oven,
        Sink,
    )


def main() -> None:
    from ._runtime.main import run

    run(Provider())
