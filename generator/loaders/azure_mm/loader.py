"""Load specs of the Azure fork of Magic Modules (2019) into the model.

A spec folder `<dir>/` holds `api.yaml` (one `!ruby/object:Api::Product` with its
`Api::Resource`), `terraform.yaml` (overrides for Terraform), `ansible.yaml` (not read:
mmgen makes no Ansible modules) and `examples/terraform/*.yaml`. Every problem is a
diagnostic; a folder that cannot load is reported and the others still load.

How the format maps onto the model:

| Azure Magic Modules                                   | model                                      |
| ----------------------------------------------------- | ------------------------------------------ |
| folder name                                           | `Product.name`                             |
| product `name`                                        | `Product.display_name`                     |
| (fixed)                                               | `prefix` azurerm, base URL management.azure.com, param `subscription_id` |
| version `name` when it is a date, else none           | `ApiVersion.name`, `RestMapping.api_version` |
| resource `name` (PascalCase) or override `name`       | `Resource.name` snake_case, `terraform_name` azurerm_<name> |
| request keys with `id_portion` + `provider_name`      | `id_template` subscriptions/{subscription_id}/resourceGroups/{..}/providers/NS/portion/{..} |
| `self_link` / `base_url` when not `NotUsedInAzure`    | `id_template` / `base_url`, `{camelCase}` -> `{snake_case}` |
| `async: true` on create, update or delete             | `async_style` arm                          |
| `update` operation                                    | `update_verb` PATCH (`Update`) or PUT; none: PUT when create is `CreateOrUpdate`, else no update and `immutable` |
| `parameters` + `properties`                           | `Resource.properties` (parameters first)   |
| `Api::Type::String/Integer/Double/Boolean/Enum/Array/NestedObject/KeyValuePairs/Map/Time` | the same `TypeKind` |
| `Api::Azure::Type::Location`                          | String, forces_new                         |
| `Api::Azure::Type::ResourceGroupName`                 | String, required, forces_new, url_param_only |
| `Api::Azure::Type::Tags`                              | KeyValuePairs                              |
| `Api::Azure::Type::ResourceReference`                 | ResourceRef                                |
| `Api::Azure::Type::ISO8601DateTime`                   | Time                                       |
| `Api::Azure::Type::BooleanEnum`                       | Enum of `true_value`/`false_value` (warned) |
| `required` / `output` / `default_from_api` / neither  | presence required / computed / optional_computed / optional |
| `input: true` (on a settable property)                | `forces_new`                               |
| `values` (Ruby symbols), `default_value`              | `enum_values`, `default`                   |
| `min_size` / `max_size`                               | `validation.min_items/max_items`           |
| `azure_sdk_references` to a Go-applicable body path   | `api_name`, relative to the parent         |
| `azure_sdk_references` to a request key with `id_portion` | `url_param_only`                       |
| terraform.yaml property override `name`, `description`, `required`, `input`, `output`, `default_value`, `default_from_api`, `sensitive`, `ignore_read`, `is_set`, `conflicts_with`, `validation.regex` | the same fields |
| terraform.yaml `azure_sdk_definition` override        | merged into the SDK definition (`remove` is warned) |
| examples/terraform/<name>.yaml (+ prerequisites, `document_examples` hints) | `Example` (see `examples`) |

Keys the loader does not read are listed, with the reason, in `keys`; resources are built in
`resource` (from the drafts in `drafts`), examples in `examples`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from ...confine import read_regular
from ...diagnostics import DiagnosticBag, Location
from ...model.nodes import ApiVersion, Product, ProductParam, Resource
from ..base import LoadResult
from ..naming import snake
from ..spec_files import display_path
from ..yaml_source import YMap, YNode, parse_yaml, read_spec_text
from . import keys as K
from .resource import ARM_BASE_URL, PREFIX, RESOURCE_CLASS, ResourceLoader

API_FILE = "api.yaml"
TERRAFORM_FILE = "terraform.yaml"
ANSIBLE_FILE = "ansible.yaml"
EXAMPLES_DIR = "examples"
PRODUCT_CLASS = "Api::Product"
SUBSCRIPTION = ProductParam(
    "subscription_id", "ARM_SUBSCRIPTION_ID", "The Azure subscription that holds every resource."
)
_API_VERSION = re.compile(r"\d{4}-\d{2}-\d{2}(-preview)?")
_DETECT_BYTES = 4096


# --- discovery ----------------------------------------------------------------------------


def _is_product_file(path: Path) -> bool:
    try:  # a FIFO would block the read: read_regular refuses it
        head = read_regular(path, _DETECT_BYTES)[:_DETECT_BYTES].decode("utf-8", "replace")
    except OSError:
        return False
    return f"!ruby/object:{PRODUCT_CLASS}" in head


def _looks_like_spec_folder(path: Path) -> bool:
    names = (API_FILE, TERRAFORM_FILE, ANSIBLE_FILE, EXAMPLES_DIR)
    try:
        return path.is_dir() and any((path / n).exists() for n in names)
    except OSError:
        return False


def detect_azure_mm(path: str | os.PathLike[str]) -> bool:
    """True for an Azure Magic Modules spec folder, a folder of them, or an api.yaml."""
    p = Path(path)
    try:
        if p.is_file():
            return p.name == API_FILE and _is_product_file(p)
        if not p.is_dir():
            return False
        if _is_product_file(p / API_FILE):
            return True
        return any(_is_product_file(c / API_FILE) for c in sorted(p.iterdir()) if c.is_dir())
    except OSError:
        return False


def _spec_folders(paths: Iterable[str], bag: DiagnosticBag) -> list[Path]:
    found: dict[Path, None] = {}
    for raw in paths:
        p = Path(raw)
        where = Location(raw, 0, 0)
        try:
            if not p.exists():
                bag.error("io", "path does not exist", where, "check the path")
            elif p.is_file():
                if p.name == API_FILE:
                    found.setdefault(p.parent.resolve())
                else:
                    bag.error(
                        "no-specs",
                        f"not an Azure Magic Modules {API_FILE}",
                        where,
                        "point at an api.yaml, a spec folder or the folder holding spec folders",
                    )
            elif _looks_like_spec_folder(p):
                found.setdefault(p.resolve())
            else:
                subs = [c for c in sorted(p.iterdir()) if _looks_like_spec_folder(c)]
                if not subs:
                    bag.error(
                        "no-specs",
                        f"no Azure Magic Modules spec folder (with {API_FILE}) under this folder",
                        where,
                        "point at a spec folder or the folder holding spec folders",
                    )
                for c in subs:
                    found.setdefault(c.resolve())
        except OSError as exc:
            bag.error("io", f"cannot list folder: {exc.strerror or exc}", where)
    return list(found)


def load_azure_mm(paths: Iterable[str]) -> LoadResult:
    """Load every Azure Magic Modules spec folder under `paths`; never raises for bad input."""
    bag = DiagnosticBag()
    result = LoadResult()
    for folder in _spec_folders(paths, bag):
        loader = _FolderLoader(folder, bag)
        try:
            product = loader.load()
        except Exception as exc:  # the contract is diagnostics, never a traceback
            bag.error(
                "azure-mm-internal",
                f"could not load this spec folder: {type(exc).__name__}: {exc}",
                Location(display_path(folder), 0, 0),
                "this is a bug in the Azure loader; please report it with the folder",
            )
            continue
        if product is not None:
            result.products.append(product)
            for res in product.resources:
                result.sources[(product.name, res.name)] = loader.api_display
    result.products.sort(key=lambda p: p.name)
    result.diagnostics = bag.sorted()
    return result


class _FolderLoader:
    def __init__(self, folder: Path, bag: DiagnosticBag) -> None:
        self.folder = folder
        self.bag = bag
        self.api_display = display_path(folder / API_FILE)

    # --- files ---------------------------------------------------------------------------

    def _read(self, path: Path) -> YNode | None:
        display = display_path(path)
        text, diags = read_spec_text(str(path), display)
        self.bag.extend(diags)
        if text is None:
            return None
        tree, diags = parse_yaml(text, display)
        self.bag.extend(diags)
        return tree

    def load(self) -> Product | None:
        folder = self.folder
        api_path = folder / API_FILE
        if not api_path.exists():
            what = "examples only" if (folder / EXAMPLES_DIR).is_dir() else "no api.yaml"
            self.bag.warning(
                "azure-mm-no-api-yaml",
                f"spec folder `{folder.name}/` has no {API_FILE} ({what}): no resource to load; "
                "other specs may still use its examples as prerequisites",
                Location(display_path(folder), 0, 0),
            )
            return None
        if (folder / ANSIBLE_FILE).exists():
            self.bag.warning(
                "azure-mm-ansible-ignored",
                f"{ANSIBLE_FILE} (and examples/ansible/) configure Ansible modules, which mmgen "
                "does not generate: not read",
                Location(display_path(folder / ANSIBLE_FILE), 1, 1),
            )
        tree = self._read(api_path)
        if tree is None:
            return None
        if not isinstance(tree, YMap) or K.ruby_class(tree) != PRODUCT_CLASS:
            self.bag.error(
                "azure-mm-not-product",
                f"{API_FILE} must hold one `!ruby/object:{PRODUCT_CLASS}` mapping",
                tree.loc,
            )
            return None
        overrides = self._terraform_overrides()
        return self._product(tree, overrides)

    def _terraform_overrides(self) -> dict[str, tuple[YMap, Location]]:
        path = self.folder / TERRAFORM_FILE
        if not path.exists():
            return {}
        tree = self._read(path)
        if tree is None:
            return {}
        if not isinstance(tree, YMap):
            self.bag.error("azure-mm-terraform", f"{TERRAFORM_FILE} must be a mapping", tree.loc)
            return {}
        K.check_keys(tree, K.TERRAFORM_CONFIG, self.bag)
        out: dict[str, tuple[YMap, Location]] = {}
        ov = K.get_map(tree, "overrides")
        for k, v in ov.entries if ov is not None else []:
            if isinstance(v, YMap):
                out[str(k.value)] = (v, k.loc)
        return out

    # --- product -------------------------------------------------------------------------

    def _product(self, m: YMap, overrides: dict[str, tuple[YMap, Location]]) -> Product | None:
        K.check_keys(m, K.PRODUCT, self.bag)
        versions = K.get_maps(m, "versions")
        for v in versions:
            K.check_keys(v, K.VERSION, self.bag)
        version_names = [K.get_str(v, "name") or "" for v in versions]
        api_version = next((n for n in version_names if _API_VERSION.fullmatch(n)), None)
        resources: list[Resource] = []
        objects = K.get_maps(m, "objects")
        if not objects:
            self.bag.error(
                "azure-mm-no-resource",
                f"the product lists no `!ruby/object:{RESOURCE_CLASS}` under `objects`",
                K.key_loc(m, "objects"),
            )
        seen: set[str] = set()
        for obj in objects:
            name = K.get_str(obj, "name") or ""
            seen.add(name)
            override = overrides.get(name)
            res = ResourceLoader(
                self.folder, self.bag, obj, override[0] if override else None, api_version
            ).build()
            if res is not None:
                resources.append(res)
        for name, (_, loc) in overrides.items():
            if name not in seen:
                self.bag.warning(
                    "azure-mm-override-unknown-resource",
                    f"terraform.yaml overrides `{name}`, which is not a resource of {API_FILE}",
                    loc,
                    f"use the resource's `name` from {API_FILE}",
                )
        if not resources:
            return None
        first = version_names[0] if version_names and version_names[0] else "ga"
        return Product(
            name=snake(self.folder.name),
            display_name=K.get_str(m, "name") or self.folder.name,
            prefix=PREFIX,
            versions=(ApiVersion(api_version or first, ARM_BASE_URL, m.loc),),
            params=(SUBSCRIPTION,),
            resources=tuple(sorted(resources, key=lambda r: r.terraform_name)),
            loc=m.loc,
        )
