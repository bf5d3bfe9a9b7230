"""Hypothesis: a model diffed against itself finds nothing, and so do a spec written out
again (reformatted) and a spec with its properties, keys and resources reordered."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diff import run_diff
from generator.diff.compare import compare
from generator.loaders.mmgen.loader import load_specs
from generator.loaders.yaml_source import YMap, parse_yaml
from generator.model.nodes import ApiVersion, Product, Resource
from generator.spec_writer import product_to_yaml, resource_to_yaml
from tests.test_spec_writer import resources

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "good-specs" / "batchai"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def _product(res: tuple[Resource, ...]) -> Product:
    return Product(
        "shop", "Shop", "azurerm", (ApiVersion("v1", "https://example.com/"),), resources=res
    )


@SETTINGS
@given(st.lists(resources(), max_size=3, unique_by=lambda r: r.terraform_name))
def test_a_model_against_itself_finds_nothing(res: list[Resource]) -> None:
    product = _product(tuple(res))
    assert compare([product], [product]) == []
    # Equal models built apart (no shared objects) compare equal too.
    rebuilt = replace(product, resources=tuple(replace(r) for r in reversed(res)))
    assert compare([product], [rebuilt]) == []


@SETTINGS
@given(resources())
def test_a_spec_written_out_again_finds_nothing(tmp_path_factory, res: Resource) -> None:  # type: ignore[no-untyped-def]
    """Load a spec, write its model out (other layout, quoting, key order), diff the two."""
    base = tmp_path_factory.mktemp("base") / "azurerm"
    head = tmp_path_factory.mktemp("head") / "azurerm"
    for folder in (base, head):
        folder.mkdir()
    product = replace(_product(()), prefix="azurerm")
    for folder in (base, head):
        (folder / "product.yaml").write_text(product_to_yaml(product), encoding="utf-8")
    text = resource_to_yaml(res)
    (base / "r.yaml").write_text(text, encoding="utf-8")
    # Head: the same document with every mapping's keys in reverse order, in flow style,
    # in another file name.
    root, _ = parse_yaml(text, "r.yaml")
    (head / "moved.yaml").write_text(_reversed_flow(root) + "\n", encoding="utf-8")
    # Generated models are not all valid specs (validate would stop the diff), so this
    # compares what the loader builds from the two texts, which is what `diff` compares.
    old, new = load_specs([str(base.parent)]), load_specs([str(head.parent)])
    assert len(old.products[0].resources) == 1
    assert sorted({d.code for d in old.diagnostics}) == sorted({d.code for d in new.diagnostics})
    findings = compare(old.products, new.products)
    assert findings == [], [f.message for f in findings]


def _reversed_flow(node: object) -> str:
    import json

    from generator.loaders.yaml_source import YScalar, YSeq

    if isinstance(node, YMap):
        inner = ", ".join(
            f"{_quoted(str(k.value))}: {_reversed_flow(v)}" for k, v in reversed(node.entries)
        )
        return "{" + inner + "}"
    if isinstance(node, YSeq):
        return "[" + ", ".join(_reversed_flow(x) for x in node.items) + "]"
    assert isinstance(node, YScalar)
    if not isinstance(node.value, str):
        return json.dumps(node.value)
    return _quoted(node.value)


def _quoted(text: str) -> str:
    return '"' + "".join(_yaml_char(c) for c in text) + '"'


def _yaml_char(c: str) -> str:
    """One character of a YAML double-quoted scalar: escaped unless printable ASCII."""
    if " " <= c <= "~" and c not in '"\\':
        return c
    return f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}"


def test_the_fixture_against_itself_reordered(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(FIXTURE, tmp_path / "base" / "batchai")
    shutil.copytree(FIXTURE, tmp_path / "head" / "batchai")
    spec = tmp_path / "head" / "batchai" / "cluster.yaml"
    (tmp_path / "head" / "batchai" / "renamed.yaml").write_text(spec.read_text())
    spec.unlink()
    report = run_diff(str(tmp_path / "base"), str(tmp_path / "head"))
    assert report.compared and report.findings == [] and report.exit_code == 0
