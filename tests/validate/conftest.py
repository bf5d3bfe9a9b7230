"""Shared helpers for the `mmgen validate` tests: run the CLI in-process from the repo root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
GOOD = FIXTURES / "good-specs"
BAD = FIXTURES / "bad-specs"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def snapshot(self) -> str:
        """What a spec author sees, as stored in `expected.txt`."""
        return f"{self.stdout}{self.stderr}exit code: {self.exit_code}\n"


@pytest.fixture
def mmgen(monkeypatch: pytest.MonkeyPatch):
    """Call `mmgen ARGS...` from the repo root, so diagnostics show repo-relative paths."""
    monkeypatch.chdir(REPO)

    def run(*args: str) -> Run:
        result = CliRunner().invoke(cli, list(args), catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception  # a traceback is a bug, never an acceptable outcome
        return Run(result.exit_code, result.stdout, result.stderr)

    return run
