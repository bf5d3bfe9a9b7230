"""The pages mmgen generates lint clean: no error and no warning, under their own family's
rules (azurerm for Batch AI in the legacy website layout, azurerm's for the kitchen fixture
in the registry layout, Google's for the mmv1 fixture trees)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import generate
from generator.targets.docs_files import INDEX_PAGE_TEMPLATE, RESOURCE_PAGE_TEMPLATES

from .conftest import REPO, found, lint

DOCS = sorted(
    [REPO / "generated" / "go" / "website", REPO / "generated" / "python" / "website"]
    + [p for p in (REPO / "tests" / "golden").rglob("docs") if p.is_dir()]
)
MMV1_TREES = [
    REPO / "tests" / "fixtures" / "loaders" / "mmv1",
    REPO / "tests" / "fixtures" / "docs-site" / "mmv1",
]


def _pages(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith((".md", ".html.markdown"))]


def test_there_are_pages() -> None:
    assert all(d.is_dir() for d in DOCS)
    pages = [p for d in DOCS for p in _pages(d)]
    assert len(DOCS) >= 4 and len(pages) >= 10


@pytest.mark.parametrize("docs", DOCS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_generated_pages_are_clean(docs: Path) -> None:
    assert found(lint(docs)) == []


@pytest.mark.parametrize("tree", MMV1_TREES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_generated_google_pages_are_clean(tree: Path, tmp_path: Path) -> None:
    result = generate(tree, target="go", fmt="mmv1")
    assert not result.has_errors
    pages = {
        path: f.text
        for path, f in result.files.items()
        if f.template in RESOURCE_PAGE_TEMPLATES or f.template == INDEX_PAGE_TEMPLATE
    }
    assert len(pages) >= 2
    for path, text in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, "utf-8")
    assert found(lint(tmp_path)) == []
