"""The interface every spec format implements (`SpecFormat`) and what loading returns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..diagnostics import Diagnostic
from ..model.nodes import Product


@dataclass
class LoadResult:
    products: list[Product] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Which spec file each resource came from, keyed by (product, resource) name.
    sources: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


class SpecFormat(Protocol):
    """One input format, as `formats.py` lists and dispatches it.

    Implementations import their loader inside `detect`/`load`, not at module level: the
    registry imports every format at start-up, and most runs need only one of them.
    """

    # As `--spec-format` spells it.
    name: str
    # Foreign formats are upstream's: a resource whose spec has errors is left out and the
    # rest still generate. mmgen's own format is strict: any error stops the run.
    foreign: bool

    def detect(self, path: Path) -> bool:
        """True if `path` (an existing file or folder) holds specs in this format."""
        ...

    def load(self, paths: Sequence[str]) -> LoadResult:
        """Every product under `paths`; bad input is diagnostics, never an exception."""
        ...
