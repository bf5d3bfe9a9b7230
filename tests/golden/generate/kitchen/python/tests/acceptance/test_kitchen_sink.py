# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: gen-specs/kitchen/sink.yaml
# Template:    acctest.py.j2
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"Acceptance tests for `kitchen_sink`, one life cycle per example."

from __future__ import annotations

import pytest

from .harness import Acceptance, AcceptanceCase, requires_terraform

RESOURCE_TYPE = "kitchen_sink"
PROVIDER_PACKAGE = "terraform_provider_kitchen"

CASES = {
    "basic": AcceptanceCase(
        name="basic",
        resource_type=RESOURCE_TYPE,
        config='resource "kitchen_sink" "example" {\n  name     = "tf-test-{random}"\n  location = "{env:KITCHEN_TEST_LOCATION}"\n  nickname = "nick-{random}"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = "brass"\n    }\n  }\n\n  filters {\n    kind = "carbon"\n    credentials {\n      user     = "vendor"\n      password = "s3cret"\n    }\n  }\n}\n',
        primary="kitchen_sink.example",
        ignore_on_import=(
            "drains.credentials.key",
            "filters.credentials.password",
            "filters.credentials.token",
            "secret",
            "serial",
        ),
        changes=(
            (
                'resource "kitchen_sink" "example" {\n  name     = "tf-test-{random}"\n  location = "{env:KITCHEN_TEST_LOCATION}"\n  nickname = "nick-{random}-upd"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = "brass"\n    }\n  }\n\n  filters {\n    kind = "carbon"\n    credentials {\n      user     = "vendor"\n      password = "s3cret"\n    }\n  }\n}\n',
                "nickname",
                "update",
                (("nickname", "nick-{random}-upd"),),
            ),
            (
                'resource "kitchen_sink" "example" {\n  name     = "tf-test-{random}-upd"\n  location = "{env:KITCHEN_TEST_LOCATION}"\n  nickname = "nick-{random}-upd"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = "brass"\n    }\n  }\n\n  filters {\n    kind = "carbon"\n    credentials {\n      user     = "vendor"\n      password = "s3cret"\n    }\n  }\n}\n',
                "name",
                "replace",
                (),
            ),
        ),
        env=(("KITCHEN_TEST_LOCATION", "westeurope"),),
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
