# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/provider.py
# Template:    python/runtime/provider.py
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Generic provider: configuration attributes, settings resolution, shared HTTP client."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlsplit, urlunsplit

from tf import types as tft
from tf.iface import Provider
from tf.schema import Attribute, Schema, TextFormat
from tf.types import Unknown

from .auth import TokenSource
from .blocks import NumberType, to_number
from .lro import ArmPoller
from .transport import HttpClient, origin

DEFAULT_MAX_RETRIES = 5
DEFAULT_POLL_INTERVAL = 10.0


@dataclass(frozen=True)
class ProviderParam:
    """A provider configuration attribute (e.g. subscription_id) with an env fallback."""

    name: str
    env: str | None = None
    description: str = ""
    required: bool = False
    sensitive: bool = False
    default: str | None = None
    is_map: bool = False  # a map of strings (default_labels); no environment variable


@dataclass
class ProviderSettings:
    endpoint: str
    token: str | None
    params: dict[str, str | None]
    max_retries: int
    poll_interval: float
    client: HttpClient = field(repr=False)
    poller: ArmPoller = field(repr=False)
    maps: dict[str, dict[str, str]] = field(default_factory=dict)
    # Set when `endpoint` was configured: it replaces the scheme and host of every
    # product's base URL (an emulator, a proxy); the path is kept.
    override: bool = False

    def base_for(self, base_url: str) -> str:
        """The URL a product's requests start with, after the endpoint override."""
        return product_base(self.endpoint, self.override, base_url)


def product_base(endpoint: str, override: bool, base_url: str) -> str:
    """`base_url` with the scheme and host of `endpoint` when it overrides them."""
    if not base_url:
        return endpoint
    if not override:
        return base_url
    target = urlsplit(endpoint)
    parts = urlsplit(base_url)
    return urlunsplit((target.scheme, target.netloc, parts.path, parts.query, ""))


def _known(value: Any) -> Any:
    return None if value is Unknown else value


def _number(value: Any) -> Any:
    # Provider config arrives undecoded: fractional numbers are decimal strings.
    return to_number(_known(value))


class GeneratedProvider(Provider):
    NAME: ClassVar[str] = "generated"
    TYPE_PREFIX: ClassVar[str] = ""
    FULL_NAME: ClassVar[str] = ""
    DEFAULT_ENDPOINT: ClassVar[str] = "https://management.azure.com"
    PARAMS: ClassVar[tuple[ProviderParam, ...]] = ()
    TOKEN_ENV: ClassVar[tuple[str, ...]] = ("ARM_ACCESS_TOKEN",)
    RESOURCES: ClassVar[tuple[type, ...]] = ()
    DATA_SOURCES: ClassVar[tuple[type, ...]] = ()

    def __init__(self) -> None:
        self.settings: ProviderSettings | None = None

    # ------------------------------------------------------------ tf Provider protocol

    def get_model_prefix(self) -> str:
        # Resource classes report their full type name, so no prefix is added here.
        return ""

    def full_name(self) -> str:
        return self.FULL_NAME or f"registry.terraform.io/mmgen/{self.NAME}"

    def get_resources(self) -> list[Any]:
        return list(self.RESOURCES)

    def get_data_sources(self) -> list[Any]:
        return list(self.DATA_SOURCES)

    def get_provider_schema(self, diags: Any) -> Schema:
        attrs = [
            Attribute(
                "endpoint",
                tft.String(),
                description="Replaces the scheme and host of every product's API URL. "
                "Env: `MMGEN_ENDPOINT`.",
                optional=True,
                description_kind=TextFormat.Markdown,
            ),
            Attribute(
                "token",
                tft.String(),
                description="Bearer token. Env: "
                + ", ".join(f"`{e}`" for e in self.TOKEN_ENV)
                + "; otherwise azure-identity's DefaultAzureCredential when installed.",
                optional=True,
                sensitive=True,
                description_kind=TextFormat.Markdown,
            ),
        ]
        for param in self.PARAMS:
            env_note = f" Env: `{param.env}`." if param.env else ""
            attrs.append(
                Attribute(
                    param.name,
                    tft.Map(tft.String()) if param.is_map else tft.String(),
                    description=(param.description + env_note).strip() or None,
                    optional=True,
                    sensitive=param.sensitive,
                    description_kind=TextFormat.Markdown,
                )
            )
        attrs.append(
            Attribute(
                "max_retries",
                NumberType(),
                description=f"Retries for throttled/failed requests (default {DEFAULT_MAX_RETRIES}).",
                optional=True,
                description_kind=TextFormat.Markdown,
            )
        )
        attrs.append(
            Attribute(
                "poll_interval",
                NumberType(),
                description="Seconds between polls of long-running operations. Env: "
                f"`MMGEN_POLL_INTERVAL`; default {DEFAULT_POLL_INTERVAL:g}.",
                optional=True,
                description_kind=TextFormat.Markdown,
            )
        )
        return Schema(version=0, attributes=attrs)

    def validate_config(self, diags: Any, config: Any) -> None:
        config = config or {}
        retries = _number(config.get("max_retries"))
        if retries is not None and (retries < 0 or int(retries) != retries):
            diags.add_error(
                "Invalid max_retries",
                "max_retries must be a whole number >= 0",
                path=["max_retries"],
            )
        interval = _number(config.get("poll_interval"))
        if interval is not None and interval < 0:
            diags.add_error(
                "Invalid poll_interval", "poll_interval must be >= 0", path=["poll_interval"]
            )

    def configure_provider(self, diags: Any, config: Any) -> None:
        self.settings = self.resolve_settings(diags, config or {})

    # ------------------------------------------------------------ settings

    def resolve_settings(self, diags: Any, config: dict[str, Any]) -> ProviderSettings:
        configured = _known(config.get("endpoint")) or os.environ.get("MMGEN_ENDPOINT")
        endpoint = configured or self.DEFAULT_ENDPOINT
        token = _known(config.get("token")) or next(
            (os.environ[e] for e in self.TOKEN_ENV if os.environ.get(e)), None
        )
        params: dict[str, str | None] = {}
        maps: dict[str, dict[str, str]] = {}
        for param in self.PARAMS:
            raw = config.get(param.name)
            if param.is_map:
                known = _known(raw)
                maps[param.name] = dict(known) if isinstance(known, dict) else {}
                continue
            value = _known(raw)
            if value is None and param.env:
                value = os.environ.get(param.env) or None
            if value is None:
                value = param.default
            if value is None and param.required and raw is not Unknown:
                env_note = f" or set the {param.env} environment variable" if param.env else ""
                diags.add_error(
                    f"Missing provider setting {param.name}",
                    f"Set {param.name} in the provider block{env_note}.",
                    path=[param.name],
                )
            params[param.name] = value
        retries = _number(config.get("max_retries"))
        max_retries = DEFAULT_MAX_RETRIES if retries is None else max(0, int(retries))
        interval = _number(config.get("poll_interval"))
        if interval is None:
            interval = float(os.environ.get("MMGEN_POLL_INTERVAL") or DEFAULT_POLL_INTERVAL)
        # The origins credentials may go to: every resource's API host (after the
        # override), and the endpoint itself.
        bases = {endpoint}
        for resource in self.RESOURCES:
            spec = getattr(resource, "SPEC", None)
            if spec is not None:
                bases.add(product_base(endpoint, bool(configured), spec.base_url))
        allowed = frozenset(origin(b) for b in bases if b)
        client = HttpClient(
            TokenSource(token, endpoint),
            max_retries=max_retries,
            allowed=allowed,
            min_wait=min(1.0, float(interval)),
        )
        return ProviderSettings(
            endpoint=endpoint,
            token=token,
            params=params,
            maps=maps,
            max_retries=max_retries,
            poll_interval=float(interval),
            client=client,
            poller=ArmPoller(client, float(interval)),
            override=bool(configured),
        )

    def get_settings(self, diags: Any = None) -> ProviderSettings:
        """Settings from ConfigureProvider; resolved from the environment if never configured."""
        if self.settings is None:
            from tf.utils import Diagnostics

            self.settings = self.resolve_settings(diags or Diagnostics(), {})
        return self.settings

    def map_value(self, name: str) -> dict[str, str]:
        """A map setting (default_labels); empty when unset."""
        return dict(self.get_settings().maps.get(name, {}))

    def param_value(self, name: str) -> str | None:
        settings = self.get_settings()
        if name in settings.params:
            return settings.params[name]
        if name == "endpoint":
            return settings.endpoint
        return None
