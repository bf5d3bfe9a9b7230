"""Load Google Magic Modules ("mmv1") specs into the model.

The input is upstream's layout: `products/<product>/product.yaml` plus one PascalCase
`<Resource>.yaml` per resource. The format is defined by upstream's Go structs
(mmv1/api/product.go, resource.go, type.go); this loader maps the keys our model can hold
and reports every other key as one `mmv1-unsupported-key` warning per dotted key name, at
its first place (file:line:col) with the number of places (`Mmv1LoadResult.unsupported`
counts them). Keys for upstream's tooling rather than the provider (TGC/CAI conversion,
test sweepers, VCR recordings, Cloud Shell tutorials, OAuth scopes of other generators:
`reader.TOOLING_RULES`) are counted in `Mmv1LoadResult.tooling` and not warned about.
Nothing raises on bad input.

Rules taken from upstream's behaviour:
- Terraform type: `legacy_name`, else `google_<product legacy_name or snake name>_<snake name>`.
- Self link: `self_link`, else `<base_url>/{{name}}`; id format: `id_format`, else the self link;
  import formats (import_ids.py): `import_format`, else `<base_url>/<identity or {{name}}>`,
  plus the short forms, most specific first; none for `exclude_import: true`.
- `async` defaults to an OpAsync for create/update/delete; a resource without one takes the
  product's. Timeouts: `timeouts`, else `async.operation.timeouts`, else 20 minutes each.
- Verbs default to POST (create), PUT (update), DELETE, GET. An `immutable` resource has no
  update call unless it names an `update_verb`.
- `min_version`: the loader builds one API version per product (the newest it lists, or the
  `version` asked for); resources, properties and samples that need a newer one are left out.
- `exclude: true` / `exclude_resource: true` resources are not generated upstream; they are
  skipped with an `mmv1-excluded` warning unless `include_excluded=True`.
- `nested_query` (nested.py): the resource is an entry of a list in its read URL's answer,
  found by its `identity:` properties, else `name`.
- Example HCL lives in upstream templates beside `products/` (`templates/terraform/samples/
  services/`): examples.py renders each into `config` (templates.py has the subset) and
  keeps the path in `Example.config_path`.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ... import resource_memo
from ...confine import read_regular
from ...diagnostics import DiagnosticBag, Location
from ...model.nodes import (
    ApiStyle,
    ApiVersion,
    CustomCode,
    IdParam,
    IdParamSource,
    Product,
    ProductParam,
    Property,
    Reference,
    Resource,
    RestMapping,
)
from ...progress import stage
from ...resource_memo import ResourceMemo, side_digest
from ..base import LoadResult
from ..ids import PLACEHOLDER
from ..spec_files import PRODUCT_FILE, display_path, find_spec_targets
from ..yaml_source import YMap, parse_yaml, read_spec_text
from .added_fields import (
    DEFAULT_LABELS,
    DELETION_POLICY,
    add_fields,
    deletion_policy,
    state_only_labels,
)
from .calls import OP_ID, operation, update_groups
from .detect import detect_mmv1
from .examples import ExampleBuilder
from .import_ids import import_formats
from .key_reports import count_unsupported, one_warning_per_key
from .nested import nested_query
from .props import PropertyBuilder, resolve_relations
from .reader import (
    Mmv1Reader,
    convert_template,
    key_loc,
    underscore,
    version_rank,
)
from .urls import UrlTemplates
from .waits import async_style_of, timeouts_of
from .write_only import write_only_companions

PREFIX = "google"

PRODUCT_KEYS = frozenset({"name", "display_name", "versions", "legacy_name", "async"})
VERSION_KEYS = frozenset({"name", "base_url"})
RESOURCE_KEYS = frozenset(
    (
        "name description base_url self_link create_url update_url delete_url create_verb "
        "read_verb update_verb delete_verb update_mask immutable async id_format "
        "import_format timeouts samples examples references custom_code parameters properties "
        "virtual_fields docs min_version exclude exclude_resource legacy_name schema_version "
        "has_self_link exclude_import identity deletion_policy_default nested_query "
        "deprecation_message exclude_delete exclude_read deletion_policy_custom_docs "
    ).split()
)

REFERENCE_KEYS = frozenset({"guides", "api"})
DOCS_KEYS = frozenset({"warning", "note"})
# mmv1 custom_code hooks with a counterpart among the model's HOOK_NAMES.
URL_KEYS = ("create_url", "update_url", "delete_url")
HOOKS = {
    "pre_create": "before_create",
    "post_create": "after_create",
    "pre_update": "before_update",
    "post_read": "after_read",
    "pre_delete": "before_delete",
    "custom_import": "parse_import_id",
}
# Provider configuration values that resources default from (added_fields.py) or that id
# templates use without a property: (env, description, required).
PROVIDER_PARAMS = {
    "project": ("GOOGLE_PROJECT", "The default project for resources.", False),
    "region": ("GOOGLE_REGION", "The default region for regional resources.", False),
    "zone": ("GOOGLE_ZONE", "The default zone for zonal resources.", False),
}
DEFAULT_LABELS_TEXT = "Labels added to every resource that has `labels`, under its own."


@dataclass
class Mmv1LoadResult(LoadResult):
    # Unsupported keys by dotted name (`resource.iam_policy`, `property.send_empty_value`).
    unsupported: Counter[str] = field(default_factory=Counter)
    # Resource files not turned into a Resource, with the diagnostic code that says why.
    skipped: dict[str, str] = field(default_factory=dict)
    # Resources, properties and samples left out for needing a newer API version.
    version_filtered: Counter[str] = field(default_factory=Counter)
    # Keys for upstream's tooling (TGC, sweepers, ...), ignored without a warning.
    tooling: Counter[str] = field(default_factory=Counter)


# --- loading ----------------------------------------------------------------------------------


def load_mmv1(
    paths: Iterable[str], version: str | None = None, include_excluded: bool = False
) -> Mmv1LoadResult:
    """Load every mmv1 product under the given files/folders; never raises for bad input.

    `version` (ga, beta, ...) picks the API version to build; None takes each product's
    newest. `include_excluded` also builds resources upstream does not generate.
    """
    result = Mmv1LoadResult()
    targets, diags = find_spec_targets(paths)
    result.diagnostics.extend(diags)
    with stage("loading products", len(targets)) as bar:
        for folder, only in targets.items():
            _ProductLoader(folder, only, version, include_excluded, result).load()
            bar.advance()
    result.products.sort(key=lambda p: p.name)
    result.diagnostics[:] = one_warning_per_key(result.diagnostics)
    return result


def _parse(path: Path, bag: DiagnosticBag) -> YMap | None:
    display = display_path(path)
    text, diags = read_spec_text(str(path), display)
    bag.extend(diags)
    if text is None:
        return None
    tree, diags = parse_yaml(text, display)
    bag.extend(diags)
    if tree is None:
        return None
    if not isinstance(tree, YMap):
        bag.error("wrong-type", "an mmv1 spec must be a mapping of keys", tree.loc)
        return None
    return tree


class _ProductLoader:
    def __init__(
        self,
        folder: Path,
        only: set[Path] | None,
        version: str | None,
        include_excluded: bool,
        result: Mmv1LoadResult,
    ) -> None:
        self.folder = folder
        self.only = only
        self.requested = version
        self.include_excluded = include_excluded
        self.result = result
        self.bag = DiagnosticBag()
        self.r = Mmv1Reader(self.bag, result.unsupported, result.version_filtered, result.tooling)

    def load(self) -> None:
        try:
            self._load()
        finally:
            self.result.diagnostics.extend(self.bag.items)

    def _skip(self, spec: Path, code: str) -> None:
        self.result.skipped[display_path(spec)] = code

    def _load(self) -> None:
        r = self.r
        pm = _parse(self.folder / PRODUCT_FILE, self.bag)
        specs = self._resource_files()
        if pm is None:
            for spec in specs:
                self._skip(spec, "mmv1-no-product")
            return
        r.unsupported_keys(pm, PRODUCT_KEYS, "product")
        raw_name = r.str_(pm, "name", "product")
        if raw_name is None:
            self.bag.error("mmv1-missing-key", "product.yaml has no `name`", pm.loc, "add `name:`")
            for spec in specs:
                self._skip(spec, "mmv1-no-product")
            return
        versions = []
        for v in r.maps(pm, "versions", "product"):
            r.unsupported_keys(v, VERSION_KEYS, "version")
            versions.append(
                ApiVersion(
                    r.str_(v, "name", "version") or "",
                    r.str_(v, "base_url", "version") or "",
                    v.loc,
                )
            )
        chosen = self._choose_version(versions, pm)
        if chosen is None:
            for spec in specs:
                self._skip(spec, "mmv1-version")
            return
        self.version = chosen.name
        self.tf_product = r.str_(pm, "legacy_name", "product") or underscore(raw_name)
        self.product_async = r.map_(pm, "async", "product")
        resources: list[Resource] = []
        sources: dict[str, str] = {}
        memo = resource_memo.current()
        side = side_digest(self.folder, set(specs)) if memo is not None else None
        for spec in specs:
            res = self._memo_unit(memo, side, spec) if memo and side else self._unit(spec)
            if res is not None:
                if res.name in sources:
                    self.bag.error(
                        "duplicate-name",
                        f"resource `{res.name}` is also defined in {sources[res.name]}",
                        res.loc,
                        "rename one of them",
                    )
                    self._skip(spec, "duplicate-name")
                    continue
                resources.append(res)
                sources[res.name] = display_path(spec)
        used = {
            p.name
            for res in resources
            for p in res.rest.id_params
            if p.source is IdParamSource.PROVIDER
        }
        used |= {p.provider_default or "" for res in resources for p in res.properties}
        params = tuple(
            ProductParam(name, env, desc, required, loc=pm.loc)
            for name, (env, desc, required) in PROVIDER_PARAMS.items()
            if name in used
        )
        if DEFAULT_LABELS in used:
            params += (
                ProductParam(
                    DEFAULT_LABELS, None, DEFAULT_LABELS_TEXT, False, is_map=True, loc=pm.loc
                ),
            )
        ordered = (chosen,) + tuple(v for v in versions if v is not chosen)
        product = Product(
            name=raw_name.lower(),
            display_name=r.str_(pm, "display_name", "product") or raw_name,
            prefix=PREFIX,
            versions=ordered,
            params=params,
            resources=tuple(sorted(resources, key=lambda x: x.terraform_name)),
            api_style=ApiStyle.GOOGLE,
            loc=pm.loc,
        )
        self.result.products.append(product)
        self.result.sources.update({(product.name, n): s for n, s in sources.items()})

    def _unit(self, spec: Path) -> Resource | None:
        """One resource file read and built (None: skipped, and said why)."""
        rm = _parse(spec, self.bag)
        if rm is None:
            self._skip(spec, "yaml")
            return None
        return self._resource(rm, spec)

    def _memo_unit(self, memo: ResourceMemo, side: str, spec: Path) -> Resource | None:
        """`_unit`, kept per resource file (resource_memo.load_unit)."""
        try:
            data = read_regular(spec)
        except (OSError, ValueError):
            return self._unit(spec)  # _parse reports it
        shown = display_path(spec)
        key = resource_memo.key_of(
            "mmv1-load",
            side,
            os.path.abspath(self.folder),
            shown,
            data,
            repr((self.requested, self.include_excluded)),
        )
        counters = (self.r.unsupported, self.r.version_filtered, self.r.tooling)
        res = resource_memo.load_unit(
            memo,
            key,
            lambda: self._unit(spec),
            self.bag.items,
            counters,
            self.result.skipped,
            shown,
        )
        return res if isinstance(res, Resource) else None

    def _resource_files(self) -> list[Path]:
        if self.only is not None:
            return sorted(self.only)
        try:
            return sorted(
                p
                for p in self.folder.iterdir()
                if p.suffix in (".yaml", ".yml") and p.name != PRODUCT_FILE and not p.is_dir()
            )
        except OSError as exc:
            self.bag.error(
                "io",
                f"cannot list folder: {exc.strerror or exc}",
                Location(display_path(self.folder), 0, 0),
            )
            return []

    def _choose_version(self, versions: list[ApiVersion], pm: YMap) -> ApiVersion | None:
        usable = [v for v in versions if v.name and v.base_url]
        if not usable:
            self.bag.error(
                "no-versions",
                "product lists no `versions` with `name` and `base_url`",
                key_loc(pm, "versions"),
                "add `versions: [{name: ga, base_url: https://...}]`",
            )
            return None
        limit = version_rank(self.requested) if self.requested is not None else 10**6
        fitting = [v for v in usable if version_rank(v.name) <= limit]
        if not fitting:
            self.bag.warning(
                "mmv1-version",
                f"product has no API version at or below `{self.requested}` "
                f"(it lists {', '.join(v.name for v in usable)}); its resources are skipped",
                key_loc(pm, "versions"),
                "load with a newer `version`",
            )
            return None
        return max(fitting, key=lambda v: version_rank(v.name))

    # --- resources ------------------------------------------------------------------------

    def _resource(self, m: YMap, spec: Path) -> Resource | None:
        r = self.r
        ctx = "resource"
        raw_name = r.str_(m, "name", ctx)
        if raw_name is None:
            self.bag.error(
                "mmv1-missing-key", "resource has no `name`", m.loc, "add `name:` (PascalCase)"
            )
            self._skip(spec, "mmv1-missing-key")
            return None
        for key in ("exclude", "exclude_resource"):
            if r.bool_(m, key, ctx) and not self.include_excluded:
                self.bag.warning(
                    "mmv1-excluded",
                    f"resource `{raw_name}` has `{key}: true`: upstream generates no Terraform resource "
                    "for it; skipped",
                    key_loc(m, key),
                    "pass include_excluded=True to load it anyway",
                )
                self._skip(spec, "mmv1-excluded")
                return None
        min_version = r.str_(m, "min_version", ctx)
        if min_version is not None and version_rank(min_version) > version_rank(self.version):
            r.version_filtered["resource"] += 1
            self.bag.warning(
                "mmv1-version",
                f"resource `{raw_name}` needs API version `{min_version}`, newer than `{self.version}`; skipped",
                key_loc(m, "min_version"),
                "load with a newer `version`",
            )
            self._skip(spec, "mmv1-version")
            return None
        r.unsupported_keys(m, RESOURCE_KEYS, ctx)
        name = underscore(raw_name)
        terraform_name = r.str_(m, "legacy_name", ctx) or f"{PREFIX}_{self.tf_product}_{name}"

        pb = PropertyBuilder(r, self.version)
        pb.resource_rank = version_rank(min_version) if min_version is not None else 0
        props: list[Property] = []
        props += pb.build_list(r.maps(m, "parameters", ctx), "", "property")
        props += pb.build_list(r.maps(m, "properties", ctx), "", "property")
        props += [
            _client_side(p)
            for p in pb.build_list(r.maps(m, "virtual_fields", ctx), "", "virtual_field")
        ]
        relations = resolve_relations(tuple(props), pb.collected.flattened, self.bag)
        relations = write_only_companions(relations)  # `X_wo`, `X_wo_version`

        declared = {p.name for p in relations}
        urls = UrlTemplates(r, declared | set(PROVIDER_PARAMS), relations, raw_name)
        base_url_text = r.str_(m, "base_url", ctx) or ""
        base_url_raw = urls.fill(base_url_text, "`base_url`", key_loc(m, "base_url"))
        base_url = convert_template(base_url_raw)
        self_link = urls.raw(m, "self_link")
        # Upstream's default self link; `{{name}}` goes when no property has that name.
        default_link = f"{base_url_raw}/{{{{name}}}}".lstrip("/")
        id_template = convert_template(
            self_link or urls.fill(default_link, "the default self link", key_loc(m, "base_url"))
        )
        id_format_raw = urls.raw(m, "id_format")
        id_format = convert_template(id_format_raw) if id_format_raw else None
        immutable = r.bool_(m, "immutable", ctx)
        update_verb = r.str_(m, "update_verb", ctx)
        if update_verb is None and not immutable:
            update_verb = "PUT"
        calls = {k: _opt_template(urls.raw(m, k)) for k in URL_KEYS}
        templates = (base_url, id_template, *(u or "" for u in calls.values()))
        # Upstream's templates add `project` (region, zone) where a URL uses it, etc.
        properties = add_fields(
            relations,
            {n for u in templates for n in PLACEHOLDER.findall(u)},
            r.bool_(m, "has_self_link", ctx),
            m.loc,
        )
        # `deletion_policy_custom_docs`: the spec's own field documents it (its text is
        # kept); without one there is nothing to document it with.
        if r.bool_(m, "deletion_policy_custom_docs", ctx) and not any(
            p.name == DELETION_POLICY for p in properties
        ):
            r.report_unsupported(
                "resource.deletion_policy_custom_docs(no field)",
                key_loc(m, "deletion_policy_custom_docs"),
            )
        properties = deletion_policy(
            properties,
            r.str_(m, "deletion_policy_default", ctx),
            key_loc(m, "deletion_policy_default"),
        )
        names = {p.name for p in properties}
        id_loc = key_loc(m, "self_link") if self_link else key_loc(m, "base_url")
        id_params = tuple(
            IdParam(ph, IdParamSource.PROPERTY if ph in names else IdParamSource.PROVIDER, id_loc)
            for ph in dict.fromkeys(PLACEHOLDER.findall(id_template))
        )
        async_node = r.map_(m, "async", ctx) or self.product_async
        async_style = async_style_of(self.r, self.bag, async_node)
        op_urls = UrlTemplates(r, names | set(PROVIDER_PARAMS) | {OP_ID}, properties, raw_name)
        operation_url, in_response = operation(r, async_node, op_urls, async_style)
        resource_verb = update_verb.upper() if update_verb else "PUT"
        groups = update_groups(r, pb.collected.updates, urls, resource_verb)
        main_update = bool(update_verb) and not immutable
        # Upstream's immutable resource lets its top-level labels change in state alone.
        properties, state_only = state_only_labels(properties, main_update, groups)
        can_read = not r.bool_(m, "exclude_read", ctx)
        can_delete = not r.bool_(m, "exclude_delete", ctx)
        rest = RestMapping(
            base_url=base_url,
            id_template=id_template,
            id_params=id_params,
            create_verb=(r.str_(m, "create_verb", ctx) or "POST").upper(),
            read_verb=(r.str_(m, "read_verb", ctx) or "GET").upper(),
            update_verb=update_verb.upper() if update_verb else None,
            delete_verb=(r.str_(m, "delete_verb", ctx) or "DELETE").upper(),
            async_style=async_style,
            immutable=immutable,
            create_url=calls["create_url"],
            update_url=_unless(calls["update_url"], id_template),
            delete_url=_unless(calls["delete_url"], id_template),
            update_mask=r.bool_(m, "update_mask", ctx),
            id_format=_unless(id_format, id_template),
            operation_url=operation_url,
            result_in_response=in_response,
            update_groups=groups,
            nested_query=nested_query(r, m, properties),
            state_only=state_only,
            can_read=can_read,
            can_delete=can_delete,
            loc=m.loc,
        )
        # Bad parts were left out and reported; the rest of the resource is still built.
        return Resource(
            name=name,
            terraform_name=terraform_name,
            description=self._description(m),
            rest=rest,
            properties=properties,
            import_formats=import_formats(r, m, base_url_text),
            import_formats_loc=key_loc(m, "import_format"),
            importable=not r.bool_(m, "exclude_import", ctx),
            timeouts=timeouts_of(self.r, m, async_node, rest),
            examples=ExampleBuilder(
                r, self.version, self.folder.name, self.folder.parent.parent / "templates"
            ).examples(m, terraform_name),
            references=self._references(m),
            custom_code=self._custom_code(m, pb),
            schema_version=r.int_(m, "schema_version", ctx) or 0,
            min_version=min_version if min_version and version_rank(min_version) > 0 else None,
            deletion_policy=DELETION_POLICY,
            deprecation=_opt_text(r.str_(m, "deprecation_message", ctx)),
            loc=m.loc,
        )

    def _description(self, m: YMap) -> str:
        r = self.r
        text = (r.str_(m, "description", "resource") or "").strip()
        docs = r.map_(m, "docs", "resource")
        if docs is not None:
            r.unsupported_keys(docs, DOCS_KEYS, "docs")
            for key, label in (("warning", "Warning"), ("note", "Note")):
                extra = r.str_(docs, key, "docs")
                if extra and extra.strip():
                    text += f"\n\n~> **{label}:** {extra.strip()}"
        return text

    def _references(self, m: YMap) -> tuple[Reference, ...]:
        r = self.r
        refs = r.map_(m, "references", "resource")
        if refs is None:
            return ()
        r.unsupported_keys(refs, REFERENCE_KEYS, "references")
        out = [
            Reference(str(k.value), url, k.loc)
            for k, url in r.str_pairs(refs, "guides", "references")
        ]
        api = r.str_(refs, "api", "references")
        if api:
            out.append(Reference("API documentation", api, key_loc(refs, "api")))
        return tuple(out)

    def _custom_code(self, m: YMap, pb: PropertyBuilder) -> CustomCode:
        r = self.r
        cc = r.map_(m, "custom_code", "resource")
        hooks: list[tuple[str, str]] = []
        if cc is not None:
            r.unsupported_keys(cc, frozenset(HOOKS), "custom_code")
            for key, hook in HOOKS.items():
                f = r.str_(cc, key, "custom_code")
                if f:
                    hooks.append((hook, f))
        return CustomCode(
            hooks=tuple(sorted(hooks)),
            expand=tuple(sorted(pb.collected.expand)),
            flatten=tuple(sorted(pb.collected.flatten)),
            loc=cc.loc if cc is not None else m.loc,
        )


def _opt_text(text: str | None) -> str | None:
    return text.strip() if text and text.strip() else None


def _opt_template(text: str | None) -> str | None:
    return convert_template(text) if text else None


def _unless(value: str | None, same_as: str) -> str | None:
    return None if value == same_as else value


def _client_side(p: Property) -> Property:
    """A virtual field lives in Terraform only: never sent to nor read from the API."""
    return replace(p, api_name="", url_param_only=True)


__all__ = [
    "Mmv1LoadResult",
    "count_unsupported",
    "detect_mmv1",
    "load_mmv1",
]
