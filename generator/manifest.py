"""The manifest says which files under the output folder mmgen owns.

A file not in the manifest is never touched or deleted, whatever it is called.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .confine import read_regular_text

MANIFEST_NAME = ".mmgen-manifest.json"


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    sha256: str
    spec: str
    template: str
    product: str
    resource: str | None
    aggregate: bool = False


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render_manifest(entries: list[ManifestEntry]) -> str:
    """The manifest's text: exactly `json.dumps(..., indent=2, ensure_ascii=False)` of
    {generator, version, files: [entry, ...]} (tested), written out per entry because the
    json module drops to pure Python whenever it indents (a tenth of a second per run on a
    corpus of 2,000 files)."""
    head = (
        "{\n"
        f'  "generator": {_json("mmgen")},\n'
        f'  "version": {_json(__version__)},\n'
        '  "files": ['
    )
    if not entries:
        return head + "]\n}\n"
    items = [
        "\n    {\n"
        f'      "path": {_json(e.path)},\n'
        f'      "sha256": {_json(e.sha256)},\n'
        f'      "spec": {_json(e.spec)},\n'
        f'      "template": {_json(e.template)},\n'
        f'      "product": {_json(e.product)},\n'
        f'      "resource": {_json(e.resource)},\n'
        f'      "aggregate": {_json(e.aggregate)}\n'
        "    }"
        for e in sorted(entries, key=lambda e: e.path)
    ]
    return head + ",".join(items) + "\n  ]\n}\n"


_json = json.JSONEncoder(ensure_ascii=False).encode  # one scalar, the C encoder


def read_manifest(out_dir: Path) -> tuple[dict[str, ManifestEntry], str | None]:
    """Entries by path, and an error message when the manifest exists but is unreadable."""
    path = out_dir / MANIFEST_NAME
    if not path.exists():
        return {}, None
    try:
        data = json.loads(read_regular_text(path))
        entries = {}
        for item in data["files"]:
            e = ManifestEntry(
                path=str(item["path"]),
                sha256=str(item["sha256"]),
                spec=str(item["spec"]),
                template=str(item["template"]),
                product=str(item["product"]),
                resource=item.get("resource"),
                aggregate=bool(item.get("aggregate", False)),
            )
            entries[e.path] = e
        return entries, None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return {}, f"{path}: unreadable manifest ({exc}); fix or delete it, then regenerate"
