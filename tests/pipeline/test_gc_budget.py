"""The run's garbage-collection thresholds: raised for the run, the caller's restored."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import pytest

from generator import gc_budget
from generator.pipeline import generate
from generator.workers import worker_pool

from .helpers import SPECS


@pytest.fixture
def default_thresholds() -> Iterator[None]:
    old = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*old)


def test_thresholds_are_raised_inside_and_restored_after(default_thresholds: None) -> None:
    seen: list[tuple[int, int, int]] = []

    @gc_budget.fewer_collections
    def inside() -> str:
        seen.append(gc.get_threshold())
        return "done"

    assert inside() == "done"
    assert seen == [gc_budget.THRESHOLDS]
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_when_the_run_raises(default_thresholds: None) -> None:
    @gc_budget.fewer_collections
    def failing() -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError):
        failing()
    assert gc.get_threshold() == (700, 10, 10)


def test_a_callers_larger_thresholds_are_kept() -> None:
    old = gc.get_threshold()
    gc.set_threshold(100_000, 50, 5)
    try:
        with gc_budget.collections_batched():
            assert gc.get_threshold() == (100_000, 50, 10)
        assert gc.get_threshold() == (100_000, 50, 5)
    finally:
        gc.set_threshold(*old)


def _thresholds() -> tuple[int, int, int]:
    return gc.get_threshold()


def test_workers_run_with_the_run_thresholds(default_thresholds: None) -> None:
    pool: ProcessPoolExecutor = worker_pool(1)
    with pool:
        assert pool.submit(_thresholds).result() == gc_budget.THRESHOLDS


def test_generate_leaves_the_callers_thresholds(default_thresholds: None) -> None:
    result = generate(SPECS, "python")
    assert not result.fatal and result.files
    assert gc.get_threshold() == (700, 10, 10)
