"""The provider spec (`provider.yaml` at the root of a spec tree), or its documented default.

A spec tree becomes one provider per target: `provider.yaml` names it (Terraform name,
registry address, Go module path), says whose docs conventions its pages follow, declares
provider settings beyond the products' params (with environment-variable defaults and the
sensitive `token`), and lists the products it holds. Without the file, `default_provider`
derives the same from the products (docs/spec-format.md, "The provider spec").
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, DiagnosticBag, Location
from ..model.nodes import DocsFamily, DocsLayout, Provider, ProviderSetting

# provider.yaml is a file of mmgen's own format: the same accessors read it.
from .mmgen.loader import _bool, _maps, _str, _strs
from .shape_check import ShapeChecker
from .shapes import Bool, Key, ListOf, Obj, Str
from .yaml_source import YMap, parse_yaml, read_spec_text

PROVIDER_FILE = "provider.yaml"
SNAKE = r"[a-z][a-z0-9]*(_[a-z0-9]+)*"
# Terraform provider names: lowercase letters and digits (no underscore: it separates the
# provider name from the resource name in a type like `azurerm_batch_ai_job`).
PROVIDER_NAME = r"[a-z][a-z0-9]*"
ENV_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
GO_MODULE = r"[a-z0-9.-]+(/[A-Za-z0-9._~-]+)+"
REGISTRY = r"[a-z0-9.-]+/[a-z0-9_-]+/[a-z0-9_-]+"

SETTING = Obj(
    "ProviderSetting",
    {
        "name": Key(Str("attribute name in the provider block (snake_case)", pattern=SNAKE), True),
        "env": Key(
            ListOf(
                Str(
                    "environment variable, first set one wins",
                    pattern=ENV_NAME,
                    rule="an environment variable name (letters, digits, `_`)",
                )
            )
        ),
        "description": Key(Str("Markdown description for the provider docs")),
        "required": Key(Bool("the provider fails to configure without it")),
        "sensitive": Key(Bool("a credential: never shown in plans, logs or messages")),
    },
    doc="A provider configuration attribute.",
)

PROVIDER = Obj(
    "Provider",
    {
        "name": Key(
            Str(
                "Terraform provider name, e.g. `azurerm`",
                pattern=PROVIDER_NAME,
                rule="a provider name: lower-case letters and digits, starting with a letter "
                "(no underscore: it separates provider and resource in a type name)",
            ),
            True,
        ),
        "display_name": Key(Str("human name, e.g. `Azure Resource Manager`")),
        "registry": Key(
            Str(
                "registry address, e.g. `registry.terraform.io/mmgen/azurerm`",
                pattern=REGISTRY,
                rule="a registry address `<host>/<namespace>/<name>`",
            )
        ),
        "go_module": Key(
            Str(
                "Go module path, e.g. `github.com/mmgen/terraform-provider-azurerm`",
                pattern=GO_MODULE,
                rule="a Go module path such as `github.com/acme/terraform-provider-acme`",
            )
        ),
        "docs_family": Key(
            Str("whose docs conventions the pages follow", enum=tuple(f.value for f in DocsFamily))
        ),
        "docs_layout": Key(
            Str(
                "where the docs pages go: `registry` (docs/resources/<name>.md) or `legacy` "
                "(website/docs/r/<name>.html.markdown)",
                enum=tuple(x.value for x in DocsLayout),
            )
        ),
        "settings": Key(ListOf(SETTING)),
        "products": Key(ListOf(Str("a product name (its product.yaml `name`)", pattern=SNAKE))),
    },
    doc="The provider a spec tree becomes (specs/provider.yaml).",
)

# What a provider family's credential is called, where its token comes from by default.
FAMILY_TOKEN_ENV: dict[DocsFamily, tuple[str, ...]] = {
    DocsFamily.AZURERM: ("ARM_ACCESS_TOKEN",),
    DocsFamily.GOOGLE: ("GOOGLE_OAUTH_ACCESS_TOKEN",),
    DocsFamily.GENERIC: ("MMGEN_TOKEN",),
}


def family_of(name: str) -> DocsFamily:
    for family in DocsFamily:
        if family.value == name:
            return family
    return DocsFamily.GENERIC


def token_setting(family: DocsFamily) -> ProviderSetting:
    env = FAMILY_TOKEN_ENV[family]
    return ProviderSetting(
        name="token",
        env=env,
        description=(
            "Bearer token sent with every request to the provider's API hosts (and to no "
            f"other host). Defaults to the environment variable `{env[0]}`."
        ),
        sensitive=True,
    )


def default_provider(name: str, display_name: str = "") -> Provider:
    """The documented default: everything derived from the resource prefix `name`."""
    family = family_of(name)
    return Provider(
        name=name,
        display_name=display_name or name,
        registry=f"registry.terraform.io/mmgen/{name}",
        go_module=f"github.com/mmgen/terraform-provider-{name}",
        family=family,
        settings=(token_setting(family),),
    )


def find_provider_file(specs_dir: Path) -> Path | None:
    path = specs_dir / PROVIDER_FILE
    return path if path.exists() else None


def load_provider_file(path: Path, display: str) -> tuple[Provider | None, list[Diagnostic]]:
    """Read, shape-check and build `provider.yaml`; diagnostics for every problem."""
    text, diags = read_spec_text(str(path), display)
    if text is None:
        return None, diags
    tree, diags = parse_yaml(text, display)
    if tree is None:
        return None, diags
    bag = DiagnosticBag(list(diags))
    if not isinstance(tree, YMap):
        bag.error("wrong-type", "a provider spec must be a mapping of keys", tree.loc)
        return None, bag.items
    ShapeChecker({}, bag).check(tree, PROVIDER, "provider")
    if bag.has_errors:
        return None, bag.items
    name = _str(tree, "name")
    family = family_of(_str(tree, "docs_family") or name)
    settings = tuple(_setting(m) for m in _maps(tree, "settings"))
    seen: dict[str, Location] = {}
    for s in settings:
        if s.name in seen:
            bag.error(
                "duplicate-name",
                f"provider setting `{s.name}` is declared twice (first at {seen[s.name]})",
                s.loc,
                "remove one of them",
            )
        seen.setdefault(s.name, s.loc)
    if "token" not in seen:
        # Every provider has a credential; declaring it only changes its env/description.
        settings = (token_setting(family), *settings)
    elif not next(s for s in settings if s.name == "token").sensitive:
        bag.error(
            "token-not-sensitive",
            "the provider setting `token` is the bearer credential and must be sensitive",
            seen["token"],
            "add `sensitive: true`",
        )
    provider = Provider(
        name=name,
        display_name=_str(tree, "display_name") or name,
        registry=_str(tree, "registry") or f"registry.terraform.io/mmgen/{name}",
        go_module=_str(tree, "go_module") or f"github.com/mmgen/terraform-provider-{name}",
        family=family,
        docs_layout=DocsLayout(_str(tree, "docs_layout") or DocsLayout.REGISTRY.value),
        settings=settings,
        products=_strs(tree, "products"),
        source=display,
        loc=tree.loc,
    )
    return provider, bag.items


def _setting(m: YMap) -> ProviderSetting:
    return ProviderSetting(
        name=_str(m, "name"),
        env=_strs(m, "env"),
        description=_str(m, "description"),
        required=_bool(m, "required"),
        sensitive=_bool(m, "sensitive"),
        loc=m.loc,
    )
