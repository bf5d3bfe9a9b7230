"""Every property of a tree at every depth, with its dotted path from the resource root:
what validation, the docs pages and the targets all iterate."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .nodes import Property


def walk(props: Iterable[Property], prefix: str = "") -> Iterator[tuple[str, Property]]:
    # Depth-first, parents before their children, with a stack of our own: a recursive
    # generator passes each item up through every level (`yield from`), and this is
    # iterated dozens of times per resource.
    found: list[tuple[str, Property]] = []
    stack: list[tuple[str, Iterator[Property]]] = [(prefix, iter(props))]
    while stack:
        at, level = stack[-1]
        p = next(level, None)
        if p is None:
            stack.pop()
            continue
        path = at + p.name
        found.append((path, p))
        nested = p.type.nested_properties
        if nested:
            stack.append((path + ".", iter(nested)))
    return iter(found)
