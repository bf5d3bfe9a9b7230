"""Relative names the server assigns: a self link that is an output-only field.

Some Google resources have `{name}` (an output field) as their self link, and a create URL
that names the new object's id in its query
(`projects/{project}/locations/{location}/namespaces?namespaceId={namespace_id}`). Google
servers name the object the create URL's collection plus that id; both targets read that
name from the create call's answer, and derive it the same way where no answer is at hand
(import, when the import id gives the parts). The emulator answers at that URL too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .nodes import Presence, Property, Resource, TypeKind

_PLACEHOLDER = re.compile(r"\{%?([A-Za-z_][A-Za-z0-9_]*)\}")


def server_names(res: Resource) -> tuple[str, ...]:
    """Placeholders of the self link that are output-only top-level fields, in order."""
    top = {p.name: p for p in res.properties}
    found = dict.fromkeys(
        n
        for n in _PLACEHOLDER.findall(res.rest.id_template)
        if n in top and top[n].presence is Presence.COMPUTED
    )
    return tuple(found)


def derived_name_template(res: Resource) -> str | None:
    """The template a server-assigned name is made from (the create URL's collection and
    the id its query names), or None when the self link is not one such name or the create
    URL names no single id."""
    names = server_names(res)
    create = res.rest.create_url
    if (
        len(names) != 1
        or create is None
        or res.rest.id_template.strip("/")
        not in (
            "{" + names[0] + "}",
            "{%" + names[0] + "}",
        )
    ):
        return None
    path, _, query = create.partition("?")
    ids = []
    for pair in query.split("&") if query else ():
        m = _PLACEHOLDER.fullmatch(pair.partition("=")[2])
        if m:
            ids.append(m.group(1))
    if len(ids) != 1:
        return None
    return path.rstrip("/") + "/{" + ids[0] + "}"


def parent_ids(res: Resource) -> tuple[str, ...]:
    """Top-level arguments that hold the id of the object this one lives under (`parent_id`):
    id-template placeholders filled with their slashes, like a server-assigned name."""
    return tuple(p.name for p in res.properties if p.parent_id)


def path_params(res: Resource) -> tuple[str, ...]:
    """Every placeholder a value with slashes fills (escaped segment by segment)."""
    return tuple(dict.fromkeys(server_names(res) + parent_ids(res)))


# One path segment that is not `.` or `..`: a parent id must not climb out of its path.
_SEGMENT = r"[^/]*[^/.][^/]*"


def parent_id_regex(template: str) -> str:
    """The values a `parent_id` argument accepts: ids of the form `template`, literal
    segments in any case (ARM answers `resourcegroups` for `resourceGroups`)."""
    pattern, pos = "", 0
    for match in _PLACEHOLDER.finditer(template):
        pattern += re.escape(template[pos : match.start()])
        pattern += _SEGMENT
        pos = match.end()
    pattern += re.escape(template[pos:])
    return "(?i)^" + pattern + "$"


def with_parent_id(prop: Property, template: str) -> Property:
    """`prop` holding the id of the object its resource lives under, of the form
    `template`, with what that implies: only in the URL, another parent is another object,
    and (a String without a regex of its own) values of that form only."""
    validation = prop.validation
    if validation.regex is None and prop.type.kind is TypeKind.STRING:
        validation = replace(validation, regex=parent_id_regex(template))
    return replace(
        prop, parent_id=template, url_param_only=True, forces_new=True, validation=validation
    )


def has_derived_regex(prop: Property) -> bool:
    """Whether the property's regex is the one its `parent_id` implies."""
    return bool(prop.parent_id) and prop.validation.regex == parent_id_regex(prop.parent_id or "")


def regex_message(prop: Property) -> str:
    """What a value that fails a property's `regex` is told, in every target: a parent's
    id names the form it must have rather than the expression derived from it."""
    if has_derived_regex(prop):
        return "must be the id of the object it lives under, of the form " + (prop.parent_id or "")
    return "must match the regular expression " + (prop.validation.regex or "")
