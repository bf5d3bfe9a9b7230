"""The provider a spec tree becomes (one per tree and target): its name, registry
address, docs conventions and configuration settings. Split from nodes.py, which holds
the products and resources; `generator.model.nodes` exports these names too."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..diagnostics import Location
from .located import loc_field as _loc


class DocsFamily(enum.Enum):
    """Whose conventions the docs pages follow."""

    AZURERM = "azurerm"
    GOOGLE = "google"
    GENERIC = "generic"


class DocsLayout(enum.Enum):
    """Where the docs pages go: the registry's layout (`docs/resources/<name>.md`) or the
    legacy website layout azurerm and google still publish (`website/docs/r/<name>.html.markdown`).
    """

    REGISTRY = "registry"
    LEGACY = "legacy"


@dataclass(frozen=True)
class ProviderSetting:
    """One provider configuration attribute (beyond the products' own params).

    `env` lists environment variables that supply it when the configuration leaves it
    unset, first match wins. A `token` setting is the bearer credential: it is sent only to
    the hosts of the provider's products.
    """

    name: str
    env: tuple[str, ...] = ()
    description: str = ""
    required: bool = False
    sensitive: bool = False
    is_map: bool = False  # a map of strings; never read from the environment
    loc: Location = _loc()


@dataclass(frozen=True)
class Provider:
    """The provider a spec tree becomes: one per tree and target, holding every product."""

    name: str  # Terraform's provider name; resource types start with `<name>_`
    display_name: str
    registry: str  # e.g. registry.terraform.io/mmgen/azurerm
    go_module: str  # e.g. github.com/mmgen/terraform-provider-azurerm
    family: DocsFamily = DocsFamily.GENERIC
    docs_layout: DocsLayout = DocsLayout.REGISTRY
    settings: tuple[ProviderSetting, ...] = ()
    products: tuple[str, ...] = ()  # product names it holds; () means every product found
    # Where the provider spec came from ("" when the documented default was used).
    source: str = ""
    loc: Location = _loc()

    @property
    def token_setting(self) -> ProviderSetting | None:
        return next((s for s in self.settings if s.name == "token"), None)
