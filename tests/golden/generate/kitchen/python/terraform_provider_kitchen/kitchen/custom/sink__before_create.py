# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: gen-specs/kitchen/custom/sink_before_create.py
# Template:    custom-code
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Hand-written hook: stamp the body with who created it."""

from typing import Any


def before_create(resource: Any, ctx: Any, body: dict[str, Any]) -> dict[str, Any]:
    body.setdefault("properties", {})["createdBy"] = "mmgen"
    return body
