"""`mmgen docs build` on the shared Magic Modules corpus: every page, every link.

Uses the session's python-target generation of the corpus (conftest.py); rendered in
memory, nothing written. Skipped without ../shared beside the clone.
"""

from __future__ import annotations

import json
from pathlib import Path

from docs_site.site_helpers import check_links

from generator.docs_site.build import render_site
from generator.docs_site.layout import PAGE_TEMPLATE
from generator.docs_site.search_index import INDEX_VARIABLE
from generator.results import GenerationResult


def test_corpus_site_links_resolve(mmv1_python_run: tuple[GenerationResult, Path]) -> None:
    result, _ = mmv1_python_run
    site = render_site(result.files, "Google Cloud", "corpus", "products")
    pages = [f for f in site if f.template == PAGE_TEMPLATE]
    # One page per generated resource, and the provider page.
    assert len(pages) == result.generated["python"] + 1 > 500
    files = {f.path: f.text for f in site}
    assert check_links(files) > 20_000
    # Google pages: `nested_` anchors on block intros.
    assert sum(t.count('class="block-intro"') for t in files.values()) > 1000
    script = files["assets/search-index.js"]
    data = json.loads(script[len(f"window.{INDEX_VARIABLE} = ") : -2])
    assert len(data["pages"]) == len(pages)
    assert len(data["entries"]) > 10_000
    kinds = {e[0] for e in data["entries"]}
    assert kinds == {"a", "t", "f", "b"}
