"""The depth scan's fast bound never says "cannot overflow" where the exact scan finds an
overflow: checked on generated YAML-ish texts around the limit, and on deep ones."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.loaders.yaml_depth import _cannot_overflow, _scan, nesting_overflow

PIECES = st.sampled_from(["- ", "? ", ": ", "a: ", "[", "]", "{", "}", "'", '"', "#", " ", "x"])
LINE = st.tuples(st.integers(0, 12), st.lists(PIECES, max_size=8)).map(
    lambda t: " " * t[0] + "".join(t[1])
)
TEXT = st.lists(LINE, max_size=30).map("\n".join)


@given(TEXT, st.integers(1, 12))
def test_the_bound_is_safe(text: str, limit: int) -> None:
    if _cannot_overflow(text, limit):
        assert _scan(text, limit) is None


@given(TEXT, st.integers(1, 12))
def test_nesting_overflow_agrees_with_the_exact_scan(text: str, limit: int) -> None:
    assert nesting_overflow(text, limit) == _scan(text, limit)


def test_deep_texts_still_overflow() -> None:
    assert nesting_overflow("[" * 300) == (1, 256)
    deep = "\n".join(" " * i + "a:" for i in range(300))
    assert nesting_overflow(deep) is not None
    assert nesting_overflow("- " * 300 + "x") is not None
