"""How deeply a YAML text nests, measured before any parser sees it.

libyaml (through ruamel's C composer) recurses once per level and crashes the process
(a segmentation fault, no diagnostic) somewhere past ten thousand levels; a spec needs a
few dozen. This scan is linear, allocation-free per character and errs on the deep side:
flow brackets outside quoted scalars and comments, plus block indentation levels and the
sequence dashes and explicit key and value indicators that open a line, count as levels.
"""

from __future__ import annotations

import re

MAX_DEPTH = 256
# Every line break a YAML parser knows: CR and LF (YAML 1.2), and NEL, LS and PS, which
# libyaml (YAML 1.1) also breaks lines at. Splitting on LF alone let a comment hide the
# rest of its "line" from this scan while libyaml read it as nesting (found by fuzzing).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


_INDENT = re.compile(r"\n *")
# Two indicators opening one line (`- - x`, `? ? x`, `- : x`): compact nesting.
_COMPACT = re.compile(r"^ *[-?:] +[-?:](?: |$)", re.MULTILINE)


def _cannot_overflow(text: str, limit: int) -> bool:
    """A cheap bound on what `nesting_overflow` measures, for the common case.

    The scan's block depth is a stack of strictly increasing indentations (at most one
    level per distinct indentation in the text) plus the indicators opening one line (one,
    unless a line opens with two); its flow depth is at most the count of `[` and `{`. When
    the sum of those bounds is within `limit`, no scan can find more."""
    if any(c in text for c in "\r\x85\u2028\u2029") or _COMPACT.search(text):
        return False  # other line breaks, or compact nesting: the exact scan decides
    indents = set(_INDENT.findall("\n" + text))
    return len(indents) + 1 + text.count("[") + text.count("{") <= limit


def nesting_overflow(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """(line, column) where the nesting first exceeds `limit`, or None.

    Quotes are tracked within a line only: a bracket inside a multi-line quoted scalar
    counts, which can only make the estimate deeper, never shallower."""
    if _cannot_overflow(text, limit):
        return None
    return _scan(text, limit)


def _scan(text: str, limit: int) -> tuple[int, int] | None:
    """The exact scan, line by line."""
    flow = 0
    indents: list[int] = []
    for line_no, line in enumerate(_LINE_BREAK.split(text), start=1):
        stripped = line.lstrip(" ")
        if stripped and not stripped.startswith("#") and flow == 0:
            indent = len(line) - len(stripped)
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            dashes = 0
            rest = stripped
            # Compact nesting on one line: `- - x`, and explicit keys and values too,
            # `? ? x` and `: : x` (a fuzzer's `? ` repeated 60,000 times crashed libyaml).
            while rest[:2] in ("- ", "? ", ": ") or rest in ("-", "?", ":"):
                dashes += 1
                rest = rest[2:].lstrip(" ")
            if len(indents) + dashes > limit:
                return line_no, indent + 1
        if "[" not in line and "{" not in line and not flow:
            continue
        found = _flow(line, flow, limit - len(indents))
        if isinstance(found, tuple):
            return line_no, found[0]
        flow = found
    return None


def _flow(line: str, depth: int, limit: int) -> int | tuple[int]:
    """The flow depth after `line`, or (column,) where it passes `limit`."""
    quote = ""
    col = 0
    while col < len(line):
        ch = line[col]
        if quote:
            if ch == quote:
                if quote == "'" and line[col + 1 : col + 2] == "'":
                    col += 1  # '' is an escaped quote inside '...'
                else:
                    quote = ""
            elif ch == "\\" and quote == '"':
                col += 1
        elif ch in "\"'" and (col == 0 or line[col - 1] in " \t[{,:-?"):
            quote = ch
        elif ch == "#" and (col == 0 or line[col - 1] in " \t"):
            break
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return (col + 1,)
        elif ch in "]}" and depth:
            depth -= 1
        col += 1
    return depth
