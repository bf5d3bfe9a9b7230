"""Example HCL checked against the resource's schema, as `terraform validate` would.

Each example configuration (and each update step) is parsed by a real HCL parser
(`hcl_parse`) after its `{{var}}` placeholders are filled; every `resource` block of the
resource's own Terraform type is then held against the schema: unknown arguments and
blocks, missing required ones, a block written as an argument or the other way round,
computed-only arguments set, and literals of the wrong type. Blocks of other types (other
resources of the example, data sources) are not checked: their schema is not known here.

Only literals are typed: a reference, a function call or a template with interpolation is
an expression whose type is known only to Terraform, and passes. Terraform converts
between primitives (`"3"` is a fine number, `3` a fine string), so only what it cannot
convert is reported: a non-numeric string for a number, a number for a bool, a list or
object for a scalar, a scalar for a list or map.
"""

from __future__ import annotations

import re
from typing import Any

from .diagnostics import Diagnostic, Location, Severity
from .hcl_parse import Attribute, Block, Body, Expr, HclSyntaxError, parse_hcl
from .model.nodes import Example, Presence, Property, Resource, TextAt, Type, TypeKind

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
# Meta-arguments and blocks every resource accepts (Terraform's, and the provider's
# `timeouts` block, which every generated resource has).
META_ARGUMENTS = frozenset({"count", "for_each", "provider", "depends_on"})
META_BLOCKS = frozenset({"lifecycle", "provisioner", "connection", "timeouts", "dynamic"})
SAFE_BARE = re.compile(r"-?\d+(\.\d+)?|true|false")
# Magic Modules' test placeholders inside strings (`%{random_suffix}`), filled by its Go
# tests before Terraform sees the HCL; HCL's own directives (`%{ if ... }`) are kept.
TEST_PLACEHOLDER = re.compile(
    r"%\{(?!\s*(?:if|for|else|endif|endfor)\b)\s*[A-Za-z_][A-Za-z0-9_]*\s*\}"
)


# Both kinds of placeholder, in one left-to-right scan of a line.
_ANY_PLACEHOLDER = re.compile(f"(?P<test>{TEST_PLACEHOLDER.pattern})|{PLACEHOLDER.pattern}")
# Per line of the filled HCL: (filled start, filled length, original start, original length)
# of each placeholder replaced, so that a column found in the filled text can be given in
# the spec's own text.
ColumnMap = dict[int, list[tuple[int, int, int, int]]]


def fill_placeholders(text: str, ex: Example) -> str:
    """The HCL with each `{{var}}` replaced by something of the same kind: inside a string,
    the var's docs value (quotes and template openers removed); outside one, that value
    when it is a number or bool literal, else a reference `var.NAME` (an expression)."""
    return fill_placeholders_mapped(text, ex)[0]


def fill_placeholders_mapped(text: str, ex: Example) -> tuple[str, ColumnMap]:
    """`fill_placeholders`, and where each replacement sits (see `original_col`)."""
    docs = {v.name: v.docs for v in ex.vars}
    out: list[str] = []
    columns: ColumnMap = {}
    for number, line in enumerate(text.split("\n"), 1):
        pieces, last, width = [], 0, 0
        for m in _ANY_PLACEHOLDER.finditer(line):
            before = line[last : m.start()]
            pieces.append(before)
            width += len(before)
            if m.group("test") is not None:
                value = "x"  # Magic Modules' test placeholder: any text will do
            else:
                value = _var_value(line, m, docs.get(m.group(2), ""), m.group(2))
            pieces.append(value)
            columns.setdefault(number, []).append((width, len(value), m.start(), len(m.group())))
            width += len(value)
            last = m.end()
        pieces.append(line[last:])
        out.append("".join(pieces))
    return "\n".join(out), columns


def _var_value(line: str, m: re.Match[str], value: str, name: str) -> str:
    if not line[: m.start()].strip() and not line[m.end() :].strip():
        # Alone on its line, a var stands for HCL of its own (an optional argument).
        return "" if "\n" in value else value  # keep the HCL's line numbers
    if _in_string(TEST_PLACEHOLDER.sub("x", line[: m.start()])):
        value = value.replace("\\", "").replace('"', "").replace("${", "$").replace("%{", "%")
        return value.replace("\n", " ") or "x"
    return value if SAFE_BARE.fullmatch(value) else f"var.{name}"


def original_col(columns: ColumnMap, line: int, col: int) -> int:
    """A 1-based column of the filled HCL as a column of the text before filling: after a
    replacement it moves by the length difference, inside one it is the placeholder's."""
    shift = 0
    for filled_start, filled_len, orig_start, orig_len in columns.get(line, ()):
        if col - 1 < filled_start:
            break
        if col - 1 < filled_start + filled_len:
            return orig_start + 1
        shift = (orig_start + orig_len) - (filled_start + filled_len)
    return col + shift


def _in_string(prefix: str) -> bool:
    """Whether a position on a line is inside a quoted string (odd count of unescaped `"`)."""
    return len(re.findall(r'(?<!\\)"', prefix)) % 2 == 1


class _Check:
    def __init__(
        self, res: Resource, ex: Example, at: TextAt, what: str, columns: ColumnMap | None = None
    ) -> None:
        self.res = res
        self.ex = ex
        self.at = at
        self.what = what
        self.columns = columns or {}
        self.items: list[Diagnostic] = []

    def error(self, code: str, message: str, line: int, col: int, hint: str) -> None:
        # Found in the filled HCL; reported where the spec's own text has it.
        col = original_col(self.columns, line, col)
        where = self.at.at(line, col)
        if not self.at.exact:
            message += f" (line {line} of the HCL)"
        prefix = f"example `{self.ex.name}`{self.what}: "
        self.items.append(Diagnostic(Severity.ERROR, code, prefix + message, where, hint))

    # --- the resource blocks -------------------------------------------------------------

    def run(self, text: str) -> None:
        try:
            top = parse_hcl(text)
        except HclSyntaxError as err:
            self.error(
                "example-hcl-syntax",
                f"the HCL does not parse: {err.message}",
                err.line,
                err.col,
                err.hint or "fix the configuration so that `terraform validate` would accept it",
            )
            return
        for block in top.blocks:
            if block.name == "resource" and block.labels[:1] == (self.res.terraform_name,):
                self.body(block.body, self.res.properties, "", top=True)

    def body(self, body: Body, props: tuple[Property, ...], path: str, top: bool) -> None:
        by_name = {p.name: p for p in props}
        seen: dict[str, int] = {}
        dynamic: set[str] = set()
        for item in body.items:
            is_block = isinstance(item, Block)
            name, line, col = item.name, item.line, item.col
            seen[name] = seen.get(name, 0) + 1
            if top and not is_block and name in META_ARGUMENTS:
                continue
            if isinstance(item, Block) and name == "dynamic":
                label = (item.labels or ("",))[0]
                dynamic.add(label)
                if label not in by_name or not by_name[label].type.is_block:
                    self._unknown(label, by_name, path, line, col, block=True)
                continue
            if top and is_block and name in META_BLOCKS:
                continue
            prop = by_name.get(name)
            if prop is None:
                self._unknown(name, by_name, path, line, col, block=is_block)
                continue
            full = path + name
            if prop.presence is Presence.COMPUTED:
                self.error(
                    "example-computed-argument",
                    f"`{full}` is computed: the provider sets it, a configuration cannot",
                    line,
                    col,
                    f"remove `{name}` from the example (read it as `<resource>.{full}`)",
                )
                continue
            if prop.type.is_block:
                self._block(item, prop, full, seen[name])
            elif isinstance(item, Block):
                self.error(
                    "example-attribute-as-block",
                    f"`{full}` is an argument, written as a block",
                    line,
                    col,
                    f"write `{name} = ...`",
                )
            else:
                self.value(item.expr, prop.type, full)
        for p in props:
            if p.presence is Presence.REQUIRED and p.name not in seen and p.name not in dynamic:
                what = "block" if p.type.is_block else "argument"
                self.error(
                    "example-missing-argument",
                    f"required {what} `{path}{p.name}` is not set",
                    body.line,
                    body.col,
                    f"add `{p.name}" + (" { ... }`" if p.type.is_block else " = ...`"),
                )

    def _block(self, item: Attribute | Block, prop: Property, full: str, n: int) -> None:
        if isinstance(item, Attribute):
            self.error(
                "example-block-as-attribute",
                f"`{full}` is a block, written as an argument",
                item.line,
                item.col,
                f"write `{prop.name} {{ ... }}`, without `=`",
            )
            return
        t = prop.type
        if t.kind is TypeKind.NESTED_OBJECT and n == 2:
            self.error(
                "example-too-many-blocks",
                f"`{full}` is a single block, written more than once",
                item.line,
                item.col,
                "keep one block",
            )
        children = t.nested_properties
        if t.kind is TypeKind.MAP and t.key_name:
            # A map of blocks: each block names its key in the key attribute.
            key = Property(t.key_name, Type(TypeKind.STRING), presence=Presence.REQUIRED)
            children = (key, *children)
        self.body(item.body, children, full + ".", top=False)

    def _unknown(
        self, name: str, by_name: dict[str, Property], path: str, line: int, col: int, block: bool
    ) -> None:
        from .loaders.shape_check import did_you_mean

        settable = sorted(n for n, p in by_name.items() if p.presence.settable)
        guess = did_you_mean(name, settable)
        where = f"block `{path[:-1]}`" if path else f"`{self.res.terraform_name}`"
        what = "block" if block else "argument"
        self.error(
            f"example-unknown-{what}",
            f"{where} has no {what} `{name}`",
            line,
            col,
            f"did you mean `{guess}`?" if guess else _known(settable),
        )

    # --- literal types -------------------------------------------------------------------

    def value(self, expr: Expr, t: Type, full: str) -> None:
        want = _wanted(t)
        if expr.kind in ("expr", "null") or want is None:
            return
        problem = _mismatch(expr.kind, expr.value, want, t)
        if problem:
            self.error(
                "example-wrong-type",
                f"`{full}` wants {_WANT_TEXT[want]}, and {problem}",
                expr.line,
                expr.col,
                _type_hint(want, t),
            )
            return
        if expr.kind == "list" and t.item is not None:
            for i, element in enumerate(expr.value):
                self.value(element, t.item, f"{full}[{i}]")
        elif expr.kind == "map" and t.value is not None and t.kind is TypeKind.MAP:
            for key, element in expr.value:
                self.value(element, t.value, f"{full}.{key}")


_WANT_TEXT = {
    "string": "a string",
    "number": "a number",
    "bool": "a bool (`true` or `false`)",
    "list": "a list (`[...]`)",
    "map": "a map (`{ key = value }`)",
}


def _wanted(t: Type) -> str | None:
    if t.kind.is_string_like:
        return "string"
    if t.kind in (TypeKind.INTEGER, TypeKind.DOUBLE):
        return "number"
    if t.kind is TypeKind.BOOLEAN:
        return "bool"
    if t.kind is TypeKind.ARRAY:
        return "list"
    if t.kind is TypeKind.MAP or t.kind.name.startswith("KEY_VALUE"):
        return "map"
    return None


def _mismatch(kind: str, content: Any, want: str, t: Type) -> str:
    """What is wrong with a literal of `kind` where `want` is wanted ("" when fine)."""
    shown = {
        "string": f'the string `"{str(content)[:40]}"` is none',
        "number": f"the number `{content}` is none",
        "bool": f"`{content}` is a bool",
        "list": "a list is written",
        "map": "an object is written",
    }[kind]
    if want == "string":
        if kind in ("list", "map"):
            return shown
        if t.kind is TypeKind.ENUM and kind == "string" and t.enum_values and content:
            # "" unsets an enum (Magic Modules accepts it); case is left to the API.
            if content.upper() not in {v.upper() for v in t.enum_values}:
                return f'`"{content}"` is none of its values'
        return ""
    if want == "number":
        if kind == "number":
            return ""
        if kind == "string" and _numeric(content):
            return ""
        return shown
    if want == "bool":
        if kind == "bool" or kind == "string" and content in ("true", "false"):
            return ""
        return shown if kind != "number" else f"`{content}` is a number"
    if want == "list":
        return "" if kind == "list" else shown.replace(" is none", "")
    if want == "map":
        return "" if kind == "map" else shown.replace(" is none", "")
    return ""


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _type_hint(want: str, t: Type) -> str:
    if t.kind is TypeKind.ENUM and t.enum_values:

        return "one of " + ", ".join(f"`{v}`" for v in t.enum_values[:8])
    return {
        "string": 'write a quoted string, e.g. `"value"`',
        "number": "write a number without quotes, e.g. `3`",
        "bool": "write `true` or `false`, without quotes",
        "list": 'write a list, e.g. `["a", "b"]`',
        "map": 'write a map, e.g. `{ key = "value" }`',
    }[want]


def _known(names: list[str]) -> str:
    if not names:
        return "this resource takes no arguments here"
    shown = ", ".join(f"`{n}`" for n in names[:12])
    return f"its arguments and blocks: {shown}" + (", ..." if len(names) > 12 else "")


# --- entry point ---------------------------------------------------------------------------


def check_example_hcl(res: Resource) -> list[Diagnostic]:
    """Every finding in every example (and update step) of the resource."""
    out: list[Diagnostic] = []
    for ex in res.examples:
        texts = [(ex.config, ex.config_at, "")]
        for i, update in enumerate(ex.updates):
            at = ex.updates_at[i] if i < len(ex.updates_at) else None
            texts.append((update, at, f", update {i + 1}"))
        checked: set[str] = set()
        for text, at, what in texts:
            filled, columns = fill_placeholders_mapped(text, ex)
            if not text.strip() or PLACEHOLDER.sub("", text) in checked:
                continue  # an update that only changes var values: its HCL is checked already
            checked.add(PLACEHOLDER.sub("", text))
            check = _Check(res, ex, at or TextAt(ex.loc or Location()), what, columns)
            check.run(filled)
            out.extend(check.items)
    return out
