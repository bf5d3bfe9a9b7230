"""Format generated text in-process; one fixed black Mode, never the user's config.

datamodel-code-generator's output changed with the black config of the project it ran
in; ours depends only on the pinned black version and the Mode below.
"""

from __future__ import annotations

import black

BLACK_MODE = black.Mode(
    target_versions={black.TargetVersion.PY311},
    line_length=100,
    string_normalization=True,
    magic_trailing_comma=True,
    preview=False,
)


class FormatError(Exception):
    pass


def format_python(source: str) -> str:
    try:
        return black.format_str(source, mode=BLACK_MODE)
    except black.NothingChanged:  # pragma: no cover - format_str does not raise it
        return source
    except Exception as exc:  # black raises InvalidInput and a few internal errors
        raise FormatError(" ".join(str(exc).split())[:500]) from exc


def normalize_text(text: str) -> str:
    """Markdown/TOML: no trailing spaces, exactly one newline at the end."""
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
