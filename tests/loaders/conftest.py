"""Fixtures shared by the corpus tests: one python-target generation of the shared mmv1
corpus per session (test_corpus_generation.py and test_mmv1_fidelity.py both read it).

Formatter cache: a fresh temporary folder (`MMGEN_CACHE_DIR`), so the run is hermetic
(and cold). Skipped without `../shared/corpus` beside the clone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.pipeline import generate
from generator.results import GenerationResult

REPO = Path(__file__).resolve().parents[2]
MMV1_CORPUS = REPO.parent / "shared" / "corpus" / "magic-modules" / "products"


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
    result = generate(MMV1_CORPUS, "python", fmt="mmv1")
    out = tmp_path_factory.mktemp("mmv1-python")
    for path, f in result.files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f.text, encoding="utf-8")
    return result, out
