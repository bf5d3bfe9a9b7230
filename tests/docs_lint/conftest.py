"""Helpers for the docs linter's tests: the fixture pages and a lint of one path."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.docs_lint import lint_paths

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "docs-lint"
GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"
SHARED = REPO.parent / "shared"


def lint(*paths: Path | str, family: str = "auto") -> list[Diagnostic]:
    return lint_paths([str(p) for p in paths], family, jobs=1).diagnostics


def found(diags: list[Diagnostic]) -> list[tuple[str, int, int]]:
    return [(d.code, d.location.line, d.location.col) for d in diags]
