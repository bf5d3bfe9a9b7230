"""The built site in a real browser (headless Chromium): search, anchors, copy buttons.

Sites are built from specs/ (azurerm pages) and from the mmv1 fixture (google pages,
`nested_` anchors). Pages are opened from file:// and over HTTP on 127.0.0.1; every
request the pages make is recorded, and none may go to another host. Screenshots go to
test-artifacts/docs-site/ (gitignored; the path is printed at the end of the run).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from generator.docs_site.pages import select_pages, split_front_matter
from generator.pipeline import generate

from .site_helpers import MMV1_SPECS, SPECS, build


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("browser-sites")
    out = {"specs": root / "specs-site", "mmv1": root / "mmv1-site"}
    build(SPECS, out["specs"])
    build(MMV1_SPECS, out["mmv1"])
    return out


class Page:
    """A Playwright page that records every request and every console error."""

    def __init__(self, context: Any, allowed_prefix: str) -> None:
        self.page = context.new_page()
        self.allowed_prefix = allowed_prefix
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def check_clean(self) -> None:
        assert self.requests, "no request was recorded"
        foreign = [u for u in self.requests if not u.startswith(self.allowed_prefix)]
        assert not foreign, f"requests outside the site: {foreign}"
        assert not self.errors, f"errors in the page: {self.errors}"


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1200, "height": 800})
    yield ctx
    ctx.close()


def in_view(page: Any, element_id: str) -> dict[str, float]:
    return page.evaluate(
        """(id) => {
            const el = document.getElementById(id);
            const r = el.getBoundingClientRect();
            const header = document.querySelector('.site-header').getBoundingClientRect();
            return {top: r.top, bottom: r.bottom, height: window.innerHeight,
                    header: header.bottom};
        }""",
        element_id,
    )


def assert_scrolled_to(page: Any, element_id: str) -> None:
    box = in_view(page, element_id)
    # Below the sticky header, inside the viewport, and scrolled (not just the page top).
    assert box["header"] - 1 <= box["top"] < box["height"], box
    assert page.evaluate("window.scrollY") > 0
    assert page.evaluate("decodeURIComponent(location.hash.slice(1))") == element_id
    assert (
        page.evaluate("document.querySelector(':target') && document.querySelector(':target').id")
        == element_id
    )


def test_search_from_file_url_and_follow_a_result(
    sites: dict[str, Path], context: Any, artifacts: Path
) -> None:
    site = sites["specs"]
    p = Page(context, f"file://{site}/")
    page = p.page
    page.goto((site / "index.html").as_uri())
    page.click("#site-search")
    page.keyboard.type("max_wall")
    results = page.locator("#search-results li a")
    results.first.wait_for()
    first = results.first.inner_text()
    assert "max_wall_clock_time" in first and "constraints" in first
    page.screenshot(path=str(artifacts / "search-results.png"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/r/batch_ai_job.html#block-constraints.max_wall_clock_time")
    assert_scrolled_to(page, "block-constraints.max_wall_clock_time")
    page.screenshot(path=str(artifacts / "search-followed.png"))
    # A resource is found by name, and its result opens its page.
    page.fill("#site-search", "batch ai job")
    page.locator("#search-results li a").first.click()
    page.wait_for_url("**/r/batch_ai_job.html")
    assert page.locator("h1").inner_text().startswith("azurerm_batch_ai_job")
    p.check_clean()


def test_nested_block_link_scrolls_to_its_block(
    sites: dict[str, Path], context: Any, artifacts: Path, serve: Any
) -> None:
    base = serve(sites["mmv1"])
    p = Page(context, base + "/")
    page = p.page
    page.goto(f"{base}/r/library_bookcase.html")
    assert page.evaluate("window.scrollY") == 0
    # The link in the `shelf_layout` argument's description, to the nested `shelf` block.
    page.locator('a[href="#nested_shelf_layout_shelf"]').first.click()
    page.wait_for_url("**#nested_shelf_layout_shelf")
    assert_scrolled_to(page, "nested_shelf_layout_shelf")
    assert "shelf" in page.locator("#nested_shelf_layout_shelf").inner_text()
    page.screenshot(path=str(artifacts / "nested-block.png"))
    # The link-to-anchor affordance of a bullet in that block points at the bullet.
    anchor = page.locator('li[id="nested_shelf_layout_shelf.label"] a.anchor-link')
    assert anchor.is_visible()
    anchor.click()
    page.wait_for_url("**#nested_shelf_layout_shelf.label")
    assert_scrolled_to(page, "nested_shelf_layout_shelf.label")
    p.check_clean()


def _fences(specs: Path, page: str) -> list[str]:
    """The code of every fence of a docs page, read from the pipeline's Markdown."""
    files = generate(specs, "python").files
    pages = [p for p in select_pages(files) if p.site_path == f"r/{page}.html"]
    assert len(pages) == 1
    _, body = split_front_matter(files[pages[0].source].text)
    return [t.content for t in MarkdownIt("commonmark").parse(body) if t.type == "fence"]


@pytest.mark.parametrize(
    "case,page_name",
    [("specs", "batch_ai_job"), ("mmv1", "library_bookcase")],
)
def test_copy_buttons_copy_the_code_byte_for_byte(
    sites: dict[str, Path],
    browser: Any,
    artifacts: Path,
    serve: Any,
    case: str,
    page_name: str,
) -> None:
    base = serve(sites[case])
    ctx = browser.new_context(viewport={"width": 1200, "height": 800})
    try:
        ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
        p = Page(ctx, base + "/")
        page = p.page
        page.goto(f"{base}/r/{page_name}.html")
        want = _fences(SPECS if case == "specs" else MMV1_SPECS, page_name)
        buttons = page.locator(".code-block .copy-button")
        assert buttons.count() == len(want) >= 2  # the examples and the import commands
        for n in (0, len(want) - 1):  # the first example, the last import command
            page.evaluate("navigator.clipboard.writeText('sentinel')")
            buttons.nth(n).click()
            # The copy is asynchronous: wait until the clipboard changes, then compare.
            copied = "sentinel"
            deadline = time.monotonic() + 10
            while copied == "sentinel" and time.monotonic() < deadline:
                copied = page.evaluate("navigator.clipboard.readText()")
            assert copied.encode("utf-8") == want[n].encode("utf-8")
            assert buttons.nth(n).inner_text() in ("Copied", "Copy")
        page.screenshot(path=str(artifacts / f"copied-{case}.png"))
        p.check_clean()
    finally:
        ctx.close()


def test_pages_work_offline_from_file_urls(
    sites: dict[str, Path], context: Any, artifacts: Path
) -> None:
    """Every page loads its CSS and scripts from the site's folder and runs them."""
    site = sites["mmv1"]
    p = Page(context, f"file://{site}/")
    page = p.page
    for name in ("index.html", "provider.html", "r/library_bookcase.html"):
        page.goto((site / name).as_uri())
        assert page.evaluate("typeof window.MMGEN_SEARCH_INDEX") == "object"
        position = page.evaluate(
            "getComputedStyle(document.querySelector('.site-header')).position"
        )
        assert position == "sticky", "site.css did not load"
    page.goto((site / "index.html").as_uri())
    page.locator('a[href="r/library_bookcase.html"]').click()
    page.wait_for_url("**/r/library_bookcase.html")
    page.screenshot(path=str(artifacts / "resource-page.png"), full_page=True)
    p.check_clean()
