"""What a diff finds: one `Finding` per change, at the spec line that makes it."""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Location
from .rules import RULES, Kind


@dataclass(frozen=True)
class Finding:
    rule: str
    product: str
    resource: str  # Terraform type name
    field: str | None  # dotted path from the resource root; None: the resource itself
    message: str
    location: Location
    side: str = "head"  # whose spec `location` is in: "head", or "base" for a removal
    allowed: str | None = None  # why it is accepted: a spec's reason or a command flag

    @property
    def kind(self) -> Kind:
        return RULES[self.rule].kind

    @property
    def blocking(self) -> bool:
        return self.kind is Kind.BREAKING and self.allowed is None

    @property
    def subject(self) -> str:
        return self.resource + (f".{self.field}" if self.field else "")

    def sort_key(self) -> tuple[int, str, str, str, int, int]:
        order = (Kind.BREAKING, Kind.WARNING, Kind.INFO).index(self.kind)
        loc = self.location
        return (order, self.resource, self.field or "", self.rule, loc.line, loc.col)
