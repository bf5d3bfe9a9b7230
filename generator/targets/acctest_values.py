"""New values for an acceptance test's update step, valid for the field they go to.

A value is valid for the field's type, its enum and its validation (length, range, and
the pattern when Python's `re` reads it): an enum gets another of its values, a number
stays in range, a string keeps its length bounds and pattern, so the step reaches the
API's update instead of failing validation.
"""

from __future__ import annotations

import re

from ..model.nodes import Presence, Property, Resource, TypeKind

RANDOM = "{random}"
RANDOM_STAND_IN = "abcd1234"  # what `{random}` becomes, for length and pattern checks


def next_text(prop: Property, old: str) -> str | None:
    """Another value of `prop` as text (a var's test value), or None when none is safe."""
    t, v = prop.type, prop.validation
    if t.kind is TypeKind.ENUM:
        others = [e for e in t.enum_values if e.upper() != old.upper()]
        return others[0] if others else None
    if t.kind is TypeKind.BOOLEAN:
        return {"true": "false", "false": "true"}.get(old.lower())
    if t.kind in (TypeKind.INTEGER, TypeKind.DOUBLE):
        return _next_number(prop, old)
    if t.kind is not TypeKind.STRING:
        return None
    # Words stay words ("A gadget updated"); names get a suffix ("g1-upd").
    first = [old + " updated"] if " " in old else []
    candidates = [*first, old + "-upd", old + "upd", old + "2", "updated", old[:-1] + "x"]
    if old and old[-1] == "x":
        candidates.append(old[:-1] + "y")
    for new in candidates:
        if new != old and _fits(prop, new):
            return new
    if v.max_length is not None and RANDOM not in old:
        trimmed = old[: max(v.max_length - 1, 0)] + "u"
        if trimmed != old and _fits(prop, trimmed):
            return trimmed
    return None


def _next_number(prop: Property, old: str) -> str | None:
    v = prop.validation
    try:
        n = float(old)
    except ValueError:
        return None
    for new in (n + 1, n - 1):
        if v.minimum is not None and new < v.minimum or v.maximum is not None and new > v.maximum:
            continue
        return str(int(new)) if prop.type.kind is TypeKind.INTEGER or new.is_integer() else str(new)
    return None


def _fits(prop: Property, text: str) -> bool:
    v = prop.validation
    sample = text.replace(RANDOM, RANDOM_STAND_IN)
    if v.min_length is not None and len(sample) < v.min_length:
        return False
    if v.max_length is not None and len(sample) > v.max_length:
        return False
    if v.regex:
        try:
            return re.fullmatch(v.regex, sample) is not None
        except re.error:
            return False  # a pattern Python cannot read: no value is known to fit
    return True


def fresh_literal(prop: Property) -> str | None:
    """An HCL literal for an argument the example leaves unset, or None when none is safe."""
    t, v = prop.type, prop.validation
    default = None if prop.default is None else str(prop.default).lower()
    if t.kind is TypeKind.ENUM:
        values = [e for e in t.enum_values if e.lower() != default and e]
        return f'"{values[0]}"' if values and _plain(values[0]) else None
    if t.kind is TypeKind.BOOLEAN:
        return "false" if default == "true" else "true"
    if t.kind in (TypeKind.INTEGER, TypeKind.DOUBLE):
        start = v.minimum if v.minimum is not None else 1
        for n in (start, start + 1):
            if v.maximum is not None and n > v.maximum or str(int(n)) == default:
                continue
            return str(int(n)) if float(n).is_integer() else str(n)
        return None
    if t.kind is TypeKind.STRING:
        for text in ("updated", "updated-by-test", "u"):
            if _fits(prop, text) and text != default:
                return f'"{text}"'
    return None


def _plain(text: str) -> bool:
    return re.fullmatch(r"[A-Za-z0-9_. /:-]*", text) is not None


def addable(res: Resource, prop: Property) -> bool:
    """An optional top-level argument a test can set later, and change in place through
    the resource's update call (or an update group), not in the Terraform state alone."""
    return (
        prop.presence in (Presence.OPTIONAL, Presence.OPTIONAL_COMPUTED)
        and prop.type.kind.is_primitive
        and not (prop.forces_new or res.rest.replaces(prop.name))
        and prop.name not in res.rest.state_only
        and not (prop.write_only or prop.ignore_read or prop.url_param_only or prop.config_only)
        and prop.version_of is None
        and prop.provider_default is None
        and prop.deprecation is None
        and not (prop.conflicts_with or prop.exactly_one_of or prop.required_with)
        and not prop.at_least_one_of
    )
