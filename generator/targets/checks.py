"""Everything a target checks before it plans: its own checks and feature support.

Used by `generate` (per target, before planning) and by `validate --target` (so that
spec-review CI sees the same findings without generating anything).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..diagnostics import Diagnostic
from ..loaders.formats import PRODUCT_FILE
from ..loaders.provider_spec import default_provider
from ..model.nodes import Product, Provider
from ..provider_tree import check_provider, provider_products, resolve_provider
from ..spec_check import ValidationReport
from . import TARGETS
from .base import Target, TargetOptions
from .features import unsupported


def target_checks(
    tgt: Target, provider: Provider, product: Product
) -> tuple[Product, list[Diagnostic], list[str]]:
    """Target checks and feature support: the product without failing resources (for
    foreign formats), every diagnostic, and the names of the resources left out."""
    diags = list(tgt.check(provider, product))
    failing: set[str] = set()
    for res in product.resources:
        found = unsupported(tgt.name, tgt.features, res)
        diags.extend(found)
        if any(d.is_error for d in found):
            failing.add(res.name)
    for d in diags:
        if d.is_error:
            failing.update(
                r.name for r in product.resources if r.loc.file and r.loc.file == d.location.file
            )
    kept = tuple(r for r in product.resources if r.name not in failing)
    dropped = sorted(f"{product.name}/{name}" for name in failing)
    return dataclasses.replace(product, resources=kept), diags, dropped


def check_all(
    names: Iterable[str], provider: Provider, products: Iterable[Product]
) -> list[Diagnostic]:
    """Every target's findings for every product (for `mmgen validate --target`)."""
    found: list[Diagnostic] = []
    products = list(products)
    for name in names:
        tgt = TARGETS[name](TargetOptions(specs_dir=Path(".")))
        for product in products:
            found.extend(target_checks(tgt, provider, product)[1])
    return found


def with_target_checks(
    report: ValidationReport, paths: tuple[str, ...], targets: str
) -> ValidationReport:
    """The report plus the provider's checks (for one spec folder) and the targets'."""
    found: list[Diagnostic] = []
    root = Path(paths[0])
    provider = None
    if len(paths) == 1 and root.is_dir():
        provider, diags = resolve_provider(root, report.format, sorted(root.rglob(PRODUCT_FILE)))
        found.extend(diags)
        if provider is not None:
            found.extend(check_provider(provider, provider_products(provider, report.products)))
    products = report.products
    prefix = products[0].prefix if products else "mmgen"
    names = sorted(TARGETS) if targets == "all" else [targets]
    found.extend(check_all(names, provider or default_provider(prefix), products))
    merged = sorted(set(report.diagnostics) | set(found), key=Diagnostic.sort_key)
    return replace(report, diagnostics=merged)
