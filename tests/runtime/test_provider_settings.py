"""Provider settings: the token's environment variables, the endpoint override, base URLs.

One generated provider holds every product of a spec tree, each with its own API base URL
(`ResourceSpec.base_url`); the `endpoint` setting (or MMGEN_ENDPOINT) replaces the scheme
and host of all of them, keeping each product's path.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

import mmgen_runtime_sample as sample
import pytest
from mmgen_runtime.resource import GeneratedResource
from mmgen_runtime.spec import ResourceSpec
from tf.utils import Diagnostics

PRODUCT_BASE = "https://widgets.example.com/v2/"


class TwoTokens(sample.SampleProvider):
    TOKEN_ENV: ClassVar[tuple[str, ...]] = ("FIRST_TOKEN", "SECOND_TOKEN")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FIRST_TOKEN", "SECOND_TOKEN", "ARM_ACCESS_TOKEN", "MMGEN_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MMTEST_SUBSCRIPTION_ID", "sub-1")


def _settings(provider: Any, **config: Any) -> Any:
    diags = Diagnostics()
    settings = provider.resolve_settings(diags, config)
    assert not diags.has_errors(), diags.diagnostics
    return settings


def test_token_comes_from_the_first_set_token_env(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _settings(TwoTokens()).token is None
    monkeypatch.setenv("SECOND_TOKEN", "second")
    assert _settings(TwoTokens()).token == "second"
    monkeypatch.setenv("FIRST_TOKEN", "first")
    assert _settings(TwoTokens()).token == "first"
    assert _settings(TwoTokens(), token="configured").token == "configured"
    # The default provider's variable is not read by a provider that names others.
    monkeypatch.delenv("FIRST_TOKEN")
    monkeypatch.delenv("SECOND_TOKEN")
    monkeypatch.setenv("ARM_ACCESS_TOKEN", "arm")
    assert _settings(TwoTokens()).token is None
    assert _settings(sample.SampleProvider()).token == "arm"


def test_token_setting_describes_the_provider_token_env() -> None:
    schema = TwoTokens().get_provider_schema(Diagnostics())
    token = next(a for a in schema.attributes if a.name == "token")
    assert "`FIRST_TOKEN`, `SECOND_TOKEN`" in token.description
    assert token.sensitive


def test_base_url_without_override_is_the_products_own() -> None:
    settings = _settings(sample.SampleProvider())
    assert not settings.override
    assert settings.endpoint == sample.SampleProvider.DEFAULT_ENDPOINT
    assert settings.base_for(PRODUCT_BASE) == PRODUCT_BASE
    # A resource without a base URL of its own uses the provider's endpoint.
    assert settings.base_for("") == sample.SampleProvider.DEFAULT_ENDPOINT


@pytest.mark.parametrize("source", ["config", "env"])
def test_endpoint_override_keeps_each_products_path(
    monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    if source == "env":
        monkeypatch.setenv("MMGEN_ENDPOINT", "http://127.0.0.1:8080")
        settings = _settings(sample.SampleProvider())
    else:
        settings = _settings(sample.SampleProvider(), endpoint="http://127.0.0.1:8080")
    assert settings.override
    assert settings.base_for(PRODUCT_BASE) == "http://127.0.0.1:8080/v2/"
    assert settings.base_for("https://other.example.com/") == "http://127.0.0.1:8080/"
    assert settings.base_for("") == "http://127.0.0.1:8080"


def test_resource_url_starts_with_its_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    spec: ResourceSpec = dataclasses.replace(sample.SPEC, base_url=PRODUCT_BASE)

    class Based(GeneratedResource):
        SPEC = spec

    provider = sample.SampleProvider()
    provider.settings = _settings(provider)
    state = {"name": "alpha", "resource_group": "rg1"}
    url = Based(provider).resource_url(state)
    assert url.startswith(
        "https://widgets.example.com/v2/subscriptions/sub-1/resourceGroups/rg1/"
    ), url
    provider.settings = _settings(provider, endpoint="http://127.0.0.1:9")
    assert Based(provider).resource_url(state).startswith("http://127.0.0.1:9/v2/subscriptions/")
