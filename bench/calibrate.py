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
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import run  # noqa: E402  (the bench's own runner, for another checkout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path)
    parser.add_argument("target", choices=("python", "go"))
    parser.add_argument("runs", type=int)
    parser.add_argument("--corpus", type=Path, required=True)
    args = parser.parse_args()
    walls, cpus = [], []
    works: list[Path] = []
    try:
        for i in range(args.runs + 1):
            work = Path(tempfile.mkdtemp())
            works.append(work)
            # No -q: an old checkout may not know it. The trees are deleted at the end, not
            # between runs (see bench_target in generate_corpus.py).
            wall, cpu, _, _ = run(
                args.corpus, work / "out", work / "cache", args.target, args.checkout, quiet=False
            )
            if i == 0:
                continue
            walls.append(wall)
            cpus.append(cpu)
            print(f"run {i}: {wall:.2f} s wall, {cpu:.1f} CPU s", flush=True)
    finally:
        for work in works:
            shutil.rmtree(work)
    print(f"median: {statistics.median(walls):.2f} s wall, {statistics.median(cpus):.1f} CPU s")


if __name__ == "__main__":
    main()
