"""Spec shapes Magic Modules accepts, loaded with upstream's meaning (issue 10).

The committed fixture (tests/fixtures/loaders/mmv1-quirks) is hand-written after cases of
the shared corpus: relations written as bare sibling names, as paths without `.0.`, through
a `flatten_object` parent, or as enum values; output Enums without values; an enum value
listed twice; a singleton without a `name` property; `url_param_only` and virtual fields
that are lists or objects; and a list in a URL template, the one shape upstream misgenerates.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic
from generator.loaders.mmv1.loader import Mmv1LoadResult, load_mmv1
from generator.loaders.mmv1.relations import resolve_path
from generator.model.nodes import IdParamSource, Property, Resource, TypeKind
from generator.pipeline import generate
from generator.spec_check import validate_paths
from generator.validate import walk

REPO = Path(__file__).resolve().parents[2]
PRODUCTS = REPO / "tests" / "fixtures" / "loaders" / "mmv1-quirks" / "products"


@pytest.fixture(scope="module")
def result() -> Mmv1LoadResult:
    return load_mmv1([str(PRODUCTS)])


def _resource(result: Mmv1LoadResult, name: str) -> Resource:
    (product,) = result.products
    return next(r for r in product.resources if r.name == name)


def _props(res: Resource) -> dict[str, Property]:
    return dict(walk(res.properties))


def _codes(diags: list[Diagnostic], code: str) -> list[str]:
    return [d.message for d in diags if d.code == code]


def test_relations_resolve_from_the_root_as_upstream_does(result: Mmv1LoadResult) -> None:
    props = _props(_resource(result, "widget"))
    # `settings.0.beta` resolves; the property's own name is dropped from `conflicts`.
    assert props["settings.alpha"].conflicts_with == ("settings.beta",)
    # A bare sibling name and a path without its `.0.` are not found upstream.
    assert props["settings.beta"].conflicts_with == ()
    assert props["settings.gamma"].at_least_one_of == ("settings.gamma",)
    # Through a `flatten_object` parent: the parent is looked up and left out of the path.
    assert props["left"].exactly_one_of == ("left", "right")
    assert props["right"].exactly_one_of == ("left", "right")
    # Enum values written where property names belong: no constraint upstream, none here.
    assert props["state"].exactly_one_of == ()
    dropped = _codes(result.diagnostics, "mmv1-relation-dropped")
    assert len(dropped) == 3, dropped
    assert any("`conflicts` of `settings.beta` names `alpha`" in m for m in dropped)
    assert any("`settings.alpha`" in m and "at_least_one_of" in m for m in dropped)
    assert any("`CREATING`, `ACTIVE`" in m for m in dropped)


def test_resolve_path_follows_upstreams_lookup(result: Mmv1LoadResult) -> None:
    root = _resource(result, "widget").properties
    assert resolve_path(root, "settings.0.alpha") == "settings.alpha"
    assert resolve_path(root, "settings.0.Alpha") == "settings.alpha"  # camelCase lookup
    assert resolve_path(root, "settings.0.alpha ") == "settings.alpha"
    assert resolve_path(root, "name") == "name"
    assert resolve_path(root, "settings.alpha") is None
    assert resolve_path(root, "wrapper.0.left", frozenset({"wrapper."})) == "left"
    assert resolve_path(root, "wrapper.0.left") is None


def test_enums_upstream_does_not_check_are_strings(result: Mmv1LoadResult) -> None:
    props = _props(_resource(result, "widget"))
    assert props["phase"].type.kind is TypeKind.STRING
    assert props["status.code"].type.kind is TypeKind.STRING
    reasons = props["status.reasons"].type
    assert reasons.kind is TypeKind.ARRAY and reasons.item is not None
    assert reasons.item.kind is TypeKind.STRING
    assert props["mode"].type.kind is TypeKind.ENUM
    assert props["mode"].type.enum_values == ("FAST", "SLOW")
    (twice,) = _codes(result.diagnostics, "mmv1-duplicate-enum-value")
    assert "`mode` lists `FAST` twice" in twice


def test_a_placeholder_naming_nothing_is_the_empty_string(result: Mmv1LoadResult) -> None:
    res = _resource(result, "setting")
    assert res.rest.id_template == "projects/{project}/setting/"
    # `project` is the argument upstream's templates add, defaulting from the provider.
    assert [(p.name, p.source) for p in res.rest.id_params] == [("project", IdParamSource.PROPERTY)]
    assert _props(res)["project"].provider_default == "project"
    assert res.rest.id_format == "projects/{project}"
    # Import formats are patterns to parse, kept as written.
    assert res.import_formats[0] == "projects/{project}"
    (empty,) = _codes(result.diagnostics, "mmv1-empty-placeholder")
    assert "`{{name}}` in the default self link of `Setting`" in empty


def test_client_side_lists_and_objects_are_kept_out_of_the_body(result: Mmv1LoadResult) -> None:
    props = _props(_resource(result, "widget"))
    for name in ("secrets", "block_names"):
        assert props[name].url_param_only and not props[name].api_name, name


def test_validate_reports_only_what_upstream_misgenerates() -> None:
    report = validate_paths([str(PRODUCTS)])
    assert report.format == "mmv1"
    errors = [(d.code, Path(d.location.file).name) for d in report.errors]
    assert errors == [("mmv1-url-param-list", "Cluster.yaml")]
    assert "misgeneration upstream" in report.errors[0].message
    assert report.dropped == ["quirks/cluster"]
    relaxed = Counter(d.code for d in report.warnings if "allowed in Magic Modules" in d.hint)
    # secrets, block_names and Cluster's skip_checks (whose error is the URL's, not this)
    assert relaxed == Counter({"url-param-type": 3})


@pytest.mark.parametrize("target", ["go", "python"])
def test_both_targets_generate_every_resource_but_the_misgenerated_one(target: str) -> None:
    result = generate(PRODUCTS, target, fmt="mmv1")
    assert not result.fatal, [d.to_text() for d in result.fatal]
    assert result.dropped == ["quirks/cluster"]
    assert result.dropped_by_target.get(target, []) == []
    assert not [d for d in result.diagnostics if d.code == "unsupported-feature"]
    generated = sorted(r.name for p in result.products for r in p.resources)
    assert generated == ["setting", "widget"]
