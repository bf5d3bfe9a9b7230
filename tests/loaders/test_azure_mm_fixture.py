"""The Azure MM loader on the committed fixture (tests/fixtures/loaders/azure-mm): no ../shared.

The fixture is upstream's batchaccount spec folder (api.yaml trimmed to what the loader
reads, terraform.yaml verbatim) with the two folders whose examples it names first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic
from generator.loaders.azure_mm.keys import unsupported_counts
from generator.loaders.azure_mm.loader import detect_azure_mm, load_azure_mm
from generator.loaders.base import LoadResult
from generator.loaders.formats import detect_format, load_any
from generator.loaders.spec_files import display_path
from generator.model.nodes import AsyncStyle, IdParamSource, Presence, Resource, TypeKind
from generator.validate import validate_products, walk

REPO = Path(__file__).resolve().parents[2]
ROOT = REPO / "tests" / "fixtures" / "loaders" / "azure-mm"
BATCH = ROOT / "batchaccount"
R, OPT, C = Presence.REQUIRED, Presence.OPTIONAL, Presence.COMPUTED

ID_TEMPLATE = (
    "/subscriptions/{subscription_id}/resourceGroups/{resource_group_name}"
    "/providers/Microsoft.Batch/batchAccounts/{name}"
)


@pytest.fixture(scope="module")
def result() -> LoadResult:
    return load_azure_mm([str(ROOT)])


def _batch(result: LoadResult) -> Resource:
    (product,) = result.products
    (res,) = product.resources
    return res


def _at(d: Diagnostic) -> tuple[str, int]:
    return Path(d.location.file).name, d.location.line


def test_product(result: LoadResult) -> None:
    (product,) = result.products
    assert (product.name, product.display_name, product.prefix) == (
        "batchaccount",
        "Azure Batch Account",
        "azurerm",
    )
    assert product.base_url == "https://management.azure.com/"
    assert [(p.name, p.env) for p in product.params] == [("subscription_id", "ARM_SUBSCRIPTION_ID")]
    assert result.sources == {
        ("batchaccount", "batch_account"): display_path((BATCH / "api.yaml").resolve())
    }


def test_rest_mapping(result: LoadResult) -> None:
    res = _batch(result)
    assert (res.name, res.terraform_name) == ("batch_account", "azurerm_batch_account")
    assert res.description == "Manages a Batch Account on Azure."
    rest = res.rest
    assert rest.id_template == ID_TEMPLATE
    assert rest.base_url == ID_TEMPLATE.rsplit("/", 1)[0]
    assert [(p.name, p.source) for p in rest.id_params] == [
        ("subscription_id", IdParamSource.PROVIDER),
        ("resource_group_name", IdParamSource.PROPERTY),
        ("name", IdParamSource.PROPERTY),
    ]
    # go_func_name `Update` -> PATCH; create and delete are `async: true` -> ARM polling.
    assert (rest.create_verb, rest.read_verb, rest.update_verb, rest.delete_verb) == (
        "PUT",
        "GET",
        "PATCH",
        "DELETE",
    )
    assert rest.async_style is AsyncStyle.ARM and not rest.immutable
    assert rest.api_version is None  # the format does not record one (warned below)
    assert res.import_formats == (ID_TEMPLATE,)


def test_properties_with_terraform_overrides(result: LoadResult) -> None:
    got = [
        (path, p.type.kind, p.presence, p.forces_new, p.url_param_only, p.api_name)
        for path, p in walk(_batch(result).properties)
    ]
    S, E, N, RR = TypeKind.STRING, TypeKind.ENUM, TypeKind.NESTED_OBJECT, TypeKind.RESOURCE_REF
    assert got == [
        ("resource_group_name", S, R, True, True, ""),
        ("name", S, R, True, True, "name"),
        ("location", S, R, True, False, "location"),
        ("tags", TypeKind.KEY_VALUE_PAIRS, OPT, False, False, "tags"),
        # renamed by terraform.yaml (autoStorageAccountId -> storageAccountId)
        ("storage_account_id", RR, OPT, False, False, "properties.autoStorage.storageAccountId"),
        ("pool_allocation_mode", E, OPT, True, False, "properties.poolAllocationMode"),
        ("key_vault_reference", N, OPT, True, False, "properties.keyVaultReference"),
        ("key_vault_reference.id", S, R, True, False, "id"),
        ("key_vault_reference.url", S, R, True, False, "url"),
        ("id", RR, C, False, False, "id"),
        ("account_endpoint", S, C, False, False, "properties.accountEndpoint"),
    ]
    props = dict(walk(_batch(result).properties))
    mode = props["pool_allocation_mode"]
    assert (mode.type.enum_values, mode.default) == (
        ("BatchService", "UserSubscription"),
        "BatchService",
    )
    # the override renames the property, and keeps api.yaml's description
    assert (
        props["storage_account_id"].description
        == "The ID of the Batch Account auto storage account."
    )


def test_example_hcl_from_prerequisites(result: LoadResult) -> None:
    (ex,) = _batch(result).examples
    assert (ex.name, ex.primary_resource, ex.skip_test) == (
        "basic",
        "azurerm_batch_account.example",
        None,
    )
    # resourcegroup/ and storageaccount/ are declared first, in the prerequisites' order.
    blocks = [line for line in ex.config.splitlines() if line.startswith("resource ")]
    assert blocks == [
        'resource "azurerm_resource_group" "example" {',
        'resource "azurerm_storage_account" "example" {',
        'resource "azurerm_batch_account" "example" {',
    ]
    assert "storage_account_id   = azurerm_storage_account.example.id" in ex.config
    # docs values from terraform.yaml's resource_name_hints, test values per run
    assert [(v.name, v.docs, v.test) for v in ex.vars] == [
        ("resource_group_name", "example-rg", "acctestRG-{random}"),
        ("location", "West US", "West US"),
        ("storage_account_name", "examplesa", "acctestsa{random}"),
        ("batch_account_name", "example-batch-account", "acctestba{random}"),
    ]


def test_diagnostics(result: LoadResult) -> None:
    assert not result.has_errors
    assert unsupported_counts(result.diagnostics) == {
        "function": 2,
        "list_by_resource_group": 1,
        "empty_value_sensitive": 1,
        "custom_code.extra_functions": 1,
        "datasources": 1,
    }
    unsupported = sorted(_at(d) for d in result.diagnostics if d.code == "azure-mm-unsupported-key")
    assert unsupported == [
        ("api.yaml", 108),
        ("terraform.yaml", 8),
        ("terraform.yaml", 12),
        ("terraform.yaml", 16),
        ("terraform.yaml", 18),
        ("terraform.yaml", 32),
    ]
    no_api = sorted(
        Path(d.location.file).name for d in result.diagnostics if d.code == "azure-mm-no-api-yaml"
    )
    assert no_api == ["resourcegroup", "storageaccount"]
    (version,) = [d for d in result.diagnostics if d.code == "azure-mm-no-api-version"]
    assert _at(version) == ("api.yaml", 11)
    # The loaded model passes the model's own checks.
    assert [d.to_text() for d in validate_products(result.products, result.sources)] == []


def test_missing_prerequisite_keeps_the_example_out_of_tests(tmp_path: Path) -> None:
    for name in ("batchaccount", "resourcegroup"):
        shutil.copytree(ROOT / name, tmp_path / name)
    result = load_azure_mm([str(tmp_path)])
    (ex,) = _batch(result).examples
    assert ex.skip_test is not None and "storageaccount/basic" in ex.skip_test
    assert 'resource "azurerm_storage_account"' not in ex.config
    assert "azure-mm-example-prerequisite" in {d.code for d in result.diagnostics}


def test_crlf_files_load_the_same_model(tmp_path: Path, result: LoadResult) -> None:
    """Upstream's files have CRLF line endings; the fixture's are LF."""
    for src in ROOT.rglob("*.yaml"):
        dst = tmp_path / src.relative_to(ROOT)
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes(src.read_bytes().replace(b"\n", b"\r\n"))
    crlf = load_azure_mm([str(tmp_path)])
    assert crlf.products == result.products
    assert [(d.code, d.location.line) for d in crlf.diagnostics] == [
        (d.code, d.location.line) for d in result.diagnostics
    ]


def test_detection_and_dispatch(result: LoadResult) -> None:
    assert detect_azure_mm(ROOT) and detect_azure_mm(BATCH) and detect_azure_mm(BATCH / "api.yaml")
    assert not detect_azure_mm(BATCH / "terraform.yaml")
    assert not detect_azure_mm(ROOT / "resourcegroup")  # examples only
    assert detect_format([str(ROOT)]) == "azure-mm"
    loaded, fmt = load_any([str(ROOT)])
    assert fmt == "azure-mm"
    assert loaded.products == result.products
