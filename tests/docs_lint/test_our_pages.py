"""The pages mmgen generates lint clean: no error and no warning, under their own family's
rules (azurerm for Batch AI, azurerm's layout for the kitchen fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import REPO, found, lint

DOCS = sorted(
    [REPO / "generated" / "go" / "docs", REPO / "generated" / "python" / "docs"]
    + [p for p in (REPO / "tests" / "golden").rglob("docs") if p.is_dir()]
)


def test_there_are_pages() -> None:
    pages = [p for d in DOCS for p in d.rglob("*.md")]
    assert len(DOCS) >= 4 and len(pages) >= 10


@pytest.mark.parametrize("docs", DOCS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_generated_pages_are_clean(docs: Path) -> None:
    assert found(lint(docs)) == []
