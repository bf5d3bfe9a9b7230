"""The `loc` field every model node has: where in a spec it was written (file:line:col),
left out of equality and repr, so a model loaded from YAML equals the same model built in
memory."""

from __future__ import annotations

from dataclasses import field

from ..diagnostics import NO_LOCATION, Location


def loc_field() -> Location:
    loc: Location = field(default=NO_LOCATION, compare=False, repr=False)
    return loc
