"""The REST part of a python resource's `ResourceSpec`: id parameters and call URLs.

Mirrors the go target (go_resource.py) so that both providers send the same requests:
each call's URL template is relative to the product's base URL; a create without
`create_url` goes to the collection (`base_url`) when it POSTs and to the self link
otherwise; update and delete go to the self link unless the spec names a URL; the
Terraform ID is `id_format` (else the self link) filled with unescaped values.

Keyword arguments are emitted only when they differ from the runtime's defaults, so
resources that use none of this generate exactly as before.
"""

from __future__ import annotations

import re

from ..model.nodes import IdParamSource, Resource
from ..render.literals import py

# The runtime's placeholder (`_runtime/ids.py`): the names found here are the ones it fills.
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
# The operation's name in `operation_url`, filled by the poller rather than from state.
OP_ID = "op_id"


def _create_url(res: Resource) -> str | None:
    """The create call's template when it is not the self link (go: `create_default`)."""
    rest = res.rest
    template = rest.create_url or (rest.base_url if rest.create_verb == "POST" else None)
    return None if template in (None, rest.id_template) else template


def _templates(res: Resource) -> list[str]:
    """Every template whose placeholders a call, the ID or an import fills."""
    rest = res.rest
    found = [rest.id_template, rest.id_format or "", _create_url(res) or ""]
    found += [rest.update_url or "", rest.delete_url or "", rest.operation_url or ""]
    found += [g.url for g in rest.update_groups]
    return found + list(res.import_formats)


def id_param_exprs(res: Resource) -> list[str]:
    """`IdParam(...)` constructor calls, one per placeholder of any template.

    As in go, a placeholder is a resource argument when the resource has a top-level
    argument of that name (and the spec does not say it is provider configuration), and a
    provider setting otherwise. The id template's own parameters come first, in order.
    """
    declared = {p.name: p for p in res.rest.id_params}
    arguments = {p.name for p in res.properties}
    names = list(declared)
    for template in _templates(res):
        names += [n for n in PLACEHOLDER.findall(template) if n not in names and n != OP_ID]
    out = []
    for name in names:
        param = declared.get(name)
        from_provider = (param is not None and param.source is IdParamSource.PROVIDER) or (
            name not in arguments
        )
        if from_provider:
            out.append(f"IdParam({py(name)}, source='provider')")
        else:
            out.append(f"IdParam({py(name)}, source='field', field={py(name)})")
    return out


def rest_kwargs(res: Resource) -> list[tuple[str, str]]:
    """`ResourceSpec` keyword arguments for the call URLs, update mask and ID format."""
    rest = res.rest
    kwargs: list[tuple[str, str]] = []
    create_url = _create_url(res)
    if create_url is not None:
        kwargs.append(("create_url", py(create_url)))
    for key, template in (("update_url", rest.update_url), ("delete_url", rest.delete_url)):
        if template and template != rest.id_template:
            kwargs.append((key, py(template)))
    if rest.update_mask and rest.update_verb and not rest.immutable:
        kwargs.append(("update_mask", py(True)))
        mask_fields = tuple(
            (p.api_name, p.update_mask_fields)
            for p in res.properties
            if p.update_mask_fields and p.api_name
        )
        if mask_fields:
            kwargs.append(("update_mask_fields", py(mask_fields)))
    if rest.id_format and rest.id_format != rest.id_template:
        kwargs.append(("id_format", py(rest.id_format)))
    if rest.operation_url:
        kwargs.append(("operation_url", py(rest.operation_url)))
    if rest.result_in_response:
        kwargs.append(("result_in_response", py(True)))
    if not res.importable:
        kwargs.append(("importable", py(False)))
    if rest.state_only:
        kwargs.append(("state_only", py(rest.state_only)))
    if not rest.can_read:
        kwargs.append(("can_read", py(False)))
    if not rest.can_delete:
        kwargs.append(("can_delete", py(False)))
    if rest.update_groups:
        groups = [
            f"UpdateGroup({py(g.url)}, {py(g.verb)}, {py(g.fields)}"
            + (f", fingerprint={py(g.fingerprint)}" if g.fingerprint else "")
            + ")"
            for g in rest.update_groups
        ]
        kwargs.append(("update_groups", "(" + "".join(f"{g}, " for g in groups) + ")"))
    nq = rest.nested_query
    if nq is not None:
        parts = [f"keys={py(nq.keys)}", f"identity={py(nq.identity)}"]
        if nq.is_list_of_ids:
            parts.append(f"is_list_of_ids={py(True)}")
        if nq.modify_by_patch:
            parts.append(f"modify_by_patch={py(True)}")
            if rest.update_mask:
                parts.append(f"patch_mask={py('.'.join(nq.keys))}")
        kwargs.append(("nested", f"NestedQuery({', '.join(parts)})"))
    return kwargs
