"""The client-side search index: every page, argument, attribute and block of the site.

It ships as a script (`assets/search-index.js`) that assigns one JSON value, so the site
searches without fetching anything, from file:// too. Names and summaries come from specs,
so the JSON is escaped for a JavaScript and `<script>` context: no `<`, `>` or `&` (no
`</script>` or `<!--` can form), and nothing outside ASCII (U+2028/U+2029 end lines in
older JavaScript).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .markdown_html import HtmlPage

INDEX_VARIABLE = "MMGEN_SEARCH_INDEX"
# By the section a field is listed in: "Argument(s) Reference" (Google's page says
# Argument), "Attributes Reference"; anything else (timeouts, provider settings) is `f`.
KIND_BY_SECTION_START = (("argument", "a"), ("attribute", "t"))


def field_kind(section: str) -> str:
    lowered = section.lower()
    return next((k for start, k in KIND_BY_SECTION_START if lowered.startswith(start)), "f")


@dataclass(frozen=True)
class IndexedPage:
    title: str  # what results show: the resource name, or the provider page's title
    where: str  # the subcategory of a resource, or a label
    site_path: str
    summary: str
    is_resource: bool
    content: HtmlPage


def script_json(value: Any) -> str:
    """JSON that is also safe inside a `<script>` element and in any JavaScript source."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def index_data(pages: list[IndexedPage]) -> dict[str, Any]:
    """{"pages": [[title, where, path, summary, is_resource]], "entries": [[kind, name,
    label, page number, fragment]]}: arrays, not objects, to keep a corpus index small."""
    out_pages: list[list[Any]] = []
    entries: list[list[Any]] = []
    for n, page in enumerate(pages):
        out_pages.append([page.title, page.where, page.site_path, page.summary, page.is_resource])
        for b in page.content.blocks:
            entries.append(["b", b.name, b.section, n, b.id])
        for f in page.content.fields:
            label = f"block {f.block}" if f.block else f.section
            entries.append([field_kind(f.section), f.name, label, n, f.id])
    return {"pages": out_pages, "entries": entries}


def index_script(pages: list[IndexedPage]) -> str:
    return f"window.{INDEX_VARIABLE} = {script_json(index_data(pages))};\n"
