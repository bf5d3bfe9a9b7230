"""The generated provider package: one per spec tree, named and addressed by its provider spec."""

from __future__ import annotations

from types import ModuleType

import pytest
from fn_helpers import SUBSCRIPTION
from tf.gen import tfplugin_pb2 as pb
from tf.utils import Diagnostics, to_dynamic_value


def test_batchai_provider_comes_from_provider_yaml(batchai_modules: dict[str, ModuleType]) -> None:
    provider = batchai_modules["provider"]
    assert provider.__name__ == "terraform_provider_azurerm.provider"
    cls = provider.Provider
    # specs/provider.yaml: name, registry address, the token's environment variable.
    assert cls.NAME == "azurerm" and cls.TYPE_PREFIX == "azurerm"
    assert cls.FULL_NAME == "registry.terraform.io/mmgen/azurerm"
    assert cls().full_name() == "registry.terraform.io/mmgen/azurerm"
    assert cls.TOKEN_ENV == ("ARM_ACCESS_TOKEN",)
    (job,) = cls.RESOURCES
    # Resources live in one sub-package per product.
    assert job.__module__ == "terraform_provider_azurerm.batchai.batch_ai_job"
    assert job.SPEC.type_name == "azurerm_batch_ai_job"
    assert job.SPEC.base_url == "https://management.azure.com/"


def test_kitchen_provider_defaults_from_the_common_prefix(
    kitchen_modules: dict[str, ModuleType],
) -> None:
    cls = kitchen_modules["provider"].Provider
    assert cls.NAME == "kitchen"
    assert cls.FULL_NAME == "registry.terraform.io/mmgen/kitchen"
    assert cls.TOKEN_ENV == ("MMGEN_TOKEN",)
    assert [r.__module__ for r in cls.RESOURCES] == [
        "terraform_provider_kitchen.kitchen.oven",
        "terraform_provider_kitchen.kitchen.sink",
        "terraform_provider_kitchen.kitchen.tap",
    ]
    assert {r.SPEC.base_url for r in cls.RESOURCES} == {"https://kitchen.example.com/"}


def test_token_comes_from_the_provider_token_env(
    batchai_modules: dict[str, ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    cls = batchai_modules["provider"].Provider
    monkeypatch.setenv("ARM_ACCESS_TOKEN", "from-env")
    monkeypatch.delenv("MMGEN_ENDPOINT", raising=False)
    provider = cls()
    diags = Diagnostics()
    settings = provider.resolve_settings(diags, {"subscription_id": SUBSCRIPTION})
    assert settings.token == "from-env"
    # Without an endpoint override, a product's requests go to its own base URL.
    assert not settings.override
    assert settings.base_for(cls.RESOURCES[0].SPEC.base_url) == "https://management.azure.com/"
    # A token in the provider block wins over the environment.
    settings = provider.resolve_settings(diags, {"token": "configured", "subscription_id": "s"})
    assert settings.token == "configured"


def test_provider_schema_names_the_token_variable(batchai_modules: dict[str, ModuleType]) -> None:
    servicer = batchai_modules["servicer"].RuntimeServicer(batchai_modules["provider"].Provider())
    resp = servicer.GetProviderSchema(pb.GetProviderSchema.Request(), None)
    attrs = {a.name: a for a in resp.provider.block.attributes}
    assert attrs["token"].sensitive
    assert "`ARM_ACCESS_TOKEN`" in attrs["token"].description
    assert {"endpoint", "subscription_id"} <= set(attrs)
    configured = servicer.ConfigureProvider(
        pb.ConfigureProvider.Request(
            config=to_dynamic_value(
                {
                    "endpoint": "http://127.0.0.1:9",
                    "token": "t",
                    "subscription_id": SUBSCRIPTION,
                    "max_retries": 0,
                    "poll_interval": 0,
                }
            )
        ),
        None,
    )
    assert list(configured.diagnostics) == []
