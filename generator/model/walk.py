"""Every property of a tree at every depth, with its dotted path from the resource root:
what validation, the docs pages and the targets all iterate."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .nodes import Property


def walk(props: Iterable[Property], prefix: str = "") -> Iterator[tuple[str, Property]]:
    for p in props:
        path = f"{prefix}{p.name}"
        yield path, p
        yield from walk(p.type.nested_properties, path + ".")
