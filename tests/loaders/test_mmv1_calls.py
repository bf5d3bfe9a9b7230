"""mmv1 keys that shape calls: where operations are polled and what they answer,
send_empty_value / allow_empty_object, and property-level update calls (calls.py)."""

from __future__ import annotations

from pathlib import Path

from generator.loaders.mmv1.loader import load_mmv1
from generator.model.nodes import Resource, UpdateGroup

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "python-rest" / "mmv1" / "products"
PRODUCT = """name: Widget
versions:
  - name: ga
    base_url: https://widget.googleapis.com/v1/
"""


def _gadget() -> Resource:
    result = load_mmv1([str(FIXTURE)])
    product = result.products[0]
    return next(r for r in product.resources if r.name == "gadget")


def test_operation_url_and_result_in_response() -> None:
    rest = _gadget().rest
    assert rest.operation_url == "projects/{project}/locations/{location}/operations/{op_id}"
    assert rest.result_in_response


def test_empty_values() -> None:
    by_name = {p.name: p for p in _gadget().properties}
    assert by_name["description"].omit_empty and by_name["count"].omit_empty
    assert not by_name["enabled"].omit_empty  # send_empty_value
    assert not by_name["options"].omit_empty  # allow_empty_object
    assert not by_name["name"].omit_empty and not by_name["location"].omit_empty


def test_update_groups_of_an_immutable_resource() -> None:
    rest = _gadget().rest
    base = "projects/{project}/locations/{location}/gadgets/{name}"
    assert rest.update_groups == (
        UpdateGroup(f"{base}:setTags", "POST", ("tags",), "tagFingerprint"),
        UpdateGroup(f"{base}:resize", "POST", ("size",)),
    )
    assert rest.immutable and not rest.main_update and rest.updates_in_place
    assert rest.replaces("description") and not rest.replaces("tags")


def test_grouping_flatten_object_and_what_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "products" / "widget"
    folder.mkdir(parents=True)
    (folder / "product.yaml").write_text(PRODUCT)
    (folder / "Net.yaml").write_text("""name: Net
base_url: projects/{{project}}/nets
immutable: true
async:
  operation:
    base_url: projects/{{project}}/global/ops
properties:
  - name: name
    type: String
    required: true
  - name: routingConfig
    type: NestedObject
    flatten_object: true
    update_url: projects/{{project}}/nets/{{name}}
    update_verb: PATCH
    properties:
      - name: routingMode
        type: String
      - name: bgpMode
        type: String
        update_url: projects/{{project}}/nets/{{name}}
        update_verb: PATCH
  - name: ranges
    type: Array
    update_url: projects/{{project}}/nets/{{name}}
    update_verb: NOOP
    item_type:
      type: String
  - name: peer
    type: String
    update_id: peer
""")
    result = load_mmv1([str(tmp_path / "products")])
    rest = result.products[0].resources[0].rest
    assert rest.update_groups == (
        UpdateGroup("projects/{project}/nets/{name}", "PATCH", ("bgp_mode", "routing_mode")),
    )
    # A base URL without `{{op_id}}` gets the name appended, and says so.
    assert rest.operation_url == "projects/{project}/global/ops/{op_id}"
    codes = {d.code for d in result.diagnostics}
    assert "mmv1-operation-url" in codes
    assert set(result.unsupported) == {
        "property.update_verb=NOOP",
        "property.update_id(no update_url)",
    }
