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
"""Resource ids: fill the id template, build request URLs, parse import ids."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote, unquote

from tf.types import Unknown

from .spec import IdParam, ResourceSpec

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class MissingIdValue(ValueError):
    """A value the id template needs is null or not yet known."""


def template_params(template: str) -> list[str]:
    return _PLACEHOLDER.findall(template)


def fill_template(template: str, values: dict[str, str], quote_values: bool) -> str:
    def sub(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        return quote(value, safe="") if quote_values else value

    return _PLACEHOLDER.sub(sub, template)


def id_values(
    spec: ResourceSpec,
    state: dict[str, Any],
    provider_value: Callable[[str], str | None],
) -> dict[str, str]:
    """Values of every template placeholder, from provider settings or state fields."""
    params = {p.name: p for p in spec.id_params}
    values: dict[str, str] = {}
    for name in template_params(spec.id_template):
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


def resource_url(endpoint: str, spec: ResourceSpec, values: dict[str, str]) -> str:
    # Exactly one slash between base and path, whether or not the template starts with one
    # (ARM ids do, Magic Modules' do not).
    path = fill_template(spec.id_template, values, quote_values=True).lstrip("/")
    url = endpoint.rstrip("/") + "/" + path
    if spec.api_version:
        url += "?api-version=" + quote(spec.api_version, safe="")
    return url


def _format_regex(template: str) -> re.Pattern[str]:
    pattern = ""
    pos = 0
    for match in _PLACEHOLDER.finditer(template):
        pattern += re.escape(template[pos : match.start()])
        pattern += f"(?P<{match.group(1)}>[^/]+)"
        pos = match.end()
    pattern += re.escape(template[pos:])
    # ARM ids are case-insensitive in their fixed segments ("resourcegroups").
    return re.compile(pattern + "/?", re.IGNORECASE)


def parse_id(formats: Iterable[str], import_id: str) -> dict[str, str]:
    """Match ``import_id`` against each format in turn; raises ValueError if none match."""
    tried = []
    for fmt in formats:
        tried.append(fmt)
        match = _format_regex(fmt).fullmatch(import_id.strip())
        if match:
            return {k: unquote(v) for k, v in match.groupdict().items()}
    expected = "\n".join(f"  {t}" for t in tried)
    raise ValueError(f"import id {import_id!r} does not match any expected format:\n{expected}")
