"""Shared test helpers: where the repo and the shared corpus are."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Properties are about inputs, not speed: no per-example deadline and no "input generation
# is slow" health check, both of which fail on a loaded CI machine (a 3 s stall in one draw
# failed a scanner property once) without saying anything about the code.
settings.register_profile("mmgen", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("mmgen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is not beside the clone ({SHARED}); corpus tests need it")
    return SHARED


# The docs-site browser tests' screenshots (tests/docs_site/). The summary is printed by
# this root conftest because with pytest-xdist only the controller prints it, and the
# controller never imports tests/docs_site/conftest.py.
DOCS_SITE_ARTIFACTS = REPO / "test-artifacts" / "docs-site"
_SESSION_START: list[float] = []


def pytest_sessionstart(session: Any) -> None:
    _SESSION_START.append(time.time())


def pytest_terminal_summary(terminalreporter: Any) -> None:
    start = _SESSION_START[0] if _SESSION_START else 0.0
    shots = DOCS_SITE_ARTIFACTS.glob("*.png") if DOCS_SITE_ARTIFACTS.is_dir() else []
    if any(p.stat().st_mtime >= start for p in shots):
        terminalreporter.write_line(f"docs-site screenshots: {DOCS_SITE_ARTIFACTS}")
