"""Lay generated Go out exactly as gofmt would, without starting gofmt, or say it cannot.

gofmt was the go target's largest single cost on a cold corpus run (docs/performance.md):
it parses and prints every byte again, while what our templates and code builders leave
for it to do is whitespace. This does that whitespace in one pass over the lines, for the
shapes mmgen writes:

- indentation: one tab per group of brackets left open by an earlier line (brackets opened
  on one line indent the lines after it once; a line starting with closers is dedented),
  `case`/`default` one level out;
- blank lines: none at the start, at most one in a row, none before the closing bracket
  of anything but a block, none first in a struct, `var (` or import block;
- alignment, gofmt's rules restated (go/printer's `exprList`, `fieldList` and value specs
  over text/tabwriter): the values of consecutive single-line `key: value` elements of a
  composite literal, the types and tags of consecutive single-line struct fields, the
  types and values of `var (` specs, and the trailing comments of adjacent lines, in
  columns one space wider than the widest cell, sections broken where gofmt breaks them
  (a multi-line element, a blank line, a key much longer or shorter than the geometric
  mean of the keys before it).

Anything outside those shapes (a block comment, a multi-line raw string, a continued
expression, a label, a `const (` block, an opener followed by more code on its line,
unsorted imports, a doc comment gofmt would rewrite, spacing inside a statement) makes
`layout` return None, and the caller gives that file to gofmt. Nothing decides the layout
but the text itself, and the tests hold it to gofmt byte for byte: on hypothesis-made Go
(tests/targets/test_go_layout.py) and on every Go file of the Magic Modules corpus
(tests/loaders/test_corpus_generation.py), the kitchen golden and the embedded specs.
"""

from __future__ import annotations

import functools
import math
import re

# Strings, runes and comments masked out of a line before its brackets are counted.
_MASK = re.compile(r'"(?:[^"\\\n]|\\.)*"|`[^`\n]*`|\'(?:[^\'\\\n]|\\.)*\'|//.*|/\*')
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_NOT_BRACKET_BYTES = bytes(sorted(set(range(256)) - set(b"()[]{}")))
_OPERATOR_END = frozenset("&|+-*/%^<>=!.")
_OPEN = "([{"
# A single-line composite literal element `key: value,` (the key a name, a selector or a
# string literal); group 1 the key as written.
_KEY_VALUE = re.compile(r'^("(?:[^"\\]|\\.)*"|[A-Za-z_][\w.]*):\s+(\S.*,)$')
# A single-line named struct field with an optional tag.
_FIELD = re.compile(r"^([A-Za-z_]\w*)\s+([^\s`]+)(?:\s+(`[^`]*`))?$")
# What a line may end with and still be complete (no expression continued on the next).
_CONTINUED = re.compile(r"(?:&&|\|\||[-+*/%&|^<>=!]|<<|>>|&\^|\.)$")
_CASE = re.compile(r"^(?:case\b.*|default):$")
# Doc comment text that gofmt rewrites (indented lines, lists, headings, directives aside).
_DOC_REWRITTEN = re.compile(r"^//(?:[ \t]{2}|\t|[ ]?(?:[-*+•]|\d+[.)])\s|[ ]?#\s)")

# gofmt's alignment constants (go/printer exprList): keys up to 40 bytes always align;
# beyond that a key more than 2.5 times off the geometric mean starts a new section.
_SMALL_KEY = 40
_KEY_RATIO = 2.5

_LIT, _BLOCK, _STRUCT, _IMPORT, _PAREN, _VAR = range(6)
_NO_BLANK_FIRST = (_STRUCT, _IMPORT, _VAR)
_IMPORT_SPEC = re.compile(r'^(?:[A-Za-z_]\w* )?("[^"\\]*")$')
# A `var (` block's spec, the only kind mmgen writes: one name, a type and a value.
_VAR_SPEC = re.compile(r"^([A-Za-z_]\w*)\s+([^\s=]+)\s+=\s+(\S.*)$")


class _Uncertain(Exception):
    """The text holds a shape whose layout this module does not know."""


class _Group:
    """Brackets opened together on one line: they indent the lines after it once."""

    __slots__ = ("open", "kind", "prev_size", "lnsum", "count", "section", "used")

    def __init__(self, open_count: int, kind: int) -> None:
        self.open = open_count
        self.kind = kind
        self.prev_size = -1  # key size of the previous element; -1 before the first
        self.lnsum = 0.0
        self.count = 0
        self.section: list[int] | None = None  # line numbers of the open alignment section
        self.used = False  # a line inside (gofmt writes an empty `{\n}` literal as `{}`)


def layout(text: str) -> str | None:
    """`text` as gofmt prints it, or None when it holds a shape this does not handle."""
    try:
        return _layout(text)
    except _Uncertain:
        return None


def _kind_of(code: str, parent: int | None) -> int:
    last = code[-1]
    if last == "{":
        if code.endswith("struct {"):
            return _STRUCT
        if code.endswith("interface {"):
            raise _Uncertain
        if code == "{":
            # An element of a literal of literals, or a bare block among statements.
            return _LIT if parent in (_LIT, _PAREN) else _BLOCK
        return _BLOCK if code[-2] == " " else _LIT
    if last == "(":
        if code == "import (":
            return _IMPORT
        if code == "var (":
            return _VAR
        if code in ("const (", "type ("):
            raise _Uncertain
        return _PAREN
    return _PAREN


def _layout(text: str) -> str:
    out: list[str] = []
    stack: list[_Group] = []
    sections: list[tuple[int, list[int]]] = []  # (kind, line numbers), aligned at the end
    cells: dict[int, list[str]] = {}
    doc_suspect = False  # a top-level comment gofmt would rewrite if it is a doc comment
    commented: list[int] = []  # lines with a trailing comment
    blank = False
    imports: list[str] = []
    for raw in text.split("\n"):
        s = raw.strip(" \t")
        if not s:
            # gofmt drops a blank line first in a struct, `var (` or import block.
            if out and not (stack and not stack[-1].used and stack[-1].kind in _NO_BLANK_FIRST):
                blank = True
            doc_suspect = False
            continue
        commented_line = False
        if "/" not in s and "`" not in s and "'" not in s:
            # The common line: plain strings at most (a regex with a constant replacement).
            code = _STRING.sub('""', s) if '"' in s else s
            if code.count('"') & 1:
                raise _Uncertain  # a string left open
        else:
            code = _MASK.sub(_masked, s)
            if "`" in code or code.count('"') & 1 or "'" in code or "/*" in code:
                raise _Uncertain  # a raw string or comment running onto the next line
            if code == "\x00":
                # A comment line: outside any bracket, a doc comment gofmt may rewrite.
                if stack and stack[-1].kind != _BLOCK:
                    raise _Uncertain
                if not stack and _DOC_REWRITTEN.match(s):
                    # gofmt rewrites such text in a doc comment: fine if a blank line
                    # follows the comment (then it documents nothing), else uncertain.
                    doc_suspect = True
                if blank:
                    out.append("")
                    blank = False
                out.append("\t" * len(stack) + s)
                if stack:
                    stack[-1].used = True  # a block's comment (no other group has one)
                continue
            if "\x00" in code:
                # A trailing comment: gofmt puts it in a column of its own, one space after
                # the code when no line next to it has one (checked at the end).
                if not stack or stack[-1].kind != _BLOCK:
                    raise _Uncertain
                start = [m.start() for m in _MASK.finditer(s)][-1]
                code = code[:-1].rstrip()
                if not code or code[-1] in _OPEN:
                    raise _Uncertain
                s = s[:start].rstrip() + " " + s[start:]
                commented_line = True
        if doc_suspect:
            raise _Uncertain
        brackets = code.encode().translate(None, _NOT_BRACKET_BYTES)
        lead = pending = 0
        if brackets:
            lead, pending = _shape(brackets)
            if pending < 0:
                raise _Uncertain  # closes a group an earlier line opened, mid-line
            if lead and lead != len(code) - len(code.lstrip(")]}")):
                raise _Uncertain  # the line starts with code, then closes such a group
        # Blank lines gofmt drops: before a literal's or an import block's closing bracket.
        if blank:
            if lead and stack and stack[-1].kind != _BLOCK:
                blank = False
            else:
                out.append("")
                if stack:
                    top = stack[-1]
                    if top.kind in (_LIT, _PAREN) and top.prev_size >= 0:
                        top.lnsum = 0.0
                        top.count = 0
                        top.section = None
                    elif top.kind in (_STRUCT, _VAR):
                        top.section = None
                    elif top.kind == _IMPORT:
                        _check_sorted(imports)
                        imports = []
                blank = False
        for _ in range(lead):
            if not stack:
                raise _Uncertain
            top = stack[-1]
            top.open -= 1
            if top.open == 0:
                if not top.used and top.kind not in (_BLOCK, _STRUCT):
                    raise _Uncertain
                if top.kind == _IMPORT:
                    _check_sorted(imports)
                    imports = []
                stack.pop()
        depth = len(stack)
        ends_open = pending > 0
        if ends_open and code[-1] not in _OPEN:
            raise _Uncertain  # an opener followed by more code on its line
        if lead and ends_open and lead != len(brackets) - pending:
            raise _Uncertain
        if not ends_open and code[-1] in _OPERATOR_END and _CONTINUED.search(code):
            raise _Uncertain  # an expression continued on the next line
        if code[-1] == ":":
            if not _CASE.match(code):
                raise _Uncertain  # a label
            depth -= 1
        if lead and ends_open and stack and stack[-1].kind != _BLOCK:
            raise _Uncertain  # `}, {` and the like: one element closed, the next opened
        n = len(out)
        out.append("\t" * depth + s)
        if commented_line:
            commented.append(n)
        if stack:
            top = stack[-1]
            top.used = True
            kind = top.kind
            if lead or kind == _BLOCK:
                pass
            elif kind == _LIT or kind == _PAREN:
                # An element of a composite literal or call: gofmt's exprList.
                m = None if ends_open else _KEY_VALUE.match(s)
                size = len(m.group(1).encode()) if m is not None else 0
                prev = top.prev_size
                use_ff = True
                if prev > 0 and size > 0:
                    if top.count == 0 or (prev <= _SMALL_KEY and size <= _SMALL_KEY):
                        use_ff = False
                    else:
                        ratio = size / math.exp(top.lnsum / top.count)
                        use_ff = _KEY_RATIO * ratio <= 1 or _KEY_RATIO <= ratio
                if use_ff and prev >= 0:
                    # A new section (gofmt's formfeed counts as two line breaks): the mean
                    # of the key sizes restarts.
                    top.lnsum = 0.0
                    top.count = 0
                if size > 0:
                    top.lnsum += math.log(size)
                    top.count += 1
                top.prev_size = size
                if m is None:
                    top.section = None
                else:
                    cells[n] = [m.group(1) + ":", m.group(2)]
                    if use_ff or top.section is None:
                        top.section = [n]
                        sections.append((_LIT, top.section))
                    else:
                        top.section.append(n)
            else:
                _element(top, n, s, ends_open, sections, cells, imports)
        if ("  " in code or "\t" in code) and _respaced(cells.get(n)):
            raise _Uncertain  # spacing gofmt would change, outside the columns it aligns
        if ends_open:
            parent = stack[-1].kind if stack else None
            stack.append(_Group(pending, _kind_of(code, parent)))
    if stack:
        raise _Uncertain
    _align_comments(out, commented)
    for kind, lines in sections:
        _align(out, lines, [cells[i] for i in lines], kind)
    return "\n".join(out) + "\n"


def _align_comments(out: list[str], commented: list[int]) -> None:
    """Trailing comments of adjacent lines share a column (one tabwriter cell), one space
    past the longest code; the lines must sit at one depth."""
    i = 0
    while i < len(commented):
        j = i + 1
        while j < len(commented) and commented[j] == commented[j - 1] + 1:
            j += 1
        if j - i > 1:
            run = [out[n] for n in commented[i:j]]
            depths = {len(line) - len(line.lstrip("\t")) for line in run}
            if len(depths) != 1:
                raise _Uncertain
            splits = []
            for line in run:
                start = [m.start() for m in _MASK.finditer(line)][-1]
                splits.append((line[:start].rstrip(), line[start:]))
            width = max(len(code) for code, _ in splits) + 1
            for n, (code, comment) in zip(commented[i:j], splits, strict=True):
                out[n] = code.ljust(width) + comment
        i = j


def _respaced(row: list[str] | None) -> bool:
    """Whether gofmt would change spacing inside a line (None) or inside one of its cells:
    the gaps between cells are the columns, which `_align` lays out."""
    if row is None:
        return True
    return any("  " in c or "\t" in c for c in (_MASK.sub(_masked, cell) for cell in row))


def _masked(m: re.Match[str]) -> str:
    text = m.group(0)
    if text.startswith("//"):
        return "\x00"
    if text == "/*":
        return "/*"
    return '""'


@functools.lru_cache(maxsize=4096)
def _shape(brackets: bytes) -> tuple[int, int]:
    """(closers the line starts with, openers still open at its end) of a line's brackets;
    -1 open when a closer after the leading ones has no opener before it on the line."""
    lead = len(brackets) - len(brackets.lstrip(b")]}"))
    pending = 0
    for ch in brackets[lead:]:
        if ch in b"([{":
            pending += 1
        elif pending:
            pending -= 1
        else:
            return lead, -1
    return lead, pending


def _check_sorted(imports: list[str]) -> None:
    if imports != sorted(imports):
        raise _Uncertain


def _element(
    group: _Group,
    n: int,
    s: str,
    ends_open: bool,
    sections: list[tuple[int, list[int]]],
    cells: dict[int, list[str]],
    imports: list[str],
) -> None:
    """Line `n` starts an element of `group`: an import, a struct's field, a `var` spec
    (a literal's element is handled in `_layout`, the common case)."""
    kind = group.kind
    if kind == _IMPORT:
        m = _IMPORT_SPEC.match(s)
        if ends_open or m is None:
            raise _Uncertain
        imports.append(m.group(1))  # gofmt sorts a run of imports by path
        return
    if kind == _STRUCT or kind == _VAR:
        if ends_open:
            if kind == _VAR:
                raise _Uncertain
            group.section = None
            return
        if kind == _STRUCT:
            m = _FIELD.match(s)
            if m is None:
                raise _Uncertain
            name, typ, tag = m.groups()
            cells[n] = [name, typ, "", tag] if tag else [name, typ]
        else:
            m = _VAR_SPEC.match(s)
            if m is None:
                raise _Uncertain
            cells[n] = [m.group(1), m.group(2), "= " + m.group(3)]
        if group.section is None:
            group.section = [n]
            sections.append((kind, group.section))
        else:
            group.section.append(n)
        return


def _align(out: list[str], lines: list[int], rows: list[list[str]], kind: int) -> None:
    """text/tabwriter over one section: each column as wide as its widest cell plus one
    (an all-empty column dropped), over each run of rows that have a cell there."""
    if kind == _LIT:
        # Two cells a row, `key:` and the value: one column.
        width = max(len(row[0]) for row in rows) + 1
        for n, (key, value) in zip(lines, rows, strict=True):
            line = out[n]
            out[n] = line[: len(line) - len(line.lstrip("\t"))] + key.ljust(width) + value
        return
    ncols = max(len(r) for r in rows) - 1
    widths = [[0] * ncols for _ in rows]
    for col in range(ncols):
        i = 0
        while i < len(rows):
            if len(rows[i]) - 1 <= col:
                i += 1
                continue
            j = i
            width = 0
            empty = True
            while j < len(rows) and len(rows[j]) - 1 > col:
                cell = rows[j][col]
                width = max(width, len(cell) + 1)
                empty = empty and not cell
                j += 1
            for k in range(i, j):
                widths[k][col] = 0 if empty else width
            i = j
    for n, row, w in zip(lines, rows, widths, strict=True):
        line = out[n]
        indent = line[: len(line) - len(line.lstrip("\t"))]
        parts = [cell.ljust(w[c]) if w[c] else "" for c, cell in enumerate(row[:-1])]
        out[n] = indent + "".join(parts) + row[-1]
