"""How many of each block the page's examples write, read with a real HCL parser
(`hcl_parse`, as `docs lint` uses), so that a block the wording reads as single ("A
`container` block as defined below.") becomes a list when an example repeats it.

Only the examples' `resource "<this type>"` blocks count; a `dynamic "x"` block counts as
many (it exists to repeat `x`), and its `content` body is read as the body of `x`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from ...hcl_parse import Attribute, Body, HclSyntaxError, parse_hcl
from ...model.nodes import Example, Property, Type, TypeKind
from .report import Report

BlockPath = tuple[str, ...]
MANY = 2  # what a `dynamic` block counts as


@dataclass
class ExampleShapes:
    """What the examples' `resource "<this type>"` blocks write: the most blocks of each
    path (`("container", "ports")`) inside one parent block, and the paths of arguments
    written as a list (`accepted_protocols = ["Http", "Https"]`)."""

    counts: dict[BlockPath, int] = field(default_factory=dict)
    lists: set[BlockPath] = field(default_factory=set)


def block_counts(examples: tuple[Example, ...], tf_name: str, report: Report) -> ExampleShapes:
    """The shapes every `resource "<tf_name>"` block of every example writes."""
    shapes = ExampleShapes()
    for ex in examples:
        body = _parse(ex, report)
        if body is None:
            continue
        for block in body.blocks:
            if block.name == "resource" and block.labels[:1] == (tf_name,):
                _count(block.body, (), shapes)
    return shapes


def _parse(ex: Example, report: Report) -> Body | None:
    try:
        return parse_hcl(ex.config)
    except HclSyntaxError as err:
        reason = f"it does not parse (line {err.line} of the example)"
    report.bag.warning(
        "docs-example-hcl",
        f"example `{ex.name}` is not valid HCL ({reason}); its blocks were not counted",
        ex.loc,
        "fix the example; `mmgen docs lint` shows where",
    )
    return None


def _count(body: Body, path: BlockPath, shapes: ExampleShapes) -> None:
    here: Counter[str] = Counter()
    counts = shapes.counts
    for item in body.items:
        if isinstance(item, Attribute) and item.expr.kind == "list":
            shapes.lists.add(path + (item.name,))
    for block in body.blocks:
        name, inner = block.name, block.body
        if name == "dynamic" and block.labels:
            name = block.labels[0]
            here[name] += MANY
            content = next((b for b in inner.blocks if b.name == "content"), None)
            inner = content.body if content is not None else Body((), 1, 1)
        else:
            here[name] += 1
        _count(inner, path + (name,), shapes)
    for name, n in here.items():
        key = path + (name,)
        counts[key] = max(counts.get(key, 0), n)


def lists_from_examples(
    props: tuple[Property, ...],
    shapes: ExampleShapes,
    report: Report,
    path: BlockPath = (),
) -> tuple[Property, ...]:
    """`props` with each single block an example repeats made an Array of it, and each
    scalar argument an example writes as a list made an Array of its type."""
    out: list[Property] = []
    counts = shapes.counts
    for p in props:
        here = path + (p.name,)
        t = p.type
        if t.kind.is_primitive and here in shapes.lists:
            report.guess(
                "properties." + ".".join(here),
                f"list: an example writes `{p.name}` as a list, though the text reads as one "
                "value",
            )
            item = replace(t, loc=p.loc)
            out.append(replace(p, type=Type(TypeKind.ARRAY, item=item), default=None))
            continue
        obj = (
            t if t.kind is TypeKind.NESTED_OBJECT else t.item if t.kind is TypeKind.ARRAY else None
        )
        if obj is None or obj.kind is not TypeKind.NESTED_OBJECT:
            out.append(p)
            continue
        inner = replace(obj, properties=lists_from_examples(obj.properties, shapes, report, here))
        n = counts.get(here, 0)
        if t.kind is TypeKind.NESTED_OBJECT and n >= MANY:
            t = Type(TypeKind.ARRAY, item=inner)
            report.guess(
                "properties." + ".".join(here),
                f"list: an example repeats the `{p.name}` block (or writes it `dynamic`), "
                "though the text reads as one",
            )
        elif t.kind is TypeKind.NESTED_OBJECT:
            t = inner
        else:
            t = replace(t, item=inner)
        out.append(replace(p, type=t))
    return tuple(out)
