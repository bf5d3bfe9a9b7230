"""mmv1 keys that shape a resource's calls beyond its own URLs: where Google operations
are polled and what they answer (`async.operation.base_url`, `async.result`), and
property-level update calls (`update_url`, `update_verb`, `update_id`,
`fingerprint_name`). Part of `generator.loaders.mmv1`.
"""

from __future__ import annotations

from ...diagnostics import Location
from ...model.nodes import AsyncStyle, UpdateGroup
from ..yaml_source import YMap
from .reader import Mmv1Reader, convert_template, key_loc
from .urls import UrlTemplates

RESULT_KEYS = frozenset({"resource_inside_response"})
# The operation's name, in `async.operation.base_url`.
OP_ID = "op_id"


def operation(
    r: Mmv1Reader, a: YMap | None, urls: UrlTemplates, style: AsyncStyle
) -> tuple[str | None, bool]:
    """`async.operation.base_url` (None when it is the operation's name itself, the
    targets' default) and `async.result.resource_inside_response`."""
    if a is None or style is not AsyncStyle.OPERATION:
        return None, False
    op = r.map_(a, "operation", "async")
    url: str | None = None
    if op is not None:
        raw = urls.raw(op, "base_url")
        converted = convert_template(raw) if raw else None
        if converted is not None and "{" + OP_ID + "}" not in converted:
            r.bag.warning(
                "mmv1-operation-url",
                f"`async.operation.base_url` `{raw}` has no `{{{{{OP_ID}}}}}`: the "
                "operation's name is appended to it",
                key_loc(op, "base_url"),
                f"write where the operation's name goes as `{{{{{OP_ID}}}}}`",
            )
            converted = converted.rstrip("/") + "/{" + OP_ID + "}"
        url = None if converted in (None, "{" + OP_ID + "}") else converted
    result = r.map_(a, "result", "async")
    in_response = False
    if result is not None:
        r.unsupported_keys(result, RESULT_KEYS, "async.result")
        in_response = r.bool_(result, "resource_inside_response", "async.result")
    return url, in_response


def update_groups(
    r: Mmv1Reader, updates: list[tuple[str, YMap]], urls: UrlTemplates, resource_verb: str
) -> tuple[UpdateGroup, ...]:
    """Property-level update calls, grouped as upstream does: the fields sharing
    `update_url`, `update_verb`, `update_id` and `fingerprint_name` go in one call."""
    groups: dict[tuple[str, str, str, str], list[str]] = {}
    where: dict[tuple[str, str, str, str], Location] = {}
    for name, m in updates:
        url = urls.raw(m, "update_url")
        if url is None:
            for key in ("update_verb", "update_id", "fingerprint_name"):
                if m.get(key) is not None:
                    r.report_unsupported(
                        f"property.{key}(no update_url)",
                        key_loc(m, key),
                        "without `update_url` upstream makes no call of its own",
                    )
            continue
        verb = (r.str_(m, "update_verb", "property") or resource_verb).upper()
        if verb == "NOOP":
            r.report_unsupported(
                "property.update_verb=NOOP",
                key_loc(m, "update_verb"),
                "upstream's custom code makes that update; the field forces a new resource",
            )
            continue
        group_key = (
            convert_template(url),
            verb,
            r.str_(m, "update_id", "property") or "",
            r.str_(m, "fingerprint_name", "property") or "",
        )
        groups.setdefault(group_key, []).append(name)
        where.setdefault(group_key, key_loc(m, "update_url"))
    return tuple(
        UpdateGroup(
            url, verb, tuple(fields), fingerprint or None, where[(url, verb, uid, fingerprint)]
        )
        for (url, verb, uid, fingerprint), fields in groups.items()
    )
