"""mmgen's spec format behind the `SpecFormat` interface."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...confine import read_regular
from ..base import LoadResult
from ..spec_files import PRODUCT_FILE


class MmgenFormat:
    name = "mmgen"
    foreign = False

    def detect(self, path: Path) -> bool:
        """An mmgen product.yaml has `prefix:`; mmv1's never does.

        A plain line scan, no YAML parse: this runs on every `generate` before anything
        else is imported.
        """
        candidates = [path / PRODUCT_FILE] if path.is_dir() else [path.parent / PRODUCT_FILE]
        if path.is_dir() and not candidates[0].exists():
            candidates = sorted(path.glob(f"*/{PRODUCT_FILE}"))[:3]
        for c in candidates:
            try:  # a FIFO or a folder named product.yaml: the loader reports it
                text = read_regular(c).decode("utf-8", "replace")
            except OSError:
                continue
            if any(line.startswith("prefix:") for line in text.splitlines()):
                return True
        return False

    def load(self, paths: Sequence[str]) -> LoadResult:
        from .loader import load_specs

        return load_specs(paths)


MMGEN = MmgenFormat()
