"""What a generation run produces, and which part of it a run regenerates.

Kept apart from the pipeline so that the writer (`sync.py`) depends on results only, not
on how they are made.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .diagnostics import Diagnostic
from .model.nodes import Product, Provider
from .targets.base import Owner


class RenderedFile:
    """One generated file: where it goes, its text, and what it was made from.

    Immutable. A file taken from the product cache holds its text as UTF-8 bytes in a blob
    shared with its product's other files, with its hash beside it: most files of a run
    after an edit are only compared by hash, so their text is decoded only when asked for
    (`pack`/`unpack`)."""

    __slots__ = (
        "path",
        "spec",
        "template",
        "owner",
        "aggregate",
        "_text",
        "_sha",
        "_blob",
        "_span",
    )

    def __init__(
        self, path: str, text: str, spec: str, template: str, owner: Owner, aggregate: bool
    ) -> None:
        self.path = path
        self.spec = spec
        self.template = template
        self.owner = owner
        self.aggregate = aggregate
        self._text: str | None = text
        self._sha: str | None = None
        self._blob: bytes | None = None
        self._span = (0, 0)

    @property
    def text(self) -> str:
        if self._text is None:
            assert self._blob is not None
            start, end = self._span
            self._text = self._blob[start:end].decode("utf-8")
        return self._text

    @property
    def sha256(self) -> str:
        if self._sha is None:
            self._sha = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        return self._sha

    def _key(self) -> tuple[Any, ...]:
        return (self.path, self.text, self.spec, self.template, self.owner, self.aggregate)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RenderedFile) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"RenderedFile({self.path!r}, {len(self.text)} characters, spec={self.spec!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (RenderedFile, self._key())


def pack(files: dict[str, RenderedFile]) -> tuple[bytes, list[tuple[Any, ...]]]:
    """Files as one UTF-8 blob plus, per file, (path, span, sha256, spec, template, owner,
    aggregate): unpickling a blob is a copy, where every text would be decoded."""
    parts: list[bytes] = []
    rows: list[tuple[Any, ...]] = []
    at = 0
    for f in files.values():
        data = f.text.encode("utf-8")
        parts.append(data)
        rows.append(
            (f.path, at, at + len(data), f.sha256, f.spec, f.template, f.owner, f.aggregate)
        )
        at += len(data)
    return b"".join(parts), rows


def unpack(blob: bytes, rows: list[tuple[Any, ...]]) -> dict[str, RenderedFile]:
    files: dict[str, RenderedFile] = {}
    for path, start, end, sha, spec, template, owner, aggregate in rows:
        f = RenderedFile.__new__(RenderedFile)
        f.path, f.spec, f.template, f.owner, f.aggregate = path, spec, template, owner, aggregate
        f._text, f._sha, f._blob, f._span = None, sha, blob, (start, end)
        files[path] = f
    return files


@dataclass
class GenerationResult:
    files: dict[str, RenderedFile] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    # Errors that stop the run (nothing is written); for foreign formats, spec errors only
    # drop their resource (listed in `dropped`) and are not fatal.
    fatal: list[Diagnostic] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    # Per target: resources it left out for a feature it lacks or its own checks (foreign
    # formats only), and how many resources it generated.
    dropped_by_target: dict[str, list[str]] = field(default_factory=dict)
    generated: dict[str, int] = field(default_factory=dict)
    provider: Provider | None = None
    # Files read from outside the spec folder ({absolute path: sha256}): see outside_reads.py.
    outside_reads: dict[str, str] = field(default_factory=dict)
    # Each resource's rendered part by its memo key (resource_memo.py): its plan diagnostics
    # and its files as (path, language); the texts are among `files`. The next run of the
    # product takes a resource's files from here when its key is unchanged.
    parts: dict[str, tuple[list[Diagnostic], list[tuple[str, str]]]] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return bool(self.fatal)


@dataclass(frozen=True)
class Selection:
    """Which specs a run regenerates; aggregates are rebuilt from the full set anyway.

    `targets` limits the run to some targets' folders (the first path segment): files of
    the other targets are left exactly as they are.
    """

    products: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()

    def covers(self, owner: Owner, aggregate: bool, path: str = "") -> bool:
        if self.targets and path.split("/", 1)[0] not in self.targets:
            return False
        if self.products and owner.product not in self.products:
            return aggregate
        if self.resources:
            return aggregate or owner.resource in self.resources
        return True
