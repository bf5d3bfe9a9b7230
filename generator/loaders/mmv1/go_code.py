"""What mmv1 keeps in Go templates, which a Python provider cannot use: said and dropped."""

from __future__ import annotations

import dataclasses

from ... import resource_memo
from ...diagnostics import DiagnosticBag
from ...model.nodes import CustomCode
from ..base import LoadResult


def without_go_code(result: LoadResult, fmt: str) -> LoadResult:
    """mmv1 custom code is Go templates: it cannot run in a Python provider. Say so, once
    per resource, and drop it rather than copy Go into Python hooks."""
    bag = DiagnosticBag(list(result.diagnostics))
    memo = resource_memo.current()
    products = []
    for product in result.products:
        resources = []
        for res in product.resources:
            before = res
            empty = [e.name for e in res.examples if not e.config.strip()]
            if empty:
                # Example templates that could not be rendered (missing, or beyond the
                # subset in templates.py) leave an example without HCL.
                bag.warning(
                    "foreign-example-without-hcl",
                    f"{fmt} example(s) {', '.join(empty)} of `{res.terraform_name}` carry no HCL "
                    "here; docs and acceptance tests are generated without them",
                    res.loc,
                    "add the HCL as `config:` after `mmgen convert`",
                )
                res = dataclasses.replace(
                    res, examples=tuple(e for e in res.examples if e.config.strip())
                )
            if not res.custom_code.is_empty:
                names = sorted(
                    {
                        k
                        for k, _ in res.custom_code.hooks
                        + res.custom_code.expand
                        + res.custom_code.flatten
                    }
                )
                bag.warning(
                    "foreign-custom-code",
                    f"{fmt} custom code of `{res.terraform_name}` ({', '.join(names)}) is Go and is not "
                    "carried into the python target",
                    res.custom_code.loc if res.custom_code.loc.line else res.loc,
                    "port the behaviour to Python hooks (docs/generation.md#custom-code)",
                )
                res = dataclasses.replace(res, custom_code=CustomCode())
            if memo is not None:
                memo.derived(before, res, f"without_go_code:{fmt}")
            resources.append(res)
        products.append(dataclasses.replace(product, resources=tuple(resources)))
    return dataclasses.replace(result, products=products, diagnostics=bag.items)
