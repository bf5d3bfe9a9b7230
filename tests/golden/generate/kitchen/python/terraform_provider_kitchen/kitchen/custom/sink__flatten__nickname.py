# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: gen-specs/kitchen/custom/sink_nickname_flatten.py
# Template:    custom-code
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Hand-written flatten of `nickname`: the API returns it upper-cased; users write lower case."""

from typing import Any


def flatten(value: Any, api_object: Any = None) -> Any:
    return value.lower() if isinstance(value, str) else value
