"""The `go` target: one Go module per spec tree, on terraform-plugin-framework.

Layout under `go/`: go.mod and go.sum (pinned), main.go (with -debug for reattach), the
provider (`internal/provider`), the hand-written support package copied verbatim
(`internal/mmgen`: HTTP, auth, retries, long-running operations, ids, values), the shared
acceptance-test helpers (`internal/acctest`), and per product a package
`internal/services/<product>` with, per resource, its implementation, its acceptance
tests (terraform-plugin-testing) and its expand/flatten unit tests. Docs pages come from
the one language-neutral code path (docs_files.py).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from ..banner import comment_safe
from ..diagnostics import Diagnostic
from ..model.nodes import Product, Provider, Resource
from ..provider_tree import provider_settings
from ..render.environment import builtin_templates_dir
from ..render.go_literals import go_bool, go_exported, go_package, go_string
from .base import (
    PROVIDER_OWNER,
    Formatter,
    Owner,
    PlannedFile,
    TargetOptions,
    provider_spec_path,
)
from .docs_files import index_page, resource_page
from .features import ALL_FEATURES
from .go_fields import resource_fields
from .go_format import format_go, layout_go
from .go_resource import go_imports, resource_context
from .go_tests import test_contexts
from .regex_dialects import check_regexes, re2_error
from .reserved import check_reserved

# Names provider.go declares or imports itself: a product package of the same name is
# imported under an alias (`<name>svc`) so that it cannot shadow them.
PROVIDER_GO_NAMES = frozenset(
    "p ctx req resp config settings data cfg retries poll seconds version baseURLs New "
    "types schema path provider resource datasource math time mmgen context".split()
)


def _service_ref(package: str) -> str:
    return package + "svc" if package in PROVIDER_GO_NAMES else package


class GoTarget:
    name = "go"
    features = ALL_FEATURES
    root = PurePosixPath("go")

    def __init__(self, options: TargetOptions) -> None:
        self.options = options

    # -- what the target owns --------------------------------------------------------------
    def comment_prefix(self, language: str) -> str | None:
        return "// " if language in ("go", "gomod") else "# "

    def worker_formatter(self, language: str) -> Formatter | None:
        # go_layout works in-process at ~0.1 s a megabyte: each worker lays out its own
        # products' Go, on both cores, instead of one formatter thread in the parent.
        return layout_go if language == "go" else None

    def formatter(self, language: str, own_templates: bool = False) -> Formatter | None:
        if language != "go":
            return None
        return layout_go if own_templates else format_go

    def check(self, provider: Provider, product: Product) -> list[Diagnostic]:
        return [
            *check_regexes(product, "go", "RE2 (Go `regexp`)", re2_error),
            *check_reserved(product, "go"),
        ]

    # -- plan ----------------------------------------------------------------------------
    def plan_provider(
        self, provider: Provider, products: list[Product]
    ) -> tuple[list[PlannedFile], list[Diagnostic]]:
        root = self.root
        spec = provider_spec_path(provider, self.options)
        owner = Owner(PROVIDER_OWNER)
        files: list[PlannedFile] = []

        def add(path: PurePosixPath, template: str, language: str, **kw: Any) -> None:
            source = kw.pop("source", spec)
            files.append(
                PlannedFile(str(path), template, source, owner, language, aggregate=True, **kw)
            )

        module = provider.go_module
        settings = provider_settings(provider, products)
        add(root / "go.mod", "go.mod.j2", "gomod", context={"module": module})
        add(
            root / "go.sum",
            "go/go.sum",
            "text",
            source="templates/go/go.sum",
            static_text=(builtin_templates_dir() / "go" / "go.sum").read_text(encoding="utf-8"),
            banner=False,
        )
        add(
            root / "main.go",
            "main.go.j2",
            "go",
            context={
                "name": provider.name,
                "module": module,
                "registry": go_string(provider.registry),
            },
        )
        add(
            root / "internal" / "provider" / "provider.go",
            "provider.go.j2",
            "go",
            context=self._provider_context(provider, products, settings),
        )
        add(
            root / "internal" / "acctest" / "acctest.go",
            "acctest_helpers.go.j2",
            "go",
            context={
                "module": module,
                "type_name": go_string(provider.name),
                "settings": [
                    {"name": go_string(s.name), "env": [go_string(e) for e in s.env]}
                    for s in settings
                ],
            },
        )
        for static in self._static_files("runtime"):
            add(
                root / "internal" / "mmgen" / static.name,
                f"go/runtime/{static.name}",
                "go",
                source=f"templates/go/runtime/{static.name}",
                static_text=static.read_text(encoding="utf-8"),
            )
        files.append(index_page(root, provider, products, settings, spec))
        return files, []

    def _static_files(self, folder: str) -> list[Path]:
        base = builtin_templates_dir() / "go" / folder
        return sorted(p for p in base.iterdir() if p.suffix == ".go" and p.is_file())

    def _provider_context(
        self, provider: Provider, products: list[Product], settings: list[Any]
    ) -> dict[str, Any]:
        services = sorted({go_package(p.name) for p in products if p.resources})
        resources = sorted(
            (
                r.terraform_name,
                f"{_service_ref(go_package(p.name))}.New{go_exported(r.name)}Resource",
            )
            for p in products
            for r in p.resources
        )
        return {
            "module": provider.go_module,
            "display_name": provider.display_name,
            "description": go_string(f"The {provider.display_name} provider, generated by mmgen."),
            "type_name": go_string(provider.name),
            "service_imports": [
                (f"{_service_ref(s)} " if _service_ref(s) != s else "")
                + f'"{provider.go_module}/internal/services/{s}"'
                for s in services
            ],
            "base_urls": sorted({go_string(p.base_url) for p in products if p.base_url}),
            "resources": [ctor for _, ctor in resources],
            "settings": [
                {
                    "name": go_string(s.name),
                    "field": go_exported(s.name),
                    "description": go_string(s.description or s.name),
                    "sensitive": go_bool(s.sensitive),
                    "required": s.required,
                    "is_map": s.is_map,
                    "env": [go_string(e) for e in s.env],
                    "missing_hint": go_string(
                        f"Set {s.name} in the provider block"
                        + (f" or the environment variable {s.env[0]}." if s.env else ".")
                    ),
                }
                for s in settings
            ],
        }

    def plan_resource(
        self, provider: Provider, product: Product, res: Resource, spec: str
    ) -> tuple[list[PlannedFile], list[Diagnostic]]:
        folder = self.root / "internal" / "services" / go_package(product.name)
        owner = Owner(product.name, res.name)
        # The resource's code and its tests are built from the same fields (a GoField is
        # never changed once built).
        fields = resource_fields(res)
        ctx, custom_files, diags = resource_context(
            provider, product, res, spec, self.options.specs_dir.parent, fields
        )
        files = [
            PlannedFile(
                str(folder / f"{res.name}_resource.go"),
                "resource.go.j2",
                spec,
                owner,
                "go",
                context=ctx,
            )
        ]
        for name, (src, text) in sorted(custom_files.items()):
            files.append(
                PlannedFile(str(folder / name), "custom-code", src, owner, "go", static_text=text)
            )
        acc, unit = test_contexts(provider, product, res, fields)
        for suffix, template, context in (
            ("resource_test", "acctest.go.j2", acc),
            ("unit_test", "unittest.go.j2", unit),
        ):
            files.append(
                PlannedFile(
                    str(folder / f"{res.name}_{suffix}.go"),
                    template,
                    spec,
                    owner,
                    "go",
                    context=context,
                )
            )
        files.append(resource_page(self.root, provider, product, res, spec))
        return files, list(diags)

    def plan_product_files(
        self, provider: Provider, product: Product, resource_files: list[PlannedFile]
    ) -> tuple[list[PlannedFile], list[Diagnostic]]:
        if not resource_files:
            return [], []
        pkg = go_package(product.name)
        doc = PlannedFile(
            str(self.root / "internal" / "services" / pkg / "doc.go"),
            "doc.go.j2",
            f"{self.options.specs_label}/{product.name}/product.yaml",
            Owner(product.name),
            "go",
            context={
                "package": pkg,
                # A `//` comment: one line, nothing unprintable.
                "product_display": comment_safe(" ".join(product.display_name.split())),
            },
        )
        return [doc], []


__all__ = ["GoTarget", "go_imports"]
