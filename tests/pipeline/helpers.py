"""Helpers for pipeline tests: generate into memory or into a temp folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.api import GenerateOutcome, run_generate
from generator.pipeline import generate
from generator.results import GenerationResult

REPO = Path(__file__).resolve().parents[2]
KITCHEN_SPECS = REPO / "tests" / "fixtures" / "gen-specs"
SPECS = REPO / "specs"


def render(specs: Path) -> GenerationResult:
    result = generate(specs)
    assert not result.has_errors, "\n".join(d.to_text() for d in result.diagnostics)
    return result


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by POSIX relative path."""
    caches = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not caches.intersection(p.relative_to(folder).parts)
    }


def copy_specs(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def gen(specs: Path, out: Path, *args: str, check: bool = False) -> GenerateOutcome:
    products = tuple(a.split("=", 1)[1] for a in args if a.startswith("product="))
    resources = tuple(a.split("=", 1)[1] for a in args if a.startswith("resource="))
    targets = [a.split("=", 1)[1] for a in args if a.startswith("target=")]
    cwd = os.getcwd()
    try:
        os.chdir(out.parent)
        # Relative paths, as a user types them: diffs and messages show `generated/...`.
        return run_generate(
            os.path.relpath(specs, out.parent),
            out.name,
            products=products,
            resources=resources,
            target=targets[0] if targets else "all",
            check=check,
        )
    finally:
        os.chdir(cwd)
