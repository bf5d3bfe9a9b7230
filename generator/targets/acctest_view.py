"""Acceptance-test cases per example: the config, the steps that change it, what to expect.

The change steps are the example's own `updates` when the spec has them (mmv1's later
sample steps). Otherwise they are derived from the example itself: first an in-place
update (a test var that feeds an updatable field gets a new value; else a literal string
or number of an updatable top-level field gets a new value that keeps its validation),
then a replacement (a var that feeds a field that forces new gets a new value). The expected action is an
in-place update when every changed field can be updated, a replacement when one forces
new (or the resource is immutable), and unchecked when the change is elsewhere (another
resource of the example, a block with fields of both kinds).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..model.nodes import Checks, Example, MapView, Presence, Property, Resource, TypeKind
from ..render.literals import py
from ..validate import EXAMPLE_VAR, walk
from .acctest_values import addable, fresh_literal, next_text

FIELD_WITH_VAR = re.compile(
    r"^\s*([a-z_][a-z0-9_]*)\s*=\s*\"[^\"\n]*\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}"
)
# `name = "text"` or `name = 12` on one line, the value free of interpolation and escapes.
LITERAL_FIELD = re.compile(r'^(\s*([a-z_][a-z0-9_]*)\s*=\s*)("[^"\\$%{}\n]*"|-?\d+)\s*$')
TOP_ENTRY = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*(=|\{)")


@dataclass(frozen=True)
class ChangeStep:
    config: str  # filled with the test values
    field: str | None  # the field the change is about, when one
    action: str | None  # "update" | "replace" | None: not checked
    checks: Checks = ()  # (state attribute, expected value) after the step applies


# `resource "<type>" "<label>"` and what follows it: one pattern for every type and label
# (one built per resource and label missed the regex cache on a corpus: ~2,000 compiles).
RESOURCE_HEADER = re.compile(r'resource\s+"([^"]+)"\s+"([^"]+)"(\s*\{)?')


def _primary(res: Resource, ex: Example) -> str:
    if ex.primary_resource:
        return ex.primary_resource
    label = next(
        (
            m.group(2)
            for m in RESOURCE_HEADER.finditer(ex.config)
            if m.group(1) == res.terraform_name
        ),
        "example",
    )
    return f"{res.terraform_name}.{label}"


BRACE = re.compile(r"[{}]")


def _block_span(res: Resource, config: str, primary: str) -> tuple[int, int] | None:
    """Where the primary resource's block body sits in `config` (brace-matched)."""
    return _span(res.terraform_name, config, primary.split(".", 1)[1])


@functools.lru_cache(maxsize=256)
def _span(type_name: str, config: str, label: str) -> tuple[int, int] | None:
    # Asked several times per example (each kind of change step, the checks): kept.
    m = next(
        (
            m
            for m in RESOURCE_HEADER.finditer(config)
            if m.group(1) == type_name and m.group(2) == label and m.group(3)
        ),
        None,
    )
    if not m:
        return None
    depth = 1
    for brace in BRACE.finditer(config, m.end()):
        depth += 1 if brace.group() == "{" else -1
        if not depth:
            return m.end(), brace.start()
    return m.end(), len(config) - 1  # unclosed: up to the last character


def _resource_block(res: Resource, config: str, primary: str) -> str:
    span = _block_span(res, config, primary)
    return config[span[0] : span[1]] if span else ""


def _updatable(res: Resource, prop: Property) -> bool:
    return not (prop.forces_new or res.rest.replaces(prop.name))


def _top_entries(block: str) -> dict[str, str]:
    """Each top-level argument or block of a resource body, by name, with its text."""
    entries: dict[str, list[str]] = {}
    depth, current = 0, None
    for line in block.splitlines():
        if depth == 0:
            m = TOP_ENTRY.match(line)
            current = m.group(1) if m else None
        if current is not None:
            entries.setdefault(current, []).append(line.strip())
        depth += line.count("{") + line.count("[") + line.count("(")
        depth -= line.count("}") + line.count("]") + line.count(")")
        depth = max(depth, 0)
    return {k: "\n".join(v) for k, v in entries.items()}


def _expected_action(res: Resource, before: str, after: str) -> tuple[str | None, str | None]:
    """(field, action) of a spec-given update step, from the primary block's changes."""
    top = {p.name: p for p in res.properties}
    old, new = _top_entries(before), _top_entries(after)
    changed = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    props = [top.get(k) for k in changed]
    if not changed or any(p is None for p in props):
        return (changed[0] if changed else None), None
    known = [p for p in props if p is not None]
    if any(not _updatable(res, p) for p in known):
        return known[0].name, "replace"
    if any(any(q.forces_new for _, q in walk(p.type.nested_properties)) for p in known):
        return known[0].name, None  # which nested field changed decides: not checked
    return known[0].name, "update"


def _new_literal(prop: Property, literal: str) -> str | None:
    """Another valid value for a literal, or None when none is safely known."""
    if literal.startswith('"'):
        if not prop.type.kind.is_string_like:
            return None
        new = next_text(prop, literal[1:-1])
        return None if new is None or '"' in new or "\\" in new else '"' + new + '"'
    if prop.type.kind in (TypeKind.INTEGER, TypeKind.DOUBLE):
        return next_text(prop, literal)
    return None


def _literal_change(res: Resource, ex: Example, primary: str) -> tuple[str, str, str] | None:
    """(changed config template, field, new value): an updatable literal of the primary
    block altered."""
    span = _block_span(res, ex.config, primary)
    if span is None:
        return None
    top = {p.name: p for p in res.properties}
    body = ex.config[span[0] : span[1]]
    offset, depth = span[0], 0
    for line in body.splitlines(keepends=True):
        m = LITERAL_FIELD.match(line.rstrip("\n")) if depth == 0 else None
        prop = top.get(m.group(2)) if m else None
        if (
            m
            and prop is not None
            and prop.presence.settable
            and not (prop.write_only or prop.ignore_read or prop.url_param_only)
            and prop.name not in ("name", "project", "region", "zone", "location")
            and _updatable(res, prop)
        ):
            new = _new_literal(prop, m.group(3))
            if new is not None:
                start = offset + m.start(3)
                end = offset + m.end(3)
                return ex.config[:start] + new + ex.config[end:], prop.name, new.strip('"')
        depth += line.count("{") - line.count("}")
        offset += len(line)
    return None


def _var_change(
    res: Resource, ex: Example, primary: str, updatable: bool
) -> tuple[str, str, str] | None:
    """(var name, field, new test value) of the first var feeding a top-level field that
    can (or cannot) be updated in place, with a new value valid for that field."""
    top = {p.name: p for p in res.properties}
    by_name = {v.name: v for v in ex.vars}
    for line in _resource_block(res, ex.config, primary).splitlines():
        m = FIELD_WITH_VAR.match(line)
        if not m or m.group(1) not in top or m.group(2) not in by_name:
            continue
        prop, var = top[m.group(1)], by_name[m.group(2)]
        if var.env:
            continue  # the environment's value (an existing project): not the test's to change
        if updatable and _in_identity(res, prop):
            continue  # a new value names another object: not an update of this one
        if _updatable(res, prop) is not updatable:
            continue
        # The whole value is the var (`"{{x}}"`): it must be valid for the field.
        whole = re.search(r'=\s*"\{\{\s*' + re.escape(var.name) + r'\s*\}\}"\s*$', line)
        new = next_text(prop, var.test) if whole else var.test + "-upd"
        if new is not None:
            return var.name, prop.name, new
    return None


def _added_field(res: Resource, ex: Example, primary: str) -> tuple[str, str, str] | None:
    """(changed config template, field, value): an optional updatable argument the example
    leaves unset, set, so the step goes through the resource's update call."""
    span = _block_span(res, ex.config, primary)
    if span is None:
        return None
    present = _top_entries(ex.config[span[0] : span[1]])
    for prop in res.properties:
        if prop.name in present or not addable(res, prop) or _in_identity(res, prop):
            continue
        literal = fresh_literal(prop)
        if literal is None:
            continue
        body = ex.config[span[0] : span[1]]
        lines = [ln for ln in body.splitlines() if ln.strip()]
        indent = (lines[0][: len(lines[0]) - len(lines[0].lstrip())] if lines else "") or "  "
        closing = body[len(body.rstrip(" \t")) :] if body.rstrip(" \t").endswith("\n") else "\n"
        new_body = body.rstrip() + f"\n{indent}{prop.name} = {literal}\n" + closing.lstrip("\n")
        return ex.config[: span[0]] + new_body + ex.config[span[1] :], prop.name, literal.strip('"')
    return None


def _in_identity(res: Resource, prop: Property) -> bool:
    """The field is a parameter of the resource's URL or Terraform ID, so changing it in
    place would point the provider at another object (mmv1 specs leave such a `name`
    updatable, e.g. Network Services Mesh)."""
    rest = res.rest
    templates = (rest.id_template, rest.id_format or "", rest.update_url or "")
    return prop.url_param_only or any("{" + prop.name + "}" in t for t in templates)


def raw_fill(text: str, ex: Example) -> str:
    """`{{var}}` placeholders filled with test values as they are (no HCL escaping): check
    values are compared with state, not written into HCL."""
    values = {v.name: f"{{env:{v.env}}}" if v.env else v.test for v in ex.vars}
    return EXAMPLE_VAR.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _check_of(prop_name: str, res: Resource, value: str) -> Checks:
    top = {p.name: p for p in res.properties}
    prop = top.get(prop_name)
    if prop is None or not prop.type.kind.is_primitive or prop.sensitive:
        return ()
    return ((prop_name, value),)


def change_steps(
    res: Resource, ex: Example, primary: str, fill: Callable[[str, Example, str], str]
) -> tuple[ChangeStep, ...]:
    """The steps that change the example after it is created, filled with test values."""
    steps: list[ChangeStep] = []
    if ex.updates:
        before = ex.config
        for i, update in enumerate(ex.updates):
            field, action = _expected_action(
                res, _resource_block(res, before, primary), _resource_block(res, update, primary)
            )
            given = ex.update_checks[i] if i < len(ex.update_checks) else ()
            checks = tuple((k, raw_fill(v, ex)) for k, v in given)
            steps.append(ChangeStep(fill(update, ex, "test"), field, action, checks))
            before = update
        return tuple(steps)
    # An in-place update first (by var, else by literal, else by setting an optional
    # argument the example leaves out), then a replacement when a var feeds a field that
    # forces new: both code paths, on the same object in turn.
    template, current = ex.config, ex
    by_var = _var_change(res, ex, primary, updatable=True)
    literal = (
        None if by_var else _literal_change(res, ex, primary) or _added_field(res, ex, primary)
    )
    if by_var is not None:
        current = _bumped(ex, by_var[0], by_var[2])
        checks = _check_of(by_var[1], res, by_var[2])
        steps.append(ChangeStep(fill(template, current, "test"), by_var[1], "update", checks))
    elif literal is not None:
        template = literal[0]
        checks = _check_of(literal[1], res, literal[2])
        steps.append(ChangeStep(fill(template, current, "test"), literal[1], "update", checks))
    replacing = _var_change(res, ex, primary, updatable=False)
    if replacing is not None:
        current = _bumped(current, replacing[0], replacing[2])
        steps.append(ChangeStep(fill(template, current, "test"), replacing[1], "replace"))
    return tuple(steps)


def _bumped(ex: Example, var_name: str, value: str) -> Example:
    """The example with a new test value for one var."""
    return replace(
        ex, vars=tuple(replace(v, test=value) if v.name == var_name else v for v in ex.vars)
    )


def _server_filled_blocks(res: Resource, config: str) -> set[str]:
    """Optional+computed blocks the example leaves out: the service fills them, and Terraform
    keeps a block the plan left absent out of the applied state, while an import (which has
    no configuration) reads the service's value. Their import value cannot match."""
    return {
        path
        for path, p in walk(res.properties)
        if p.presence is Presence.OPTIONAL_COMPUTED
        and p.type.is_block
        and not (
            p.name in config  # most names are not in the config at all: no regex for them
            and re.search(rf"(^|\s){re.escape(p.name)}\s*\{{", config, re.MULTILINE)
        )
    }


def _env_vars(ex: Example) -> tuple[tuple[str, str], ...]:
    """(variable, emulator value) of each environment variable the example's tests read."""
    used = set(EXAMPLE_VAR.findall(ex.config))
    for update in ex.updates:
        used |= set(EXAMPLE_VAR.findall(update))
    found = {v.env: v.test for v in ex.vars if v.env and v.name in used}
    return tuple(sorted(found.items()))


# `name = 0` (or 0.0, false, "") alone on its line: a zero the example writes.
ZERO_SETTING = re.compile(
    r"(?:^|\s)([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(?:0|0\.0|false|\"\")\s*$", re.M
)


def _zeros_not_sent(res: Resource, config: str) -> set[str]:
    """`omit_empty` fields the example sets to a zero (0, false, ""): the zero is not sent,
    so the API cannot return it, and an import (which has no configuration) reads null."""
    zeroed = set(ZERO_SETTING.findall(config))  # one scan, not one per field
    if not zeroed:
        return set()
    return {
        path
        for path, p in walk(res.properties)
        if p.name in zeroed and p.omit_empty and p.type.kind.is_primitive
    }


def acceptance_data(
    res: Resource, fill: Callable[[str, Example, str], str]
) -> list[dict[str, Any]]:
    """Each example's case as plain values; every target writes them in its own language.

    `changes` is a tuple of (filled config, field or None, action or None) per change step;
    `env` the (variable, emulator value) pairs whose `{env:NAME}` tokens the configs hold.
    """
    cases = []
    # What an import cannot read back: write-only and ignore_read fields, and the
    # non-authoritative map views (an import manages no labels yet: `labels` and
    # `terraform_labels` are empty until the configuration names them, as upstream's tests
    # ignore them on import verify); nor the version of a write-only argument, which lives
    # in state alone.
    write_only = sorted(
        path
        for path, p in walk(res.properties)
        if p.write_only
        or p.ignore_read
        or p.config_only
        or p.version_of is not None
        or p.map_view in (MapView.CONFIGURED, MapView.MERGED)
    )
    for ex in res.examples:
        primary = _primary(res, ex)
        steps = change_steps(res, ex, primary, fill)
        cases.append(
            {
                "name": ex.name,
                "config": fill(ex.config, ex, "test"),
                "primary": primary,
                "ignore": tuple(
                    sorted(
                        set(write_only)
                        | set(ex.ignore_read_fields)
                        | _server_filled_blocks(res, ex.config)
                        | _zeros_not_sent(res, ex.config)
                    )
                ),
                "changes": tuple((s.config, s.field, s.action, s.checks) for s in steps),
                "checks": tuple((k, raw_fill(v, ex)) for k, v in ex.checks),
                "env": _env_vars(ex),
                "skip": ex.skip_test,
            }
        )
    return cases


def acceptance_cases(
    res: Resource, fill: Callable[[str, Example, str], str]
) -> list[dict[str, Any]]:
    """The cases as Python literals, for the python target's template."""
    return [{k: py(v) for k, v in case.items()} for case in acceptance_data(res, fill)]
