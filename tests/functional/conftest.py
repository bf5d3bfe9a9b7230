"""Session fixtures: the kitchen fixture and specs/ generated once, one emulator for both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from fn_helpers import generate_provider

from generator.emulator import Emulator, load_emulator

REPO = Path(__file__).resolve().parents[2]
KITCHEN_SPECS = REPO / "tests" / "fixtures" / "gen-specs"
SPECS = REPO / "specs"


@pytest.fixture(scope="session")
def kitchen_modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    out = tmp_path_factory.mktemp("gen-kitchen") / "generated"
    return generate_provider(KITCHEN_SPECS, out, "kitchen")


@pytest.fixture(scope="session")
def batchai_modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    out = tmp_path_factory.mktemp("gen-batchai") / "generated"
    return generate_provider(SPECS, out, "azurerm")


@pytest.fixture(scope="session")
def emulator_session() -> Iterator[Emulator]:
    with load_emulator([str(SPECS), str(KITCHEN_SPECS)]) as emulator:
        yield emulator


@pytest.fixture
def emulator(emulator_session: Emulator) -> Iterator[Emulator]:
    emulator_session.reset()
    yield emulator_session
    emulator_session.reset()
