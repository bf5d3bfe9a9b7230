"""Nothing outside its folder: the manifest, the output tree and custom-code paths are
untrusted (they arrive in pull requests), and every path mmgen writes, deletes, reads back
or copies goes through generator/confine.py."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator.api import run_generate
from generator.confine import Escape, input_path, output_path
from generator.manifest import MANIFEST_NAME
from generator.spec_check import validate_paths

REPO = Path(__file__).resolve().parents[2]
KITCHEN = REPO / "tests" / "fixtures" / "gen-specs"


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(specs, out, a secret file beside them) with `out` generated once."""
    specs = tmp_path / "specs"
    shutil.copytree(KITCHEN, specs)
    out = tmp_path / "out"
    assert run_generate(str(specs), str(out), target="python").exit_code == 0
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET\n", encoding="utf-8")
    return specs, out, secret


def _poison_manifest(out: Path, path: str) -> None:
    manifest = out / MANIFEST_NAME
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["files"].append(dict(data["files"][0], path=path))
    manifest.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("entry", ["../secret.txt", "ABSOLUTE", "python/../../secret.txt"])
@pytest.mark.parametrize("check", [False, True])
def test_a_manifest_entry_outside_the_output_is_refused(
    tree: tuple[Path, Path, Path], entry: str, check: bool
) -> None:
    specs, out, secret = tree
    _poison_manifest(out, str(secret) if entry == "ABSOLUTE" else entry)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    outcome = run_generate(str(specs), str(out), target="python", check=check)
    assert outcome.exit_code == 1
    assert any("refusing to touch it" in m for m in outcome.messages), outcome.messages
    assert secret.read_text(encoding="utf-8") == "TOP-SECRET\n"  # not deleted
    assert "TOP-SECRET" not in outcome.diff + "".join(outcome.messages)  # not printed
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_a_linked_folder_inside_the_output_is_not_followed(
    tree: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    specs, out, _ = tree
    elsewhere = tmp_path / "elsewhere"
    docs = out / "python" / "docs"
    shutil.move(docs, elsewhere)
    os.symlink(elsewhere, docs)
    (elsewhere / "index.md").write_text("changed\n", encoding="utf-8")
    outcome = run_generate(str(specs), str(out), target="python")
    assert outcome.exit_code == 1
    assert any("symbolic link" in m for m in outcome.messages), outcome.messages
    assert (elsewhere / "index.md").read_text(encoding="utf-8") == "changed\n"


@pytest.mark.parametrize("rel", ["../../secret.txt", "ABSOLUTE", "custom/../../../secret.txt"])
def test_custom_code_outside_the_spec_folder_is_an_error(
    tree: tuple[Path, Path, Path], rel: str, tmp_path: Path
) -> None:
    specs, _, secret = tree
    sink = specs / "kitchen" / "sink.yaml"
    path = str(secret) if rel == "ABSOLUTE" else rel
    text = sink.read_text(encoding="utf-8")
    sink.write_text(
        text.replace("before_create: custom/sink_before_create.py", f"before_create: {path}"),
        encoding="utf-8",
    )
    report = validate_paths([str(specs)])
    found = [d for d in report.errors if d.code == "custom-code-outside"]
    assert len(found) == 1 and found[0].location.file.endswith("sink.yaml")
    assert found[0].location.line > 0
    out = tmp_path / "out2"
    outcome = run_generate(str(specs), str(out))
    assert outcome.exit_code == 1 and not out.exists()


def test_a_linked_custom_file_pointing_outside_is_an_error(
    tree: tuple[Path, Path, Path],
) -> None:
    specs, _, secret = tree
    hook = specs / "kitchen" / "custom" / "sink_before_create.py"
    hook.unlink()
    os.symlink(secret, hook)
    codes = {d.code for d in validate_paths([str(specs)]).errors}
    assert "custom-code-outside" in codes


@pytest.mark.parametrize(
    "rel", ["", ".", "..", "a/../b", "/etc/passwd", "C:\\x", "a\\b", "a//b", "a\0b"]
)
def test_output_path_refuses(rel: str, tmp_path: Path) -> None:
    with pytest.raises(Escape):
        output_path(tmp_path, rel)


def test_output_and_input_paths_accept_plain_relative_paths(tmp_path: Path) -> None:
    assert output_path(tmp_path, "go/main.go") == tmp_path / "go" / "main.go"
    (tmp_path / "custom").mkdir()
    (tmp_path / "custom" / "x.py").write_text("", encoding="utf-8")
    assert input_path(tmp_path, "custom/x.py") == (tmp_path / "custom" / "x.py").resolve()
    with pytest.raises(Escape):
        input_path(tmp_path / "custom", "../custom/../../x")


def test_an_over_long_name_fails_before_anything_is_written(tmp_path: Path) -> None:
    from generator.pipeline import generate
    from generator.sync import plan_sync

    result = generate(KITCHEN, "go")
    some = next(iter(result.files.values()))
    long_path = "go/" + "x" * 300 + ".go"
    result.files[long_path] = some
    plan = plan_sync(result, tmp_path / "out")
    assert any("longer than file systems allow" in e for e in plan.errors)
    assert not (tmp_path / "out").exists()


def test_an_output_folder_under_a_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    outcome = run_generate(str(KITCHEN), str(blocker / "out"), target="go")
    assert outcome.exit_code == 1
    assert any("is a file, not a folder" in m for m in outcome.messages), outcome.messages
