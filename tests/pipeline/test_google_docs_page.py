"""The Google docs family's page conventions (generator/render/docs_conventions.py), read
back with the fidelity tool's page reader (tests/tools/page_structure.py); the azurerm
family keeps its own. No ../shared needed: the mmv1 fixture and a small in-memory model."""

from __future__ import annotations

from pathlib import Path

from tools.page_lines import scan_page
from tools.page_structure import read_structure

from generator.loaders.docs import load_docs_text
from generator.model.nodes import (
    ApiVersion,
    DocsFamily,
    Example,
    Presence,
    Product,
    Property,
    Resource,
    RestMapping,
    Type,
    TypeKind,
)
from generator.pipeline import generate
from generator.render.docs_conventions import conventions, google_title
from generator.render.docs_view import docs_page
from generator.render.environment import make_environment
from generator.targets.docs_files import RESOURCE_PAGE_TEMPLATES

REPO = Path(__file__).resolve().parents[2]
MMV1_FIXTURE = REPO / "tests" / "fixtures" / "loaders" / "mmv1" / "products"
S = Type(TypeKind.STRING)


def _resource() -> tuple[Product, Resource]:
    settings = Type(
        TypeKind.NESTED_OBJECT,
        properties=(
            Property("size", S, presence=Presence.REQUIRED),
            Property("state", S, presence=Presence.COMPUTED),
            Property(
                "status",
                Type(TypeKind.NESTED_OBJECT, properties=(Property("code", S),)),
                presence=Presence.COMPUTED,
            ),
        ),
    )
    res = Resource(
        name="widget",
        terraform_name="acme_widget",
        description="A widget.",
        rest=RestMapping("projects/{project}/widgets", "projects/{project}/widgets/{name}"),
        properties=(
            Property("name", S, presence=Presence.REQUIRED),
            Property("settings", settings),
            Property("create_time", S, presence=Presence.COMPUTED),
        ),
        import_formats=("projects/{project}/widgets/{name}",),
        examples=(
            Example("widget_basic", 'resource "acme_widget" "w" {\n  name = "x"\n}\n'),
            Example("widget_test_only", 'resource "acme_widget" "t" {}\n', in_docs=False),
        ),
    )
    return Product("acme", "Acme", "acme", (ApiVersion("v1", "https://acme/"),)), res


def _page(family: DocsFamily) -> str:
    product, res = _resource()
    template = make_environment("python").get_template(conventions(family).template)
    return template.render(banner="# banner", page=docs_page(product, res, family))


def test_google_page_conventions() -> None:
    text = _page(DocsFamily.GOOGLE)
    s = read_structure(text)
    assert s.arguments == {
        ((), "name"): "required",
        ((), "settings"): "optional",
        (("settings",), "size"): "required",
        # Output-only sub-fields stay in their block, marked "(Output)".
        (("settings",), "state"): "computed",
        (("settings",), "status"): "computed",
        (("settings", "status"), "code"): "computed",
        ((), "id"): "computed",
        ((), "create_time"): "computed",
    }
    assert "* `state` -\n  (Output)\n" in text
    assert '<a name="nested_settings"></a>The `settings` block supports:' in text
    assert "-attributes" not in text
    assert s.orphan_sections == []
    # A single format is listed too, with Google's placeholders; an import block with the
    # first one and a `terraform import` line per format.
    assert s.import_formats == ["projects/{{project}}/widgets/{{name}}"]
    assert s.import_commands == [
        ("import-block", "projects/{{project}}/widgets/{{name}}"),
        ("terraform-import", "projects/{{project}}/widgets/{{name}}"),
    ]
    # Each example shown has its own heading, even a single one; `in_docs: false` is not shown.
    headings = [b.text for b in scan_page(text) if b.kind == "heading" and b.level == 2]
    assert headings[0] == "Example Usage - Widget Basic"
    assert s.examples == {"widget_basic": (("acme_widget", "w"),)}
    # import-docs reads Google's `{{placeholders}}` back as the model's `{placeholders}`.
    imported = load_docs_text(text.encode(), "widget.md")
    assert imported.resource is not None
    assert imported.resource.rest.id_template == "projects/{project}/widgets/{name}"


def test_azurerm_page_keeps_its_conventions() -> None:
    text = _page(DocsFamily.AZURERM)
    assert text == _page(DocsFamily.GENERIC)
    s = read_structure(text)
    assert s.arguments[(("settings",), "state")] == "computed"
    assert '<a id="block-settings-attributes"></a>' in text and "(Output)" not in text
    assert s.import_formats == []  # one format: the sentence, not a list
    assert s.import_commands == [("terraform-import", "projects/project1/widgets/name1")]
    assert "## Example Usage\n\n```hcl" in text  # one example: no title of its own
    assert s.examples == {"": (("acme_widget", "w"),)}


def test_mmv1_fixture_pages_follow_the_google_conventions(tmp_path: Path) -> None:
    result = generate(MMV1_FIXTURE, "python", fmt="mmv1")
    assert not result.fatal, [d.to_text() for d in result.fatal]
    pages = {p: f.text for p, f in result.files.items() if f.template in RESOURCE_PAGE_TEMPLATES}
    processor = read_structure(pages["python/docs/resources/document_ai_processor.md"])
    # `exclude_basic_doc: true` keeps documentai_processor_eu off the page.
    assert list(processor.examples) == ["documentai_processor"]
    for text in pages.values():
        s = read_structure(text)
        assert s.import_formats and all("{{" in f for f in s.import_formats), s.import_formats
        assert {c for c in s.import_commands if c[0] == "terraform-import"} == {
            ("terraform-import", f) for f in s.import_formats
        }


def test_google_example_titles() -> None:
    assert google_title("kmsConfig_create") == "Kms Config Create"
    assert google_title("snapshot_basic_2") == "Snapshot Basic2"
    assert google_title("a__b") == "A B"
    assert google_title("") == ""


def test_later_release_marks_on_google_pages_only() -> None:
    """A field of a later release than its resource is marked "[Beta](...)" after its
    flag, and a beta resource gets the page's warning; azurerm pages mark neither."""
    from dataclasses import replace

    product, res = _resource()
    beta_field = Property("gpu", S, min_version="beta")
    beta_output = Property("gpu_state", S, presence=Presence.COMPUTED, min_version="beta")
    res = replace(res, properties=res.properties + (beta_field, beta_output))
    env = make_environment("python")

    def page(r: Resource, family: DocsFamily) -> str:
        template = env.get_template(conventions(family).template)
        return template.render(banner="# banner", page=docs_page(product, r, family))

    text = page(res, DocsFamily.GOOGLE)
    assert "* `gpu` -\n  (Optional, [Beta](../guides/provider_versions.html.markdown))\n" in text
    assert "* `gpu_state` -\n  ([Beta](../guides/provider_versions.html.markdown))\n" in text
    assert read_structure(text).release_marks == {("gpu",), ("gpu_state",)}
    assert "This resource is in beta" not in text
    beta = page(replace(res, min_version="beta"), DocsFamily.GOOGLE)
    assert "~> **Warning:** This resource is in beta, and should be used with the " in beta
    assert () in read_structure(beta).release_marks
    plain = page(replace(res, min_version="beta"), DocsFamily.AZURERM)
    assert "Beta" not in plain and "beta" not in plain
