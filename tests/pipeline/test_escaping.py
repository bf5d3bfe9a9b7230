"""Strings from specs reach generated code as data, never as code.

Hypothesis writes arbitrary descriptions, defaults, enum values and names of examples
into a spec, generates, and imports the generated module: every string must come back
exactly, and rendering twice must give the same bytes. The go target's resource gets the
same strings as Go string literals (gofmt already accepted the file): each must be the
literal `go_string` makes of the spec's value, which test_go_literals.py checks against a
real Go program.
"""

from __future__ import annotations

import ast
import importlib
import re
import shutil
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spec_text import yaml_quoted

from generator.formatting import format_python
from generator.pipeline import generate
from generator.render.go_literals import go_string

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
    # Any text as a YAML scalar.
    doc = doc.replace(
        "description: An oven; immutable, created and deleted by long-running operations.",
        f"description: {yaml_quoted(description)}",
    )
    doc = doc.replace(
        "    description: Temperature in degrees Celsius.",
        "    description: Temperature in degrees Celsius.\n"
        f"  - name: label\n    type: String\n    api_name: properties.label\n"
        f"    default: {yaml_quoted(default)}\n    description: {yaml_quoted(description)}",
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
    module_path = "python/terraform_provider_kitchen/kitchen/oven.py"
    source = first.files[module_path].text
    ast.parse(source)
    assert format_python(source) == source, "black must be idempotent on generated code"
    _check_go(
        first.files["go/internal/services/kitchen/oven_resource.go"].text, description, default
    )
    # Import the generated module for real and read the strings back.
    out = tmp / "out"
    for path, f in first.files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f.text, encoding="utf-8")
    root = str(out / "python")
    sys.path.insert(0, root)
    try:
        for name in list(sys.modules):
            if name.startswith("terraform_provider_kitchen"):
                del sys.modules[name]
        mod = importlib.import_module("terraform_provider_kitchen.kitchen.oven")
        assert mod.SPEC.description == description
        label = next(f for f in mod.SPEC.fields if f.name == "label")
        assert label.default == default
        assert label.description == description
    finally:
        sys.path.remove(root)
        for name in list(sys.modules):
            if name.startswith("terraform_provider_kitchen"):
                del sys.modules[name]


GO_LITERAL = r'"(?:[^"\\\n]|\\.)*"'


def _check_go(source: str, description: str, default: str) -> None:
    m = re.search(
        r'\n(?P<indent>\t+)"label": schema\.StringAttribute\{\n(?P<body>.*?)\n(?P=indent)\},',
        source,
        re.S,
    )
    assert m, "no `label` attribute in the generated Go resource"
    body = m["body"]
    desc = re.search(rf"MarkdownDescription:\s+({GO_LITERAL}),", body)
    dflt = re.search(rf"Default:\s+stringdefault\.StaticString\(({GO_LITERAL})\)", body)
    assert desc and dflt, body
    # The literals are go_string's (test_go_literals.py runs those through a Go compiler).
    assert dflt[1] == go_string(default)
    assert desc[1] == go_string(description)  # as written, like the python schema


def test_yaml_quoted_reaches_the_loader_unchanged(tmp_path: Path) -> None:
    nasty = 'a"\\\n\x00\x7f\u2028\ufeff\U0001f600 ${x} <!-- z'
    specs = _spec(tmp_path, nasty, nasty)
    result = generate(specs)
    assert not result.has_errors, [d.to_text() for d in result.diagnostics]
    _check_go(result.files["go/internal/services/kitchen/oven_resource.go"].text, nasty, nasty)
