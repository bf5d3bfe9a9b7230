"""Which files a lint run reads, and reading one of them into text.

Every failure is a diagnostic at the file, never an exception: a FIFO, a folder where a
page was expected, a page that is not UTF-8. A folder is walked for Markdown pages only,
and a link leaving it (a symbolic link to elsewhere) is not followed: the linter reads
inside the trees it was given and nowhere else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..confine import Escape, NotRegularFile, input_path, read_regular
from ..diagnostics import Diagnostic, Location
from .codes import finding

# A docs page is tens of kilobytes; the largest Google page is under 300 KB.
MAX_PAGE_BYTES = 4 * 1024 * 1024
PAGE_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class PageFile:
    path: Path  # where to read it
    display: str  # how diagnostics name it
    root: Path  # the linted tree: relative links must stay inside it


@dataclass(frozen=True)
class PageText:
    file: PageFile
    text: str  # newlines normalised to \n, BOM removed
    lines: list[str]


def collect(paths: list[str]) -> list[PageFile]:
    """The pages under `paths`: a file as given, a folder's Markdown pages, sorted."""
    found: dict[str, PageFile] = {}
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for page in _walk(p):
                found.setdefault(page.display, page)
        else:
            found.setdefault(given, PageFile(p, given, p.parent))
    return [found[k] for k in sorted(found)]


def _walk(root: Path) -> list[PageFile]:
    pages: list[PageFile] = []
    for folder, dirs, files in os.walk(root):  # os.walk does not follow folder links
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.endswith(PAGE_SUFFIXES) or name.startswith("."):
                continue
            if name.split(".")[0].isupper():
                continue  # README.md, SOURCE.md: notes beside the pages, not pages
            full = Path(folder) / name
            rel = full.relative_to(root).as_posix()
            try:
                input_path(root, rel)  # a linked file must resolve inside the tree
            except Escape:
                continue
            pages.append(PageFile(full, (root / rel).as_posix(), root))
    return pages


def read_page(page: PageFile) -> tuple[PageText | None, list[Diagnostic]]:
    where = Location(page.display, 1, 1)
    try:
        data = read_regular(page.path, MAX_PAGE_BYTES)
    except NotRegularFile:
        return None, [
            finding(
                "lint-unreadable",
                "is not a regular file (a FIFO, socket or device?)",
                where,
                "point the linter at a Markdown page or a folder of them",
            )
        ]
    except OSError as exc:
        return None, [
            finding(
                "lint-unreadable",
                f"cannot read the page: {exc.strerror or exc}",
                where,
                "check the path and its permissions",
            )
        ]
    if len(data) > MAX_PAGE_BYTES:
        return None, [
            finding(
                "lint-unreadable",
                f"is larger than {MAX_PAGE_BYTES // (1024 * 1024)} MiB; not a docs page",
                where,
                "point the linter at a docs page",
            )
        ]
    return decode(page, data)


def decode(page: PageFile, data: bytes) -> tuple[PageText | None, list[Diagnostic]]:
    where = Location(page.display, 1, 1)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [
            finding(
                "lint-encoding",
                "file is binary (it contains NUL bytes), not a Markdown page",
                Location(page.display, line, 1),
                "point the linter at a Markdown page",
            )
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        # The column in characters: the line's start up to the bad byte is valid UTF-8.
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, [
            finding(
                "lint-encoding",
                f"byte 0x{data[exc.start]:02x} is not UTF-8 text",
                Location(page.display, line, col),
                "save the page as UTF-8",
            )
        ]
    if not text.strip():
        return None, [
            finding("lint-empty", "the page is empty", where, "write the page, or delete it")
        ]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return PageText(page, text, text.split("\n")), []
