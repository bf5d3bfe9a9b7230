"""One lint run: every page under the paths, every check, diagnostics in a stable order."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..diagnostics import Diagnostic, Findings
from ..workers import worker_pool
from .blocks import check_blocks, check_fields
from .family import detect_family, detect_kind, rules_for
from .fields import read_sections
from .front_matter import check_keys, read_front_matter
from .hcl import check_fence
from .headings import check_sections, check_title, title_of
from .links import AnchorCache, check_anchors, check_links
from .page import Heading, parse
from .sentences import check_sentences
from .source import PageFile, PageText, collect, read_page


@dataclass
class LintReport(Findings):
    pages: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)


# Below this many pages a worker pool costs more than it saves (~0.3 s to start).
PARALLEL_FROM = 24


def lint_paths(paths: list[str], family: str = "auto", jobs: int | None = None) -> LintReport:
    """Lint every page under `paths` (files, or folders of Markdown pages).

    Pages are independent, so a large tree is linted by `jobs` worker processes (default:
    one per core); the diagnostics are sorted, so the report is the same either way.
    """
    files = collect(paths)
    if jobs is None:
        jobs = min(os.cpu_count() or 1, 8) if len(files) >= PARALLEL_FROM else 1
    diags: list[Diagnostic] = []
    if jobs <= 1:
        diags = _lint_chunk(files, family)
    else:
        chunks = [files[i::jobs] for i in range(jobs)]
        with worker_pool(jobs) as pool:
            for part in pool.map(_lint_chunk, chunks, [family] * jobs):
                diags += part
    return LintReport(len(files), sorted(set(diags), key=Diagnostic.sort_key))


def _lint_chunk(files: list[PageFile], family: str) -> list[Diagnostic]:
    cache = AnchorCache()
    out: list[Diagnostic] = []
    for f in files:
        out += lint_file(f, family, cache)
    return out


def lint_file(
    file: PageFile, family: str = "auto", cache: AnchorCache | None = None
) -> list[Diagnostic]:
    text, diags = read_page(file)
    if text is None:
        return diags
    return lint_text(text, family, cache or AnchorCache())


def lint_text(src: PageText, family: str, cache: AnchorCache) -> list[Diagnostic]:
    display = src.file.display
    fm, out = read_front_matter(src.lines, display)
    page = parse(src.lines, fm.end if fm.present else -1)
    title = title_of(page)
    heads = [el.plain for el in page.elements if isinstance(el, Heading) and el.level == 2]
    banner = "\n".join(src.lines[: fm.end]) if fm.present else ""
    if family == "auto":
        family = detect_family(
            fm.values.get("layout", ""), title.plain if title else "", heads, banner
        )
    rules = rules_for(family, detect_kind(display, fm.values.get("page_title", "")))
    out += check_keys(fm, rules.front_matter, display)
    name = PurePosixPath(display).name
    out += check_title(page, rules, fm.values.get("page_title", ""), display, name)
    out += check_sections(page, rules, display)
    sections, unparsed = read_sections(page, display)
    out += unparsed
    out += check_fields(sections)
    out += check_blocks(sections)
    out += check_sentences(page, sections)
    for fence in page.fences:
        out += check_fence(fence, display)
    out += check_anchors(page, display)
    out += check_links(page, src.file, cache)
    return sorted(set(out), key=Diagnostic.sort_key)
