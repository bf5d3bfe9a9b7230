"""One confinement check for every path mmgen writes, deletes, reads back or copies.

Specs, custom-code paths and the committed manifest arrive in pull requests: a path from
any of them is untrusted. Output paths (`output_path`) must be relative, free of `..`,
and reach their file through real folders only (a symbolic link inside the output folder
could point anywhere). Input paths (`input_path`, custom code) must resolve, links
followed, to a file inside the folder they are relative to.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath


class Escape(ValueError):
    """A path that would leave its folder; the message says how."""


def _parts(rel: str) -> tuple[str, ...]:
    posix = PurePosixPath(rel)
    if posix.is_absolute() or PureWindowsPath(rel).is_absolute() or rel.startswith("\\"):
        raise Escape(f"`{rel}` is an absolute path")
    parts = posix.parts
    bad = not parts or ".." in parts or "\\" in rel or "\0" in rel or str(posix) != rel
    if bad:
        raise Escape(f"`{rel}` is not a plain relative path (no `..`, `//` or backslashes)")
    return parts


# File systems limit one name to 255 bytes (NAME_MAX): checked before the first write, so
# that a spec with an over-long name fails whole instead of after a partial write.
NAME_MAX = 255


def output_path(root: Path, rel: str) -> Path:
    """`root/rel` for writing, deleting or reading back; raises Escape otherwise."""
    parts = _parts(rel)
    for part in parts:
        if len(part.encode("utf-8", "surrogatepass")) > NAME_MAX:
            raise Escape(f"`{part[:40]}…` is longer than file systems allow ({NAME_MAX} bytes)")
    current = root
    for part in parts:
        current = current / part
        if os.path.islink(current):
            raise Escape(f"`{rel}` goes through the symbolic link `{current}`")
    return current


def input_path(root: Path, rel: str) -> Path:
    """`root/rel` resolved (links followed) for reading; raises Escape when it leaves root."""
    if PurePosixPath(rel).is_absolute() or PureWindowsPath(rel).is_absolute():
        raise Escape(f"`{rel}` is an absolute path")
    base = root.resolve()
    resolved = (base / rel).resolve()
    if resolved != base and base not in resolved.parents:
        raise Escape(f"`{rel}` leads outside `{root}` (to `{resolved}`)")
    return resolved
