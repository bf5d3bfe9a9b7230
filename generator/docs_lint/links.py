"""Links and anchors: `#x` resolves on the page, a relative link names a file of the linted
tree (and, with `#x`, an anchor in it), an http(s) link is well formed.

Nothing is fetched: external links are only parsed. A relative link is resolved inside
the tree being linted (`confine.input_path`), never outside it; links to the site itself
(`/docs/providers/...`) name pages of the Registry, not files, and are left alone.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..confine import Escape, input_path, is_file, read_regular
from ..diagnostics import Diagnostic, Location
from .codes import finding
from .page import Link, Page, parse
from .source import MAX_PAGE_BYTES, PAGE_SUFFIXES, PageFile

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_HOST = re.compile(
    r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$"
)


class AnchorCache:
    """The anchors of the other pages that links point into, read once a run."""

    def __init__(self) -> None:
        self.pages: dict[Path, set[str] | None] = {}

    def anchors(self, path: Path) -> set[str] | None:
        if path not in self.pages:
            self.pages[path] = _read_anchors(path)
        return self.pages[path]


def _read_anchors(path: Path) -> set[str] | None:
    try:
        text = read_regular(path, MAX_PAGE_BYTES).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = text.replace("\r\n", "\n").split("\n")
    end = 0
    if lines and lines[0].rstrip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 0)
    return {a.name for a in parse(lines, end).anchors}


def check_anchors(page: Page, display: str) -> list[Diagnostic]:
    """No explicit anchor twice on the page."""
    out: list[Diagnostic] = []
    first: dict[str, int] = {}
    for a in page.anchors:
        if not a.explicit:
            continue
        if a.name in first:
            out.append(
                finding(
                    "lint-anchor-duplicate",
                    f'anchor "{a.name}" is defined twice (first at line {first[a.name]})',
                    Location(display, a.line, a.col),
                    "give each anchor its own name; links go to the first one only",
                )
            )
        else:
            first[a.name] = a.line
    return out


def check_links(page: Page, file: PageFile, cache: AnchorCache) -> list[Diagnostic]:
    names = Counter(a.name for a in page.anchors)
    out: list[Diagnostic] = []
    for link in page.links:
        d = _check(link, page, names, file, cache)
        if d is not None:
            out.append(d)
    return out


def _check(
    link: Link, page: Page, names: Counter[str], file: PageFile, cache: AnchorCache
) -> Diagnostic | None:
    where = Location(file.display, link.line, link.col)
    href = link.href.strip()
    if href.startswith("#"):
        name = unquote(href[1:])
        if name in names:
            return None
        return finding(
            "lint-anchor-unresolved",
            f'link to "#{name}", but the page has no such anchor',
            where,
            f'add `<a name="{name}"></a>` where the link should land, or fix the link',
        )
    scheme = _SCHEME.match(href)
    if scheme:
        if scheme.group(1).lower() in ("http", "https"):
            return _check_url(href, where)
        return None  # mailto:, and the like
    if href.startswith("/") or not href:
        return None  # a page of the Registry site, not a file
    return _check_relative(href, where, file, cache)


def _check_url(href: str, where: Location) -> Diagnostic | None:
    problem = ""
    try:
        parts = urlsplit(href)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        problem = str(exc)
    else:
        if not parts.netloc.strip() or not host:
            problem = "it has no host"
        elif not (_HOST.match(host) or host.startswith("[") or ":" in host):
            problem = f"`{host}` is not a host name"
        elif any(ch.isspace() for ch in href):
            problem = "it contains white space"
    if not problem:
        return None
    return finding(
        "lint-link-malformed",
        f"the link `{href[:120]}` is not a well-formed URL: {problem}",
        where,
        "write the full URL, e.g. `https://learn.microsoft.com/azure/...`",
    )


def _served_as(root: Path, rel: str) -> Path | None:
    for suffix in (".markdown", ".md"):
        try:
            alt = input_path(root, rel + suffix)
        except Escape:
            return None
        if is_file(alt):
            return alt
    return None


def _broken_hint(path: str) -> str:
    if any(ch in path for ch in "[]*{}^$|\\"):
        # "match [a-z]([-a-z0-9]*[a-z0-9])?" reads as a link `[a-z]` to `[-a-z0-9]*...`
        return "this reads as a link: put the expression in backticks so it is shown as code"
    return "fix the path (relative to this page), or add the page"


def _check_relative(
    href: str, where: Location, file: PageFile, cache: AnchorCache
) -> Diagnostic | None:
    path_part, _, fragment = href.partition("#")
    path_part = unquote(path_part.split("?", 1)[0])
    try:
        here = file.path.parent.resolve().relative_to(file.root.resolve()).as_posix()
    except (OSError, ValueError):
        here = "."
    rel = posixpath.normpath(posixpath.join(here, path_part)) if path_part else ""
    if rel.startswith("../") or rel == ".." or posixpath.isabs(rel):
        # Outside the linted folder: not read, so not checked (lint the docs root for it).
        return None
    try:
        target = input_path(file.root, rel) if rel else file.path
    except Escape:
        return finding(
            "lint-link-outside",
            f"the link `{href[:120]}` goes through a symbolic link out of the linted "
            "folder; it was not followed",
            where,
            "link to the page inside the docs tree",
        )
    if rel and not (is_file(target) or target.is_dir()):
        # The Registry serves `x.html.markdown` as `x.html`: Google's pages link so.
        alt = _served_as(file.root, rel)
        if alt is None:
            shown = unquote(href)[:120]
            named = "" if shown == rel else f" (`{rel}` in the linted folder)"
            return finding(
                "lint-link-broken",
                f"the link `{shown}` names a file that does not exist{named}",
                where,
                _broken_hint(path_part),
            )
        target = alt
    if fragment and target.name.endswith(PAGE_SUFFIXES) and is_file(target):
        anchors = cache.anchors(target)
        name = unquote(fragment)
        if anchors is not None and name not in anchors:
            return finding(
                "lint-anchor-unresolved",
                f'link to "#{name}" in `{rel}`, but that page has no such anchor',
                where,
                "fix the anchor, or add it to the other page",
            )
    return None
