"""The DO NOT EDIT banner every generated file starts with."""

from __future__ import annotations


def comment_safe(text: str) -> str:
    """Paths go into comments: no newline or control character may end the comment."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


def banner(spec: str, template: str, command: str, prefix: str = "# ") -> str:
    lines = [
        "-" * 76,
        "",
        "    ***     AUTO GENERATED CODE    ***    Type: mmgen     ***",
        "",
        "DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;",
        "hand edits are overwritten. Change the spec (or its custom code) instead.",
        "",
        f"Source spec: {comment_safe(spec)}",
        f"Template:    {comment_safe(template)}",
        f"Regenerate:  make generate  ({comment_safe(command)})",
        "",
        "-" * 76,
    ]
    return "\n".join((prefix + line).rstrip() for line in lines)
