"""mmgen's own YAML spec format: `<product>/product.yaml` + one `<resource>.yaml` each.

`loader` reads the files into the model, `spec_shapes` declares their keys, `json_schema`
turns those declarations into the JSON Schema editors use, and `format` registers it all
with `generator.loaders.formats`. This module imports nothing, so that the registry can
import `format` without loading the YAML machinery.
"""
