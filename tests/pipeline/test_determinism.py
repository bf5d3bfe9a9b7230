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

from .helpers import KITCHEN_SPECS, SPECS, tree


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path, data in sorted(tree(folder).items()):
        h.update(path.encode() + b"\0" + data + b"\0")
    return h.hexdigest()


@pytest.mark.parametrize("seed", ["0", "1", "random"])
def test_same_bytes_under_any_hash_seed(tmp_path: Path, seed: str) -> None:
    """Run the CLI in fresh interpreters with different PYTHONHASHSEED values."""
    specs = tmp_path / "specs"
    shutil.copytree(KITCHEN_SPECS / "kitchen", specs / "kitchen")
    shutil.copytree(SPECS / "batchai", specs / "batchai")
    digests = []
    for run_seed in ("0", seed):
        out = tmp_path / f"run-{run_seed}" / "generated"
        out.parent.mkdir(exist_ok=True)
        env = dict(os.environ, PYTHONHASHSEED=run_seed)
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "generator.cli",
                "generate",
                "--specs",
                str(specs),
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
        digests.append(_digest(out))
    assert digests[0] == digests[1]


def test_same_bytes_whatever_the_spec_file_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Directory listing order is the file system's business; ours must not depend on it."""
    first = {p: f.text for p, f in generate(KITCHEN_SPECS).files.items()}
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
        again = {p: f.text for p, f in generate(KITCHEN_SPECS).files.items()}
        assert again == first
        assert list(again) == list(first) or sorted(again) == sorted(first)


def test_output_does_not_depend_on_where_the_specs_live(tmp_path: Path) -> None:
    """Banners and the manifest name specs relative to the specs folder, not the machine."""
    a = tmp_path / "a" / "specs"
    b = tmp_path / "deeper" / "path" / "specs"
    shutil.copytree(KITCHEN_SPECS, a)
    shutil.copytree(KITCHEN_SPECS, b)
    ta = {p: f.text for p, f in generate(a).files.items()}
    tb = {p: f.text for p, f in generate(b).files.items()}
    assert ta == tb
    assert not any(str(tmp_path) in text for text in ta.values())
