"""What every target produces: a plan of files, each naming its template and owner."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..diagnostics import Diagnostic
from ..model.nodes import Product


@dataclass(frozen=True)
class Owner:
    """Which spec a file belongs to; `resource` None means product-wide."""

    product: str
    resource: str | None = None


@dataclass
class PlannedFile:
    path: str  # relative to the output folder, POSIX separators
    template: str  # template name, or the static file's path under templates/
    spec: str  # source spec path as shown in the banner
    owner: Owner
    language: str  # "python" | "markdown" | "toml" | "text"
    context: dict[str, Any] = field(default_factory=dict)
    static_text: str | None = None  # copied verbatim (after the banner) when set
    # Aggregates (provider registry, docs index) are rendered from the full spec set even
    # when a run is limited to one product or resource.
    aggregate: bool = False


@dataclass(frozen=True)
class TargetOptions:
    specs_dir: Path = Path("specs")  # the real folder, for reading custom code files
    specs_label: str = "specs"  # how the specs folder is named in banners
    out_label: str = "generated"


class Target(Protocol):
    name: str

    def __init__(self, options: TargetOptions) -> None: ...

    def plan(
        self, product: Product, sources: dict[str, str]
    ) -> tuple[list[PlannedFile], list[Diagnostic]]:
        """Plan every file of one product; `sources` maps resource name -> spec path."""
        ...
