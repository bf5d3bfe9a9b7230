"""mmv1 `write_only: true` (generator/loaders/mmv1/write_only.py): the `X_wo` /
`X_wo_version` companions upstream's generator adds, on the committed fixture
tests/fixtures/loaders/mmv1-write-only; the mmgen keys `config_only` / `version_of`,
their checks, and how each target takes them (go: all; python: left out, with a warning).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loaders.mmgen.loader import load_specs
from generator.loaders.mmv1.loader import load_mmv1
from generator.model.nodes import Presence, Property, Resource
from generator.pipeline import generate
from generator.targets.features import Feature, degraded, unsupported
from generator.validate import validate_products, walk

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "loaders" / "mmv1-write-only" / "products"


@pytest.fixture(scope="module")
def resources() -> dict[str, Resource]:
    result = load_mmv1([str(FIXTURE)])
    assert not [d for d in result.diagnostics if d.is_error]
    assert "property.write_only" not in result.unsupported
    (product,) = result.products
    assert not validate_products([product])
    return {r.name: r for r in product.resources}


def props(res: Resource) -> dict[str, Property]:
    return dict(walk(res.properties))


def test_required_field_gets_optional_twin_and_version(resources: dict[str, Resource]) -> None:
    p = props(resources["credential"])
    secret, wo, version = p["secret"], p["secret_wo"], p["secret_wo_version"]
    # X: optional now, exactly one of X / X_wo; still never returned by the API.
    assert secret.presence is Presence.OPTIONAL and secret.write_only and not secret.config_only
    assert secret.exactly_one_of == ("secret", "secret_wo")
    assert secret.conflicts_with == ("secret_wo",)
    # X_wo: the same wire field, a Terraform write-only argument.
    assert wo.config_only and wo.api_name == "secret" and wo.presence is Presence.OPTIONAL
    assert wo.ignore_read and wo.conflicts_with == ("secret",)
    assert wo.required_with == ("secret_wo_version",) and not wo.forces_new
    # X_wo_version: client side, stored, names its write-only argument.
    assert version.version_of == "secret_wo" and version.url_param_only
    assert version.api_name == "" and version.required_with == ("secret_wo",)
    assert version.type.kind.value == "String" and not version.forces_new
    assert "`secret_wo`" in version.description


def test_companions_follow_their_level(resources: dict[str, Resource]) -> None:
    res = resources["credential"]
    top = [p.name for p in res.properties]
    assert top[:6] == ["name", "description", "secret", "auth", "secret_wo", "secret_wo_version"]
    (auth,) = [p for p in res.properties if p.name == "auth"]
    assert [c.name for c in auth.type.properties] == [
        "token",
        "password",
        "token_wo",
        "token_wo_version",
        "password_wo",
        "password_wo_version",
    ]


def test_group_members_stand_in_for_each_other(resources: dict[str, Resource]) -> None:
    p = props(resources["credential"])
    group = ("auth.token", "auth.password", "auth.token_wo", "auth.password_wo")
    assert p["auth.token"].exactly_one_of == group
    assert p["auth.password"].exactly_one_of == group
    # Optional before, optional after: no group of its own.
    assert p["auth.token"].presence is Presence.OPTIONAL
    assert p["auth.token_wo"].exactly_one_of == ()


def test_immutable_field_version_forces_new(resources: dict[str, Resource]) -> None:
    p = props(resources["certificate"])
    assert p["private_key"].forces_new and not p["private_key_wo"].forces_new
    assert p["private_key_wo_version"].forces_new


def test_python_leaves_companions_out_go_keeps_them(resources: dict[str, Resource]) -> None:
    res = resources["credential"]
    found = unsupported("python", frozenset(Feature) - {Feature.WRITE_ONLY_ARGUMENTS}, res)
    (warning,) = found
    assert warning.code == "feature-left-out" and not warning.is_error
    assert "`secret_wo`" in warning.message and "`auth.token_wo_version`" in warning.message
    assert warning.location.line > 0
    assert unsupported("go", frozenset(Feature), res) == []
    left = props(degraded(res, frozenset(Feature) - {Feature.WRITE_ONLY_ARGUMENTS}))
    assert not [n for n in left if n.endswith(("_wo", "_wo_version"))]
    # X is as the spec had it: required again, no relation naming a companion.
    assert left["secret"].presence is Presence.REQUIRED
    assert left["secret"].exactly_one_of == () and left["secret"].conflicts_with == ()
    assert left["auth.token"].exactly_one_of == ("auth.token", "auth.password")
    assert degraded(res, frozenset(Feature)) is res


def test_generate_warns_for_python_and_pages_agree(tmp_path: Path) -> None:
    result = generate(FIXTURE, fmt="mmv1")
    assert not result.has_errors
    warnings = [d for d in result.diagnostics if d.code == "feature-left-out"]
    assert {Path(d.location.file).name for d in warnings} == {"Certificate.yaml", "Credential.yaml"}
    page = result.files["go/docs/resources/vault_credential.md"].text
    assert page == result.files["python/docs/resources/vault_credential.md"].text
    assert "* `secret_wo` -\n  (Optional, Write-Only)\n" in page
    assert (
        "will not be stored in the state: `auth.token_wo`, `auth.password_wo`, `secret_wo`" in page
    )
    go = result.files["go/internal/services/vault/credential_resource.go"].text
    assert "WriteOnly:           true," in go and "takeWriteOnly" in go
    python = result.files["python/terraform_provider_google/vault/credential.py"].text
    assert "secret_wo" not in python


PRODUCT = """\
name: vault
display_name: Vault
prefix: acme
api_style: google
versions:
  - name: v1
    base_url: https://vault.example.com/v1/
"""
KEY = """\
name: key
description: A key.
api:
  base_url: keys
  id_template: keys/{name}
  update_verb: PATCH
properties:
  - name: name
    type: String
    description: Its name.
    presence: required
    forces_new: true
  - name: password_wo
    type: String
    description: The password.
    api_name: password
    config_only: true
    write_only: true
"""
VERSION = """\
  - name: password_wo_version
    type: String
    description: Bump it to send the password again.
    version_of: TARGET
"""


def _load(tmp_path: Path, extra: str) -> tuple[list[Resource], list[str]]:
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "product.yaml").write_text(PRODUCT, encoding="utf-8")
    (folder / "key.yaml").write_text(KEY + extra, encoding="utf-8")
    result = load_specs([str(folder)])
    codes = [d.code for d in result.diagnostics] + [
        d.code for d in validate_products(result.products)
    ]
    return [r for p in result.products for r in p.resources], codes


def test_mmgen_keys_load(tmp_path: Path) -> None:
    (res,), codes = _load(tmp_path, VERSION.replace("TARGET", "password_wo"))
    assert not [c for c in codes if c in ("invalid-config-only", "unknown-version-of")], codes
    p = props(res)
    assert p["password_wo"].config_only and p["password_wo"].api_name == "password"
    assert p["password_wo_version"].version_of == "password_wo"
    assert p["password_wo_version"].url_param_only and p["password_wo_version"].api_name == ""


def test_version_of_must_name_a_write_only_sibling(tmp_path: Path) -> None:
    _, codes = _load(tmp_path, VERSION.replace("TARGET", "name"))
    assert "unknown-version-of" in codes


def test_write_only_argument_cannot_be_computed(tmp_path: Path) -> None:
    extra = "    presence: optional_computed\n"
    _, codes = _load(tmp_path, extra)
    assert "invalid-config-only" in codes


def test_convert_keeps_the_companions(tmp_path: Path, resources: dict[str, Resource]) -> None:
    """`mmgen convert` writes `config_only` / `version_of`; loading them back gives the
    same properties."""
    from generator.convert import convert_specs

    convert_specs(FIXTURE, tmp_path / "out", "mmv1")
    back = load_specs([str(tmp_path / "out")])
    assert not [d for d in back.diagnostics if d.is_error]
    (product,) = back.products
    for res in product.resources:
        assert props(res) == props(resources[res.name])
