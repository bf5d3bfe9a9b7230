"""Which Google-style call a request is: every URL a resource's REST mapping names.

A Google resource answers at up to four URLs (relative to its product's base URL path, e.g.
`/v1/`): the create URL (`create_url`, else the collection `base_url` for a POST), the self link
(`id_template`: reads, and updates and deletes unless they have URLs of their own; creates
that do not POST), the
`update_url` and the `delete_url`. Each is an `Endpoint`: an action, the HTTP verb and a
pattern. Query parameters of a template (`?widgetId={widget_id}`) name where a placeholder's
value comes from. Placeholders match one path segment without `:`, so that a custom method
(`{widget_id}:modify`) never reads as an id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from ..model.nodes import Product, Resource
from ..model.server_names import derived_name_template
from .routes import Route, base_path

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
OPERATION_PATH = re.compile(r"/operations/(?P<op>op-\d+)/?$")
CREATE, READ, UPDATE, DELETE = "create", "read", "update", "delete"


def split_template(template: str) -> tuple[str, dict[str, str]]:
    """(path, query) of a URL template; query maps a parameter to its template value."""
    path, _, query = template.partition("?")
    params: dict[str, str] = {}
    for pair in query.split("&") if query else ():
        key, _, value = pair.partition("=")
        if key:
            params[key] = value
    return path, params


def template_params(template: str) -> list[str]:
    """The placeholders of a URL template's path, in order (`{project}` -> `project`)."""
    return _PLACEHOLDER.findall(template.partition("?")[0])


def _regex(prefix: str, template_path: str) -> re.Pattern[str]:
    pattern, pos = re.escape(prefix), 0
    relative = template_path.lstrip("/")
    for match in _PLACEHOLDER.finditer(relative):
        pattern += re.escape(relative[pos : match.start()])
        pattern += f"(?P<{match.group(1)}>[^/:]+)"
        pos = match.end()
    pattern += re.escape(relative[pos:])
    return re.compile(pattern.rstrip("/") + "/?")


@dataclass
class Endpoint:
    action: str  # create | read | update | delete
    verb: str
    pattern: re.Pattern[str]
    query: dict[str, str] = field(default_factory=dict)  # parameter -> template value

    def values(self, path: str, query: dict[str, list[str]]) -> dict[str, str] | None:
        """Placeholder values from the path and the query, or None when the path differs."""
        found = self.pattern.fullmatch(path)
        if found is None:
            return None
        values = {k: unquote(v) for k, v in found.groupdict().items()}
        for param, value in self.query.items():
            named = _PLACEHOLDER.fullmatch(value)
            if named and query.get(param):
                values[named.group(1)] = query[param][0]
        return values

    def missing_query(self, query: dict[str, list[str]]) -> list[str]:
        """Query parameters the template fills from placeholders that the request left out."""
        return [p for p, v in self.query.items() if _PLACEHOLDER.fullmatch(v) and not query.get(p)]


@dataclass
class GoogleRoute:
    route: Route
    base: str  # the product's base URL path, e.g. /v1/
    endpoints: list[Endpoint]

    @property
    def resource(self) -> Resource:
        return self.route.resource

    @property
    def self_template(self) -> str:
        return self_link_template(self.resource)


def self_link_template(resource: Resource) -> str:
    """The self link as a template of the values a request names: a self link that is
    only a name the server assigns is, as Google servers make it, the create URL's
    collection with the id its query names (generator/model/server_names.py)."""
    return derived_name_template(resource) or resource.rest.id_template


def google_endpoints(product: Product, resource: Resource) -> list[Endpoint]:
    rest = resource.rest
    prefix = base_path(product)
    self_link = self_link_template(resource)

    def endpoint(action: str, verb: str, template: str) -> Endpoint:
        path, query = split_template(template)
        return Endpoint(action, verb.upper(), _regex(prefix, path), query)

    # As both targets call it: `create_url`, else the collection for a POST, else the self link.
    create = rest.create_url or (rest.base_url if rest.create_verb == "POST" else self_link)
    out = [endpoint(CREATE, rest.create_verb, create)]
    out.append(endpoint(READ, rest.read_verb, self_link))
    if rest.update_verb is not None and not rest.immutable:
        out.append(endpoint(UPDATE, rest.update_verb, _at(rest.update_url, rest, self_link)))
    out.append(endpoint(DELETE, rest.delete_verb, _at(rest.delete_url, rest, self_link)))
    return out


def _at(url: str | None, rest: Any, self_link: str) -> str:
    """An update or delete URL, with the self link's template where it uses the self link."""
    if url is None:
        return self_link
    return url.replace(rest.id_template, self_link, 1) if rest.id_template != self_link else url


def build_google_routes(routes: list[Route]) -> list[GoogleRoute]:
    return [
        GoogleRoute(r, base_path(r.product), google_endpoints(r.product, r.resource))
        for r in routes
        if r.is_google
    ]


def find_google(
    routes: list[GoogleRoute], method: str, path: str, query: dict[str, list[str]]
) -> tuple[GoogleRoute, list[tuple[Endpoint, dict[str, str]]]] | None:
    """The first route with an endpoint at `path`, and its endpoints there for `method`.

    The list is empty when the path is the route's but the verb is not (a 405-like answer).
    """
    for groute in routes:
        at_path = [(e, e.values(path, query)) for e in groute.endpoints]
        matched = [(e, v) for e, v in at_path if v is not None]
        if matched:
            return groute, [(e, v) for e, v in matched if e.verb == method.upper()]
    return None


def owns_path(routes: list[GoogleRoute], path: str) -> bool:
    """Whether a request path is a Google resource's or a Google operation's."""
    if routes and OPERATION_PATH.search(path):
        return True
    return any(e.pattern.fullmatch(path) for g in routes for e in g.endpoints)
