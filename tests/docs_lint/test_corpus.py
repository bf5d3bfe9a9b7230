"""What the linter finds on real pages (../shared): the 2019 seed page's known defects, the
five azurerm pages of today, and the rate on the 604 Google pages Magic Modules wrote.

Pinned exactly: a change in what the linter reports shows up here, to be looked at."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic
from generator.docs_lint import LintReport, lint_paths

from .conftest import SHARED, found

SEED = SHARED / "seed" / "000_42d8fc5112adecf5.txt"
AZURERM = SHARED / "corpus" / "azurerm-docs"
GOOGLE = SHARED / "corpus" / "google-docs" / "r"


def _need(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared beside the clone holds the real pages)")


@pytest.fixture(scope="module")
def google() -> LintReport:
    _need(GOOGLE)
    return lint_paths([str(GOOGLE)])


def _codes(diags: list[Diagnostic]) -> dict[str, int]:
    return dict(sorted(Counter(d.code for d in diags).items()))


def test_seed_page() -> None:
    _need(SEED)
    diags = lint_paths([str(SEED)], jobs=1).diagnostics
    assert _codes(diags) == {
        "lint-block-ambiguous": 3,
        "lint-block-name": 23,
        "lint-block-self-nested": 1,
        "lint-description-empty": 33,
        "lint-example-missing": 1,
        "lint-front-matter-key": 1,
        "lint-heading-missing": 2,
        "lint-heading-old": 1,
    }
    got = found(diags)
    # The defects the issue names: `caffe2settings` under a "`caffe2setting` block"
    # section, three `credential` sections, a `file_server` block in a `file_server` block,
    # (Optional) with nothing after it, no subcategory.
    assert ("lint-block-name", 49, 3) in got
    assert [g for g in got if g[0] == "lint-block-ambiguous"] == [
        ("lint-block-ambiguous", 229, 5),
        ("lint-block-ambiguous", 250, 5),
        ("lint-block-ambiguous", 269, 5),
    ]
    assert ("lint-block-self-nested", 258, 3) in got
    assert ("lint-description-empty", 89, 3) in got
    assert ("lint-front-matter-key", 1, 1) in got
    assert "`subcategory`" in next(d.message for d in diags if d.code == "lint-front-matter-key")
    # The 2019 layout: `## Argument Reference`, no example, no Timeouts and no Import.
    assert [g for g in got if g[0].startswith(("lint-heading", "lint-example"))] == [
        ("lint-example-missing", 27, 1),
        ("lint-heading-old", 27, 1),
        ("lint-heading-missing", 410, 1),
        ("lint-heading-missing", 410, 1),
    ]


def test_azurerm_pages() -> None:
    _need(AZURERM)
    report = lint_paths([str(AZURERM)], jobs=1)
    assert report.pages == 5  # SOURCE.md beside them is a note, not a page
    assert [(Path(d.location.file).name, *found([d])[0]) for d in report.diagnostics] == [
        # `backend_pool` refers to "A `backend` block as defined below", described above it.
        ("frontdoor.html.markdown", "lint-block-above", 132, 3),
    ]


def test_google_pages(google: LintReport) -> None:
    assert google.pages == 604
    assert _codes(google.diagnostics) == {
        "lint-anchor-duplicate": 1,
        "lint-anchor-unresolved": 6,
        "lint-argument-duplicate": 12,
        "lint-block-name": 5,
        "lint-block-unlinked": 69,
        "lint-block-unreferenced": 12,
        "lint-description-empty": 181,
        "lint-example-missing": 4,
        "lint-hcl-syntax": 97,
        "lint-heading-order": 1,
        "lint-link-broken": 21,
        "lint-sentence-repeated": 9,
        "lint-values-repeated": 10,
    }
    with_errors = {d.location.file for d in google.errors}
    with_any = {d.location.file for d in google.diagnostics}
    assert (len(with_errors), len(with_any)) == (82, 105)  # 499 of 604 pages are clean


def test_google_real_defects(google: LintReport) -> None:
    got = {(Path(d.location.file).name, *found([d])[0]) for d in google.diagnostics}
    for defect in [
        # Import before Timeouts.
        ("endpoints_service.html.markdown", "lint-heading-order", 95, 1),
        # An unrendered test placeholder `%{random_suffix}` in an example.
        ("biglake_hive_database.html.markdown", "lint-hcl-syntax", 53, 38),
        # `""136.124.3.120/32""`.
        ("compute_address.html.markdown", "lint-hcl-syntax", 180, 24),
        # A regular expression outside backticks reads as a link.
        ("alloydb_instance.html.markdown", "lint-link-broken", 481, 136),
        # A link to a misspelt anchor.
        ("compute_instance.html.markdown", "lint-anchor-unresolved", 350, 132),
        # `id` listed twice among the attributes.
        ("compute_reservation.html.markdown", "lint-argument-duplicate", 438, 3),
    ]:
        assert defect in got, defect
    # Glued under an HTML `</div>` (no blank line), Google's example headings still count.
    assert not [
        d
        for d in google.diagnostics
        if d.code == "lint-example-missing" and "agentic_applications" in d.location.file
    ]
