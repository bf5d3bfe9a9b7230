"""The `python` target: a Terraform/OpenTofu provider package on the `tf` framework.

Per product: an installable provider project (pyproject with a
`terraform-provider-<product>` script, the provider registry, the static runtime) and, per
resource, three files: the resource module, its docs page, its acceptance tests.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from .. import __version__
from ..confine import Escape, input_path, read_regular_text
from ..diagnostics import Diagnostic, DiagnosticBag
from ..formatting import FormatCache, FormatError, format_all
from ..model.nodes import HOOK_NAMES, Product, Provider, ProviderSetting, Resource
from ..model.server_names import parent_ids
from ..provider_tree import provider_settings
from ..render.docs_view import fill_example
from ..render.environment import builtin_templates_dir
from ..render.literals import md_text, module_name, pascal_case, py, toml_string
from .acctest_view import acceptance_cases
from .base import (
    PROVIDER_OWNER,
    Formatter,
    Owner,
    PlannedFile,
    TargetOptions,
    provider_spec_path,
)
from .docs_files import index_page, resource_page
from .features import ALL_FEATURES, Feature, degraded
from .python_checks import check_python_regexes
from .python_fields import fields_code
from .python_rest import id_param_exprs, rest_kwargs

# Hook name -> ((parameter, annotation), ...), return type: as GeneratedResource declares.
_CTX = ("ctx", "Any")
_BODY = ("body", "dict[str, Any]")
_STATE = ("state", "dict[str, Any]")
HOOK_SIGNATURES: dict[str, tuple[tuple[tuple[str, str], ...], str]] = {
    "before_create": ((_CTX, _BODY), "dict[str, Any]"),
    "after_create": ((_CTX, _STATE), "dict[str, Any]"),
    "before_update": ((_CTX, _BODY), "dict[str, Any]"),
    "after_read": ((_CTX, _STATE), "dict[str, Any]"),
    "before_delete": ((_CTX, _STATE), "None"),
    "parse_import_id": ((("import_id", "str"),), "dict[str, str]"),
}
assert set(HOOK_SIGNATURES) == set(HOOK_NAMES)


def _slug(path: str) -> str:
    return re.sub(r"[^a-z0-9_]", "_", path.lower())


class PythonTarget:
    name = "python"
    # The `tf` framework's schema has no write-only attributes: the companions are left
    # out (a `feature-left-out` warning), the rest of the resource is generated.
    features = ALL_FEATURES - {Feature.WRITE_ONLY_ARGUMENTS}

    def __init__(self, options: TargetOptions) -> None:
        self.options = options

    # -- what the target owns --------------------------------------------------------------
    def comment_prefix(self, language: str) -> str | None:
        return "# "

    def worker_formatter(self, language: str) -> Formatter | None:
        return None  # ruff formats a batch of files on every core: the parent batches them

    def formatter(self, language: str, own_templates: bool = False) -> Formatter | None:
        if language != "python":
            return None

        def formatter(sources: list[str], cache: FormatCache) -> dict[str, str | FormatError]:
            return format_all(sources, cache)

        return formatter

    def check(self, provider: Provider, product: Product) -> list[Diagnostic]:
        return check_python_regexes(product)

    # -- layout --------------------------------------------------------------------------
    root = PurePosixPath("python")

    def package(self, provider: Provider) -> str:
        return f"terraform_provider_{provider.name}"

    def regenerate_command(self) -> str:
        return f"mmgen generate --specs {self.options.specs_label}/ --out {self.options.out_label}/"

    def _provider_spec(self, provider: Provider) -> str:
        return provider_spec_path(provider, self.options)

    # -- plan ----------------------------------------------------------------------------
    def plan_provider(
        self, provider: Provider, products: list[Product]
    ) -> tuple[list[PlannedFile], list[Diagnostic]]:
        root = self.root
        pkg_dir = root / self.package(provider)
        spec = self._provider_spec(provider)
        owner = Owner(PROVIDER_OWNER)
        files: list[PlannedFile] = []

        def add(
            path: PurePosixPath, template: str, language: str, source: str = spec, **kw: Any
        ) -> None:
            files.append(
                PlannedFile(str(path), template, source, owner, language, aggregate=True, **kw)
            )

        def init(path: PurePosixPath, doc: str) -> None:
            add(
                path,
                "package_init.py.j2",
                "python",
                context={"module_doc": py(doc), "version": py(__version__)},
            )

        settings = provider_settings(provider, products)
        add(
            root / "pyproject.toml",
            "pyproject.toml.j2",
            "toml",
            context=self._pyproject_context(provider),
        )
        init(
            pkg_dir / "__init__.py",
            f"Terraform provider {provider.display_name}, generated by mmgen.",
        )
        add(
            pkg_dir / "__main__.py",
            "main.py.j2",
            "python",
            context={"package": self.package(provider)},
        )
        add(
            pkg_dir / "provider.py",
            "provider.py.j2",
            "python",
            context=self._provider_context(provider, products, settings),
        )
        init(root / "tests" / "__init__.py", "Tests of the generated provider.")
        init(
            root / "tests" / "acceptance" / "__init__.py",
            "Acceptance tests: a real Terraform against the API.",
        )
        for folder, dest in (
            ("runtime", pkg_dir / "_runtime"),
            ("acctest", root / "tests" / "acceptance"),
        ):
            for static in self._static_files(folder):
                template = f"python/{folder}/{static.name}"
                add(
                    dest / static.name,
                    template,
                    "python",
                    source=f"templates/{template}",
                    static_text=static.read_text(encoding="utf-8"),
                )
        files.append(index_page(root, provider, products, settings, spec))
        return files, []

    def plan_resource(
        self, provider: Provider, product: Product, res: Resource, spec: str
    ) -> tuple[list[PlannedFile], list[Diagnostic]]:
        root = self.root
        product_dir = root / self.package(provider) / module_name(product.name)
        owner = Owner(product.name, res.name)
        mod = module_name(res.name)
        page = resource_page(root, provider, product, res, spec)  # every target's page
        res = degraded(res, self.features)
        ctx, custom_files, diags = self._resource_context(product, res, spec)
        files = [
            PlannedFile(
                str(product_dir / f"{mod}.py"), "resource.py.j2", spec, owner, "python", context=ctx
            )
        ]
        for rel_name, (src, text) in sorted(custom_files.items()):
            files.append(
                PlannedFile(
                    str(product_dir / "custom" / rel_name),
                    "custom-code",
                    src,
                    owner,
                    "python",
                    static_text=text,
                )
            )
        files.append(page)
        files.append(
            PlannedFile(
                str(root / "tests" / "acceptance" / f"test_{module_name(product.name)}_{mod}.py"),
                "acctest.py.j2",
                spec,
                owner,
                "python",
                context=self._acctest_context(provider, res),
            )
        )
        return files, list(diags)

    def plan_product_files(
        self, provider: Provider, product: Product, resource_files: list[PlannedFile]
    ) -> tuple[list[PlannedFile], list[Diagnostic]]:
        product_dir = self.root / self.package(provider) / module_name(product.name)
        product_spec = f"{self.options.specs_label}/{product.name}/product.yaml"
        files = [
            PlannedFile(
                str(product_dir / "__init__.py"),
                "package_init.py.j2",
                product_spec,
                Owner(product.name),
                "python",
                context={
                    "module_doc": py(f"Resources of {product.display_name}, one module each."),
                    "version": py(__version__),
                },
            )
        ]
        if any(f.template == "custom-code" for f in resource_files):
            files.append(
                PlannedFile(
                    str(product_dir / "custom" / "__init__.py"),
                    "package_init.py.j2",
                    product_spec,
                    Owner(product.name),
                    "python",
                    context={
                        "module_doc": py("Hand-written hooks copied from specs/."),
                        "version": py(__version__),
                    },
                    aggregate=True,
                )
            )
        return files, []

    def _static_files(self, folder: str) -> list[Path]:
        base = builtin_templates_dir() / "python" / folder
        if not base.is_dir():
            return []
        return sorted(p for p in base.iterdir() if p.suffix == ".py" and p.is_file())

    # -- contexts ------------------------------------------------------------------------
    def _pyproject_context(self, provider: Provider) -> dict[str, Any]:
        pkg = self.package(provider)
        return {
            "dist_name": toml_string(f"terraform-provider-{provider.name}"),
            "version": toml_string(__version__),
            "description": toml_string(
                f"Terraform provider {provider.display_name} (generated by mmgen)"
            ),
            "script_name": toml_string(f"terraform-provider-{provider.name}"),
            "entry_point": toml_string(f"{pkg}.provider:main"),
            "package_glob": toml_string(f"{pkg}*"),
        }

    def _provider_context(
        self, provider: Provider, products: list[Product], settings: list[ProviderSetting]
    ) -> dict[str, Any]:
        params = []
        for s in settings:
            if s.name == "token":
                continue  # the runtime's own credential setting (TOKEN_ENV)
            kw = [("name", py(s.name))]
            if s.env:
                kw.append(("env", py(s.env[0])))
            if s.description:
                kw.append(("description", py(s.description)))
            kw.append(("required", py(s.required)))
            if s.sensitive:
                kw.append(("sensitive", py(True)))
            if s.is_map:
                kw.append(("is_map", py(True)))
            params.append(kw)
        resources = sorted(
            ((p, r) for p in products for r in p.resources), key=lambda pr: pr[1].terraform_name
        )
        token = provider.token_setting
        return {
            "module_doc": py(
                f"The {provider.display_name} provider: its configuration and resources."
            ),
            "resource_imports": sorted(
                {
                    f"from .{module_name(p.name)} import {module_name(r.name)} as "
                    f"{module_name(p.name)}_{module_name(r.name)}"
                    for p, r in resources
                }
            ),
            "resource_classes": [
                f"{module_name(p.name)}_{module_name(r.name)}.{pascal_case(r.name)}"
                for p, r in resources
            ],
            "params": params,
            "name": py(provider.name),
            "type_prefix": py(provider.name),
            "full_name": py(provider.registry),
            "endpoint": py(next((p.base_url.rstrip("/") for p in products if p.resources), "")),
            "token_env": py(tuple(token.env) if token else ()),
        }

    def _resource_context(
        self, product: Product, res: Resource, spec: str
    ) -> tuple[dict[str, Any], dict[str, tuple[str, str]], list[Diagnostic]]:
        fields, diags = fields_code(res.properties, f"resource `{res.name}`")
        bag = DiagnosticBag(list(diags))
        rest = res.rest
        id_params = id_param_exprs(res)
        t = res.timeouts
        spec_kwargs = [
            ("type_name", py(res.terraform_name)),
            ("description", py(res.description)),
            ("schema_version", py(res.schema_version)),
            ("id_template", py(rest.id_template)),
            ("id_params", "(" + "".join(f"{x}, " for x in id_params) + ")"),
            ("api_version", py(rest.api_version)),
            ("create_verb", py(rest.create_verb)),
            ("read_verb", py(rest.read_verb)),
            ("update_verb", py(None if rest.immutable else rest.update_verb)),
            ("delete_verb", py(rest.delete_verb)),
            ("async_style", py(rest.async_style.value)),
            ("immutable", py(rest.immutable)),
            (
                "timeouts",
                f"Timeouts(create={py(t.create * 60.0)}, read={py(t.read * 60.0)}, "
                f"update={py(t.update * 60.0)}, delete={py(t.delete * 60.0)})",
            ),
            ("import_formats", py(tuple(res.import_formats))),
            ("base_url", py(product.base_url)),
            *rest_kwargs(res),
        ]
        if res.deletion_policy:
            spec_kwargs.append(("deletion_policy", py(res.deletion_policy)))
        if res.deprecation:
            spec_kwargs.append(("deprecation", py(res.deprecation)))
        if res.virtual_defaults:
            spec_kwargs.append(
                ("virtual_defaults", py(tuple(p.name for p in res.virtual_defaults)))
            )
        if parent_ids(res):
            spec_kwargs.append(("parent_ids", py(parent_ids(res))))
        imports = [
            "from .._runtime.resource import GeneratedResource",
            "from .._runtime.spec import "
            + ", ".join(
                ["Field", "IdParam"]
                + (["NestedQuery"] if rest.nested_query else [])
                + ["ResourceSpec", "Timeouts"]
                + (["UpdateGroup"] if rest.update_groups else [])
            ),
        ]
        custom_files: dict[str, tuple[str, str]] = {}
        spec_dir = Path(spec).parent
        hooks = []
        mod = module_name(res.name)

        def include(kind: str, key: str, rel: str) -> str:
            """Copy a hand-written file into the package; return the function to call."""
            src = (spec_dir / rel).as_posix()
            try:
                folder = self._specs_root_join(spec_dir.as_posix())
                text = read_regular_text(input_path(folder, rel))
            except (OSError, UnicodeDecodeError, Escape) as exc:
                bag.error(
                    "custom-code-missing",
                    f"cannot read custom code `{src}`: {exc}",
                    res.custom_code.loc,
                )
                text = ""
            module = f"{mod}__{kind}__{_slug(key)}" if kind != "hook" else f"{mod}__{key}"
            custom_files[f"{module}.py"] = (src, text)
            alias = f"_{module}"
            imports.append(f"from .custom import {module} as {alias}")
            function = key if kind == "hook" else kind
            return f"{alias}.{function}"

        for hook, rel in res.custom_code.hooks:
            fn = include("hook", hook, rel)
            typed_params, returns = HOOK_SIGNATURES[hook]
            signature = ", ".join(f"{name}: {annotation}" for name, annotation in typed_params)
            params = ", ".join(name for name, _ in typed_params)
            hooks.append(
                {
                    "name": hook,
                    "signature": signature,
                    "returns": returns,
                    "params": params,
                    "function": fn,
                }
            )
            imports.append("from typing import Any")
        custom_expand = [
            (py(path), include("expand", path, rel)) for path, rel in res.custom_code.expand
        ]
        custom_flatten = [
            (py(path), include("flatten", path, rel)) for path, rel in res.custom_code.flatten
        ]
        ctx = {
            "module_doc": py(f"The `{res.terraform_name}` resource: schema and REST mapping."),
            "class_doc": py(md_text(res.description) or res.terraform_name),
            # isort's layout: standard library first, then the package's own modules.
            "import_groups": [
                group
                for group in (
                    sorted({i for i in imports if not i.startswith("from .")}),
                    sorted({i for i in imports if i.startswith("from .")}),
                )
                if group
            ],
            "spec_kwargs": spec_kwargs,
            "fields": fields,
            "class_name": pascal_case(res.name),
            "hooks": hooks,
            "custom_expand": custom_expand,
            "custom_flatten": custom_flatten,
        }
        return ctx, custom_files, bag.items

    def _specs_root_join(self, banner_path: str) -> Path:
        # Banner paths start with the specs folder's name; resolve them beside that folder.
        return self.options.specs_dir.parent / banner_path

    def _acctest_context(self, provider: Provider, res: Resource) -> dict[str, Any]:
        return {
            "module_doc": py(
                f"Acceptance tests for `{res.terraform_name}`, one life cycle per example."
            ),
            "resource_type": py(res.terraform_name),
            "provider_package": py(self.package(provider)),
            "cases": acceptance_cases(res, fill_example),
            "importable": py(res.importable),
        }
