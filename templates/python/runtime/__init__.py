"""mmgen generic provider runtime, copied verbatim into each generated provider as ``_runtime``.

Modules: spec (resource description), tfschema/blocks (tf schema), validate, plan, convert
(expand/flatten), ids, transport (HTTP), lro (ARM polling), auth, timeouts, resource
(GeneratedResource), provider (GeneratedProvider), servicer (gRPC), main (entry point).
Nothing is imported here so that loading one module stays cheap.
"""
