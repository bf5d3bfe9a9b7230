"""Markdown -> HTML for docs pages: anchors, ids, links, and no markup from spec text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.docs_site.ids import IdAllocator, safe_id, slug
from generator.docs_site.markdown_html import render_page
from generator.render.literals import md_inline_code, md_paragraph, md_text

from .site_helpers import parse_html

PAGE = """# azurerm_thing

Manages a thing.

## Arguments Reference

* `name` - (Required) The name. A [`settings`](#block-settings) block as defined below.

---

<a id="block-settings"></a>
A `settings` block supports the following:

* `size` - (Optional) The size.

* `inner` - (Optional) An [`inner`](#block-settings-inner) block as defined below.

---

<a name="block-settings-inner"></a>
An `inner` block (within `settings`) supports the following:

* `depth` - (Optional) How deep.

## Import

```shell
<a id="not-an-anchor"></a>
terraform import azurerm_thing.example /things/x
```
"""


def test_anchor_lines_become_ids_on_the_block_intro() -> None:
    page = render_page(PAGE)
    doc = parse_html(page.html)
    assert '<p id="block-settings" class="block-intro">' in page.html
    assert '<p id="block-settings-inner" class="block-intro">' in page.html
    # The anchor line inside the code block is code, shown as written.
    assert "not-an-anchor" not in doc.ids
    assert "&lt;a id=&quot;not-an-anchor&quot;&gt;&lt;/a&gt;" in page.html
    assert [(b.id, b.name) for b in page.blocks] == [
        ("block-settings", "settings"),
        ("block-settings-inner", "settings.inner"),
    ]


def test_every_bullet_gets_an_id_from_its_block_and_name() -> None:
    page = render_page(PAGE)
    assert [(f.id, f.section, f.block) for f in page.fields] == [
        ("arguments-reference.name", "Arguments Reference", ""),
        ("block-settings.size", "Arguments Reference", "settings"),
        ("block-settings.inner", "Arguments Reference", "settings"),
        ("block-settings-inner.depth", "Arguments Reference", "settings.inner"),
    ]
    for f in page.fields:
        # The visible link-to-anchor affordance points at the bullet itself.
        assert f'<li id="{f.id}" class="field">' in page.html
        assert f'class="anchor-link" href="#{f.id}"' in page.html


def test_links_between_blocks_resolve_and_ids_are_unique() -> None:
    page = render_page(PAGE)
    doc = parse_html(page.html)
    assert len(doc.ids) == len(set(doc.ids))
    fragments = [h[1:] for h in doc.hrefs if h.startswith("#")]
    assert "block-settings" in fragments and "block-settings-inner" in fragments
    assert set(fragments) <= set(doc.ids)


GOOGLE_PAGE = """## Argument Reference

* `shelf_layout` -
  (Optional)
  How the shelves are laid out.
  Structure is [documented below](#nested_shelf_layout).

<a name="nested_shelf_layout"></a>The `shelf_layout` block supports:

* `columns` -
  (Required)
  How many columns.

<a name="x"></a>```
not a fence: the anchor is left as text
"""


def test_google_anchors_and_bullets() -> None:
    """Google's template: the anchor opens the intro's line, the bullet's text is below."""
    page = render_page(GOOGLE_PAGE)
    assert '<p id="nested_shelf_layout" class="block-intro">The <code>shelf_layout</code>' in (
        page.html
    )
    assert [f.id for f in page.fields] == [
        "argument-reference.shelf_layout",
        "nested_shelf_layout.columns",
    ]
    assert [b.id for b in page.blocks] == ["nested_shelf_layout"]
    # An anchor before something that is not prose is not taken out: no fence appears.
    assert "<pre>" not in page.html
    assert "&lt;a name=&quot;x&quot;&gt;&lt;/a&gt;" in page.html


def test_code_blocks_get_a_copy_button_and_keep_their_text() -> None:
    page = render_page(PAGE)
    assert page.code == [
        '<a id="not-an-anchor"></a>\nterraform import azurerm_thing.example /things/x\n'
    ]
    assert page.html.count('<button type="button" class="copy-button"') == 1


def test_relative_links_are_resolved_or_become_text() -> None:
    body = "See [the other](resources/other.md#block-x) and [gone](../guides/beta.html).\n"
    page = render_page(body, lambda href: "other.html#x" if href.startswith("resources/") else None)
    assert '<a href="other.html#x">the other</a>' in page.html
    assert '<span class="offsite-link" title="../guides/beta.html">gone</span>' in page.html
    absolute = render_page("[registry](https://registry.terraform.io/) [x](javascript:alert(1))")
    assert '<a href="https://registry.terraform.io/">registry</a>' in absolute.html
    assert "javascript:" not in absolute.html.replace("[x](javascript:alert(1))", "")


def test_images_are_not_rendered() -> None:
    """An image would be fetched from its host when the page is viewed."""
    page = render_page("![diagram](https://example.com/d.png)\n")
    assert "<img" not in page.html
    assert "[image: diagram]" in page.html


def test_raw_html_is_text() -> None:
    page = render_page('* `x` - <script>alert(1)</script> <img src=x onerror="y">\n')
    assert "<script" not in page.html and "<img" not in page.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.html


def test_ids_are_sanitised() -> None:
    assert safe_id('x" onmouseover="y') == "x-onmouseover-y"
    assert safe_id("") == "id"
    assert safe_id("1abc") == "id-1abc"
    assert safe_id("é") == "id"
    assert slug("Example Usage - Basic") == "example-usage-basic"
    page = render_page('<a id="evil&quot; onclick=&quot;x"></a>\nThe `x` block supports:\n')
    assert parse_html(page.html).ids == [safe_id("evil&quot; onclick=&quot;x")]


def test_made_up_ids_never_take_an_anchor_the_page_names() -> None:
    ids = IdAllocator(["import"])
    assert ids.claim("import") == "import-2"
    assert ids.claim_reserved("import") == "import"


# HTML and JavaScript metacharacters, markup-looking fragments, Markdown punctuation.
FRAGMENTS = [
    "<script>alert(1)</script>",
    "</script>",
    "<!--",
    "-->",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a id="x"></a>',
    "&lt;b&gt;",
    "&amp;",
    "\"'`",
    "\u2028",
    "[x](javascript:alert(1))",
    "![i](https://example.com/i.png)",
    "<https://example.com>",
    "*em* _u_ `code`",
    "# heading",
    "---",
    "```",
    "{{ x }}",
    "\\",
    "\n",
]
spec_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), min_size=1, max_size=6
).map("".join)
# What Markdown syntax may legitimately make of a description, and the page's own markup.
ALLOWED_TAGS = {"p", "li", "ul", "h1", "h2", "code", "a", "em", "strong", "span", "s", "br"}
ALLOWED_ATTRIBUTES = {"id", "class", "href", "title", "aria-label"}


@settings(max_examples=300, deadline=None)
@given(description=spec_text, name=spec_text)
def test_spec_text_never_yields_markup(description: str, name: str) -> None:
    """A description (and a name, which specs never have this wild) placed the way the
    docs templates place them: a paragraph, a bullet, a block intro, a heading."""
    body = (
        f"# {md_text(name)}\n\n{md_paragraph(description)}\n\n## Arguments Reference\n\n"
        f"* {md_inline_code(name)} - {md_text(description)}\n\n"
        f'<a id="{md_text(name)}"></a>\nA {md_inline_code(name)} block supports the following:\n\n'
        f"* `x` - {md_text(description)}\n"
    )
    page = render_page(body)
    doc = parse_html(page.html)
    for tag, attrs in doc.tags:
        assert tag in ALLOWED_TAGS, (tag, page.html)
        assert set(attrs) <= ALLOWED_ATTRIBUTES, (attrs, page.html)
        href = attrs.get("href") or ""
        assert not href.lower().lstrip().startswith(("javascript:", "vbscript:", "data:"))
    assert len(doc.ids) == len(set(doc.ids))
    for i in doc.ids:
        assert i == safe_id(i)
