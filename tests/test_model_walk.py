"""`walk`: every property at every depth, parents first, with its dotted path; the same
answer from its cache of recent trees as from a fresh walk."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from generator.model import walk as walk_module
from generator.model.nodes import Property, Type, TypeKind
from generator.model.walk import walk

NAMES = st.sampled_from(["a", "b", "c", "node_pool", "x1"])


def _tree(depth: int) -> st.SearchStrategy[tuple[Property, ...]]:
    leaf = st.builds(lambda n: Property(n, Type(TypeKind.STRING)), NAMES)
    if depth == 0:
        return st.lists(leaf, max_size=3).map(tuple)
    nested = st.builds(
        lambda n, kids, kind: Property(
            n,
            (
                Type(TypeKind.NESTED_OBJECT, properties=kids)
                if kind == "object"
                else Type(TypeKind.ARRAY, item=Type(TypeKind.NESTED_OBJECT, properties=kids))
            ),
        ),
        NAMES,
        _tree(depth - 1),
        st.sampled_from(["object", "list"]),
    )
    return st.lists(st.one_of(leaf, nested), max_size=4).map(tuple)


def _naive(props: tuple[Property, ...], prefix: str = "") -> Iterator[tuple[str, Property]]:
    for p in props:
        yield prefix + p.name, p
        yield from _naive(p.type.nested_properties, prefix + p.name + ".")


@given(_tree(3), st.sampled_from(["", "root."]))
def test_walk_is_the_depth_first_walk_parents_first(props, prefix) -> None:
    expected = list(_naive(props, prefix))
    assert list(walk(props, prefix)) == expected
    # Again: from the cache when the prefix is empty, and still the same.
    assert list(walk(props, prefix)) == expected
    assert list(walk(list(props), prefix)) == expected  # any iterable, uncached


def test_the_cache_holds_a_bounded_number_of_trees() -> None:
    trees = [(Property(f"p{i}", Type(TypeKind.STRING)),) for i in range(200)]
    for t in trees:
        assert [path for path, _ in walk(t)] == [t[0].name]
    assert len(walk_module._RECENT) <= walk_module._RECENT_SIZE
    # The oldest were evicted and are walked afresh, with the same answer.
    assert [path for path, _ in walk(trees[0])] == ["p0"]
