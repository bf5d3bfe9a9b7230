"""The azurerm docs family's page conventions (docs_conventions.AZURERM, docs_wording):
argument order, every sentence said once, callouts kept as callouts, the provider block
in examples, `## API Providers`, and the legacy website layout. A small in-memory model
and specs/ (no ../shared needed)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.model.nodes import (
    ApiVersion,
    DocsFamily,
    DocsLayout,
    Example,
    Presence,
    Product,
    ProductParam,
    Property,
    Provider,
    ProviderSetting,
    Resource,
    RestMapping,
    Type,
    TypeKind,
)
from generator.pipeline import generate
from generator.render.docs_conventions import conventions
from generator.render.docs_view import docs_page
from generator.render.docs_wording import once, provider_block, says_values, split_callouts
from generator.render.environment import make_environment

REPO = Path(__file__).resolve().parents[2]
S = Type(TypeKind.STRING)
ID = "/subscriptions/{subscription_id}/resourceGroups/{resource_group_name}/providers/Microsoft.Widgets/widgets/{name}"


def _resource(**changes: object) -> tuple[Product, Resource]:
    block = Type(
        TypeKind.NESTED_OBJECT,
        properties=(
            Property("zeta", S),
            Property("alpha", S),
            Property("mid", S, presence=Presence.REQUIRED),
        ),
    )
    props = (
        Property("tags", Type(TypeKind.MAP, item=S)),
        Property("zone", S),
        Property("location", S, presence=Presence.REQUIRED),
        Property("colour", S, presence=Presence.REQUIRED),
        Property("name", S, presence=Presence.REQUIRED, forces_new=True),
        Property("resource_group_name", S, presence=Presence.REQUIRED),
        Property("settings", block),
        Property("build", S),
    )
    res = Resource(
        name="widget",
        terraform_name="acme_widget",
        description="Manages a widget.",
        rest=RestMapping(
            "subscriptions/{subscription_id}/resourceGroups/{resource_group_name}"
            "/providers/Microsoft.Widgets/widgets",
            ID,
            api_version="2024-05-01",
        ),
        properties=props,
        examples=(Example("basic", 'resource "acme_widget" "example" {\n  name = "x"\n}\n'),),
    )
    product = Product(
        "widgets",
        "Widgets",
        "acme",
        (ApiVersion("2024-05-01", "https://management.azure.com/"),),
        params=(ProductParam("subscription_id", env="ARM_SUBSCRIPTION_ID"),),
    )
    if changes:
        res = replace(res, **changes)  # type: ignore[arg-type]
    return product, res


def _page(res: Resource, product: Product, provider: Provider | None = None) -> str:
    env = make_environment("python")
    template = env.get_template(conventions(DocsFamily.AZURERM).template)
    view = docs_page(product, res, DocsFamily.AZURERM, provider)
    return template.render(banner="# banner", page=view)


def _names(section: str) -> list[str]:
    return re.findall(r"^\* `([a-z_]+)` - ", section, re.MULTILINE)


def test_arguments_name_group_location_first_then_a_to_z_tags_last() -> None:
    product, res = _resource()
    text = _page(res, product)
    args = text.split("## Arguments Reference", 1)[1].split("## Attributes Reference", 1)[0]
    top, block = args.split('<a id="block-settings"></a>', 1)
    required, optional = top.split("\n---\n", 1)
    assert _names(required) == ["name", "resource_group_name", "location", "colour"]
    assert _names(optional) == ["build", "settings", "zone", "tags"]
    # In a block: required A-Z, then optional A-Z.
    assert _names(block) == ["mid", "alpha", "zeta"]


def test_sentences_the_description_already_says_are_not_repeated() -> None:
    enum = Type(TypeKind.ENUM, enum_values=("Small", "Large"))
    props = (
        Property(
            "name",
            S,
            presence=Presence.REQUIRED,
            forces_new=True,
            description="The name. Changing this forces a new Widget to be created.",
        ),
        Property("size", enum, description="The size. Possible values are `Small` or `Large`."),
        Property("kind", enum, description="The kind."),
        Property("count", Type(TypeKind.INTEGER), default=3, description="Defaults to `3`."),
        Property("echo", S, description="Said once. Said once."),
    )
    product, res = _resource(properties=props)
    bullets = {b.name: b.text for b in docs_page(product, res, DocsFamily.AZURERM).optional_args}
    bullets.update(
        {b.name: b.text for b in docs_page(product, res, DocsFamily.AZURERM).required_args}
    )
    assert bullets["`name`"].count("forces a new") == 1
    assert bullets["`size`"].count("ossible values") == 1
    # Without the values in its description, the enum's sentence is added.
    assert bullets["`kind`"] == "(Optional) The kind. Possible values are `Small` and `Large`."
    assert bullets["`count`"] == "(Optional) Defaults to `3`."
    assert bullets["`echo`"] == "(Optional) Said once."


def test_callouts_stay_callouts_after_their_bullet() -> None:
    note = "~> **Note:** Only one widget per group."
    props = (
        Property("name", S, presence=Presence.REQUIRED, description=f"The name.\n\n{note}"),
        Property("size", S, description="The size."),
    )
    product, res = _resource(properties=props, description=f"Manages a widget.\n\n{note}")
    text = _page(res, product)
    assert f"* `name` - (Required) The name.\n\n{note}\n\n---" in text
    # The resource's own callout is a paragraph of its own under the title.
    assert f"# acme_widget\n\nManages a widget.\n\n{note}\n" in text


def test_examples_open_with_the_provider_block() -> None:
    product, res = _resource()
    provider = Provider("acme", "Acme", "r/x/acme", "example.com/acme", DocsFamily.AZURERM)
    text = _page(res, product, provider)
    assert '```hcl\nprovider "acme" {}\n\nresource "acme_widget" "example" {' in text
    # A setting the provider cannot read from the environment is shown, with a placeholder.
    needs = Provider(
        "acme",
        "Acme",
        "r/x/acme",
        "example.com/acme",
        DocsFamily.AZURERM,
        settings=(ProviderSetting("tenant", required=True),),
    )
    block = provider_block(needs, product, 'resource "acme_widget" "x" {}\n')
    assert block == 'provider "acme" {\n  tenant = "example-tenant"\n}\n\n'
    # An example with its own provider block keeps it, and gets no second one.
    own = 'provider "acme" {\n  alias = "b"\n}\n'
    assert provider_block(provider, product, own) == ""


def test_api_providers_section_names_the_namespace_and_version() -> None:
    product, res = _resource()
    text = _page(res, product)
    assert text.endswith(
        "## API Providers\n<!-- This section is generated, changes will be overwritten -->\n"
        "This resource uses the following Azure API Providers:\n\n"
        "* `Microsoft.Widgets` - 2024-05-01\n"
    )
    # Not an ARM id: no section.
    google = RestMapping("projects/{project}/widgets", "projects/{project}/widgets/{name}")
    product, plain = _resource(rest=google)
    assert "## API Providers" not in _page(plain, product)


def test_specs_publish_the_legacy_layout() -> None:
    result = generate(REPO / "specs")
    assert not result.has_errors
    pages = sorted(p for p in result.files if "/website/" in p)
    assert pages == [
        "go/website/docs/index.html.markdown",
        "go/website/docs/r/batch_ai_job.html.markdown",
        "python/website/docs/index.html.markdown",
        "python/website/docs/r/batch_ai_job.html.markdown",
    ]
    assert Provider("x", "x", "r/x/x", "x.com/x").docs_layout is DocsLayout.REGISTRY
    page = result.files["go/website/docs/r/batch_ai_job.html.markdown"].text
    # The read timeout, the Import section and the API providers, in azurerm's order.
    heads = re.findall(r"^## .*", page, re.MULTILINE)
    assert heads == [
        "## Example Usage",
        "## Arguments Reference",
        "## Attributes Reference",
        "## Timeouts",
        "## Import",
        "## API Providers",
    ]
    assert "* `read` - (Defaults to 5 minutes) Used when retrieving the Batch AI Job." in page
    assert "* `Microsoft.BatchAI` - 2018-03-01" in page


WORDS = st.text(alphabet=st.sampled_from("abc XY.`\n~>-"), max_size=80)


@given(WORDS)
def test_split_callouts_keeps_every_word(text: str) -> None:
    prose, callouts = split_callouts(text)
    assert sorted((prose + " " + " ".join(callouts)).split()) == sorted(text.split())


@given(st.lists(st.sampled_from(["A b.", "C d.", "A b. C d.", "E."]), max_size=6))
def test_once_says_each_sentence_once(parts: list[str]) -> None:
    out = " ".join(once(parts))
    sentences = [s for s in re.split(r"(?<=\.)\s+", out) if s]
    assert len(sentences) == len(set(sentences))
    assert set(sentences) == {s for p in parts for s in re.split(r"(?<=\.)\s+", p) if s}


def test_says_values_needs_every_value() -> None:
    assert says_values("Valid values are `A` or `B`.", ("A", "B"))
    assert not says_values("Valid values are `A`.", ("A", "B"))
    assert not says_values("A or B.", ("A", "B"))  # no values phrase
