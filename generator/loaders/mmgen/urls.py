"""Whether a spec's URLs can form the URLs the providers call (mmgen specs).

Both targets join the product's base URL and a template with exactly one `/`
(templates/go/runtime/client.go `URL`, templates/python/runtime/ids.py `request_url`), so
a leading `/` never changes where a call goes: Google's templates are relative
(`projects/{project}/...`), and that is how they join. What the `/` does change, for an
ARM product, is the resource's id: Terraform's `id` is the filled `id_template`, and an
ARM id is an absolute path (`/subscriptions/...`), the form users import and other
resources reference (and send to the API in their bodies). So an ARM id template
written relative (`subscriptions/...`) is an error here, not a join to make robust; an
ARM-mode product of some other API (`projects/...`) may write its ids either way. The rest are templates or base URLs no join
can turn into a URL.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ...diagnostics import Diagnostic, DiagnosticBag
from ...model.nodes import ApiStyle
from ..yaml_source import YMap, YScalar, YSeq

# First segments of an Azure Resource Manager id (subscription, tenant and provider scope).
ARM_ROOTS = ("subscriptions", "providers", "tenants")
_PLACEHOLDER = re.compile(r"\{\{?%?[A-Za-z_][A-Za-z0-9_]*\}?\}")


def _text(m: YMap | None, key: str) -> tuple[str, YScalar] | None:
    node = m.get(key) if m is not None else None
    if isinstance(node, YScalar) and isinstance(node.value, str):
        return node.value, node
    return None


def base_url_problems(product: YMap) -> list[Diagnostic]:
    """Each `versions[].base_url` is an absolute http(s) URL with a host (and a number for
    a port): the runtimes call it as it is."""
    bag = DiagnosticBag()
    versions = product.get("versions")
    for v in versions.items if isinstance(versions, YSeq) else []:
        found = _text(v, "base_url") if isinstance(v, YMap) else None
        if found is None:
            continue
        url, node = found
        probe = _PLACEHOLDER.sub("x", url.strip())
        parts = urlsplit(probe)
        why = ""
        if parts.scheme not in ("http", "https") or not parts.netloc:
            why = "is not an absolute http(s) URL"
        elif any(c.isspace() for c in url):
            why = "holds whitespace"
        else:
            try:
                parts.port  # noqa: B018 - raises for `host:notaport`, as the runtimes would
            except ValueError:
                why = "has a port that is not a number"
        if why:
            bag.error(
                "invalid-base-url",
                f"product base URL `{url}` {why}; every call starts with it",
                node.loc,
                "write the API's root URL, e.g. `https://management.azure.com/`",
            )
    return bag.items


def _template_problem(template: str) -> str:
    if "://" in template or template.startswith("//"):
        return "is a URL, but it is joined to the product's base URL"
    if any(c.isspace() for c in template):
        return "holds whitespace, which no URL path can"
    return ""


def template_problems(product: YMap | None, resource: YMap) -> list[Diagnostic]:
    """`api.id_template` and `api.base_url` form URLs with the product's base URL; an ARM
    id template is absolute; an explicit `base_url` is the collection the id lives in."""
    bag = DiagnosticBag()
    api = resource.get("api")
    if not isinstance(api, YMap):
        return []
    style = _text(product, "api_style")
    arm = style is None or style[0] == ApiStyle.ARM.value
    found = _text(api, "id_template")
    for key in ("id_template", "base_url"):
        item = _text(api, key)
        if item is not None and _template_problem(item[0]):
            bag.error(
                "id-template-url",
                f"`api.{key}` `{item[0]}` {_template_problem(item[0])}",
                item[1].loc,
                "write the path below the product's base URL (`versions[0].base_url`), "
                "e.g. `/subscriptions/{subscription_id}/...` or `projects/{project}/...`",
            )
    if found is None:
        return bag.items
    template, node = found
    first = template.split("/", 1)[0].lower()
    if arm and first in ARM_ROOTS and not _template_problem(template):
        bag.error(
            "id-template-relative",
            f"`api.id_template` `{template}` of an ARM product does not start with `/`; "
            "the resource id would not be an ARM id",
            node.loc,
            f"add the leading `/` (`/{first}/...`): ARM ids are absolute paths, the form "
            "`terraform import` and references use",
        )
    given = _text(api, "base_url")
    if given is not None and given[0].strip():
        collection = given[0].split("?", 1)[0].strip("/")
        if collection and not template.split("?", 1)[0].strip("/").startswith(collection + "/"):
            bag.warning(
                "base-url-mismatch",
                f"`api.base_url` `{given[0]}` is not the collection `api.id_template` "
                f"`{template}` lives in",
                given[1].loc,
                "remove `base_url` (it defaults to the id template without its last "
                "segment), or correct it: a POST create goes there",
            )
    return bag.items


def derived_base_url(id_template: str) -> str:
    """The collection URL an id template lives in: the template without its last segment."""
    path = id_template.split("?", 1)[0].rstrip("/")
    return path.rsplit("/", 1)[0] if "/" in path else ""
