"""Which conventions a page follows: its family (azurerm or google) and its kind (resource,
data source, provider index, guide), and the `##` sections each one expects, in order.

The rules were read off the real pages: the azurerm contributor standard and its pages,
and the 604 pages Magic Modules writes for the Google provider (which carry no `layout`
or `page_title` in their front matter, and add hand-written sections among the examples
and before the Import section of a few pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

FAMILIES = ("auto", "azurerm", "google")


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # as the family writes it, for messages
    pattern: re.Pattern[str]  # matches the heading's plain text, lower case
    required: bool
    repeats: bool = False  # several headings of this section (one per example)
    old: re.Pattern[str] | None = None  # an older spelling accepted with a warning


def _p(text: str) -> re.Pattern[str]:
    return re.compile(text)


_EXAMPLE = Section("example", "Example Usage", _p(r"^example usage\b"), True, repeats=True)
_ATTRS = Section("attributes", "Attributes Reference", _p(r"^attributes? reference$"), True)
_TIMEOUTS = Section("timeouts", "Timeouts", _p(r"^timeouts$"), True)
_IMPORT = Section("import", "Import", _p(r"^import$"), True)

AZURERM = (
    _EXAMPLE,
    Section(
        "arguments",
        "Arguments Reference",
        _p(r"^arguments reference$"),
        True,
        old=_p(r"^argument reference$"),
    ),
    _ATTRS,
    _TIMEOUTS,
    _IMPORT,
    Section("api", "API Providers", _p(r"^api providers$"), False),
)
GOOGLE = (
    _EXAMPLE,
    Section("arguments", "Argument Reference", _p(r"^arguments? reference$"), True),
    _ATTRS,
    _TIMEOUTS,
    _IMPORT,
    Section("overrides", "User Project Overrides", _p(r"^user project overrides$"), False),
)


@dataclass(frozen=True)
class Rules:
    family: str
    kind: str  # resource | data-source | index | guide
    sections: tuple[Section, ...]  # the `##` sections in order; () checks none
    unknown_allowed: bool  # other `##` sections may appear among them
    front_matter: tuple[str, ...]  # required front matter keys


def detect_family(layout: str, title: str, headings: list[str], banner: str) -> str:
    """azurerm or google, from the front matter's layout, else the page's own marks."""
    low = layout.lower()
    if low in ("azurerm", "google"):
        return low
    if "type: mmv1" in banner.lower() or title.startswith("google_"):
        return "google"
    if any(h.lower().startswith("example usage - ") for h in headings):
        return "google"
    return "azurerm"  # mmgen's own pages of other providers follow azurerm's layout


def detect_kind(display: str, page_title: str) -> str:
    path = PurePosixPath(display)
    name = path.name.lower()
    folders = {p.lower() for p in path.parts[:-1]}
    if name.startswith("index.") or page_title.lower().startswith("provider:"):
        return "index"
    if folders & {"d", "data-sources"}:
        return "data-source"
    if folders & {"guides"}:
        return "guide"
    return "resource"


def rules_for(family: str, kind: str) -> Rules:
    sections: tuple[Section, ...] = AZURERM if family == "azurerm" else GOOGLE
    unknown_allowed = family == "google"
    if family == "azurerm":
        keys: tuple[str, ...] = ("subcategory", "layout", "page_title", "description")
    else:
        # Magic Modules writes only these two; the Registry needs no more for Google.
        keys = ("subcategory", "description")
    if kind == "data-source":
        # Data sources have no Timeouts (mostly) and nothing to import.
        sections = tuple(
            s if s.key != "timeouts" else Section(s.key, s.title, s.pattern, False)
            for s in sections
            if s.key != "import"
        )
    elif kind in ("index", "guide"):
        sections = ()
        unknown_allowed = True
        keys = tuple(k for k in keys if k != "subcategory")
    return Rules(family, kind, sections, unknown_allowed, keys)
