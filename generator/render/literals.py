"""Escapers: the only way a string from a spec reaches generated text.

Python code gets `repr()` of the value (never quotes pasted around it in a template).
Markdown, HCL and YAML front matter each get their own escaper below.
"""

from __future__ import annotations

import keyword
import re
from typing import Any

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def py(value: Any) -> str:
    """A Python expression that evaluates to `value` (str, int, float, bool, None, tuples)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        # 3.0 and 3 are equal, but keep floats floats: the type is part of the contract.
        return repr(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return repr(value)
    if isinstance(value, tuple):
        inner = ", ".join(py(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    raise TypeError(f"no Python literal for {type(value).__name__}")


class PythonIdentifier(str):
    """A string that is a valid, non-keyword Python identifier by construction."""

    def __new__(cls, value: str) -> PythonIdentifier:
        if not _IDENT.fullmatch(value) or keyword.iskeyword(value):
            raise ValueError(f"not a Python identifier: {value!r}")
        return super().__new__(cls, value)


def pascal_case(snake: str) -> PythonIdentifier:
    return PythonIdentifier(
        "".join(part[:1].upper() + part[1:] for part in snake.split("_") if part)
    )


def module_name(snake: str) -> PythonIdentifier:
    name = snake if not keyword.iskeyword(snake) else snake + "_"
    return PythonIdentifier(name)


def _escaped(value: str, simple: dict[str, str], short_u: bool = True) -> str:
    """`value` with quotes/backslashes per `simple`, and every character that is not
    printable (controls, line and paragraph separators, lone surrogates) as a \\u escape:
    such characters end lines in YAML, HCL or Markdown, or are invalid there."""
    if value.isascii() and value.isprintable() and not any(k in value for k in simple):
        return value  # the common case, checked in C: nothing to escape
    out = []
    for ch in value:
        code = ord(ch)
        if ch in simple:
            out.append(simple[ch])
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\\uFFFD")  # a lone surrogate has no UTF-8 form
        elif not ch.isprintable() and ch != " ":
            out.append(f"\\u{code:04X}" if code <= 0xFFFF or short_u else f"\\U{code:08X}")
        else:
            out.append(ch)
    return "".join(out)


_QUOTED = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _double_quoted(value: str) -> str:
    """The escapes YAML's, TOML's and HCL's double-quoted strings share (`\\U` beyond BMP)."""
    return '"' + _escaped(value, _QUOTED, short_u=False) + '"'


def yaml_scalar(value: str) -> str:
    """A double-quoted YAML scalar for front matter; U+0085/2028/2029 (YAML line breaks)
    and every other unprintable character escaped."""
    return _double_quoted(value)


def toml_string(value: str) -> str:
    """A TOML basic string: \\uXXXX or \\UXXXXXXXX escapes (never surrogate pairs)."""
    return _double_quoted(value)


def md_inline_code(text: str) -> str:
    """Inline code that survives backticks inside `text`, on one line: a line break would
    end the bullet (and a following `# x` become a heading), so it shows as `\\n`."""
    if not text:
        return '`""`'  # an empty code span is no code span: show the empty string
    text = _escaped(text, {"\n": "\\n", "\r": "\\r", "\t": "\\t"})
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_fence(text: str) -> str:
    """A code fence longer than any backtick run in the code, so the code cannot close it."""
    longest = max((len(m) for m in re.findall(r"`{3,}", text)), default=0)
    return "`" * max(3, longest + 1)


def md_text(text: str) -> str:
    """Spec Markdown placed in a bullet or paragraph: one logical line, no structure breaks.

    Descriptions are Markdown by design, so emphasis and links pass through; what must not
    pass is anything that would end the bullet or start a new block (newlines, a leading
    `#`, `---`, HTML comments that would swallow the rest of the page).
    """
    one_line = " ".join(text.split())
    return one_line.replace("<!--", "&lt;!--")


# What starts a block of another kind when it opens a line (CommonMark): an ATX heading,
# a quote, a list item, a thematic break, a fence, an HTML block, a link definition.
_BLOCK_START = re.compile(
    r"#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]|$)|([-*_])[ \t]*(?:\1[ \t]*){2,}$"
    r"|`{3,}|~{3,}|<(?=[A-Za-z/!?])|\[[^\]]*\]:|(?P<ordinal>\d{1,9})[.)](?=[ \t]|$)"
)


def md_paragraph(text: str) -> str:
    """Spec Markdown as a paragraph of its own: `md_text`, and never a block of another
    kind (a `# heading`, `---`, a fence or an HTML block) where the page wants prose.
    Emphasis, code and links at the start stay: only what would open a block is escaped,
    by a backslash before its first punctuation character."""
    one_line = md_text(text)
    m = _BLOCK_START.match(one_line)
    if not m:
        return one_line
    at = m.end("ordinal") if m.group("ordinal") else 0
    return one_line[:at] + "\\" + one_line[at:]


def yaml_block(value: str) -> str:
    """A front-matter value as the registry writes it (`|-` and an indented line) when
    the value is one plain line, else a double-quoted scalar: a literal block cannot hold
    control characters, and a leading space would change its indentation."""
    plain = value and value == value.strip() and all(c.isprintable() for c in value)
    return "|-\n  " + value if plain else yaml_scalar(value)


def hcl_string(value: str) -> str:
    """An HCL quoted string literal: HCL's escapes only (no JSON `\\b`/`\\f`), and its
    `${` and `%{` template sequences doubled."""
    return _double_quoted(value).replace("${", "$${").replace("%{", "%%{")
