"""pytest fixtures serving the specs' APIs: load with `-p generator.emulator.pytest_plugin`
(or `pytest_plugins = ["generator.emulator.pytest_plugin"]` in a root conftest.py).

- `api_emulator_session` (session scope): one emulator for the whole run.
- `api_emulator` (function scope): the same emulator, reset before and after each test
  (empty store and request log, start-up faults and settings), so tests stay independent.

The specs come from `--mmgen-specs`, else the `MMGEN_SPECS` environment variable (paths
separated by `os.pathsep`), else `specs`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from . import Emulator, load_emulator


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("mmgen-emulator")
    group.addoption(
        "--mmgen-specs",
        action="store",
        default=None,
        help="Spec folder(s) the api_emulator fixtures serve (default: $MMGEN_SPECS or specs).",
    )


def specs_paths(config: Any) -> list[str]:
    option = config.getoption("--mmgen-specs", default=None)
    value = option or os.environ.get("MMGEN_SPECS") or "specs"
    return [p for p in value.split(os.pathsep) if p]


@pytest.fixture(scope="session")
def api_emulator_session(request: Any) -> Iterator[Emulator]:
    emulator = load_emulator(specs_paths(request.config))
    with emulator:
        yield emulator


@pytest.fixture
def api_emulator(api_emulator_session: Emulator) -> Iterator[Emulator]:
    api_emulator_session.reset()
    yield api_emulator_session
    api_emulator_session.reset()
