"""The Arguments and Attributes Reference as block sections of located fields.

A section is the top-level list of a part ("The following arguments are supported:"), or
a block section opened by "A `x` block supports the following:" (azurerm), by
`<a name="nested_x"></a>The `x` block supports:` (google), or by a "`x` block" heading.
A field is a bullet "`name` - (Flag) description"; what it refers to is read here (the
"A `x` block as defined below" wording of import-docs, and the internal links of the
bullet), and resolved in `blocks`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Location
from ..loaders.docs.wording import BlockRef, block_ref
from .codes import finding
from .page import Anchor, Heading, Item, Page, Para, locate

# `network_interface.0.network_ip`: Google's older pages name nested attributes by path.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.(?:[0-9]+|[A-Za-z_][A-Za-z0-9_]*))*")
_FIELD = re.compile(r"`([^`\n]+)`\s*(?:[-\u2013\u2014:]\s*)?(.*)", re.S)
_FLAG = re.compile(r"\(([^)]*)\)\s*(.*)", re.S)
_LEADING_HTML = re.compile(r"^(?:\s*<a\s[^>]*>\s*</a>\s*|\s*<a\s[^>]*/>\s*)+", re.I)
_BLOCK_INTRO = re.compile(
    r"(?:(?:the|an?|each)\s+)?`(\w+)`\s+(?:blocks?\s+|objects?\s+)?(?:\([^)]*\)\s+)?"
    r"(?:supports|contains|exports|has|holds|provides|accepts|includes)\b",
    re.I,
)
_HEADING_BLOCK = re.compile(r"`(\w+)`\s*(?:blocks?\b|$)", re.I)
_TOP_INTRO = re.compile(
    r"following (?:arguments|attributes) are (?:supported|exported)|in addition to the arguments",
    re.I,
)
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
PARTS = {"arguments": re.compile(r"^arguments? reference$"), "attributes": re.compile(r"^attrib")}


@dataclass
class Field:
    name: str
    flag: str  # "Required", "Optional", "Output"..., without the parentheses
    description: str  # the text after the flag, every paragraph of the bullet
    nested: tuple[str, ...]  # the paragraphs of lists inside the bullet
    head: str  # the bullet's first paragraph, links reduced to their text
    loc: Location
    end: int  # the 1-based line after the bullet
    links: list[tuple[str, str]]  # (text, anchor) of its internal links, `#` left off
    ref: BlockRef | None  # "A `x` block as defined below"
    section: BlockSection


@dataclass
class BlockSection:
    index: int
    name: str | None  # None for the top-level fields of a part, or a section with no name
    part: str  # arguments | attributes
    loc: Location
    anchors: list[str] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    top: bool = False  # the part's own fields ("The following arguments are supported:")

    @property
    def label(self) -> str:
        if self.name:
            return f"`{self.name}` block"
        return f"top-level {self.part}" if self.top else f"section at line {self.loc.line}"


def plain_links(text: str) -> str:
    """`[text](href)` as `text`: wording rules read what the reader sees."""
    return _LINK.sub(lambda m: m.group(1), text)


def internal_links(text: str) -> list[tuple[str, str]]:
    return [
        (m.group(1).replace("`", "").strip(), m.group(2)[1:])
        for m in _LINK.finditer(text)
        if m.group(2).startswith("#")
    ]


def read_sections(page: Page, display: str) -> tuple[list[BlockSection], list[Diagnostic]]:
    """The sections of the Arguments, then the Attributes Reference, in page order."""
    sections: list[BlockSection] = []
    diags: list[Diagnostic] = []
    part: str | None = None
    current: BlockSection | None = None
    anchors = sorted((a for a in page.anchors if a.explicit), key=lambda a: a.line)
    prev_line = 0
    for el in page.elements:
        if isinstance(el, Heading) and el.level <= 2:
            low = " ".join(el.plain.lower().split())
            part = next((k for k, p in PARTS.items() if p.search(low)), None)
            current = None
        elif part is None:
            pass
        elif isinstance(el, (Para, Heading)):
            text = _LEADING_HTML.sub("", el.text).strip()
            m = (_BLOCK_INTRO if isinstance(el, Para) else _HEADING_BLOCK).match(text)
            top = m is None and bool(_TOP_INTRO.search(text))
            # A `###` heading opens a section even when it names no block ("### Method
            # Object Structure"): its bullets are not the part's own.
            if m or top or isinstance(el, Heading):
                end = el.end if isinstance(el, Para) else el.line + 1
                line, col = el.line, 1
                if m:  # at the block's name, which may follow an anchor line
                    span = [el.line - 1, end - 1]
                    line, col, _ = locate(page.lines, span, f"`{m.group(1)}`", (el.line - 1, 0))
                current = BlockSection(
                    len(sections),
                    m.group(1) if m else None,
                    part,
                    Location(display, line, col),
                    _anchors_between(anchors, prev_line, end),
                    top=top,
                )
                sections.append(current)
        elif isinstance(el, Item) and el.text.lstrip().startswith("`"):
            # Only a bullet that starts with a name is a field; others are prose lists
            # (a field's values, spelled out as bullets).
            if current is None:
                loc = Location(display, el.line, 1)
                current = BlockSection(len(sections), None, part, loc, top=True)
                sections.append(current)
            f = _field(el, current, display)
            if f is None:
                diags.append(
                    finding(
                        "lint-bullet-unparsed",
                        'bullet is not of the form "`name` - (Required|Optional) description"',
                        Location(display, el.line, el.name_col),
                        "write the field's name in backticks, a dash, its flag and its description",
                    )
                )
            else:
                current.fields.append(f)
        prev_line = getattr(el, "end", getattr(el, "line", prev_line))
    return sections, diags


def _anchors_between(anchors: list[Anchor], after: int, before: int) -> list[str]:
    """The `<a name>` anchors just above or on a section's intro."""
    return [a.name for a in anchors if after <= a.line < before]


def _field(item: Item, section: BlockSection, display: str) -> Field | None:
    m = _FIELD.match(item.text.strip())
    if m is None or not _NAME.fullmatch(m.group(1)):
        return None
    rest = m.group(2).strip()
    flag = ""
    fm = _FLAG.match(rest)
    if fm:
        flag, rest = fm.group(1).strip(), fm.group(2).strip()
    head = plain_links(item.text.split("\n\n")[0])
    return Field(
        m.group(1),
        flag,
        rest,
        item.nested,
        head,
        Location(display, item.line, item.name_col),
        item.end,
        internal_links("\n\n".join((item.text,) + item.nested)),
        block_ref(head),
        section,
    )
