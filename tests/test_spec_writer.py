"""spec_writer: model -> YAML -> the mmgen loader gives back an equal model."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import NO_LOCATION, DiagnosticBag
from generator.loaders.ids import id_params
from generator.loaders.mmgen.loader import build_resource, load_specs
from generator.loaders.mmgen.spec_shapes import NAMED, RESOURCE
from generator.loaders.shape_check import ShapeChecker
from generator.loaders.yaml_source import YMap, parse_yaml
from generator.model.nodes import (
    HOOK_NAMES,
    Allowance,
    ApiStyle,
    ApiVersion,
    AsyncStyle,
    CustomCode,
    Example,
    ExampleVar,
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
from generator.spec_writer import product_to_yaml, resource_to_yaml
from generator.validate import walk

PREFIX = "azurerm"

snake_names = st.from_regex(r"[a-z][a-z0-9]{0,5}(_[a-z0-9]{1,3}){0,2}", fullmatch=True)
line_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    max_size=25,
)
multi_line = st.lists(line_text, min_size=2, max_size=4).map("\n".join)
texts = st.one_of(
    line_text, multi_line, st.sampled_from(["", "null", "~", "true", "1.5", "- a", "a: b", "#x"])
)
floats = st.floats(allow_nan=False, allow_infinity=False)
verbs = st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE"])

PLAIN_KINDS = [k for k in TypeKind if k not in (TypeKind.NESTED_OBJECT, TypeKind.ENUM)]
SCALAR_KINDS = [
    TypeKind.STRING,
    TypeKind.INTEGER,
    TypeKind.DOUBLE,
    TypeKind.BOOLEAN,
    TypeKind.TIME,
    TypeKind.FINGERPRINT,
    TypeKind.KEY_VALUE_PAIRS,
    TypeKind.KEY_VALUE_LABELS,
    TypeKind.KEY_VALUE_ANNOTATIONS,
]


def enum_type(kind: TypeKind = TypeKind.ENUM) -> st.SearchStrategy[Type]:
    values = st.lists(line_text, min_size=1, max_size=4, unique=True)
    return values.map(lambda v: Type(kind, enum_values=tuple(v)))


def types(depth: int) -> st.SearchStrategy[Type]:
    """Every TypeKind, in the shapes the spec format can express."""
    nested = props(depth - 1).map(lambda ps: Type(TypeKind.NESTED_OBJECT, properties=ps))
    items = st.one_of(st.sampled_from(PLAIN_KINDS).map(Type), enum_type())
    values = st.sampled_from([k for k in TypeKind if k is not TypeKind.NESTED_OBJECT]).map(Type)
    if depth > 0:
        items = st.one_of(items, nested)
        values = st.one_of(values, nested)
    options = [
        st.sampled_from(SCALAR_KINDS).map(Type),
        enum_type(),
        st.builds(
            lambda r, i: Type(TypeKind.RESOURCE_REF, resource=r, imports=i),
            st.none() | snake_names,
            st.none() | snake_names,
        ),
        st.builds(lambda i, s: Type(TypeKind.ARRAY, item=i, is_set=s), items, st.booleans()),
        st.builds(
            lambda v, k: Type(TypeKind.MAP, value=v, key_name=k), values, st.none() | snake_names
        ),
    ]
    if depth > 0:
        options.append(nested)
    return st.one_of(options)


def default_for(t: Type) -> st.SearchStrategy[Scalar | None]:
    if t.kind is TypeKind.INTEGER:
        return st.none() | st.integers()
    if t.kind is TypeKind.DOUBLE:
        return st.none() | floats
    if t.kind is TypeKind.BOOLEAN:
        return st.none() | st.booleans()
    if t.kind is TypeKind.ENUM:
        return st.none() | st.sampled_from(t.enum_values)
    if t.kind.is_string_like:
        return st.none() | texts
    return st.none()


validations = st.builds(
    Validation,
    regex=st.none() | texts,
    min_length=st.none() | st.integers(0, 1000),
    max_length=st.none() | st.integers(0, 1000),
    minimum=st.none() | floats | st.integers(),
    maximum=st.none() | floats | st.integers(),
    min_items=st.none() | st.integers(0, 100),
    max_items=st.none() | st.integers(0, 100),
)


@st.composite
def a_property(draw: st.DrawFn, depth: int) -> Property:
    t = draw(types(depth))
    return Property(
        name=draw(snake_names),
        type=t,
        api_name=draw(st.just("") | st.from_regex(r"[a-z][A-Za-z0-9.]{0,12}", fullmatch=True)),
        description=draw(texts),
        presence=draw(st.sampled_from(Presence)),
        forces_new=draw(st.booleans()),
        default=draw(default_for(t)),
        sensitive=draw(st.booleans()),
        write_only=draw(st.booleans()),
        deprecation=draw(st.none() | texts),
        validation=draw(st.just(Validation()) | validations),
        ignore_read=draw(st.booleans()),
        url_param_only=draw(st.booleans()),
        breaking_changes_allowed=draw(allowances(None)),
    )


def allowances(selector: str | None) -> st.SearchStrategy[tuple[Allowance, ...]]:
    """`breaking_changes_allowed` entries; with a selector, each may narrow to a path."""
    path = st.none() if selector is None else st.none() | snake_names
    return st.lists(st.builds(Allowance, snake_names, texts, path), max_size=2).map(tuple)


def _with_api_name(p: Property) -> Property:
    # The loader defaults a missing api_name to the camelCase of the name (except for
    # url_param_only fields), so an empty api_name only survives on those.
    if p.api_name or p.url_param_only:
        return p
    return replace(p, api_name=default_api_name(p.name))


def props(depth: int) -> st.SearchStrategy[tuple[Property, ...]]:
    return st.lists(
        a_property(depth).map(_with_api_name),
        max_size=3 if depth else 4,
        unique_by=lambda p: p.name,
    ).map(tuple)


def with_relations(
    draw: st.DrawFn, properties: tuple[Property, ...], paths: list[str], prefix: str = ""
) -> tuple[Property, ...]:
    """Rebuild the tree with relations that name existing dotted paths."""
    from dataclasses import replace

    refs = st.lists(st.sampled_from(paths), max_size=2, unique=True).map(tuple)
    out = []
    for p in properties:
        t = p.type
        kids = t.nested_properties
        if kids:
            kids = with_relations(draw, kids, paths, f"{prefix}{p.name}.")
            if t.kind is TypeKind.NESTED_OBJECT:
                t = replace(t, properties=kids)
            elif t.kind is TypeKind.ARRAY and t.item is not None:
                t = replace(t, item=replace(t.item, properties=kids))
            elif t.value is not None:
                t = replace(t, value=replace(t.value, properties=kids))
        out.append(
            replace(
                p,
                type=t,
                conflicts_with=draw(refs),
                exactly_one_of=draw(refs),
                at_least_one_of=draw(refs),
                required_with=draw(refs),
            )
        )
    return tuple(out)


@st.composite
def resources(draw: st.DrawFn) -> Resource:
    properties = draw(props(3))
    paths = [path for path, _ in walk(properties)]
    if paths:
        properties = with_relations(draw, properties, paths)
    name = draw(snake_names)
    placeholders = [p.name for p in properties] + ["subscription_id", "project"]
    segments = draw(
        st.lists(st.sampled_from(placeholders).map(lambda s: f"{{{s}}}") | snake_names, max_size=4)
    )
    id_template = "/".join(segments)
    import_formats = (id_template,) if id_template else ()
    if draw(st.booleans()):
        import_formats = tuple(draw(st.lists(line_text, min_size=1, max_size=3)))
    rest = RestMapping(
        base_url=draw(texts),
        id_template=id_template,
        id_params=id_params(id_template, properties, NO_LOCATION),
        api_version=draw(st.none() | texts),
        create_verb=draw(verbs),
        read_verb=draw(verbs),
        update_verb=draw(st.none() | verbs),
        delete_verb=draw(verbs),
        async_style=draw(st.sampled_from(AsyncStyle)),
        immutable=draw(st.booleans()),
    )
    names = [p.name for p in properties]
    if names and draw(st.booleans()):
        nested = NestedQuery(
            keys=tuple(draw(st.lists(line_text, min_size=1, max_size=2))),
            identity=tuple(draw(st.lists(st.sampled_from(names), min_size=1, max_size=2))),
            is_list_of_ids=draw(st.booleans()),
            modify_by_patch=draw(st.booleans()),
        )
        rest = replace(rest, nested_query=nested)
    minutes = st.integers(1, 10_000)
    example_vars = st.lists(
        st.builds(ExampleVar, snake_names, texts, texts), max_size=2, unique_by=lambda v: v.name
    ).map(tuple)
    examples = st.lists(
        st.builds(
            Example,
            name=snake_names,
            config=texts,
            vars=example_vars,
            primary_resource=st.none() | texts,
            skip_test=st.none() | texts,
            ignore_read_fields=st.lists(line_text, max_size=2).map(tuple),
        ),
        max_size=2,
        unique_by=lambda e: e.name,
    ).map(tuple)
    file_pairs = st.dictionaries(line_text, line_text, max_size=2).map(
        lambda d: tuple(sorted(d.items()))
    )
    hooks = st.dictionaries(st.sampled_from(HOOK_NAMES), line_text, max_size=3).map(
        lambda d: tuple(sorted(d.items()))
    )
    return Resource(
        name=name,
        terraform_name=draw(st.just(f"{PREFIX}_{name}") | snake_names),
        description=draw(texts),
        rest=rest,
        properties=properties,
        import_formats=import_formats,
        timeouts=draw(st.builds(Timeouts, minutes, minutes, minutes, minutes)),
        examples=draw(examples),
        references=draw(st.lists(st.builds(Reference, texts, texts), max_size=2).map(tuple)),
        custom_code=draw(st.builds(CustomCode, hooks, file_pairs, file_pairs)),
        schema_version=draw(st.integers(0, 50)),
        breaking_changes_allowed=draw(allowances("field")),
    )


def rest(base_url: str, id_template: str, properties: tuple[Property, ...]) -> RestMapping:
    """A RestMapping with the id params the loader derives from the template."""
    params = id_params(id_template, properties, NO_LOCATION)
    return RestMapping(base_url=base_url, id_template=id_template, id_params=params)


def reload(text: str, prefix: str = PREFIX) -> Resource:
    tree, diags = parse_yaml(text, "resource.yaml")
    assert isinstance(tree, YMap), diags
    bag = DiagnosticBag(list(diags))
    ShapeChecker(NAMED, bag).check(tree, RESOURCE, "resource")
    shape_errors = [d.to_text() for d in bag.items if d.is_error and d.code != "pattern"]
    assert shape_errors == [], text
    res = build_resource(tree, prefix)
    assert res is not None
    return res


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resources(), st.booleans())
def test_round_trip_gives_an_equal_model(resource: Resource, with_prefix: bool) -> None:
    text = resource_to_yaml(resource, prefix=PREFIX if with_prefix else None)
    assert reload(text) == resource


@dataclass(frozen=True)
class G:
    path: str
    message: str


def test_guess_comments_land_on_their_places() -> None:
    kid = Property("kid", Type(TypeKind.INTEGER), api_name="kid", description="two\nlines")
    block = Property("block", Type(TypeKind.NESTED_OBJECT, properties=(kid,)), api_name="block")
    name = Property("name", Type(TypeKind.STRING), api_name="name", presence=Presence.REQUIRED)
    properties = (name, block)
    res = Resource(
        name="thing",
        terraform_name="azurerm_thing",
        description="A thing.",
        rest=rest("things", "things/{name}", properties),
        properties=properties,
        import_formats=("things/{name}",),
    )
    guesses = [
        G("", "top note"),
        G("properties.block.kid", "type Integer from the name"),
        G("api.id_template", "from the import example"),
        G("import_formats", "not written, so at the top"),
        G("product.name", "belongs to product.yaml"),
    ]
    text = resource_to_yaml(res, guesses)
    lines = text.splitlines()
    assert lines[0] == "# guess: top note"
    assert "# guess: (import_formats) not written, so at the top" in lines[:3]
    kid_at = lines.index("      - name: kid")
    assert lines[kid_at - 1] == "      # guess: type Integer from the name"
    tpl_at = next(i for i, x in enumerate(lines) if x.startswith("  id_template:"))
    assert lines[tpl_at - 1] == "  # guess: from the import example"
    assert "product.name" not in text
    assert "description: |-\n          two\n          lines" in text
    assert reload(text) == res


def test_key_order_follows_the_shapes_and_defaults_are_omitted() -> None:
    prop = Property(
        "size",
        Type(TypeKind.ENUM, enum_values=("a", "b")),
        api_name="size",
        description="Size.",
        default="a",
        forces_new=True,
    )
    res = Resource(
        name="thing",
        terraform_name="azurerm_thing",
        description="",
        rest=rest("things", "things/{name}", (prop,)),
        properties=(prop,),
        import_formats=("things/{name}",),
    )
    text = resource_to_yaml(res, prefix=PREFIX)
    assert text == (
        "name: thing\n"
        "api:\n"
        "  base_url: things\n"
        "  id_template: things/{name}\n"
        "properties:\n"
        "  - name: size\n"
        "    type: Enum\n"
        "    api_name: size\n"
        "    description: Size.\n"
        "    forces_new: true\n"
        "    default: a\n"
        "    enum_values: [a, b]\n"
    )
    assert reload(text) == res


@pytest.mark.parametrize("style", list(ApiStyle))
def test_product_round_trip_through_the_folder_loader(tmp_path: Path, style: ApiStyle) -> None:
    properties = (
        Property("name", Type(TypeKind.STRING), api_name="name", presence=Presence.REQUIRED),
    )
    template = "/subscriptions/{subscription_id}/things/{name}"
    res = Resource(
        name="thing",
        terraform_name="azurerm_thing",
        description="A thing.",
        rest=rest("subscriptions/{subscription_id}/things", template, properties),
        properties=properties,
        import_formats=(template,),
    )
    product = Product(
        name="widgets",
        display_name="Widgets",
        prefix=PREFIX,
        versions=(ApiVersion("2018-05-01", "https://management.azure.com/"),),
        params=(
            ProductParam("subscription_id", "ARM_SUBSCRIPTION_ID", "The subscription."),
            ProductParam("region", None, "", required=False),
        ),
        resources=(res,),
        api_style=style,
        breaking_changes_allowed=(
            Allowance("resource-schema-field-removal-or-rename", "v2 drops it", "azurerm_thing"),
        ),
    )
    folder = tmp_path / "widgets"
    folder.mkdir()
    (folder / "product.yaml").write_text(
        product_to_yaml(product, [G("product.name", "from a folder")])
    )
    (folder / "thing.yaml").write_text(resource_to_yaml(res, prefix=PREFIX))
    written = (folder / "product.yaml").read_text()
    assert "# guess: from a folder" in written
    # The default style is left out; another one is written.
    assert ("api_style: google" in written) == (style is ApiStyle.GOOGLE)
    loaded = load_specs([str(tmp_path)])
    assert not loaded.has_errors, loaded.diagnostics
    assert loaded.products == [product]
