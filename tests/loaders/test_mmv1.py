"""The Magic Modules (mmv1) loader: the whole corpus, spot checks against the YAML, bad input."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.loaders.mmv1.loader import (
    Mmv1LoadResult,
    count_unsupported,
    detect_mmv1,
    load_mmv1,
)
from generator.loaders.spec_files import display_path
from generator.model.nodes import AsyncStyle, Presence, Product, Property, Resource, TypeKind
from generator.validate import validate_products, walk

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "magic-modules" / "products"

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason=f"mmv1 corpus not found at {CORPUS} (../shared sits beside the clone)",
)

# Findings of `validate` on the corpus that come from our model's stricter rules or from the
# corpus itself (not from the loader), with a ceiling each so a loader regression shows.
EXPECTED_VALIDATE_ERRORS = {
    # Example templates the loader reports (mmv1-template-unsupported / -missing; 7
    # measured) leave an empty config.
    "example-without-resource": 10,
    # `allow_empty_object` blocks with `properties: []`; our model wants fields.
    "empty-nested-object": 150,
    # Server-assigned `name` (output) in the self link; our model wants id params settable.
    "id-param-computed": 130,
    # `url_param_only` lists/objects and an Array virtual field: a warning for mmv1
    # (`spec_check.RELAXED_FOR_FOREIGN`); upstream keeps them out of the body (3 measured).
    "url-param-type": 3,
    # Upstream's example HCL held against the loaded schema (generator/validate_examples.py;
    # 21 measured): typos upstream's own tests never apply (`excludee_objects`, a stray
    # `"` in kms_key_ring_import_job), fields upstream adds in custom Go code
    # (`name_prefix` on SSL certificates), and blocks written as `x = {...}` attributes.
    "example-hcl-syntax": 4,
    "example-unknown-argument": 10,
    "example-unknown-block": 3,
    "example-block-as-attribute": 3,
    "example-missing-argument": 1,
    # Gone since the loader reads them with upstream's meaning (tests/loaders/
    # test_mmv1_quirks.py): relations upstream drops (26 unknown-reference, 5
    # computed-with-relation), `{{name}}` in singletons' self links (9 unknown-id-param),
    # output Enums without values (9), enum values listed twice (3 duplicate-name).
}


# --- the whole corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(mmv1_corpus_load: tuple[Mmv1LoadResult, float]) -> tuple[Mmv1LoadResult, float]:
    return mmv1_corpus_load  # one load per session (tests/loaders/conftest.py)


def _resource_files() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*/*.yaml") if p.name != "product.yaml")


def _find(result: Mmv1LoadResult, product: str, resource: str) -> tuple[Product, Resource]:
    for p in result.products:
        if p.name == product:
            for r in p.resources:
                if r.name == resource:
                    return p, r
    raise AssertionError(f"{product}/{resource} not loaded")


def _props(res: Resource) -> dict[str, Property]:
    return dict(walk(res.properties))


@needs_corpus
def test_every_resource_loads_or_says_why(corpus: tuple[Mmv1LoadResult, float]) -> None:
    result, seconds = corpus
    files = _resource_files()
    loaded = set(result.sources.values())
    files_with_errors = {d.location.file for d in result.diagnostics if d.is_error}
    unexplained = []
    clean = 0
    for f in files:
        shown = display_path(f)
        if shown in loaded:
            clean += shown not in files_with_errors
        elif shown not in result.skipped:
            unexplained.append(shown)
    n_resources = sum(len(p.resources) for p in result.products)
    print(
        f"\nmmv1 corpus: {len(files)} resource files, {len(result.products)} products, "
        f"{n_resources} resources loaded ({clean} without an error), "
        f"skipped {dict(Counter(result.skipped.values()))}; load took {seconds:.1f} s"
    )
    print(f"diagnostics: {dict(Counter((d.severity.value, d.code) for d in result.diagnostics))}")
    print(
        f"unsupported keys ({sum(result.unsupported.values())}): {dict(result.unsupported.most_common())}"
    )
    assert len(files) == 629
    assert len(result.products) == 123
    assert not unexplained
    # Only `exclude: true` / `exclude_resource: true` are skipped by default (39 upstream).
    assert set(result.skipped.values()) <= {"mmv1-excluded"}
    assert n_resources >= 585
    assert clean >= 585
    assert len(loaded) == n_resources


@needs_corpus
def test_unsupported_keys_are_located_and_counted(corpus: tuple[Mmv1LoadResult, float]) -> None:
    result, _ = corpus
    warnings = [d for d in result.diagnostics if d.code == "mmv1-unsupported-key"]
    assert warnings and all(d.location.line > 0 and d.location.col > 0 for d in warnings)
    assert count_unsupported(result.diagnostics) == dict(result.unsupported)
    # Keys we know to be common upstream and not mapped yet.
    for key in ("resource.iam_policy", "property.diff_suppress_func", "custom_code.encoder"):
        assert result.unsupported[key] > 0
    # Keys we map must never be reported.
    for key in ("property.required", "property.immutable", "resource.self_link", "async.type"):
        assert key not in result.unsupported


@needs_corpus
def test_validate_findings_are_model_rules_not_loader_bugs(
    corpus: tuple[Mmv1LoadResult, float],
) -> None:
    result, _ = corpus
    findings = validate_products(result.products)
    errors = Counter(d.code for d in findings if d.is_error)
    print(f"\nvalidate errors on the mmv1 corpus: {dict(errors)}")
    unexpected = {c: n for c, n in errors.items() if c not in EXPECTED_VALIDATE_ERRORS}
    assert not unexpected, unexpected
    over = {c: n for c, n in errors.items() if n > EXPECTED_VALIDATE_ERRORS[c]}
    assert not over, over


# --- spot checks against the YAML ---------------------------------------------------------------


@needs_corpus
def test_compute_address(corpus: tuple[Mmv1LoadResult, float]) -> None:
    result, _ = corpus
    product, res = _find(result, "compute", "address")
    assert product.display_name == "Compute Engine"
    assert {v.name for v in product.versions} == {"ga", "beta"}
    # Declared optional `region`/`zone` in URLs default from the provider too.
    assert [p.name for p in product.params] == ["project", "region", "zone", "default_labels"]
    assert res.terraform_name == "google_compute_address"
    assert res.rest.base_url == "projects/{project}/regions/{region}/addresses"
    # No `self_link`: upstream's default is `<base_url>/{{name}}`.
    assert res.rest.id_template == "projects/{project}/regions/{region}/addresses/{name}"
    assert res.rest.async_style is AsyncStyle.OPERATION
    assert res.rest.immutable and res.rest.update_verb is None
    assert res.rest.create_verb == "POST"
    assert res.import_formats[0] == "projects/{project}/regions/{region}/addresses/{name}"
    assert "{name}" in res.import_formats
    props = _props(res)
    assert props["name"].presence is Presence.REQUIRED
    assert props["address"].presence is Presence.OPTIONAL_COMPUTED
    assert props["creation_timestamp"].presence is Presence.COMPUTED
    assert props["creation_timestamp"].type.kind is TypeKind.TIME
    assert props["address_type"].type.enum_values == ("INTERNAL", "EXTERNAL")
    assert props["address_type"].default == "EXTERNAL"
    assert props["address_type"].api_name == "addressType"
    region = props["region"]
    assert region.type.kind is TypeKind.RESOURCE_REF
    assert (region.type.resource, region.type.imports) == ("Region", "name")
    # Upstream's page: "If it is not provided, the provider region is used."
    assert (region.presence, region.provider_default) == (Presence.OPTIONAL_COMPUTED, "region")
    project = props["project"]
    assert (project.presence, project.provider_default) == (Presence.OPTIONAL_COMPUTED, "project")
    assert project.forces_new and project.url_param_only
    assert dict(res.custom_code.flatten)["region"].endswith("name_from_self_link.tmpl")
    assert ("after_create", "templates/terraform/post_create/labels.tmpl") in res.custom_code.hooks
    ex = res.examples[0]
    assert ex.name == "address_basic"
    assert ex.primary_resource == "google_compute_address.ip_address"
    assert ex.config_path == "templates/terraform/samples/services/compute/address_basic.tf.tmpl"
    assert [(v.name, v.docs) for v in ex.vars] == [("address_name", "my-address")]
    assert "{random}" in ex.vars[0].test


@needs_corpus
def test_pubsub_topic(corpus: tuple[Mmv1LoadResult, float]) -> None:
    result, _ = corpus
    _, res = _find(result, "pubsub", "topic")
    assert res.terraform_name == "google_pubsub_topic"
    assert res.rest.create_verb == "PUT" and res.rest.update_verb == "PATCH"
    assert res.rest.update_mask
    assert res.rest.async_style is AsyncStyle.NONE  # PollAsync: not an operation
    assert res.rest.id_template == "projects/{project}/topics/{name}"
    assert (res.timeouts.create, res.timeouts.update, res.timeouts.delete) == (20, 20, 20)
    props = _props(res)
    assert props["name"].forces_new and props["name"].presence is Presence.REQUIRED
    assert props["labels"].type.kind is TypeKind.KEY_VALUE_LABELS
    policy = props["message_storage_policy"]
    assert (
        policy.presence is Presence.OPTIONAL_COMPUTED and policy.type.kind is TypeKind.NESTED_OBJECT
    )
    regions = props["message_storage_policy.allowed_persistence_regions"]
    assert regions.type.kind is TypeKind.ARRAY and regions.type.is_set
    assert regions.type.item is not None and regions.type.item.kind is TypeKind.STRING
    encoding = props["schema_settings.encoding"]
    assert encoding.type.enum_values == ("ENCODING_UNSPECIFIED", "JSON", "BINARY")
    # Bare sibling names (`conflicts: [aws_kinesis, cloud_storage, ...]` inside the block)
    # are not found from the root by upstream, whose provider has no such constraint.
    kinesis = props["ingestion_data_source_settings.aws_kinesis"]
    assert kinesis.conflicts_with == ()
    text = props["ingestion_data_source_settings.cloud_storage.text_format"]
    assert text.exactly_one_of == ()
    dropped = [
        d.message
        for d in result.diagnostics
        if d.code == "mmv1-relation-dropped" and d.location.file.endswith("pubsub/Topic.yaml")
    ]
    assert any("`conflicts` of `ingestion_data_source_settings.aws_kinesis`" in m for m in dropped)
    # Array of NestedObject.
    transforms = props["message_transforms"]
    assert transforms.type.item is not None
    assert transforms.type.item.kind is TypeKind.NESTED_OBJECT
    assert "message_transforms.ai_inference.endpoint" in props
    assert props["tags"].ignore_read and props["tags"].forces_new
    titles = [r.title for r in res.references]
    assert titles == ["Managing Topics", "API documentation"]
    assert "~> **Note:**" in res.description


@needs_corpus
def test_map_of_nested_object(corpus: tuple[Mmv1LoadResult, float]) -> None:
    result, _ = corpus
    _, res = _find(result, "artifactregistry", "repository")
    assert res.terraform_name == "google_artifact_registry_repository"
    props = _props(res)
    policies = props["cleanup_policies"]
    assert policies.type.kind is TypeKind.MAP and policies.type.key_name == "id"
    assert policies.type.value is not None
    assert policies.type.value.kind is TypeKind.NESTED_OBJECT
    action = props["cleanup_policies.action"]
    assert action.type.kind is TypeKind.ENUM and "DELETE" in action.type.enum_values
    assert props["repository_id"].url_param_only and props["repository_id"].api_name == ""
    assert res.rest.create_url is not None and "{repository_id}" in res.rest.create_url
    assert res.rest.id_template.endswith("/repositories/{repository_id}")
    assert dict(res.custom_code.expand)["cleanup_policies.condition.older_than"]


@needs_corpus
def test_ruby_tags(corpus: tuple[Mmv1LoadResult, float]) -> None:
    result, _ = corpus
    # `--- !ruby/object:Api::Resource` at the top of the document.
    _, trunk = _find(result, "dialogflow", "sip_trunk")
    assert trunk.terraform_name == "google_dialogflow_sip_trunk"
    assert trunk.rest.id_template == "{name}"
    assert trunk.rest.create_url == "projects/{project}/locations/{location}/sipTrunks"
    assert _props(trunk)["location"].url_param_only
    assert _props(trunk)["name"].presence is Presence.COMPUTED
    assert dict(trunk.custom_code.hooks)["parse_import_id"].endswith(".go.tmpl")
    # `async: !ruby/object:Api::OpAsync` without `type:`.
    _, config = _find(result, "storageinsights", "dataset_config")
    assert config.terraform_name == "google_storage_insights_dataset_config"
    assert config.rest.async_style is AsyncStyle.OPERATION
    assert config.rest.create_url is not None
    assert config.rest.create_url.endswith("?datasetConfigId={dataset_config_id}")


@needs_corpus
def test_legacy_names(corpus: tuple[Mmv1LoadResult, float]) -> None:
    result, _ = corpus
    names = {r.terraform_name for p in result.products for r in p.resources}
    # product `legacy_name`
    assert "google_secret_manager_secret" in names
    assert "google_gke_hub_membership" in names
    # resource `legacy_name`
    assert "google_project_access_approval_settings" in names


# --- options ------------------------------------------------------------------------------------


@needs_corpus
def test_include_excluded_and_version() -> None:
    folders = [str(CORPUS / name) for name in ("servicemanagement", "securityscanner", "osconfig")]
    default = load_mmv1(folders)
    assert "mmv1-excluded" in default.skipped.values()
    everything = load_mmv1(folders, include_excluded=True)
    assert not everything.skipped
    ga = load_mmv1(folders, version="ga")
    codes = Counter(d.code for d in ga.diagnostics)
    assert codes["mmv1-version"] >= 2  # securityscanner is beta-only; an osconfig resource too
    assert "securityscanner" not in {p.name for p in ga.products}
    assert all(p.versions[0].name == "ga" for p in ga.products)


def test_detect(tmp_path: Path) -> None:
    assert not detect_mmv1(REPO / "specs")
    assert not detect_mmv1(tmp_path)
    if CORPUS.is_dir():
        assert detect_mmv1(CORPUS)
        assert detect_mmv1(CORPUS / "pubsub")
        assert detect_mmv1(CORPUS / "pubsub" / "product.yaml")


# --- bad input ------------------------------------------------------------------------------------


PRODUCT = """\
name: Widget
display_name: Widget API
scopes: [https://www.googleapis.com/auth/cloud-platform]
versions:
  - name: ga
    base_url: https://widget.googleapis.com/v1/
"""


def _write(tmp_path: Path, resource: str, name: str = "Gadget.yaml") -> Path:
    folder = tmp_path / "widget"
    folder.mkdir(exist_ok=True)
    (folder / "product.yaml").write_text(PRODUCT)
    (folder / name).write_text(resource)
    return folder


def test_a_type_in_the_wrong_case_is_the_type_it_spells(tmp_path: Path) -> None:
    # Older specs (the 7.0.0 release's) write `type: 'string'` / `'enum'`: read as the
    # type, with a warning at the line; a name that spells no type stays an error.
    folder = _write(
        tmp_path,
        """\
name: Gadget
description: A gadget.
base_url: projects/{{project}}/gadgets
self_link: projects/{{project}}/gadgets/{{name}}
properties:
  - name: name
    type: String
    required: true
  - name: title
    type: 'string'
  - name: tags
    type: Array
    item_type:
      type: 'enum'
      enum_values: [A, B]
  - name: diskSizeGb
    type: int
""",
    )
    result = load_mmv1([str(folder)])
    (res,) = result.products[0].resources
    by_name = {p.name: p for p in res.properties}
    assert by_name["title"].type.kind is TypeKind.STRING
    assert by_name["tags"].type.item is not None
    assert by_name["tags"].type.item.kind is TypeKind.ENUM
    assert "disk_size_gb" not in by_name
    folded = [d for d in result.diagnostics if d.code == "mmv1-type-case"]
    assert [(d.location.line, d.message) for d in folded] == [
        (10, "type `string` is read as `String`"),
        (14, "type `enum` is read as `Enum`"),
    ]
    assert [d.code for d in result.diagnostics if d.is_error] == ["mmv1-unknown-type"]


def test_unknown_type_skips_only_that_property(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        """\
name: Gadget
description: A gadget.
base_url: projects/{{project}}/gadgets
self_link: projects/{{project}}/gadgets/{{name}}
sparkle: true
properties:
  - name: name
    type: String
    required: true
  - name: weird
    type: Blob
  - name: sizeGb
    type: Integer
    immutable: true
    validation:
      function: 'validation.IntBetween(1, 64)'
""",
    )
    result = load_mmv1([str(folder)])
    (product,) = result.products
    (res,) = product.resources
    assert res.terraform_name == "google_widget_gadget"
    assert [p.name for p in res.properties] == ["name", "size_gb", "project", "deletion_policy"]
    size = res.properties[1]
    assert size.forces_new and size.api_name == "sizeGb"
    assert (size.validation.minimum, size.validation.maximum) == (1, 64)
    errors = [d for d in result.diagnostics if d.is_error]
    assert [d.code for d in errors] == ["mmv1-unknown-type"]
    assert errors[0].location.line == 11  # the `type: Blob` line
    sparkle = [d for d in result.diagnostics if "resource.sparkle" in d.message]
    assert sparkle and sparkle[0].location.line == 5 and sparkle[0].location.col == 1
    assert result.unsupported["resource.sparkle"] == 1
    assert result.tooling["product.scopes"] == 1 and "product.scopes" not in result.unsupported


def test_ruby_tag_and_wrong_types_never_raise(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        """\
--- !ruby/object:Api::Resource
name: Gadget
description: [not, a, string]
base_url: gadgets
async: !ruby/object:Api::OpAsync
  operation: !ruby/object:Api::OpAsync::Operation
    base_url: '{{op_id}}'
timeouts:
  insert_minutes: soon
properties:
  - name: tags
    type: Array
  - name: labels
    type: Map
    value_type:
      type: NestedObject
      properties:
        - name: value
          type: String
""",
    )
    result = load_mmv1([str(folder)])
    (res,) = result.products[0].resources
    assert res.rest.async_style is AsyncStyle.OPERATION
    assert res.description == ""
    assert res.timeouts.create == 20
    assert [p.name for p in res.properties] == ["labels", "deletion_policy"]
    codes = Counter(d.code for d in result.diagnostics if d.is_error)
    assert codes == {"mmv1-wrong-type": 2, "mmv1-missing-key": 1}


@pytest.mark.parametrize(
    "text",
    ["", "- a list\n", "name: [\n", "\x00binary", "properties: 3\nname: X\n"],
)
def test_broken_files_are_reported(tmp_path: Path, text: str) -> None:
    folder = _write(tmp_path, text)
    result = load_mmv1([str(folder)])
    assert result.has_errors
    shown = [d for d in result.diagnostics if d.is_error]
    assert shown[0].location.file.endswith("Gadget.yaml")


def test_upstream_fields_are_added_by_upstreams_rules(tmp_path: Path) -> None:
    """`project` where a URL uses it and no property declares it; `region` declared
    optional in a URL defaults from the provider; `self_link` with `has_self_link`."""
    folder = tmp_path / "products" / "widget"
    folder.mkdir(parents=True)
    (folder / "product.yaml").write_text(
        "name: Widget\nversions:\n  - name: ga\n    base_url: https://w.googleapis.com/v1/\n"
    )
    (folder / "Gadget.yaml").write_text(
        "name: Gadget\n"
        "base_url: projects/{{project}}/regions/{{region}}/gadgets\n"
        "has_self_link: true\n"
        "parameters:\n"
        "  - {name: region, type: String, description: Where., url_param_only: true}\n"
        "properties:\n"
        "  - {name: name, type: String, description: Its name., required: true}\n"
    )
    (folder / "Plain.yaml").write_text(
        "name: Plain\nbase_url: things\nproperties:\n"
        "  - {name: name, type: String, description: Its name., required: true}\n"
    )
    result = load_mmv1([str(tmp_path / "products")])
    assert not [d for d in result.diagnostics if d.code == "mmv1-unsupported-key"]
    (product,) = result.products
    gadget, plain = product.resources
    props = {p.name: p for p in gadget.properties}
    assert list(props) == ["region", "name", "project", "self_link", "deletion_policy"]
    assert (props["region"].presence, props["region"].provider_default) == (
        Presence.OPTIONAL_COMPUTED,
        "region",
    )
    project = props["project"]
    assert (project.presence, project.provider_default) == (Presence.OPTIONAL_COMPUTED, "project")
    assert project.forces_new and project.url_param_only and not project.api_name
    link = props["self_link"]
    assert (link.presence, link.api_name, link.description) == (
        Presence.COMPUTED,
        "selfLink",
        "The URI of the created resource.",
    )
    assert [p.name for p in plain.properties] == ["name", "deletion_policy"]
    assert [p.name for p in product.params] == ["project", "region"]
