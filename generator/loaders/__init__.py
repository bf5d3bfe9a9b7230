"""Loaders turn source documents (YAML specs, Markdown docs pages) into the model.

One peer package per input format: `mmgen/` (our own specs), `mmv1/` and `azure_mm/`
(Magic Modules', foreign), each behind `base.SpecFormat` and listed in `formats.py`, which
detects a path's format and dispatches to it; `docs/` reads one Terraform Registry page
into a spec draft (`mmgen import-docs`). Helpers used by several live here: `yaml_source`
(located YAML), `shapes` + `shape_check` (declared shapes), `spec_files` (the
`<product>/product.yaml` layout), `ids` (id templates), `naming` (name spellings).
"""
