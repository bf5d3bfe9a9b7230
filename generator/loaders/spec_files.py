"""Where specs laid out as `<product>/product.yaml` + one file per resource are found.

mmgen's own format and mmv1 share this layout, so both find their files here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..diagnostics import Diagnostic, DiagnosticBag, Location

PRODUCT_FILE = "product.yaml"
SPEC_SUFFIXES = (".yaml", ".yml")


def display_path(path: Path) -> str:
    """Paths in diagnostics are relative to the working directory when they can be."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def find_spec_targets(
    paths: Iterable[str],
) -> tuple[dict[Path, set[Path] | None], list[Diagnostic]]:
    """Product folders to load under the given files/folders, each with the resource files
    to load from it: None for all of them (a folder or its product.yaml was named), or the
    set of resource spec files named on the command line."""
    targets: dict[Path, set[Path] | None] = {}
    bag = DiagnosticBag()
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            bag.error("io", "path does not exist", Location(raw, 0, 0), "check the path")
            continue
        if not p.is_dir():
            if p.name == PRODUCT_FILE:
                targets[p.parent] = None
            elif p.suffix not in SPEC_SUFFIXES:
                bag.error(
                    "no-specs",
                    f"not a spec file: specs end in {' or '.join(SPEC_SUFFIXES)}",
                    Location(raw, 0, 0),
                    "point at a spec file, a specs/<product>/ folder or specs/",
                )
            elif not (p.parent / PRODUCT_FILE).exists():
                bag.error(
                    "no-specs",
                    f"no {PRODUCT_FILE} beside this spec; a resource spec lives in its product's folder",
                    Location(raw, 0, 0),
                    f"add {PRODUCT_FILE} to {display_path(p.parent)}/ or move the spec next to one",
                )
            else:
                only = targets.setdefault(p.parent, set())
                if only is not None:
                    only.add(p)
            continue
        try:
            hits = sorted(h for h in p.rglob(PRODUCT_FILE))
        except OSError as exc:
            bag.error("io", f"cannot list folder: {exc.strerror or exc}", Location(raw, 0, 0))
            continue
        if not hits:
            bag.error(
                "no-specs",
                f"no {PRODUCT_FILE} found under this folder",
                Location(raw, 0, 0),
                "point at specs/ or at a specs/<product>/ folder",
            )
        for h in hits:
            targets[h.parent] = None
    return dict(sorted(targets.items())), bag.items


def find_product_dirs(paths: Iterable[str]) -> tuple[list[Path], list[Diagnostic]]:
    """Every folder holding a product.yaml under the given files/folders, sorted."""
    targets, diags = find_spec_targets(paths)
    return list(targets), diags
