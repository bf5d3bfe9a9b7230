"""One provider per spec tree: which provider, which products, and the checks across them.

`resolve_provider` reads `provider.yaml` at the tree's root or, without it, derives the
documented default: mmv1 trees become the google provider, Azure MM trees azurerm, and an
mmgen tree the provider named by its products' common `prefix`. `check_provider` runs
after every product has loaded: resource type names must carry the provider's prefix and
may not collide across products; products named by the provider must exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from .diagnostics import Diagnostic, DiagnosticBag, Location
from .loaders.provider_spec import (
    PROVIDER_FILE,
    default_provider,
    find_provider_file,
    load_provider_file,
)
from .loaders.spec_files import display_path
from .loaders.yaml_source import YMap, YScalar, parse_yaml, read_spec_text
from .model.nodes import Product, Provider, ProviderSetting

FOREIGN_DEFAULTS = {
    "mmv1": ("google", "Google Cloud"),
    "azure-mm": ("azurerm", "Azure Resource Manager"),
}


def _product_prefix(path: Path) -> tuple[str | None, Location]:
    """The `prefix:` of one product.yaml (the loader reports any problem in it)."""
    display = display_path(path)
    text, _ = read_spec_text(str(path), display)
    if text is None:
        return None, Location(display)
    tree, _ = parse_yaml(text, display)
    if not isinstance(tree, YMap):
        return None, Location(display)
    node = tree.get("prefix")
    if isinstance(node, YScalar) and isinstance(node.value, str):
        return node.value, node.loc
    return None, tree.loc


def resolve_provider(
    specs_dir: Path, fmt: str, product_files: Iterable[Path] = ()
) -> tuple[Provider | None, list[Diagnostic]]:
    """The provider spec of a tree, or its default; None with errors when there is none."""
    found = find_provider_file(specs_dir) if specs_dir.is_dir() else None
    if found is not None:
        return load_provider_file(found, display_path(found))
    if fmt in FOREIGN_DEFAULTS:
        name, display = FOREIGN_DEFAULTS[fmt]
        return default_provider(name, display), []
    prefixes: dict[str, Location] = {}
    for path in sorted(product_files):
        prefix, loc = _product_prefix(path)
        if prefix:
            prefixes.setdefault(prefix, loc)
    if len(prefixes) > 1:
        listed = ", ".join(f"`{p}` ({loc})" for p, loc in sorted(prefixes.items()))
        bag = DiagnosticBag()
        bag.error(
            "provider-ambiguous",
            f"the products under {display_path(specs_dir)} have different prefixes ({listed}); "
            "one tree is one provider",
            Location(display_path(specs_dir / PROVIDER_FILE)),
            f"add {PROVIDER_FILE} naming the provider, or give the products one prefix",
        )
        return None, bag.items
    name = next(iter(prefixes), "mmgen")
    return default_provider(name), []


def provider_products(provider: Provider, products: list[Product]) -> list[Product]:
    """The products the provider holds, in name order."""
    if not provider.products:
        return sorted(products, key=lambda p: p.name)
    wanted = set(provider.products)
    return sorted((p for p in products if p.name in wanted), key=lambda p: p.name)


def check_provider(provider: Provider, products: list[Product]) -> list[Diagnostic]:
    """Checks across products; every product's own checks ran when it loaded."""
    bag = DiagnosticBag()
    names = {p.name for p in products}
    for wanted in provider.products:
        if wanted not in names:
            bag.error(
                "unknown-product",
                f"provider `{provider.name}` lists product `{wanted}`, which no product.yaml "
                "under the specs folder declares",
                provider.loc,
                "fix the name under `products:`, or add the product's folder",
            )
    seen: dict[str, tuple[str, Location]] = {}
    prefix = provider.name + "_"
    for product in products:
        for res in product.resources:
            if not res.terraform_name.startswith(prefix):
                bag.error(
                    "resource-prefix",
                    f"resource type `{res.terraform_name}` does not start with `{prefix}`, the "
                    f"prefix of provider `{provider.name}`: Terraform would look for it in "
                    "another provider",
                    res.loc,
                    f"set the product's `prefix: {provider.name}`, or rename the provider",
                )
            other = seen.get(res.terraform_name)
            if other is not None and other[0] != product.name:
                bag.error(
                    "resource-collision",
                    f"resource type `{res.terraform_name}` is declared by product "
                    f"`{product.name}` here and by product `{other[0]}` at {other[1]}",
                    res.loc,
                    "rename one of them: one provider holds both products",
                )
            elif other is None:
                seen[res.terraform_name] = (product.name, res.loc)
    bag.extend(_setting_conflicts(provider, products))
    return bag.items


def provider_settings(provider: Provider, products: Iterable[Product]) -> list[ProviderSetting]:
    """Provider settings plus every product param, merged by name, in name order."""
    merged: dict[str, ProviderSetting] = {s.name: s for s in provider.settings}
    for product in products:
        for p in product.params:
            if p.name in merged:
                continue
            merged[p.name] = ProviderSetting(
                name=p.name,
                env=(p.env,) if p.env else (),
                description=p.description,
                required=p.required,
                sensitive=False,
                is_map=p.is_map,
                loc=p.loc,
            )
    return sorted(merged.values(), key=lambda s: s.name)


def _setting_conflicts(provider: Provider, products: Iterable[Product]) -> list[Diagnostic]:
    bag = DiagnosticBag()
    first: dict[str, tuple[str | None, Location]] = {
        s.name: (s.env[0] if s.env else None, s.loc) for s in provider.settings
    }
    for product in products:
        for p in product.params:
            if p.name not in first:
                first[p.name] = (p.env, p.loc)
                continue
            env, loc = first[p.name]
            if p.env and env and p.env != env:
                bag.error(
                    "setting-conflict",
                    f"provider setting `{p.name}` reads `{p.env}` here but `{env}` at {loc}",
                    p.loc,
                    "use one environment variable for one setting across the provider",
                )
    return bag.items


def with_products(provider: Provider, products: list[Product]) -> Provider:
    """The provider with its product list filled in (for `()`: every product found)."""
    return replace(provider, products=tuple(p.name for p in products))
