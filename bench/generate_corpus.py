"""Benchmark `mmgen generate` on the Magic Modules corpus, per target, side by side with
Magic Modules' own time.

For each target (python, go, all), in a fresh temporary copy of the corpus (its products
*and* the example templates beside them, as upstream lays them out), each run a fresh
`mmgen generate` process:

- cold: empty output folder, empty caches (`MMGEN_CACHE_DIR` a new folder);
- no-op right after: the same command again (files just written: the run record checks
  them by content, git's "racy" rule);
- no-op: the same command once the files are older than 3 s (the record checks them by
  stat alone), repeated `--runs` times;
- one resource edited: a description changed, then the command, `--runs` times (each a new
  text, 3.5 s apart): in `compute/<second file>` (the largest product, 120 resources) and
  in the second file of the product of median size (a typical edit);
- peak RSS of the largest process (`os.wait4`), and user+sys CPU of the whole tree.

Each run has mmgen's compiled bytecode, as an installed mmgen has (`PYTHONDONTWRITEBYTECODE`
is taken out of its environment).

Wall times are the median of `--runs` (cold runs each in a fresh copy). Magic Modules
cannot be run here (it is not on the Go module proxy); its time for the full upstream
corpus of 922 resources, 47.6 s, was measured on this machine when issue 13 was filed and
is used as given. Prints Markdown tables for docs/performance.md.

    python bench/generate_corpus.py [--corpus ../shared/corpus/magic-modules/products]
                                    [--targets python,go,all] [--runs 3]

(Growth with corpus size is not measured any more: copies of the products no longer generate
cleanly now that examples are checked, since a copy's examples name the original resource
types and resources with their own `legacy_name` collide.)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "magic-modules" / "products"
MM_SECONDS = 47.6  # Magic Modules, full upstream corpus, as measured when issue 13 was filed
MM_RESOURCES = 922


def run(
    specs: Path, out: Path, cache: Path, target: str, repo: Path = REPO, quiet: bool = True
) -> tuple[float, float, int, str]:
    """(wall s, CPU s of the process tree, peak RSS MiB of its largest process, summary) of
    one `mmgen generate` of the checkout at `repo` (this one unless bench/calibrate.py
    times another; an old one may not know `-q`)."""
    env = dict(os.environ, MMGEN_CACHE_DIR=str(cache))
    # As an installed mmgen runs: with its compiled bytecode (pip compiles it at install).
    # Some machines set PYTHONDONTWRITEBYTECODE, which recompiles every module on each run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [sys.executable, "-m", "generator.cli", "generate", *(["-q"] if quiet else [])]
    cmd += ["--target", target, "--specs", str(specs), "--out", str(out)]
    # stderr to a file: without -q a run prints thousands of lines, which would fill a pipe
    # nobody reads until the process ends.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=err)
        # wait4 gives this child's own rusage, children included (the worker processes).
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err.seek(0)
        stderr = err.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"generate failed:\n{stderr[-3000:]}")
    lines = [line for line in stderr.splitlines() if "file(s) changed" in line]
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss // 1024, lines[-1] if lines else ""


def copy_corpus(src: Path, dst: Path) -> int:
    """Every product under dst/products and the example templates beside them
    (dst/templates), as upstream lays them out; returns the number of resource files."""
    templates = src.parent / "templates"
    if templates.is_dir():
        shutil.copytree(templates, dst / "templates")
    shutil.copytree(src, dst / "products")
    products = dst / "products"
    return sum(
        1
        for f in products.glob("*/*.yaml")
        if f.name != "product.yaml" and (f.parent / "product.yaml").is_file()
    )


def _victim(specs: Path, product: str) -> Path:
    """The product's second resource file (its first, when it has one)."""
    files = [f for f in sorted((specs / product).glob("*.yaml")) if f.name != "product.yaml"]
    return files[1] if len(files) > 1 else files[0]


def _median_product(specs: Path) -> str:
    """The product of median size (bytes of its resource files): a typical edit."""
    sizes = sorted(
        (sum(f.stat().st_size for f in d.glob("*.yaml")), d.name)
        for d in specs.iterdir()
        if (d / "product.yaml").is_file() and len(list(d.glob("*.yaml"))) > 2
    )
    return sizes[len(sizes) // 2][1]


def _edit(victim: Path, n: int) -> None:
    """A description changed (each time to a new text)."""
    text = victim.read_text(encoding="utf-8")
    if n == 0:
        text = text.replace("description:", "description: (edited 0)", 1)
    else:
        text = text.replace(f"(edited {n - 1})", f"(edited {n})", 1)
    victim.write_text(text, encoding="utf-8")


def _median(values: list[float]) -> float:
    return statistics.median(values)


def bench_target(corpus: Path, target: str, runs: int) -> list[tuple[str, ...]]:
    rows = []
    colds, cpus, rss = [], [], 0
    # Each cold run's tree is kept until the last one is done: deleting ~100 MB just before
    # the next run made its file creation several times slower on an ext4 volume mounted
    # with `discard` (writing the corpus's output took 1.0-1.2 s instead of 0.2-0.5 s), a
    # cost of the bench, not of mmgen.
    with contextlib.ExitStack() as kept:
        for _ in range(runs):
            tmp = Path(kept.enter_context(tempfile.TemporaryDirectory(prefix="mmgen-bench-")))
            copy_corpus(corpus, tmp)
            wall, cpu, peak, report = run(
                tmp / "products", tmp / "generated", tmp / "cache", target
            )
            colds.append(wall)
            cpus.append(cpu)
            rss = max(rss, peak)
    cold = _median(colds)
    rows.append(
        (
            "cold",
            f"{cold:.2f} ({min(colds):.2f}–{max(colds):.2f})",
            f"{_median(cpus):.1f}",
            str(rss),
            f"{cold / MM_SECONDS:.2f}",
        )
    )
    with tempfile.TemporaryDirectory(prefix="mmgen-bench-") as tmp_s:
        tmp = Path(tmp_s)
        copy_corpus(corpus, tmp)
        specs, out, cache = tmp / "products", tmp / "generated", tmp / "cache"
        run(specs, out, cache, target)
        wall, cpu, peak, _ = run(specs, out, cache, target)
        rows.append(("no-op right after the write", f"{wall:.2f}", f"{cpu:.2f}", str(peak), ""))
        time.sleep(3.5)  # past the run record's racy window
        run(specs, out, cache, target)  # re-records the files by stat alone
        walls, cpus2, peaks = [], [], []
        for _ in range(runs):
            wall, cpu, peak, _ = run(specs, out, cache, target)
            walls.append(wall)
            cpus2.append(cpu)
            peaks.append(peak)
        rows.append(
            (
                "no-op",
                f"{_median(walls):.2f} ({min(walls):.2f}–{max(walls):.2f})",
                f"{_median(cpus2):.2f}",
                str(max(peaks)),
                "",
            )
        )
        for product in ("compute", _median_product(specs)):
            victim = _victim(specs, product)
            walls, cpus3, peaks = [], [], []
            for n in range(runs):
                _edit(victim, n)
                wall, cpu, peak, _ = run(specs, out, cache, target)
                walls.append(wall)
                cpus3.append(cpu)
                peaks.append(peak)
                time.sleep(3.5)  # an engineer's pause: the last run's files are not racy
            rows.append(
                (
                    f"one resource edited ({product}/{victim.name}, "
                    f"{len(list((specs / product).glob('*.yaml'))) - 1} in its product)",
                    f"{_median(walls):.2f} ({min(walls):.2f}–{max(walls):.2f})",
                    f"{_median(cpus3):.2f}",
                    str(max(peaks)),
                    "",
                )
            )
    return [(target, *row) for row in rows]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--targets", default="python,go,all")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found: {args.corpus}")
    with open("/proc/loadavg", encoding="ascii") as fh:
        load = fh.read().split()[0]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average at start {load}"
    )
    with tempfile.TemporaryDirectory(prefix="mmgen-bench-") as tmp_s:
        n = copy_corpus(args.corpus, Path(tmp_s))
    print(f"{n} resource files; Magic Modules: {MM_SECONDS} s for {MM_RESOURCES} (given)\n")
    print("| target | run | wall s (median, range) | CPU s | peak RSS MiB | x Magic Modules |")
    print("|---|---|---:|---:|---:|---:|")
    for target in args.targets.split(","):
        for row in bench_target(args.corpus, target, args.runs):
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
