"""The mmv1 example-template renderer (generator/loaders/mmv1/templates.py) and its use.

Unit tests of each construct of the subset, the diagnostic for anything else (with its
line and column), and path confinement of `config_path`, which comes from a spec.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic
from generator.loaders.mmv1.examples import TEMPLATE_MISSING, TEMPLATE_UNSUPPORTED
from generator.loaders.mmv1.loader import load_mmv1
from generator.loaders.mmv1.templates import (
    TemplateError,
    TemplateMissing,
    read_template,
    render,
    var_name,
)
from generator.model.nodes import Example
from generator.render.docs_view import fill_example

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "loaders" / "mmv1"

DECLARED = {
    "ResourceIdVars": {"instance_name": "my-instance"},
    "Vars": {"zone": "us-central1-a"},
    "TestEnvVars": {"org_id": "ORG_ID"},
}


@pytest.mark.parametrize(
    ("template", "config", "used"),
    [
        ('"{{$.PrimaryResourceId}}"', '"default"', ()),
        ('"{{.PrimaryResourceId}}"', '"default"', ()),
        ('"{{ $.PrimaryResourceId }}"', '"default"', ()),
        (
            '{{index $.ResourceIdVars "instance_name"}}',
            "{{instance_name}}",
            (("ResourceIdVars", "instance_name"),),
        ),
        (
            '{{ index $.ResourceIdVars "instance_name" }}',
            "{{instance_name}}",
            (("ResourceIdVars", "instance_name"),),
        ),
        (
            "{{$.ResourceIdVars.instance_name}}",
            "{{instance_name}}",
            (("ResourceIdVars", "instance_name"),),
        ),
        ('"{{index .Vars "zone"}}"', '"{{zone}}"', (("Vars", "zone"),)),
        ('z = "a-{{$.Vars.zone}}"', 'z = "a-{{zone}}"', (("Vars", "zone"),)),
        ('{{index $.TestEnvVars "org_id"}}', "{{org_id}}", (("TestEnvVars", "org_id"),)),
        ("a {{/* why */}}b", "a b", ()),
        ("a  \n {{- /* trim */ -}} \n b", "ab", ()),
        ("no actions at all", "no actions at all", ()),
    ],
)
def test_each_construct(template: str, config: str, used: tuple[tuple[str, str], ...]) -> None:
    rendered = render(template, "default", DECLARED)
    assert (rendered.config, rendered.used) == (config, used)


def test_plain_var_outside_quotes_is_written_as_is() -> None:
    # A placeholder is filled HCL-string-escaped: a multi-line value used as HCL would
    # come out as one line of `\n`s. Plain vars have one value for docs and tests.
    declared = {"Vars": {"params": 'params = {\n  a = "1"\n}'}}
    rendered = render('x {\n  {{index $.Vars "params"}}\n}', None, declared)
    assert rendered.config == 'x {\n  params = {\n  a = "1"\n}\n}'
    assert (rendered.inlined, rendered.placeholders) == (("params",), ())
    # Not for old `examples:`, whose `vars` are resource ids with a random test value.
    assert render("{{$.Vars.params}}", None, declared, literal_vars=False).config == "{{params}}"


def test_dashed_keys_become_identifier_placeholders() -> None:
    declared = {"ResourceIdVars": {"compute-name": "test-instance"}}
    rendered = render('"{{index $.ResourceIdVars "compute-name"}}"', None, declared)
    assert rendered.config == '"{{compute_name}}"'
    assert var_name("compute-name") == "compute_name" and var_name("1x") == "_1x"


def test_each_var_is_listed_once_in_first_use_order() -> None:
    text = '{{$.Vars.zone}} {{index $.ResourceIdVars "instance_name"}} {{index $.Vars "zone"}}'
    assert render(text, None, DECLARED).used == (
        ("Vars", "zone"),
        ("ResourceIdVars", "instance_name"),
    )


@pytest.mark.parametrize(
    ("template", "construct", "line", "col", "why"),
    [
        ("x = 1\n  {{if $.Vars.zone}}y{{end}}", "{{if $.Vars.zone}}", 2, 3, "outside"),
        ("{{range .Vars}}", "{{range .Vars}}", 1, 1, "outside"),
        ('a\nb\n  c = "{{$.Vars.zone | upper}}"', "{{$.Vars.zone | upper}}", 3, 8, "outside"),
        ('{{index $.ResourceIdVars "nope"}}', '{{index $.ResourceIdVars "nope"}}', 1, 1, "`nope`"),
        ("{{$.TestEnvVars.zone}}", "{{$.TestEnvVars.zone}}", 1, 1, "TestEnvVars `zone`"),
        ("ok\n {{$.Vars.zone", "{{$.Vars.zone", 2, 2, "never closed"),
    ],
)
def test_unsupported_construct_reports_its_location(
    template: str, construct: str, line: int, col: int, why: str
) -> None:
    with pytest.raises(TemplateError) as err:
        render(template, "default", DECLARED)
    assert (err.value.construct, err.value.line, err.value.col) == (construct, line, col)
    assert why in err.value.why


def test_primary_resource_id_is_required_when_used() -> None:
    with pytest.raises(TemplateError, match="primary_resource_id"):
        render('resource "t" "{{$.PrimaryResourceId}}" {}', None, DECLARED)


# --- reading templates: confined to the templates folder ----------------------------------


def test_read_template_inside_the_folder(tmp_path: Path) -> None:
    root = tmp_path / "templates"
    (root / "terraform").mkdir(parents=True)
    (root / "terraform" / "a.tf.tmpl").write_text("hcl\r\n", encoding="utf-8")
    assert read_template(root, "templates/terraform/a.tf.tmpl") == "hcl\n"


@pytest.mark.parametrize(
    "rel",
    [
        "templates/../products/x/secret.yaml",
        "templates/terraform/../../outside.txt",
        "/etc/passwd",
        "products/x/secret.yaml",
        "templates/\0x",
        "templates/terraform/absent.tf.tmpl",
    ],
)
def test_read_template_refuses_paths_outside_or_absent(tmp_path: Path, rel: str) -> None:
    root = tmp_path / "templates"
    (root / "terraform").mkdir(parents=True)
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    with pytest.raises(TemplateMissing):
        read_template(root, rel)


def test_read_template_refuses_a_link_out_of_the_folder(tmp_path: Path) -> None:
    root = tmp_path / "templates"
    root.mkdir()
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    (root / "link.tf.tmpl").symlink_to(tmp_path / "outside.txt")
    with pytest.raises(TemplateMissing, match="outside"):
        read_template(root, "templates/link.tf.tmpl")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_read_template_refuses_a_fifo(tmp_path: Path) -> None:
    root = tmp_path / "templates"
    root.mkdir()
    os.mkfifo(root / "pipe.tf.tmpl")
    with pytest.raises(TemplateMissing):  # and returns at once: opened without blocking
        read_template(root, "templates/pipe.tf.tmpl")


# --- through the loader -------------------------------------------------------------------

SPEC = """\
name: Thing
base_url: projects/{{{{project}}}}/things
properties:
  - name: name
    type: String
    required: true
samples:
  - name: {name}
    primary_resource_id: main
    steps:
      - name: {name}
{extra}"""


def _tree(tmp_path: Path, name: str, template: str | None, extra: str = "") -> Path:
    """A copy of the fixture's product with one extra resource whose sample is `name`."""
    products = tmp_path / "products"
    shutil.copytree(FIXTURE / "products" / "documentai", products / "documentai")
    (products / "documentai" / "Thing.yaml").write_text(
        SPEC.format(name=name, extra=extra), encoding="utf-8"
    )
    shutil.copytree(FIXTURE / "templates", tmp_path / "templates")
    services = tmp_path / "templates" / "terraform" / "samples" / "services" / "documentai"
    if template is not None:
        (services / f"{name}.tf.tmpl").write_text(template, encoding="utf-8")
    return products


def _thing(products: Path) -> tuple[Example, list[Diagnostic]]:
    result = load_mmv1([str(products)])
    (product,) = result.products
    res = next(r for r in product.resources if r.name == "thing")
    return res.examples[0], [d for d in result.diagnostics if d.code.startswith("mmv1-template")]


def test_loader_renders_vars_and_env_vars(tmp_path: Path) -> None:
    template = (
        'resource "google_document_ai_thing" "{{$.PrimaryResourceId}}" {\n'
        '  name   = "{{index $.ResourceIdVars "thing_name"}}"\n'
        '  org_id = "{{index $.TestEnvVars "org_id"}}"\n'
        "}\n"
    )
    extra = (
        "        resource_id_vars:\n          thing_name: my-thing\n"
        "        test_env_vars:\n          org_id: ORG_ID\n"
    )
    ex, diags = _thing(_tree(tmp_path, "thing_basic", template, extra))
    assert not diags
    assert ex.config == (
        'resource "google_document_ai_thing" "main" {\n'
        '  name   = "{{thing_name}}"\n'
        '  org_id = "{{org_id}}"\n'
        "}\n"
    )
    assert fill_example(ex.config, ex, "docs").splitlines()[1:3] == [
        '  name   = "my-thing"',
        '  org_id = "123456789"',  # upstream's docs value for ORG_ID
    ]
    assert 'name   = "tf-test-my-thing{random}"' in fill_example(ex.config, ex, "test")
    # The tests read ORG_ID from GOOGLE_ORG (the emulator's value: the docs value).
    assert ex.skip_test is None
    assert 'org_id = "{env:GOOGLE_ORG}"' in fill_example(ex.config, ex, "test")
    (org,) = [v for v in ex.vars if v.env]
    assert (org.env, org.test) == ("GOOGLE_ORG", "123456789")


def test_loader_reports_an_unsupported_construct_at_its_place(tmp_path: Path) -> None:
    template = 'resource "google_document_ai_thing" "x" {\n  {{if .Vars.a}}a = 1{{end}}\n}\n'
    products = _tree(tmp_path, "thing_if", template)
    ex, diags = _thing(products)
    assert ex.config == "" and ex.skip_test and "{{if .Vars.a}}" in ex.skip_test
    (diag,) = diags
    assert diag.code == "mmv1-template-unsupported"
    assert diag.location.file.endswith("samples/services/documentai/thing_if.tf.tmpl")
    assert (diag.location.line, diag.location.col) == (2, 3)
    assert "{{if .Vars.a}}" in diag.message


def test_loader_reports_a_missing_template(tmp_path: Path) -> None:
    ex, diags = _thing(_tree(tmp_path, "thing_gone", None))
    assert ex.config == "" and ex.skip_test and "not found" in ex.skip_test
    assert [d.code for d in diags] == ["mmv1-template-missing"]
    assert diags[0].location.file.endswith("Thing.yaml")


def test_loader_keeps_config_path_inside_the_templates_folder(tmp_path: Path) -> None:
    extra = "        config_path: templates/../products/documentai/product.yaml\n"
    ex, diags = _thing(_tree(tmp_path, "thing_escape", None, extra))
    assert ex.config == ""
    assert [d.code for d in diags] == ["mmv1-template-missing"]
    assert "outside" in diags[0].message


def test_the_diagnostic_codes_are_documented() -> None:
    doc = (REPO / "docs" / "spec-format.md").read_text(encoding="utf-8")
    for code in (TEMPLATE_UNSUPPORTED, TEMPLATE_MISSING):
        assert f"- `{code}`:" in doc, code
