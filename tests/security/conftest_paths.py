"""Paths the security tests share."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
KITCHEN = REPO / "tests" / "fixtures" / "gen-specs"
