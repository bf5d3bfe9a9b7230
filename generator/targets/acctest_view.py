"""Acceptance-test cases per example: the config, the step that changes it, what to expect.

The change step is derived from the example itself: a test var that feeds a field of the
resource under test gets a new value; the expected action is an in-place update when that
field can be updated, a replacement when it forces new (or the resource is immutable).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..model.nodes import Example, Presence, Resource
from ..render.literals import py
from ..validate import walk

FIELD_WITH_VAR = re.compile(
    r"^\s*([a-z_][a-z0-9_]*)\s*=\s*\"[^\"\n]*\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}"
)


def _primary(res: Resource, ex: Example) -> str:
    if ex.primary_resource:
        return ex.primary_resource
    m = re.search(r'resource\s+"' + re.escape(res.terraform_name) + r'"\s+"([^"]+)"', ex.config)
    return f"{res.terraform_name}.{m.group(1) if m else 'example'}"


def _resource_block(res: Resource, ex: Example, primary: str) -> str:
    """The text of the primary resource's block in the example (brace-matched)."""
    label = primary.split(".", 1)[1]
    m = re.search(
        r'resource\s+"' + re.escape(res.terraform_name) + r'"\s+"' + re.escape(label) + r'"\s*\{',
        ex.config,
    )
    if not m:
        return ""
    depth, i = 1, m.end()
    while i < len(ex.config) and depth:
        depth += {"{": 1, "}": -1}.get(ex.config[i], 0)
        i += 1
    return ex.config[m.end() : i]


def change_step(res: Resource, ex: Example, primary: str) -> tuple[str, str, str] | None:
    """(var name, field, expected action) of the step that changes the resource, if any."""
    top = {p.name: p for p in res.properties}
    candidates: list[tuple[int, str, str, str]] = []
    for line in _resource_block(res, ex, primary).splitlines():
        m = FIELD_WITH_VAR.match(line)
        if not m or m.group(1) not in top:
            continue
        prop = top[m.group(1)]
        example_var = next((v for v in ex.vars if v.name == m.group(2)), None)
        if example_var is None:
            continue
        updatable = not (prop.forces_new or res.rest.immutable or res.rest.update_verb is None)
        action = "update" if updatable else "replace"
        # Prefer an in-place update (it tests more code), then names that force new.
        candidates.append((0 if updatable else 1, example_var.name, prop.name, action))
    if not candidates:
        return None
    _, var_name, field, action = sorted(candidates)[0]
    return var_name, field, action


def _server_filled_blocks(res: Resource, config: str) -> set[str]:
    """Optional+computed blocks the example leaves out: the service fills them, and Terraform
    keeps a block the plan left absent out of the applied state, while an import (which has
    no configuration) reads the service's value. Their import value cannot match."""
    return {
        path
        for path, p in walk(res.properties)
        if p.type.is_block
        and p.presence is Presence.OPTIONAL_COMPUTED
        and not re.search(rf"(^|\s){re.escape(p.name)}\s*\{{", config, re.MULTILINE)
    }


def acceptance_data(
    res: Resource, fill: Callable[[str, Example, str], str]
) -> list[dict[str, Any]]:
    """Each example's case as plain values; every target writes them in its own language."""
    cases = []
    write_only = sorted(path for path, p in walk(res.properties) if p.write_only or p.ignore_read)
    for ex in res.examples:
        primary = _primary(res, ex)
        step = change_step(res, ex, primary)
        changed_config = None
        if step is not None:
            var_name = step[0]
            changed = Example(
                ex.name,
                ex.config,
                tuple(
                    type(v)(v.name, v.docs, v.test + "-upd" if v.name == var_name else v.test)
                    for v in ex.vars
                ),
            )
            changed_config = fill(ex.config, changed, "test")
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
                    )
                ),
                "changed_config": changed_config,
                "changed_field": step[1] if step else None,
                "expected_action": step[2] if step else None,
                "skip": ex.skip_test,
            }
        )
    return cases


def acceptance_cases(
    res: Resource, fill: Callable[[str, Example, str], str]
) -> list[dict[str, Any]]:
    """The cases as Python literals, for the python target's template."""
    return [{k: py(v) for k, v in case.items()} for case in acceptance_data(res, fill)]
