"""The whole-resource mmv1 keys in the model, on the committed `keys` fixture
(tests/fixtures/python-rest/mmv1-keys): `deprecation_message`, `exclude_read`,
`exclude_delete`, `update_mask_fields`, labels of an immutable resource (state only), and
what the docs page says of them; then the same model features in mmgen's own YAML."""

from __future__ import annotations

from pathlib import Path

from generator.loaders.mmgen.loader import build_resource
from generator.loaders.mmv1.loader import load_mmv1
from generator.loaders.yaml_source import YMap, parse_yaml
from generator.model.nodes import ApiVersion, DocsFamily, Product, Resource
from generator.render.docs_view import docs_page
from generator.validate import validate_products

REPO = Path(__file__).resolve().parents[2]
KEYS = REPO / "tests" / "fixtures" / "python-rest" / "mmv1-keys" / "products"


def _load() -> tuple[Product, dict[str, Resource]]:
    result = load_mmv1([str(KEYS)])
    assert not result.has_errors
    assert result.unsupported == {}
    (product,) = result.products
    return product, {r.name: r for r in product.resources}


def test_deprecation_message_is_the_resources() -> None:
    product, res = _load()
    badge = res["badge"]
    assert badge.deprecation == "Badges are going away; use `google_keys_meter` instead."
    assert res["token"].deprecation is None
    page = docs_page(product, badge, DocsFamily.GOOGLE)
    # First under the title, as upstream's page prints it.
    assert page.description.startswith(
        "~> **Warning:** Badges are going away; use `google_keys_meter` instead.\n\n"
    )


def test_labels_of_an_immutable_resource_change_in_state() -> None:
    product, res = _load()
    rest = res["badge"].rest
    assert rest.immutable and not rest.api_updates
    assert rest.state_only == ("labels",) and rest.updates_in_place
    assert not rest.replaces("labels") and rest.replaces("color")
    # The page lists an update timeout then, as upstream's does.
    page = docs_page(product, res["badge"], DocsFamily.GOOGLE)
    assert [b.name for b in page.timeouts] == ["`create`", "`read`", "`update`", "`delete`"]
    # No labels, nothing state-only: no update.
    assert res["token"].rest.state_only == () and not res["token"].rest.updates_in_place


def test_exclude_read_and_exclude_delete() -> None:
    product, res = _load()
    token = res["token"]
    assert not token.rest.can_read and not token.rest.can_delete
    assert res["badge"].rest.can_read and res["badge"].rest.can_delete
    # A partial `timeouts:` block: the calls that are made take 20 minutes, the ones
    # that are not (no delete, no update) upstream's 0.
    t = token.timeouts
    assert (t.create, t.update, t.delete) == (5, 0, 0)
    page = docs_page(product, token, DocsFamily.GOOGLE)
    assert "The API cannot read this resource back." in page.description
    assert "Destroying it removes it from the Terraform state only" in page.description
    assert [b.text for b in page.timeouts if b.name == "`delete`"] == ["Default is 0 minutes."]


def test_update_mask_fields() -> None:
    _, res = _load()
    props = {p.name: p for p in res["meter"].properties}
    assert props["limits"].update_mask_fields == ("limits.low", "limits.high", "limitsMode")
    assert props["note"].update_mask_fields == ()


NESTED = """name: Dial
base_url: projects/{{project}}/dials
update_verb: PATCH
update_mask: true
deletion_policy_custom_docs: true
properties:
  - name: name
    type: String
    required: true
  - name: face
    type: NestedObject
    properties:
      - name: hand
        type: NestedObject
        update_mask_fields: [face.hand.tip]
        properties:
          - name: tip
            type: String
  - name: sli
    type: NestedObject
    flatten_object: true
    update_mask_fields: [sli]
    properties:
      - name: ratio
        type: String
        update_mask_fields: [sli.ratio.good]
"""


def test_update_mask_fields_off_the_top_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "products" / "keys"
    folder.mkdir(parents=True)
    (folder / "product.yaml").write_text(
        (KEYS / "keys" / "product.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "Dial.yaml").write_text(NESTED, encoding="utf-8")
    result = load_mmv1([str(tmp_path / "products")])
    assert dict(result.unsupported) == {
        "property.update_mask_fields(nested)": 1,
        "property.update_mask_fields(flatten_object)": 1,
        # `deletion_policy_custom_docs` without a field of its own to document it.
        "resource.deletion_policy_custom_docs(no field)": 1,
    }
    (dial,) = result.products[0].resources
    props = {p.name: p for p in dial.properties}
    # A field a top-level `flatten_object` lifts keeps its names.
    assert props["ratio"].update_mask_fields == ("sli.ratio.good",)
    assert props["ratio"].api_name == "sli.ratio"


MMGEN = """name: badge
deprecation: Use something else.
api:
  base_url: badges
  id_template: badges/{name}
  immutable: true
  state_only: [labels]
  can_read: false
  can_delete: false
properties:
  - name: name
    type: String
    presence: required
  - name: labels
    type: KeyValuePairs
"""


VERSIONS = (ApiVersion("v1", "https://p.example.com/"),)


def _mmgen(text: str) -> Resource:
    node, diags = parse_yaml(text, "badge.yaml")
    assert isinstance(node, YMap) and diags == []
    res = build_resource(node, "google")
    assert res is not None
    return res


def test_mmgen_yaml_holds_the_same_features() -> None:
    res = _mmgen(MMGEN)
    assert res.deprecation == "Use something else."
    assert res.rest.state_only == ("labels",)
    assert not res.rest.can_read and not res.rest.can_delete
    product = Product("p", "P", "google", VERSIONS, resources=(res,))
    assert [d.code for d in validate_products([product]) if d.is_error] == []


def test_state_only_must_name_an_argument_that_may_change() -> None:
    res = _mmgen(MMGEN.replace("state_only: [labels]", "state_only: [nothing]"))
    product = Product("p", "P", "google", VERSIONS, resources=(res,))
    codes = [d.code for d in validate_products([product]) if d.is_error]
    assert codes == ["unknown-state-only"]
