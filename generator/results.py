"""What a generation run produces, and which part of it a run regenerates.

Kept apart from the pipeline so that the writer (`sync.py`) depends on results only, not
on how they are made.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .diagnostics import Diagnostic
from .model.nodes import Product, Provider
from .targets.base import Owner


@dataclass(frozen=True)
class RenderedFile:
    path: str
    text: str
    spec: str
    template: str
    owner: Owner
    aggregate: bool

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class GenerationResult:
    files: dict[str, RenderedFile] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    # Errors that stop the run (nothing is written); for foreign formats, spec errors only
    # drop their resource (listed in `dropped`) and are not fatal.
    fatal: list[Diagnostic] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    # Per target: resources it left out for a feature it lacks or its own checks (foreign
    # formats only), and how many resources it generated.
    dropped_by_target: dict[str, list[str]] = field(default_factory=dict)
    generated: dict[str, int] = field(default_factory=dict)
    provider: Provider | None = None
    # Files read from outside the spec folder ({absolute path: sha256}): see outside_reads.py.
    outside_reads: dict[str, str] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return bool(self.fatal)


@dataclass(frozen=True)
class Selection:
    """Which specs a run regenerates; aggregates are rebuilt from the full set anyway.

    `targets` limits the run to some targets' folders (the first path segment): files of
    the other targets are left exactly as they are.
    """

    products: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()

    def covers(self, owner: Owner, aggregate: bool, path: str = "") -> bool:
        if self.targets and path.split("/", 1)[0] not in self.targets:
            return False
        if self.products and owner.product not in self.products:
            return aggregate
        if self.resources:
            return aggregate or owner.resource in self.resources
        return True
