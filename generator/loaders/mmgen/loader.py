"""Load mmgen YAML specs (specs/<product>/product.yaml + <resource>.yaml) into the model.

Structure is checked first against the declared shapes (every mismatch reported); the
builder then reads what is well-formed and skips what is not, so one bad key never hides
the next error. Semantic checks live in `generator.validate`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ...diagnostics import Diagnostic, DiagnosticBag, Location
from ...model.nodes import (
    Allowance,
    ApiStyle,
    ApiVersion,
    AsyncStyle,
    CustomCode,
    MapView,
    NestedQuery,
    Presence,
    Product,
    ProductParam,
    Property,
    Reference,
    Resource,
    RestMapping,
    Scalar,
    Timeouts,
    Type,
    TypeKind,
    Validation,
    default_api_name,
)
from ...model.server_names import with_parent_id
from ...progress import stage
from ..base import LoadResult
from ..ids import id_params
from ..shape_check import ShapeChecker, location_of
from ..spec_files import PRODUCT_FILE, SPEC_SUFFIXES, display_path, find_spec_targets
from ..yaml_source import YMap, YNode, YScalar, YSeq, parse_yaml, read_spec_text
from .examples import read_example
from .spec_shapes import NAMED, PRODUCT, RESOURCE
from .urls import base_url_problems, derived_base_url, template_problems

# --- small readers over the located tree ------------------------------------------------


def _scalar(node: YNode | None) -> YScalar | None:
    return node if isinstance(node, YScalar) else None


def _str(m: YMap, key: str, default: str = "") -> str:
    node = _scalar(m.get(key))
    if node is None or node.value is None or isinstance(node.value, bool):
        return default
    return node.value if isinstance(node.value, str) else node.raw


def _opt_str(m: YMap, key: str) -> str | None:
    node = _scalar(m.get(key))
    if node is None or node.value is None or isinstance(node.value, bool):
        return None
    return node.value if isinstance(node.value, str) else node.raw


def _bool(m: YMap, key: str, default: bool = False) -> bool:
    node = _scalar(m.get(key))
    return bool(node.value) if node is not None and isinstance(node.value, bool) else default


def _int(m: YMap, key: str) -> int | None:
    node = _scalar(m.get(key))
    if node is None or isinstance(node.value, bool) or not isinstance(node.value, int):
        return None
    return node.value


def _num(m: YMap, key: str) -> float | None:
    node = _scalar(m.get(key))
    if node is None or isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
        return None
    return node.value


def _maps(m: YMap, key: str) -> list[YMap]:
    node = m.get(key)
    if not isinstance(node, YSeq):
        return []
    return [item for item in node.items if isinstance(item, YMap)]


def _strs(m: YMap, key: str) -> tuple[str, ...]:
    node = m.get(key)
    if not isinstance(node, YSeq):
        return ()
    out = []
    for item in node.items:
        if (
            isinstance(item, YScalar)
            and item.value is not None
            and not isinstance(item.value, bool)
        ):
            out.append(item.value if isinstance(item.value, str) else item.raw)
    return tuple(out)


def _str_map(m: YMap, key: str) -> tuple[tuple[str, str], ...]:
    node = m.get(key)
    if not isinstance(node, YMap):
        return ()
    pairs = []
    for k, v in node.entries:
        if isinstance(v, YScalar) and isinstance(v.value, str):
            pairs.append((str(k.value), v.value))
    return tuple(sorted(pairs))


def _allowances(m: YMap, selector: str | None = None) -> tuple[Allowance, ...]:
    return tuple(
        Allowance(
            rule=_str(a, "rule"),
            reason=_str(a, "reason"),
            path=_opt_str(a, selector) if selector else None,
            loc=a.loc,
        )
        for a in _maps(m, "breaking_changes_allowed")
    )


def _key_loc(m: YMap, key: str) -> Location:
    node = m.key_node(key)
    return node.loc if node is not None else m.loc


def _kind(name: str) -> TypeKind | None:
    try:
        return TypeKind(name)
    except ValueError:
        return None


# --- builders ---------------------------------------------------------------------------


def build_type(m: YMap, kind: TypeKind, key_prefix: str = "") -> Type:
    """Build a Type from a property mapping; `key_prefix` reads `item_`/`value_` keys."""
    props = tuple(p for p in (build_property(x) for x in _maps(m, "properties")) if p is not None)
    enum_values = _strs(m, "enum_values")
    # `properties` / `enum_values` on a type that takes none stay on the outer Type, where
    # `generator.validate` reports them (`properties-not-nested`, `enum-values-type`)
    # instead of their being dropped without a word.
    if kind is TypeKind.ENUM:
        return Type(kind, enum_values=enum_values, properties=props, loc=m.loc)
    if kind is TypeKind.NESTED_OBJECT:
        return Type(kind, properties=props, enum_values=enum_values, loc=m.loc)
    if kind is TypeKind.ARRAY:
        item_kind = _kind(_str(m, "item_type", "String")) or TypeKind.STRING
        stray_props: tuple[Property, ...] = props
        stray_enum: tuple[str, ...] = enum_values
        if item_kind is TypeKind.NESTED_OBJECT:
            item = Type(item_kind, properties=props, loc=m.loc)
            stray_props = ()
        elif item_kind is TypeKind.ENUM:
            item = Type(item_kind, enum_values=enum_values, loc=m.loc)
            stray_enum = ()
        else:
            item = Type(item_kind, loc=m.loc)
        return Type(
            kind,
            item=item,
            is_set=_bool(m, "is_set"),
            properties=stray_props,
            enum_values=stray_enum,
            loc=m.loc,
        )
    if kind is TypeKind.MAP:
        value_kind = _kind(_str(m, "value_type", "String")) or TypeKind.STRING
        nested = value_kind is TypeKind.NESTED_OBJECT
        value = Type(value_kind, properties=props if nested else (), loc=m.loc)
        return Type(
            kind,
            value=value,
            key_name=_opt_str(m, "key_name"),
            properties=() if nested else props,
            enum_values=enum_values,
            loc=m.loc,
        )
    if kind is TypeKind.RESOURCE_REF:
        return Type(
            kind,
            resource=_opt_str(m, "resource"),
            imports=_opt_str(m, "imports"),
            properties=props,
            enum_values=enum_values,
            loc=m.loc,
        )
    return Type(kind, properties=props, enum_values=enum_values, loc=m.loc)


def _default(m: YMap) -> Scalar | None:
    node = _scalar(m.get("default"))
    if node is None or node.value is None:
        return None
    return node.value


def build_property(m: YMap) -> Property | None:
    name = _opt_str(m, "name")
    kind = _kind(_str(m, "type"))
    if name is None or kind is None:
        return None  # already reported by the shape check
    presence_text = _str(m, "presence", Presence.OPTIONAL.value)
    try:
        presence = Presence(presence_text)
    except ValueError:
        presence = Presence.OPTIONAL
    v = m.get("validation")
    validation = Validation()
    if isinstance(v, YMap):
        validation = Validation(
            regex=_opt_str(v, "regex"),
            min_length=_int(v, "min_length"),
            max_length=_int(v, "max_length"),
            minimum=_num(v, "min"),
            maximum=_num(v, "max"),
            min_items=_int(v, "min_items"),
            max_items=_int(v, "max_items"),
            loc=v.loc,
        )
    # A version argument lives in Terraform only: it is never sent nor read.
    version_of = _opt_str(m, "version_of")
    # A parent's id is only in the URL (with_parent_id below says the rest).
    parent_id = _opt_str(m, "parent_id")
    url_param_only = _bool(m, "url_param_only") or version_of is not None or bool(parent_id)
    prop = Property(
        name=name,
        type=build_type(m, kind),
        api_name=_str(m, "api_name") or ("" if url_param_only else default_api_name(name)),
        description=_str(m, "description"),
        presence=presence,
        forces_new=_bool(m, "forces_new"),
        default=_default(m),
        default_loc=location_of(m.get("default"), m.loc),
        sensitive=_bool(m, "sensitive"),
        write_only=_bool(m, "write_only"),
        deprecation=_opt_str(m, "deprecation"),
        validation=validation,
        conflicts_with=_strs(m, "conflicts_with"),
        exactly_one_of=_strs(m, "exactly_one_of"),
        at_least_one_of=_strs(m, "at_least_one_of"),
        required_with=_strs(m, "required_with"),
        ignore_read=_bool(m, "ignore_read"),
        url_param_only=url_param_only,
        min_version=_opt_str(m, "min_version"),
        provider_default=_opt_str(m, "provider_default"),
        map_view=_map_view(_str(m, "map_view", MapView.ALL.value)),
        view_of=_opt_str(m, "view_of"),
        omit_empty=_bool(m, "omit_empty"),
        config_only=_bool(m, "config_only"),
        version_of=version_of,
        parent_id_loc=location_of(m.get("parent_id"), m.loc),
        breaking_changes_allowed=_allowances(m),
        loc=_key_loc(m, "name"),
    )
    return with_parent_id(prop, parent_id) if parent_id else prop


def _map_view(text: str) -> MapView:
    try:
        return MapView(text)
    except ValueError:
        return MapView.ALL  # reported by the shape check


def build_resource(m: YMap, prefix: str) -> Resource | None:
    name = _opt_str(m, "name")
    api = m.get("api")
    if name is None or not isinstance(api, YMap):
        return None
    properties = tuple(
        p for p in (build_property(x) for x in _maps(m, "properties")) if p is not None
    )
    id_template = _str(api, "id_template")
    update_node = api.get("update_verb")
    update_verb: str | None = None
    if update_node is not None:
        update_verb = _opt_str(api, "update_verb")
    try:
        async_style = AsyncStyle(_str(api, "async", AsyncStyle.NONE.value))
    except ValueError:
        async_style = AsyncStyle.NONE
    rest = RestMapping(
        base_url=(
            _str(api, "base_url")
            if api.get("base_url") is not None
            else derived_base_url(id_template)
        ),
        id_template=id_template,
        id_params=id_params(id_template, properties, location_of(api.get("id_template"), api.loc)),
        api_version=_opt_str(api, "api_version"),
        create_verb=_str(api, "create_verb", "PUT"),
        read_verb=_str(api, "read_verb", "GET"),
        update_verb=update_verb,
        delete_verb=_str(api, "delete_verb", "DELETE"),
        async_style=async_style,
        immutable=_bool(api, "immutable"),
        operation_url=_opt_str(api, "operation_url"),
        result_in_response=_bool(api, "result_in_response"),
        nested_query=_nested_query(api, properties),
        state_only=_strs(api, "state_only"),
        can_read=_bool(api, "can_read", True),
        can_delete=_bool(api, "can_delete", True),
        loc=api.loc,
    )
    t = m.get("timeouts")
    timeouts = Timeouts()
    if isinstance(t, YMap):
        timeouts = Timeouts(
            create=_int(t, "create") or Timeouts.create,
            read=_int(t, "read") or Timeouts.read,
            update=_int(t, "update") or Timeouts.update,
            delete=_int(t, "delete") or Timeouts.delete,
            loc=t.loc,
        )
    examples = [read_example(e) for e in _maps(m, "examples")]
    cc = m.get("custom_code")
    custom = CustomCode()
    if isinstance(cc, YMap):
        hooks = tuple(
            sorted(
                (str(k.value), v.value)
                for k, v in cc.entries
                if isinstance(v, YScalar) and isinstance(v.value, str)
            )
        )
        file_locs = [(f"hook:{k.value}", v.loc) for k, v in cc.entries if isinstance(v, YScalar)]
        for kind in ("expand", "flatten"):
            node = cc.get(kind)
            if isinstance(node, YMap):
                file_locs += [(f"{kind}:{k.value}", v.loc) for k, v in node.entries]
                # The property path itself (the key), for findings about the path.
                file_locs += [(f"key:{kind}:{k.value}", k.loc) for k, _ in node.entries]
        custom = CustomCode(
            hooks=hooks,
            expand=_str_map(cc, "expand"),
            flatten=_str_map(cc, "flatten"),
            loc=cc.loc,
            file_locs=tuple(sorted(file_locs)),
        )
    return Resource(
        name=name,
        terraform_name=_opt_str(m, "terraform_name") or f"{prefix}_{name}",
        description=_str(m, "description"),
        rest=rest,
        properties=properties,
        import_formats=_strs(m, "import_formats") or ((id_template,) if id_template else ()),
        import_formats_loc=(
            _key_loc(m, "import_formats")
            if m.key_node("import_formats") is not None
            else _key_loc(api, "id_template")
        ),
        timeouts=timeouts,
        examples=tuple(examples),
        references=tuple(
            Reference(_str(r, "title"), _str(r, "url"), r.loc) for r in _maps(m, "references")
        ),
        custom_code=custom,
        schema_version=_int(m, "schema_version") or 0,
        min_version=_opt_str(m, "min_version"),
        deletion_policy=_opt_str(m, "deletion_policy"),
        breaking_changes_allowed=_allowances(m, "field"),
        deprecation=_opt_str(m, "deprecation"),
        loc=m.loc,
    )


def build_product(m: YMap, resources: Iterable[Resource]) -> Product | None:
    name = _opt_str(m, "name")
    prefix = _opt_str(m, "prefix")
    if name is None or prefix is None:
        return None
    return Product(
        name=name,
        display_name=_str(m, "display_name") or name,
        prefix=prefix,
        versions=tuple(
            ApiVersion(_str(v, "name"), _str(v, "base_url"), v.loc) for v in _maps(m, "versions")
        ),
        params=tuple(
            ProductParam(
                name=_str(p, "name"),
                env=_opt_str(p, "env"),
                description=_str(p, "description"),
                required=_bool(p, "required") if p.get("required") is not None else True,
                is_map=_bool(p, "is_map"),
                loc=p.loc,
            )
            for p in _maps(m, "params")
        ),
        resources=tuple(sorted(resources, key=lambda r: r.terraform_name)),
        api_style=_api_style(m),
        breaking_changes_allowed=_allowances(m, "resource"),
        loc=m.loc,
    )


def _nested_query(api: YMap, properties: tuple[Property, ...]) -> NestedQuery | None:
    """`api.nested_query`; `identity` defaults to the property `name`, if there is one."""
    node = api.get("nested_query")
    if not isinstance(node, YMap):
        return None
    named = ("name",) if any(p.name == "name" for p in properties) else ()
    return NestedQuery(
        keys=_strs(node, "keys"),
        identity=_strs(node, "identity") or named,
        is_list_of_ids=_bool(node, "is_list_of_ids"),
        modify_by_patch=_bool(node, "modify_by_patch"),
        loc=_key_loc(api, "nested_query"),
    )


def _api_style(m: YMap) -> ApiStyle:
    try:
        return ApiStyle(_str(m, "api_style", ApiStyle.ARM.value))
    except ValueError:  # the shape check reports the bad value
        return ApiStyle.ARM


# --- files and folders ------------------------------------------------------------------


# Keys that mean something for some property types only; elsewhere they would be ignored.
TYPE_SPECIFIC_KEYS: dict[str, tuple[TypeKind, ...]] = {
    "item_type": (TypeKind.ARRAY,),
    "is_set": (TypeKind.ARRAY,),
    "value_type": (TypeKind.MAP,),
    "key_name": (TypeKind.MAP,),
    "resource": (TypeKind.RESOURCE_REF,),
    "imports": (TypeKind.RESOURCE_REF,),
}


def check_type_specific_keys(props: YNode | None, bag: DiagnosticBag) -> None:
    """Report `item_type` on a String and the like: the loader would ignore them silently."""
    if not isinstance(props, YSeq):
        return
    for m in props.items:
        if not isinstance(m, YMap):
            continue
        kind = _kind(_str(m, "type"))
        if kind is not None:
            for key, kinds in TYPE_SPECIFIC_KEYS.items():
                key_node = m.key_node(key)
                if key_node is not None and kind not in kinds:
                    allowed = " or ".join(k.value for k in kinds)
                    bag.error(
                        "key-not-applicable",
                        f"`{key}` applies to {allowed} properties only, but `{_str(m, 'name', '?')}` "
                        f"is {kind.value}",
                        key_node.loc,
                        f"remove `{key}`, or change `type:` to {allowed}",
                    )
        check_type_specific_keys(m.get("properties"), bag)


def note_derived_api_names(props: YNode | None, bag: DiagnosticBag) -> None:
    """Say, as an info-level note (`-v`), which properties go to the API under a name
    derived from theirs: a spec that leaves `api_name` out gets camelCase, which is right
    for most APIs and silently wrong for the rest."""
    if not isinstance(props, YSeq):
        return
    for m in props.items:
        if not isinstance(m, YMap):
            continue
        name = _opt_str(m, "name")
        client_side = (
            _bool(m, "url_param_only")
            or m.get("version_of") is not None
            or m.get("parent_id") is not None
        )
        if name and m.get("api_name") is None and not client_side:
            at = m.key_node("name")
            bag.info(
                "api-name-derived",
                f"`{name}` is sent to the API as `{default_api_name(name)}` (derived from its "
                "name; no `api_name:`)",
                at.loc if at is not None else m.loc,
                "write `api_name:` when the API spells it otherwise",
            )
        note_derived_api_names(m.get("properties"), bag)


def load_document(path: str, display: str, shape_name: str) -> tuple[YMap | None, list[Diagnostic]]:
    """Read, parse and shape-check one spec file."""
    text, diags = read_spec_text(path, display)
    if text is None:
        return None, diags
    tree, diags = parse_yaml(text, display)
    if tree is None:
        return None, diags
    bag = DiagnosticBag(list(diags))
    shape = PRODUCT if shape_name == "Product" else RESOURCE
    if not isinstance(tree, YMap):
        bag.error("wrong-type", f"a {shape_name.lower()} spec must be a mapping of keys", tree.loc)
        return None, bag.items
    ShapeChecker(NAMED, bag).check(tree, shape, shape_name.lower())
    if shape is RESOURCE:
        check_type_specific_keys(tree.get("properties"), bag)
        note_derived_api_names(tree.get("properties"), bag)
    return tree, bag.items


def _resource_files(folder: Path, only: set[Path] | None) -> tuple[list[Path], list[Diagnostic]]:
    if only is not None:
        return sorted(only), []
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        bag = DiagnosticBag()
        bag.error(
            "io", f"cannot list folder: {exc.strerror or exc}", Location(display_path(folder), 0, 0)
        )
        return [], bag.items
    bag = DiagnosticBag()
    specs = []
    for spec in entries:
        if spec.name == PRODUCT_FILE or spec.suffix not in SPEC_SUFFIXES:
            continue
        if spec.is_dir():
            # A folder named like a spec is not loaded; say so rather than skip it silently.
            bag.warning(
                "io",
                "is a folder named like a spec; it is not loaded",
                Location(display_path(spec), 0, 0),
                "rename the folder, or move the spec inside it into the product folder",
            )
            continue
        # FIFOs and the like are included so that the reader reports them.
        specs.append(spec)
    return specs, bag.items


def load_product_dir(
    folder: Path, only: set[Path] | None = None
) -> tuple[Product | None, list[Diagnostic], dict[tuple[str, str], str]]:
    """Load a product folder: product.yaml and every resource spec (or just `only`)."""
    diags: list[Diagnostic] = []
    product_path = folder / PRODUCT_FILE
    pm, d = load_document(str(product_path), display_path(product_path), "Product")
    diags.extend(d)
    if pm is not None:
        diags.extend(base_url_problems(pm))
    prefix = _opt_str(pm, "prefix") if pm is not None else None
    resources: list[Resource] = []
    # Resource name -> spec path; keyed by product name once product.yaml has been read.
    sources: dict[str, str] = {}
    specs, d = _resource_files(folder, only)
    diags.extend(d)
    for spec in specs:
        rm, d = load_document(str(spec), display_path(spec), "Resource")
        diags.extend(d)
        if rm is None:
            continue
        diags.extend(template_problems(pm, rm))
        res = build_resource(rm, prefix or "")
        if res is not None:
            resources.append(res)
            sources[res.name] = display_path(spec)
    if pm is None:
        return None, diags, {}
    product = build_product(pm, resources)
    if product is None:
        return None, diags, {}
    return product, diags, {(product.name, r): s for r, s in sources.items()}


def load_specs(paths: Iterable[str]) -> LoadResult:
    """Load every product under the given paths; never raises for bad input."""
    result = LoadResult()
    targets, diags = find_spec_targets(paths)
    result.diagnostics.extend(diags)
    with stage("loading products", len(targets)) as bar:
        for folder, only in targets.items():
            product, d, sources = load_product_dir(folder, only)
            result.diagnostics.extend(d)
            if product is not None:
                result.products.append(product)
                result.sources.update(sources)
            bar.advance()
    result.products.sort(key=lambda p: p.name)
    return result
