"""The destroy guard in the loaders: the mmv1 loader adds upstream's `deletion_policy`
to every resource (unless the spec declares its own) and names it the resource's guard;
the mmgen key `deletion_policy` keeps it through `convert`; validation checks what it
names (docs/spec-format.md, "Destroy guard")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.convert import convert_specs
from generator.loaders.mmgen.loader import load_specs
from generator.loaders.mmv1.loader import load_mmv1
from generator.model.nodes import Presence, TypeKind
from generator.validate import validate_products

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "python-rest" / "mmv1"

PRODUCT = """\
name: Widget
versions:
  - name: ga
    base_url: https://widget.googleapis.com/v1/
"""
PLAIN = """\
name: Plain
base_url: projects/{{project}}/plains
properties:
  - name: name
    type: String
"""
DEFAULTED = PLAIN.replace("Plain", "Defaulted").replace("plains", "defaulteds") + (
    "deletion_policy_default: ABANDON\n"
)
OWN = """\
name: Own
base_url: projects/{{project}}/owns
virtual_fields:
  - name: deletion_policy
    type: String
    description: Our own. DISABLE disables instead.
    default_value: DISABLE
properties:
  - name: name
    type: String
"""


def _resources(tmp_path: Path) -> dict[str, object]:
    folder = tmp_path / "widget"
    folder.mkdir()
    (folder / "product.yaml").write_text(PRODUCT)
    for text in (PLAIN, DEFAULTED, OWN):
        (folder / (text.split("\n", 1)[0].split()[1] + ".yaml")).write_text(text)
    result = load_mmv1([str(folder)])
    assert not [d for d in result.diagnostics if d.is_error]
    assert "resource.deletion_policy_default" not in result.unsupported
    (product,) = result.products
    return {r.name: r for r in product.resources}


def test_every_mmv1_resource_gets_the_guard(tmp_path: Path) -> None:
    res = _resources(tmp_path)
    for name, default in (("plain", "DELETE"), ("defaulted", "ABANDON")):
        r = res[name]
        assert r.deletion_policy == "deletion_policy"  # type: ignore[attr-defined]
        prop = r.properties[-1]  # type: ignore[attr-defined]
        assert (prop.name, prop.type.kind, prop.presence) == (
            "deletion_policy",
            TypeKind.STRING,
            Presence.OPTIONAL,
        )
        assert prop.url_param_only and not prop.api_name and not prop.forces_new
        assert prop.default == default and prop.validation.is_empty
        assert prop.description.startswith(
            "Whether Terraform will be prevented from destroying the resource."
        )
        assert 'When set to "ABANDON"' in prop.description
        assert r.virtual_defaults == (prop,)  # type: ignore[attr-defined]


def test_a_declared_field_is_kept_and_guards(tmp_path: Path) -> None:
    own = _resources(tmp_path)["own"]
    props = [p for p in own.properties if p.name == "deletion_policy"]  # type: ignore[attr-defined]
    assert [(p.description.strip(), p.default) for p in props] == [
        ("Our own. DISABLE disables instead.", "DISABLE")
    ]
    assert own.deletion_policy == "deletion_policy"  # type: ignore[attr-defined]


def test_convert_keeps_the_guard(tmp_path: Path) -> None:
    out = tmp_path / "specs"
    outcome = convert_specs(FIXTURE, out, "mmv1")
    assert outcome.exit_code == 0, outcome.summary
    assert "deletion_policy: deletion_policy\n" in (out / "widgets" / "gadget.yaml").read_text()
    loaded = load_specs([str(out)])
    (product,) = loaded.products
    gadget = next(r for r in product.resources if r.name == "gadget")
    assert gadget.deletion_policy == "deletion_policy"
    assert [p.default for p in gadget.virtual_defaults] == ["DELETE"]
    codes = {d.code for d in validate_products([product])}
    assert "unknown-deletion-policy" not in codes


def test_a_guard_naming_no_string_argument_is_an_error() -> None:
    loaded = load_mmv1([str(FIXTURE)])
    (product,) = loaded.products
    gadget = next(r for r in product.resources if r.name == "gadget")
    for name in ("missing", "size"):  # no such property; an Integer
        bad = replace(product, resources=(replace(gadget, deletion_policy=name),))
        diags = [d for d in validate_products([bad]) if d.code == "unknown-deletion-policy"]
        assert len(diags) == 1 and diags[0].is_error
        assert f"`{name}`" in diags[0].message and diags[0].hint
