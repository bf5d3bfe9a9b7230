"""Sides of a diff: git revisions read through `git archive`, and bad input as diagnostics."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.diff import run_diff
from generator.diff.sides import _extract

REPO = Path(__file__).resolve().parents[2]
PAIR = REPO / "tests" / "fixtures" / "diff" / "field-optional-to-required"

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose last commit makes `color` required in specs/."""
    _git(tmp_path, "init", "-q")
    shutil.copytree(PAIR / "base", tmp_path / "specs")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "base")
    shutil.rmtree(tmp_path / "specs")
    shutil.copytree(PAIR / "head", tmp_path / "specs")
    _git(tmp_path, "commit", "-qam", "head")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@needs_git
def test_a_revision_against_the_working_tree(repo: Path) -> None:
    report = run_diff("HEAD~1", "specs")
    assert [f.rule for f in report.blocking] == ["field-optional-to-required"]
    assert str(report.findings[0].location) == "specs/shop/widget.yaml:24:5"


@needs_git
def test_two_revisions_and_rev_path(repo: Path) -> None:
    assert [f.rule for f in run_diff("HEAD~1", "HEAD").blocking] == ["field-optional-to-required"]
    assert run_diff("HEAD~1:specs", "HEAD~1:specs").findings == []
    # A removal points at the base revision's file, by its repository path.
    (repo / "specs" / "shop" / "widget.yaml").unlink()
    removed = run_diff("HEAD", "specs")
    assert [str(f.location) for f in removed.blocking] == ["specs/shop/widget.yaml:1:1"]
    assert removed.blocking[0].side == "base"


@needs_git
def test_bad_sides_are_diagnostics(repo: Path) -> None:
    for side in ("no-such-rev", "HEAD:nowhere", "--upload-pack=x"):
        report = run_diff(side, "specs")
        assert report.exit_code == 1 and not report.compared
        assert [d.code for d in report.diagnostics] == ["diff-unknown-side"], side


@needs_git
def test_a_spec_error_stops_the_diff_at_its_line(repo: Path) -> None:
    spec = repo / "specs" / "shop" / "widget.yaml"
    spec.write_text(spec.read_text().replace("type: Integer", "type: Integr"))
    result = CliRunner().invoke(cli, ["diff", "HEAD~1", "specs"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # no traceback
    assert "specs/shop/widget.yaml:29:11: error[invalid-value]" in result.output


def test_cli_usage_and_missing_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    missing = runner.invoke(cli, ["diff", "nowhere", "also-nowhere"])
    assert missing.exit_code == 1 and "error[diff-unknown-side]" in missing.output
    assert isinstance(missing.exception, SystemExit)
    bad = runner.invoke(cli, ["diff", "a", "b", "--allow", "not-a-rule"])
    assert bad.exit_code == 2 and "not a breaking-change rule" in bad.output


def test_cli_formats_and_base_option(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    pair = PAIR.relative_to(REPO)
    runner = CliRunner()
    gh = runner.invoke(
        cli, ["diff", "--base", str(pair / "base"), str(pair / "head"), "--format", "github"]
    )
    assert gh.exit_code == 1
    assert gh.output.startswith(
        f"::error file={pair}/head/shop/widget.yaml,line=24,col=5,title=field-optional-to-required::"
    )
    allowed = runner.invoke(
        cli,
        ["diff", str(pair / "base"), str(pair / "head"), "--allow", "field-optional-to-required"],
    )
    assert (
        allowed.exit_code == 0 and "allowed: --allow field-optional-to-required" in allowed.output
    )


def _tar(members: list[tuple[tarfile.TarInfo, bytes]]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as t:
        for info, data in members:
            t.addfile(info, io.BytesIO(data) if data else None)
    return buf.getvalue()


def test_archive_members_stay_inside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hostile revision: `..`, absolute names and links are left out with a warning."""

    def info(
        name: str, kind: bytes = tarfile.REGTYPE, size: int = 2, link: str = ""
    ) -> tarfile.TarInfo:
        i = tarfile.TarInfo(name)
        i.type, i.size, i.linkname = kind, size if kind == tarfile.REGTYPE else 0, link
        return i

    data = _tar(
        [
            (info("specs/ok.yaml"), b"ok"),
            (info("../escape.yaml"), b"no"),
            (info("/abs.yaml"), b"no"),
            (info("specs/link", tarfile.SYMTYPE, link="/etc/passwd"), b""),
        ]
    )

    class FakeProc:
        def __init__(self, *a: object, **k: object) -> None:
            self.stdout = io.BytesIO(data)
            self.returncode = 0

        def communicate(self, timeout: float) -> tuple[bytes, bytes]:
            return b"", b""

    monkeypatch.setattr(subprocess, "Popen", FakeProc)
    out = tmp_path / "out"
    out.mkdir()
    diags = _extract("HEAD", "specs", str(out), "HEAD")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "specs",
        "specs/ok.yaml",
    ]
    assert [d.code for d in diags] == ["diff-archive-member"] * 3
    assert not (tmp_path / "escape.yaml").exists()
