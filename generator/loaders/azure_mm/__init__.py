"""Specs of the Azure fork of Magic Modules (2019): folders with `api.yaml` + `terraform.yaml`.

`loader` finds the spec folders and builds each product (its docstring has the mapping
table), `resource` builds a resource from the `drafts` it reads, `examples` turns example
files into HCL, `keys` lists every key of the format with what the loader does with it;
`format` registers the format with `generator.loaders.formats`. This module imports
nothing, so that the registry can import `format` without loading the Azure loader.
"""
