"""`mmgen diff BASE HEAD` as a library call: load both sides, compare, apply allowances."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostic, DiagnosticBag, Location
from ..loaders.formats import FOREIGN
from ..model.nodes import Product
from .allowances import apply_allowances, check_allowances
from .compare import compare
from .findings import Finding
from .rules import Kind
from .sides import DEFAULT_SPECS, Side, load_side


@dataclass
class DiffReport:
    base: str
    head: str
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    not_compared: list[str] = field(default_factory=list)  # product/resource
    warnings_in_specs: int = 0  # load warnings of both sides, not printed
    compared: bool = False  # False: a side could not be loaded; nothing was compared

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]

    @property
    def exit_code(self) -> int:
        errors = any(d.is_error for d in self.diagnostics)
        return 1 if errors or self.blocking or not self.compared else 0

    def of_kind(self, kind: Kind) -> list[Finding]:
        return [f for f in self.findings if f.kind is kind]


def run_diff(
    base: str,
    head: str = DEFAULT_SPECS,
    specs_path: str | None = None,
    spec_format: str = "auto",
    allow: tuple[str, ...] = (),
    allow_all: bool = False,
) -> DiffReport:
    """Compare the specs of `base` and `head` (folders, `REV` or `REV:PATH`).

    A bare revision reads `specs_path`, else the other side's folder, else `specs`.
    Never raises for bad input: an unloadable side is a diagnostic and exit code 1.
    """
    path = specs_path or next((s for s in (head, base) if os.path.isdir(s)), DEFAULT_SPECS)
    report = DiffReport(base, head)
    # One load (and check) per side, as `mmgen validate` does it: the comparison itself
    # is a walk over the two models (well under a second for the whole mmv1 corpus).
    old = load_side(base, path, spec_format)
    new = load_side(head, path, spec_format)
    bag = DiagnosticBag()
    for side in (old, new):
        bag.extend(side.errors)
        report.warnings_in_specs += len(side.diagnostics) - len(side.errors)
    strict = [s for s in (old, new) if s.format not in FOREIGN and s.errors]
    if strict or not old.products and old.errors or not new.products and new.errors:
        report.diagnostics = _sorted(bag.items)
        return report
    allowance_errors = [
        replace(d, location=new.relabel(d.location)) for d in check_allowances(new.products)
    ]
    bag.extend(allowance_errors)
    skip = _not_comparable(old, new)
    report.not_compared = sorted(skip)
    for name in report.not_compared:
        product, _, resource = name.partition("/")
        key = (product, resource)
        where = new.sources.get(key) or old.sources.get(key) or name
        bag.warning(
            "diff-not-compared",
            f"`{name}` has spec errors, so it is not compared",
            Location(where, 0, 0),
            "fix the errors reported for it; the rest of the specs were compared",
        )
    findings = compare(_without(old.products, skip), _without(new.products, skip))
    findings = [
        replace(f, location=(old if f.side == "base" else new).relabel(f.location))
        for f in findings
    ]
    report.findings = apply_allowances(findings, new.products, allow, allow_all, new.relabel)
    report.diagnostics = _sorted(bag.items)
    report.compared = True
    return report


def _sorted(items: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(items, key=Diagnostic.sort_key)


def _not_comparable(old: Side, new: Side) -> set[str]:
    """Resources with spec errors on a side where the other side has them too: comparing
    a half-loaded resource would report what it lost as removed. One dropped on the base
    side and absent from the head is still compared (its removal is certain)."""

    def names(side: Side) -> set[str]:
        return {f"{p.name}/{r.name}" for p in side.products for r in p.resources}

    old_names, new_names = names(old), names(new)
    skip = {n for n in old.dropped if n in new_names}
    skip |= {n for n in new.dropped if n in old_names}
    return skip


def _without(products: list[Product], skip: set[str]) -> list[Product]:
    return [
        replace(p, resources=tuple(r for r in p.resources if f"{p.name}/{r.name}" not in skip))
        for p in products
    ]
