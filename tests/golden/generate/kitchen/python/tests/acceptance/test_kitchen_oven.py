# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: gen-specs/kitchen/oven.yaml
# Template:    acctest.py.j2
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"Acceptance tests for `kitchen_oven`, one life cycle per example."

from __future__ import annotations

import pytest

from .harness import Acceptance, AcceptanceCase, requires_terraform

RESOURCE_TYPE = "kitchen_oven"
PROVIDER_PACKAGE = "terraform_provider_kitchen"

CASES = {
    "basic": AcceptanceCase(
        name="basic",
        resource_type=RESOURCE_TYPE,
        config='resource "kitchen_oven" "example" {\n  name        = "tf-test-oven-{random}"\n  temperature = 180\n}\n',
        primary="kitchen_oven.example",
        ignore_on_import=(),
        changes=(
            (
                'resource "kitchen_oven" "example" {\n  name        = "tf-test-oven-{random}-upd"\n  temperature = 180\n}\n',
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
