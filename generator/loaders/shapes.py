"""A tiny declarative language for the shape of spec documents.

One declaration feeds both the structural checker (`shape_check.py`) and the JSON Schema
we publish for editors (`mmgen/json_schema.py`), so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Str:
    doc: str = ""
    enum: tuple[str, ...] = ()
    pattern: str | None = None  # a regex the value must match (anchored)
    # What `pattern` means, for messages ("a Go module path"); None: a snake_case name.
    rule: str | None = None


@dataclass(frozen=True)
class Int:
    doc: str = ""
    minimum: int | None = None


@dataclass(frozen=True)
class Num:
    doc: str = ""


@dataclass(frozen=True)
class Bool:
    doc: str = ""


@dataclass(frozen=True)
class AnyScalar:
    """A string, number or boolean (defaults, whose type depends on the property)."""

    doc: str = ""


@dataclass(frozen=True)
class ListOf:
    item: Shape
    doc: str = ""


@dataclass(frozen=True)
class MapOf:
    value: Shape
    doc: str = ""
    key_pattern: str | None = None


@dataclass(frozen=True)
class Ref:
    """A reference to a named object shape (for recursion: properties hold properties)."""

    name: str
    doc: str = ""


@dataclass(frozen=True)
class Nullable:
    inner: Shape
    doc: str = ""


@dataclass(frozen=True)
class Key:
    shape: Shape
    required: bool = False


@dataclass(frozen=True)
class Obj:
    name: str
    keys: dict[str, Key] = field(default_factory=dict, hash=False)
    doc: str = ""
    # Accept a bare string in place of the object, meaning {<key>: value}.
    shorthand_key: str | None = None


Shape = Str | Int | Num | Bool | AnyScalar | ListOf | MapOf | Ref | Nullable | Obj


def shape_doc(shape: Shape) -> str:
    return shape.doc
