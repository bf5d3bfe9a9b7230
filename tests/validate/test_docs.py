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
    "generator/validate_examples.py",
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


# `mmgen docs lint` codes are registered in one table and documented in docs/docs-lint.md.
LINT_SOURCES = sorted((REPO / "generator" / "docs_lint").glob("*.py"))
LINT_CODE = re.compile(r'"(lint-[a-z0-9-]+)"')


def test_every_docs_lint_code_is_documented_with_an_example() -> None:
    from generator.docs_lint.codes import CODES

    doc = (REPO / "docs" / "docs-lint.md").read_text(encoding="utf-8")
    used = set()
    for src in LINT_SOURCES:
        used |= set(LINT_CODE.findall(src.read_text(encoding="utf-8")))
    assert used == set(CODES), "a code is used but not registered in codes.py, or unused"
    sections = re.split(r"^### ", doc, flags=re.M)
    for code, severity in CODES.items():
        head = f"`{code}` ({severity.value})"
        body = next((s for s in sections if s.startswith(head)), None)
        assert body is not None, f"docs/docs-lint.md has no section `### {head}`"
        assert f"[{code}]: " in body, f"the section of {code} shows no example finding"


# `mmgen import-docs` codes (the docs-page loader and the -o checks): docs/import-docs.md.
IMPORT_SOURCES = sorted((REPO / "generator" / "loaders" / "docs").glob("*.py")) + [
    REPO / "generator" / "import_docs_output.py"
]


def test_every_import_docs_code_is_documented() -> None:
    doc = (REPO / "docs" / "import-docs.md").read_text(encoding="utf-8")
    codes = set()
    for src in IMPORT_SOURCES:
        codes |= set(CODE.findall(src.read_text(encoding="utf-8")))
    assert {"docs-example-hcl", "import-output-exists", "docs-no-import"} <= codes
    missing = sorted(c for c in codes if f"- `{c}`" not in doc and f", `{c}`" not in doc)
    assert not missing, f"document these codes in docs/import-docs.md: {missing}"


def test_fmt_codes_are_documented_in_cli_md() -> None:
    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    codes = set(CODE.findall((REPO / "generator/spec_fmt.py").read_text(encoding="utf-8")))
    assert codes == {"fmt-outside", "fmt-unreadable"}
    assert not [c for c in codes if f"- `{c}`:" not in doc]
