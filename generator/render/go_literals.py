"""Go escapers: the only way a value from a spec reaches generated Go.

`go_string` makes an interpreted string literal that evaluates to exactly the value;
identifiers are built from snake_case names and never collide with Go keywords or the
predeclared names a generated file uses.
"""

from __future__ import annotations

import math
import re

GO_KEYWORDS = frozenset(
    "break default func interface select case defer go map struct chan else goto package "
    "switch const fallthrough if range type continue for import return var".split()
)
_SAFE = re.compile(r"[A-Za-z0-9_]")


# Every character `go_string` may have to change: quote, backslash, controls and all of
# non-ASCII (most of which passes unchanged, but only `_go_char` can tell).
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f-\U0010ffff]')
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


# The ASCII characters `go_string` escapes other than by `_SHORT_ESCAPES`.
_RARE_ASCII = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def go_string(value: str) -> str:
    """A Go interpreted string literal equal to `value` (any Unicode, control characters)."""
    if _NEEDS_ESCAPE.search(value) is None:
        return '"' + value + '"'  # most spec strings: nothing to escape
    if value.isascii() and _RARE_ASCII.search(value) is None:
        # ASCII whose only escapes are the short ones (quotes, newlines): C string
        # replaces (a regex callback per quote or newline cost ~0.5 s of a corpus run).
        # The backslash goes first, so the backslashes the others add stay single.
        return (
            '"'
            + value.replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\t", "\\t")
            .replace("\r", "\\r")
            + '"'
        )
    return '"' + _NEEDS_ESCAPE.sub(_go_char, value) + '"'


def _go_char(m: re.Match[str]) -> str:
    ch = m.group()
    short = _SHORT_ESCAPES.get(ch)
    if short is not None:
        return short
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        return "\\uFFFD"  # a lone surrogate has no UTF-8 form; Go would reject it
    if code < 0x20 or code == 0x7F or not ch.isprintable():
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
    return ch


def go_int(value: int) -> str:
    return str(int(value))


def go_float(value: float) -> str:
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"no Go float literal for {value!r}")
    text = repr(float(value))
    return text if any(c in text for c in ".e") else text + ".0"


def go_bool(value: bool) -> str:
    return "true" if value else "false"


def _parts(snake: str) -> list[str]:
    return [p for p in re.split(r"[^A-Za-z0-9]+", snake) if p]


INITIALISMS = frozenset({"id", "url", "api", "http", "ip", "dns", "json", "uri", "vm", "tls"})


def go_exported(snake: str) -> str:
    """`cluster_id` -> `ClusterID`: an exported Go identifier, initialisms upper-cased."""
    parts = _parts(snake) or ["X"]
    name = "".join(p.upper() if p.lower() in INITIALISMS else p[:1].upper() + p[1:] for p in parts)
    return name if name[:1].isalpha() else "X" + name


def go_unexported(snake: str) -> str:
    """`batch_ai_job` -> `batchAiJob`: never a keyword."""
    exported = go_exported(snake)
    first = _parts(snake)[0] if _parts(snake) else "x"
    if first.lower() in INITIALISMS and exported.startswith(first.upper()):
        name = first.lower() + exported[len(first) :]
    else:
        name = exported[:1].lower() + exported[1:]
    return name + "_" if name in GO_KEYWORDS else name


def go_package(snake: str) -> str:
    """A Go package name: lower-case letters and digits only (`batch_ai` -> `batchai`)."""
    name = "".join(ch for ch in snake.lower() if ch.isalnum())
    if not name or not name[0].isalpha():
        name = "p" + name
    return name + "pkg" if name in GO_KEYWORDS else name
