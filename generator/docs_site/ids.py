"""HTML ids for a page: sanitised, unique, and the same function for ids and `#links`.

Anchors come from spec-derived text (block paths, argument names, headings), so an id
is reduced to a safe alphabet before it reaches an attribute; links to an anchor go
through the same function, so `[x](#block-x)` keeps pointing at `<a id="block-x">`.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[^A-Za-z0-9_.:-]+")
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")


def safe_id(text: str) -> str:
    """`text` in the id alphabet (letters, digits, `_ . : -`), starting with a letter."""
    cleaned = _UNSAFE.sub("-", text).strip("-")
    if not cleaned:
        return "id"
    if not (cleaned[0].isascii() and cleaned[0].isalpha()):
        cleaned = "id-" + cleaned
    return cleaned


def slug(text: str) -> str:
    """A heading's id: lower case words joined by `-` (`Example Usage` -> `example-usage`)."""
    return safe_id(_SLUG_UNSAFE.sub("-", text.lower()).strip("-") or "section")


class IdAllocator:
    """Hands out ids unique on one page. Anchors a page names itself are reserved first,
    so an id made up for a heading or a bullet never takes one a link points at."""

    def __init__(self, reserved: list[str]) -> None:
        self.taken: set[str] = set()
        self.reserved: set[str] = set(reserved)

    def claim_reserved(self, wanted: str) -> str:
        """The page's own anchor: the first one of a name wins, a repeat gets a suffix."""
        return self._unique(wanted)

    def claim(self, wanted: str) -> str:
        return self._unique(wanted, avoid_reserved=True)

    def _unique(self, wanted: str, avoid_reserved: bool = False) -> str:
        def free(candidate: str) -> bool:
            return candidate not in self.taken and not (
                avoid_reserved and candidate in self.reserved
            )

        candidate, n = wanted, 2
        while not free(candidate):
            candidate, n = f"{wanted}-{n}", n + 1
        self.taken.add(candidate)
        return candidate
