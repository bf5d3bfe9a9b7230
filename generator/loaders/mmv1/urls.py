"""mmv1 URL templates (`base_url`, `self_link`, `create_url`, ...) read with upstream's
placeholder rules. Part of `generator.loaders.mmv1`.

Upstream fills a `{{placeholder}}` from the resource's field of that name, else from the
provider configuration (project, region, zone), else with the empty string: a singleton
without a `name` property whose self link defaults to `<base_url>/{{name}}` is read at
`.../billingInfo/`. The loader does the same when it reads the template (the placeholder
goes, its slash stays) and says so (`mmv1-empty-placeholder`), so that every placeholder
left in the model names a property or a provider setting.

A placeholder backed by a list, map or object is an error (`mmv1-url-param-list`):
upstream writes Go's `%v` text of the value (`[ALL DOCKER]`) into the URL, which no API
parses, and mmgen's targets fill placeholders from scalars only.
"""

from __future__ import annotations

import re

from ...diagnostics import Location
from ...model.nodes import Property
from ..yaml_source import YMap
from .reader import Mmv1Reader, key_loc, underscore

EMPTY = "mmv1-empty-placeholder"
NON_SCALAR = "mmv1-url-param-list"

_PLACEHOLDER = re.compile(r"\{\{\s*%?\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}")


class UrlTemplates:
    """Reads a resource's URL templates; reports each unknown or non-scalar placeholder once."""

    def __init__(
        self,
        reader: Mmv1Reader,
        known: set[str],
        properties: tuple[Property, ...],
        resource: str,
    ) -> None:
        self.r = reader
        self.known = known
        self.by_name = {p.name: p for p in properties}
        self.resource = resource
        self._reported: set[tuple[str, str]] = set()

    def raw(self, m: YMap, key: str) -> str | None:
        """The template under `key`, placeholders that name nothing emptied; None if absent."""
        text = self.r.str_(m, key, "resource")
        return None if text is None else self.fill(text, f"`{key}`", key_loc(m, key))

    def fill(self, text: str, where: str, loc: Location) -> str:
        """`text` with its placeholders that name nothing emptied; `where` names it."""

        def sub(match: re.Match[str]) -> str:
            name = underscore(match.group(1))
            if name in self.known:
                self._check_scalar(name, where, loc)
                return match.group(0)
            if ("empty", name) not in self._reported:
                self._reported.add(("empty", name))
                self.r.bag.warning(
                    EMPTY,
                    f"`{{{{{match.group(1)}}}}}` in {where} of `{self.resource}` names no "
                    "property and no provider setting: Magic Modules fills it with the empty "
                    "string, and so does mmgen",
                    loc,
                    "add the property, or write the URL without the placeholder",
                )
            return ""

        return _PLACEHOLDER.sub(sub, text)

    def _check_scalar(self, name: str, where: str, loc: Location) -> None:
        prop = self.by_name.get(name)
        if prop is None or prop.type.kind.is_primitive or ("list", name) in self._reported:
            return
        self._reported.add(("list", name))
        self.r.bag.error(
            NON_SCALAR,
            f"`{name}` in {where} of `{self.resource}` is {prop.type.kind.value}: Magic Modules "
            "writes Go's `%v` text of the value into the URL (`[A B]`), which the API does "
            "not parse (a misgeneration upstream), and mmgen fills URL placeholders from "
            "scalars only; the resource is left out",
            loc,
            "make the property a String (e.g. comma-separated values), or leave it out of the URL",
        )
