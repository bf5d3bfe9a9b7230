# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: gen-specs/kitchen/custom/sink_nickname.py
# Template:    custom-code
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Hand-written expand of `nickname`: the API stores nicknames upper-cased."""

from typing import Any


def expand(value: Any, state: Any = None) -> Any:
    return value.upper() if isinstance(value, str) else value
