# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: gen-specs/kitchen/tap.yaml
# Template:    acctest.py.j2
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"Acceptance tests for `kitchen_tap`, one life cycle per example."

from __future__ import annotations

import pytest

from .harness import Acceptance, AcceptanceCase, requires_terraform

RESOURCE_TYPE = "kitchen_tap"
PROVIDER_PACKAGE = "terraform_provider_kitchen"

CASES = {
    "basic": AcceptanceCase(
        name="basic",
        resource_type=RESOURCE_TYPE,
        config='resource "kitchen_sink" "example" {\n  name     = "tf-test-{random}"\n  location = "westeurope"\n  nickname = "shiny"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = "brass"\n    }\n  }\n\n  filters {\n    kind = "carbon"\n    credentials {\n      user     = "vendor"\n      password = "s3cret"\n    }\n  }\n}\n\nresource "kitchen_tap" "example" {\n  name    = "tf-test-tap-{random}"\n  sink_id = kitchen_sink.example.id\n  flow    = 6\n}\n',
        primary="kitchen_tap.example",
        ignore_on_import=(),
        changes=(
            (
                'resource "kitchen_sink" "example" {\n  name     = "tf-test-{random}"\n  location = "westeurope"\n  nickname = "shiny"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = "brass"\n    }\n  }\n\n  filters {\n    kind = "carbon"\n    credentials {\n      user     = "vendor"\n      password = "s3cret"\n    }\n  }\n}\n\nresource "kitchen_tap" "example" {\n  name    = "tf-test-tap-{random}"\n  sink_id = kitchen_sink.example.id\n  flow    = 7\n}\n',
                "flow",
                "update",
                (("flow", "7"),),
            ),
            (
                'resource "kitchen_sink" "example" {\n  name     = "tf-test-{random}"\n  location = "westeurope"\n  nickname = "shiny"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = "brass"\n    }\n  }\n\n  filters {\n    kind = "carbon"\n    credentials {\n      user     = "vendor"\n      password = "s3cret"\n    }\n  }\n}\n\nresource "kitchen_tap" "example" {\n  name    = "tf-test-tap-{random}-upd"\n  sink_id = kitchen_sink.example.id\n  flow    = 7\n}\n',
                "name",
                "replace",
                (),
            ),
        ),
        env=(),
        skip=None,
    ),
}


@requires_terraform
@pytest.mark.parametrize("name", sorted(CASES))
def test_lifecycle(name: str, acceptance: Acceptance) -> None:
    """apply -> empty plan -> refresh -> import and compare -> change -> destroy."""
    acceptance.run_lifecycle(CASES[name])


@requires_terraform
@pytest.mark.parametrize("name", sorted(CASES))
def test_disappears(name: str, acceptance: Acceptance) -> None:
    """Deleted behind Terraform's back: the next plan recreates it."""
    acceptance.run_disappears(CASES[name])


@requires_terraform
@pytest.mark.parametrize("name", sorted(CASES))
def test_survives_faults(name: str, acceptance: Acceptance) -> None:
    """The API throws 429/503 during apply; apply still succeeds with exactly one object."""
    acceptance.run_with_faults(CASES[name])
