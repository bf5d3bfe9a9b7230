"""The argument and attribute bullets of a page, as sections of fields.

A section is the top-level list of a reference part, or a block section opened by a `---`
rule, a "The `x` block supports the following:" paragraph or a "`x` block" heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...diagnostics import Location
from .markdown import Element, Page
from .report import Report

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FIELD = re.compile(r"`([^`\n]+)`\s*(?:[-\u2013\u2014:]\s*)?(.*)", re.S)
_FLAG = re.compile(r"\(([^)]*)\)\s*(.*)", re.S)
_BLOCK_INTRO = re.compile(
    r"(?:(?:the|an?|each)\s+)?`(\w+)`\s+(?:blocks?\s+|objects?\s+)?"
    r"(?:supports|contains|exports|has|accepts|includes)\b[^.]*[:.]?",
    re.I,
)
_HEADING_BLOCK = re.compile(r"`(\w+)`\s*(?:blocks?\b|$)", re.I)
_TOP_INTRO = re.compile(
    r"following (?:arguments|attributes) are (?:supported|exported)|in addition to the arguments",
    re.I,
)
_NOTE = re.compile(r"(?:[-~!]>|\*\*note)", re.I)
_LAZY_CALLOUT = re.compile(r"[ \t]*\n[ \t]*(?=(?:~>|->|!>)[ \t])")


@dataclass
class Field:
    name: str
    flag: str  # the "(Required)" marker, without parentheses
    text: str
    loc: Location

    @property
    def head(self) -> str:  # the bullet's own paragraph, without appended notes
        return self.text.split("\n\n")[0]


@dataclass
class Section:
    index: int
    block: str | None  # None: the top-level arguments / attributes
    attrs: bool
    loc: Location
    fields: list[Field] = field(default_factory=list)
    extras: list[Section] = field(default_factory=list)  # exported fields merged in
    reached: bool = False

    def with_extras(self, computed: bool) -> list[FieldUse]:
        """The section's own fields, then those of the exported sections merged in."""
        items = [(f, self, computed) for f in self.fields]
        items += [(f, x, True) for x in self.extras for f in x.fields]
        return items


FieldUse = tuple[Field, Section, bool]  # a field, the section it is in, whether computed


def parse_field(item: str, line: int, page: Page, report: Report) -> Field | None:
    """A bullet of the form "`name` - (Flag) text", else None."""
    m = _FIELD.match(item.strip())
    if m is None or not _NAME.fullmatch(m.group(1)):
        return None
    rest = m.group(2).strip()
    flag = ""
    fm = _FLAG.match(rest)
    if fm:
        flag, rest = fm.group(1).strip(), fm.group(2).strip()
    # A callout written on the line under the bullet, without a blank line, is its own
    # paragraph all the same (the registry renders it as a callout): keep it out of the
    # bullet's head, where its words would be read as the argument's values.
    rest = _LAZY_CALLOUT.sub("\n\n", rest)
    return Field(m.group(1), flag, rest, report.loc(line, page.name_col(line)))


def read_sections(page: Page, report: Report) -> list[Section]:
    """The sections of the Arguments and then the Attributes Reference, in page order."""
    sections: list[Section] = []
    for key, attrs in (("argument", False), ("attribute", True)):
        for _, body in page.parts.get(key, []):
            _read_body(body, attrs, page, report, sections)
    return sections


def _read_body(
    els: list[Element], attrs: bool, page: Page, report: Report, sections: list[Section]
) -> None:
    current: Section | None = None
    last: Field | None = None
    for el in els:
        text = el.text.strip()
        if el.kind == "hr":
            last = None
        elif el.kind in ("para", "heading"):
            m = (_BLOCK_INTRO if el.kind == "para" else _HEADING_BLOCK).match(text)
            if m or _TOP_INTRO.search(text):
                block = m.group(1) if m else None
                col = page.name_col(el.start) if m else 1
                current = Section(len(sections), block, attrs, report.loc(el.start, col))
                sections.append(current)
                last = None
            elif last is not None and el.kind == "para" and _NOTE.match(text):
                last.text += "\n\n" + text
        elif el.kind == "list":
            if current is None:
                current = Section(len(sections), None, attrs, report.loc(el.start))
                sections.append(current)
            for item, line in el.items:
                f = parse_field(item, line, page, report)
                if f is None:
                    report.bag.warning(
                        "docs-unparsed-bullet",
                        'bullet is not of the form "`name` - (Required|Optional) text"',
                        report.loc(line),
                    )
                    continue
                current.fields.append(f)
                last = f
