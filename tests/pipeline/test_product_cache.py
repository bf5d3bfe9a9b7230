"""The product cache: a hit needs the product's folder, and every file it read outside that
folder (Magic Modules' example templates), to be byte for byte what they were."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import pipeline
from generator.product_cache import ProductCache
from generator.results import RenderedFile, pack, unpack
from generator.targets.base import Owner

from .helpers import REPO

MMV1 = REPO / "tests" / "fixtures" / "loaders" / "mmv1"
TEMPLATE = "templates/terraform/samples/services/documentai/documentai_processor.tf.tmpl"
DOCS_PAGE = "python/docs/resources/document_ai_processor.md"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(MMV1, tmp_path / "mmv1")
    return tmp_path / "mmv1"


def _run(tree: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, str], int]:
    """(files, how many products were generated rather than taken from the cache)."""
    calls = []
    real = pipeline._generate
    monkeypatch.setattr(pipeline, "_generate", lambda *a: calls.append(a) or real(*a))
    result = pipeline.generate(
        tree / "products", target="python", product_cache=ProductCache(cache)
    )
    assert not result.fatal, result.fatal
    return {p: f.text for p, f in result.files.items()}, len(calls)


def test_an_unchanged_product_is_a_hit(tree: Path, tmp_path: Path, monkeypatch) -> None:
    first, generated = _run(tree, tmp_path / "cache", monkeypatch)
    assert generated == 1
    second, generated = _run(tree, tmp_path / "cache", monkeypatch)
    assert generated == 0 and second == first


def test_editing_an_example_template_outside_the_folder_misses(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = _run(tree, tmp_path / "cache", monkeypatch)
    assert 'type = "OCR_PROCESSOR"' in first[DOCS_PAGE]
    template = tree / TEMPLATE
    template.write_text(template.read_text().replace("OCR_PROCESSOR", "FORM_PARSER_PROCESSOR"))
    second, generated = _run(tree, tmp_path / "cache", monkeypatch)
    assert generated == 1
    assert 'type = "FORM_PARSER_PROCESSOR"' in second[DOCS_PAGE]
    # And the uncached run agrees with what the cache now holds.
    assert second == _run(tree, tmp_path / "fresh-cache", monkeypatch)[0]


def test_a_template_that_appears_later_misses(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = tree / TEMPLATE
    text = template.read_text()
    template.unlink()
    _run(tree, tmp_path / "cache", monkeypatch)
    template.write_text(text)
    second, generated = _run(tree, tmp_path / "cache", monkeypatch)
    assert generated == 1
    assert 'type = "OCR_PROCESSOR"' in second[DOCS_PAGE]


@given(
    st.dictionaries(
        st.text(min_size=1, max_size=20),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200),
        max_size=8,
    )
)
def test_packed_files_unpack_to_the_same_files(texts: dict[str, str]) -> None:
    """Cache entries keep texts as one UTF-8 blob: every file comes back byte for byte,
    with its hash, in the same order."""
    owner = Owner("p", "r")
    files = {
        p: RenderedFile(p, t, "specs/p/r.yaml", "t.j2", owner, False) for p, t in texts.items()
    }
    blob, rows = pack(files)
    back = unpack(blob, rows)
    assert list(back) == list(files)
    for path, f in files.items():
        assert back[path].sha256 == f.sha256  # kept, not recomputed
        assert back[path] == f and back[path].text == f.text
