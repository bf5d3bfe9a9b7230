"""Names both targets reserve for themselves at the top level of every resource.

Both add a `timeouts` block to every resource; the go target also holds the resource id
as `id` when the spec declares none (a spec's own `id` property replaces it).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, DiagnosticBag
from ..model.nodes import Product

RESERVED = {"timeouts": "the timeouts block every generated resource has"}


def check_reserved(product: Product, target: str) -> list[Diagnostic]:
    bag = DiagnosticBag()
    for res in product.resources:
        for prop in res.properties:
            why = RESERVED.get(prop.name)
            if why is not None:
                bag.error(
                    "reserved-name",
                    f"property `{prop.name}` of `{res.name}` collides with {why} (target {target})",
                    prop.loc,
                    f"rename it (e.g. `{res.name}_{prop.name}`) and keep the API name in "
                    "`api_name`",
                )
    return bag.items
