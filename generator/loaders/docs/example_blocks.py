"""How many of each block the page's examples write, read with a real HCL parser
(python-hcl2, as `docs_lint.hcl`), so that a block the wording reads as single ("A
`container` block as defined below.") becomes a list when an example repeats it.

Only the examples' `resource "<this type>"` blocks count; a `dynamic "x"` block counts as
many (it exists to repeat `x`), and its `content` body is read as the body of `x`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from ...model.nodes import Example, Property, Type, TypeKind
from .report import Report

BlockPath = tuple[str, ...]
MANY = 2  # what a `dynamic` block counts as


def block_counts(
    examples: tuple[Example, ...], tf_name: str, report: Report
) -> dict[BlockPath, int]:
    """The most blocks of each path (`("container", "ports")`) inside one parent block,
    over every `resource "<tf_name>"` block of every example."""
    counts: dict[BlockPath, int] = {}
    for ex in examples:
        tree = _parse(ex, report)
        if tree is None:
            continue
        for block in _blocks(_body(tree)):
            name, labels, body = _parts(block)
            if name == "resource" and labels[:1] == [tf_name] and body is not None:
                _count(body, (), counts)
    return counts


def _parse(ex: Example, report: Report) -> Any:
    import hcl2  # imported on first use: building the grammar costs ~0.3 s

    try:
        return hcl2.parses_to_tree(ex.config)
    except RecursionError:
        reason = "it nests too deeply"
    except Exception as exc:  # a third-party parser: whatever it raises means "not HCL"
        line = getattr(exc, "line", None)
        reason = f"it does not parse (line {line} of the example)" if line else "it does not parse"
    report.bag.warning(
        "docs-example-hcl",
        f"example `{ex.name}` is not valid HCL ({reason}); its blocks were not counted",
        ex.loc,
        "fix the example; `mmgen docs lint` shows where",
    )
    return None


def _children(tree: Any) -> list[Any]:
    return list(getattr(tree, "children", []))


def _is(tree: Any, kind: str) -> bool:
    return getattr(tree, "data", None) == kind


def _body(tree: Any) -> Any:
    return next((c for c in _children(tree) if _is(c, "body")), None)


def _blocks(body: Any) -> list[Any]:
    return [c for c in _children(body) if _is(c, "block")]


def _text(tree: Any) -> str:
    """An identifier's name, or a string label's text (the tokens under it, unquoted)."""
    tokens = tree.scan_values(lambda v: not hasattr(v, "data"))
    return "".join(str(t) for t in tokens).strip('"')


def _parts(block: Any) -> tuple[str, list[str], Any]:
    """A block's type, labels and body."""
    kids = _children(block)
    name = _text(kids[0]) if kids and _is(kids[0], "identifier") else ""
    labels = [_text(c) for c in kids[1:] if _is(c, "string") or _is(c, "identifier")]
    return name, labels, _body(block)


def _count(body: Any, path: BlockPath, counts: dict[BlockPath, int]) -> None:
    here: Counter[str] = Counter()
    for block in _blocks(body):
        name, labels, inner = _parts(block)
        if name == "dynamic" and labels:
            name = labels[0]
            here[name] += MANY
            content = next((b for b in _blocks(inner) if _parts(b)[0] == "content"), None)
            inner = _body(content) if content is not None else None
        else:
            here[name] += 1
        if inner is not None:
            _count(inner, path + (name,), counts)
    for name, n in here.items():
        key = path + (name,)
        counts[key] = max(counts.get(key, 0), n)


def lists_from_examples(
    props: tuple[Property, ...],
    counts: dict[BlockPath, int],
    report: Report,
    path: BlockPath = (),
) -> tuple[Property, ...]:
    """`props` with each single block an example repeats made an Array of it."""
    out: list[Property] = []
    for p in props:
        here = path + (p.name,)
        t = p.type
        obj = (
            t if t.kind is TypeKind.NESTED_OBJECT else t.item if t.kind is TypeKind.ARRAY else None
        )
        if obj is None or obj.kind is not TypeKind.NESTED_OBJECT:
            out.append(p)
            continue
        inner = replace(obj, properties=lists_from_examples(obj.properties, counts, report, here))
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
