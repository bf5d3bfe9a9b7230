"""Spec text reaches the site as text: HTML-escaped in pages, JS-escaped in the index.

Hypothesis writes HTML and JavaScript metacharacters into a spec (the resource's
description, an argument's description, the product's display name, which becomes the
subcategory), builds the site in memory and parses every page: the tags and attributes
are the site's own and Markdown's, never the spec's, and the search index is JSON no
`<script>` context can be broken out of.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spec_text import yaml_quoted

from generator.docs_site.build import render_site
from generator.docs_site.search_index import INDEX_VARIABLE, script_json
from generator.pipeline import generate
from generator.product_cache import ProductCache

from .site_helpers import COMMIT, SPECS, parse_html
from .test_markdown_html import ALLOWED_ATTRIBUTES, FRAGMENTS

# The layout's own tags and what Markdown makes of pages and descriptions.
SITE_TAGS = {
    "html", "head", "meta", "title", "link", "script", "body", "header", "nav", "div",
    "label", "input", "ol", "ul", "li", "a", "main", "p", "footer", "code", "h1", "h2", "h3",
    "pre", "button", "span", "em", "strong", "s", "br", "hr", "section", "table", "thead",
    "tbody", "tr", "th", "td",
}  # fmt: skip
SITE_ATTRIBUTES = ALLOWED_ATTRIBUTES | {
    "lang", "data-root", "charset", "name", "content", "http-equiv", "rel", "src", "defer",
    "role", "for", "type", "placeholder", "autocomplete", "spellcheck", "aria-controls",
    "hidden", "aria-labelledby",
}  # fmt: skip
SCRIPTS = {"./assets/search-index.js", "./assets/site.js", "../assets/search-index.js",
           "../assets/site.js"}  # fmt: skip

text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), min_size=1, max_size=5
).map("".join)


@settings(max_examples=300, deadline=None)
@given(value=st.recursive(st.text() | st.integers() | st.booleans(), st.lists, max_leaves=8))
def test_script_json_is_inert_in_a_script_element(value: object) -> None:
    out = script_json(value)
    assert json.loads(out) == value
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in out
    assert out.isascii()


def _specs(tmp: Path, description: str, display_name: str) -> Path:
    specs = tmp / "specs"
    shutil.rmtree(specs, ignore_errors=True)
    shutil.copytree(SPECS, specs)
    job = specs / "batchai" / "batch_ai_job.yaml"
    doc = job.read_text(encoding="utf-8")
    doc = re.sub(
        r"^description: \|\n(  .*\n)+",
        lambda _: f"description: {yaml_quoted(description)}\n",
        doc,
        count=1,
        flags=re.M,
    )
    # The first argument's (`name`) folded description.
    doc = re.sub(
        r"^    description: >-\n(      .*\n)+",
        lambda _: f"    description: {yaml_quoted(description + ' x')}\n",
        doc,
        count=1,
        flags=re.M,
    )
    job.write_text(doc, encoding="utf-8")
    product = specs / "batchai" / "product.yaml"
    product.write_text(
        product.read_text(encoding="utf-8").replace(
            "display_name: Batch AI", f"display_name: {yaml_quoted(display_name)}", 1
        ),
        encoding="utf-8",
    )
    return specs


EXAMPLES = 12


def test_spec_text_never_yields_markup_in_the_site(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    accepted: list[str] = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(description=text, display_name=text)
    def prop(description: str, display_name: str) -> None:
        specs = _specs(tmp_path_factory.mktemp("escaping"), description, display_name)
        result = generate(specs, "python", product_cache=ProductCache(None))
        if result.has_errors:
            # Rejected (an empty description, say): a spec diagnostic, never a crash.
            assert all(d.code != "internal-error" for d in result.fatal)
            return
        accepted.append(description)
        check_site({f.path: f.text for f in render_site(result.files, "T", COMMIT, "specs")})

    prop()
    # The property must not pass by having every spec rejected.
    assert len(accepted) >= EXAMPLES // 2, f"only {len(accepted)} of {EXAMPLES} accepted"


def check_site(site: dict[str, str]) -> None:
    for path, page in site.items():
        if not path.endswith(".html"):
            continue
        doc = parse_html(page)
        for tag, attrs in doc.tags:
            assert tag in SITE_TAGS, (path, tag)
            assert set(attrs) <= SITE_ATTRIBUTES, (path, attrs)
            if tag == "script":
                assert attrs.get("src") in SCRIPTS, (path, attrs)
            href = (attrs.get("href") or "").lower().lstrip()
            assert not href.startswith(("javascript:", "vbscript:", "data:")), (path, href)
    script = site["assets/search-index.js"]
    prefix = f"window.{INDEX_VARIABLE} = "
    payload = script[len(prefix) : -2]
    assert script.startswith(prefix) and "<" not in payload and "\u2028" not in payload
    data = json.loads(payload)
    assert data["pages"][1][0] == "azurerm_batch_ai_job"


def test_a_script_in_a_description_is_text(tmp_path: Path) -> None:
    specs = _specs(tmp_path, "<script>alert('x')</script> </script><!-- \u2028", "<b>AI</b>")
    result = generate(specs, "python", product_cache=ProductCache(None))
    assert not result.has_errors, [d.to_text() for d in result.diagnostics]
    site = {f.path: f.text for f in render_site(result.files, "T", COMMIT, "specs")}
    page = site["r/batch_ai_job.html"]
    assert "<p>&lt;script&gt;alert('x')&lt;/script&gt; &lt;/script&gt;&lt;!--</p>" in page
    assert '<p class="subcategory">&lt;b&gt;AI&lt;/b&gt;</p>' in page
    assert "<script>" not in page
    check_site(site)
    index = site["assets/search-index.js"]
    assert "\\u003cscript\\u003e" in index and "<" not in index.split(" = ", 1)[1]
