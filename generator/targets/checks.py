"""Everything a target checks before it plans: its own checks and feature support.

Used by `generate` (per target, before planning) and by `validate --target` (so that
spec-review CI sees the same findings without generating anything).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from ..diagnostics import Diagnostic
from ..model.nodes import Product, Provider
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
        if found:
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
    from . import TARGETS

    found: list[Diagnostic] = []
    products = list(products)
    for name in names:
        tgt = TARGETS[name](TargetOptions(specs_dir=Path(".")))
        for product in products:
            found.extend(target_checks(tgt, provider, product)[1])
    return found
