"""The spec formats mmgen reads, which one a path holds, and loading any of them.

Each format is a peer package behind `base.SpecFormat`; this module only lists them and
dispatches. mmgen's own YAML format is strict: any error stops generation. Magic Modules'
formats (mmv1, Azure MM) are foreign: the resources whose specs have errors are reported
and left out, and the rest generate, so a team can point mmgen at a whole corpus.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from ..diagnostics import Location
from ..model.nodes import Product
from .azure_mm.format import AZURE_MM
from .base import LoadResult, SpecFormat
from .mmgen.format import MMGEN
from .mmv1.format import MMV1
from .spec_files import PRODUCT_FILE

# By `--spec-format` name, in the order the CLI lists them.
SPEC_FORMATS: dict[str, SpecFormat] = {f.name: f for f in (MMGEN, MMV1, AZURE_MM)}
FORMATS = ("auto", *SPEC_FORMATS)
FOREIGN = frozenset(name for name, f in SPEC_FORMATS.items() if f.foreign)
# What a path that matches no format (or a missing one) is loaded as: the mmgen loader
# reports what is wrong with it in mmgen's terms.
DEFAULT = MMGEN
# mmgen's own layout is tried first: its check is a line scan that imports no loader, which
# keeps start-up (and so a no-op `make generate`) short. Azure MM's marker (a Ruby tag in
# api.yaml) is exact; mmv1's is a heuristic over product.yaml, so it goes last.
DETECTION_ORDER: tuple[SpecFormat, ...] = (MMGEN, AZURE_MM, MMV1)


def detect_format(paths: Iterable[str]) -> str:
    """`mmgen` unless every path looks like the same foreign format."""
    found = set()
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            return DEFAULT.name  # let the mmgen loader report the missing path
        fmt = next((f for f in DETECTION_ORDER if f.detect(p)), DEFAULT)
        found.add(fmt.name)
    return found.pop() if len(found) == 1 else DEFAULT.name


def load_any(paths: Iterable[str], fmt: str = "auto") -> tuple[LoadResult, str]:
    """Load `paths` as `fmt` (detected when `auto`); returns the result and the format."""
    paths = list(paths)
    if fmt == "auto":
        fmt = detect_format(paths)
    return SPEC_FORMATS.get(fmt, DEFAULT).load(paths), fmt


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


__all__ = [
    "DEFAULT",
    "DETECTION_ORDER",
    "FOREIGN",
    "FORMATS",
    "PRODUCT_FILE",
    "SPEC_FORMATS",
    "LoadResult",
    "SpecFormat",
    "detect_format",
    "drop_failing",
    "load_any",
]
