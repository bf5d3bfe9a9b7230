# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: (default provider)
# Template:    provider.py.j2
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"The kitchen provider: its configuration and resources."

from __future__ import annotations

from ._runtime.provider import GeneratedProvider, ProviderParam
from .kitchen import oven as kitchen_oven
from .kitchen import sink as kitchen_sink
from .kitchen import tap as kitchen_tap

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
    TOKEN_ENV = ("MMGEN_TOKEN",)
    PARAMS = PROVIDER_PARAMS
    RESOURCES = (
        kitchen_oven.Oven,
        kitchen_sink.Sink,
        kitchen_tap.Tap,
    )


def main() -> None:
    from ._runtime.main import run

    run(Provider())
