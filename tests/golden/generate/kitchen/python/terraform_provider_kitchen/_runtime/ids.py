# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/ids.py
# Template:    python/runtime/ids.py
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Resource ids: fill the id template, build request URLs, parse import ids; update masks."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote, unquote, urlencode

from tf.types import Unknown

from .spec import IdParam, ResourceSpec

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class MissingIdValue(ValueError):
    """A value the id template needs is null or not yet known."""


def template_params(template: str) -> list[str]:
    return _PLACEHOLDER.findall(template)


def fill_template(
    template: str,
    values: dict[str, str],
    quote_values: bool,
    paths: frozenset[str] = frozenset(),
) -> str:
    """``template`` filled. Quoted values are escaped whole, except those named in ``paths``
    (a relative name the server assigned, `projects/p/namespaces/n`), escaped segment by
    segment so that their slashes stay."""

    def sub(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        if not quote_values:
            return value
        return quote(value, safe="/" if match.group(1) in paths else "")

    return _PLACEHOLDER.sub(sub, template)


def id_values(
    spec: ResourceSpec,
    state: dict[str, Any],
    provider_value: Callable[[str], str | None],
    template: str | None = None,
) -> dict[str, str]:
    """Values of the placeholders of ``template`` (default: the id template), from
    provider settings or state fields. Only that template's: a create URL may need a value
    the read URL does not, and a missing one must fail only the call that needs it."""
    params = {p.name: p for p in spec.id_params}
    values: dict[str, str] = {}
    for name in template_params(spec.id_template if template is None else template):
        param = params.get(name, IdParam(name, source="field"))
        if param.source == "provider":
            raw: Any = provider_value(param.attribute)
            where = f"provider setting {param.attribute!r}"
        else:
            raw = state.get(param.attribute)
            where = f"argument {param.attribute!r}"
        if raw is None or raw is Unknown or raw == "":
            raise MissingIdValue(f"the resource id needs {where}, which is not set or not known")
        values[name] = _text(raw)
    return values


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def request_url(
    endpoint: str,
    template: str,
    values: dict[str, str],
    api_version: str | None = None,
    query: dict[str, str] | None = None,
    paths: frozenset[str] = frozenset(),
) -> str:
    """The URL of a call to ``template`` (relative to the product's base URL).

    Query parameters are encoded sorted by name, and joined with ``&`` when the template
    holds a query of its own (``...?updateMask=status``), as the go target does.
    """
    # Exactly one slash between base and path, whether or not the template starts with one
    # (ARM ids do, Magic Modules' do not).
    path = fill_template(template, values, quote_values=True, paths=paths).lstrip("/")
    url = endpoint.rstrip("/") + "/" + path
    params = dict(query or {})
    if api_version:
        params["api-version"] = api_version
    if params:
        url += ("&" if "?" in url else "?") + urlencode(sorted(params.items()))
    return url


def changed_paths(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The dotted API paths whose values differ between two request bodies, sorted: an
    update mask. Objects are compared key by key, anything else whole."""
    out: list[str] = []
    _changed("", before, after, out)
    return sorted(out)


def update_mask(
    before: dict[str, Any],
    after: dict[str, Any],
    names: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> list[str]:
    """The `updateMask` of an update from ``before`` to ``after``: the changed paths,
    except that a change inside a field of ``names`` (its API path, dotted) contributes
    that field's names instead (mmv1 `update_mask_fields`), in their order."""
    out: list[str] = []
    for path in changed_paths(before, after):
        own = next((n for p, n in names if path == p or path.startswith(p + ".")), None)
        for name in own if own is not None else (path,):
            if name not in out:
                out.append(name)
    return out


def _changed(prefix: str, before: dict[str, Any], after: dict[str, Any], out: list[str]) -> None:
    for key in before.keys() | after.keys():
        name = f"{prefix}.{key}" if prefix else key
        b, a = before.get(key), after.get(key)
        if isinstance(b, dict) and isinstance(a, dict):
            _changed(name, b, a, out)
        elif (key in before) != (key in after) or not _same(b, a):
            out.append(name)


def _same(a: Any, b: Any) -> bool:
    """Deep equality that tells apart what JSON does (``True`` and ``1``, ``1`` and ``1.0``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _format_regex(template: str, paths: frozenset[str] = frozenset()) -> re.Pattern[str]:
    """An import format as a regex: a placeholder is one path segment, or (``paths``: a
    parent's id) several."""
    pattern = ""
    pos = 0
    for match in _PLACEHOLDER.finditer(template):
        pattern += re.escape(template[pos : match.start()])
        one = ".+?" if match.group(1) in paths else "[^/]+"
        pattern += f"(?P<{match.group(1)}>{one})"
        pos = match.end()
    pattern += re.escape(template[pos:])
    # ARM ids are case-insensitive in their fixed segments ("resourcegroups").
    return re.compile(pattern + "/?", re.IGNORECASE)


def parse_id(
    formats: Iterable[str], import_id: str, paths: frozenset[str] = frozenset()
) -> dict[str, str]:
    """Match ``import_id`` against each format in turn; raises ValueError if none match."""
    tried = []
    for fmt in formats:
        tried.append(fmt)
        match = _format_regex(fmt, paths).fullmatch(import_id.strip())
        if match:
            return {k: unquote(v) for k, v in match.groupdict().items()}
    expected = "\n".join(f"  {t}" for t in tried)
    raise ValueError(f"import id {import_id!r} does not match any expected format:\n{expected}")


def server_names(spec: ResourceSpec) -> frozenset[str]:
    """Placeholders of the self link that are output-only fields: a relative name the
    server assigns (Service Directory's `{name}`, `projects/p/locations/l/namespaces/n`),
    known from the create call's answer and filled with its slashes."""
    params = {p.name: p for p in spec.id_params}
    fields = {f.name: f for f in spec.fields}
    found = []
    for name in template_params(spec.id_template):
        param = params.get(name)
        if param is not None and param.source == "provider":
            continue
        field = fields.get(param.attribute if param is not None else name)
        if field is not None and field.is_computed_only:
            found.append(name)
    return frozenset(found)


def path_params(spec: ResourceSpec) -> frozenset[str]:
    """Placeholders filled with their slashes: a server's name, a parent's id."""
    return server_names(spec) | frozenset(spec.parent_ids)


def derived_name_template(spec: ResourceSpec) -> str | None:
    """What a server-assigned name is made of, as Google servers make it: the create
    URL's collection and the id its query names; None when that does not apply."""
    names = server_names(spec)
    if len(names) != 1 or spec.create_url is None:
        return None
    (name,) = names
    if spec.id_template.strip("/") != "{" + name + "}":
        return None
    path, _, query = spec.create_url.partition("?")
    named = [
        m.group(1)
        for pair in (query.split("&") if query else ())
        if (m := _PLACEHOLDER.fullmatch(pair.partition("=")[2]))
    ]
    return path.rstrip("/") + "/{" + named[0] + "}" if len(named) == 1 else None


def with_server_names(
    spec: ResourceSpec, state: dict[str, Any], provider_value: Callable[[str], str | None]
) -> dict[str, Any]:
    """``state`` with a server-assigned name it lacks (on import) derived from its parts."""
    template = derived_name_template(spec)
    if template is None:
        return state
    (name,) = server_names(spec)
    if state.get(name) not in (None, Unknown, ""):
        return state
    try:
        values = id_values(spec, state, provider_value, template)
    except MissingIdValue:
        return state
    return {**state, name: fill_template(template, values, quote_values=False)}
