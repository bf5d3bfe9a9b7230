"""The page's sections besides the argument and attribute references: Timeouts, Example
Usage and API Providers."""

from __future__ import annotations

import re

from ...model.nodes import Example, Timeouts
from ..naming import snake
from .markdown import Page, Part
from .report import Report
from .sections import parse_field

_TIMEOUT = re.compile(r"defaults? to (\d+) (minute|hour)s?", re.I)
_EXAMPLE_LANGS = ("hcl", "terraform", "tf", "")


def read_timeouts(parts: list[Part], page: Page, report: Report) -> Timeouts:
    """Minutes per operation from "`create` - (Defaults to 30 minutes) ..." bullets; the
    operations the page lists are recorded on the report, so the spec keeps every one of
    them even where it equals the model's default (azurerm's `read` is 5, as ours)."""
    found: dict[str, int] = {}
    for _, body in parts:
        for el in body:
            for item, line in el.items:
                f = parse_field(item, line, page, report)
                m = _TIMEOUT.search(f.flag) if f else None
                if f and m and f.name in ("create", "read", "update", "delete"):
                    found[f.name] = int(m.group(1)) * (60 if m.group(2).lower() == "hour" else 1)
                    report.timeouts_listed.append(f.name)
                elif f:
                    report.bag.warning("docs-timeout", f"cannot read timeout `{f.name}`", f.loc)
    base = Timeouts()
    return Timeouts(
        create=found.get("create", base.create),
        read=found.get("read", base.read),
        update=found.get("update", base.update),
        delete=found.get("delete", base.delete),
    )


def read_examples(parts: list[Part], report: Report) -> tuple[Example, ...]:
    """The HCL code blocks, named after the heading above each (unique names)."""
    out: list[Example] = []
    for heading, body in parts:
        label = heading.text
        for el in body:
            if el.kind == "heading":
                label = el.text
            elif el.kind == "fence" and (el.info.split() or [""])[0] in _EXAMPLE_LANGS:
                bare = re.sub(r"(?i)^\W*example(?: usage)?", "", label.replace("`", ""))
                base = snake(bare) or "basic"
                name, n = base, 2
                while any(e.name == name for e in out):
                    name, n = f"{base}_{n}", n + 1
                out.append(Example(name=name, config=el.text, loc=report.loc(el.start)))
    return tuple(out)


def read_providers(parts: list[Part]) -> tuple[str | None, list[str]]:
    """The first API version and every namespace of "`Microsoft.X` - 2023-01-01" bullets."""
    found: list[tuple[str, str]] = []
    for _, body in parts:
        for el in body:
            for item, _line in el.items:
                m = re.match(r"`([^`]+)`\s*-\s*(\S+)", item.strip())
                if m:
                    found.append((m.group(1), m.group(2)))
    return (found[0][1] if found else None), [ns for ns, _ in found]
