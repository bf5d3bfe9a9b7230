# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/__init__.py
# Template:    python/runtime/__init__.py
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""mmgen generic provider runtime, copied verbatim into each generated provider as ``_runtime``.

Modules: spec (resource description), tfschema/blocks (tf schema), validate, plan, convert
(expand/flatten), ids, transport (HTTP), lro (ARM polling), auth, timeouts, resource
(GeneratedResource), provider (GeneratedProvider), servicer (gRPC), main (entry point).
Nothing is imported here so that loading one module stays cheap.
"""
