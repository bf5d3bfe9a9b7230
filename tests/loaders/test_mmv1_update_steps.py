"""mmv1 samples with several steps: the later steps become the example's `updates`, which
the acceptance tests of both targets apply in turn (upstream's update tests)."""

from __future__ import annotations

from pathlib import Path

from generator.loaders.mmv1.loader import load_mmv1
from generator.render.docs_view import fill_example
from generator.targets.acctest_view import acceptance_data

PRODUCT = """\
name: Widgets
display_name: Widgets
versions:
  - name: ga
    base_url: https://widgets.googleapis.com/v1/
"""

RESOURCE = """\
name: Gadget
description: A gadget.
base_url: projects/{{project}}/gadgets
create_url: projects/{{project}}/gadgets?gadgetId={{gadget_id}}
self_link: projects/{{project}}/gadgets/{{gadget_id}}
update_verb: PATCH
update_mask: true
samples:
  - name: gadget_basic
    primary_resource_id: example
    steps:
      - name: gadget_basic
        resource_id_vars:
          gadget_id: g
        vars:
          label: "first"
      - name: gadget_basic
        resource_id_vars:
          gadget_id: g
        vars:
          label: "second"
      - name: gadget_renamed
        resource_id_vars:
          gadget_id: g
      - name: gadget_missing
parameters:
  - name: gadget_id
    type: String
    description: The gadget's id.
    url_param_only: true
    required: true
    immutable: true
properties:
  - name: displayName
    type: String
    description: Shown to people.
  - name: colour
    type: String
    description: Paint.
    immutable: true
"""

BASIC = """\
resource "google_widgets_gadget" "{{$.PrimaryResourceId}}" {
  gadget_id    = "{{index $.ResourceIdVars "gadget_id"}}"
  display_name = "{{index $.Vars "label"}}"
}
"""

RENAMED = """\
resource "google_widgets_gadget" "{{$.PrimaryResourceId}}" {
  gadget_id    = "{{index $.ResourceIdVars "gadget_id"}}"
  display_name = "second"
  colour       = "red"
}
"""


def _tree(root: Path) -> Path:
    products = root / "products" / "widgets"
    products.mkdir(parents=True)
    (products / "product.yaml").write_text(PRODUCT)
    (products / "Gadget.yaml").write_text(RESOURCE)
    samples = root / "templates" / "terraform" / "samples" / "services" / "widgets"
    samples.mkdir(parents=True)
    (samples / "gadget_basic.tf.tmpl").write_text(BASIC)
    (samples / "gadget_renamed.tf.tmpl").write_text(RENAMED)
    return root / "products"


def test_later_steps_become_updates_until_one_cannot_render(tmp_path: Path) -> None:
    result = load_mmv1([str(_tree(tmp_path))])
    (res,) = result.products[0].resources
    (ex,) = res.examples
    values = {v.name: v.test for v in ex.vars}
    assert 'display_name = "{{label}}"' in ex.config and values["label"] == "first"
    # Step 2 renders the same template with its own vars (a var with another value gets its
    # own placeholder); step 3 another template; step 4's template is missing, so the list
    # ends there, with a warning at that step.
    assert len(ex.updates) == 2
    assert 'display_name = "{{label_step2}}"' in ex.updates[0]
    assert values["label_step2"] == "second"
    assert 'colour       = "red"' in ex.updates[1]
    assert all("{{gadget_id}}" in u for u in ex.updates)
    dropped = [d for d in result.diagnostics if d.code == "mmv1-update-step-dropped"]
    assert len(dropped) == 1
    assert "gadget_missing" in dropped[0].message
    assert (
        dropped[0].location.line == RESOURCE.splitlines().index("      - name: gadget_missing") + 1
    )
    assert not any("steps[1:]" in d.message for d in result.diagnostics)


def test_updates_drive_the_acceptance_steps_with_derived_actions(tmp_path: Path) -> None:
    result = load_mmv1([str(_tree(tmp_path))])
    (res,) = result.products[0].resources
    (case,) = acceptance_data(res, fill_example)
    changes = case["changes"]
    assert [(field, action) for _, field, action, _checks in changes] == [
        ("display_name", "update"),  # displayName can be patched
        ("colour", "replace"),  # colour is immutable: the object is replaced
    ]
    # The same object id in every step: resource id vars keep their per-run test value.
    assert all("tf-test-g{random}" in config for config, _, _, _ in changes)
