"""The Azure Magic Modules (2019) loader: the real corpus, spot checks, bad input, smoke."""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.api import validate_paths
from generator.diagnostics import Diagnostic
from generator.loaders.azure_mm.keys import unsupported_counts
from generator.loaders.azure_mm.loader import detect_azure_mm, load_azure_mm
from generator.loaders.base import LoadResult
from generator.loaders.mmgen.loader import load_specs
from generator.model.nodes import AsyncStyle, IdParamSource, Presence, Product, Resource, TypeKind
from generator.spec_writer import product_to_yaml, resource_to_yaml
from generator.validate import validate_products, walk

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "azure-specs"

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS} (it sits beside the clone)"
)

R, OPT, C = Presence.REQUIRED, Presence.OPTIONAL, Presence.COMPUTED


@pytest.fixture(scope="module")
def corpus() -> LoadResult:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return load_azure_mm([str(CORPUS)])


def _product(result: LoadResult, name: str) -> Product:
    return next(p for p in result.products if p.name == name)


def _resource(result: LoadResult, product: str) -> Resource:
    (res,) = _product(result, product).resources
    return res


def _in(d: Diagnostic, *parts: str) -> bool:
    return Path(d.location.file).parts[-len(parts) :] == parts


def _spec_folders() -> list[Path]:
    return [p for p in sorted(CORPUS.iterdir()) if p.is_dir() and not p.name.startswith(("_", "."))]


# --- the whole corpus ---------------------------------------------------------------------


@needs_corpus
def test_every_spec_folder_loads_or_is_reported(corpus: LoadResult) -> None:
    loaded = {p.name for p in corpus.products}
    for folder in _spec_folders():
        why = [d for d in corpus.diagnostics if folder.name in Path(d.location.file).parts]
        assert folder.name in loaded or why, f"{folder.name}: neither loaded nor reported"
    assert not [d for d in corpus.diagnostics if d.code == "azure-mm-internal"]
    resources = [r for p in corpus.products for r in p.resources]
    props = [x for r in resources for x in walk(r.properties)]
    severities = Counter(d.severity.value for d in corpus.diagnostics)
    print(
        f"\nazure-specs: {len(_spec_folders())} spec folders, {len(corpus.products)} products, "
        f"{len(resources)} resources, {len(props)} properties (all depths), "
        f"{sum(len(r.examples) for r in resources)} examples; diagnostics {dict(severities)}"
    )
    print("codes:", dict(Counter(d.code for d in corpus.diagnostics)))
    print("unsupported keys:", dict(unsupported_counts(corpus.diagnostics)))
    # Three folders have an api.yaml; the other two hold prerequisite examples only.
    assert loaded == {"batchaccount", "apimanagementapidiagnostic", "automationjob"}
    for name in ("resourcegroup", "storageaccount"):
        assert [
            d for d in corpus.diagnostics if d.code == "azure-mm-no-api-yaml" and name in d.message
        ]
    assert corpus.sources[("batchaccount", "batch_account")].endswith("batchaccount/api.yaml")


@needs_corpus
def test_unsupported_keys_are_counted_with_lines(corpus: LoadResult) -> None:
    assert unsupported_counts(corpus.diagnostics) == Counter(
        {
            "function": 2,  # Go validation functions
            "list_by_resource_group": 1,
            "list_by_subscription": 1,
            "list_by_parent": 1,
            "list_by_automation_account": 1,
            "empty_value_sensitive": 1,
            "custom_code.extra_functions": 1,
            "datasources": 1,
        }
    )
    where = {
        (Path(d.location.file).name, d.location.line)
        for d in corpus.diagnostics
        if d.code == "azure-mm-unsupported-key"
        and _in(d, "batchaccount", d.location.file.split("/")[-1])
    }
    assert where == {
        ("api.yaml", 224),
        ("api.yaml", 232),
        ("terraform.yaml", 8),
        ("terraform.yaml", 12),
        ("terraform.yaml", 16),
        ("terraform.yaml", 18),
        ("terraform.yaml", 32),
    }
    assert all(
        d.severity.value == "warning"
        for d in corpus.diagnostics
        if d.code == "azure-mm-unsupported-key"
    )


# --- spot checks ----------------------------------------------------------------------------


@needs_corpus
def test_batchaccount_product_and_rest_mapping(corpus: LoadResult) -> None:
    product = _product(corpus, "batchaccount")
    assert (product.display_name, product.prefix) == ("Azure Batch Account", "azurerm")
    assert product.base_url == "https://management.azure.com/"
    assert [p.name for p in product.params] == ["subscription_id"]
    res = _resource(corpus, "batchaccount")
    assert (res.name, res.terraform_name) == ("batch_account", "azurerm_batch_account")
    assert res.description == "Manages a Batch Account on Azure."
    rest = res.rest
    assert rest.id_template == (
        "/subscriptions/{subscription_id}/resourceGroups/{resource_group_name}"
        "/providers/Microsoft.Batch/batchAccounts/{name}"
    )
    assert rest.base_url == rest.id_template.rsplit("/", 1)[0]
    assert [(p.name, p.source) for p in rest.id_params] == [
        ("subscription_id", IdParamSource.PROVIDER),
        ("resource_group_name", IdParamSource.PROPERTY),
        ("name", IdParamSource.PROPERTY),
    ]
    assert (rest.create_verb, rest.read_verb, rest.update_verb, rest.delete_verb) == (
        "PUT",
        "GET",
        "PATCH",
        "DELETE",
    )
    assert rest.async_style is AsyncStyle.ARM  # create and delete are `async: true`
    assert not rest.immutable
    assert res.import_formats == (rest.id_template,)
    # The format has no api-version anywhere: none is invented, and that is said.
    assert rest.api_version is None
    assert [
        d
        for d in corpus.diagnostics
        if d.code == "azure-mm-no-api-version" and _in(d, "batchaccount", "api.yaml")
    ]


@needs_corpus
def test_batchaccount_properties(corpus: LoadResult) -> None:
    res = _resource(corpus, "batchaccount")
    got = [
        (path, p.type.kind, p.presence, p.forces_new, p.url_param_only, p.api_name)
        for path, p in walk(res.properties)
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
    mode = next(p for p in res.properties if p.name == "pool_allocation_mode")
    assert mode.type.enum_values == ("BatchService", "UserSubscription")
    assert mode.default == "BatchService"
    assert (
        next(p for p in res.properties if p.name == "name").description
        == "The name of the Batch Account."
    )


BATCH_HCL = """\
resource "azurerm_resource_group" "example" {
  name     = "{{resource_group_name}}"
  location = "{{location}}"
}

resource "azurerm_storage_account" "example" {
  name                     = "{{storage_account_name}}"
  resource_group_name      = azurerm_resource_group.example.name
  location                 = azurerm_resource_group.example.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_batch_account" "example" {
  name                 = "{{batch_account_name}}"
  resource_group_name  = azurerm_resource_group.example.name
  location             = azurerm_resource_group.example.location
  pool_allocation_mode = "BatchService"
  storage_account_id   = azurerm_storage_account.example.id
}
"""


@needs_corpus
def test_batchaccount_example_hcl(corpus: LoadResult) -> None:
    (ex,) = _resource(corpus, "batchaccount").examples
    assert ex.name == "basic"
    assert ex.config == BATCH_HCL
    assert ex.primary_resource == "azurerm_batch_account.example"
    assert ex.skip_test is None
    # docs values from terraform.yaml's resource_name_hints, test values per run
    assert [(v.name, v.docs, v.test) for v in ex.vars] == [
        ("resource_group_name", "example-rg", "acctestRG-{random}"),
        ("location", "West US", "West US"),
        ("storage_account_name", "examplesa", "acctestsa{random}"),
        ("batch_account_name", "example-batch-account", "acctestba{random}"),
    ]


@needs_corpus
def test_resourcegroup_and_storageaccount_are_prerequisites_only(tmp_path: Path) -> None:
    """Neither has an api.yaml: loading them alone says so and raises nothing; their
    examples are what batchaccount's example declares first (see BATCH_HCL)."""
    for name in ("resourcegroup", "storageaccount"):
        result = load_azure_mm([str(CORPUS / name)])
        assert result.products == []
        assert [d.code for d in result.diagnostics] == ["azure-mm-no-api-yaml"]
        assert not result.has_errors
    # Without the storageaccount folder the batch example cannot declare its storage
    # account: reported, and the example is kept out of acceptance tests.
    root = tmp_path / "specs"
    for name in ("batchaccount", "resourcegroup"):
        shutil.copytree(CORPUS / name, root / name)
    result = load_azure_mm([str(root)])
    (ex,) = _resource(result, "batchaccount").examples
    assert ex.skip_test is not None and "storageaccount/basic" in ex.skip_test
    assert 'resource "azurerm_resource_group" "example"' in ex.config
    assert 'resource "azurerm_storage_account"' not in ex.config
    assert "azure-mm-example-prerequisite" in {d.code for d in result.diagnostics}


@needs_corpus
def test_apimanagementapidiagnostic(corpus: LoadResult) -> None:
    res = _resource(corpus, "apimanagementapidiagnostic")
    assert res.terraform_name == "azurerm_api_diagnostic"
    assert res.rest.id_template == (
        "/subscriptions/{subscription_id}/resourceGroups/{resource_group}/providers/Microsoft.ApiManagement"
        "/service/{service_name}/apis/{api_id}/diagnostics/{diagnostic_id}"
    )
    assert res.rest.update_verb == "PATCH" and res.rest.async_style is AsyncStyle.NONE
    paths = dict((path, p.api_name) for path, p in walk(res.properties))
    assert paths["frontend"] == "properties.frontend"
    assert paths["frontend.request.body.bytes"] == "bytes"
    # `input: true` on output-only properties (id, name, type) forces nothing
    assert all(not p.forces_new for p in res.properties if p.presence is C)


@needs_corpus
def test_automationjob_broken_tag_is_reported_and_the_rest_loads(corpus: LoadResult) -> None:
    errors = [d for d in corpus.diagnostics if d.is_error]
    assert [(d.code, d.location.line) for d in errors] == [("azure-mm-unknown-type", 260)]
    assert "jobId" in errors[0].message and "unknown-primary[uuid]" in errors[0].message
    assert _in(errors[0], "automationjob", "api.yaml")
    # the SDK entries with the same placeholder are warned about too
    assert sorted(
        d.location.line for d in corpus.diagnostics if d.code == "azure-mm-unknown-sdk-type"
    ) == [111, 114]
    res = _resource(corpus, "automationjob")
    names = [p.name for p in res.properties]
    assert "job_id" not in names
    assert {"creation_time", "status", "runbook", "parameters"} <= set(names)
    assert res.rest.id_template.endswith(
        "/providers/Microsoft.Automation/automationAccounts/{automation_account_name}/jobs/{name}"
    )
    # no update operation and create is not CreateOrUpdate: nothing changes in place
    assert (res.rest.update_verb, res.rest.immutable) == (None, True)
    assert "azure-mm-no-delete" in {d.code for d in corpus.diagnostics}


# --- invalid YAML ---------------------------------------------------------------------------


@needs_corpus
def test_invalid_yaml_is_reported_with_its_line_and_the_others_load(tmp_path: Path) -> None:
    """Upstream, 8 of 19 api.yaml files nest single quotes; our corpus copy has none, so
    two of its files are broken the same way here."""
    root = tmp_path / "specs"
    shutil.copytree(CORPUS, root)
    broken = {}
    for name, old, new in (
        ("batchaccount", "      Manages a Batch Account on Azure.", None),
        (
            "apimanagementapidiagnostic",
            "description: 'Sampling type.'",
            "description: 'The 'sampling' type.'",
        ),
    ):
        api = root / name / "api.yaml"
        text = api.read_text()
        if new is None:  # a plain scalar turned into a quoted one with nested quotes
            text = text.replace(
                "description: |\n" + old, "description: 'Manages a 'Batch' Account.'"
            )
            text = text.replace(
                "description: |\r\n" + old, "description: 'Manages a 'Batch' Account.'"
            )
            new = "description: 'Manages a 'Batch' Account.'"
        else:
            text = text.replace(old, new)
        assert new in text
        api.write_text(text)
        broken[name] = next(i for i, line in enumerate(text.splitlines(), 1) if new in line)
    result = load_azure_mm([str(root)])
    syntax = {
        d.location.file.split("/")[-2]: d for d in result.diagnostics if d.code == "yaml-syntax"
    }
    assert set(syntax) == set(broken)
    for name, line in broken.items():
        assert syntax[name].location.line == line and syntax[name].location.col > 1
        assert syntax[name].is_error
    assert {p.name for p in result.products} == {"automationjob"}
    assert not [d for d in result.diagnostics if d.code == "azure-mm-internal"]


# --- validation and the python target -------------------------------------------------------


GENUINE = [
    # autorest.cli gives every Enum its first value as `default_value`, output-only ones too
    ("computed-with-default", "status"),
    ("computed-with-default", "provisioning_state"),
    # `name` is both the job name (required, in the id) and the read-only envelope name
    ("duplicate-name", "`name`"),
    ("id-param-computed", "`name`"),
]


@needs_corpus
def test_validate_finds_only_genuine_spec_problems(corpus: LoadResult) -> None:
    found = validate_products(corpus.products, corpus.sources)
    errors = [d for d in found if d.is_error]
    assert all(_in(d, "automationjob", "api.yaml") for d in errors)
    assert sorted(
        (d.code, next(w for c, w in GENUINE if c == d.code and w in d.message)) for d in errors
    ) == sorted(GENUINE)
    assert not [d for d in found if not d.is_error]  # no empty descriptions, unused vars, ...


@needs_corpus
def test_written_specs_validate_and_round_trip(corpus: LoadResult, tmp_path: Path) -> None:
    """The smoke check of the python target: the model written as mmgen specs."""
    root = tmp_path / "specs"
    for product in corpus.products:
        folder = root / product.name
        folder.mkdir(parents=True)
        (folder / "product.yaml").write_text(product_to_yaml(product))
        for res in product.resources:
            (folder / f"{res.name}.yaml").write_text(resource_to_yaml(res, prefix=product.prefix))
    report = validate_paths([str(root)])
    failing = {Path(d.location.file).parent.name for d in report.errors}
    print("\nvalidate_paths on the written specs:", [d.to_text() for d in report.errors])
    assert failing == {"automationjob"}  # the genuine findings above, nothing else
    assert sorted(d.code for d in report.errors) == sorted(c for c, _ in GENUINE)
    assert load_specs([str(root)]).products == corpus.products


# --- detection ------------------------------------------------------------------------------


@needs_corpus
def test_detect() -> None:
    assert detect_azure_mm(CORPUS)
    assert detect_azure_mm(str(CORPUS / "batchaccount"))
    assert detect_azure_mm(CORPUS / "batchaccount" / "api.yaml")
    assert not detect_azure_mm(CORPUS / "batchaccount" / "terraform.yaml")
    assert not detect_azure_mm(CORPUS / "resourcegroup")
    assert not detect_azure_mm(REPO / "tests" / "fixtures" / "good-specs")
    assert not detect_azure_mm(REPO / "does-not-exist")


# --- synthetic specs: what the corpus does not show -----------------------------------------

SYNTHETIC_API = """\
--- !ruby/object:Api::Product
name: Azure Widgets
versions:
  - !ruby/object:Api::Product::Version
    name: 2021-04-01
    base_url: NotUsedInAzure
colour: blue
objects:
  - !ruby/object:Api::Resource
    name: WidgetThing
    base_url: NotUsedInAzure
    self_link: /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Widget/things/{thingName}
    azure_sdk_definition: !ruby/object:Api::Azure::SDKDefinition
      provider_name: Microsoft.Widget
      create: !ruby/object:Api::Azure::SDKOperationDefinition
        go_func_name: CreateOrUpdate
        request:
          'resourceGroupName': !ruby/object:Api::Azure::SDKTypeDefinition::StringObject
            id_portion: resourceGroups
          'thingName': !ruby/object:Api::Azure::SDKTypeDefinition::StringObject
            id_portion: things
          '/properties/flag': !ruby/object:Api::Azure::SDKTypeDefinition::EnumObject
            applicable_to: [go]
          '/properties/rules': !ruby/object:Api::Azure::SDKTypeDefinition::ComplexArrayObject
          '/properties/rules/port': !ruby/object:Api::Azure::SDKTypeDefinition::IntegerObject
          '/properties/zones': !ruby/object:Api::Azure::SDKTypeDefinition::StringArrayObject
            shiny: true
          '/properties/secret': !ruby/object:Api::Azure::SDKTypeDefinition::StringObject
      read: !ruby/object:Api::Azure::SDKOperationDefinition
        request:
          'resourceGroupName': !ruby/object:Api::Azure::SDKTypeDefinition::StringObject
            id_portion: resourceGroups
          'thingName': !ruby/object:Api::Azure::SDKTypeDefinition::StringObject
            id_portion: things
      delete: !ruby/object:Api::Azure::SDKOperationDefinition
        async: true
        request: {}
    description: A widget thing.
    properties:
      - !ruby/object:Api::Azure::Type::ResourceGroupName
        name: resourceGroupName
        description: The resource group.
        azure_sdk_references: ['resourceGroupName']
      - !ruby/object:Api::Type::String
        name: thingName
        description: The thing's name.
        required: true
        input: true
        azure_sdk_references: ['thingName']
      - !ruby/object:Api::Azure::Type::BooleanEnum
        name: flag
        description: A flag.
        true_value: :On
        false_value: :Off
        azure_sdk_references: ['/properties/flag']
      - !ruby/object:Api::Type::Array
        name: rules
        description: The rules.
        max_size: 3
        azure_sdk_references: ['/properties/rules']
        item_type: !ruby/object:Api::Type::NestedObject
          properties:
            - !ruby/object:Api::Type::Integer
              name: port
              description: The port.
              azure_sdk_references: ['/properties/rules/port']
      - !ruby/object:Api::Type::Array
        name: zones
        description: The zones.
        item_type: Api::Type::String
        azure_sdk_references: ['/properties/zones']
      - !ruby/object:Api::Type::String
        name: secret
        description: A secret.
        azure_sdk_references: ['/properties/secret']
"""

SYNTHETIC_TF = """\
--- !ruby/object:Provider::Azure::Terraform::Config
overrides: !ruby/object:Overrides::ResourceOverrides
  WidgetThing: !ruby/object:Provider::Azure::Terraform::ResourceOverride
    name: Thing
    azure_sdk_definition: !ruby/object:Api::Azure::SDKDefinitionOverride
      create: !ruby/object:Api::Azure::SDKOperationDefinitionOverride
        request:
          '/properties/secret': !ruby/object:Api::Azure::SDKTypeDefinitionOverride
            remove: true
    properties:
      thingName: !ruby/object:Provider::Azure::Terraform::PropertyOverride
        name: name
        validation: !ruby/object:Provider::Terraform::Validation
          regex: '^[a-z]+$'
      rules.port: !ruby/object:Provider::Azure::Terraform::PropertyOverride
        name: portNumber
        diff_suppress_func: suppressPort
      nothere: !ruby/object:Provider::Azure::Terraform::PropertyOverride
        sensitive: true
    acctests:
      - !ruby/object:Provider::Azure::Terraform::AccTestDefinition
        name: update
        steps: [basic, complete]
  Ghost: !ruby/object:Provider::Azure::Terraform::ResourceOverride
    properties: {}
"""

SYNTHETIC_EXAMPLE = """\
--- !ruby/object:Provider::Azure::Example
resource: azurerm_thing
properties:
  name: "<%= get_resource_name('things', 'th') -%>"
  resource_group_name: "rg-<%= some_helper(1) -%>"
  flag: "On"
  zones: ["1", "2"]
  rules:
    - port: 80
    - port: 443
"""


def _synthetic(tmp_path: Path) -> LoadResult:
    folder = tmp_path / "widget"
    (folder / "examples" / "terraform").mkdir(parents=True)
    (folder / "api.yaml").write_text(SYNTHETIC_API)
    (folder / "terraform.yaml").write_text(SYNTHETIC_TF)
    (folder / "examples" / "terraform" / "basic.yaml").write_text(SYNTHETIC_EXAMPLE)
    return load_azure_mm([str(folder)])


def test_synthetic_spec_mapping(tmp_path: Path) -> None:
    result = _synthetic(tmp_path)
    product = _product(result, "widget")
    assert product.versions[0].name == "2021-04-01"
    (res,) = product.resources
    assert (res.name, res.terraform_name) == ("thing", "azurerm_thing")
    rest = res.rest
    assert rest.api_version == "2021-04-01"
    assert rest.id_template == (
        "/subscriptions/{subscription_id}/resourceGroups/{resource_group_name}/providers/Microsoft.Widget/things/{name}"
    )
    assert rest.base_url == rest.id_template.rsplit("/", 1)[0]
    assert (rest.update_verb, rest.immutable, rest.async_style) == ("PUT", False, AsyncStyle.ARM)
    props = dict(walk(res.properties))
    assert (
        props["resource_group_name"].presence is R and props["resource_group_name"].url_param_only
    )
    assert props["name"].validation.regex == "^[a-z]+$" and props["name"].url_param_only
    assert props["flag"].type.kind is TypeKind.ENUM and props["flag"].type.enum_values == (
        "On",
        "Off",
    )
    rules = props["rules"].type
    assert (
        rules.kind is TypeKind.ARRAY
        and rules.item is not None
        and rules.item.kind is TypeKind.NESTED_OBJECT
    )
    assert props["rules"].validation.max_items == 3
    assert props["rules.port_number"].api_name == "port"
    zones = props["zones"].type
    assert zones.item is not None and zones.item.kind is TypeKind.STRING
    # `remove: true` is warned about; the field stays mapped (upstream, custom code sent it)
    assert props["secret"].api_name == "properties.secret"
    codes = Counter(d.code for d in result.diagnostics)
    assert codes["azure-mm-override-unknown-property"] == 1  # nothere
    assert codes["azure-mm-override-unknown-resource"] == 1  # Ghost
    assert codes["azure-mm-example-erb"] == 1  # some_helper(1)
    assert codes["azure-mm-example-missing"] == 1  # complete
    assert unsupported_counts(result.diagnostics) == Counter(
        {
            "colour": 1,
            "shiny": 1,
            "diff_suppress_func": 1,
            "true_value": 1,
            "false_value": 1,
            "steps": 1,
            "remove": 1,
        }
    )
    assert not result.has_errors


def test_synthetic_example_hcl(tmp_path: Path) -> None:
    (res,) = _product(_synthetic(tmp_path), "widget").resources
    (ex,) = res.examples
    assert ex.config == (
        'resource "azurerm_thing" "example" {\n'
        '  name                = "{{thing_name}}"\n'
        '  resource_group_name = "rg-<%= some_helper(1) %>"\n'
        '  flag                = "On"\n'
        '  zones               = ["1", "2"]\n'
        "  rules {\n"
        "    port = 80\n"
        "  }\n"
        "  rules {\n"
        "    port = 443\n"
        "  }\n"
        "}\n"
    )
    assert [(v.name, v.docs, v.test) for v in ex.vars] == [
        ("thing_name", "example-thing", "acctestth-{random}")
    ]
    assert ex.skip_test is not None


# --- bad input never raises -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01",
        "- a\n- b\n",
        "--- !ruby/object:Api::Product\nname: x\n",
        "--- !ruby/object:Api::Product\nobjects: [1, 2]\n",
        "--- !ruby/object:Api::Product\nobjects:\n  - !ruby/object:Api::Resource\n    name: X\n",
        "--- !ruby/object:Api::Product\nobjects:\n  - !ruby/object:Api::Resource\n    name: X\n"
        "    azure_sdk_definition: 5\n    properties: [1, {name: y}, !ruby/object:Api::Type::Array {name: z}]\n",
        "--- !ruby/object:Api::Resource\nname: X\n",
    ],
)
def test_bad_api_yaml_is_reported_not_raised(tmp_path: Path, text: str) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "api.yaml").write_text(text)
    (folder / "terraform.yaml").write_text("overrides: [1]\n")
    result = load_azure_mm([str(folder)])
    assert result.diagnostics
    assert not [d for d in result.diagnostics if d.code == "azure-mm-internal"]


def test_paths_that_are_not_specs(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hi")
    result = load_azure_mm([str(tmp_path / "missing"), str(tmp_path / "notes.txt"), str(tmp_path)])
    assert sorted(d.code for d in result.diagnostics) == ["io", "no-specs", "no-specs"]
    assert result.products == []


@needs_corpus
@settings(max_examples=25, deadline=None)
@given(st.data())
def test_mangled_corpus_files_never_raise(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "specs"
        shutil.copytree(CORPUS, root)
        for rel in (
            "batchaccount/api.yaml",
            "batchaccount/terraform.yaml",
            "storageaccount/examples/terraform/basic.yaml",
        ):
            path = root / rel
            lines = path.read_text().splitlines()
            i = data.draw(st.integers(0, len(lines) - 1))
            edit = data.draw(st.sampled_from(["drop", "dup", "colon", "junk"]))
            if edit == "drop":
                del lines[i]
            elif edit == "dup":
                lines.insert(i, lines[data.draw(st.integers(0, len(lines) - 1))])
            elif edit == "colon":
                lines[i] = lines[i].replace(":", "", 1)
            else:
                junk = [" [", " - x", " {a: 1}", " !ruby/object:Foo", " 7"]
                lines[i] += data.draw(st.sampled_from(junk))
            path.write_text("\n".join(lines))
        result = load_azure_mm([str(root)])
    assert not [d for d in result.diagnostics if d.code == "azure-mm-internal"]
    validate_products(result.products, result.sources)
