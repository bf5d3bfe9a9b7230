"""Id templates: the `{placeholder}`s of a resource id and where their values come from."""

from __future__ import annotations

import re

from ..diagnostics import Location
from ..model.nodes import IdParam, IdParamSource, Property

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def id_params(
    id_template: str, properties: tuple[Property, ...], loc: Location
) -> tuple[IdParam, ...]:
    """One param per placeholder: a top-level property of that name, else the provider."""
    names = {p.name for p in properties}
    params = []
    for placeholder in PLACEHOLDER.findall(id_template):
        source = IdParamSource.PROPERTY if placeholder in names else IdParamSource.PROVIDER
        params.append(IdParam(placeholder, source, loc))
    return tuple(params)
