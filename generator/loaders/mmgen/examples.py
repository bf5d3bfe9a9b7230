"""An mmgen spec's `examples:` entries: their HCL with where it sits in the file, their
update steps (a new `config`, or new test values of some vars) and state checks."""

from __future__ import annotations

import re

from ...model.nodes import Checks, Example, ExampleVar, TextAt
from ..yaml_source import YMap, YNode, YScalar, YSeq


def _text(node: YNode | None) -> str | None:
    if not isinstance(node, YScalar) or node.value is None or isinstance(node.value, bool):
        return None
    return node.value if isinstance(node.value, str) else node.raw


def _get(m: YMap, key: str, default: str = "") -> str:
    value = _text(m.get(key))
    return default if value is None else value


def text_at(node: YNode | None) -> TextAt | None:
    """Where a scalar's text starts: exactly for a `|` block, else the scalar's line."""
    if not isinstance(node, YScalar):
        return None
    if node.body.line:
        return TextAt(node.body, exact=True)
    return TextAt(node.loc)


def _checks(node: YNode | None) -> Checks:
    if not isinstance(node, YMap):
        return ()
    out = {}
    for k, v in node.entries:
        if isinstance(v, YScalar) and v.value is not None:
            # State holds every primitive as text in Terraform's rendering: `true`, `3`.
            value = v.value
            out[str(k.value)] = str(value).lower() if isinstance(value, bool) else v.raw
    return tuple(sorted(out.items()))


def _var_step(
    config: str, values: YMap, index: int, ex_vars: list[ExampleVar]
) -> tuple[str, list[ExampleVar]]:
    """The previous configuration with each named var given its own placeholder for this
    step (`<var>_step<n>`), whose test value is the new one (its docs value the old)."""
    by_name = {v.name: v for v in ex_vars}
    added = []
    for k, v in values.entries:
        name, value = str(k.value), _text(v)
        old = by_name.get(name)
        if old is None or value is None:
            continue  # an unknown var: reported by validate (unknown-example-var)
        new_name = f"{name}_step{index}"
        config = re.sub(r"\{\{\s*" + re.escape(name) + r"\s*\}\}", "{{" + new_name + "}}", config)
        added.append(ExampleVar(new_name, old.docs, value, old.env, k.loc))
    return config, added


def read_example(e: YMap) -> Example:
    ex_vars: list[ExampleVar] = []
    vars_node = e.get("vars")
    if isinstance(vars_node, YMap):
        for k, v in vars_node.entries:
            if isinstance(v, YMap):
                ex_vars.append(
                    ExampleVar(
                        str(k.value), _get(v, "docs"), _get(v, "test"), _text(v.get("env")), k.loc
                    )
                )
    config = _get(e, "config")
    updates: list[str] = []
    update_checks: list[Checks] = []
    updates_at: list[TextAt | None] = []
    node = e.get("updates")
    previous, previous_at = config, text_at(e.get("config"))
    for index, item in enumerate(node.items if isinstance(node, YSeq) else [], 2):
        if isinstance(item, YScalar):  # the shorthand: a bare configuration
            item = YMap([(YScalar("config", item.loc), item)], item.loc)
        if not isinstance(item, YMap):
            continue
        step = _text(item.get("config"))
        at = text_at(item.get("config"))
        if step is None:
            step, at = previous, previous_at
        values = item.get("vars")
        if isinstance(values, YMap):
            step, added = _var_step(step, values, index, ex_vars)
            ex_vars.extend(added)
            at = at or TextAt(values.loc)
        updates.append(step)
        update_checks.append(_checks(item.get("checks")))
        updates_at.append(at)
        previous, previous_at = step, at
    return Example(
        name=_get(e, "name"),
        config=config,
        vars=tuple(ex_vars),
        primary_resource=_text(e.get("primary_resource")),
        skip_test=_text(e.get("skip_test")),
        in_docs=_flag(e.get("in_docs")),
        title=_get(e, "title"),
        ignore_read_fields=tuple(
            t for t in (_text(x) for x in _seq(e.get("ignore_read_fields"))) if t is not None
        ),
        updates=tuple(updates),
        checks=_checks(e.get("checks")),
        update_checks=tuple(update_checks) if any(update_checks) else (),
        config_at=text_at(e.get("config")),
        updates_at=tuple(updates_at),
        loc=e.loc,
    )


def _flag(node: YNode | None) -> bool:
    return not (isinstance(node, YScalar) and node.value is False)


def _seq(node: YNode | None) -> list[YNode]:
    return node.items if isinstance(node, YSeq) else []
