"""What the docs-page loader hands back: the result, its guesses, and the collector of both."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...diagnostics import Diagnostic, DiagnosticBag, Location
from ...model.nodes import Product, Resource


@dataclass(frozen=True)
class Guess:
    """Something the loader inferred: `path` names the spec place, e.g. `properties.a.b`."""

    path: str
    message: str


@dataclass
class DocsImport:
    product: Product | None = None
    resource: Resource | None = None
    guesses: list[Guess] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The operations the page's Timeouts section lists, for the spec to keep (see
    # `spec_writer.resource_to_yaml(keep_timeouts=)`): a value equal to the default is
    # still what the page says.
    timeouts_listed: tuple[str, ...] = ()

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


class Report:
    """Diagnostics and guesses for one page, in the order the loader finds them."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.bag = DiagnosticBag()
        self.guesses: list[Guess] = []
        self.timeouts_listed: list[str] = []

    def loc(self, line0: int, col: int = 1) -> Location:
        """The location of a 0-based line."""
        return Location(self.display, line0 + 1, col)

    def guess(self, path: str, message: str) -> None:
        self.guesses.append(Guess(path, message))

    def result(
        self, product: Product | None = None, resource: Resource | None = None
    ) -> DocsImport:
        listed = tuple(dict.fromkeys(self.timeouts_listed))
        return DocsImport(product, resource, self.guesses, self.bag.sorted(), listed)
