# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: specs/provider.yaml
# Template:    provider.py.j2
# Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"The Azure Resource Manager (mmgen) provider: its configuration and resources."

from __future__ import annotations

from ._runtime.provider import GeneratedProvider, ProviderParam
from .batchai import batch_ai_job as batchai_batch_ai_job

PROVIDER_PARAMS = (
    ProviderParam(
        name="subscription_id",
        env="ARM_SUBSCRIPTION_ID",
        description="The ID of the Azure subscription in which Batch AI resources are managed.",
        required=True,
    ),
)


class Provider(GeneratedProvider):
    NAME = "azurerm"
    TYPE_PREFIX = "azurerm"
    FULL_NAME = "registry.terraform.io/mmgen/azurerm"
    DEFAULT_ENDPOINT = "https://management.azure.com"
    TOKEN_ENV = ("ARM_ACCESS_TOKEN",)
    PARAMS = PROVIDER_PARAMS
    RESOURCES = (batchai_batch_ai_job.BatchAiJob,)


def main() -> None:
    from ._runtime.main import run

    run(Provider())
