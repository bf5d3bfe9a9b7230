"""Breaking changes accepted on purpose: by a command flag, or in the head spec with a
reason (`breaking_changes_allowed`, docs/spec-format.md), which the report shows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..diagnostics import Diagnostic, DiagnosticBag, Location
from ..model.nodes import Allowance, Product, Property
from .findings import Finding
from .rules import RULES, Kind


@dataclass(frozen=True)
class _Scope:
    allowance: Allowance
    product: str
    resource: str | None  # Terraform type name; None: any of the product
    path: str | None  # dotted field path; None: the whole resource

    def covers(self, f: Finding) -> bool:
        if f.rule != self.allowance.rule or f.product != self.product:
            return False
        if self.resource is not None and f.resource != self.resource:
            return False
        if self.path is None:
            return True
        return f.field is not None and (f.field == self.path or f.field.startswith(self.path + "."))


def _scopes(products: Iterable[Product]) -> list[_Scope]:
    out: list[_Scope] = []
    for product in products:
        for a in product.breaking_changes_allowed:
            out.append(_Scope(a, product.name, a.path, None))
        for res in product.resources:
            for a in res.breaking_changes_allowed:
                out.append(_Scope(a, product.name, res.terraform_name, a.path))
            stack: list[tuple[str, Property]] = [(p.name, p) for p in res.properties]
            while stack:
                path, p = stack.pop()
                for a in p.breaking_changes_allowed:
                    out.append(_Scope(a, product.name, res.terraform_name, path))
                stack.extend((f"{path}.{q.name}", q) for q in p.type.nested_properties)
    return out


def check_allowances(products: Iterable[Product]) -> list[Diagnostic]:
    """Allowances naming no breaking rule, or without a reason, are errors at their line."""
    bag = DiagnosticBag()
    for scope in _scopes(products):
        a = scope.allowance
        rule = RULES.get(a.rule)
        if rule is None or rule.kind is not Kind.BREAKING:
            known = ", ".join(r.id for r in RULES.values() if r.kind is Kind.BREAKING)
            bag.error(
                "diff-unknown-rule",
                f"`{a.rule}` is not a breaking-change rule of `mmgen diff`",
                a.loc,
                f"use one of: {known}",
            )
        if not a.reason.strip():
            bag.error(
                "diff-allowance-reason",
                f"the allowance of `{a.rule}` gives no reason",
                a.loc,
                "write `reason:`: the diff report shows it to reviewers",
            )
    return bag.items


def apply_allowances(
    findings: Iterable[Finding],
    head: Iterable[Product],
    allow_rules: Iterable[str] = (),
    allow_all: bool = False,
    relabel: Callable[[Location], Location] = lambda loc: loc,
) -> list[Finding]:
    """`findings` with `allowed` set on each breaking one something accepts."""
    scopes = _scopes(head)
    flags = set(allow_rules)
    out = []
    for f in findings:
        if f.kind is Kind.BREAKING:
            scope = next((s for s in scopes if s.covers(f)), None)
            if scope is not None:
                loc = relabel(scope.allowance.loc)
                f = replace(f, allowed=f"{scope.allowance.reason} (allowed at {loc})")
            elif f.rule in flags:
                f = replace(f, allowed=f"--allow {f.rule}")
            elif allow_all:
                f = replace(f, allowed="--allow-breaking")
        out.append(f)
    return out
