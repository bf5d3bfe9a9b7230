"""Which resource a request path belongs to: one route per resource, from its id template."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..model.nodes import ApiStyle, Product, Resource
from ..model.server_names import parent_ids
from .shapes import Checker, Leaf, Shape, build_shape

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
BODY_HOOKS = ("before_create", "before_update")


def _template_regex(template: str, paths: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A route's pattern: a placeholder is one path segment, or (``paths``: a parent's id,
    which the runtimes fill with its slashes) several."""
    pattern, pos = "", 0
    for match in _PLACEHOLDER.finditer(template):
        pattern += re.escape(template[pos : match.start()])
        one = ".+?" if match.group(1) in paths else "[^/]+"
        pattern += f"(?P<{match.group(1)}>{one})"
        pos = match.end()
    pattern += re.escape(template[pos:])
    # Literal segments are case-insensitive, as in ARM ("resourcegroups" == "resourceGroups").
    return re.compile(pattern.rstrip("/") + "/?", re.IGNORECASE)


def _route_template(product: Product, resource: Resource) -> str:
    """The id template under the product's base path. A template that starts with a
    parent's id (`{pool_id}/jobs/{name}`) is joined without a slash: the id starts with
    its own (`/subscriptions/...`), as the runtimes send it."""
    template = resource.rest.id_template
    for p in resource.properties:
        if p.parent_id and p.parent_id.startswith("/") and template.startswith(f"{{{p.name}}}"):
            return base_path(product).rstrip("/") + template
    return base_path(product) + template.lstrip("/")


def base_path(product: Product) -> str:
    """The path of the product's base URL, `/v1/` for `https://x.googleapis.com/v1/`: the
    runtimes join every call's template to it (an endpoint override keeps it)."""
    path = urlsplit(product.base_url).path
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def arm_type(product: Product, template: str) -> str:
    """`Microsoft.BatchAI/jobs` from `.../providers/Microsoft.BatchAI/jobs/{name}`.

    Without a `providers/<namespace>` segment the product's display name is the namespace.
    """
    segments = [s for s in template.strip("/").split("/") if s]
    literal_types: list[str] = []
    namespace = "".join(product.display_name.split()) or product.name
    start = 0
    for i, seg in enumerate(segments[:-1]):
        if seg.lower() == "providers" and not _PLACEHOLDER.search(segments[i + 1]):
            namespace, start = segments[i + 1], i + 2
    rest = segments[start:]
    for i, seg in enumerate(rest):
        following = rest[i + 1] if i + 1 < len(rest) else ""
        if not _PLACEHOLDER.search(seg) and _PLACEHOLDER.fullmatch(following):
            literal_types.append(seg)
    for scope in ("subscriptions", "resourcegroups"):
        if start == 0 and literal_types and literal_types[0].lower() == scope:
            literal_types = literal_types[1:]
    return "/".join([namespace, *literal_types])


def google_type(product: Product, resource: Resource) -> str:
    """A Google resource type (AIP-123): `widgets.googleapis.com/Widget`."""
    host = urlsplit(product.base_url).netloc or product.name
    kind = "".join(part[:1].upper() + part[1:] for part in resource.name.split("_"))
    return f"{host}/{kind}"


@dataclass
class Route:
    product: Product
    resource: Resource
    pattern: re.Pattern[str]
    shape: Shape
    type: str  # the ARM `type`, e.g. Microsoft.BatchAI/jobs
    url_params: dict[str, Leaf]  # placeholders with a url_param_only property
    # The id template alone (no base path): what the ids of its objects look like.
    id_pattern: re.Pattern[str] = re.compile(r"(?!)")

    @property
    def terraform_name(self) -> str:
        return self.resource.terraform_name

    @property
    def api_version(self) -> str | None:
        return self.resource.rest.api_version

    @property
    def immutable(self) -> bool:
        return self.resource.rest.immutable or self.resource.rest.update_verb is None

    @property
    def update_verb(self) -> str | None:
        verb = self.resource.rest.update_verb
        return verb.upper() if verb else None

    @property
    def is_google(self) -> bool:
        return self.product.api_style is ApiStyle.GOOGLE

    @property
    def is_async(self) -> bool:
        wanted = "operation" if self.is_google else "arm"
        return self.resource.rest.async_style.value == wanted

    @property
    def has_body_hooks(self) -> bool:
        return any(name in BODY_HOOKS for name, _ in self.resource.custom_code.hooks)

    def match(self, path: str) -> dict[str, str] | None:
        found = self.pattern.fullmatch(path)
        if not found:
            return None
        return {k: unquote(v) for k, v in found.groupdict().items()}

    def check_url_params(self, values: dict[str, str]) -> Checker:
        """Validate URL values against the url_param_only properties that name them."""
        checker = Checker()
        for name, leaf in self.url_params.items():
            if name in values:
                checker.value(leaf, leaf.prop.type, values[name], name)
        return checker


def build_routes(products: list[Product] | tuple[Product, ...]) -> list[Route]:
    routes = []
    for product in products:
        for resource in product.resources:
            template = resource.rest.id_template
            params = set(_PLACEHOLDER.findall(template))
            url_params = {
                p.name: Leaf(p)
                for p in resource.properties
                if p.url_param_only and p.name in params and not p.validation.is_empty
            }
            routes.append(
                Route(
                    product=product,
                    resource=resource,
                    # The runtimes join a template, with or without its leading `/`, to
                    # the product's base URL, path included: the route is under that path.
                    pattern=_template_regex(
                        _route_template(product, resource), parent_ids(resource)
                    ),
                    shape=build_shape(resource.properties),
                    type=(
                        google_type(product, resource)
                        if product.api_style is ApiStyle.GOOGLE
                        else arm_type(product, template)
                    ),
                    url_params=url_params,
                    id_pattern=_template_regex(template, parent_ids(resource)),
                )
            )
    return routes


def find_route(routes: list[Route], path: str) -> tuple[Route, dict[str, str]] | None:
    """The first route whose template matches `path` (products in load order)."""
    for route in routes:
        values = route.match(path)
        if values is not None:
            return route, values
    return None
