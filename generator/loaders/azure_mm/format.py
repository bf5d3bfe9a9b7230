"""Azure's fork of Magic Modules (2019) behind the `SpecFormat` interface."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..base import LoadResult


class AzureMmFormat:
    name = "azure-mm"
    foreign = True

    def detect(self, path: Path) -> bool:
        from .loader import detect_azure_mm

        return detect_azure_mm(path)

    def load(self, paths: Sequence[str]) -> LoadResult:
        from .loader import load_azure_mm

        return load_azure_mm(paths)


AZURE_MM = AzureMmFormat()
