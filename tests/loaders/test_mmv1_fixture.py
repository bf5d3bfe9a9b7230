"""The mmv1 loader on the committed fixture (tests/fixtures/loaders/mmv1): no ../shared needed.

The fixture is upstream's documentai product, verbatim: a plain immutable resource, one
with custom URLs and a `%`-marked import format, and one updated with PATCH + update mask.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from generator.loaders.formats import detect_format, load_any
from generator.loaders.mmv1.loader import Mmv1LoadResult, count_unsupported, detect_mmv1, load_mmv1
from generator.loaders.spec_files import display_path
from generator.model.nodes import (
    ApiStyle,
    AsyncStyle,
    IdParamSource,
    MapView,
    Presence,
    Property,
    Resource,
    TypeKind,
)
from generator.validate import walk

REPO = Path(__file__).resolve().parents[2]
ROOT = REPO / "tests" / "fixtures" / "loaders" / "mmv1"
PRODUCTS = ROOT / "products"
FOLDER = PRODUCTS / "documentai"
R, OPT, C = Presence.REQUIRED, Presence.OPTIONAL, Presence.COMPUTED
OPT_C = Presence.OPTIONAL_COMPUTED
S = TypeKind.STRING


@pytest.fixture(scope="module")
def result() -> Mmv1LoadResult:
    return load_mmv1([str(PRODUCTS)])


def _resource(result: Mmv1LoadResult, name: str) -> Resource:
    (product,) = result.products
    return next(r for r in product.resources if r.name == name)


def _props(res: Resource) -> dict[str, Property]:
    return dict(walk(res.properties))


def test_product(result: Mmv1LoadResult) -> None:
    (product,) = result.products
    assert (product.name, product.display_name, product.prefix) == (
        "documentai",
        "Document AI",
        "google",
    )
    assert product.api_style is ApiStyle.GOOGLE  # the emulator serves it the Google way
    assert [(v.name, v.base_url) for v in product.versions] == [
        ("ga", "https://{{location}}-documentai.googleapis.com/v1/")
    ]
    # Only the provider values the resources use become product params; a resource may
    # set its own project, so the provider need not.
    assert [(p.name, p.env, p.required) for p in product.params] == [
        ("project", "GOOGLE_PROJECT", False),
        ("default_labels", None, False),
    ]
    assert [r.terraform_name for r in product.resources] == [
        "google_document_ai_processor",
        "google_document_ai_processor_default_version",
        "google_document_ai_schema",
    ]
    assert result.sources == {
        ("documentai", "processor"): display_path(FOLDER / "Processor.yaml"),
        ("documentai", "processor_default_version"): display_path(
            FOLDER / "ProcessorDefaultVersion.yaml"
        ),
        ("documentai", "schema"): display_path(FOLDER / "Schema.yaml"),
    }
    assert not result.skipped and not result.version_filtered


def test_processor_rest_and_properties(result: Mmv1LoadResult) -> None:
    res = _resource(result, "processor")
    rest = res.rest
    assert rest.base_url == "projects/{project}/locations/{location}/processors"
    # No `self_link`: upstream's default is `<base_url>/{{name}}`.
    assert rest.id_template == "projects/{project}/locations/{location}/processors/{name}"
    assert [(p.name, p.source) for p in rest.id_params] == [
        ("project", IdParamSource.PROPERTY),
        ("location", IdParamSource.PROPERTY),
        ("name", IdParamSource.PROPERTY),
    ]
    # `immutable: true` and no `update_verb`: no update call at all.
    assert (rest.create_verb, rest.read_verb, rest.update_verb, rest.delete_verb) == (
        "POST",
        "GET",
        None,
        "DELETE",
    )
    assert rest.immutable and rest.async_style is AsyncStyle.NONE
    assert rest.create_url is None and not rest.update_mask
    assert res.import_formats == (
        "projects/{project}/locations/{location}/processors/{name}",
        "{project}/{location}/{name}",
        "{location}/{name}",
    )
    assert (res.timeouts.create, res.timeouts.update, res.timeouts.delete) == (20, 20, 20)
    got = [
        (path, p.type.kind, p.presence, p.forces_new, p.url_param_only, p.api_name)
        for path, p in walk(res.properties)
    ]
    assert got == [
        # `parameters` first; url_param_only values are not sent in the body
        ("location", S, R, True, True, ""),
        ("name", S, C, False, False, "name"),
        ("type", S, R, True, False, "type"),
        ("display_name", S, R, True, False, "displayName"),
        ("kms_key_name", S, OPT, True, False, "kmsKeyName"),
        # upstream's templates add it: `{{project}}` in the URLs, and no property of the name
        ("project", S, OPT_C, True, True, ""),
        # and the virtual destroy guard, to every resource
        ("deletion_policy", S, OPT, False, True, ""),
    ]
    project = _props(res)["project"]
    assert project.provider_default == "project"
    assert project.description.startswith("The ID of the project in which the resource belongs.")
    assert _props(res)["display_name"].description == "The display name. Must be unique."
    assert res.description.startswith("The first-class citizen for Document AI.")
    assert [r.title for r in res.references] == ["Official Documentation", "API documentation"]
    assert dict(res.custom_code.flatten) == {
        "name": "templates/terraform/custom_flatten/name_from_self_link.tmpl"
    }


def test_custom_urls_and_percent_import_format(result: Mmv1LoadResult) -> None:
    res = _resource(result, "processor_default_version")
    rest = res.rest
    assert (rest.base_url, rest.id_template) == ("{processor}", "{processor}")
    assert rest.create_url == "{processor}:setDefaultProcessorVersion"
    assert [(p.name, p.source) for p in rest.id_params] == [("processor", IdParamSource.PROPERTY)]
    # `{{%processor}}` may hold slashes: no short import forms are derived from it.
    assert res.import_formats == ("{processor}",)
    props = _props(res)
    assert props["processor"].ignore_read and props["processor"].presence is R
    assert props["version"].api_name == "defaultProcessorVersion"
    # `exclude_delete: true`: the API has no delete, destroy only forgets the resource.
    assert not rest.can_delete and rest.can_read
    # Hooks with a model counterpart are kept (as paths of upstream's Go templates);
    # `pre_read` has none and is reported.
    assert [k for k, _ in res.custom_code.hooks] == [
        "before_create",
        "before_delete",
        "before_update",
    ]


def test_patch_with_update_mask(result: Mmv1LoadResult) -> None:
    res = _resource(result, "schema")
    rest = res.rest
    assert rest.id_template == "projects/{project}/locations/{location}/schemas/{name}"
    assert (rest.create_verb, rest.update_verb) == ("POST", "PATCH")
    assert rest.update_mask and not rest.immutable
    kinds = {path: (p.type.kind, p.presence) for path, p in walk(res.properties)}
    assert kinds == {
        "location": (S, R),
        "name": (S, C),
        "display_name": (S, OPT),
        "labels": (TypeKind.KEY_VALUE_LABELS, OPT),
        "create_time": (TypeKind.TIME, C),
        "update_time": (TypeKind.TIME, C),
        "project": (S, OPT_C),
        # upstream's templates add the labels' views
        "terraform_labels": (TypeKind.KEY_VALUE_PAIRS, C),
        "effective_labels": (TypeKind.KEY_VALUE_PAIRS, C),
        "deletion_policy": (S, OPT),
    }
    props = _props(res)
    views = [(p.map_view, p.view_of, p.api_name, p.provider_default) for p in props.values()]
    assert views[-4:] == [
        (MapView.ALL, None, "", "project"),
        (MapView.MERGED, "labels", "labels", "default_labels"),
        (MapView.EFFECTIVE, "labels", "labels", None),
        (MapView.ALL, None, "", None),
    ]
    assert props["labels"].map_view is MapView.CONFIGURED
    assert props["labels"].description.endswith(
        "Please refer to the field `effective_labels` for all of the labels present on the "
        "resource."
    )
    (product,) = result.products
    assert [(p.name, p.is_map) for p in product.params] == [
        ("project", False),
        ("default_labels", True),
    ]


def test_examples_are_rendered_from_the_committed_templates(result: Mmv1LoadResult) -> None:
    (product,) = result.products
    examples = {e.name: (r, e) for r in product.resources for e in r.examples}
    assert sorted(examples) == [
        "documentai_default_version",
        "documentai_processor",
        "documentai_processor_eu",
        "documentai_schema",
    ]
    for res, ex in examples.values():
        # The HCL lives in the template, relative to the folder that holds `products/`,
        # and is rendered into `config`; no Go-template action is left in it.
        assert ex.config_path is not None
        template = ROOT / ex.config_path
        assert template.is_file(), ex.config_path
        assert f'resource "{res.terraform_name}"' in ex.config
        assert "$." not in ex.config and ex.skip_test is None
        assert ex.config.count("{{") == template.read_text(encoding="utf-8").count("ResourceIdVars")
    # `exclude_basic_doc: true`: for the acceptance tests only, not on the docs page.
    assert [n for n, (_, e) in sorted(examples.items()) if not e.in_docs] == [
        "documentai_processor_eu"
    ]
    _, processor = examples["documentai_processor"]
    assert processor.primary_resource == "google_document_ai_processor.processor"
    assert [(v.name, v.docs, v.test) for v in processor.vars] == [
        ("processor_name", "test-processor", "tf-test-test-processor{random}")
    ]
    assert processor.config == (
        'resource "google_document_ai_processor" "processor" {\n'
        '  location = "us"\n'
        '  display_name = "{{processor_name}}"\n'
        '  type = "OCR_PROCESSOR"\n'
        "}\n"
    )


def test_unsupported_keys_are_warnings_with_locations(result: Mmv1LoadResult) -> None:
    assert not result.has_errors
    # Keys for upstream's tooling are counted apart and not warned about.
    assert dict(result.tooling) == {"product.scopes": 1, "resource.sweeper": 1}
    assert dict(result.unsupported) == {
        "resource.api_resource_type_kind": 1,
        "custom_code.test_check_destroy": 2,
        "custom_code.pre_read": 1,
        "property.diff_suppress_func": 1,
    }
    assert count_unsupported(result.diagnostics) == dict(result.unsupported)
    where = {
        (Path(d.location.file).name, d.location.line, d.location.col)
        for d in result.diagnostics
        if "`property.diff_suppress_func`" in d.message
    }
    assert where == {("ProcessorDefaultVersion.yaml", 62, 5)}
    assert {d.severity.value for d in result.diagnostics} == {"warning"}


def test_detection_and_dispatch() -> None:
    assert detect_mmv1(PRODUCTS) and detect_mmv1(FOLDER) and detect_mmv1(FOLDER / "product.yaml")
    assert detect_format([str(PRODUCTS)]) == "mmv1"
    loaded, fmt = load_any([str(PRODUCTS)])
    assert fmt == "mmv1"
    # Through the registry, Go custom code is said and dropped; the example templates are
    # rendered, so every example keeps its HCL.
    codes = Counter(d.code for d in loaded.diagnostics)
    assert codes["foreign-custom-code"] == 3
    # Said before any target is chosen, so it names none: it holds for the Go target too.
    foreign = [d for d in loaded.diagnostics if d.code == "foreign-custom-code"]
    assert all("carried into no target" in d.message for d in foreign)
    assert not any("python" in d.message.lower() for d in foreign)
    assert codes["foreign-example-without-hcl"] == 0
    assert all(r.custom_code.is_empty for r in loaded.products[0].resources)
    assert all(e.config for r in loaded.products[0].resources for e in r.examples)
    assert sum(len(r.examples) for r in loaded.products[0].resources) == 4
    assert [r.name for r in loaded.products[0].resources] == [
        "processor",
        "processor_default_version",
        "schema",
    ]


def test_one_named_resource_file_loads_alone(tmp_path: Path) -> None:
    result = load_mmv1([str(FOLDER / "Schema.yaml")])
    (product,) = result.products
    assert [r.name for r in product.resources] == ["schema"]
    # A product whose resource is broken still loads the others, and says where.
    copy = tmp_path / "documentai"
    shutil.copytree(FOLDER, copy)
    (copy / "Processor.yaml").write_text("name: [\n", encoding="utf-8")
    broken = load_mmv1([str(copy)])
    assert [r.name for r in broken.products[0].resources] == ["processor_default_version", "schema"]
    errors = [d for d in broken.diagnostics if d.is_error]
    assert errors and all(d.location.file.endswith("Processor.yaml") for d in errors)
    assert broken.skipped == {display_path(copy / "Processor.yaml"): "yaml"}
