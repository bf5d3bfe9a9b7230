"""Strings from specs reach generated code as data, never as code.

Hypothesis writes arbitrary descriptions, defaults, enum values and names of examples
into a spec, generates, and imports the generated module: every string must come back
exactly, and rendering twice must give the same bytes.
"""

from __future__ import annotations

import ast
import importlib
import json
import shutil
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.formatting import format_python
from generator.pipeline import generate

from .helpers import KITCHEN_SPECS

NASTY = [
    '"""',
    "'''",
    "\\",
    "{{ x }}",
    "{% raw %}",
    "__import__('os').system('echo pwned')",
    "\n",
    "\r\n",
    "\x00",
    "${var.x}",
    "%{ if }",
    "```",
    "<!-- -->",
    "\u2028",
    "#",
]
# Any Unicode a UTF-8 file can hold (lone surrogates cannot be written to a spec at all).
chars = st.characters(blacklist_categories=("Cs",))
text = st.one_of(st.sampled_from(NASTY), st.text(chars, max_size=40)).flatmap(
    lambda a: st.text(chars, max_size=20).map(lambda b: a + b)
)


def _spec(tmp: Path, description: str, default: str) -> Path:
    specs = tmp / "specs"
    if specs.exists():
        shutil.rmtree(specs)
    shutil.copytree(KITCHEN_SPECS, specs)
    oven = specs / "kitchen" / "oven.yaml"
    doc = oven.read_text()
    # JSON strings are YAML strings: this writes any text as a YAML scalar.
    doc = doc.replace(
        "description: An oven; immutable, created and deleted by long-running operations.",
        f"description: {json.dumps(description)}",
    )
    doc = doc.replace(
        "    description: Temperature in degrees Celsius.",
        "    description: Temperature in degrees Celsius.\n"
        f"  - name: label\n    type: String\n    api_name: properties.label\n"
        f"    default: {json.dumps(default)}\n    description: {json.dumps(description)}",
    )
    oven.write_text(doc, encoding="utf-8")
    return specs


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(description=text, default=text)
def test_spec_strings_round_trip_through_generated_code(tmp_path_factory, description: str, default: str) -> None:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("esc")
    specs = _spec(tmp, description, default)
    first = generate(specs)
    if first.has_errors:
        # Only a spec that mmgen rejects may fail, never the renderer or black.
        assert not any(d.code in ("template-error", "format-error") for d in first.diagnostics)
        return
    second = generate(specs)
    assert {p: f.text for p, f in first.files.items()} == {
        p: f.text for p, f in second.files.items()
    }
    module_path = "python/kitchen/terraform_provider_kitchen/resources/oven.py"
    source = first.files[module_path].text
    ast.parse(source)
    assert format_python(source) == source, "black must be idempotent on generated code"
    # Import the generated module for real and read the strings back.
    out = tmp / "out"
    for path, f in first.files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f.text, encoding="utf-8")
    root = str(out / "python" / "kitchen")
    sys.path.insert(0, root)
    try:
        for name in list(sys.modules):
            if name.startswith("terraform_provider_kitchen"):
                del sys.modules[name]
        mod = importlib.import_module("terraform_provider_kitchen.resources.oven")
        assert mod.SPEC.description == description
        label = next(f for f in mod.SPEC.fields if f.name == "label")
        assert label.default == default
        assert label.description == description
    finally:
        sys.path.remove(root)
        for name in list(sys.modules):
            if name.startswith("terraform_provider_kitchen"):
                del sys.modules[name]
