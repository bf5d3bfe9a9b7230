"""Worker processes that die with their parent.

A generate killed by CI (SIGKILL, a timeout) must not leave its render or format workers
running: on Linux each worker asks the kernel for SIGKILL when its parent dies
(`PR_SET_PDEATHSIG`); elsewhere the pool's own shutdown is all there is. A worker only
ever generates, so it keeps the run's garbage-collection thresholds (`gc_budget.py`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

from .gc_budget import use_run_thresholds

PR_SET_PDEATHSIG = 1


def _start_worker(parent: int) -> None:
    use_run_thresholds()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def worker_pool(max_workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=max_workers, initializer=_start_worker, initargs=(os.getpid(),)
    )
