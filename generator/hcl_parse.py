"""HCL configurations parsed into a small tree of our own: blocks, attributes and literals.

Two real parsers, each for what it does best. tree-sitter-hcl (a C parser) reads every
configuration: at ~0.5 ms an example it keeps the example checker and `docs lint` off the
profile of a corpus run (python-hcl2's pure-Python LALR parser took ~16 ms an example, 40%
of a cold mmv1 generate). A configuration tree-sitter rejects is parsed again by
python-hcl2, whose LALR parser stops at the first token it cannot take, so the error names
that token and its line and column exactly (tree-sitter recovers from errors, and the span
it marks is wider). On the 4,494 configurations of the Magic Modules corpus and the real
Google and azurerm pages the two parsers accept and reject exactly the same ones, and a
property test holds them to it on generated configurations; should they ever disagree,
python-hcl2's verdict stands. Where tree-sitter-hcl is known to be more lenient than HCL (a
top-level object, a hex number, a dotted block name) python-hcl2 is asked too; where it is stricter (`1e5`), python-hcl2 accepts the
configuration and its blocks go unchecked (an empty body). NUL inside a string, which
tree-sitter reads as the end of input, is handled before parsing (`tree_sitter_tree`).

Lines and columns are 1-based and count characters, as the diagnostics do.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import tree_sitter
import tree_sitter_hcl


@dataclass(frozen=True, slots=True)
class Expr:
    """A value: `kind` is string, number, bool, null, list, map, or expr (anything whose
    type only Terraform knows: references, calls, templates with interpolation). `value` is
    the literal's text (a string's, without its quotes and escapes left as written), the
    elements of a list, or the (key, value) pairs of a map."""

    kind: str
    value: Any
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Attribute:
    name: str
    expr: Expr
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Block:
    name: str
    labels: tuple[str, ...]
    body: Body
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Body:
    """A body's attributes and blocks in order, at its first item (or its block's `{`)."""

    items: tuple[Attribute | Block, ...]
    line: int
    col: int

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(i for i in self.items if isinstance(i, Block))


class HclSyntaxError(Exception):
    """Where a configuration stops being HCL, and what is found there."""

    def __init__(self, message: str, line: int, col: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.hint = hint


def parse_hcl(text: str) -> Body:
    """The configuration's top-level body, or HclSyntaxError."""
    data = text.encode("utf-8", "surrogatepass")
    try:
        tree = tree_sitter_tree(data)
    except (ValueError, RuntimeError) as exc:  # tree-sitter refuses the input itself
        raise HclSyntaxError(f"cannot be read ({exc})", 1, 1) from None
    root = tree.root_node
    if root.has_error:
        # python-hcl2's error; or, where it accepts what tree-sitter rejects (`1e5`, which
        # HCL allows and tree-sitter-hcl does not), an empty body: the configuration is
        # HCL, and its blocks are not checked further.
        _hcl2_verdict(text)
        return Body((), 1, 1)
    conv = _Converter(data)
    try:
        body = conv.body(next((c for c in root.named_children if c.type == "body"), None), (1, 1))
    except RecursionError:
        raise HclSyntaxError("the configuration nests too deeply to parse", 1, 1) from None
    if conv.lenient or any(c.type == "object" for c in root.named_children):
        # tree-sitter-hcl accepts a few things HCL does not (see _Converter.lenient):
        # python-hcl2 has the last word on those configurations.
        _hcl2_verdict(text)
    _one_per_line(body)
    return body


def _one_per_line(body: Body) -> None:
    """HCL ends every argument and block with a newline. Both parsers here accept two on
    one line (`a = 1 b = 2`), which Terraform rejects: the syntax error it is."""
    previous = 0
    for item in body.items:
        if item.line == previous:
            what = "block" if isinstance(item, Block) else "argument"
            raise HclSyntaxError(
                f"a second {what} (`{item.name}`) on the line of the one before it; each "
                "argument and block ends with a newline",
                item.line,
                item.col,
                f"put `{item.name}` on a line of its own",
            )
        previous = item.line
        if isinstance(item, Block):
            _one_per_line(item.body)


def tree_sitter_tree(data: bytes) -> tree_sitter.Tree:
    """tree-sitter's parse of the UTF-8 `data`.

    Its lexer reads NUL as the end of input, where HCL allows it inside a string (and
    python-hcl2 agrees with HCL): a copy with NUL as U+0001, one byte too, is parsed, so
    offsets hold; text is always taken from `data`."""
    return _parser().parse(data.replace(b"\0", b"\x01"))


@functools.lru_cache(maxsize=1)
def _parser() -> tree_sitter.Parser:
    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_hcl.language()))


# --- the tree ------------------------------------------------------------------------------


# HCL's number literal; tree-sitter-hcl also reads `0x1F`.
_HCL_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


class _Converter:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.lines = data.split(b"\n")
        # Set on what tree-sitter-hcl reads and HCL rejects: a hex number, a dotted name.
        self.lenient = False

    def pos(self, node: Any) -> tuple[int, int]:
        row, byte = node.start_point
        prefix = self.lines[row][:byte] if row < len(self.lines) else b""
        return row + 1, len(prefix.decode("utf-8", "replace")) + 1

    def text(self, node: Any) -> str:
        return self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def body(self, node: Any, at: tuple[int, int]) -> Body:
        if node is None:
            return Body((), *at)
        items: list[Attribute | Block] = []
        for child in node.named_children:
            if child.type == "attribute":
                kids = child.named_children
                expr = (
                    self.expr(kids[-1]) if len(kids) > 1 else Expr("expr", None, *self.pos(child))
                )
                items.append(Attribute(self.text(kids[0]), expr, *self.pos(child)))
            elif child.type == "block":
                items.append(self.block(child))
        return Body(tuple(items), *self.pos(node))

    def block(self, node: Any) -> Block:
        name, labels, body, brace = "", [], None, None
        for child in node.named_children:
            if child.type == "identifier" and not name and brace is None:
                name = self.text(child)
            elif child.type == "identifier" and brace is None:
                labels.append(self.text(child))
            elif child.type == "string_lit" and brace is None:
                labels.append(self._string(child))
            elif child.type == "block_start":
                brace = child
            elif child.type == "body":
                body = child
        if "." in name:
            self.lenient = True
        at = self.pos(brace) if brace is not None else self.pos(node)
        inner = self.body(body, at)
        # A block's body is placed at its `{` (where "required `x` is not set" points).
        return Block(name, tuple(labels), Body(inner.items, *at), *self.pos(node))

    def expr(self, node: Any) -> Expr:
        at = self.pos(node)
        kids = node.named_children
        kind = node.type
        if kind == "expression":
            # One named child is the value itself (`(x)` nests an expression); a second
            # one is a traversal (`.attr`, `[0]`, a splat): a reference, not a literal.
            return self.expr(kids[0]) if len(kids) == 1 else Expr("expr", None, *at)
        if kind == "literal_value" and kids:
            lit = kids[0]
            if lit.type == "numeric_lit":
                if not _HCL_NUMBER.fullmatch(self.text(lit)):
                    self.lenient = True
                return Expr("number", self.text(lit), *at)
            if lit.type == "bool_lit":
                return Expr("bool", self.text(lit), *at)
            if lit.type == "null_lit":
                return Expr("null", None, *at)
            if lit.type == "string_lit":
                return Expr("string", self._string(lit), *at)
        if kind == "collection_value" and kids:
            return self.expr(kids[0])
        if kind == "tuple":
            return Expr("list", tuple(self.expr(k) for k in kids if k.type == "expression"), *at)
        if kind == "object":
            pairs = []
            for elem in kids:
                if elem.type == "object_elem":
                    key, value = elem.child_by_field_name("key"), elem.child_by_field_name("val")
                    if key is not None and value is not None:
                        pairs.append((self._key(key), self.expr(value)))
            return Expr("map", tuple(pairs), *at)
        if kind == "operation" and kids:
            return self.expr(kids[0])
        if kind == "unary_operation" and len(kids) == 1:
            sign = self.text(node)[:1]
            inner = self.expr(kids[0])
            if sign == "-" and inner.kind == "number":
                return Expr("number", "-" + str(inner.value), *at)
        return Expr("expr", None, *at)

    def _string(self, node: Any) -> str:
        """A plain string's text between its quotes, escapes as written."""
        kids = node.children
        start = kids[0].end_byte if kids else node.start_byte
        end = kids[-1].start_byte if len(kids) > 1 else node.end_byte
        return self.data[start:end].decode("utf-8", "replace")

    def _key(self, node: Any) -> str:
        """An object key's name: an identifier, or a string's text; other keys as written."""
        inner = node
        while inner.type == "expression" and len(inner.named_children) == 1:
            inner = inner.named_children[0]
        if inner.type == "variable_expr":
            return self.text(inner)
        if inner.type == "literal_value" and inner.named_children:
            lit = inner.named_children[0]
            return self._string(lit) if lit.type == "string_lit" else self.text(lit)
        return self.text(node).replace('"', "")


# --- errors --------------------------------------------------------------------------------


def _hcl2_verdict(text: str) -> None:
    """HclSyntaxError where python-hcl2 stops, or nothing when it accepts `text`."""
    import hcl2  # imported on first use: building its grammar costs ~0.3 s

    try:
        hcl2.parses_to_tree(text)
    except RecursionError:
        raise HclSyntaxError("the configuration nests too deeply to parse", 1, 1) from None
    except Exception as exc:  # a third-party parser: whatever it raises is the finding
        err = _from_hcl2(exc, text)
        err.line = min(err.line, max(text.count("\n"), 1))  # end of input: the last line
        raise err from None


def _from_hcl2(exc: Exception, text: str) -> HclSyntaxError:
    """python-hcl2's (lark's) exception as a message, hint, line and column."""
    raw_line, raw_col = getattr(exc, "line", None), getattr(exc, "column", None)
    if not isinstance(raw_line, int) or raw_line < 1:
        return HclSyntaxError(_one_line(exc), 1, 1)
    line, col = raw_line, raw_col if isinstance(raw_col, int) and raw_col >= 1 else 1
    token: Any = getattr(exc, "token", None)
    lines = text.split("\n")
    src = lines[line - 1] if line - 1 < len(lines) else ""
    before = src[: max(col - 1, 0)]
    if token is not None and getattr(token, "type", "") == "$END":
        return HclSyntaxError(
            "the configuration ends inside a block, string or expression",
            line,
            col,
            "close every `{`, `[`, `(` and string that is opened",
        )
    if before.endswith("%{"):
        return HclSyntaxError(
            "`%{` starts an HCL template directive, and this is none (an unrendered "
            "test placeholder?)",
            line,
            col - 2,  # at the `%{`, not at the word after it where the parser stopped
            "replace the placeholder with a value, or write `%%{` for a literal `%{`",
        )
    if token is not None:
        # The lexer may hand over the rest of the line as one token: its first word is enough.
        value = (str(getattr(token, "value", "")).split() or [""])[0][:40]
        if value:
            return HclSyntaxError(f"unexpected `{value}`", line, col)
    char = getattr(exc, "char", None)
    if isinstance(char, str):
        return HclSyntaxError(f"unexpected character `{char}`", line, col)
    return HclSyntaxError(_one_line(exc), line, col)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split("\n")[0].split())[:200] or type(exc).__name__
