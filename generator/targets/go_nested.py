"""The template context of a nested Go resource (`RestMapping.nested_query`): Go
literals of its keys and identity, for templates/go/resource_nested.go.j2."""

from __future__ import annotations

from typing import Any

from ..model.nodes import AsyncStyle, Resource
from ..render.go_literals import go_string
from .go_fields import GoField


def _strings(values: tuple[str, ...]) -> str:
    return "[]string{" + ", ".join(go_string(v) for v in values) + "}"


def nested_context(res: Resource, top: dict[str, GoField]) -> dict[str, Any] | None:
    """None for a resource that is not nested."""
    rest = res.rest
    nq = rest.nested_query
    if nq is None:
        return None
    identity = [top[name] for name in nq.identity if name in top]
    id_path = identity[0].api_path if nq.is_list_of_ids and identity else ()
    mask = ".".join(nq.keys) if nq.modify_by_patch and rest.update_mask else None
    return {
        "list_keys": _strings(nq.keys),
        "first_key": go_string(nq.keys[0]),
        "id_path": _strings(id_path) if id_path else "nil",
        "identity": [f.go_name for f in identity],
        # (attribute, API path) literals, for the acceptance tests' existence checks.
        "identity_paths": [(go_string(f.name), _strings(f.api_path)) for f in identity],
        "patch": nq.modify_by_patch,
        # The query of each read-modify-write call: its update mask is the list's path.
        "patch_query": (
            f"url.Values{{{go_string('updateMask')}: {{{go_string(mask)}}}}}" if mask else "nil"
        ),
        # A synchronous create answers with the new entry (or the parent holding it).
        "sync": rest.async_style is AsyncStyle.NONE,
    }
