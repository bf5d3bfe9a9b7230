"""Benchmark `mmgen generate` on the Magic Modules corpus (or any specs folder).

Measures, each in a fresh process: a cold full generation (empty output, empty caches),
a no-op regeneration, a regeneration after editing one resource, peak RSS, and cold time
per resource as the corpus doubles (synthetic copies of its products). Prints a Markdown
table for docs/performance.md.

    python bench/generate_corpus.py [--corpus ../shared/corpus/magic-modules/products]
                                    [--copies 1,2,4] [--formatter ruff|black]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "magic-modules" / "products"


def run_generate(specs: Path, out: Path, cache: Path, formatter: str) -> tuple[float, int, str]:
    """(wall seconds, peak RSS of the child in MiB, last line of its report)."""
    env = dict(os.environ, MMGEN_CACHE_DIR=str(cache), MMGEN_FORMATTER=formatter)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "generate",
            "--specs",
            str(specs),
            "--out",
            str(out),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode != 0:
        raise SystemExit(f"generate failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    # ru_maxrss is the largest child so far (KiB on Linux); each run is measured in a new
    # benchmark process when it matters (see --only), otherwise this is an upper bound.
    lines = [line for line in proc.stderr.splitlines() if "file(s) changed" in line]
    return wall, max(peak, before) // 1024, lines[-1] if lines else ""


def copy_corpus(src: Path, dst: Path, copies: int) -> int:
    """`copies` copies of every product (renamed), so resource names stay unique."""
    count = 0
    for i in range(copies):
        for product in sorted(p for p in src.iterdir() if (p / "product.yaml").is_file()):
            name = product.name if i == 0 else f"{product.name}copy{i}"
            target = dst / name
            shutil.copytree(product, target)
            if i:
                text = (target / "product.yaml").read_text(encoding="utf-8")
                text = re.sub(
                    r"(?m)^name: *'?([A-Za-z0-9]+)'?", rf"name: '\g<1>Copy{i}'", text, count=1
                )
                (target / "product.yaml").write_text(text, encoding="utf-8")
            count += sum(1 for f in target.glob("*.yaml") if f.name != "product.yaml")
    return count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--copies", default="1,2")
    ap.add_argument("--formatter", default="ruff", choices=("ruff", "black"))
    args = ap.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found: {args.corpus}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"formatter: {args.formatter}\n")
    rows = []
    with tempfile.TemporaryDirectory(prefix="mmgen-bench-") as tmp_s:
        tmp = Path(tmp_s)
        specs = tmp / "specs"
        n = copy_corpus(args.corpus, specs, 1)
        cache, out = tmp / "cache", tmp / "generated"
        cold, rss, report = run_generate(specs, out, cache, args.formatter)
        rows.append(("cold full generation (empty output, no caches)", cold, rss, report))
        noop, rss2, report = run_generate(specs, out, cache, args.formatter)
        rows.append(("no-op regeneration", noop, rss2, report))
        victim = (
            sorted((specs / "compute").glob("*.yaml"))[1] if (specs / "compute").is_dir() else None
        )
        victim = victim or next(
            f for f in sorted(specs.rglob("*.yaml")) if f.name != "product.yaml"
        )
        text = victim.read_text(encoding="utf-8")
        victim.write_text(
            text.replace("description:", "description: (edited)", 1), encoding="utf-8"
        )
        edit, rss3, report = run_generate(specs, out, cache, args.formatter)
        rows.append(
            (f"one resource edited ({victim.parent.name}/{victim.name})", edit, rss3, report)
        )
        print(f"{n} resource files\n")
        print("| run | wall s | peak RSS MiB | report |\n|---|---:|---:|---|")
        for label, secs, mib, rep in rows:
            print(f"| {label} | {secs:.2f} | {mib} | {rep} |")
    print(
        "\n| corpus copies | resource files | cold wall s | ms per resource |\n|---:|---:|---:|---:|"
    )
    for copies in (int(c) for c in args.copies.split(",")):
        with tempfile.TemporaryDirectory(prefix="mmgen-bench-") as tmp_s:
            tmp = Path(tmp_s)
            n = copy_corpus(args.corpus, tmp / "specs", copies)
            secs, _, _ = run_generate(
                tmp / "specs", tmp / "generated", tmp / "cache", args.formatter
            )
            print(f"| {copies} | {n} | {secs:.2f} | {1000 * secs / n:.1f} |")


if __name__ == "__main__":
    main()
