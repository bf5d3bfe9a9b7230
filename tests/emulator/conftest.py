"""One emulator for the session (specs/ and the kitchen fixture), reset for every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.emulator import Emulator, load_emulator

REPO = Path(__file__).resolve().parents[2]
SPEC_DIRS = [str(REPO / "specs"), str(REPO / "tests" / "fixtures" / "gen-specs")]


@pytest.fixture(scope="session")
def emulator_session() -> Iterator[Emulator]:
    with load_emulator(SPEC_DIRS) as emulator:
        yield emulator


@pytest.fixture
def emu(emulator_session: Emulator) -> Iterator[Emulator]:
    emulator_session.reset()
    yield emulator_session
    emulator_session.reset()
