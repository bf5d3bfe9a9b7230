"""mmv1's waits (part of `generator.loaders.mmv1`): the `async:` block as the model's
async style, and the `timeouts:` block (or the operation's) as the resource's timeouts."""

from __future__ import annotations

from ...diagnostics import DiagnosticBag
from ...model.nodes import AsyncStyle, RestMapping, Timeouts
from ..yaml_source import YMap
from .reader import Mmv1Reader, key_loc

ASYNC_KEYS = frozenset({"type", "actions", "operation", "result"})
OPERATION_KEYS = frozenset({"timeouts", "base_url"})
TIMEOUT_KEYS = frozenset({"insert_minutes", "update_minutes", "delete_minutes"})


def async_style_of(r: Mmv1Reader, bag: DiagnosticBag, a: YMap | None) -> AsyncStyle:
    """The model's async style of an mmv1 `async:` block (each key it cannot take reported)."""
    if a is None:
        return AsyncStyle.NONE
    r.unsupported_keys(a, ASYNC_KEYS, "async")
    op = r.map_(a, "operation", "async")
    if op is not None:
        r.unsupported_keys(op, OPERATION_KEYS, "async.operation")
    kind = r.str_(a, "type", "async")
    if kind is None and "PollAsync" in a.tag:
        kind = "PollAsync"
    kind = kind or "OpAsync"  # upstream's default, also for `!ruby/object:Api::OpAsync`
    actions = (
        r.strs(a, "actions", "async")
        if a.get("actions") is not None
        else ("create", "delete", "update")
    )
    if kind == "PollAsync":
        r.report_unsupported(
            "async.type=PollAsync", key_loc(a, "type"), "polled as a plain synchronous API"
        )
        return AsyncStyle.NONE
    if kind != "OpAsync":
        bag.error(
            "mmv1-unknown-async",
            f"unknown `async.type` `{kind}`",
            key_loc(a, "type"),
            "use OpAsync or PollAsync",
        )
        return AsyncStyle.NONE
    if not actions:
        return AsyncStyle.NONE
    if set(actions) != {"create", "delete", "update"}:
        r.report_unsupported(
            "async.actions(partial)",
            key_loc(a, "actions"),
            f"only {', '.join(actions)} return operations; the model has one style for all",
        )
    return AsyncStyle.OPERATION


def timeouts_of(r: Mmv1Reader, m: YMap, async_node: YMap | None, rest: RestMapping) -> Timeouts:
    """`timeouts`, else the operation's, else 20 minutes each. An operation a partial
    block leaves out takes 20 minutes too (upstream's zero would end it at once),
    except one that makes no API call (a delete without `can_delete`, a state-only
    update), where upstream's 0 is what it is."""
    t = r.map_(m, "timeouts", "resource")
    if t is None and async_node is not None:
        op = async_node.get("operation")
        if isinstance(op, YMap):
            t = r.map_(op, "timeouts", "async.operation")
    if t is None:
        return Timeouts()
    r.unsupported_keys(t, TIMEOUT_KEYS, "timeouts")
    return Timeouts(
        create=r.int_(t, "insert_minutes", "timeouts") or 20,
        update=r.int_(t, "update_minutes", "timeouts") or (20 if rest.api_updates else 0),
        delete=r.int_(t, "delete_minutes", "timeouts") or (20 if rest.can_delete else 0),
        loc=t.loc,
    )
