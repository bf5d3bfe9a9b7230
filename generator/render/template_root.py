"""Where the built-in templates are: light to import (no Jinja), for the run record."""

from __future__ import annotations

from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def builtin_templates_dir() -> Path:
    """Templates ship beside the package in a checkout, or inside it when installed."""
    for candidate in (
        Path(__file__).resolve().parents[1] / "_templates",
        PACKAGE_ROOT / "templates",
    ):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("mmgen templates folder not found; reinstall mmgen")
