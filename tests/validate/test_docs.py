"""docs/spec-format.md lists every diagnostic code `mmgen validate` can report."""

from __future__ import annotations

import re

from .conftest import REPO

SOURCES = [
    "generator/loaders/yaml_source.py",
    "generator/loaders/shape_check.py",
    "generator/loaders/spec_files.py",
    "generator/loaders/mmgen/loader.py",
    "generator/validate.py",
    "generator/diff/sides.py",
    "generator/diff/run.py",
    "generator/diff/allowances.py",
    "generator/validate_api.py",
    "generator/loaders/mmv1/nested.py",
]
# The first argument of bag.error/.warning, or of Diagnostic(Severity.X, "code", ...).
CODE = re.compile(r'(?:\.(?:error|warning)\(\s*|Severity\.(?:ERROR|WARNING),\s*)"([a-z0-9-]+)"')


def test_every_code_is_documented() -> None:
    doc = (REPO / "docs" / "spec-format.md").read_text(encoding="utf-8")
    codes = set()
    for src in SOURCES:
        codes |= set(CODE.findall((REPO / src).read_text(encoding="utf-8")))
    assert len(codes) > 30
    missing = sorted(c for c in codes if f"- `{c}`:" not in doc)
    assert not missing, f"document these codes in docs/spec-format.md: {missing}"


def test_complete_example_matches_the_fixture() -> None:
    doc = (REPO / "docs" / "spec-format.md").read_text(encoding="utf-8")
    for name in ("product.yaml", "cluster.yaml"):
        text = (REPO / "tests" / "fixtures" / "good-specs" / "batchai" / name).read_text(
            encoding="utf-8"
        )
        assert (
            text in doc
        ), f"docs/spec-format.md shows an outdated copy of good-specs/batchai/{name}"
