"""Google's Magic Modules specs ("mmv1"): `products/<product>/` with PascalCase resource files.

`loader` maps upstream's keys onto the model (see its docstring for the rules), with
`reader` (typed reads that report every unsupported key), `props` (properties) and
`examples` (rendered from upstream's example templates by `templates`); `detect` tells
an mmv1 tree by its layout; `key_reports` folds unsupported keys into one warning each;
`nested` reads `nested_query`; `go_code` drops the Go custom code; `format` registers the format with `generator.loaders.formats`. This
module imports nothing, so that the registry can import `format` without loading the mmv1
loader.
"""
