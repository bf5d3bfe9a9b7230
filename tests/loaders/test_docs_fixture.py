"""The docs-page loader on the committed pages (tests/fixtures/loaders/docs): no ../shared.

Two of today's azurerm pages, verbatim: `batch_account` (nested blocks, a block name used
under two parents, a block both in Arguments and Attributes) and `batch_job` (an id under
a parent whose id one argument holds).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loaders.docs import DocsImport, load_docs_page
from generator.model.nodes import IdParamSource, Presence, Property, TypeKind
from generator.validate import validate_products, walk

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "tests" / "fixtures" / "loaders" / "docs"
R, OPT, C = Presence.REQUIRED, Presence.OPTIONAL, Presence.COMPUTED
S, E, N = TypeKind.STRING, TypeKind.ENUM, TypeKind.NESTED_OBJECT


@pytest.fixture(scope="module")
def account() -> DocsImport:
    return load_docs_page(str(PAGES / "batch_account.html.markdown"))


@pytest.fixture(scope="module")
def job() -> DocsImport:
    return load_docs_page(str(PAGES / "batch_job.html.markdown"))


def _props(result: DocsImport) -> dict[str, Property]:
    assert result.resource is not None
    return dict(walk(result.resource.properties))


def test_product_and_rest(account: DocsImport) -> None:
    product, res = account.product, account.resource
    assert product is not None and res is not None
    assert (product.name, product.prefix) == ("batch", "azurerm")
    assert [(v.name, v.base_url) for v in product.versions] == [
        ("2024-07-01", "https://management.azure.com/")
    ]
    assert [p.name for p in product.params] == ["subscription_id"]
    assert (res.name, res.terraform_name) == ("batch_account", "azurerm_batch_account")
    assert res.description == "Manages an Azure Batch account."
    id_template = (
        "/subscriptions/{subscription_id}/resourceGroups/{resource_group_name}"
        "/providers/Microsoft.Batch/batchAccounts/{name}"
    )
    assert res.rest.id_template == id_template  # from the import example
    assert res.rest.base_url == id_template.rsplit("/", 1)[0]
    assert res.rest.api_version == "2024-07-01"  # from "API Providers"
    assert [(p.name, p.source) for p in res.rest.id_params] == [
        ("subscription_id", IdParamSource.PROVIDER),
        ("resource_group_name", IdParamSource.PROPERTY),
        ("name", IdParamSource.PROPERTY),
    ]
    t = res.timeouts
    assert (t.create, t.read, t.update, t.delete) == (30, 5, 30, 30)
    (ex,) = res.examples
    assert 'resource "azurerm_batch_account" "example"' in ex.config


def test_argument_tree(account: DocsImport) -> None:
    got = {path: (p.type.kind, p.presence) for path, p in _props(account).items()}
    assert list(got)[:3] == ["name", "resource_group_name", "location"]
    assert len(got) == 34  # fields at every depth
    expected = {
        "identity": (N, OPT),
        "identity.type": (E, R),
        "identity.identity_ids": (TypeKind.ARRAY, OPT),
        # exported in "Attributes Reference": merged into the argument's block
        "identity.principal_id": (S, C),
        "identity.tenant_id": (S, C),
        "network_profile.account_access.ip_rule": (TypeKind.ARRAY, OPT),
        "network_profile.account_access.ip_rule.ip_range": (S, R),
        "network_profile.node_management_access.ip_rule.ip_range": (S, R),
        "key_vault_reference.url": (S, R),
        "encryption.key_vault_key_id": (S, R),
        "public_network_access_enabled": (TypeKind.BOOLEAN, OPT),
        "tags": (TypeKind.KEY_VALUE_PAIRS, OPT),
        "primary_access_key": (S, C),
        "account_endpoint": (S, C),
    }
    assert {k: got[k] for k in expected} == expected


def test_values_read_from_the_wording(account: DocsImport) -> None:
    props = _props(account)
    mode = props["pool_allocation_mode"]
    assert (mode.type.enum_values, mode.default) == (
        ("BatchService", "UserSubscription"),
        "BatchService",
    )
    assert props["public_network_access_enabled"].default is True
    rule = props["network_profile.account_access.ip_rule"]
    assert rule.type.item is not None and rule.type.item.kind is N
    action = props["network_profile.account_access.ip_rule.action"]
    assert (action.type.enum_values, action.default) == (("Allow",), "Allow")
    assert all(props[n].forces_new for n in ("name", "resource_group_name", "location"))
    assert not props["tags"].forces_new
    assert props["storage_account_id"].api_name == "storageAccountId"
    assert all(p.description for p in props.values())


def test_no_errors_and_guesses_are_recorded(account: DocsImport, job: DocsImport) -> None:
    for result in (account, job):
        assert [d.to_text() for d in result.diagnostics if d.is_error] == []
    guesses = {g.path: g.message for g in account.guesses}
    assert "Enum" in guesses["properties.pool_allocation_mode"]
    assert "merged" in guesses["properties.identity"]
    assert "import example" in guesses["api.id_template"]
    assert "API Providers" in guesses["api.api_version"]


PARENT = (
    "/subscriptions/{subscription_id}/resourceGroups/{resource_group_name}/providers/"
    "Microsoft.Batch/batchAccounts/{batch_account_name}/pools/{pool_name}"
)


def test_the_argument_holding_the_parents_id_starts_the_id(job: DocsImport) -> None:
    res = job.resource
    assert res is not None and res.terraform_name == "azurerm_batch_job"
    # The import id's parents are no arguments of the page, but `batch_pool_id` holds
    # them all: the id is that argument's value, then the job's own segments.
    assert res.rest.id_template == "{batch_pool_id}/jobs/{name}"
    assert [(p.name, p.source) for p in res.rest.id_params] == [
        ("batch_pool_id", IdParamSource.PROPERTY),
        ("name", IdParamSource.PROPERTY),
    ]
    pool = _props(job)["batch_pool_id"]
    assert pool.parent_id == PARENT
    assert pool.url_param_only and pool.forces_new and pool.api_name == ""
    flagged = [g.message for g in job.guesses if g.path == "api.id_template"]
    assert not any("map it by hand" in m for m in flagged)
    assert any("`batch_pool_id` holds the id" in m for m in flagged)
    # What import-docs writes validates as it is: nothing left to map by hand.
    assert job.product is not None
    assert [d.to_text() for d in validate_products([job.product]) if d.is_error] == []


def test_parents_no_argument_holds_are_flagged_for_a_human(tmp_path: Path) -> None:
    text = (PAGES / "batch_job.html.markdown").read_text(encoding="utf-8")
    page = tmp_path / "batch_job.html.markdown"
    page.write_text(text.replace("batch_pool_id", "pool_reference"), encoding="utf-8")
    res = load_docs_page(str(page)).resource
    assert res is not None
    assert res.rest.id_template.endswith(
        "/batchAccounts/{batch_account_name}/pools/{pool_name}/jobs/{name}"
    )
    assert [(p.name, p.source) for p in res.rest.id_params] == [
        ("subscription_id", IdParamSource.PROVIDER),
        ("resource_group_name", IdParamSource.PROVIDER),
        ("batch_account_name", IdParamSource.PROVIDER),
        ("pool_name", IdParamSource.PROVIDER),
        ("name", IdParamSource.PROPERTY),
    ]
    flagged = [g.message for g in load_docs_page(str(page)).guesses if g.path == "api.id_template"]
    assert sum("map it by hand" in m for m in flagged) == 3


def test_batch_job_fields_from_the_fixture(job: DocsImport) -> None:
    res = job.resource
    assert res is not None
    props = _props(job)
    assert (props["priority"].type.kind, props["priority"].default) == (TypeKind.INTEGER, 0)
    assert (props["priority"].validation.minimum, props["priority"].validation.maximum) == (
        -1000,
        1000,
    )
    assert props["common_environment_properties"].type.kind is TypeKind.KEY_VALUE_PAIRS
    assert props["display_name"].forces_new and props["display_name"].presence is OPT
    assert (res.timeouts.create, res.timeouts.delete) == (5, 5)


def test_an_argument_an_example_writes_as_a_list_is_an_array(tmp_path: Path) -> None:
    text = (PAGES / "batch_job.html.markdown").read_text(encoding="utf-8")
    listed = text.replace(
        "  batch_pool_id = azurerm_batch_pool.example.id\n",
        '  batch_pool_id = azurerm_batch_pool.example.id\n  display_name  = ["a", "b"]\n',
    )
    assert listed != text
    page = tmp_path / "batch_job.html.markdown"
    page.write_text(listed, encoding="utf-8")
    result = load_docs_page(str(page))
    shown = _props(result)["display_name"]
    assert shown.type.kind is TypeKind.ARRAY and shown.type.item is not None
    assert shown.type.item.kind is TypeKind.STRING
    assert any(
        g.path == "properties.display_name" and "writes `display_name` as a list" in g.message
        for g in result.guesses
    )
    # The page's own examples (one value) leave it a String.
    assert (
        _props(load_docs_page(str(PAGES / "batch_job.html.markdown")))["display_name"].type.kind
        is TypeKind.STRING
    )
