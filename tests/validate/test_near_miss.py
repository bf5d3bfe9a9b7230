"""`type:` near-misses get a "did you mean" of the spec's own type name."""

from __future__ import annotations

import pytest

from generator.loaders.mmgen.spec_shapes import TYPE_NAMES
from generator.loaders.shape_check import enum_guess


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("List", "Array"),
        ("list", "Array"),
        ("Str", "String"),
        ("string", "String"),
        ("STRING", "String"),
        ("Int", "Integer"),
        ("Float", "Double"),
        ("Bool", "Boolean"),
        ("Dict", "Map (or `NestedObject` for a block of named fields)"),
        ("Set", "Array (with `is_set: true`)"),
        ("Strng", "String"),
    ],
)
def test_type_near_miss(written: str, meant: str) -> None:
    assert enum_guess(written, list(TYPE_NAMES)) == meant


def test_synonyms_only_where_the_enum_has_the_value() -> None:
    assert enum_guess("List", ["GET", "PUT"]) is None
    assert enum_guess("get", ["GET", "PUT"]) == "GET"
