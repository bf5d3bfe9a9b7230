"""Which rendered files are docs pages, and where each one goes in the site.

Pages are picked by template (the templates `targets/docs_files.py` plans pages with),
not by path: the same page may be laid out under more
than one docs folder (`docs/resources/<name>.md`, `website/docs/r/<name>.html.markdown`),
and each target writes its own copy. One page per owner is kept, deterministically.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from io import StringIO

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ..results import RenderedFile
from ..targets.docs_files import INDEX_PAGE_TEMPLATE, RESOURCE_PAGE_TEMPLATES

# Each docs family's resource page template (docs/resource.md.j2, resource_google.md.j2)
# and the provider index page's, as the docs planner names them.
INDEX_TEMPLATE = INDEX_PAGE_TEMPLATE
DOCS_TEMPLATES = RESOURCE_PAGE_TEMPLATES | {INDEX_PAGE_TEMPLATE}
# Suffixes of a docs page's file name, longest first.
PAGE_SUFFIXES = (".html.markdown", ".markdown", ".md")
SITE_INDEX = "index.html"
PROVIDER_PAGE = "provider.html"
RESOURCE_DIR = "r"


@dataclass(frozen=True)
class SourcePage:
    """One docs page as the pipeline rendered it, with its place in the site."""

    source: str  # the page's path in the generation result (e.g. python/docs/index.md)
    site_path: str  # where its HTML goes, relative to --out
    spec: str  # the spec it came from (RenderedFile.spec)
    is_index: bool  # the provider index page (docs/index.md.j2)
    front: dict[str, str]  # front matter values (subcategory, page_title, description)
    body: str  # the Markdown after the front matter
    product: str
    resource: str | None


def page_stem(path: str) -> str:
    name = posixpath.basename(path)
    for suffix in PAGE_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def select_pages(files: dict[str, RenderedFile]) -> list[SourcePage]:
    """The docs pages of one target, one per owner, in site-path order."""
    chosen: dict[tuple[str, str | None, str], RenderedFile] = {}
    for path in sorted(files):
        f = files[path]
        if f.template not in DOCS_TEMPLATES:
            continue
        # Copies of a page are the same bytes: the first path in sort order is used.
        chosen.setdefault((f.owner.product, f.owner.resource, f.template), f)
    pages = []
    for f in chosen.values():
        is_index = f.template == INDEX_TEMPLATE
        site_path = PROVIDER_PAGE if is_index else f"{RESOURCE_DIR}/{page_stem(f.path)}.html"
        front, body = split_front_matter(f.text)
        pages.append(
            SourcePage(
                f.path,
                site_path,
                f.spec,
                is_index,
                front,
                body,
                f.owner.product,
                f.owner.resource,
            )
        )
    return sorted(pages, key=lambda p: p.site_path)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(front matter as strings, the rest) of a page that starts with `---` front matter.

    Front matter is written by mmgen's own templates with every value escaped
    (`yaml_scalar`, `yaml_block`); anything that is not a mapping of scalars is ignored
    rather than trusted.
    """
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 3)
    if end < 0:
        return {}, text
    head, body = text[4 : end + 1], text[end + 5 :]
    try:
        data = YAML(typ="safe").load(StringIO(head))  # libyaml when installed
    except YAMLError:
        return {}, body
    if not isinstance(data, dict):
        return {}, body
    front = {str(k): str(v) for k, v in data.items() if isinstance(v, (str, int, float))}
    return front, body


def link_targets(files: dict[str, RenderedFile], pages: list[SourcePage]) -> dict[str, str]:
    """Every copy of every docs page (its path in the result) -> its page in the site.

    A link between pages (`resources/x.md` from the index) is resolved against the path
    of the page it is on, so any layout's relative links find their page."""
    by_owner = {(p.product, p.resource, p.is_index): p.site_path for p in pages}
    out: dict[str, str] = {}
    for path in sorted(files):
        f = files[path]
        if f.template in DOCS_TEMPLATES:
            key = (f.owner.product, f.owner.resource, f.template == INDEX_TEMPLATE)
            if key in by_owner:
                out[path] = by_owner[key]
                # The website layout links a page as the HTML the Registry serves
                # (`r/x.html` for `r/x.html.markdown`).
                if path.endswith(".html.markdown"):
                    out.setdefault(path[: -len(".markdown")], by_owner[key])
    return out
