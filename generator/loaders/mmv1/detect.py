"""Whether a path holds Magic Modules (mmv1) specs (part of `generator.loaders.mmv1`)."""

from __future__ import annotations

from pathlib import Path

from ...confine import read_regular
from ..spec_files import PRODUCT_FILE
from ..yaml_source import YMap, YSeq, parse_yaml, read_spec_text


def _looks_like_mmv1_product(folder: Path) -> bool:
    path = folder / PRODUCT_FILE
    text, diags = read_spec_text(str(path), str(path))
    if text is None:
        return False
    tree, _ = parse_yaml(text, str(path))
    if not isinstance(tree, YMap) or tree.get("prefix") is not None:
        return False
    versions = tree.get("versions")
    if not isinstance(versions, YSeq):
        return False
    if not any(isinstance(v, YMap) and v.get("base_url") is not None for v in versions.items):
        return False
    # Resource files: PascalCase names, or top-level `base_url:` / `self_link:` keys (our own
    # format nests them under `api:`).
    for spec in sorted(folder.glob("*.yaml"))[:20]:
        if spec.name == PRODUCT_FILE:
            continue
        if spec.stem[:1].isupper() and spec.is_file():
            return True
        try:  # read_regular never opens a FIFO
            head = read_regular(spec, 20000)[:20000].decode("utf-8", "replace")
        except OSError:
            continue
        if any(line.startswith(("base_url:", "self_link:")) for line in head.splitlines()):
            return True
    return False


def detect_mmv1(path: str | Path) -> bool:
    """True if `path` is an mmv1 product folder (or its product.yaml), or a folder of them."""
    p = Path(path)
    try:
        if p.is_file():
            p = p.parent
        if not p.is_dir():
            return False
        if (p / PRODUCT_FILE).is_file():
            return _looks_like_mmv1_product(p)
        for sub in sorted(p.iterdir()):
            if (sub / PRODUCT_FILE).is_file():
                return _looks_like_mmv1_product(sub)
    except OSError:
        return False
    return False
