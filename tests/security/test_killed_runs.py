"""A generate run killed at any point leaves every file old or new, never torn, every new
file owned by the manifest, and the next run repairs the tree and the manifest.

The tree starts as the kitchen fixture's output (old). The specs then change (new): one
resource's text changes (updates), one resource is removed (deletions), one is added
(creations). `mmgen generate` runs in a child process that SIGKILLs itself at the k-th
file operation inside the output folder (before or after an atomic rename or a delete),
for k drawn across the whole write phase, plus runs killed from outside at random times.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.api import run_generate
from generator.manifest import MANIFEST_NAME

from .conftest_paths import KITCHEN, REPO

TEMP = re.compile(r"^\..*\.tmp$")

# The child: count file operations inside --out and kill itself at the chosen one.
CHILD = r"""
import os, signal, sys
out, n, when = os.path.realpath(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
seen = [0]
def inside(p):
    return os.path.realpath(os.fspath(p)).startswith(out + os.sep)
def tick():
    seen[0] += 1
    if seen[0] == n:
        os.kill(os.getpid(), signal.SIGKILL)
def wrap(real):
    def op(*args, **kw):
        mine = inside(args[-1] if real is os.replace else args[0]) and "dir_fd" not in kw
        if mine and when == "before":
            tick()
        result = real(*args, **kw)
        if mine and when == "after":
            tick()
        return result
    return op
os.replace = wrap(os.replace)
os.unlink = wrap(os.unlink)
from generator.cli import cli
cli(["generate", "--specs", sys.argv[4], "--out", sys.argv[1]])
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("killed")
    # Banners name the specs and output folders: the same names on every side.
    old_specs, new_specs = root / "old" / "specs", root / "new" / "specs"
    shutil.copytree(KITCHEN, old_specs)
    shutil.copytree(KITCHEN, new_specs)
    kitchen = new_specs / "kitchen"
    sink = kitchen / "sink.yaml"
    sink.write_text(
        sink.read_text("utf-8").replace("A sink: exercises", "A changed sink: exercises"), "utf-8"
    )
    oven = (kitchen / "oven.yaml").read_text("utf-8")
    (kitchen / "oven.yaml").unlink()
    (kitchen / "drain.yaml").write_text(oven.replace("oven", "drain"), "utf-8")
    old_out, new_out = root / "old" / "out", root / "new" / "out"
    for specs, out in ((old_specs, old_out), (new_specs, new_out)):
        outcome = run_generate(str(specs), str(out))
        assert outcome.exit_code == 0, outcome.messages
    return {"old_specs": old_specs, "new_specs": new_specs, "old": old_out, "new": new_out}


def check_torn(out: Path, old: dict[str, bytes], new: dict[str, bytes]) -> None:
    """Every file is the old or the new version; every new file is in the manifest."""
    now = snapshot(out)
    manifest = json.loads(now[MANIFEST_NAME])  # never torn either
    owned = {e["path"] for e in manifest["files"]}
    for e in manifest["files"]:
        versions = [v for v in (old.get(e["path"]), new.get(e["path"])) if v is not None]
        assert e["sha256"] in [hashlib.sha256(v).hexdigest() for v in versions], e["path"]
    for rel, data in now.items():
        if TEMP.match(Path(rel).name) or rel == MANIFEST_NAME:
            continue
        assert rel in old or rel in new, f"{rel}: neither an old nor a new file"
        assert data in (old.get(rel), new.get(rel)), f"{rel}: torn (neither old nor new)"
        assert rel in owned, f"{rel}: on disk but not in the manifest"


def repair(specs: Path, out: Path, want: dict[str, bytes]) -> None:
    """The next run, with these specs, leaves exactly their output (no temp file left)."""
    outcome = run_generate(str(specs), str(out))
    assert outcome.exit_code == 0, (outcome.messages, [d.to_text() for d in outcome.diagnostics])
    assert snapshot(out) == want, "the next run did not repair the tree"
    assert run_generate(str(specs), str(out), check=True).exit_code == 0


def _killable_env(work: Path) -> dict[str, str]:
    """A killed run cannot remove its formatters' temp folders: keep them in this test's
    own folder, not in the machine's temp folder."""
    temp = work / "tmp"
    temp.mkdir(parents=True, exist_ok=True)
    return dict(os.environ, TMPDIR=str(temp))


def child(out: Path, specs: Path, n: int, when: str) -> subprocess.CompletedProcess[str]:
    env = dict(_killable_env(out.parent), PYTHONHASHSEED="0")
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(out), str(n), when, str(specs)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def count_operations(trees: dict[str, Path], work: Path) -> int:
    """How many file operations inside --out the old -> new run makes (n=0: no kill)."""
    out = work / "count" / "out"
    shutil.copytree(trees["old"], out)
    probe = CHILD.replace("cli([", "import atexit; atexit.register(lambda: print(seen[0]))\ncli([")
    proc = subprocess.run(
        [sys.executable, "-c", probe, str(out), "0", "before", str(trees["new_specs"])],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    return int(proc.stdout.split()[-1])


def test_killed_at_every_kind_of_point_leaves_old_or_new_and_repairs(
    trees: dict[str, Path], tmp_path: Path
) -> None:
    old, new = snapshot(trees["old"]), snapshot(trees["new"])
    assert old != new
    total = count_operations(trees, tmp_path)
    assert total >= 10, f"only {total} file operations: the change is too small to test"
    rng = random.Random(int(os.environ.get("MMGEN_KILL_SEED", "9")))
    points = sorted({1, total, *rng.sample(range(1, total + 1), min(total, 10))})
    out = tmp_path / "out"
    killed = 0
    for k in points:
        for when in ("before", "after"):
            if out.exists():
                shutil.rmtree(out)
            shutil.copytree(trees["old"], out)
            proc = child(out, trees["new_specs"], k, when)
            assert proc.returncode in (0, -signal.SIGKILL), proc.stderr
            killed += proc.returncode == -signal.SIGKILL
            check_torn(out, old, new)
            # Half the time the next run goes back to the old specs: the files the killed
            # run created are owned, so they are removed, not called conflicts.
            if when == "before":
                repair(trees["new_specs"], out, new)
            else:
                repair(trees["old_specs"], out, old)
    assert killed >= len(points), f"only {killed} runs were killed"


def test_killed_again_and_again_then_repaired(trees: dict[str, Path], tmp_path: Path) -> None:
    """Kills from outside at random times, each run starting where the last one died."""
    old, new = snapshot(trees["old"]), snapshot(trees["new"])
    out = tmp_path / "out"
    shutil.copytree(trees["old"], out)
    start = time.monotonic()
    proc = child(tmp_path / "timing" / "out", trees["new_specs"], 0, "before")
    assert proc.returncode == 0, proc.stderr
    duration = time.monotonic() - start
    rng = random.Random(int(os.environ.get("MMGEN_KILL_SEED", "9")))
    for _ in range(6):
        p = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(out), "0", "before", str(trees["new_specs"])],
            cwd=REPO,
            env=_killable_env(tmp_path),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 1.0) * duration)
        p.send_signal(signal.SIGKILL)
        p.wait(60)
        check_torn(out, old, new)
    repair(trees["new_specs"], out, new)
