"""Name spellings the loaders derive: snake_case and singulars (docs pages, Azure MM)."""

from __future__ import annotations

import re


def snake(text: str) -> str:
    """`autoStorageAccountId` -> `auto_storage_account_id`, `VMSize` -> `vm_size`."""
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", text)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    s = re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")
    return f"x_{s}" if s[:1].isdigit() else s


def singular(word: str) -> str:
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + repl
    return word
