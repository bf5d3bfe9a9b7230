"""mmv1 `nested_query` (nested.py): the keys to the list, the identity that finds the
entry, lists of plain ids and read-modify-writes of the parent; what is an error."""

from __future__ import annotations

from pathlib import Path

from generator.loaders.mmv1.loader import Mmv1LoadResult, load_mmv1
from generator.model.nodes import NestedQuery, Resource
from generator.targets.features import Feature, features_used

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "nested" / "mmv1" / "products"
CORPUS = REPO.parent / "shared" / "corpus" / "magic-modules" / "products"
PRODUCT = """name: Widget
versions:
  - name: ga
    base_url: https://widget.googleapis.com/v1/
"""


def _resources() -> dict[str, Resource]:
    result = load_mmv1([str(FIXTURE)])
    assert [d for d in result.diagnostics if d.is_error] == []
    assert "resource.nested_query" not in result.unsupported
    return {r.name: r for r in result.products[0].resources}


def test_each_kind_of_nested_resource() -> None:
    res = _resources()
    assert res["shelf"].rest.nested_query is None
    tag = res["shelf_tag"].rest.nested_query
    assert tag is not None and tag.loc.line > 0
    assert tag == NestedQuery(("tagInfo", "tagNames"), ("name",), is_list_of_ids=True)
    assert res["shelf_book"].rest.nested_query == NestedQuery(
        ("books",), ("title",), modify_by_patch=True
    )
    # No `identity:`: the property `name` identifies the entry.
    assert res["shelf_note"].rest.nested_query == NestedQuery(("notes",), ("name",))
    assert Feature.NESTED_QUERY in features_used(res["shelf_note"])
    assert Feature.NESTED_QUERY not in features_used(res["shelf"])


def _load_one(tmp_path: Path, text: str) -> tuple[Resource | None, list[str]]:
    folder = tmp_path / "products" / "widget"
    folder.mkdir(parents=True)
    (folder / "product.yaml").write_text(PRODUCT)
    (folder / "Part.yaml").write_text(text)
    result = load_mmv1([str(tmp_path / "products")])
    found = [d.to_text() for d in result.diagnostics if d.code == "mmv1-nested-query"]
    resources = result.products[0].resources if result.products else ()
    return (resources[0] if resources else None), found


BASE = """name: Part
base_url: projects/{{project}}/widgets/{{widget}}
self_link: projects/{{project}}/widgets/{{widget}}
parameters:
  - name: widget
    type: String
    required: true
    url_param_only: true
"""


def test_no_keys_is_an_error(tmp_path: Path) -> None:
    res, found = _load_one(
        tmp_path,
        BASE
        + "properties:\n  - name: name\n    type: String\nnested_query:\n  is_list_of_ids: true\n",
    )
    assert len(found) == 1 and "has no `keys`" in found[0] and "Part.yaml:" in found[0]
    assert res is None or res.rest.nested_query is None


def test_no_identity_is_an_error(tmp_path: Path) -> None:
    text = BASE + "properties:\n  - name: size\n    type: Integer\nnested_query:\n  keys: [parts]\n"
    _, found = _load_one(tmp_path, text)
    assert len(found) == 1 and "needs an identity" in found[0]


def test_unknown_keys_inside_are_reported(tmp_path: Path) -> None:
    text = BASE + (
        "properties:\n  - name: name\n    type: String\n"
        "nested_query:\n  keys: [parts]\n  flatten_first: true\n"
    )
    folder = tmp_path / "products" / "widget"
    folder.mkdir(parents=True)
    (folder / "product.yaml").write_text(PRODUCT)
    (folder / "Part.yaml").write_text(text)
    result = load_mmv1([str(tmp_path / "products")])
    assert result.unsupported["nested_query.flatten_first"] == 1
    assert result.products[0].resources[0].rest.nested_query == NestedQuery(("parts",), ("name",))


def test_every_corpus_nested_query_is_modeled(
    mmv1_corpus_load: tuple[Mmv1LoadResult, float],
) -> None:
    result = mmv1_corpus_load[0]  # one load per session (tests/loaders/conftest.py)
    nested = [r for p in result.products for r in p.resources if r.rest.nested_query]
    assert len(nested) >= 27
    assert "resource.nested_query" not in result.unsupported
    assert [d for d in result.diagnostics if d.code == "mmv1-nested-query"] == []
    for res in nested:
        nq = res.rest.nested_query
        assert nq is not None and nq.keys and nq.identity
        names = {p.name for p in res.properties}
        assert set(nq.identity) <= names, res.name
        assert not nq.is_list_of_ids or len(nq.identity) == 1, res.name
    by_name = {r.terraform_name: r.rest.nested_query for r in nested}
    nat = by_name["google_compute_router_nat"]
    assert nat is not None and nat.modify_by_patch and nat.keys == ("nats",)
    port = by_name["google_compute_instance_group_named_port"]
    assert port is not None and port.identity == ("port", "name")
