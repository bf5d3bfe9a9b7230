"""What import-docs infers beyond the page's wording (issue 13): sensitive fields from
names and wording, list blocks from the examples' block counts, `url_param_only` on the
id template's arguments, every listed timeout kept, and callouts kept with their bullet.

Small pages written here and the committed azurerm fixtures; the real pages under
../shared are used where present (skipped, with the reason, otherwise).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loaders.docs import DocsImport, load_docs_page, load_docs_text
from generator.loaders.docs.wording import sensitive_reason
from generator.model.nodes import Property, TypeKind
from generator.spec_writer import resource_to_yaml
from generator.validate import walk

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "tests" / "fixtures" / "loaders" / "docs"
CORPUS = REPO.parent / "shared" / "corpus" / "azurerm-docs"
needs_corpus = pytest.mark.skipif(
    not (CORPUS / "container_group.html.markdown").is_file(),
    reason=f"azurerm docs corpus not found at {CORPUS} (../shared beside the clone)",
)
IMPORT = (
    "## Import\n\n```shell\nterraform import azurerm_widget.example "
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/g1"
    "/providers/Microsoft.Widgets/widgets/w1\n```\n"
)


def _page(args: str, example: str = "", extra: str = "") -> DocsImport:
    text = "# azurerm_widget\n\nManages a widget.\n\n"
    if example:
        text += f"## Example Usage\n\n```hcl\n{example}```\n\n"
    text += f"## Arguments Reference\n\n{args}\n{extra}\n{IMPORT}"
    return load_docs_text(text.encode(), "widget.html.markdown")


def _props(result: DocsImport) -> dict[str, Property]:
    assert result.resource is not None, [d.to_text() for d in result.diagnostics]
    return dict(walk(result.resource.properties))


def _guesses(result: DocsImport, path: str) -> list[str]:
    return [g.message for g in result.guesses if g.path == f"properties.{path}"]


# --- 1. sensitive ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "password",
        "admin_password",
        "account_key",
        "access_key",
        "primary_access_key",
        "secure_environment_variables",
        "client_secret",
        "secret",
        "token",
        "sas_token",
        "connection_string",
        "primary_connection_string",
    ],
)
def test_secret_names_are_sensitive(name: str) -> None:
    assert sensitive_reason(name, "The value.") is not None


@pytest.mark.parametrize(
    "name",
    [
        "key_vault_id",
        "key_name",
        "key_vault_key_id",
        "public_key",
        "partition_key",
        "secure_boot_enabled",
        "key_vault_secret_id",
        "password_length",
        "name",
    ],
)
def test_names_that_only_mention_a_secret_are_not(name: str) -> None:
    assert sensitive_reason(name, "The value.") is None


def test_wording_says_sensitive_or_secret() -> None:
    assert sensitive_reason("value", "The sensitive value of the variable.") is not None
    assert sensitive_reason("credential", "The shared secret of the tunnel.") is not None
    assert sensitive_reason("label", "A case-sensitive label.") is None
    assert sensitive_reason("label", "A case insensitive label.") is None
    # An id of a secret names it; it is not the secret.
    assert sensitive_reason("key_vault_secret_id", "The ID of the Key Vault secret.") is None


def test_sensitive_is_a_marked_guess_on_strings_only() -> None:
    result = _page(
        "* `name` - (Required) The name.\n\n"
        "* `admin_password` - (Optional) The administrator password.\n\n"
        "* `secure_boot_enabled` - (Optional) Whether secure boot is on.\n\n"
        "* `customer_managed_key` - (Optional) A `customer_managed_key` block as defined below.\n\n"
        "---\n\nA `customer_managed_key` block supports the following:\n\n"
        "* `key_vault_key_id` - (Required) The ID of the key.\n"
    )
    props = _props(result)
    assert props["admin_password"].sensitive
    assert not props["secure_boot_enabled"].sensitive
    assert props["customer_managed_key"].type.kind is TypeKind.NESTED_OBJECT
    assert not props["customer_managed_key"].sensitive
    assert not props["customer_managed_key.key_vault_key_id"].sensitive
    assert _guesses(result, "admin_password") == [
        "sensitive: the name `admin_password` reads as a secret"
    ]
    spec = resource_to_yaml(result.resource, result.guesses)  # type: ignore[arg-type]
    assert "# guess: sensitive: the name `admin_password` reads as a secret\n" in spec
    assert spec.count("sensitive: true") == 1


def test_fixture_access_keys_are_sensitive() -> None:
    props = _props(load_docs_page(str(PAGES / "batch_account.html.markdown")))
    sensitive = sorted(n for n, p in props.items() if p.sensitive)
    assert sensitive == ["primary_access_key", "secondary_access_key"]


# --- 2. list blocks from the examples -------------------------------------------------------

RULE_ARGS = (
    "* `name` - (Required) The name.\n\n"
    "* `rule` - (Optional) A `rule` block as defined below.\n\n"
    "---\n\nA `rule` block supports the following:\n\n"
    "* `port` - (Required) The port.\n\n"
    "* `target` - (Optional) A `target` block as defined below.\n\n"
    "---\n\nA `target` block supports the following:\n\n"
    "* `host` - (Required) The host.\n"
)


def _rule_example(body: str) -> str:
    return 'resource "azurerm_widget" "example" {\n  name = "w"\n' + body + "}\n"


def test_a_block_an_example_repeats_is_a_list() -> None:
    two = "  rule {\n    port = 80\n  }\n  rule {\n    port = 443\n  }\n"
    result = _page(RULE_ARGS, _rule_example(two))
    rule = _props(result)["rule"]
    assert rule.type.kind is TypeKind.ARRAY and rule.type.item is not None
    assert rule.type.item.kind is TypeKind.NESTED_OBJECT
    assert [p.name for p in rule.type.item.properties] == ["port", "target"]
    assert any(m.startswith("list: an example repeats") for m in _guesses(result, "rule"))


def test_one_block_stays_single_and_other_resources_do_not_count() -> None:
    other = 'resource "azurerm_other" "x" {\n  rule {}\n  rule {}\n}\n'
    result = _page(RULE_ARGS, _rule_example("  rule {\n    port = 80\n  }\n") + other)
    assert _props(result)["rule"].type.kind is TypeKind.NESTED_OBJECT


def test_nested_repeats_and_dynamic_blocks() -> None:
    body = (
        '  rule {\n    port = 80\n    target {\n      host = "a"\n    }\n'
        '    target {\n      host = "b"\n    }\n  }\n'
    )
    props = _props(_page(RULE_ARGS, _rule_example(body)))
    assert props["rule"].type.kind is TypeKind.NESTED_OBJECT
    assert props["rule.target"].type.kind is TypeKind.ARRAY
    dynamic = (
        '  dynamic "rule" {\n    for_each = var.rules\n    content {\n      port = 1\n    }\n  }\n'
    )
    assert _props(_page(RULE_ARGS, _rule_example(dynamic)))["rule"].type.kind is TypeKind.ARRAY


def test_an_example_that_is_not_hcl_is_reported_and_counts_nothing() -> None:
    result = _page(RULE_ARGS, _rule_example("  rule {\n  rule {\n"))
    codes = [d.code for d in result.diagnostics]
    assert "docs-example-hcl" in codes and not result.has_errors
    assert _props(result)["rule"].type.kind is TypeKind.NESTED_OBJECT


@needs_corpus
def test_real_container_group_containers_are_a_list() -> None:
    # "as documented in the `container` block below" reads as one; the example has two.
    props = _props(load_docs_page(str(CORPUS / "container_group.html.markdown")))
    assert props["container"].type.kind is TypeKind.ARRAY


# --- 3. url_param_only ----------------------------------------------------------------------


def test_id_template_arguments_are_url_params_only() -> None:
    result = load_docs_page(str(PAGES / "batch_account.html.markdown"))
    props = _props(result)
    for name in ("name", "resource_group_name"):
        assert props[name].url_param_only and props[name].api_name == ""
        assert any(m.startswith("url_param_only") for m in _guesses(result, name))
    assert not props["location"].url_param_only and props["location"].api_name == "location"
    assert [p.name for p in result.resource.rest.id_params] == [  # type: ignore[union-attr]
        "subscription_id",
        "resource_group_name",
        "name",
    ]


# --- 5. timeouts ----------------------------------------------------------------------------


def test_every_listed_timeout_is_kept_even_at_the_default() -> None:
    result = load_docs_page(str(PAGES / "batch_account.html.markdown"))
    assert result.timeouts_listed == ("create", "read", "update", "delete")
    spec = resource_to_yaml(
        result.resource, result.guesses, keep_timeouts=result.timeouts_listed  # type: ignore[arg-type]
    )
    block = spec.split("timeouts:\n", 1)[1].split("\n", 5)[:4]
    assert block == ["  create: 30", "  read: 5", "  update: 30", "  delete: 30"]


def test_a_page_without_timeouts_writes_none() -> None:
    result = _page("* `name` - (Required) The name.\n")
    assert result.timeouts_listed == ()
    assert "timeouts:" not in resource_to_yaml(result.resource, keep_timeouts=())  # type: ignore[arg-type]


# --- 7. callouts ----------------------------------------------------------------------------


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_callout_after_a_bullet_stays_in_its_description(gap: str) -> None:
    note = "~> **Note:** Possible values are `A` and `B` only in preview."
    result = _page(
        f"* `name` - (Required) The name.\n\n* `mode` - (Optional) The mode.{gap}{note}\n"
    )
    mode = _props(result)["mode"]
    assert mode.description == f"The mode.\n\n{note}"
    # The callout's words are not read as the argument's values.
    assert mode.type.kind is TypeKind.STRING
