"""Cold `mmgen generate` of another mmgen checkout on the bench's corpus copy: how fast this
machine is against the one a figure was measured on (docs/performance.md, calibration).

    git worktree add /tmp/old e114a4a
    python bench/calibrate.py /tmp/old python 3 --corpus /tmp/corpus/products

The corpus folder is a copy as bench/generate_corpus.py makes it (products with the
example templates beside them). Each run is a fresh process in a fresh cache and output
folder; a first run, not counted, compiles the checkout's bytecode. Prints each run's wall
and CPU time (user+sys of the process tree) and their medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path)
    parser.add_argument("target", choices=("python", "go"))
    parser.add_argument("runs", type=int)
    parser.add_argument("--corpus", type=Path, required=True)
    args = parser.parse_args()
    walls, cpus = [], []
    for i in range(args.runs + 1):
        work = Path(tempfile.mkdtemp())
        env = dict(os.environ, MMGEN_CACHE_DIR=str(work / "cache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cmd = [sys.executable, "-m", "generator.cli", "generate", "--target", args.target]
        cmd += ["--specs", str(args.corpus), "--out", str(work / "out")]
        start = time.perf_counter()
        # stderr to a file: an old checkout prints thousands of warnings, which would fill
        # a pipe nobody reads until the process ends.
        with open(work / "stderr", "w", encoding="utf-8") as err:
            proc = subprocess.Popen(
                cmd, cwd=args.checkout, env=env, stdout=subprocess.DEVNULL, stderr=err
            )
            _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        text = (work / "stderr").read_text(encoding="utf-8")
        shutil.rmtree(work)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(text[-2000:])
        if i == 0:
            continue
        walls.append(wall)
        cpus.append(usage.ru_utime + usage.ru_stime)
        print(f"run {i}: {wall:.2f} s wall, {cpus[-1]:.1f} CPU s", flush=True)
    print(f"median: {statistics.median(walls):.2f} s wall, {statistics.median(cpus):.1f} CPU s")


if __name__ == "__main__":
    main()
