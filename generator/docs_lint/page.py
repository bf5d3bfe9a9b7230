"""A page's Markdown as located elements, from markdown-it tokens.

The import-docs reader (`loaders/docs/markdown.py`) keeps the top-level elements by line;
a linter also needs where on the line things are (a bullet's name, a link, an anchor),
every link and HTML anchor at any depth, and every fenced code block with the offset of
its first line. Lines and columns here are 1-based page positions: the front matter is
blanked before parsing, so markdown-it's line numbers are the page's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # inline Markdown
    plain: str  # the rendered text (no backticks), which anchors are made from
    line: int
    col: int


@dataclass(frozen=True)
class Para:
    text: str
    line: int
    end: int  # 1-based line after the paragraph


@dataclass(frozen=True)
class Item:
    """A top-level list item: its own paragraphs' text, joined by blank lines."""

    text: str
    line: int
    end: int
    name_col: int  # the column of the first backtick on its first line, else the marker's
    nested: tuple[str, ...] = ()  # the paragraphs of lists inside it, each on its own


@dataclass(frozen=True)
class Rule:
    line: int


@dataclass(frozen=True)
class Fence:
    info: str  # the language word (`hcl`), lower case
    content: str
    line: int  # the opening fence line
    body_line: int  # the page line of the content's first line
    indent: int  # columns markdown-it removed from each content line (fences in list items)


Element = Heading | Para | Item | Rule | Fence


@dataclass(frozen=True)
class Link:
    href: str
    line: int
    col: int


@dataclass(frozen=True)
class Anchor:
    name: str
    line: int
    col: int
    explicit: bool  # an `<a id|name>`; False for a heading's own anchor


@dataclass
class Page:
    lines: list[str]
    elements: list[Element] = field(default_factory=list)  # top level, in page order
    fences: list[Fence] = field(default_factory=list)  # at any depth
    links: list[Link] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)


_ANCHOR = re.compile(r"""<a\s[^>]*?\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_SLUG_DROP = re.compile(r"[^\w\- ]", re.U)
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_BULLET_NAME = re.compile(r"`([A-Za-z_][\w.]*)`")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


def slug(text: str) -> str:
    """A heading's anchor as the Registry and GitHub make it: lower case, punctuation
    dropped, spaces as hyphens."""
    return _SLUG_DROP.sub("", text.strip().lower()).replace(" ", "-")


def parse(lines: list[str], blank_until: int = -1) -> Page:
    """The page's elements; lines up to `blank_until` (the front matter) are left out."""
    body = ["" if i <= blank_until else line for i, line in enumerate(lines)]
    page = Page(lines)
    tokens = _parser().parse("\n".join(body))
    _Walker(page, tokens).run()
    return page


def _plain(tok: Token) -> str:
    parts = [c.content for c in tok.children or [] if c.type in ("text", "code_inline")]
    return "".join(parts)


class _Walker:
    def __init__(self, page: Page, tokens: list[Token]) -> None:
        self.page = page
        self.tokens = tokens
        self.seen_slugs: dict[str, int] = {}

    def run(self) -> None:
        toks = self.tokens
        i = 0
        while i < len(toks):
            t = toks[i]
            span = t.map or [0, 0]
            self._scan(t)
            if t.level != 0:
                i += 1
                continue
            if t.type == "heading_open" and i + 1 < len(toks):
                inline = toks[i + 1]
                col = len(self.page.lines[span[0]]) - len(self.page.lines[span[0]].lstrip()) + 1
                plain = _plain(inline)
                self.page.elements.append(
                    Heading(int(t.tag[1:]), inline.content, plain, span[0] + 1, col)
                )
                self._heading_anchor(plain, span[0] + 1)
            elif t.type == "paragraph_open" and i + 1 < len(toks):
                self.page.elements.append(Para(toks[i + 1].content, span[0] + 1, span[1] + 1))
            elif t.type in ("fence", "code_block"):
                self.page.elements.append(self._fence(t))
            elif t.type == "hr":
                self.page.elements.append(Rule(span[0] + 1))
            elif t.type == "html_block":
                self._headings_in_html(t)
            elif t.type in ("bullet_list_open", "ordered_list_open"):
                i = self._list(i)
                continue
            i += 1

    def _list(self, i: int) -> int:
        """Read one top-level list into Items; returns the index after it."""
        toks = self.tokens
        i += 1
        parts: list[str] = []
        nested: list[str] = []
        start = end = 0
        while i < len(toks) and toks[i].level > 0:
            tok = toks[i]
            self._scan(tok)
            if tok.type == "list_item_open" and tok.level == 1:
                if parts or nested or start:
                    self._item(parts, nested, start, end)
                span = tok.map or [0, 0]
                parts, nested, start, end = [], [], span[0] + 1, span[1] + 1
            elif tok.type == "inline" and tok.level == 3:
                parts.append(tok.content)
            elif tok.type == "inline" and tok.level > 3:
                nested.append(tok.content)  # a list inside the item: its values, say
            i += 1
        if parts or nested or start:
            self._item(parts, nested, start, end)
        # the list's closing token is at level 0: step over it
        return i + 1

    def _item(self, parts: list[str], nested: list[str], line: int, end: int) -> None:
        text = self.page.lines[line - 1] if 0 < line <= len(self.page.lines) else ""
        tick = text.find("`")
        marker = len(text) - len(text.lstrip()) + 1
        col = tick + 1 if tick >= 0 else marker
        joined = "\n\n".join(parts)
        self.page.elements.append(Item(joined, line, end, col, tuple(nested)))
        m = _BULLET_NAME.match(joined)
        if m:  # the Registry gives each argument bullet an anchor of its name
            self._add_anchor(m.group(1), line, col)

    def _fence(self, t: Token) -> Fence:
        span = t.map or [0, 0]
        first = span[0] + (1 if t.type == "fence" else 0)  # 0-based first content line
        # markdown-it strips a list item's indentation from the content: found again on
        # the first line with text, it is added back to the parser's columns.
        indent = 0
        for k, text in enumerate(t.content.split("\n")):
            if text.strip():
                src = self.page.lines[first + k] if first + k < len(self.page.lines) else ""
                indent = max(src.find(text), 0)
                break
        info = t.info.strip().split(" ")[0].lower() if t.type == "fence" else ""
        return Fence(info, t.content, span[0] + 1, first + 1, indent)

    def _heading_anchor(self, plain: str, line: int) -> None:
        self._add_anchor(slug(plain), line, 1)

    def _add_anchor(self, base: str, line: int, col: int) -> None:
        n = self.seen_slugs.get(base, 0)
        self.seen_slugs[base] = n + 1
        name = base if n == 0 else f"{base}-{n}"
        self.page.anchors.append(Anchor(name, line, col, False))

    def _headings_in_html(self, t: Token) -> None:
        """ATX headings glued under an HTML block (`</div>` then `## Example Usage` with no
        blank line between, as 257 Google pages have it): strict CommonMark keeps them
        in the block as text; the page means a heading, and it is read as one."""
        first = (t.map or [0, 0])[0]
        for k, raw in enumerate(t.content.split("\n")):
            m = _ATX.match(raw)
            if m is None or k == 0:
                continue
            text = m.group(2).strip()
            plain = text.replace("`", "")
            self.page.elements.append(Heading(len(m.group(1)), text, plain, first + k + 1, 1))
            self._heading_anchor(plain, first + k + 1)

    def _scan(self, t: Token) -> None:
        """Links, anchors and fences inside any token."""
        if t.type in ("fence", "code_block"):
            self.page.fences.append(self._fence(t))
        if t.type == "html_block":
            self._anchors(t.content, (t.map or [0, 0])[0])
        if t.type != "inline" or not t.children:
            return
        span = t.map or [0, 0]
        cursor = (span[0], 0)
        for child in t.children:
            if child.type == "html_inline":
                self._anchors(child.content, span[0], span[1])
            elif child.type in ("link_open", "image"):
                attr = "href" if child.type == "link_open" else "src"
                href = str(child.attrs.get(attr, ""))
                # markdown-it percent-encodes the destination; the page may spell it plain.
                line, col, after = locate(self.page.lines, span, href, cursor)
                if after == cursor and unquote(href) != href:
                    line, col, after = locate(self.page.lines, span, unquote(href), cursor)
                cursor = after
                self.page.links.append(Link(href, line, col))

    def _anchors(self, html: str, first: int, stop: int | None = None) -> None:
        for m in _ANCHOR.finditer(html):
            name = m.group(1) if m.group(1) is not None else m.group(2)
            line, col, _ = locate(
                self.page.lines, [first, stop or len(self.page.lines)], m.group(0), (first, 0)
            )
            self.page.anchors.append(Anchor(name, line, col, True))


def locate(
    lines: list[str], span: list[int], needle: str, cursor: tuple[int, int]
) -> tuple[int, int, tuple[int, int]]:
    """The 1-based line and column of `needle` in lines[span], searching from `cursor`
    (0-based line, column); the span's first line when the page spells it otherwise (a
    reference-style link, an escaped character)."""
    row, col = cursor
    end = min(span[1], len(lines)) if len(span) > 1 else len(lines)
    if needle:
        for r in range(row, max(end, row + 1)):
            if r >= len(lines):
                break
            pos = lines[r].find(needle, col if r == row else 0)
            if pos >= 0:
                return r + 1, pos + 1, (r, pos + len(needle))
    first = span[0] if span else 0
    return first + 1, 1, cursor
