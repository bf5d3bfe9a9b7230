"""What mmv1 keeps in Go templates, which no target can use as it is: said and dropped."""

from __future__ import annotations

import dataclasses

from ... import resource_memo
from ...diagnostics import DiagnosticBag
from ...model.nodes import CustomCode
from ..base import LoadResult


def without_go_code(result: LoadResult, fmt: str) -> LoadResult:
    """mmv1 custom code is Go templates written against that generator's SDKv2 code (its
    `d *schema.ResourceData`, its helper names): neither the Python provider nor the Go one
    on terraform-plugin-framework can run it. Say so, once per resource, and drop it rather
    than copy it into hooks."""
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
                    f"{fmt} custom code of `{res.terraform_name}` ({', '.join(names)}) is "
                    "Go written for that generator's templates: it is carried into no target",
                    res.custom_code.loc if res.custom_code.loc.line else res.loc,
                    "port the behaviour to each target's hooks (docs/generation.md#custom-code)",
                )
                res = dataclasses.replace(res, custom_code=CustomCode())
            if memo is not None:
                memo.derived(before, res, f"without_go_code:{fmt}")
            resources.append(res)
        products.append(dataclasses.replace(product, resources=tuple(resources)))
    return dataclasses.replace(result, products=products, diagnostics=bag.items)
