"""One committed page per check: the good pages lint clean, each bad page reports exactly
its finding, at its line and column."""

from __future__ import annotations

import re

import pytest

from generator.docs_lint.codes import CODES

from .conftest import BAD, GOOD, found, lint

# Every bad page and all it reports: (code, line, col), in the report's order.
EXPECTED: dict[str, list[tuple[str, int, int]]] = {
    "anchor-duplicate.md": [("lint-anchor-duplicate", 47, 1)],
    "anchor-unresolved.md": [("lint-anchor-unresolved", 36, 40)],
    "argument-duplicate.md": [("lint-argument-duplicate", 40, 3)],
    "block-above.md": [("lint-block-above", 50, 3)],
    "block-ambiguous.md": [("lint-block-ambiguous", 49, 3)],
    "block-name.md": [("lint-block-name", 36, 3)],
    "block-self-nested.md": [("lint-block-self-nested", 47, 3)],
    "block-undefined.md": [("lint-block-undefined", 40, 3)],
    "block-unlinked.md": [("lint-block-unlinked", 36, 3)],
    "block-unreferenced.md": [("lint-block-unreferenced", 49, 3)],
    "bullet-unparsed.md": [("lint-bullet-unparsed", 38, 3)],
    "description-empty.md": [("lint-description-empty", 38, 3)],
    "example-missing.md": [("lint-example-missing", 13, 1)],
    "front-matter-key.md": [("lint-front-matter-key", 1, 1), ("lint-front-matter-key", 3, 1)],
    "front-matter-missing.md": [("lint-front-matter-missing", 1, 1)],
    # A short page whose front matter never closes: every section is missing, at its end.
    "front-matter-unclosed.md": [("lint-front-matter-unclosed", 1, 1)]
    + [("lint-example-missing", 10, 1)]
    + [("lint-heading-missing", 10, 1)] * 4,
    "front-matter-yaml.md": [("lint-front-matter-yaml", 3, 10)],
    "google/anchor_unresolved.html.markdown": [("lint-anchor-unresolved", 39, 35)],
    "google/block_name.html.markdown": [("lint-block-name", 36, 3)],
    "google/heading_order.html.markdown": [("lint-heading-order", 64, 1)],
    "google/title_mismatch.html.markdown": [("lint-title-mismatch", 7, 1)],
    "hcl-syntax.md": [("lint-hcl-syntax", 21, 12)],
    "heading-duplicate.md": [("lint-heading-duplicate", 69, 1)],
    "heading-missing.md": [("lint-heading-missing", 61, 1)],
    "heading-old.md": [("lint-heading-old", 26, 1)],
    "heading-order.md": [("lint-heading-order", 53, 1)],
    "heading-unknown.md": [("lint-heading-unknown", 61, 1)],
    "link-broken.md": [("lint-link-broken", 11, 35)],
    "link-malformed.md": [("lint-link-malformed", 55, 55)],
    "sentence-repeated.md": [("lint-sentence-repeated", 30, 96)],
    "title-mismatch.md": [("lint-title-mismatch", 9, 1)],
    "title-missing.md": [("lint-title-missing", 1, 1)],
    "values-repeated.md": [("lint-values-repeated", 45, 85)],
}


def test_good_pages_are_clean() -> None:
    pages = sorted(p for p in GOOD.rglob("*") if p.is_file())
    assert len(pages) == 3
    assert found(lint(GOOD)) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_page(name: str) -> None:
    diags = lint(BAD / name)
    assert found(diags) == EXPECTED[name]
    for d in diags:
        assert d.location.file == str(BAD / name)
        assert d.hint, f"{d.code} has no hint"


def test_every_bad_page_is_listed() -> None:
    pages = {p.relative_to(BAD).as_posix() for p in BAD.rglob("*") if p.is_file()}
    assert pages == set(EXPECTED)


def test_each_check_has_a_bad_page() -> None:
    """Every code but those about unreadable files (test_source.py makes those) and the
    link leaving the tree (a symbolic link, made there too) has a committed page."""
    covered = {code for items in EXPECTED.values() for code, _, _ in items}
    made_elsewhere = {"lint-unreadable", "lint-encoding", "lint-empty", "lint-link-outside"}
    assert covered | made_elsewhere == set(CODES)


def test_folder_of_bad_pages_is_each_page_alone() -> None:
    """Linting the folder finds what linting each page finds, in file order."""
    expected = [
        (str(BAD / name), item)
        for name in sorted(EXPECTED, key=lambda n: str(BAD / n))
        for item in EXPECTED[name]
    ]
    got = [(d.location.file, (d.code, d.location.line, d.location.col)) for d in lint(BAD)]
    assert got == expected


def test_family_flag_overrides_detection() -> None:
    """--family replaces detection: the google page read by azurerm's rules lacks azurerm's
    front matter keys, uses the older heading and a section azurerm does not have."""
    page = GOOD / "r" / "gadget.html.markdown"
    assert found(lint(page, family="google")) == []
    assert found(lint(page, family="azurerm")) == [
        ("lint-front-matter-key", 1, 1),
        ("lint-heading-old", 23, 1),
        ("lint-heading-unknown", 80, 1),
    ]
    # The older `## Argument Reference` is google's own name for the section.
    assert found(lint(BAD / "heading-old.md", family="google")) == []


def test_examples_in_the_docs_are_what_the_linter_says() -> None:
    """Each example finding of docs/docs-lint.md that names a bad page is, word for word,
    what linting that page says."""
    doc = (BAD.parents[2].parent / "docs" / "docs-lint.md").read_text(encoding="utf-8")
    said = {d.to_text().split("\n")[0].replace(f"{BAD}/", "") for d in lint(BAD)}
    examples = [
        line
        for line in doc.splitlines()
        if re.match(r"^[\w/.-]+:\d+:\d+: (?:error|warning)\[", line)
        and (BAD / line.split(":")[0]).is_file()
    ]
    assert len(examples) >= 30
    for line in examples:
        assert line in said, line
