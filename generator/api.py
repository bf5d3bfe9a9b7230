"""The library API the CLI wraps; tests call these functions directly."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .diagnostics import Diagnostic, DiagnosticBag, Severity
from .loaders.spec_loader import LoadResult, load_specs
from .model.nodes import Product
from .validate import validate_products


@dataclass
class ValidationReport:
    products: list[Product] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))


def validate_paths(paths: Iterable[str]) -> ValidationReport:
    """Load every spec under `paths` and run every check; never raises on bad input."""
    loaded: LoadResult = load_specs(paths)
    bag = DiagnosticBag(list(loaded.diagnostics))
    bag.extend(validate_products(loaded.products, loaded.sources))
    return ValidationReport(loaded.products, bag.sorted(), loaded.sources)
