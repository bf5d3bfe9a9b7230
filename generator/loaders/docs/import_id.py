"""The resource's id template, guessed from the page's `terraform import` example."""

from __future__ import annotations

import re
from dataclasses import replace

from ...model.nodes import Presence, Property, TypeKind
from ...model.server_names import with_parent_id
from ...plural import plural
from ..naming import singular, snake
from .markdown import Part
from .report import Report


def import_command_id(parts: list[Part]) -> str:
    """The first non-empty id of a `terraform import <address> <id>` line in a code block."""
    for _, body in parts:
        for el in body:
            for line in el.text.split("\n") if el.kind == "fence" else []:
                words = line.strip().lstrip("$ ").split()
                if len(words) >= 4 and words[:2] == ["terraform", "import"]:
                    raw = " ".join(words[3:]).strip("'\"")
                    if raw:
                        return raw
    return ""


def guess_id_template(
    parts: list[Part], props: tuple[Property, ...], name: str, report: Report
) -> tuple[str, dict[str, str]]:
    """An ARM id template (an absolute path, `/subscriptions/...`) with `{argument}`
    placeholders, and {argument: its id template} for an argument that holds the id of
    the object this one lives under (the template then starts with it); every step of it
    is a guess."""
    top = {p.name for p in props}
    # Google's pages write placeholders `{{name}}`; the model's are `{name}`.
    raw = re.sub(r"\{\{\s*(\w+)\s*\}\}", r"{\1}", import_command_id(parts))
    rg = next(
        (n for n in ("resource_group_name", "resource_group") if n in top),
        "resource_group_name",
    )
    if not raw:
        report.bag.warning(
            "docs-no-import", "the page has no `terraform import` example", report.loc(0)
        )
        report.guess(
            "api.id_template",
            "no Import section: id template guessed from ARM conventions; "
            "fix Microsoft.TODO and the path",
        )
        return (
            f"/subscriptions/{{subscription_id}}/resourceGroups/{{{rg}}}"
            f"/providers/Microsoft.TODO/{plural(name.split('_')[-1])}/{{name}}"
        ), {}
    segs = raw.strip("/").split("/")
    if len(segs) < 2 or segs[0].lower() != "subscriptions":
        report.guess("api.id_template", f"import id `{raw}` is not an ARM id; copied as written")
        return raw.strip("/"), {}
    out: list[str] = []
    for i in range(0, len(segs), 2):
        key = segs[i]
        last = i + 2 >= len(segs)
        if i + 1 >= len(segs):
            out.append(key)
            continue
        if key.lower() == "subscriptions":
            value = "{subscription_id}"
        elif key.lower() == "providers":
            value = segs[i + 1]
        elif last:
            value = "{name}" if "name" in top else f"{{{snake(singular(key))}_name}}"
        elif key.lower() == "resourcegroups":
            value = f"{{{rg}}}"
        else:
            base = snake(singular(key))
            cands = [f"{base}_name", f"{base.split('_')[-1]}_name"]
            value = "{" + next((c for c in cands if c in top), cands[0]) + "}"
        out += [key, value]
    # ARM ids are absolute paths: the id Terraform stores must be the one users import.
    template = "/" + "/".join(out)
    report.guess("api.id_template", f"id template guessed from the import example `{raw}`")
    parents: dict[str, str] = {}
    parent = _parent_argument(out, props)
    if parent is not None:
        arg, cut = parent
        report.guess(
            "api.id_template",
            f"`{arg}` holds the id of the object this one lives under: the id starts with it",
        )
        parents[arg] = "/" + "/".join(out[:cut])
        template = "{" + arg + "}/" + "/".join(out[cut:])
    for ph in re.findall(r"\{(\w+)\}", template):
        if ph not in top and ph != "subscription_id":
            report.guess(
                "api.id_template",
                f"`{{{ph}}}` is not an argument of this resource; map it by hand",
            )
    return template, parents


def _parent_argument(out: list[str], props: tuple[Property, ...]) -> tuple[str, int] | None:
    """(argument, index in `out` where this object's own segments start) when the id's
    parent segments hold values no argument gives (batch_job's `{batch_account_name}`,
    `{pool_name}`) and an argument holds the parent's whole id: a required String whose
    name is the last parent's singular with `_id` (`pools` -> `pool_id`, `batch_pool_id`)."""
    top = {p.name: p for p in props}
    pairs = len(out) // 2
    if pairs < 3:  # subscriptions/{s}, a parent, the object itself at least
        return None
    parent_key = out[2 * (pairs - 2)]
    unknown = [
        v[1:-1]
        for v in out[1 : 2 * (pairs - 1) : 2]
        if v.startswith("{") and v[1:-1] not in top and v != "{subscription_id}"
    ]
    if not unknown:
        return None
    stem = snake(singular(parent_key))
    found = [
        p.name
        for p in props
        if p.name.endswith("_id")
        and (p.name == f"{stem}_id" or p.name.endswith(f"_{stem}_id"))
        and p.type.kind is TypeKind.STRING
        and p.presence is Presence.REQUIRED
    ]
    return (found[0], 2 * (pairs - 1)) if len(found) == 1 else None


def mark_url_params(
    props: tuple[Property, ...], template: str, parents: dict[str, str], report: Report
) -> tuple[Property, ...]:
    """Top-level arguments the id template names (`name`, the resource group, a parent's
    name) travel in the URL, not in the body: `url_param_only`, without an api_name. One
    that holds a parent's whole id is `parent_id` (which implies both, and `forces_new`)."""
    placeholders = set(re.findall(r"\{(\w+)\}", template))
    out: list[Property] = []
    for p in props:
        if p.name in parents:
            p = replace(with_parent_id(p, parents[p.name]), api_name="")
            report.guess(
                f"properties.{p.name}",
                "parent_id: the id of the object this one lives under, from the import id",
            )
        elif p.name in placeholders and p.type.kind.is_primitive and p.presence.settable:
            p = replace(p, url_param_only=True, api_name="")
            report.guess(
                f"properties.{p.name}",
                "url_param_only: a parameter of the id template, not sent in the body",
            )
        out.append(p)
    return tuple(out)
