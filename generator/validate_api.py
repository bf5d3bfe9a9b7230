"""Model checks of a resource's API mapping, for `validate.py`: a nested resource
(`RestMapping.nested_query`) must be findable in its list by arguments the API returns;
`state_only` arguments must be ones nothing else updates; a `parent_id` argument is
where the id template starts."""

from __future__ import annotations

from .diagnostics import Diagnostic, DiagnosticBag
from .model.nodes import Resource, TypeKind
from .model.walk import walk


def nested_query_problems(res: Resource) -> list[Diagnostic]:
    nq = res.rest.nested_query
    if nq is None:
        return []
    bag = DiagnosticBag()
    top = {p.name: p for p in res.properties}
    if not nq.keys:
        bag.error(
            "nested-query-keys",
            f"resource `{res.name}` is nested but names no `keys` to the list holding it",
            nq.loc,
            "give the API path to the list, e.g. `keys: [items]`",
        )
    for name in nq.identity:
        p = top.get(name)
        if p is None or not p.api_name or p.url_param_only:
            bag.error(
                "nested-query-identity",
                f"resource `{res.name}` finds its entry by `{name}`, which is not a "
                "top-level property the API holds",
                nq.loc,
                "name top-level properties with an `api_name` (not `url_param_only`)",
            )
    if not nq.identity or (nq.is_list_of_ids and len(nq.identity) != 1):
        want = "exactly one identity property" if nq.is_list_of_ids else "an identity"
        bag.error(
            "nested-query-identity",
            f"resource `{res.name}` is nested and needs {want} to find its entry",
            nq.loc,
            "list the properties that identify an entry under `identity:`",
        )
    return bag.items


def state_only_problems(res: Resource) -> list[Diagnostic]:
    """`state_only` names top-level settable arguments that nothing else updates."""
    bag = DiagnosticBag()
    top = {p.name: p for p in res.properties}
    for name in res.rest.state_only:
        arg = top.get(name)
        if arg is None or not arg.presence.settable or arg.forces_new:
            bag.error(
                "unknown-state-only",
                f"resource `{res.name}` changes `{name}` in state alone, which is not a "
                "top-level settable property that may change",
                res.rest.loc,
                "name a top-level argument without `forces_new`, or remove it from "
                "`state_only:`",
            )
    return bag.items


def parent_id_problems(res: Resource) -> list[Diagnostic]:
    """A `parent_id` argument is one top-level String the user sets, and the resource's id
    template starts with it (`{batch_pool_id}/jobs/{name}`): the parent's id is a prefix
    of this object's, as in ARM."""
    bag = DiagnosticBag()
    for path, p in walk(res.properties):
        if not p.parent_id:
            continue
        at = p.parent_id_loc if p.parent_id_loc.line else p.loc
        if "." in path:
            bag.error(
                "parent-id",
                f"`{path}` is a nested property; only a top-level argument can hold the parent's id",
                at,
                "move it to the resource's top level, or remove `parent_id`",
            )
            continue
        if p.type.kind is not TypeKind.STRING or not p.presence.settable:
            bag.error(
                "parent-id",
                f"`{p.name}` holds the parent's id, so it must be a String the user sets "
                f"(it is {p.type.kind.value}, presence {p.presence.value})",
                at,
                "make it `type: String` with `presence: required`",
            )
        template = res.rest.id_template
        if not template.startswith("{" + p.name + "}"):
            bag.error(
                "parent-id",
                f"the id template `{template}` does not start with `{{{p.name}}}`, the "
                "parent's id it lives under",
                at,
                f"write the id template as `{{{p.name}}}/<collection>/{{name}}`",
            )
    return bag.items
