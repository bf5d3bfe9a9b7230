"""Upstream's import-format rules for mmv1 resources (generator/loaders/mmv1/import_ids.py),
on a committed fixture (tests/fixtures/loaders/mmv1-import): the `identity` default, the
most-specific-first order, and `exclude_import: true` through the model, both targets and
the docs page."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loaders.mmv1.loader import Mmv1LoadResult, load_mmv1
from generator.model.nodes import Resource
from generator.pipeline import generate
from generator.results import GenerationResult
from generator.targets.features import Feature, features_used

REPO = Path(__file__).resolve().parents[2]
PRODUCTS = REPO / "tests" / "fixtures" / "loaders" / "mmv1-import" / "products"


@pytest.fixture(scope="module")
def result() -> Mmv1LoadResult:
    return load_mmv1([str(PRODUCTS)])


def _resource(result: Mmv1LoadResult, name: str) -> Resource:
    (product,) = result.products
    return next(r for r in product.resources if r.name == name)


def _file(gen: GenerationResult, suffix: str) -> str:
    (text,) = [f.text for path, f in gen.files.items() if str(path).endswith(suffix)]
    return text


def test_identity_fields_make_the_default_import_format(result: Mmv1LoadResult) -> None:
    res = _resource(result, "endpoint")
    assert res.import_formats == (
        "projects/{project}/zones/{zone}/groups/{group}/{ip_address}/{port}",
        "{project}/{zone}/{group}/{ip_address}/{port}",
        "{zone}/{group}/{ip_address}/{port}",
        "{group}/{ip_address}/{port}",
    )
    assert not [d for d in result.diagnostics if "`resource.identity`" in d.message]


def test_formats_are_listed_most_specific_first(result: Mmv1LoadResult) -> None:
    # The short form `{{project}}/{{name}}` has a `/`: it goes before the spec's own.
    assert _resource(result, "monitor").import_formats == (
        "{project}/{name}",
        "{project} {name}",
        "{name}",
    )


def test_exclude_import_makes_a_resource_that_refuses_import(result: Mmv1LoadResult) -> None:
    res = _resource(result, "ciphertext")
    assert not res.importable and res.import_formats == ()
    assert Feature.NOT_IMPORTABLE in features_used(res)
    assert _resource(result, "monitor").importable


@pytest.mark.parametrize("target", ["python", "go"])
def test_both_targets_refuse_import_and_the_page_says_so(target: str) -> None:
    gen = generate(PRODUCTS, target, fmt="mmv1")
    assert not [d for d in gen.diagnostics if d.severity.name == "ERROR"]
    page = _file(gen, "ciphertext.md")
    assert "## Import\n\nThis resource does not support import.\n" in page
    assert "terraform import" not in page and "import {" not in page
    assert "terraform import google_importing_monitor.default" in _file(gen, "monitor.md")
    if target == "go":
        code = _file(gen, "ciphertext_resource.go")
        assert "ImportState" not in code
        assert "ImportState" in _file(gen, "monitor_resource.go")
    else:
        assert "importable=False" in _file(gen, "/importing/ciphertext.py")
        assert "importable" not in _file(gen, "/importing/monitor.py")
