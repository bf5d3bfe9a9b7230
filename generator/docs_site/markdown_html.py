"""One docs page's Markdown -> HTML, with an anchor on every heading, bullet and block.

markdown-it-py parses with raw HTML disabled: spec text is untrusted, so a description
holding `<script>` comes out as text. The only HTML a page carries on purpose, its
block anchor lines (`<a id="x"></a>`, `<a name="x"></a>`), is recognised here, outside
code, and becomes a sanitised id on the block's intro paragraph. Every other piece of
markup this module adds is built from escaped values (`html.escape`, `ids.safe_id`) and
inserted as tokens the parser itself never makes (html_inline / html_block).

Images are not rendered: an image would be fetched from wherever its URL points when the
page is viewed, and the site fetches nothing from other hosts. Links to other pages of
the site are rewritten by the caller's `resolve_link`; relative links it does not know
(pages not in the site) become plain text, so the site has no dead relative links.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from .ids import IdAllocator, safe_id, slug

# A block anchor as the docs templates write it, opening its line: alone on it
# (`<a id="block-x"></a>`, the intro on the next line) or before the intro
# (Google's `<a name="nested_x"></a>The `x` block supports:`).
ANCHOR_LINE = re.compile(r'<a (?:id|name)="([^"<>\n]*)"></a>[ \t]*')
# A bullet that documents a field: "* `name` - text" (the registry's convention), or
# Google's "* `name` -" with the text on the lines below.
FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
FIELD_DASH = re.compile(r" -( |$)")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
CODE_TOKENS = ("fence", "code_block")


@dataclass(frozen=True)
class FieldEntry:
    """An argument or attribute bullet: its id, name, the section and block it is in."""

    id: str
    name: str
    section: str
    block: str


@dataclass(frozen=True)
class BlockEntry:
    id: str
    name: str
    section: str


@dataclass
class HtmlPage:
    html: str
    title: str
    headings: list[tuple[str, str]] = field(default_factory=list)  # (id, text) of each h2
    fields: list[FieldEntry] = field(default_factory=list)
    blocks: list[BlockEntry] = field(default_factory=list)
    code: list[str] = field(default_factory=list)  # each code block's text, in page order


def anchor_link(target: str, label: str) -> str:
    return (
        f'<a class="anchor-link" href="#{html.escape(target)}" '
        f'aria-label="{html.escape(label)}" title="Link to this">#</a>'
    )


def _code_block(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """A code block with a copy button; the button copies the <code> element's text."""
    rule = "fence" if tokens[idx].type == "fence" else "code_block"
    inner = getattr(RendererHTML, rule)(self, tokens, idx, options, env)
    return (
        '<div class="code-block">'
        '<button type="button" class="copy-button" aria-label="Copy code">Copy</button>'
        f"{inner}</div>\n"
    )


def _image(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """An image as its alt text: nothing is fetched when the page is viewed."""
    alt = self.renderInlineAsText(tokens[idx].children or [], options, env)
    return f'<span class="image-alt">[image: {html.escape(alt)}]</span>'


@lru_cache(maxsize=1)
def markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.add_render_rule("fence", _code_block)
    md.add_render_rule("code_block", _code_block)
    md.add_render_rule("image", _image)
    return md


def inline_text(token: Token) -> str:
    """The visible text of an inline token (code spans without their backticks)."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


def _code_lines(tokens: list[Token]) -> set[int]:
    lines: set[int] = set()
    for t in tokens:
        if t.type in CODE_TOKENS and t.map:
            lines.update(range(t.map[0], t.map[1]))
    return lines


def _parse_without_anchor_lines(
    body: str, md: MarkdownIt, env: dict[str, Any]
) -> tuple[list[Token], dict[int, str]]:
    """The page's tokens with its anchors taken out, and {line: anchor} for each one:
    the anchor belongs to the first block that starts on that line or after it.

    An anchor alone on its line leaves a blank line, which keeps every other line's number
    (token maps still point at the same lines) and ends the paragraph before it, as a
    registry renderer that passes the HTML through would show it; an anchor before text
    leaves the text. An anchor-looking line inside code is code: taking the anchor out
    of a fence's line does not move the fence's ends, so one parse finds such lines, and
    only then is the page parsed again with them put back."""
    lines = body.split("\n")
    found: dict[int, tuple[int, str]] = {}  # source line -> (line it applies from, anchor)
    edited = list(lines)
    for n, line in enumerate(lines):
        m = ANCHOR_LINE.match(line)
        rest = line[m.end() :] if m else ""
        # Text after the anchor must be prose: taking the anchor out must not open a
        # block (a fence, a list) that was not there.
        if m and (not rest or rest[0].isascii() and rest[0].isalnum()):
            found[n] = (n if rest else n + 1, m.group(1))
            edited[n] = rest
    tokens = md.parse("\n".join(edited), env)
    in_code = _code_lines(tokens) & set(found)
    if in_code:
        for n in in_code:
            edited[n] = lines[n]
            del found[n]
        env.clear()
        tokens = md.parse("\n".join(edited), env)
    anchors = dict(found.values())
    return tokens, anchors


def _html_token(kind: str, content: str) -> Token:
    t = Token(kind, "", 0)
    t.content = content
    return t


class _PageWalker:
    """Walks a page's tokens once: ids, anchor links, rewritten links, search entries."""

    def __init__(self, anchors: dict[int, str], resolve_link: Callable[[str], str | None]) -> None:
        self.pending = sorted(anchors.items())
        self.ids = IdAllocator([safe_id(a) for _, a in self.pending])
        self.resolve_link = resolve_link
        self.page = HtmlPage("", "")
        self.section = ""  # the current h2's text
        self.context = ""  # prefix of bullet ids: the current block's anchor or h2's id
        self.block = ""  # the current block's name ("" outside blocks)

    def walk(self, tokens: list[Token]) -> list[Token]:
        out: list[Token] = []
        for i, t in enumerate(tokens):
            if t.map and t.level == 0:
                self._place_anchors(t.map[0], t, tokens, i, out)
            if t.type == "heading_open":
                self._heading(t, tokens[i + 1])
            elif t.type == "list_item_open":
                self._bullet(t, tokens, i)
            elif t.type == "inline":
                self._links(t)
            elif t.type in CODE_TOKENS:
                self.page.code.append(t.content)
            out.append(t)
        self._place_anchors(None, None, tokens, len(tokens), out)
        return out

    def _place_anchors(
        self, line: int | None, t: Token | None, tokens: list[Token], i: int, out: list[Token]
    ) -> None:
        """Anchors on lines before `line` go on this token when it is the block's intro
        paragraph, else on an empty anchor element of their own before it."""
        while self.pending and (line is None or self.pending[0][0] <= line):
            _, raw = self.pending.pop(0)
            anchor = self.ids.claim_reserved(safe_id(raw))
            self.context, self.block = anchor, raw
            intro = t is not None and t.type == "paragraph_open" and not self.pending_before(line)
            if intro and t is not None and t.attrGet("id") is None:
                t.attrSet("id", anchor)
                t.attrSet("class", "block-intro")
                inline = tokens[i + 1]
                names = [c.content for c in inline.children or [] if c.type == "code_inline"]
                self.block = names[0] if names else raw
                # "A `credentials` block (within `a.b`) supports ...": name it by its path.
                if len(names) > 1 and "(within " in inline_text(inline):
                    self.block = f"{names[1]}.{names[0]}"
                (inline.children or []).append(
                    _html_token("html_inline", " " + anchor_link(anchor, "Link to this block"))
                )
            else:
                out.append(
                    _html_token(
                        "html_block",
                        f'<span class="anchor-target" id="{html.escape(anchor)}"></span>\n',
                    )
                )
            self.page.blocks.append(BlockEntry(anchor, self.block, self.section))

    def pending_before(self, line: int | None) -> bool:
        """Another anchor still waits for this token: only the last one gets the intro."""
        return bool(self.pending) and (line is None or self.pending[0][0] <= line)

    def _heading(self, t: Token, inline: Token) -> None:
        text = inline_text(inline)
        hid = self.ids.claim(slug(text))
        t.attrSet("id", hid)
        if t.tag == "h1" and not self.page.title:
            self.page.title = text
        if t.tag == "h2":
            self.section, self.context, self.block = text, hid, ""
            self.page.headings.append((hid, text))
        (inline.children or []).append(
            _html_token("html_inline", " " + anchor_link(hid, "Link to this section"))
        )

    def _bullet(self, t: Token, tokens: list[Token], i: int) -> None:
        if i + 2 >= len(tokens) or tokens[i + 2].type != "inline" or not self.context:
            return
        children = tokens[i + 2].children or []
        if len(children) < 2 or children[0].type != "code_inline" or children[1].type != "text":
            return
        name = children[0].content
        if not FIELD_NAME.fullmatch(name) or not FIELD_DASH.match(children[1].content):
            return
        fid = self.ids.claim(safe_id(f"{self.context}.{name}"))
        t.attrSet("id", fid)
        t.attrSet("class", "field")
        children.insert(1, _html_token("html_inline", anchor_link(fid, f"Link to {name}")))
        self.page.fields.append(FieldEntry(fid, name, self.section, self.block))

    def _links(self, inline: Token) -> None:
        children = inline.children or []
        dead = False
        for n, child in enumerate(children):
            if child.type == "link_open":
                href = self._href(str(child.attrGet("href") or ""))
                if href is None:
                    title = html.escape(str(child.attrGet("href") or ""))
                    children[n] = _html_token(
                        "html_inline", f'<span class="offsite-link" title="{title}">'
                    )
                    dead = True
                else:
                    child.attrSet("href", href)
            elif child.type == "link_close" and dead:
                children[n] = _html_token("html_inline", "</span>")
                dead = False

    def _href(self, href: str) -> str | None:
        if href.startswith("#"):
            return "#" + safe_id(unquote(href[1:]))
        if SCHEME.match(href) or href.startswith("//"):
            return href  # another site; markdown-it already refused javascript: and the like
        return self.resolve_link(href)


def no_links(href: str) -> str | None:
    """A `resolve_link` for pages with no neighbours: every relative link is plain text."""
    return None


def render_page(body: str, resolve_link: Callable[[str], str | None] = no_links) -> HtmlPage:
    """The HTML of a docs page body (front matter removed), and what it holds."""
    md = markdown()
    env: dict[str, Any] = {}
    tokens, anchors = _parse_without_anchor_lines(body, md, env)
    walker = _PageWalker(anchors, resolve_link)
    tokens = walker.walk(tokens)
    walker.page.html = md.renderer.render(tokens, md.options, env)
    return walker.page
