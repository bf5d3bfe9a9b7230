"""`mmgen docs build`: generate the docs pages in memory, render the site, write it.

`render_site()` is pure (pages in, `{site path: text}` out). `build_site()` runs the
pipeline for one target (the pages are the same bytes in every target), renders, and
only when everything rendered hands the files to `sync`, the project's writer: each file
written atomically, confined inside --out, a manifest of what it owns, stale pages of
removed resources deleted, and files it does not own never overwritten.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from ..api import _summary, _unwritable
from ..diagnostics import Diagnostic
from ..pipeline import generate
from ..results import GenerationResult, RenderedFile
from ..sync import Action, apply, plan_sync
from ..targets.base import PROVIDER_OWNER, Owner
from .ids import safe_id
from .layout import (
    ASSETS,
    INDEX_TEMPLATE,
    PAGE_TEMPLATE,
    TEMPLATE_DIR,
    Footer,
    IndexEntry,
    asset_text,
    relative_href,
    render_doc_page,
    render_site_index,
)
from .markdown_html import inline_text, markdown, render_page
from .pages import SITE_INDEX, SourcePage, link_targets, select_pages
from .provenance import specs_commit
from .search_index import IndexedPage, index_script

SEARCH_INDEX = "assets/search-index.js"
SUMMARY_LIMIT = 200
DEFAULT_TARGET = "python"  # the quickest to render; every target's pages are identical


@dataclass(frozen=True)
class SiteFile:
    path: str
    text: str
    spec: str
    template: str
    owner: Owner


@dataclass
class BuildOutcome:
    exit_code: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    pages: int = 0


def summary_text(markdown_text: str, limit: int = SUMMARY_LIMIT) -> str:
    """A description's plain text (Markdown markup dropped), cut at a word near `limit`."""
    tokens = markdown().parseInline(markdown_text)
    text = " ".join(inline_text(t) for t in tokens if t.type == "inline").strip()
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "\u2026"


def _resolver(page: SourcePage, targets: dict[str, str]) -> Callable[[str], str | None]:
    """Relative links of `page` to other docs pages -> links to their site pages."""

    def resolve(href: str) -> str | None:
        path, _, frag = href.partition("#")
        if not path:
            return None
        wanted = posixpath.normpath(posixpath.join(posixpath.dirname(page.source), unquote(path)))
        site = targets.get(wanted)
        if site is None:
            return None
        link = relative_href(site, page.site_path)
        return link + ("#" + safe_id(unquote(frag)) if frag else "")

    return resolve


def render_site(
    files: dict[str, RenderedFile], site_title: str, commit: str, specs_label: str
) -> list[SiteFile]:
    """Every file of the site, from one target's rendered files; writes nothing."""
    pages = select_pages(files)
    targets = link_targets(files, pages)
    out: list[SiteFile] = []
    indexed: list[IndexedPage] = []
    entries: list[IndexEntry] = []
    provider_spec = specs_label
    for page in pages:
        content = render_page(page.body, _resolver(page, targets))
        footer = Footer(page.spec, commit)
        summary = summary_text(page.front.get("description", ""))
        if page.is_index:
            provider_spec = page.spec
            title = page.front.get("page_title") or content.title or site_title
            html = render_doc_page(page.site_path, content, title, site_title, footer, "provider")
            owner = Owner(PROVIDER_OWNER)
            indexed.append(IndexedPage(title, "provider", page.site_path, summary, False, content))
        else:
            name = content.title or page.front.get("page_title", page.site_path)
            sub = page.front.get("subcategory", "")
            title = page.front.get("page_title") or name
            html = render_doc_page(
                page.site_path, content, title, site_title, footer, "resource", sub
            )
            owner = Owner(page.product, page.resource)
            indexed.append(IndexedPage(name, sub, page.site_path, summary, True, content))
            entries.append(IndexEntry(name, page.site_path, sub, summary))
        out.append(SiteFile(page.site_path, html, page.spec, PAGE_TEMPLATE, owner))
    site_footer = Footer(provider_spec, commit)
    out.append(
        SiteFile(
            SITE_INDEX,
            render_site_index(entries, site_title, site_footer),
            provider_spec,
            INDEX_TEMPLATE,
            Owner(PROVIDER_OWNER),
        )
    )
    out.append(
        SiteFile(
            SEARCH_INDEX,
            index_script(indexed),
            provider_spec,
            "docs_site/search_index.py",
            Owner(PROVIDER_OWNER),
        )
    )
    for name in ASSETS:
        out.append(
            SiteFile(
                f"assets/{name}",
                asset_text(name),
                provider_spec,
                f"{TEMPLATE_DIR}/assets/{name}",
                Owner(PROVIDER_OWNER),
            )
        )
    return sorted(out, key=lambda f: f.path)


def _as_result(site: list[SiteFile]) -> GenerationResult:
    result = GenerationResult()
    for f in site:
        aggregate = f.owner.product == PROVIDER_OWNER
        result.files[f.path] = RenderedFile(f.path, f.text, f.spec, f.template, f.owner, aggregate)
    return result


def build_site(
    specs_dir: str,
    out_dir: str,
    spec_format: str = "auto",
    commit: str | None = None,
    target: str = DEFAULT_TARGET,
) -> BuildOutcome:
    """`mmgen docs build`: the site of the provider under `specs_dir`, written to `out_dir`."""
    result = generate(specs_dir, target, fmt=spec_format)
    if result.has_errors:
        return BuildOutcome(1, result.diagnostics)
    provider = result.provider
    site_title = provider.display_name if provider is not None else "Provider"
    commit = commit if commit is not None else specs_commit(specs_dir)
    site = render_site(result.files, site_title, commit, Path(specs_dir).name or specs_dir)
    n_pages = sum(1 for f in site if f.template == PAGE_TEMPLATE and f.owner.resource)
    if n_pages == 0:
        # A tree in another format than --spec-format says, say: a site without a
        # resource would only hide the diagnostics that explain it.
        return BuildOutcome(
            1,
            result.diagnostics,
            [f"error: no resource of {specs_dir} has a docs page; nothing was written"],
        )
    out = Path(out_dir)
    try:
        plan = plan_sync(_as_result(site), out)
    except OSError as exc:
        return BuildOutcome(
            1, result.diagnostics, [f"error: cannot read --out {out}: {exc.strerror or exc}"]
        )
    if plan.errors:
        return BuildOutcome(1, result.diagnostics, [f"error: {e}" for e in plan.errors])
    unusable = _unwritable(out)
    if unusable:
        return BuildOutcome(1, result.diagnostics, [f"error: {unusable}; nothing was written"])
    try:
        done = apply(plan)
    except OSError as exc:
        where = exc.filename or out
        return BuildOutcome(
            1,
            result.diagnostics,
            [
                f"error: cannot write {where}: {exc.strerror or exc}; files written before it "
                "are complete (every write is atomic) and the next run finishes the site"
            ],
        )
    deleted = [c for c in done if c.action is Action.DELETE]
    messages = [f"deleted stale {c.path}" for c in deleted]
    unchanged = sum(1 for c in plan.changes if c.action is Action.UNCHANGED)
    messages.append(
        f"{n_pages} resource page(s), the provider page and the index -> {out / SITE_INDEX}: "
        f"{len(done)} file(s) changed, {unchanged} unchanged"
    )
    summary = _summary(result)
    if summary:
        messages.append(summary)
    return BuildOutcome(0, result.diagnostics, messages, n_pages)
