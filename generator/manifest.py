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
    data = {
        "generator": "mmgen",
        "version": __version__,
        "files": [
            {
                "path": e.path,
                "sha256": e.sha256,
                "spec": e.spec,
                "template": e.template,
                "product": e.product,
                "resource": e.resource,
                "aggregate": e.aggregate,
            }
            for e in sorted(entries, key=lambda e: e.path)
        ],
    }
    return json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


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
