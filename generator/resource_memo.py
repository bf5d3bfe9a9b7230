"""Per-resource memo: an edit to one resource re-does that resource, not its whole product.

The product cache (product_cache.py) answers a product whose folder did not change; an edit
to one of compute's 120 resources would still load, validate, plan and render all 120. This
memo keeps, per resource, what each of those stages produced, under a key made of the bytes
the stage read:

- `load` (the Magic Modules loader, per resource file): the file's bytes, its path as
  diagnostics show it, every other file of the product folder (product.yaml, custom code;
  `side_digest`), the loader's options and mmgen's code. The entry holds the resource, the
  diagnostics and counters loading it added, and the files it read outside the folder
  (example templates, re-checked by hash on every hit as the product cache does).
- `validate` (per resource): its load key, the product's provider parameters and its
  source path.
- `plan` (per resource and target): its load key, the product without its resources, the
  target's environment (code, templates, labels, provider) and the banner path.

Cross-resource parts never come from the memo: the product's provider parameters (which
depend on which resources use them), duplicate names, the merged unsupported-key warnings,
target checks and the provider-wide files are computed on every run from the resources, so
a run gives the same output, byte for byte, with or without the memo (tested).

A resource only has a load key when the memo built it in this process (`origin`): resources
of other formats, and any resource object the memo did not hand out, simply skip the later
stages' memo. Entries live under the cache folder (`MMGEN_CACHE_DIR`; `off` disables them);
a corrupt or unreadable entry is a miss.

A product job keeps its entries in one pack, named after its folder: the pack the last run
wrote is read once, on the first lookup, and the run writes one new pack holding the entries
it used or made (none when that is what the old one held). One file per product, not one
per resource and stage: a cold run of the Magic Modules corpus made ~1,200 small files, and
creating them cost more (in the kernel) than pickling what they held. The pack only says
where to look; every entry is still found by its own key, so a stale pack is only misses.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__
from .cache_dir import default_cache_dir
from .confine import read_regular
from .outside_reads import recording, renote, unchanged
from .pickle_store import dump_atomic, entry_path, load

MEMO_VERSION = 2  # bump when an entry's pickled shape changes
_GENERATOR_DIR = Path(__file__).resolve().parent


def _feed(h: Any, data: bytes) -> None:
    h.update(len(data).to_bytes(8, "big") + data)  # length first: no two inputs collide


@lru_cache(maxsize=1)
def code_digest() -> str:
    """mmgen's own code: any change to it invalidates every entry."""
    h = hashlib.sha256(f"memo{MEMO_VERSION};mmgen={__version__}".encode())
    for path in sorted(_GENERATOR_DIR.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        _feed(h, path.relative_to(_GENERATOR_DIR).as_posix().encode())
        _feed(h, read_regular(path))
    return h.hexdigest()


def key_of(*parts: str | bytes) -> str:
    h = hashlib.sha256(code_digest().encode())
    for part in parts:
        _feed(h, part.encode() if isinstance(part, str) else part)
    return h.hexdigest()


def side_digest(folder: Path, resource_files: set[Path]) -> str | None:
    """What a resource may read besides its own file: every other file under `folder`
    (product.yaml, custom code beside it) by name and bytes, and the resource files by name
    (custom code could name one). None when the folder holds a link or an unreadable file:
    the memo is not used for it."""
    own = {os.path.abspath(p) for p in resource_files}
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in dirnames:
            if os.path.islink(os.path.join(dirpath, name)):
                return None
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, folder).encode()
            if os.path.abspath(path) in own:
                _feed(h, b"resource:" + rel)
                continue
            if os.path.islink(path):
                return None
            try:
                data = read_regular(path)
            except (OSError, ValueError):
                return None
            _feed(h, b"file:" + rel)
            _feed(h, data)
    return h.hexdigest()


class ResourceMemo:
    def __init__(self, directory: Path | None, pack: str = "") -> None:
        self.directory = directory
        # The pack this memo reads and writes: a key (hex) naming one product folder.
        self.pack = pack
        # id(resource) -> (the resource, its load key). The resource is held so that its id
        # cannot be reused by another object while this memo lives.
        self._origin: dict[int, tuple[Any, str]] = {}
        self._previous: dict[str, tuple[dict[str, str], Any]] | None = None
        self._next: dict[str, tuple[dict[str, str], Any]] = {}
        self._made = False

    @classmethod
    def default(cls, pack: str = "") -> ResourceMemo:
        base = default_cache_dir()
        return cls(None if base is None else base / "resources", pack)

    @property
    def enabled(self) -> bool:
        return self.directory is not None and bool(self.pack)

    def remember_origin(self, resource: Any, load_key: str) -> None:
        self._origin[id(resource)] = (resource, load_key)

    def derived(self, before: Any, after: Any, step: str) -> None:
        """`after` was made from `before` alone by `step` (a pure function of it and of
        `step`'s text): it inherits a key made from `before`'s."""
        key = self.load_key(before)
        if key is not None and after is not before:
            self.remember_origin(after, key_of("derived", step, key))

    def load_key(self, resource: Any) -> str | None:
        held = self._origin.get(id(resource))
        return held[1] if held is not None and held[0] is resource else None

    def _entries(self) -> dict[str, tuple[dict[str, str], Any]]:
        if self._previous is None:
            self._previous = {}
            path = entry_path(self.directory, self.pack) if self.pack else None
            if path is not None:
                try:
                    version, entries = load(path)
                    if version == MEMO_VERSION and isinstance(entries, dict):
                        self._previous = entries
                except Exception:  # noqa: BLE001 - no pack, or a bad one: every lookup misses
                    pass
        return self._previous

    def get(self, key: str) -> Any | None:
        found = self._entries().get(key)
        if found is None:
            return None
        try:
            reads, value = found
            if not unchanged(reads):
                return None
        except Exception:  # noqa: BLE001 - a bad entry, or a dependency gone, is a miss
            return None
        self._next[key] = found
        return value

    def put(self, key: str, value: Any, reads: dict[str, str] | None = None) -> None:
        if self.enabled:
            self._next[key] = (reads or {}, value)
            self._made = True

    def flush(self) -> None:
        """Write the pack of this run's entries, unless the last run's holds just them."""
        path = entry_path(self.directory, self.pack) if self.pack else None
        if path is None or (not self._made and self._next.keys() == self._entries().keys()):
            return
        dump_atomic(path, (MEMO_VERSION, self._next))


def replayed(memo: ResourceMemo, key: str, items: list[Any], run: Callable[[], None]) -> None:
    """`run()` appends diagnostics to `items`: they are kept under `key`, and on a later hit
    appended again without running it."""
    found = memo.get(key)
    if found is None:
        first = len(items)
        run()
        memo.put(key, items[first:])
    else:
        items.extend(found)


def load_unit(
    memo: ResourceMemo,
    key: str,
    build: Callable[[], Any],
    items: list[Any],
    counters: Sequence[Counter[str]],
    skipped: dict[str, str],
    shown: str,
) -> Any:
    """A loader's `build()` of one resource file, kept under `key` with everything it added
    on the side: diagnostics (`items`), counts (`counters`), why it was skipped
    (`skipped[shown]`) and the files it read outside its folder. A hit replays them in the
    same order, so a load gives the same result and the same reports either way. The
    resource is then known by a key of its inputs and of what the outside files held."""
    hit = memo.get(key)
    if hit is not None:
        res, diags, deltas, why, reads = hit
        items.extend(diags)
        for counter, delta in zip(counters, deltas, strict=True):
            counter.update(delta)
        if why is not None:
            skipped[shown] = why
        renote(reads)
    else:
        first = len(items)
        before = [Counter(c) for c in counters]
        had = skipped.get(shown)
        with recording() as recorded:
            res = build()
        reads = dict(recorded)
        why = skipped.get(shown)
        deltas = tuple(c - b for c, b in zip(counters, before, strict=True))
        memo.put(key, (res, items[first:], deltas, why if why != had else None, reads), reads)
    if res is not None:
        memo.remember_origin(res, key_of(key, repr(sorted(reads.items()))))
    return res


_current: ResourceMemo | None = None


@contextmanager
def using(memo: ResourceMemo | None) -> Iterator[ResourceMemo | None]:
    """Make `memo` the one the stages consult inside the block (one process)."""
    global _current
    outer, _current = _current, memo if memo is not None and memo.enabled else None
    try:
        yield _current
    finally:
        _current = outer


def current() -> ResourceMemo | None:
    return _current
