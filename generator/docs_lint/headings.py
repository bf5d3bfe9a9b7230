"""The `# title` and the `##` sections: present, in the family's order, each once."""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, Location
from .codes import finding
from .family import Rules, Section
from .page import Heading, Page

_PAGE_SUFFIXES = (".html.markdown", ".html.md", ".markdown", ".md")


def title_of(page: Page) -> Heading | None:
    """The `# title`: the first level-1 heading before any `##` section."""
    for el in page.elements:
        if isinstance(el, Heading):
            if el.level == 1:
                return el
            if el.level == 2:
                return None
    return None


def check_title(
    page: Page, rules: Rules, page_title: str, display: str, file_name: str
) -> list[Diagnostic]:
    title = title_of(page)
    if title is None:
        return [
            finding(
                "lint-title-missing",
                "the page has no `# title` before its first `##` section",
                Location(display, 1, 1),
                "add a `# <resource name>` line after the front matter",
            )
        ]
    if rules.kind in ("index", "guide"):
        return []
    name = title.plain.strip()
    if page_title:
        # "Azure Resource Manager: azurerm_batch_account" names the resource after the colon.
        expected = page_title.rsplit(":", 1)[-1].strip()
        if expected and name != expected:
            return [
                finding(
                    "lint-title-mismatch",
                    f"the title `{name}` is not the resource `{expected}` of page_title "
                    f'"{page_title}"',
                    Location(display, title.line, title.col),
                    f"make the title `# {expected}`, or correct page_title",
                )
            ]
        return []
    stem = next((file_name[: -len(s)] for s in _PAGE_SUFFIXES if file_name.endswith(s)), "")
    # Without page_title the Registry names the page by its file: `<provider>_<file stem>`.
    if stem and re.fullmatch(r"[a-z0-9_]+", stem) and not name.endswith("_" + stem):
        return [
            finding(
                "lint-title-mismatch",
                f"the title `{name}` does not name the resource of the file `{file_name}` "
                f"(`<provider>_{stem}`)",
                Location(display, title.line, title.col),
                "make the title the resource's full name, or rename the file",
            )
        ]
    return []


def _match(rules: Rules, text: str) -> tuple[int, bool] | None:
    """The index of the section a heading opens, and whether it used the old spelling."""
    low = " ".join(text.lower().split())
    for i, sec in enumerate(rules.sections):
        if sec.pattern.search(low):
            return i, False
        if sec.old is not None and sec.old.search(low):
            return i, True
    return None


def check_sections(page: Page, rules: Rules, display: str) -> list[Diagnostic]:
    if not rules.sections:
        return []
    out: list[Diagnostic] = []
    seen: dict[int, Heading] = {}
    last = -1
    heads = [el for el in page.elements if isinstance(el, Heading) and el.level == 2]
    order = ", ".join(f"`## {s.title}`" for s in rules.sections)
    for h in heads:
        where = Location(display, h.line, h.col)
        hit = _match(rules, h.plain)
        if hit is None:
            if not rules.unknown_allowed:
                out.append(
                    finding(
                        "lint-heading-unknown",
                        f"`## {h.plain}` is not a section of an {rules.family} {rules.kind} page",
                        where,
                        f"the {rules.family} sections are {order}; fold this text into one",
                    )
                )
            continue
        idx, old = hit
        sec = rules.sections[idx]
        if old:
            out.append(
                finding(
                    "lint-heading-old",
                    f"`## {h.plain}` is the older name of `## {sec.title}`",
                    where,
                    f"rename the heading to `## {sec.title}`",
                )
            )
        if idx in seen and not sec.repeats:
            first = seen[idx]
            out.append(
                finding(
                    "lint-heading-duplicate",
                    f"a second `## {sec.title}` section (the first is at line {first.line})",
                    where,
                    "merge the two sections",
                )
            )
        elif idx < last:
            after = rules.sections[last]
            out.append(
                finding(
                    "lint-heading-order",
                    f"`## {sec.title}` comes after `## {after.title}`; {rules.family} pages "
                    f"put it before",
                    where,
                    f"move the section; the order is {order}",
                )
            )
        seen.setdefault(idx, h)
        last = max(last, idx)
    out += _missing(rules, seen, heads, page, display)
    return out


def _missing(
    rules: Rules, seen: dict[int, Heading], heads: list[Heading], page: Page, display: str
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for i, sec in enumerate(rules.sections):
        if i in seen or not sec.required:
            continue
        # Reported where the section belongs: at the next section present after it.
        later = [seen[j] for j in sorted(seen) if j > i]
        last = len(page.lines) - (1 if page.lines and page.lines[-1] == "" else 0)
        line = later[0].line if later else max(last, 1)
        col = later[0].col if later else 1
        code = "lint-example-missing" if sec.key == "example" else "lint-heading-missing"
        out.append(
            finding(
                code,
                f"the page has no `## {sec.title}` section",
                Location(display, line, col),
                _missing_hint(sec),
            )
        )
    return out


def _missing_hint(sec: Section) -> str:
    if sec.key == "example":
        return "add an `## Example Usage` section with a complete ```hcl configuration"
    return f"add a `## {sec.title}` section here"
