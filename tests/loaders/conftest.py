"""Fixtures shared by the corpus tests: one load of the shared mmv1 corpus per session (the
loader, template, added-field and key-report tests all read it; each load is ~8 s), and one
python-target generation of it (test_corpus_generation.py and test_mmv1_fidelity.py).

Formatter cache: a fresh temporary folder (`MMGEN_CACHE_DIR`), so the run is hermetic
(and cold). Skipped without `../shared/corpus` beside the clone.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.loaders.mmv1.loader import Mmv1LoadResult, load_mmv1
from generator.pipeline import generate
from generator.product_cache import ProductCache
from generator.results import GenerationResult

REPO = Path(__file__).resolve().parents[2]
MMV1_CORPUS = REPO.parent / "shared" / "corpus" / "magic-modules" / "products"


@pytest.fixture(scope="session")
def mmv1_corpus_load() -> tuple[Mmv1LoadResult, float]:
    """The mmv1 loader's result on the shared corpus, and the seconds the load took."""
    if not MMV1_CORPUS.is_dir():
        pytest.skip(f"Magic Modules corpus not found at {MMV1_CORPUS} (../shared beside the clone)")
    start = time.perf_counter()
    result = load_mmv1([str(MMV1_CORPUS)])
    return result, time.perf_counter() - start


@pytest.fixture(scope="session")
def session_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("mmgen-session-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MMGEN_CACHE_DIR", str(path))
        yield path


@pytest.fixture(scope="session")
def mmv1_python_run(
    session_cache_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[GenerationResult, Path]:
    """The python target's generation of the mmv1 corpus, and the folder it is written to."""
    if not MMV1_CORPUS.is_dir():
        pytest.skip(f"Magic Modules corpus not found at {MMV1_CORPUS} (../shared beside the clone)")
    # No product cache: the tests read the models, which a run with a cache does not return.
    result = generate(MMV1_CORPUS, "python", fmt="mmv1", product_cache=ProductCache(None))
    out = tmp_path_factory.mktemp("mmv1-python")
    for path, f in result.files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f.text, encoding="utf-8")
    return result, out
