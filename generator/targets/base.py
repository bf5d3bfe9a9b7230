"""The target contract: what a target owns, and the plan of files it returns.

Loaders, the model and validation know nothing about targets. A target owns everything
target-specific: its file layout (`plan_resource`, `plan_product_files`, `plan_provider`), its banner comment
style (`comment_prefix`), its formatters and how their failures are reported (`format`),
its runtime (static files it copies), the checks only it needs (`check`: regex dialect,
names its language reserves) and the model features it supports (`features`). A feature
a spec uses that the target does not support is a diagnostic (targets/features.py),
never silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..diagnostics import Diagnostic
from ..formatting import FormatCache, FormatError
from ..model.nodes import Product, Provider, Resource
from .features import Feature


@dataclass(frozen=True)
class Owner:
    """Which spec a file belongs to; `resource` None means product-wide.

    Provider-wide files (go.mod, the provider, its docs index) belong to the pseudo
    product PROVIDER_OWNER and are always aggregates.
    """

    product: str
    resource: str | None = None


PROVIDER_OWNER = "(provider)"


@dataclass
class PlannedFile:
    path: str  # relative to the output folder, POSIX separators
    template: str  # template name, or the static file's path under templates/
    spec: str  # source spec path as shown in the banner
    owner: Owner
    language: str  # "python" | "go" | "gomod" | "markdown" | "toml" | "text"
    context: dict[str, Any] = field(default_factory=dict)
    static_text: str | None = None  # copied verbatim (after the banner) when set
    # Aggregates (provider registry, docs index) are rendered from the full spec set even
    # when a run is limited to one product or resource.
    aggregate: bool = False
    banner: bool = True  # False for files whose format has no comments (go.sum)
    # Rendered from mmgen's own templates alone (no override folder, no custom code): set
    # by rendering; a formatter may trust such text to be valid code (Target.formatter).
    own_template: bool = False
    preformatted: bool = False  # formatted already, where it was rendered (worker_formatter)


@dataclass(frozen=True)
class TargetOptions:
    specs_dir: Path = Path("specs")  # the real folder, for reading custom code files
    specs_label: str = "specs"  # how the specs folder is named in banners
    out_label: str = "generated"


# Formats many sources at once: every distinct text maps to its formatted text or error.
Formatter = Callable[[list[str], FormatCache], dict[str, str | FormatError]]


def resource_spec(
    options: TargetOptions, product: Product, res: Resource, sources: dict[str, str]
) -> str:
    """A resource's spec path as banners show it; `sources` maps resource name -> path."""
    return sources.get(res.name, f"{options.specs_label}/{product.name}/{res.name}.yaml")


def provider_spec_path(provider: Provider, options: TargetOptions) -> str:
    """How banners name the provider spec: from the specs folder's name, machine-free."""
    if not provider.source:
        return "(default provider)"
    return f"{options.specs_label}/provider.yaml"


class Target(Protocol):
    name: str
    features: frozenset[Feature]

    def __init__(self, options: TargetOptions) -> None: ...

    def comment_prefix(self, language: str) -> str | None:
        """How a banner line starts in files of `language`; None: the template places it."""
        ...

    def formatter(self, language: str, own_templates: bool = False) -> Formatter | None:
        """The formatter of `language`; None: text is only normalised (trailing spaces).
        `own_templates`: the texts come from mmgen's own templates alone, so a formatter
        may skip checking that they are valid code (user templates and custom code never
        are trusted: their errors must surface as diagnostics)."""
        ...

    def worker_formatter(self, language: str) -> Formatter | None:
        """A formatter of own-template text cheap enough to run in the worker process that
        rendered it (in-process, no formatter process per product); None: the parent
        formats the language in batches (`formatter`)."""
        ...

    def check(self, provider: Provider, product: Product) -> list[Diagnostic]:
        """Target-specific checks of one product (beyond feature support)."""
        ...

    def plan_resource(
        self, provider: Provider, product: Product, res: Resource, spec: str
    ) -> tuple[list[PlannedFile], list[Diagnostic]]:
        """Every file of one resource; `spec` is its spec path as banners show it.

        `product` comes without its resources: a resource's files depend on it and on the
        product's own settings only, which is what lets them be kept per resource
        (resource_memo.py)."""
        ...

    def plan_product_files(
        self, provider: Provider, product: Product, resource_files: list[PlannedFile]
    ) -> tuple[list[PlannedFile], list[Diagnostic]]:
        """The product's own files (package, doc), given every file its resources have."""
        ...

    def plan_provider(
        self, provider: Provider, products: list[Product]
    ) -> tuple[list[PlannedFile], list[Diagnostic]]:
        """Provider-wide files (module, entry point, provider, docs index): aggregates."""
        ...
