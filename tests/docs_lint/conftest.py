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


def lint_string(text: str, name: str = "page.md") -> list[Diagnostic]:
    """Lint a page given as text (as if it were GOOD/name), with every check."""
    from generator.docs_lint.links import AnchorCache
    from generator.docs_lint.lint import lint_text
    from generator.docs_lint.source import PageFile, PageText

    file = PageFile(GOOD / name, name, GOOD)
    return lint_text(PageText(file, text, text.split("\n")), "auto", AnchorCache())
