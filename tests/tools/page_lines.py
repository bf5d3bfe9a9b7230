"""A line scanner for machine-written docs pages: the blocks `page_structure` needs.

Blocks, in page order: `heading` (level, text), `fence` (info string, body), `item` (a
top-level `*` / `-` / `+` bullet with its continuation lines, each stripped, joined by
newlines), `anchor` (the id of an `<a name="x"></a>` / `<a id="x"></a>` line) and
`para` (any other text line). The front matter is skipped. Continuation lines of a bullet
are the indented lines after it (across blank lines) and unindented text lines right
under it (Markdown's lazy continuation); a blank line and then unindented text ends it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ANCHOR = re.compile(r'<a\s+(?:name|id)="([^"]+)"\s*>\s*</a>')
_HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})\s*([^`]*)$")
_BULLET = re.compile(r"[*+-]\s+(.*)$")
_RULE = re.compile(r" {0,3}([-*_])(?:\s*\1){2,}\s*$")


@dataclass
class Block:
    kind: str  # heading | fence | item | anchor | para
    text: str
    level: int = 0
    info: str = ""


def _front_matter_end(lines: list[str]) -> int:
    if not lines or lines[0].strip() != "---":
        return 0
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return i + 1
    return 0


def scan_page(text: str) -> list[Block]:
    lines = text.replace("\r\n", "\n").split("\n")
    out: list[Block] = []
    item: list[str] | None = None  # the open bullet's lines
    blank = False  # the previous line was blank
    i = _front_matter_end(lines)

    def close() -> None:
        nonlocal item
        if item is not None:
            out.append(Block("item", "\n".join(item)))
            item = None

    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if fence is not None:
            close()
            marker, body = fence.group(1), []
            i += 1
            while i < len(lines):
                end = re.match(r" {0,3}(`{3,}|~{3,})\s*$", lines[i])
                if end and end.group(1)[0] == marker[0] and len(end.group(1)) >= len(marker):
                    break
                body.append(lines[i])
                i += 1
            out.append(Block("fence", "\n".join(body) + "\n", info=fence.group(2).strip()))
            i, blank = i + 1, False
            continue
        stripped = line.strip()
        if not stripped:
            blank = True
        elif (heading := _HEADING.match(line)) is not None:
            close()
            out.append(Block("heading", heading.group(2), level=len(heading.group(1))))
        elif (anchor := ANCHOR.search(line)) is not None and not line[:1].isspace():
            close()
            out.append(Block("anchor", anchor.group(1)))
        elif _RULE.match(line):
            close()
        elif (bullet := _BULLET.match(line)) is not None:
            close()
            item = [bullet.group(1).strip()]
        elif item is not None and (line[:1].isspace() or not blank):
            item.append(stripped)
        else:
            close()
            out.append(Block("para", stripped))
        if stripped:
            blank = False
        i += 1
    close()
    return out
