"""Targets turn the language-neutral model into planned output files."""

from __future__ import annotations

from .base import PlannedFile, Target
from .python_target import PythonTarget

TARGETS: dict[str, type[Target]] = {"python": PythonTarget}

__all__ = ["PlannedFile", "Target", "TARGETS"]
