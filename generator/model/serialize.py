"""Model -> JSON-ready data, for `mmgen schema model` and for other tools.

Enums become their values, tuples become lists, and every node carries its `loc` as
`"file:line:col"` so reviewers can jump from the JSON to the spec.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

from ..diagnostics import Location


def to_data(node: Any) -> Any:
    if isinstance(node, Location):
        return str(node) if node.line else None
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        out: dict[str, Any] = {"node": type(node).__name__}
        for f in dataclasses.fields(node):
            out[f.name] = to_data(getattr(node, f.name))
        return out
    if isinstance(node, enum.Enum):
        return node.value
    if isinstance(node, tuple):
        if node and all(
            isinstance(x, tuple) and len(x) == 2 and isinstance(x[0], str) for x in node
        ):
            return {k: to_data(v) for k, v in node}
        return [to_data(x) for x in node]
    return node
