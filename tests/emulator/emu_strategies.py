"""Hypothesis strategies for request bodies, derived from a resource's API shape (the model)."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from hypothesis import strategies as st

from generator.emulator.shapes import ENVELOPE, Leaf, Shape, join
from generator.model.nodes import STRING_MAP_KINDS, Presence, Type, TypeKind, Validation

TEXT = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789-_ ./", max_size=12)
KEYS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=8)


def _string(val: Validation) -> st.SearchStrategy[str]:
    low, high = val.min_length or 0, val.max_length if val.max_length is not None else 12
    if val.regex:
        return st.from_regex(val.regex, fullmatch=True).filter(lambda s: low <= len(s) <= high)
    return st.text(
        alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_ ./", min_size=low, max_size=high
    )


def value_strategy(leaf: Leaf, t: Type) -> st.SearchStrategy[Any]:
    val = leaf.prop.validation
    kind = t.kind
    if kind is TypeKind.ENUM:
        return st.sampled_from(t.enum_values)
    if kind is TypeKind.TIME:
        return st.datetimes(timezones=st.just(UTC)).map(lambda d: d.isoformat())
    if kind.is_string_like:
        return _string(val)
    if kind is TypeKind.INTEGER:
        low = int(val.minimum) if val.minimum is not None else -(2**31)
        high = int(val.maximum) if val.maximum is not None else 2**31
        return st.integers(low, high)
    if kind is TypeKind.DOUBLE:
        return st.floats(
            val.minimum if val.minimum is not None else -1e6,
            val.maximum if val.maximum is not None else 1e6,
            allow_nan=False,
            allow_infinity=False,
        )
    if kind is TypeKind.BOOLEAN:
        return st.booleans()
    if kind is TypeKind.NESTED_OBJECT:
        return object_strategy(leaf.obj or Shape())
    high = min(val.max_items if val.max_items is not None else 3, 3)
    low = min(val.min_items or 0, high)
    if kind is TypeKind.ARRAY:
        item = value_strategy(leaf, t.item or Type(TypeKind.STRING))
        return st.lists(
            item,
            min_size=low,
            max_size=high,
            unique=t.is_set and not t.item.is_block if t.item else False,
        )
    value_type = t.value if kind is TypeKind.MAP and t.value else Type(TypeKind.STRING)
    assert kind is TypeKind.MAP or kind in STRING_MAP_KINDS
    return st.dictionaries(KEYS, value_strategy(leaf, value_type), min_size=low, max_size=high)


def object_strategy(shape: Shape) -> st.SearchStrategy[dict[str, Any]]:
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for key, entry in shape.fields.items():
        if isinstance(entry, Shape):
            required[key] = object_strategy(entry)
        elif entry.prop.presence is Presence.REQUIRED:
            required[key] = value_strategy(entry, entry.prop.type)
        elif entry.prop.presence.settable:
            optional[key] = value_strategy(entry, entry.prop.type)
    return st.fixed_dictionaries(required, optional=optional)


def check_readback(shape: Shape, sent: Any, got: Any, path: str = "") -> None:
    """`got` is `sent` minus write-only values, plus server values, and nothing else."""
    sent = sent if isinstance(sent, dict) else {}
    assert isinstance(got, dict), path
    for key, entry in shape.fields.items():
        sub = join(path, key)
        if isinstance(entry, Shape):
            if key in sent or key in got:
                check_readback(entry, sent.get(key), got.get(key), sub)
            continue
        prop = entry.prop
        if prop.write_only:
            assert key not in got, f"write-only {sub} returned"
        elif prop.presence is Presence.COMPUTED:
            assert key in got, f"computed {sub} missing"
        elif key in sent:
            _check_value(entry, sent[key], got.get(key), sub)
        elif prop.presence is Presence.OPTIONAL_COMPUTED:
            assert key in got, f"optional+computed {sub} not filled by the server"
        else:
            assert key not in got, f"{sub} made up by the server"
    extra = set(got) - set(shape.fields)
    allowed = ENVELOPE if path == "" else ({"provisioningState"} if path == "properties" else set())
    assert extra <= allowed, f"{path or 'body'}: unexpected {extra}"


def _check_value(leaf: Leaf, sent: Any, got: Any, path: str) -> None:
    kind = leaf.prop.type.kind
    if leaf.obj is None:
        assert got == sent, path
    elif kind is TypeKind.NESTED_OBJECT:
        check_readback(leaf.obj, sent, got, path)
    elif kind is TypeKind.ARRAY:
        assert isinstance(got, list) and len(got) == len(sent), path
        for i, (s, g) in enumerate(zip(sent, got, strict=True)):
            check_readback(leaf.obj, s, g, f"{path}[{i}]")
    else:
        assert isinstance(got, dict) and set(got) == set(sent), path
        for k in sent:
            check_readback(leaf.obj, sent[k], got[k], f"{path}.{k}")


def primitive_leaves(shape: Shape, body: Any, path: str = "") -> list[tuple[str, Leaf, list[str]]]:
    """(api path, leaf, key path) of every primitive value present in `body`."""
    out: list[tuple[str, Leaf, list[str]]] = []
    if not isinstance(body, dict):
        return out
    for key, entry in shape.fields.items():
        if key not in body:
            continue
        sub = join(path, key)
        if isinstance(entry, Shape):
            out += [
                (p, leaf, [key, *keys]) for p, leaf, keys in primitive_leaves(entry, body[key], sub)
            ]
        elif entry.prop.type.kind.is_primitive:
            out.append((sub, entry, [key]))
        elif entry.prop.type.kind is TypeKind.NESTED_OBJECT and entry.obj is not None:
            nested = primitive_leaves(entry.obj, body[key], sub)
            out += [(p, leaf, [key, *keys]) for p, leaf, keys in nested]
    return out


def wrong_value(leaf: Leaf) -> Any:
    """A value of the wrong JSON type, or outside the enum, for a primitive leaf."""
    kind = leaf.prop.type.kind
    if kind is TypeKind.ENUM:
        return "NotOneOfThem"
    if kind.is_string_like:
        return 12345
    if kind is TypeKind.BOOLEAN:
        return "true"
    return "not-a-number"
