"""Find every generated acceptance suite, so `make acctest` runs a new one without an edit.

    python tests/tools/acc_suites.py python|go [--root REPO]

Prints one `SUITE=SPECS` line per suite, sorted: for `python`, each generated pytest
acceptance folder (`tests/acceptance/` holding the generated `harness.py` and test files);
for `go`, each generated Go module (a `go.mod` folder) with `func TestAcc` tests. Both are
searched under `generated/` and `tests/golden/`. SPECS is the spec tree the suite was
generated from, read from the `.mmgen-manifest.json` of the output folder holding the
suite: the manifest names each file's spec as the generator was given it (relative to
where it ran, e.g. `specs/batchai/x.yaml` or `gen-specs/kitchen/oven.yaml`), so the spec
tree is the folder of that first path segment, at the repository root or below `tests/`,
that holds every spec file the manifest names. A suite whose spec tree cannot be found is
an error (exit 1) rather than a suite silently left out.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".mmgen-manifest.json"
SEARCHED = ("generated", "tests/golden")
# Folders that never hold a generated suite (and can be large).
PRUNED = {".git", ".venv", "node_modules", "__pycache__", ".terraform"}


@dataclass(frozen=True)
class Suite:
    kind: str  # "python" | "go"
    path: str  # relative to the repository root
    specs: str  # relative to the repository root


class DiscoveryError(Exception):
    pass


def _walk(top: Path) -> list[Path]:
    """Every folder under `top`, sorted, skipping PRUNED names (os.walk order is the
    file system's; sorting keeps the output deterministic)."""
    out: list[Path] = []
    for dirpath, dirnames, _files in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if d not in PRUNED)
        out.append(Path(dirpath))
    return sorted(out)


def _is_python_suite(folder: Path) -> bool:
    return (
        folder.name == "acceptance"
        and (folder / "harness.py").is_file()
        and any(folder.glob("test_*.py"))
    )


def _is_go_suite(folder: Path) -> bool:
    if not (folder / "go.mod").is_file():
        return False
    for test in sorted(folder.rglob("*_test.go")):
        try:
            if "func TestAcc" in test.read_text(encoding="utf-8", errors="replace"):
                return True
        except OSError:
            continue
    return False


def _manifest_of(folder: Path, root: Path) -> Path | None:
    for parent in (folder, *folder.parents):
        if (parent / MANIFEST).is_file():
            return parent / MANIFEST
        if parent == root:
            break
    return None


def _spec_paths(manifest: Path) -> list[str]:
    data = json.loads(manifest.read_text(encoding="utf-8"))
    specs = {
        str(f.get("spec", ""))
        for f in data.get("files", [])
        if isinstance(f, dict) and str(f.get("spec", "")).endswith((".yaml", ".yml"))
    }
    return sorted(s for s in specs if not s.startswith("(") and not Path(s).is_absolute())


def specs_folder(manifest: Path, root: Path) -> Path:
    """The spec tree a generated output folder came from (see the module docstring)."""
    paths = _spec_paths(manifest)
    if not paths:
        raise DiscoveryError(f"{manifest}: names no spec file")
    heads = {Path(p).parts[0] for p in paths}
    if len(heads) != 1 or ".." in heads:
        raise DiscoveryError(f"{manifest}: spec files come from several trees: {sorted(heads)}")
    head = heads.pop()
    rests = [Path(*Path(p).parts[1:]) for p in paths]
    candidates = [root / head] + [
        d for d in _walk(root / "tests") if d.name == head and "golden" not in d.parts
    ]
    found = [c for c in candidates if c.is_dir() and all((c / r).is_file() for r in rests)]
    if not found:
        raise DiscoveryError(
            f"{manifest}: no folder `{head}` at the repository root or under tests/ holds "
            f"its spec files ({paths[0]}, ...)"
        )
    return found[0]


def discover(root: Path, kind: str) -> list[Suite]:
    root = root.resolve()
    test = _is_python_suite if kind == "python" else _is_go_suite
    suites = []
    for top in SEARCHED:
        if not (root / top).is_dir():
            continue
        for folder in _walk(root / top):
            if not test(folder):
                continue
            manifest = _manifest_of(folder, root)
            if manifest is None:
                raise DiscoveryError(f"{folder}: a generated suite without {MANIFEST} above it")
            specs = specs_folder(manifest, root)
            suites.append(
                Suite(kind, folder.relative_to(root).as_posix(), specs.relative_to(root).as_posix())
            )
    return sorted(suites, key=lambda s: s.path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kind", choices=("python", "go"))
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[2]))
    args = ap.parse_args(argv)
    try:
        suites = discover(Path(args.root), args.kind)
    except (DiscoveryError, OSError, ValueError) as exc:
        print(f"acc_suites: error: {exc}", file=sys.stderr)
        return 1
    if not suites:
        print(
            f"acc_suites: error: no generated {args.kind} acceptance suite found", file=sys.stderr
        )
        return 1
    for s in suites:
        print(f"{s.path}={s.specs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
