"""Which spec format a path holds, and loading any of them into the model.

mmgen's own YAML format is strict: any error stops generation. Magic Modules' formats
(mmv1, Azure MM) are foreign: the resources whose specs have errors are reported and
left out, and the rest generate, so a team can point mmgen at a whole corpus.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from ..diagnostics import DiagnosticBag, Location
from ..model.nodes import CustomCode, Product
from .spec_loader import PRODUCT_FILE, LoadResult, load_specs

FORMATS = ("auto", "mmgen", "mmv1", "azure-mm")
FOREIGN = frozenset({"mmv1", "azure-mm"})


def detect_format(paths: Iterable[str]) -> str:
    """`mmgen` unless every path looks like an mmv1 or Azure MM corpus."""
    found = set()
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            return "mmgen"  # let the mmgen loader report the missing path
        # mmgen's own layout is checked first: it needs no foreign loader imported, which
        # keeps start-up (and so a no-op `make generate`) short.
        if _has_mmgen_product(p):
            found.add("mmgen")
            continue
        from .azure_mm import detect_azure_mm
        from .mmv1 import detect_mmv1

        if detect_azure_mm(p):
            found.add("azure-mm")
        elif detect_mmv1(p):
            found.add("mmv1")
        else:
            found.add("mmgen")
    return found.pop() if len(found) == 1 else "mmgen"


def _has_mmgen_product(p: Path) -> bool:
    """An mmgen product.yaml has `prefix:`; mmv1's never does."""
    candidates = [p / PRODUCT_FILE] if p.is_dir() else [p.parent / PRODUCT_FILE]
    if p.is_dir() and not candidates[0].exists():
        candidates = sorted(p.glob(f"*/{PRODUCT_FILE}"))[:3]
    for c in candidates:
        if not c.is_file():  # a FIFO or a folder named product.yaml: the loader reports it
            continue
        try:
            text = c.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if any(line.startswith("prefix:") for line in text.splitlines()):
            return True
    return False


def load_any(paths: Iterable[str], fmt: str = "auto") -> tuple[LoadResult, str]:
    paths = list(paths)
    if fmt == "auto":
        fmt = detect_format(paths)
    if fmt == "mmv1":
        from .mmv1 import load_mmv1

        return _without_foreign_custom_code(load_mmv1(paths), fmt), fmt
    if fmt == "azure-mm":
        from .azure_mm import load_azure_mm

        return load_azure_mm(paths), fmt
    return load_specs(paths), fmt


def _without_foreign_custom_code(result: LoadResult, fmt: str) -> LoadResult:
    """mmv1 custom code is Go templates: it cannot run in a Python provider. Say so, once
    per resource, and drop it rather than copy Go into Python hooks."""
    bag = DiagnosticBag(list(result.diagnostics))
    products = []
    for product in result.products:
        resources = []
        for res in product.resources:
            empty = [e.name for e in res.examples if not e.config.strip()]
            if empty:
                # mmv1 keeps example HCL in Go templates outside the spec files.
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
            resources.append(res)
        products.append(dataclasses.replace(product, resources=tuple(resources)))
    return dataclasses.replace(result, products=products, diagnostics=bag.items)


def drop_failing(
    result: LoadResult, errors_at: Iterable[Location]
) -> tuple[list[Product], list[str]]:
    """Products without the resources whose spec files have errors; and what was dropped."""
    bad_files = {loc.file for loc in errors_at}
    kept: list[Product] = []
    dropped: list[str] = []
    for product in result.products:
        keep = []
        for res in product.resources:
            source = result.sources.get((product.name, res.name))
            if source is not None and source in bad_files:
                dropped.append(f"{product.name}/{res.name}")
            else:
                keep.append(res)
        if keep:
            kept.append(dataclasses.replace(product, resources=tuple(keep)))
    return kept, dropped
