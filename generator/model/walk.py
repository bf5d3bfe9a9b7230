"""Every property of a tree at every depth, with its dotted path from the resource root:
what validation, the docs pages and the targets all iterate."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator

from .nodes import Property

# The last few property trees walked, by identity (each held, so that its id cannot be
# reused while it is here): validation, the docs page and every target walk the same
# resource's tree again and again, and a tree is immutable.
_RECENT: OrderedDict[int, tuple[tuple[Property, ...], list[tuple[str, Property]]]] = OrderedDict()
_RECENT_SIZE = 64


def walk(props: Iterable[Property], prefix: str = "") -> Iterator[tuple[str, Property]]:
    if prefix or not isinstance(props, tuple):
        return iter(_walk(props, prefix))
    held = _RECENT.get(id(props))
    if held is not None and held[0] is props:
        _RECENT.move_to_end(id(props))
        return iter(held[1])
    found = _walk(props, prefix)
    _RECENT[id(props)] = (props, found)
    if len(_RECENT) > _RECENT_SIZE:
        _RECENT.popitem(last=False)
    return iter(found)


def _walk(props: Iterable[Property], prefix: str) -> list[tuple[str, Property]]:
    # Depth-first, parents before their children, with a stack of our own: a recursive
    # generator passes each item up through every level (`yield from`).
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
    return found
