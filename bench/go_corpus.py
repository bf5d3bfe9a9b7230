"""Benchmark the `go` target: generation, Go build and lines of Go, per spec tree.

For each spec tree (the Magic Modules mmv1 corpus, the Azure MM specs, the embedded Batch AI
specs) it measures, each command in a fresh process:

1. `mmgen generate --target go`: cold (empty output, MMGEN_CACHE_DIR a fresh temp dir) and
   no-op (second run, same output and cache); wall time, CPU time and peak RSS;
2. the generated module: `go build ./...` with a fresh GOCACHE (cold compile of the standard
   library, the dependencies and the module; the module cache GOMODCACHE stays as it is, warm,
   and GOPROXY=off so nothing is downloaded), the same build again (warm), `go vet ./...`
   right after (build cache warm, vet's own results not cached yet), linking the provider
   binary (`go build -o`), and, in a second fresh GOCACHE, the cold build split into the
   dependencies (everything `go list -deps ./...` names outside the module) and then the
   module alone;
3. lines of generated Go (non-test and `_test.go` separately, split by where they live, and
   the resource files' lines by the top-level declaration they belong to), resources, lines
   per resource, against Magic Modules' own Go output for the mmv1 corpus (a given figure).

Peak RSS is `ru_maxrss` from `os.wait4` on the command: the largest single process of the
command's process tree (for `go build`, the largest of go, compile and link), not a sum of
processes running at the same time. Time is `time.perf_counter` around the command.

Steps that are cheap are repeated `--runs` times and the median is reported (generation cold
and no-op, warm build); steps that need a fresh Go build cache (cold build, vet, split) run
`--cold-runs` times (default 1). The machine's load average is recorded before and after each
step, so runs taken while other work shared the machine can be told apart.

    .venv/bin/python bench/go_corpus.py [--specs PATH] [--out DIR] [--runs N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_SPECS = CORPUS / "magic-modules" / "products"
DEFAULT_AZURE = CORPUS / "azure-specs"
DEFAULT_EMBEDDED = REPO / "specs"

# Magic Modules' own output for the mmv1 corpus: about 3.0 million lines of Go. This figure
# was given to us with the task; it is not measured here (Magic Modules is not run).
MM_GO_LINES = 3_000_000

# mmgen generate's summary lines (stderr), kept as the run's report
_SUMMARY = re.compile(r"file\(s\) changed|resource\(s\) generated")
_TOP_TRUE = r"(?m)^{key}:[ \t]*['\"]?true['\"]?[ \t]*(#.*)?$"


@dataclass
class Measured:
    """One command: wall and CPU seconds, peak RSS, exit code, load average around it."""

    wall_s: float
    cpu_s: float
    peak_rss_mib: float
    returncode: int
    load_before: float
    load_after: float
    tail: str = ""


@dataclass
class Lines:
    files: int = 0
    lines: int = 0

    def add(self, path: Path) -> None:
        with path.open("rb") as fh:
            self.lines += sum(1 for _ in fh)
        self.files += 1


_DECL = re.compile(r"^(func|type|var|const|import|package)\b(.*)")
_FUNC_NAME = re.compile(r"^\s*(?:\([^)]*\)\s*)?(\w+)")
KINDS = (
    "CRUD, ids, import, configure (skeleton)",
    "schema (`Schema` literal)",
    "flatten (API -> state)",
    "expand (state -> API)",
    "model structs",
    "banner, imports, assertions",
)


def classify_resource_lines(path: Path, kinds: dict[str, int]) -> None:
    """Add the file's lines to `kinds`, each by the top-level declaration it belongs to."""
    current = KINDS[5]
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            m = _DECL.match(line)
            if m:
                keyword, rest = m.groups()
                if keyword == "func":
                    fn = _FUNC_NAME.match(rest)
                    name = fn.group(1).lower() if fn else ""
                    if name == "schema":
                        current = KINDS[1]
                    elif "flatten" in name:
                        current = KINDS[2]
                    elif "expand" in name:
                        current = KINDS[3]
                    else:
                        current = KINDS[0]
                elif keyword == "type":
                    current = KINDS[4]
                else:
                    current = KINDS[5]
            kinds[current] = kinds.get(current, 0) + 1


@dataclass
class GoLines:
    """Lines of generated Go, by where they live in the module."""

    resources: int = 0
    packages: int = 0
    resource_code: Lines = field(default_factory=Lines)  # services/*/<r>_resource.go
    custom_code: Lines = field(default_factory=Lines)  # other non-test files in services/
    runtime: Lines = field(default_factory=Lines)  # internal/mmgen (copied verbatim)
    provider: Lines = field(default_factory=Lines)  # main.go, internal/provider, acctest
    acc_tests: Lines = field(default_factory=Lines)  # services/*/<r>_resource_test.go
    unit_tests: Lines = field(default_factory=Lines)  # services/*/<r>_unit_test.go
    other_tests: Lines = field(default_factory=Lines)  # runtime tests and the rest
    # resource-file lines by the top-level declaration they belong to (KINDS)
    resource_kinds: dict[str, int] = field(default_factory=dict)

    @property
    def non_test(self) -> int:
        return (
            self.resource_code.lines
            + self.custom_code.lines
            + self.runtime.lines
            + self.provider.lines
        )

    @property
    def test(self) -> int:
        return self.acc_tests.lines + self.unit_tests.lines + self.other_tests.lines


def count_go(module: Path) -> GoLines:
    out = GoLines()
    services = module / "internal" / "services"
    out.packages = sum(1 for p in services.iterdir() if p.is_dir()) if services.is_dir() else 0
    for path in sorted(module.rglob("*.go")):
        rel = path.relative_to(module).as_posix()
        in_services = rel.startswith("internal/services/")
        if path.name.endswith("_resource_test.go") and in_services:
            out.acc_tests.add(path)
        elif path.name.endswith("_unit_test.go") and in_services:
            out.unit_tests.add(path)
        elif path.name.endswith("_test.go"):
            out.other_tests.add(path)
        elif in_services and path.name.endswith("_resource.go"):
            out.resource_code.add(path)
            out.resources += 1
            classify_resource_lines(path, out.resource_kinds)
        elif in_services:
            out.custom_code.add(path)
        elif rel.startswith("internal/mmgen/"):
            out.runtime.add(path)
        else:
            out.provider.add(path)
    return out


def mm_resource_counts(products: Path) -> dict[str, int]:
    """Resource files of an mmv1 tree, and how many Magic Modules itself would generate."""
    files = [f for f in products.glob("*/*.yaml") if f.name != "product.yaml"]
    exclude_resource = exclude = 0
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        if re.search(_TOP_TRUE.format(key="exclude_resource"), text):
            exclude_resource += 1
        elif re.search(_TOP_TRUE.format(key="exclude"), text):
            exclude += 1
    return {
        "resource_files": len(files),
        "exclude_resource_true": exclude_resource,
        "exclude_true": exclude,
        # the count used for MM's lines per resource: files not `exclude_resource: true`
        "mm_resources": len(files) - exclude_resource,
        # stricter: `exclude: true` ("don't generate the resource" upstream) left out too
        "mm_resources_strict": len(files) - exclude_resource - exclude,
    }


def load() -> float:
    return os.getloadavg()[0]


def run(cmd: Sequence[str], cwd: Path, env: dict[str, str], check: bool = True) -> Measured:
    """Run `cmd`, wait for it with wait4 and take its rusage (own + reaped children)."""
    before = load()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        out.seek(0)
        stdout = out.read().decode("utf-8", "replace")
    lines = [line for line in (stderr or stdout).splitlines() if line.strip()]
    summary = [line for line in lines if _SUMMARY.search(line)]
    m = Measured(
        wall_s=round(wall, 3),
        cpu_s=round(usage.ru_utime + usage.ru_stime, 3),
        peak_rss_mib=round(usage.ru_maxrss / 1024, 1),  # KiB on Linux
        returncode=rc,
        load_before=round(before, 2),
        load_after=round(load(), 2),
        tail=" / ".join(summary)[:400] if summary else (lines[-1][:400] if lines else ""),
    )
    if check and rc != 0:
        tail = "\n".join(lines[-40:])
        raise SystemExit(f"command failed ({rc}): {' '.join(cmd[:6])} ...\n{tail}")
    return m


def progress(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')} load {load():.2f}] {msg}", file=sys.stderr, flush=True)


def median(values: Sequence[float]) -> float:
    return round(statistics.median(values), 2) if values else float("nan")


@dataclass
class TreeResult:
    name: str
    specs: str
    gen_cold: list[Measured] = field(default_factory=list)
    gen_noop: list[Measured] = field(default_factory=list)
    build_cold: list[Measured] = field(default_factory=list)
    build_warm: list[Measured] = field(default_factory=list)
    vet: list[Measured] = field(default_factory=list)
    link: list[Measured] = field(default_factory=list)
    deps_only: list[Measured] = field(default_factory=list)
    module_only: list[Measured] = field(default_factory=list)
    dep_packages: int = 0
    module_packages: int = 0
    binary_mib: float = 0.0
    gocache_mib: float = 0.0
    generate_report: str = ""
    lines: GoLines = field(default_factory=GoLines)

    def summary(self) -> dict[str, Any]:
        def med(name: str, attr: str = "wall_s") -> float:
            return median([getattr(m, attr) for m in getattr(self, name)])

        return {
            "resources": self.lines.resources,
            "gen_cold_s": med("gen_cold"),
            "gen_cold_cpu_s": med("gen_cold", "cpu_s"),
            "gen_noop_s": med("gen_noop"),
            "gen_peak_rss_mib": max((m.peak_rss_mib for m in self.gen_cold), default=0.0),
            "build_cold_s": med("build_cold"),
            "build_cold_cpu_s": med("build_cold", "cpu_s"),
            "build_peak_rss_mib": max((m.peak_rss_mib for m in self.build_cold), default=0.0),
            "build_warm_s": med("build_warm"),
            "vet_s": med("vet"),
            "vet_peak_rss_mib": max((m.peak_rss_mib for m in self.vet), default=0.0),
            "link_s": med("link"),
            "link_peak_rss_mib": max((m.peak_rss_mib for m in self.link), default=0.0),
            "binary_mib": self.binary_mib,
            "deps_only_s": med("deps_only"),
            "module_only_s": med("module_only"),
            "module_only_cpu_s": med("module_only", "cpu_s"),
            "gocache_mib": self.gocache_mib,
            "dep_packages": self.dep_packages,
            "module_packages": self.module_packages,
        }


def du_mib(path: Path) -> float:
    total = 0
    for root, _, names in os.walk(path):
        for n in names:
            try:
                total += os.lstat(os.path.join(root, n)).st_size
            except OSError:
                pass
    return round(total / 2**20, 1)


def go_env(gocache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GOCACHE=str(gocache),  # fresh per cold measurement
        GOPROXY="off",  # the module cache (GOMODCACHE) is warm: nothing to download
        GOTOOLCHAIN="local",
        GOWORK="off",
        GOFLAGS=(env.get("GOFLAGS", "") + " -mod=readonly").strip(),
    )
    return env


def module_deps(module: Path, env: dict[str, str]) -> tuple[list[str], int]:
    """Packages `./...` needs from outside the module (std included), and the module's own."""
    fmt = "{{if and .Module .Module.Main}}M {{.ImportPath}}{{else}}D {{.ImportPath}}{{end}}"
    proc = subprocess.run(
        ["go", "list", "-deps", "-f", fmt, "./..."],
        cwd=module,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    deps = [line[2:] for line in proc.stdout.splitlines() if line.startswith("D ")]
    own = sum(1 for line in proc.stdout.splitlines() if line.startswith("M "))
    return deps, own


def bench_tree(
    name: str, specs: Path, work: Path, repo: Path, args: argparse.Namespace
) -> TreeResult:
    res = TreeResult(name, str(specs))
    gen_env = dict(os.environ)
    out = work / name / "out"
    module = out / "go"
    for i in range(args.runs):
        cache = work / name / f"mmgen-cache-{i}"
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        gen_env["MMGEN_CACHE_DIR"] = str(cache)
        cmd = [sys.executable, "-m", "generator.cli", "generate", "--specs", str(specs)]
        cmd += ["--out", str(out), "--target", "go"]
        progress(f"{name}: generate cold, run {i + 1}/{args.runs}")
        res.gen_cold.append(run(cmd, repo, gen_env))
        progress(f"{name}: generate no-op, run {i + 1}/{args.runs}")
        res.gen_noop.append(run(cmd, repo, gen_env))
        res.generate_report = res.gen_cold[-1].tail
        shutil.rmtree(cache, ignore_errors=True)
    res.lines = count_go(module)
    if args.no_build:
        return res
    for i in range(args.cold_runs):
        gocache = work / name / f"gocache-{i}"
        shutil.rmtree(gocache, ignore_errors=True)
        env = go_env(gocache)
        progress(f"{name}: go build ./... cold (fresh GOCACHE), run {i + 1}/{args.cold_runs}")
        res.build_cold.append(run(["go", "build", "./..."], module, env))
        for j in range(args.runs):
            progress(f"{name}: go build ./... warm {j + 1}/{args.runs}")
            res.build_warm.append(run(["go", "build", "./..."], module, env))
        progress(f"{name}: go vet ./...")
        res.vet.append(run(["go", "vet", "./..."], module, env))
        binary = work / name / "provider.bin"
        progress(f"{name}: go build -o (link the provider binary)")
        res.link.append(run(["go", "build", "-o", str(binary), "."], module, env))
        res.binary_mib = round(binary.stat().st_size / 2**20, 1)
        binary.unlink()
        res.gocache_mib = du_mib(gocache)
        shutil.rmtree(gocache, ignore_errors=True)
        if args.no_split:
            continue
        gocache = work / name / f"gocache-split-{i}"
        env = go_env(gocache)
        deps, res.module_packages = module_deps(module, env)
        res.dep_packages = len(deps)
        progress(f"{name}: split, dependencies only ({len(deps)} packages, fresh GOCACHE)")
        res.deps_only.append(run(["go", "build", *deps], module, env))
        progress(f"{name}: split, the module alone ({res.module_packages} packages)")
        res.module_only.append(run(["go", "build", "./..."], module, env))
        shutil.rmtree(gocache, ignore_errors=True)
    return res


def fmt_s(v: float) -> str:
    return "-" if v != v else f"{v:.2f}"  # NaN: not measured


def markdown(results: list[TreeResult], mm: dict[str, int] | None, runs: int) -> str:
    sums = [r.summary() for r in results]
    head = "| | " + " | ".join(r.name for r in results) + " |\n"
    head += "| --- |" + " ---: |" * len(results) + "\n"
    rows: list[tuple[str, str, str]] = [
        ("resources generated", "resources", "n"),
        (f"generate cold, wall s (median of {runs})", "gen_cold_s", "s"),
        ("generate cold, CPU s (user+sys)", "gen_cold_cpu_s", "s"),
        (f"generate no-op, wall s (median of {runs})", "gen_noop_s", "s"),
        ("generate peak RSS MiB", "gen_peak_rss_mib", "m"),
        ("`go build ./...` cold (fresh GOCACHE), wall s", "build_cold_s", "s"),
        ("`go build ./...` cold, CPU s", "build_cold_cpu_s", "s"),
        ("`go build` peak RSS MiB (largest process)", "build_peak_rss_mib", "m"),
        (f"`go build ./...` warm, wall s (median of {runs})", "build_warm_s", "s"),
        ("`go vet ./...` (build cache warm), wall s", "vet_s", "s"),
        ("`go vet` peak RSS MiB", "vet_peak_rss_mib", "m"),
        ("link the provider binary (`go build -o`), wall s", "link_s", "s"),
        ("link peak RSS MiB", "link_peak_rss_mib", "m"),
        ("provider binary MiB", "binary_mib", "m"),
        ("split: dependencies + std only, cold, wall s", "deps_only_s", "s"),
        ("split: the module alone (deps cached), wall s", "module_only_s", "s"),
        ("split: the module alone, CPU s", "module_only_cpu_s", "s"),
        ("packages: dependencies+std / module", "dep_packages", "p"),
        ("GOCACHE after build+vet+link, MiB", "gocache_mib", "m"),
    ]
    body = ""
    for label, key, kind in rows:
        cells = []
        for s in sums:
            v = s[key]
            if kind == "n":
                cells.append(f"{v:,}")
            elif kind == "p":
                dep, own = s["dep_packages"], s["module_packages"]
                cells.append(f"{dep} / {own}" if dep else "-")
            elif kind == "m":
                cells.append("-" if not v else f"{v:,.0f}")
            else:
                cells.append(fmt_s(v))
        body += f"| {label} | " + " | ".join(cells) + " |\n"
    text = head + body

    text += "\n| lines of Go | " + " | ".join(r.name for r in results) + " |\n"
    text += "| --- |" + " ---: |" * len(results) + "\n"

    def per(n: int, d: int) -> str:
        return f"{n / d:,.0f}" if d else "-"

    line_rows: list[tuple[str, Callable[[GoLines], int]]] = [
        ("resource files (`<r>_resource.go`)", lambda g: g.resource_code.lines),
        ("custom code copied into services/", lambda g: g.custom_code.lines),
        ("runtime `internal/mmgen` (shared, verbatim)", lambda g: g.runtime.lines),
        ("provider, main, acctest helpers", lambda g: g.provider.lines),
        ("**non-test total**", lambda g: g.non_test),
        ("acceptance tests (`_resource_test.go`)", lambda g: g.acc_tests.lines),
        ("unit tests (`_unit_test.go`)", lambda g: g.unit_tests.lines),
        ("runtime tests", lambda g: g.other_tests.lines),
        ("**test total**", lambda g: g.test),
        ("**all Go**", lambda g: g.non_test + g.test),
    ]
    for label, get in line_rows:
        text += f"| {label} | " + " | ".join(f"{get(r.lines):,}" for r in results) + " |\n"
    per_rows: list[tuple[str, Callable[[GoLines], str]]] = [
        ("resource file lines per resource", lambda g: per(g.resource_code.lines, g.resources)),
        ("non-test lines per resource", lambda g: per(g.non_test, g.resources)),
        ("all Go lines per resource", lambda g: per(g.non_test + g.test, g.resources)),
    ]
    for label, getp in per_rows:
        text += f"| {label} | " + " | ".join(getp(r.lines) for r in results) + " |\n"

    text += "\n| resource-file lines by declaration | " + " | ".join(r.name for r in results)
    text += " |\n| --- |" + " ---: |" * len(results) + "\n"
    for kind in KINDS:
        cells = []
        for r in results:
            n = r.lines.resource_kinds.get(kind, 0)
            share = n / r.lines.resource_code.lines if r.lines.resource_code.lines else 0.0
            cells.append(f"{n:,} ({share:.0%})")
        text += f"| {kind} | " + " | ".join(cells) + " |\n"

    if mm is not None:
        mmv1 = next((r for r in results if r.name == "mmv1"), None)
        n, strict = mm["mm_resources"], mm["mm_resources_strict"]
        text += (
            f"\nMagic Modules' own Go for the mmv1 corpus: about {MM_GO_LINES:,} lines "
            "(figure given to us, not measured here) over "
            f"{n} resources ({mm['resource_files']} resource files, less "
            f"{mm['exclude_resource_true']} with `exclude_resource: true`) = "
            f"{MM_GO_LINES / n:,.0f} lines per resource "
            f"({MM_GO_LINES / strict:,.0f} over {strict} if the "
            f"{mm['exclude_true']} `exclude: true` files are left out too).\n"
        )
        if mmv1 is not None and mmv1.lines.resources:
            g = mmv1.lines
            allg = g.non_test + g.test
            text += (
                f"mmgen: {allg:,} lines of Go ({g.non_test:,} non-test) for "
                f"{g.resources} resources = {allg / g.resources:,.0f} per resource "
                f"({g.non_test / g.resources:,.0f} non-test); MM / mmgen per resource: "
                f"{(MM_GO_LINES / n) / (allg / g.resources):.1f}x (all Go), "
                f"{(MM_GO_LINES / n) / (g.non_test / g.resources):.1f}x (non-test).\n"
            )
    return text


def machine() -> dict[str, Any]:
    go = subprocess.run(["go", "version"], capture_output=True, text=True, check=False)
    mem = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            mem = fh.readline().split(":", 1)[1].strip()
    except OSError:
        pass
    return {
        "machine": platform.machine(),
        "cores": os.cpu_count(),
        "memory": mem,
        "python": platform.python_version(),
        "go": go.stdout.strip(),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--specs", type=Path, default=DEFAULT_SPECS, help="the mmv1 products folder")
    ap.add_argument("--azure-specs", type=Path, default=DEFAULT_AZURE)
    ap.add_argument("--embedded-specs", type=Path, default=DEFAULT_EMBEDDED)
    ap.add_argument("--trees", default="mmv1,azure-mm,embedded", help="which trees, in order")
    ap.add_argument("--out", type=Path, help="work folder, kept (default: a temp dir, removed)")
    ap.add_argument("--runs", type=int, default=3, help="repeats of the cheap steps (median)")
    ap.add_argument("--cold-runs", type=int, default=1, help="repeats of fresh-GOCACHE steps")
    ap.add_argument("--no-build", action="store_true", help="generation and lines only")
    ap.add_argument("--no-split", action="store_true", help="skip the deps/module split")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    ap.add_argument("--repo", type=Path, default=REPO, help="mmgen checkout to run (cwd)")
    args = ap.parse_args()
    if args.runs < 1 or args.cold_runs < 1:
        raise SystemExit("--runs and --cold-runs must be at least 1")
    trees = {"mmv1": args.specs, "azure-mm": args.azure_specs, "embedded": args.embedded_specs}
    chosen = [t.strip() for t in args.trees.split(",") if t.strip()]
    for t in chosen:
        if t not in trees:
            raise SystemExit(f"unknown tree {t!r}: choose from {', '.join(trees)}")
        if not trees[t].is_dir():
            raise SystemExit(f"{t}: specs not found: {trees[t]}")
    if shutil.which("go") is None and not args.no_build:
        raise SystemExit("go not found on PATH")
    info = machine()
    progress(f"{info['cores']} cores, {info['go']}, load {info['load_average_start']}")
    tmp = None
    if args.out is None:
        tmp = tempfile.TemporaryDirectory(prefix="mmgen-go-bench-")
        work = Path(tmp.name)
    else:
        work = args.out.resolve()
        work.mkdir(parents=True, exist_ok=True)
    results: list[TreeResult] = []
    started = time.perf_counter()
    try:
        for t in chosen:
            results.append(bench_tree(t, trees[t].resolve(), work, args.repo.resolve(), args))
    finally:
        if tmp is not None:
            tmp.cleanup()
    info["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    info["bench_wall_s"] = round(time.perf_counter() - started, 1)
    mm = mm_resource_counts(args.specs) if "mmv1" in chosen else None
    print(
        f"machine: {info['machine']}, {info['cores']} cores, {info['memory']}, "
        f"Python {info['python']}, {info['go']}; load average at start "
        f"{info['load_average_start']}, at end {info['load_average_end']}; "
        f"benchmark took {info['bench_wall_s']:.0f} s\n"
    )
    for r in results:
        print(f"{r.name}: {r.specs}: {r.generate_report}")
    print()
    print(markdown(results, mm, args.runs))
    if args.json:
        data = {
            "machine": info,
            "args": {k: str(v) for k, v in vars(args).items()},
            "mm_go_lines_given": MM_GO_LINES,
            "mm_counts": mm,
            "trees": [
                {
                    "name": r.name,
                    "specs": r.specs,
                    "generate_report": r.generate_report,
                    "summary": r.summary(),
                    "lines": {
                        **{
                            k: v
                            for k, v in asdict(r.lines).items()
                            if k in ("resources", "packages", "resource_kinds")
                        },
                        **{
                            k: asdict(getattr(r.lines, k))
                            for k in asdict(r.lines)
                            if k not in ("resources", "packages", "resource_kinds")
                        },
                        "non_test": r.lines.non_test,
                        "test": r.lines.test,
                    },
                    "runs": {
                        k: [asdict(m) for m in getattr(r, k)]
                        for k in (
                            "gen_cold",
                            "gen_noop",
                            "build_cold",
                            "build_warm",
                            "vet",
                            "link",
                            "deps_only",
                            "module_only",
                        )
                    },
                }
                for r in results
            ],
        }
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
