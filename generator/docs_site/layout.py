"""Page layout: the site's HTML around each page body, and the index by subcategory.

The templates (`templates/docs-site/`) are autoescaped, unlike the code templates: every
value from a spec is HTML-escaped by Jinja, and only page bodies built by
`markdown_html` (already escaped piece by piece) are passed in as Markup.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

import jinja2
from markupsafe import Markup

from .. import __version__
from ..render.environment import builtin_templates_dir
from .ids import IdAllocator, slug
from .markdown_html import HtmlPage

TEMPLATE_DIR = "docs-site"
PAGE_TEMPLATE = f"{TEMPLATE_DIR}/page.html.j2"
INDEX_TEMPLATE = f"{TEMPLATE_DIR}/site-index.html.j2"
ASSETS = ("favicon.svg", "site.css", "site.js")
NO_SUBCATEGORY = "Other"
# Everything from the site itself, nothing from anywhere else: no CDN, no web fonts, no
# images, no inline script. Over file:// `'self'` covers the site's own folder.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'"
)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(builtin_templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )


def asset_text(name: str) -> str:
    return (builtin_templates_dir() / TEMPLATE_DIR / "assets" / name).read_text(encoding="utf-8")


def root_of(site_path: str) -> str:
    """The relative way from a page back to the site root (`.`, `..`, ...)."""
    depth = site_path.count("/")
    return "/".join([".."] * depth) if depth else "."


def relative_href(target: str, from_page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


@dataclass(frozen=True)
class Footer:
    spec: str
    commit: str


def render_layout(
    site_path: str,
    kind: str,
    title: str,
    site_title: str,
    body: Markup,
    footer: Footer,
    headings: list[tuple[str, str]] | None = None,
    subcategory: str = "",
) -> str:
    return (
        environment()
        .get_template(PAGE_TEMPLATE)
        .render(
            root=root_of(site_path),
            csp=CSP,
            version=__version__,
            title=title,
            site_title=site_title,
            kind=kind,
            headings=headings or [],
            subcategory=subcategory,
            body=body,
            spec=footer.spec,
            commit=footer.commit,
        )
    )


def render_doc_page(
    site_path: str,
    page: HtmlPage,
    title: str,
    site_title: str,
    footer: Footer,
    kind: str,
    subcategory: str = "",
) -> str:
    return render_layout(
        site_path,
        kind,
        title,
        site_title,
        Markup(page.html),  # built from escaped pieces by markdown_html
        footer,
        page.headings,
        subcategory,
    )


@dataclass(frozen=True)
class IndexEntry:
    name: str
    site_path: str
    subcategory: str
    summary: str


def render_site_index(entries: list[IndexEntry], site_title: str, footer: Footer) -> str:
    """index.html: every resource under its subcategory, subcategories by name."""
    ids = IdAllocator(["resources"])
    ids.claim_reserved("resources")
    by_group: dict[str, list[IndexEntry]] = {}
    for e in entries:
        by_group.setdefault(e.subcategory or NO_SUBCATEGORY, []).append(e)
    groups: list[dict[str, object]] = []
    headings: list[tuple[str, str]] = []
    for name in sorted(by_group, key=lambda g: (g.casefold(), g)):
        resources = [
            {"name": e.name, "href": e.site_path, "summary": e.summary}
            for e in sorted(by_group[name], key=lambda e: (e.name, e.site_path))
        ]
        group_id = ids.claim(slug(name))
        groups.append({"id": group_id, "name": name, "resources": resources})
        headings.append((group_id, name))
    body = (
        environment()
        .get_template(INDEX_TEMPLATE)
        .render(site_title=site_title, resource_count=len(entries), groups=groups)
    )
    return render_layout(
        "index.html", "index", site_title, site_title, Markup(body), footer, headings
    )
