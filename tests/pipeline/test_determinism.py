"""Output is byte-identical across runs, hash seeds, spec file order and machines."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import generate
from generator.product_cache import ProductCache

from .helpers import KITCHEN_SPECS, SPECS, tree


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path, data in sorted(tree(folder).items()):
        h.update(path.encode() + b"\0" + data + b"\0")
    return h.hexdigest()


@pytest.mark.parametrize("seed", ["0", "1", "random"])
def test_same_bytes_under_any_hash_seed(tmp_path: Path, seed: str) -> None:
    """Run the CLI in fresh interpreters with different PYTHONHASHSEED values.

    Both spec trees (one provider each), every target: go/ and python/ are compared alike.
    The product cache is off, so that the second run renders rather than replays the first.
    """
    trees = {"azurerm": SPECS, "kitchen": KITCHEN_SPECS}
    for name, src in trees.items():
        shutil.copytree(src, tmp_path / name / "specs")
    digests: dict[str, list[str]] = {name: [] for name in trees}
    for run, run_seed in enumerate(("0", seed)):
        env = dict(os.environ, PYTHONHASHSEED=run_seed, MMGEN_CACHE_DIR="off")
        for name in trees:
            out = tmp_path / name / f"run-{run}" / "generated"
            out.parent.mkdir()
            proc = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "generator.cli",
                    "generate",
                    "--specs",
                    str(tmp_path / name / "specs"),
                    "--out",
                    "generated",
                ],
                cwd=out.parent,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert proc.returncode == 0, proc.stderr
            files = tree(out)
            assert any(p.startswith("go/") for p in files)
            assert any(p.startswith("python/") for p in files)
            digests[name].append(_digest(out))
    for name, (first, second) in digests.items():
        assert first == second, f"{name}: output differs between hash seeds 0 and {seed}"


def test_same_bytes_whatever_the_spec_file_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Directory listing order is the file system's business; ours must not depend on it.

    Without the product cache: a hit would replay the first run instead of re-reading.
    """
    uncached = ProductCache(None)
    first = {p: f.text for p, f in generate(KITCHEN_SPECS, product_cache=uncached).files.items()}
    assert {p.split("/", 1)[0] for p in first} == {"go", "python"}
    real_iterdir = Path.iterdir
    real_rglob = Path.rglob
    rng = random.Random(7)

    def shuffled_iterdir(self: Path):  # type: ignore[no-untyped-def]
        items = list(real_iterdir(self))
        rng.shuffle(items)
        return iter(items)

    def shuffled_rglob(self: Path, pattern: str):  # type: ignore[no-untyped-def]
        items = list(real_rglob(self, pattern))
        rng.shuffle(items)
        return iter(items)

    monkeypatch.setattr(Path, "iterdir", shuffled_iterdir)
    monkeypatch.setattr(Path, "rglob", shuffled_rglob)
    for _ in range(3):
        again = {
            p: f.text for p, f in generate(KITCHEN_SPECS, product_cache=uncached).files.items()
        }
        assert again == first
        assert list(again) == list(first) or sorted(again) == sorted(first)


@pytest.mark.parametrize(
    "case",
    ["kitchen", "azurerm"],
)
def test_output_does_not_depend_on_where_the_specs_live(tmp_path: Path, case: str) -> None:
    """Banners and the manifest name specs relative to the specs folder, not the machine.

    `azurerm` is specs/, whose provider comes from provider.yaml; the kitchen fixture has
    none (its provider is the default one).
    """
    src = SPECS if case == "azurerm" else KITCHEN_SPECS
    a = tmp_path / "a" / "specs"
    b = tmp_path / "deeper" / "path" / "specs"
    shutil.copytree(src, a)
    shutil.copytree(src, b)
    ta = {p: f.text for p, f in generate(a).files.items()}
    tb = {p: f.text for p, f in generate(b).files.items()}
    assert ta == tb
    # Neither absolute nor relative: nothing names the folders around the specs folder.
    assert not any(tmp_path.name in text for text in ta.values())
