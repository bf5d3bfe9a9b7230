"""Name spellings for the docs loader (shared with the Azure MM loader: see ..naming)."""

from __future__ import annotations

from ..naming import singular, snake

__all__ = ["singular", "snake"]
