"""The page's family and kind pick the rules: data sources have no Import, index pages
and guides no resource sections, and the family is read from the page when not given."""

from __future__ import annotations

from generator.docs_lint.family import detect_family, detect_kind

from .conftest import GOOD, found, lint_string

WIDGET = (GOOD / "resources" / "widget.md").read_text(encoding="utf-8")
DATA_SOURCE = WIDGET[: WIDGET.index("## Timeouts")]


def test_a_data_source_needs_no_import_nor_timeouts() -> None:
    assert found(lint_string(DATA_SOURCE, "d/widget.md")) == []
    assert found(lint_string(DATA_SOURCE, "data-sources/widget.md")) == []
    as_resource = found(lint_string(DATA_SOURCE, "resources/widget.md"))
    assert as_resource == [("lint-heading-missing", 52, 1)] * 2  # at the last line


def test_index_and_guides_check_no_sections() -> None:
    page = (
        '---\nlayout: "azurerm"\npage_title: "Widgets"\ndescription: x\n---\n\n# Widgets\n\nText.\n'
    )
    assert found(lint_string(page, "index.md")) == []
    assert found(lint_string(page, "guides/upgrading.md")) == []
    codes = [d.code for d in lint_string(page, "resources/x.md")]
    assert codes.count("lint-heading-missing") == 4


def test_family_detection() -> None:
    assert detect_family("azurerm", "", [], "") == "azurerm"
    assert detect_family("google", "", [], "") == "google"
    assert detect_family("", "google_thing", [], "") == "google"
    assert detect_family("", "x", [], "#  ***  Type: MMv1  ***") == "google"
    assert detect_family("", "x", ["Example Usage - Basic"], "") == "google"
    assert detect_family("kitchen", "kitchen_oven", ["Example Usage"], "") == "azurerm"


def test_kind_detection() -> None:
    assert detect_kind("website/docs/r/x.html.markdown", "") == "resource"
    assert detect_kind("website/docs/d/x.html.markdown", "") == "data-source"
    assert detect_kind("docs/index.md", "") == "index"
    assert detect_kind("docs/overview.md", "Provider: Widgets") == "index"
    assert detect_kind("docs/guides/upgrade.md", "") == "guide"
