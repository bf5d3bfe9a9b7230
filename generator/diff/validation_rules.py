"""Field rules about what values are accepted: validation bounds, enums and relations."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Location
from ..model.nodes import Property, Type, TypeKind
from ..model.server_names import has_derived_regex


def _enum_values(t: Type) -> tuple[str, ...] | None:
    """The values an Enum (or an Array of Enum) accepts; None: any string."""
    if t.kind is TypeKind.ENUM:
        return t.enum_values
    if t.kind is TypeKind.ARRAY and t.item is not None and t.item.kind is TypeKind.ENUM:
        return t.item.enum_values
    return None


def validation_findings(b: Property, h: Property) -> Iterator[tuple[str, str, Location]]:
    """(rule, message, location) for each way `h` accepts fewer values than `b`, and one
    `field-loosening` when it accepts more."""
    old, new = b.validation, h.validation
    loc = new.loc if new.loc.line else h.loc
    loosened: list[str] = []
    if (new.min_items or 0) > (old.min_items or 0):
        yield "field-growing-min", f"min_items raised from {old.min_items or 0} to {new.min_items}", loc
    elif (new.min_items or 0) < (old.min_items or 0):
        loosened.append("min_items")
    if new.max_items is not None and (old.max_items is None or new.max_items < old.max_items):
        was = "no limit" if old.max_items is None else str(old.max_items)
        yield "field-shrinking-max", f"max_items lowered from {was} to {new.max_items}", loc
    elif old.max_items is not None and (new.max_items is None or new.max_items > old.max_items):
        loosened.append("max_items")
    if (
        old.regex != new.regex
        and has_derived_regex(h)
        and (has_derived_regex(b) or old.regex is None)
    ):
        # The regex is the parent's id form: say the form, not the expression.
        if b.parent_id:
            what = f"the parent's id form changed from `{b.parent_id}` to `{h.parent_id}`"
        else:
            what = f"now holds the id of a parent, of the form `{h.parent_id}`"
        at = h.parent_id_loc if h.parent_id_loc.line else loc
        yield "field-tightening-validation", what + " (ids of another form fail it)", at
    elif old.regex != new.regex:
        if old.regex is None:
            yield "field-adding-validation", f"regex `{new.regex}` added", loc
        elif new.regex is None:
            loosened.append("regex")
        else:
            yield (
                "field-tightening-validation",
                f"regex changed from `{old.regex}` to `{new.regex}` (values the old one "
                "accepted may fail it)",
                loc,
            )
    # Lower bounds: raising one tightens; upper bounds: lowering one tightens.
    for key, lower in (
        ("min_length", True),
        ("max_length", False),
        ("minimum", True),
        ("maximum", False),
    ):
        was, now = getattr(old, key), getattr(new, key)
        if was == now:
            continue
        if was is None:
            yield "field-adding-validation", f"{key} {now} added", loc
        elif now is None or (now < was if lower else now > was):
            loosened.append(key)
        else:
            yield "field-tightening-validation", f"{key} changed from {was} to {now}", loc
    old_enum, new_enum = _enum_values(b.type), _enum_values(h.type)
    if new_enum is not None and old_enum is None:
        yield "field-adding-validation", "now limited to the values " + _list(new_enum), h.loc
    elif new_enum is not None and old_enum is not None:
        gone = [v for v in old_enum if v not in new_enum]
        if gone:
            yield "field-tightening-validation", "enum value(s) removed: " + _list(gone), h.loc
        if any(v not in old_enum for v in new_enum):
            loosened.append("enum values added")
    elif old_enum is not None and new_enum is None:
        loosened.append("enum (any string)")
    if loosened:
        yield "field-loosening", "accepts more values: " + ", ".join(loosened), loc


def _list(values: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"`{v}`" for v in values)


def relation_findings(
    b: Property, h: Property, path: str, base_paths: frozenset[str]
) -> Iterator[tuple[str, str, str | None]]:
    """New relations that reject configurations the old ones accepted: (rule, message,
    the group's key, so that a group is reported once rather than at every member)."""
    for key in ("exactly_one_of", "at_least_one_of"):
        old, new = set(getattr(b, key)), set(getattr(h, key))
        if old == new or not new:
            continue
        existing = (new - old) & base_paths
        one = key == "exactly_one_of"
        if not old or (old - new) or (one and existing):
            rule = (
                "resource-schema-field-addition-of-exactly-one-of"
                if one
                else "field-new-constraint"
            )
            group = _list(sorted(new))
            was = f" (was [{_list(sorted(old))}])" if old else ""
            yield rule, f"{key} [{group}] is new or changed{was}", f"{key}:{group}"
    new_with = set(h.required_with) - set(b.required_with)
    if new_with:
        yield "field-new-constraint", f"now requires {_list(sorted(new_with))} when set", None
    conflicts = (set(h.conflicts_with) - set(b.conflicts_with)) & base_paths
    if conflicts:
        yield "field-new-constraint", f"now conflicts with {_list(sorted(conflicts))}", None
