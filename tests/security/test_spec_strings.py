"""Arbitrary Unicode in every free-text field of a spec reaches every output as data.

Hypothesis writes strings into the kitchen fixture: the resource's description, a
property's description, default and API name, a deprecation message, enum values, an
example's docs and test values, the product's display name, a provider setting's
description and a reference title. Then, for one generation of both targets:

- python: the generated package imports, and each string reads back unchanged;
- go: a test compiled into the generated package reads each string back from the
  framework schema (expected values travel as hex, never through mmgen's escaper), the
  enum validator accepts each value, the acceptance configuration's Go literal decodes to
  the configuration, and the generated unit tests (expand/flatten over the API names) pass;
- docs: the page is the same for both targets, its front matter parses, its section tree
  (headings, fences, HTML blocks, bullets per section) is the fixture's, and every HCL
  example parses with HashiCorp's own parser (`tests/tools/hclread`) with the example's
  value read back.

A spec that mmgen rejects must be rejected with a spec diagnostic, never a crash of a
renderer or formatter; the test counts the accepted examples so that it cannot pass by
rejecting everything.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from ruamel.yaml import YAML
from spec_text import yaml_quoted

from generator.pipeline import generate

from .conftest_paths import KITCHEN, REPO

GO = shutil.which("go")
needs_go = pytest.mark.skipif(GO is None, reason="the Go toolchain is not on PATH")
EXAMPLES = int(os.environ.get("MMGEN_SECURITY_EXAMPLES", "24"))

NASTY = [
    '"',
    '"""',
    "\\",
    "\n",
    "\r\n",
    "\x00",
    "\x1b[31m",
    "\u2028",
    "\u0085",
    "\ufeff",
    "${var.x}",
    "%{ if true }",
    "{{ x }}",
    "{% raw %}",
    "`",
    "```",
    "~~~",
    "<!--",
    "# heading",
    "## Import",
    "---",
    "===",
    "<script>",
    "* bullet",
    "    indented",
    "\n\n# h\n\n",
    "__import__('os')",
    "\U0001f600",
]
CHARS = st.characters(codec="utf-8")  # anything a UTF-8 spec file can hold
TEXT = st.one_of(
    st.text(CHARS, max_size=30),
    st.tuples(st.sampled_from(NASTY), st.text(CHARS, max_size=8), st.sampled_from(NASTY)).map(
        "".join
    ),
)
NONEMPTY = TEXT.filter(lambda s: s.strip() != "")
FIELDS = st.fixed_dictionaries(
    {
        "resource_description": NONEMPTY,
        "property_description": NONEMPTY,
        "default": TEXT,
        "api_key": NONEMPTY.filter(lambda s: "." not in s),
        "deprecation": NONEMPTY,
        "enum": st.lists(NONEMPTY, min_size=1, max_size=3, unique=True),
        "example_docs": TEXT,
        "example_test": TEXT,
        "display_name": NONEMPTY,
        "param_description": NONEMPTY,
        "reference_title": NONEMPTY,
    }
)
# Rejections that are the spec's fault, with a clear diagnostic; anything else fails.
SPEC_CODES = {"enum-value", "wrong-type", "invalid-name", "empty", "default-type"}


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def write_specs(root: Path, s: dict[str, Any]) -> Path:
    specs = root / "specs"
    if specs.exists():
        shutil.rmtree(specs)
    shutil.copytree(KITCHEN, specs)
    q = yaml_quoted
    product = specs / "kitchen" / "product.yaml"
    t = product.read_text(encoding="utf-8")
    t = _replace(t, "display_name: Kitchen", f"display_name: {q(s['display_name'])}")
    t = _replace(
        t,
        "description: The subscription that owns every kitchen resource.",
        f"description: {q(s['param_description'])}",
    )
    product.write_text(t, encoding="utf-8")
    sink = specs / "kitchen" / "sink.yaml"
    t = sink.read_text(encoding="utf-8")
    desc = f"description: {q(s['resource_description'])}\napi:"
    t, n = re.subn(r"(?ms)^description: \|\n.*?^api:", lambda _: desc, t)
    assert n == 1
    t = _replace(t, "title: Sink API", f"title: {q(s['reference_title'])}")
    t = _replace(t, "deprecation: Use `nickname` instead.", f"deprecation: {q(s['deprecation'])}")
    enum = "[" + ", ".join(q(v) for v in s["enum"]) + "]"
    t = _replace(
        t,
        "enum_values: [Steel, Ceramic, Stone]\n    default: Steel",
        f"enum_values: {enum}\n    default: {q(s['enum'][0])}",
    )
    t = _replace(
        t,
        'nickname: {docs: shiny, test: "nick-{random}"}',
        f"nickname: {{docs: {q(s['example_docs'])}, test: {q(s['example_test'])}}}",
    )
    motto = (
        "  - name: motto\n    type: String\n"
        f"    api_name: {q('properties.' + s['api_key'])}\n"
        f"    default: {q(s['default'])}\n"
        f"    description: {q(s['property_description'])}\n"
    )
    t = _replace(t, "  - name: location\n", motto + "  - name: location\n")
    sink.write_text(t, encoding="utf-8")
    return specs


# --- python ---------------------------------------------------------------------------


def check_python(out: Path, s: dict[str, Any]) -> str:
    root = str(out / "python")
    sys.path.insert(0, root)
    try:
        for name in [n for n in sys.modules if n.startswith("terraform_provider_kitchen")]:
            del sys.modules[name]
        mod = importlib.import_module("terraform_provider_kitchen.kitchen.sink")
        spec = mod.SPEC
        assert spec.description == s["resource_description"]
        fields = {f.name: f for f in spec.fields}
        assert fields["motto"].description == s["property_description"]
        assert fields["motto"].default == s["default"]
        assert fields["motto"].api_path == ("properties", s["api_key"])
        assert fields["legacy_name"].deprecation == s["deprecation"]
        assert fields["finish"].enum_values == tuple(s["enum"])
        assert fields["finish"].default == s["enum"][0]
    finally:
        sys.path.remove(root)
        for name in [n for n in sys.modules if n.startswith("terraform_provider_kitchen")]:
            del sys.modules[name]
    # The acceptance module is read, not imported: its package name (`tests`) would
    # clash between examples. Python's own parser evaluates the literal.
    acc = out / "python" / "tests" / "acceptance" / "test_kitchen_sink.py"
    configs = [
        kw.value
        for node in ast.walk(ast.parse(acc.read_text("utf-8")))
        if isinstance(node, ast.Call)
        for kw in node.keywords
        if kw.arg == "config"
    ]
    assert len(configs) == 1
    config = ast.literal_eval(configs[0])
    assert isinstance(config, str)
    provider = (out / "python" / "terraform_provider_kitchen" / "provider.py").read_text("utf-8")
    ast.parse(provider)
    return config


# --- go -------------------------------------------------------------------------------

GO_TEST = """package kitchen

import (
	"context"
	"encoding/hex"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func unhex(t *testing.T, h string) string {
	b, err := hex.DecodeString(h)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func same(t *testing.T, what, got, wantHex string) {
	if want := unhex(t, wantHex); got != want {
		t.Errorf("%%s: got %%q, want %%q", what, got, want)
	}
}

func TestSpecStringsReadBack(t *testing.T) {
	ctx := context.Background()
	var resp resource.SchemaResponse
	NewSinkResource().Schema(ctx, resource.SchemaRequest{}, &resp)
	s := resp.Schema
	same(t, "resource description", s.MarkdownDescription, "%(resource)s")
	motto := s.Attributes["motto"].(schema.StringAttribute)
	same(t, "motto description", motto.MarkdownDescription, "%(property)s")
	var dr defaults.StringResponse
	motto.Default.DefaultString(ctx, defaults.StringRequest{}, &dr)
	same(t, "motto default", dr.PlanValue.ValueString(), "%(default)s")
	legacy := s.Attributes["legacy_name"].(schema.StringAttribute)
	same(t, "deprecation", legacy.DeprecationMessage, "%(deprecation)s")
	finish := s.Attributes["finish"].(schema.StringAttribute)
	var fd defaults.StringResponse
	finish.Default.DefaultString(ctx, defaults.StringRequest{}, &fd)
	same(t, "finish default", fd.PlanValue.ValueString(), "%(first)s")
	check := func(value string) bool {
		ok := true
		for _, v := range finish.Validators {
			var r validator.StringResponse
			v.ValidateString(ctx, validator.StringRequest{Path: path.Root("finish"), ConfigValue: types.StringValue(value)}, &r)
			ok = ok && !r.Diagnostics.HasError()
		}
		return ok
	}
	for _, h := range []string{%(enum)s} {
		if !check(unhex(t, h)) {
			t.Errorf("enum value %%q refused", unhex(t, h))
		}
	}
	if check(unhex(t, "%(outside)s")) {
		t.Errorf("a value outside the enum was accepted")
	}
	same(t, "acceptance config", accConfig, "%(config)s")
}

var accConfig = %(config_literal)s
"""

# The example's configuration: the `Config` of its acctest.Case (acctest.go.j2), the first
# field of that name in the file (a change's `Config` is indented one level deeper).
ACC_CONFIG = re.compile(r'^\tConfig: +("(?:[^"\\\n]|\\.)*"),$', re.MULTILINE)


def write_go_test(module: Path, s: dict[str, Any], config: str) -> None:
    def h(v: str) -> str:
        return v.encode("utf-8").hex()

    acc = (module / "internal" / "services" / "kitchen" / "sink_resource_test.go").read_text(
        "utf-8"
    )
    literal = ACC_CONFIG.search(acc)
    assert literal, "no acceptance configuration in the Go acceptance test"
    values = {
        "resource": h(s["resource_description"].strip() or "kitchen_sink"),
        "property": h(s["property_description"]),
        "default": h(s["default"]),
        "deprecation": h(s["deprecation"]),
        "first": h(s["enum"][0]),
        "enum": ", ".join(f'"{h(v)}"' for v in s["enum"]),
        "outside": h("".join(s["enum"]) + "\x00outside"),
        "config": h(config),
        "config_literal": literal[1],
    }
    path = module / "internal" / "services" / "kitchen" / "zz_spec_strings_test.go"
    path.write_text(GO_TEST % values, encoding="utf-8")


def run_go(module: Path) -> None:
    proc = subprocess.run(
        [
            GO or "go",
            "test",
            "-count=1",
            "-v",
            "-run",
            "^(TestSpecStringsReadBack|TestExpandFlatten)",
            "./internal/services/kitchen/",
        ],
        cwd=module,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    for test in ("TestSpecStringsReadBack", "TestExpandFlattenSink"):
        assert f"--- PASS: {test}" in proc.stdout, proc.stdout[-4000:]


# --- docs and HCL ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def hclread(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if GO is None:
        pytest.skip("the Go toolchain is not on PATH (hclread is built from HashiCorp's HCL)")
    binary = tmp_path_factory.mktemp("hclread") / "hclread"
    proc = subprocess.run(
        [GO, "build", "-o", str(binary), "."],
        cwd=REPO / "tests" / "tools" / "hclread",
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    return binary


def read_hcl(binary: Path, sources: list[str]) -> list[dict[str, Any]]:
    proc = subprocess.run(
        [str(binary)], input=json.dumps(sources), capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    results: list[dict[str, Any]] = json.loads(proc.stdout)
    return results


def page_shape(page: str) -> tuple[dict[str, Any], list[tuple[str, ...]], list[str]]:
    """(front matter, the section tree, the HCL fences) of a docs page."""
    assert page.startswith("---\n")
    head, body = page[4:].split("\n---\n", 1)
    front = YAML(typ="safe").load(head)
    assert isinstance(front, dict)
    tree: list[tuple[str, ...]] = []
    fences: list[str] = []
    tokens = MarkdownIt("commonmark").parse(body)
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            tree.append(("h", tok.tag, tokens[i + 1].content))
        elif tok.type in ("fence", "code_block", "html_block", "hr"):
            tree.append((tok.type, tok.info))
            if tok.type == "fence" and tok.info == "hcl":
                fences.append(tok.content)
        elif tok.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            tree.append((tok.type, str(tok.level)))
        elif tok.type == "list_item_open":
            tree.append(("li", str(tok.level)))
    return front, tree, fences


BASELINE: dict[str, Any] = {}


def baseline(root: Path) -> Any:
    if not BASELINE:
        plain = {
            "resource_description": "A sink.",
            "property_description": "A motto.",
            "default": "m",
            "api_key": "motto",
            "deprecation": "Old.",
            "enum": ["Steel", "Ceramic"],
            "example_docs": "shiny",
            "example_test": "nick",
            "display_name": "Kitchen",
            "param_description": "The subscription.",
            "reference_title": "Sink API",
        }
        result = generate(write_specs(root, plain))
        assert not result.has_errors, [d.to_text() for d in result.diagnostics]
        BASELINE.update(shape=page_shape(result.files["python/docs/resources/sink.md"].text))
    return BASELINE["shape"]


def check_docs(
    files: dict[str, str], root: Path, s: dict[str, Any], binary: Path, config: str
) -> None:
    page = files["python/docs/resources/sink.md"]
    assert files["go/docs/resources/sink.md"] == page, "the page differs between the targets"
    base_front, base_tree, _ = baseline(root)
    front, tree, fences = page_shape(page)
    assert sorted(front) == sorted(base_front)
    assert front["subcategory"] == s["display_name"]
    assert tree == base_tree, "the page's section tree changed"
    parsed = read_hcl(binary, [*fences, config])
    for fence, result in zip([*fences, config], parsed, strict=True):
        assert result["errors"] == [], (fence, result["errors"])
    docs_example, test_example = parsed[0]["strings"], parsed[-1]["strings"]
    key = "resource.kitchen_sink.example.nickname"
    # HCL reads every string literal in Unicode NFC (its native syntax spec): `ί` (U+1F77)
    # reaches Terraform as U+03AF whatever the file holds, so NFC is what must match.
    assert docs_example[key] == unicodedata.normalize("NFC", s["example_docs"])
    assert test_example[key] == unicodedata.normalize("NFC", s["example_test"])


# --- the properties ------------------------------------------------------------------

ACCEPTED: dict[str, int] = {"python": 0, "go": 0}
GO_EXAMPLES = max(1, EXAMPLES // 4)


def generated(root: Path, s: dict[str, Any]) -> tuple[dict[str, str], Path] | None:
    """The generated files (also written under root/out), or None for a rejected spec."""
    result = generate(write_specs(root, s))
    if result.has_errors:
        codes = {d.code for d in result.diagnostics if d.is_error}
        assert codes <= SPEC_CODES, [d.to_text() for d in result.diagnostics if d.is_error]
        return None
    files = {p: f.text for p, f in result.files.items()}
    out = root / "out"
    for rel, text in files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return files, out


SLOW = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@needs_go
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=SLOW)
@given(s=FIELDS)
def test_python_and_docs_read_every_spec_string_back(
    s: dict[str, Any], tmp_path_factory: pytest.TempPathFactory, hclread: Path
) -> None:
    root = tmp_path_factory.mktemp("strings")
    made = generated(root, s)
    if made is None:
        return
    ACCEPTED["python"] += 1
    files, out = made
    config = check_python(out, s)
    check_docs(files, root / "base", s, hclread, config)


# Each example compiles a Go test binary (seconds): fewer examples, and no shrinking (a
# failure is reported as drawn; the cheap property above shrinks the same strings).
@needs_go
@settings(
    max_examples=GO_EXAMPLES,
    deadline=None,
    suppress_health_check=SLOW,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(s=FIELDS)
def test_go_reads_every_spec_string_back(
    s: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("strings-go")
    made = generated(root, s)
    if made is None:
        return
    ACCEPTED["go"] += 1
    _, out = made
    write_go_test(out / "go", s, check_python(out, s))
    run_go(out / "go")


@needs_go
@pytest.mark.parametrize("target,wanted", [("python", EXAMPLES), ("go", GO_EXAMPLES)])
def test_the_properties_accepted_most_examples(target: str, wanted: int) -> None:
    """Runs after the properties (file order): they must not pass by rejecting every spec."""
    if ACCEPTED[target] == 0:
        pytest.skip(f"the {target} property did not run in this session (deselected)")
    assert ACCEPTED[target] >= max(1, wanted // 2), f"only {ACCEPTED[target]} of {wanted}"
