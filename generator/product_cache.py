"""Whole-product results cached by the content of everything they depend on.

A product's generated files depend on its spec folder, the templates, the generator itself
and a few labels, so the key hashes exactly those; files it read outside its folder (Magic
Modules' example templates) are recorded with their hashes in the entry and checked again
on every hit (see outside_reads.py). A no-op regeneration then costs
hashing the inputs and comparing the outputs; an edit to one resource re-renders only its
product. Entries are pickles under the mmgen cache folder (`MMGEN_CACHE_DIR`, `off`
disables it); a corrupt or unreadable entry is a miss, never an error.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .confine import read_regular
from .formatting import default_cache_dir, formatter_name
from .outside_reads import unchanged
from .pickle_store import dump_atomic, entry_path, load
from .resource_memo import code_digest
from .results import GenerationResult, pack, unpack
from .writer import write_text_atomic

FORMAT_VERSION = 4  # bump when the pickled shape changes
_HEX_KEY = re.compile(r"[0-9a-f]{64}")


def _hash_tree(h: Any, root: Path, suffixes: tuple[str, ...] | None = None) -> None:
    if not root.exists():
        return
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    for f in files:
        if "__pycache__" in f.parts or (suffixes and f.suffix not in suffixes):
            continue
        h.update(f.relative_to(root).as_posix().encode() + b"\0")
        h.update(read_regular(f))
        h.update(b"\0")


@dataclass
class ProductCache:
    directory: Path | None

    @classmethod
    def default(cls) -> ProductCache:
        base = default_cache_dir()
        return cls(None if base is None else base / "products")

    def environment_key(self, templates: Iterable[Path], labels: Sequence[str]) -> str:
        """What every product shares: generator code, templates, labels, formatter."""
        h = hashlib.sha256(f"v{FORMAT_VERSION};{code_digest()};{formatter_name()}".encode())
        for t in templates:
            _hash_tree(h, t)
        h.update("\0".join(labels).encode())
        return h.hexdigest()

    def key(self, environment: str, folder: Path, fmt: str) -> str:
        # Diagnostics name files relative to the working directory, so it is part of the key.
        h = hashlib.sha256(f"{environment};{fmt};{os.path.relpath(folder)}".encode())
        _hash_tree(h, folder)
        return h.hexdigest()

    def folder_tag(self, environment: str, folder: Path, fmt: str) -> str:
        """A product folder, whatever it holds: names the last entry made for it."""
        h = hashlib.sha256(f"latest;{environment};{fmt};{os.path.relpath(folder)}".encode())
        return h.hexdigest()

    def previous(self, tag: str) -> GenerationResult | None:
        """The last entry put for the folder `tag` names, whatever the folder held then.

        Not checked against the files it read outside the folder: only its per-resource
        parts are used, each under a key of everything that resource's files depend on."""
        if self.directory is None:
            return None
        try:
            key = (self.directory / "latest" / tag).read_text(encoding="ascii").strip()
            if not _HEX_KEY.fullmatch(key):
                return None  # not a key this cache wrote: never a path to follow
            path = entry_path(self.directory, key)
            if path is None:
                return None
            _, value, blob, rows = load(path)
            return dataclasses.replace(value, files=unpack(blob, rows))
        except Exception:  # noqa: BLE001 - no entry, or a bad one: nothing to take from
            return None

    def get(self, key: str) -> GenerationResult | None:
        path = entry_path(self.directory, key)
        if path is None:
            return None
        try:
            reads, value, blob, rows = load(path)
            # Files the product read outside its folder (Magic Modules' example templates):
            # each must still hold what it held, or the entry is stale.
            if not unchanged(reads):
                return None
            return dataclasses.replace(value, files=unpack(blob, rows))
        except Exception:  # noqa: BLE001 - a bad entry, or a dependency gone, is a miss
            return None

    def put(self, key: str, value: GenerationResult, tag: str | None = None) -> None:
        """Keep `value` under `key`; with `tag`, it is also the folder's last entry."""
        path = entry_path(self.directory, key)
        if path is None:
            return
        blob, rows = pack(value.files)
        bare = dataclasses.replace(value, files={})
        if dump_atomic(path, (value.outside_reads, bare, blob, rows)) and tag is not None:
            try:
                write_text_atomic(path.parent.parent / "latest" / tag, key)
            except OSError:
                pass  # no pointer: the product's next run renders its resources afresh
