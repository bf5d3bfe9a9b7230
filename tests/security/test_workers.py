"""A generate killed mid-run leaves no worker process behind, and no temp file that the
next run does not remove."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.api import run_generate

from .conftest_paths import KITCHEN

SCRIPT = """
import sys, time
from generator.workers import worker_pool
pool = worker_pool(2)
futures = [pool.submit(time.sleep, 60) for _ in range(2)]
time.sleep(1.0)  # the workers have started
print(" ".join(str(p) for p in pool._processes), flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead: it only waits for its (new) parent to reap it
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_with_a_killed_parent() -> None:
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert len(workers) == 2 and all(_alive(p) for p in workers)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(p) for p in workers)


def test_temp_files_of_a_killed_write_are_removed_by_the_next_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_generate(str(KITCHEN), str(out), target="go").exit_code == 0
    main = out / "go" / "main.go"
    stale = main.parent / ".main.go.abc123.tmp"
    stale.write_text("half a file", encoding="utf-8")
    other = main.parent / ".notours.tmp"
    other.write_text("keep", encoding="utf-8")
    assert run_generate(str(KITCHEN), str(out), target="go").exit_code == 0
    assert not stale.exists() and other.exists()
