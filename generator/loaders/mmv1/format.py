"""Google's Magic Modules (mmv1) specs behind the `SpecFormat` interface."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..base import LoadResult


class Mmv1Format:
    name = "mmv1"
    foreign = True

    def detect(self, path: Path) -> bool:
        from .detect import detect_mmv1

        return detect_mmv1(path)

    def load(self, paths: Sequence[str]) -> LoadResult:
        from .go_code import without_go_code
        from .loader import load_mmv1

        return without_go_code(load_mmv1(paths), self.name)


MMV1 = Mmv1Format()
