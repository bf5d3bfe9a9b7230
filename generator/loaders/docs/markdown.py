"""The page's structure from markdown-it: bytes to text, front matter, and top-level elements
grouped under the `##` headings that name the reference sections."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from .report import Report

# Kinds of `##` section, found by a word of the heading; "" for any other section.
KINDS = ("example", "argument", "attribute", "timeout", "import", "api provider")


@dataclass
class Element:
    kind: str  # heading | para | list | fence | hr
    start: int  # 0-based first line
    end: int  # 0-based line after the element
    text: str = ""
    level: int = 0
    info: str = ""
    items: list[tuple[str, int]] = field(default_factory=list)  # (item text, 0-based line)


Part = tuple[Element, list[Element]]  # a `#`/`##` heading and the elements under it


@dataclass
class Page:
    lines: list[str]  # front matter blanked out
    meta: dict[str, str]  # the front matter
    title: Element | None
    intro: list[Element]  # between the title and the first section
    parts: dict[str, list[Part]]  # sections by kind, see KINDS

    def source(self, el: Element) -> str:
        return "\n".join(self.lines[el.start : el.end]).strip()

    def name_col(self, line0: int) -> int:
        """The 1-based column of the first backtick on a line (where a name starts), else 1."""
        col = self.lines[line0].find("`") + 1 if line0 < len(self.lines) else 1
        return max(col, 1)


def decode(data: bytes, report: Report) -> str | None:
    where = report.loc(0)
    if b"\x00" in data:
        report.bag.error("docs-binary", "file is binary, not a Markdown page", where)
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n")
        report.bag.error(
            "docs-encoding", "file is not UTF-8 text", report.loc(line), "save as UTF-8"
        )
        return None
    if not text.strip():
        report.bag.error("docs-empty", "docs page is empty", where, "point at a docs page")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def front_matter(lines: list[str], report: Report) -> dict[str, str]:
    """Read the front matter and blank its lines out of `lines`."""
    if not lines or lines[0].strip() != "---":
        return {}
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
    if not end:
        report.bag.warning("docs-front-matter", "front matter has no closing `---`", report.loc(0))
        return {}
    raw = "\n".join(lines[1:end])
    for i in range(end + 1):
        lines[i] = ""
    try:
        data = YAML(typ="safe", pure=True).load(raw)
    except Exception:  # ruamel raises many types for bad YAML; none of them matter here
        report.bag.warning("docs-front-matter", "front matter is not valid YAML", report.loc(0))
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v).strip() for k, v in data.items() if isinstance(v, (str, int, float))}


def elements(text: str) -> list[Element]:
    """The top-level elements; a list keeps the inline text of each item's paragraphs."""
    tokens = MarkdownIt("commonmark").parse(text)
    out: list[Element] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        span = t.map or [0, 0]
        if t.level != 0:
            i += 1
            continue
        if t.type in ("heading_open", "paragraph_open") and i + 1 < len(tokens):
            kind = "heading" if t.type == "heading_open" else "para"
            level = int(t.tag[1:]) if kind == "heading" else 0
            out.append(Element(kind, span[0], span[1], tokens[i + 1].content, level))
        elif t.type in ("fence", "code_block"):
            out.append(Element("fence", span[0], span[1], t.content, info=t.info.strip()))
        elif t.type == "hr":
            out.append(Element("hr", span[0], span[1]))
        elif t.type in ("bullet_list_open", "ordered_list_open"):
            el = Element("list", span[0], span[1])
            i += 1
            parts: list[str] = []
            line = span[0]
            while i < len(tokens) and tokens[i].level > 0:
                tok = tokens[i]
                if tok.type == "list_item_open" and tok.level == 1:
                    if parts:
                        el.items.append(("\n\n".join(parts), line))
                    parts, line = [], (tok.map or [line])[0]
                elif tok.type == "inline" and tok.level == 3:
                    parts.append(tok.content)
                i += 1
            if parts:
                el.items.append(("\n\n".join(parts), line))
            out.append(el)
        i += 1
    return out


def read_page(text: str, report: Report) -> Page:
    """Split the page into its title, intro and `##` sections (grouped by kind)."""
    lines = text.split("\n")
    meta = front_matter(lines, report)
    title: Element | None = None
    intro: list[Element] = []
    parts: list[Part] = []
    for el in elements("\n".join(lines)):
        if el.kind == "heading" and el.level == 1 and title is None and not parts:
            title = el
        elif el.kind == "heading" and el.level <= 2:
            parts.append((el, []))
        elif parts:
            parts[-1][1].append(el)
        elif title is not None:
            intro.append(el)
    kinds: dict[str, list[Part]] = {}
    for heading, body in parts:
        low = heading.text.lower()
        key = next((k for k in KINDS if k in low), "")
        kinds.setdefault(key, []).append((heading, body))
    return Page(lines, meta, title, intro, kinds)
