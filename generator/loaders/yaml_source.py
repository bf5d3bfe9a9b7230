"""Parse YAML into a small located tree, never raising on bad input.

We compose with ruamel.yaml (not construct) so every node, scalars included, keeps its
line and column, custom tags (`!ruby/object:...`) survive as data, and dates stay
strings. Aliases are shared nodes in the composed graph; converting them to a tree is
where a "billion laughs" document explodes, so conversion runs on a node budget.
"""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import Resolver

from ..confine import NotRegularFile, read_regular
from ..diagnostics import NO_LOCATION, Diagnostic, DiagnosticBag, Location, Severity
from .yaml_depth import MAX_DEPTH, nesting_overflow
from .yaml_errors import (
    indent_problem,
    offset_position,
    one_line,
    position_of,
    syntax_hint,
    syntax_message,
)

_CSafeLoader: Any
try:  # libyaml bindings; optional so that a pure-Python install still works
    from ruamel.yaml.cyaml import CSafeLoader
except ImportError:  # pragma: no cover - depends on the platform's wheels
    _CSafeLoader = None
else:
    # The implicit tag of a scalar depends on its text and style alone (this loader has no
    # path resolvers), and libyaml asks for it once per scalar, through a Python call: a
    # cache in C (`lru_cache`) answers the same few thousand texts (`name`, `type: String`,
    # `true`) without entering Python. Every scalar passes through it (long descriptions too,
    # which push older entries out); the bound keeps its memory small.
    _RESOLVER = Resolver()

    @functools.lru_cache(maxsize=8192)
    def _resolve(kind: Any, value: Any, implicit: Any) -> Any:
        return _RESOLVER.resolve(kind, value, implicit)

    class _MemoLoader(CSafeLoader):
        resolve = staticmethod(_resolve)

    _CSafeLoader = _MemoLoader

# Far above any real spec (the largest Magic Modules resource has ~20k nodes) and far
# below what makes a laptop swap.
NODE_BUDGET = 1_000_000
MAX_FILE_BYTES = 16 * 1024 * 1024
# Levels the located tree is built to; deeper is `yaml-depth` (convert and child both check).
_TREE_DEPTH = 200

ScalarValue = str | int | float | bool | None


@dataclass(slots=True)
class YScalar:
    value: ScalarValue
    loc: Location
    tag: str = ""
    # The source text, for messages and for scalars a schema wants as a string.
    raw: str = ""
    # A `|` block scalar: where line 1, column 1 of its value sits (its lines and columns
    # map one to one onto the file's); NO_LOCATION for every other style.
    body: Location = NO_LOCATION


@dataclass(slots=True)
class YSeq:
    items: list[YNode]
    loc: Location
    tag: str = ""


@dataclass(slots=True)
class YMap:
    entries: list[tuple[YScalar, YNode]]
    loc: Location
    tag: str = ""
    _index: dict[object, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {}
        for i, (k, _) in enumerate(self.entries):
            self._index.setdefault(k.value, i)

    def get(self, key: str) -> YNode | None:
        i = self._index.get(key)
        return None if i is None else self.entries[i][1]

    def key_node(self, key: str) -> YScalar | None:
        i = self._index.get(key)
        return None if i is None else self.entries[i][0]

    def keys(self) -> Iterator[object]:
        return (k.value for k, _ in self.entries)


YNode = YScalar | YSeq | YMap

_STANDARD_TAG = "tag:yaml.org,2002:"
_STR_TAG = _STANDARD_TAG + "str"


class _BudgetExceeded(Exception):
    pass


class _RecursiveAlias(Exception):
    """An alias inside the node it refers to (`a: &x [*x]`): the document is infinite."""

    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node = node


def _expanded_size(root: Node) -> int:
    """Node count of the document with every alias expanded, in time linear in the graph.

    Sizes are memoized per node object, so a bomb is measured without being expanded.
    Iterative post-order so that deep nesting cannot overflow the Python stack.
    """
    sizes: dict[int, int] = {}
    # Nodes whose children are still being measured; meeting one again means a cycle.
    open_nodes: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if not children_done and id(node) in open_nodes:
            raise _RecursiveAlias(node)
        if isinstance(node, ScalarNode):
            sizes[id(node)] = 1
            continue
        children: list[Node] = []
        if isinstance(node, SequenceNode):
            children = list(node.value)
        elif isinstance(node, MappingNode):
            for k, v in node.value:
                children.extend((k, v))
        if children_done:
            total = 1
            for child in children:
                total += sizes.get(id(child), 1)
                if total > NODE_BUDGET:
                    raise _BudgetExceeded
            sizes[id(node)] = total
            open_nodes.discard(id(node))
            continue
        open_nodes.add(id(node))
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(root)]


class _Converter:
    def __init__(
        self, path: str, diags: DiagnosticBag, constructor: SafeConstructor, text: str = ""
    ) -> None:
        self.path = path
        self.text = text
        self._lines: list[str] | None = None
        self.diags = diags
        self.budget = NODE_BUDGET
        # The loader's own constructor: it knows the YAML version the document declared.
        self.constructor = constructor

    def loc(self, node: Node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)

    @staticmethod
    def full_tag(node: Node) -> str:
        # `node.tag` renders the Tag object on every access; resolved tags (the common
        # case) carry the whole URI in `suffix`, so read that directly.
        ctag = node.ctag
        if ctag is None:
            return ""
        if ctag.handle is None and isinstance(ctag.suffix, str):
            return ctag.suffix
        return str(ctag)

    def tag_of(self, node: Node) -> str:
        tag = self.full_tag(node)
        if tag.startswith(_STANDARD_TAG):
            return ""
        return tag

    def scalar(self, node: ScalarNode) -> YScalar:
        ctag = node.ctag
        if ctag is not None and ctag.handle is None and ctag.suffix == _STR_TAG:
            # The common case (most of a corpus' scalars), kept short: a plain string.
            raw = str(node.value)
            if raw.isascii():
                mark = node.start_mark
                body = self._block_body(node) if node.style == "|" else NO_LOCATION
                return YScalar(
                    raw, Location(self.path, mark.line + 1, mark.column + 1), "", raw, body
                )
        tag = self.full_tag(node)
        raw = str(node.value)
        value: ScalarValue = raw
        kind = tag[len(_STANDARD_TAG) :] if tag.startswith(_STANDARD_TAG) else ""
        try:
            if kind == "int":
                value = int(self.constructor.construct_yaml_int(node))
            elif kind == "float":
                value = float(self.constructor.construct_yaml_float(node))
            elif kind == "bool":
                value = bool(self.constructor.construct_yaml_bool(node))
            elif kind == "null":
                value = None
        except Exception:  # ruamel's constructors raise anything on odd text
            # An explicit tag the text does not fit (`!!bool maybe`, `!!int abc`, an empty
            # `!!int`): keep the text; the shape check reports the wrong type where it matters.
            value = raw
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                # A `"\ud800"` escape decodes to a lone surrogate, which no output file can hold.
                self.diags.error(
                    "invalid-string",
                    "string holds a lone surrogate escape (such as `\\ud800`), which is not Unicode text",
                    self.loc(node),
                    "write the character itself, or a `\\U0001xxxx` escape beyond U+FFFF",
                )
                value = value.encode("utf-8", "replace").decode("utf-8")
                raw = value
        body = self._block_body(node) if getattr(node, "style", None) == "|" else NO_LOCATION
        tag = "" if tag.startswith(_STANDARD_TAG) else tag
        return YScalar(value, self.loc(node), tag, raw, body)

    def _block_body(self, node: ScalarNode) -> Location:
        """Line 1, column 1 of a literal block scalar's value: the line after its `|`
        header, at the indentation of its first line that is not blank."""
        if self._lines is None:
            self._lines = self.text.split("\n")
        first = node.start_mark.line + 1  # 0-based index of the line after the header
        for line in self._lines[first : node.end_mark.line + 1]:
            if line.strip():
                return Location(self.path, first + 1, len(line) - len(line.lstrip(" ")) + 1)
        return NO_LOCATION

    def child(self, node: Node, depth: int) -> YNode:
        """`convert(node, depth)`, with its scalar case (nearly every key and value) done
        here: the same budget and depth limit, without the type tests of a collection."""
        if type(node) is ScalarNode and depth <= _TREE_DEPTH:
            self.budget -= 1
            if self.budget < 0:
                raise _BudgetExceeded
            return self.scalar(node)
        return self.convert(node, depth)

    def convert(self, node: Node, depth: int = 0) -> YNode:
        self.budget -= 1
        if self.budget < 0:
            raise _BudgetExceeded
        if depth > _TREE_DEPTH:
            raise RecursionError
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if isinstance(node, SequenceNode):
            child = self.child
            return YSeq(
                [child(n, depth + 1) for n in node.value], self.loc(node), self.tag_of(node)
            )
        if isinstance(node, MappingNode):
            entries: list[tuple[YScalar, YNode]] = []
            seen: dict[object, Location] = {}
            child = self.child
            for k, v in node.value:
                key = child(k, depth + 1)
                if not isinstance(key, YScalar):
                    self.diags.error(
                        "yaml-key",
                        "mapping keys must be plain scalars",
                        key.loc,
                        "write the key as a plain string",
                    )
                    continue
                # Only a plain `<<` is a merge key; a quoted '<<' is an ordinary string.
                if key.value == "<<" and str(k.tag).endswith(":merge"):
                    self.diags.error(
                        "yaml-merge",
                        "YAML merge keys (`<<`) are not supported in specs",
                        key.loc,
                        "write the keys out in full",
                    )
                    continue
                hashable = key.value
                if hashable in seen:
                    self.diags.error(
                        "yaml-duplicate-key",
                        f"duplicate key `{key.raw}` (first defined at line {seen[hashable].line})",
                        key.loc,
                        "remove one of the two entries",
                    )
                    continue
                seen[hashable] = key.loc
                entries.append((key, child(v, depth + 1)))
            return YMap(entries, self.loc(node), self.tag_of(node))
        raise TypeError(f"unexpected YAML node {type(node).__name__}")


def _compose(text: str) -> tuple[Node | None, SafeConstructor]:
    """Compose one document; libyaml (ruamel.yaml.clib) when installed, else pure Python.

    Both give every node its start mark, so locations are exact either way; the C parser
    is ~40x faster, which matters for corpora of hundreds of specs.
    """
    if _CSafeLoader is not None:
        loader = _CSafeLoader(text)
        try:
            return loader.get_single_node(), loader
        except YAMLError:
            # Rare, so take the slow path for it: the pure parser's messages are clearer,
            # and it accepts what libyaml wrongly rejects (a reused anchor name).
            pass
        finally:
            loader.dispose()
    yaml = YAML(typ="rt", pure=True)
    return yaml.compose(text), yaml.constructor


def parse_yaml(text: str, path: str) -> tuple[YNode | None, list[Diagnostic]]:
    """Parse one YAML document; returns (tree or None, diagnostics)."""
    diags = DiagnosticBag()
    if "\x00" in text:
        diags.error(
            "yaml-binary",
            "file is binary, not YAML text (it contains NUL bytes)",
            Location(path, 1, 1),
            "point mmgen at a YAML spec file",
        )
        return None, diags.items
    if not text.strip():
        diags.error(
            "yaml-empty",
            "spec file is empty",
            Location(path, 1, 1),
            "write the spec's keys (see docs/spec-format.md), or delete the file",
        )
        return None, diags.items
    deep = nesting_overflow(text)
    if deep is not None:
        diags.error(
            "yaml-depth",
            f"the YAML nests more than {MAX_DEPTH} levels deep here; no spec needs that, and "
            "parsers crash on it",
            Location(path, *deep),
            "flatten the structure (a spec nests a few dozen levels at most)",
        )
        return None, diags.items
    try:
        with warnings.catch_warnings():
            # ruamel warns (on stderr) about a reused anchor name; YAML allows it, and
            # anything we care about is reported as a diagnostic instead.
            warnings.simplefilter("ignore")
            node, constructor = _compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path, 1, 1)
        indent = indent_problem(text, exc)
        if indent is not None:
            (line, col), message, hint = indent
            diags.error("yaml-syntax", message, Location(path, line, col), hint)
        else:
            message = f"invalid YAML: {syntax_message(exc)}"
            diags.error("yaml-syntax", message, loc, syntax_hint(exc))
        return None, diags.items
    except ReaderError as exc:  # control characters and the like
        line, col = offset_position(text, exc.position)
        char = exc.character
        what = f"character U+{char:04X}" if isinstance(char, int) else "character"
        diags.error(
            "yaml-syntax",
            f"invalid YAML: {what} is not allowed in YAML text",
            Location(path, line, col),
            "remove the control character (write it as an escape, e.g. \\t, inside double quotes)",
        )
        return None, diags.items
    except (YAMLError, ValueError) as exc:
        line, col = position_of(exc)
        diags.error(
            "yaml-syntax",
            f"invalid YAML: {one_line(exc)}",
            Location(path, line, col),
            "fix the YAML syntax here",
        )
        return None, diags.items
    except RecursionError:
        diags.error(
            "yaml-depth", "YAML nesting is too deep", Location(path, 1, 1), "flatten the document"
        )
        return None, diags.items
    if node is None:
        diags.error(
            "yaml-empty",
            "spec file holds no YAML document (only comments or directives)",
            Location(path, 1, 1),
            "write the spec's keys (see docs/spec-format.md), or delete the file",
        )
        return None, diags.items
    conv = _Converter(path, diags, constructor, text)
    try:
        if "&" in text:  # without an anchor there is no alias, so nothing can multiply
            _expanded_size(node)
        with warnings.catch_warnings():
            # ruamel warns on stderr about YAML 1.1 floats such as `1e5` under `%YAML 1.1`;
            # mmgen's output is diagnostics, so the value is taken as YAML 1.2 reads it.
            warnings.simplefilter("ignore")
            tree = conv.convert(node)
    except _BudgetExceeded:
        diags.error(
            "yaml-too-large",
            f"document expands to more than {NODE_BUDGET:,} nodes (a YAML alias bomb?)",
            Location(path, 1, 1),
            "remove the aliases (`*name`) that multiply the document",
        )
        return None, diags.items
    except _RecursiveAlias as exc:
        diags.error(
            "yaml-recursive-alias",
            "an alias refers to a node that contains it, so the document is infinite",
            conv.loc(exc.node),
            "replace the alias (`*name`) inside its own anchor (`&name`) with the content",
        )
        return None, diags.items
    except RecursionError:
        diags.error(
            "yaml-depth", "YAML nesting is too deep", Location(path, 1, 1), "flatten the document"
        )
        return None, diags.items
    return tree, diags.items


def read_spec_text(path: str, display: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a file as UTF-8 text with a diagnostic, never an exception, for every failure."""
    loc = Location(display, 1, 1)
    try:
        # A FIFO or device would block `open` or never end: only regular files are read.
        data = read_regular(path, MAX_FILE_BYTES)
    except NotRegularFile:
        return None, [
            Diagnostic(
                Severity.ERROR,
                "io",
                "is not a regular file (a FIFO, socket or device?)",
                loc,
                "replace it with a YAML spec file, or move it out of the specs folder",
            )
        ]
    except IsADirectoryError:
        return None, [
            Diagnostic(
                Severity.ERROR,
                "io",
                "is a directory, expected a file",
                loc,
                "a spec must be a YAML file; rename or remove the directory",
            )
        ]
    except FileNotFoundError:
        if os.path.islink(path):
            return None, [
                Diagnostic(
                    Severity.ERROR,
                    "io",
                    "is a broken symbolic link",
                    loc,
                    "point the link at a spec, or remove it",
                )
            ]
        return None, [
            Diagnostic(Severity.ERROR, "io", "file does not exist", loc, "check the path")
        ]
    except PermissionError:
        return None, [
            Diagnostic(
                Severity.ERROR,
                "io",
                "file is not readable (permission denied)",
                loc,
                "fix the file's permissions",
            )
        ]
    except OSError as exc:
        return None, [
            Diagnostic(Severity.ERROR, "io", f"cannot read file: {exc.strerror or exc}", loc)
        ]
    if len(data) > MAX_FILE_BYTES:
        return None, [
            Diagnostic(
                Severity.ERROR,
                "io",
                f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; not a spec",
                loc,
            )
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        if b"\x00" in data:
            return None, [
                Diagnostic(
                    Severity.ERROR,
                    "yaml-binary",
                    f"file is binary, not YAML text (byte {data[exc.start]:#04x} is not UTF-8)",
                    Location(display, line, col),
                    "only YAML specs belong in a specs folder: move this file out of it",
                )
            ]
        return None, [
            Diagnostic(
                Severity.ERROR,
                "encoding",
                f"file is not UTF-8 text (byte {data[exc.start]:#04x})",
                Location(display, line, col),
                "save the spec as UTF-8",
            )
        ]
