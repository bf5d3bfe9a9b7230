"""One confinement check for every path mmgen writes, deletes, reads back or copies.

Specs, custom-code paths and the committed manifest arrive in pull requests: a path from
any of them is untrusted. Output paths (`output_path`) must be relative, free of `..`,
and reach their file through real folders only (a symbolic link inside the output folder
could point anywhere). Input paths (`input_path`, custom code) must resolve, links
followed, to a file inside the folder they are relative to.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath


class Escape(ValueError):
    """A path that would leave its folder; the message says how."""


# Names every generated path is made of: checked by one regex, not by two pathlib parses
# (a no-op run checks every output path twice, and pathlib was most of that time).
_PLAIN = re.compile(r"[A-Za-z0-9_.@+-]+(?:/[A-Za-z0-9_.@+-]+)*")


def _parts(rel: str) -> tuple[str, ...]:
    if _PLAIN.fullmatch(rel):
        parts = tuple(rel.split("/"))
        if "." not in parts and ".." not in parts:
            return parts
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


def output_path(root: Path, rel: str, real_dirs: set[str] | None = None) -> Path:
    """`root/rel` for writing, deleting or reading back; raises Escape otherwise.

    `real_dirs` (the caller's, for one batch of paths) remembers the folders already found
    not to be links, so that a tree of thousands of files checks each folder once."""
    return Path(checked_output(os.fspath(root), rel, real_dirs))


def checked_output(root: str, rel: str, real_dirs: set[str] | None = None) -> str:
    """`output_path` as a string: the checks alone, without building a Path (a manifest of
    thousands of entries is checked on every run)."""
    parts = _parts(rel)
    for part in parts:
        if len(part) * 4 > NAME_MAX and len(part.encode("utf-8", "surrogatepass")) > NAME_MAX:
            raise Escape(f"`{part[:40]}…` is longer than file systems allow ({NAME_MAX} bytes)")
    current = root or "."
    last = len(parts) - 1
    for i, part in enumerate(parts):
        current = current + part if current.endswith(os.sep) else current + os.sep + part
        if i < last and real_dirs is not None and current in real_dirs:
            continue
        if os.path.islink(current):
            raise Escape(f"`{rel}` goes through the symbolic link `{current}`")
        if i < last and real_dirs is not None:
            real_dirs.add(current)
    return current


def input_path(root: Path, rel: str) -> Path:
    """`root/rel` resolved (links followed) for reading; raises Escape when it leaves root."""
    if PurePosixPath(rel).is_absolute() or PureWindowsPath(rel).is_absolute():
        raise Escape(f"`{rel}` is an absolute path")
    if "\0" in rel:
        raise Escape("a path with a NUL character")
    base = root.resolve()
    resolved = (base / rel).resolve()
    if resolved != base and base not in resolved.parents:
        raise Escape(f"`{rel}` leads outside `{root}` (to `{resolved}`)")
    return resolved


class NotRegularFile(OSError):
    """A FIFO, socket, device or folder where a file was expected."""


def read_regular(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file, at most `limit + 1` of them (so callers see "too big").

    Every file mmgen reads (specs, pages, custom code, its own output read back, the
    manifest) comes through here: opening a FIFO blocks and a device never ends, and a
    check before `open` races with a swap. So the file is opened without blocking and
    checked on the open descriptor; it raises NotRegularFile, or OSError as `open` does.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "is a directory, expected a file", str(path))
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(22, "is not a regular file (a FIFO, socket or device?)", str(path))
        chunks: list[bytes] = []
        left = None if limit is None else limit + 1
        while left is None or left > 0:
            chunk = os.read(fd, 1 << 20 if left is None else min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            if left is not None:
                left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_regular_text(path: str | os.PathLike[str]) -> str:
    """`read_regular` decoded as `Path.read_text` does: UTF-8, universal newlines."""
    return read_regular(path).decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def is_file(path: str | os.PathLike[str]) -> bool:
    """`Path.is_file` that never raises: a name from a spec that is too long for the file
    system or holds a NUL names no file (Path.is_file raises for both)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
