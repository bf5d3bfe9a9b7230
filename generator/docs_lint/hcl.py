"""Example configurations (```hcl, ```terraform, ```tf) parsed by a real HCL parser,
python-hcl2, with its error's line and column mapped to the page's."""

from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostic, Location
from .codes import finding
from .page import Fence

HCL_INFOS = frozenset({"hcl", "terraform", "tf"})


def _parse(text: str) -> None:
    import hcl2  # imported on first use: building the grammar costs ~0.3 s

    hcl2.parses_to_tree(text)


def check_fence(fence: Fence, display: str) -> list[Diagnostic]:
    if fence.info not in HCL_INFOS or not fence.content.strip():
        return []
    try:
        _parse(fence.content)
    except RecursionError:
        return [_at(fence, display, 1, 1, "the configuration nests too deeply to parse", "")]
    except Exception as exc:  # a third-party parser: whatever it raises is a finding
        line = getattr(exc, "line", None)
        col = getattr(exc, "column", None)
        if not isinstance(line, int) or line < 1:
            return [_at(fence, display, 1, 1, f"HCL does not parse: {_one_line(exc)}", "")]
        col = col if isinstance(col, int) else 1
        message, hint = _describe(exc, fence.content, line, col)
        if message.startswith("`%{`"):
            col -= 2  # at the `%{`, not at the word after it where the parser stopped
        return [_at(fence, display, line, col, message, hint)]
    return []


def _at(fence: Fence, display: str, line: int, col: int, message: str, hint: str) -> Diagnostic:
    n_lines = fence.content.count("\n")
    line = min(line, max(n_lines, 1))  # the parser's end-of-input is the fence's last line
    where = Location(display, fence.body_line + line - 1, max(col, 1) + fence.indent)
    return finding(
        "lint-hcl-syntax",
        f"example {fence.info} block (line {fence.line}) is not valid HCL: {message}",
        where,
        hint or "fix the configuration so that `terraform validate` would accept it",
    )


def _describe(exc: Exception, text: str, line: int, col: int) -> tuple[str, str]:
    token: Any = getattr(exc, "token", None)
    src = text.split("\n")[line - 1] if line - 1 < len(text.split("\n")) else ""
    before = src[: max(col - 1, 0)]
    if token is not None and getattr(token, "type", "") == "$END":
        return (
            "the configuration ends inside a block, string or expression",
            "close every `{`, `[`, `(` and string that is opened",
        )
    if before.endswith("%{"):
        return (
            "`%{` starts an HCL template directive, and this is none (an unrendered "
            "test placeholder?)",
            "replace the placeholder with a value, or write `%%{` for a literal `%{`",
        )
    if token is not None:
        # The lexer may hand over the rest of the line as one token: its first word is enough.
        value = (str(getattr(token, "value", "")).split() or [""])[0][:40]
        if value:
            return f"unexpected `{value}`", ""
    char = getattr(exc, "char", None)
    if isinstance(char, str):
        return f"unexpected character `{char}`", ""
    return _one_line(exc), ""


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split("\n")[0].split())[:200] or type(exc).__name__
