"""Targets turn the language-neutral model into planned output files."""

from __future__ import annotations

from .base import PlannedFile, Target
from .go_target import GoTarget
from .python_target import PythonTarget

TARGETS: dict[str, type[Target]] = {"go": GoTarget, "python": PythonTarget}

__all__ = ["PlannedFile", "Target", "TARGETS"]
