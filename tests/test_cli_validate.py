"""`mmgen validate`: exit codes, output formats, and which paths it accepts."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

REPO = Path(__file__).resolve().parents[1]
GOOD = "tests/fixtures/good-specs"
BAD = "tests/fixtures/bad-specs"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def test_good_specs_exit_0_without_diagnostics() -> None:
    code, out, err = run("validate", GOOD)
    assert code == 0, out
    assert out == ""
    assert "1 product(s), 2 resource(s): 0 error(s), 0 warning(s)" in err


def test_spec_errors_exit_1() -> None:
    code, out, _ = run("validate", f"{BAD}/unknown-key-typo")
    assert code == 1
    assert "error[unknown-key]" in out


def test_warnings_pass_unless_strict() -> None:
    assert run("validate", f"{BAD}/empty-description")[0] == 0
    code, out, _ = run("validate", "--strict", f"{BAD}/empty-description")
    assert code == 1
    assert "warning[empty-description]" in out
    assert run("validate", "--strict", GOOD)[0] == 0


def test_bad_option_exits_2() -> None:
    code, _, err = run("validate", "--no-such-option", GOOD)
    assert code == 2
    assert "No such option" in err
    assert run("validate", "--format", "xml", GOOD)[0] == 2


def test_missing_path_is_a_usage_error() -> None:
    code, out, err = run("validate", GOOD, "does/not/exist")
    assert code == 2
    assert out == ""
    assert "path does not exist: 'does/not/exist'" in err


def test_default_path_is_specs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("validate")
    assert code == 2 and "path does not exist: 'specs'" in err
    shutil.copytree(REPO / GOOD, tmp_path / "specs")
    assert run("validate")[0] == 0


def test_multiple_paths_report_everything() -> None:
    code, out, err = run(
        "validate", GOOD, f"{BAD}/unknown-key-typo", f"{BAD}/default-type", "--format", "json"
    )
    assert code == 1
    files = {d["file"] for d in json.loads(out)}
    assert files == {f"{BAD}/unknown-key-typo/widget.yaml", f"{BAD}/default-type/widget.yaml"}


def test_whole_bad_specs_tree_collects_every_case() -> None:
    code, out, _ = run("validate", "--format", "json", BAD)
    assert code == 1
    cases = {Path(d["file"]).parts[3] for d in json.loads(out)}
    expected = {p.name for p in (REPO / BAD).iterdir() if p.is_dir()}
    assert cases == expected


def test_json_format_is_parseable() -> None:
    code, out, err = run("validate", "--format", "json", f"{BAD}/many-errors")
    assert code == 1
    diags = json.loads(out)
    assert isinstance(diags, list) and len(diags) >= 10
    for d in diags:
        assert set(d) == {"file", "line", "col", "severity", "code", "message", "hint"}
        assert d["severity"] in ("error", "warning")
        assert d["line"] >= 1 and d["col"] >= 1
    assert err == "", "json output keeps stderr quiet so it can be piped"
    # Clean specs give an empty list, not empty output.
    assert json.loads(run("validate", "--format", "json", GOOD)[1]) == []


GITHUB = re.compile(
    r"^::(?P<level>error|warning) file=(?P<file>[^,:]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"title=(?P<title>[a-z0-9-]+)::(?P<msg>[^\r\n]+)$"
)


def test_github_format_is_annotation_syntax() -> None:
    code, out, _ = run(
        "validate", "--format", "github", f"{BAD}/many-errors", f"{BAD}/empty-description"
    )
    assert code == 1
    lines = out.splitlines()
    assert lines
    levels = set()
    for line in lines:
        m = GITHUB.match(line)
        assert m, f"not a workflow command: {line!r}"
        assert (REPO / m["file"]).is_file()
        levels.add(m["level"])
    assert levels == {"error", "warning"}
    assert any(
        "did you mean `required`?" in line for line in lines
    ), "hints are part of the message"


def test_github_format_escapes_newlines_and_percent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(REPO / BAD / "unknown-key-typo", tmp_path / "p")
    spec = tmp_path / "p" / "widget.yaml"
    spec.write_text(spec.read_text().replace("requried: true", '"100%\\nsure": true'))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run("validate", "--format", "github", "p")
    (line,) = out.splitlines()
    assert "100%25%0Asure" in line


def test_single_resource_file_validates_just_that_resource() -> None:
    code, out, err = run("validate", f"{GOOD}/batchai/cluster.yaml")
    assert code == 0, out
    assert "1 product(s), 1 resource(s)" in err
    code, out, _ = run("validate", f"{BAD}/unknown-key-typo/widget.yaml")
    assert code == 1 and "requried" in out


def test_single_file_without_product_yaml(tmp_path: Path) -> None:
    lone = tmp_path / "widget.yaml"
    shutil.copy(REPO / BAD / "unknown-key-typo" / "widget.yaml", lone)
    code, out, _ = run("validate", str(lone))
    assert code == 1
    assert "no product.yaml beside this spec" in out


def test_non_yaml_file_as_path(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    code, out, _ = run("validate", str(notes))
    assert code == 1 and "not a spec file" in out


def test_folder_without_specs(tmp_path: Path) -> None:
    code, out, _ = run("validate", str(tmp_path))
    assert code == 1 and "no product.yaml found under this folder" in out


def _copy_good(tmp_path: Path) -> Path:
    dest = tmp_path / "specs"
    shutil.copytree(REPO / GOOD, dest)
    return dest / "batchai"


def test_unreadable_file_via_permission_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, where chmod 000 does not stop reads; make `open` refuse instead,
    # exactly as the OS would for an unreadable file.
    product = _copy_good(tmp_path)
    target = str(product / "cluster.yaml")
    real_open = os.open

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(file) == target:
            raise PermissionError(13, "Permission denied", target)
        return real_open(file, *args, **kwargs)

    # Specs are read through confine.read_regular, which opens with os.open.
    monkeypatch.setattr(os, "open", guarded_open)
    code, out, _ = run("validate", str(tmp_path / "specs"))
    assert code == 1
    assert "cluster.yaml:1:1: error[io]: file is not readable (permission denied)" in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_via_chmod(tmp_path: Path) -> None:
    product = _copy_good(tmp_path)
    (product / "cluster.yaml").chmod(0)
    code, out, _ = run("validate", str(tmp_path / "specs"))
    assert code == 1 and "not readable" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_where_a_spec_is_expected(tmp_path: Path) -> None:
    # A FIFO would block `open` forever; it must be reported, not read.
    product = _copy_good(tmp_path)
    os.mkfifo(product / "pipe.yaml")
    code, out, _ = run("validate", str(tmp_path / "specs"))
    assert code == 1
    assert "pipe.yaml:1:1: error[io]: is not a regular file" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_as_product_yaml(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    os.mkfifo(folder / "product.yaml")
    code, out, _ = run("validate", str(tmp_path))
    assert code == 1 and "product.yaml:1:1: error[io]: is not a regular file" in out


def test_directory_named_like_a_spec_is_skipped(tmp_path: Path) -> None:
    product = _copy_good(tmp_path)
    (product / "drafts.yaml").mkdir()
    assert run("validate", str(tmp_path / "specs"))[0] == 0


def test_broken_symlink(tmp_path: Path) -> None:
    product = _copy_good(tmp_path)
    (product / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    code, out, _ = run("validate", str(tmp_path / "specs"))
    assert code == 1 and "gone.yaml:1:1: error[io]: is a broken symbolic link" in out


def test_no_traceback_from_the_real_binary(tmp_path: Path) -> None:
    """The installed entry point, end to end, on the nastiest fixtures."""
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "generator.cli", "validate", BAD],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout


def test_format_is_the_output_format_only() -> None:
    """A spec-format name given to --format is a usage error that names --spec-format."""
    code, out, err = run("validate", "--format", "mmv1", GOOD)
    assert code == 2 and out == ""
    assert "--spec-format mmv1" in err
    # The input format has its own option; the output stays text.
    code, out, err = run("validate", "--spec-format", "mmgen", GOOD)
    assert code == 0 and "0 error(s)" in err


def test_format_given_twice_with_different_values_is_a_usage_error() -> None:
    code, _, err = run("validate", "--format", "json", "--format", "github", GOOD)
    assert code == 2
    assert "--format given more than once" in err and "json, github" in err
    code, _, err = run("validate", "--spec-format", "mmgen", "--spec-format", "mmv1", GOOD)
    assert code == 2 and "--spec-format given more than once" in err
    # The same value twice is no contradiction.
    code, out, _ = run("validate", "--format", "json", "--format", "json", GOOD)
    assert code == 0 and json.loads(out) == []


def test_generate_format_is_the_output_format_only(tmp_path: Path) -> None:
    code, _, err = run("generate", "--specs", GOOD, "--out", str(tmp_path), "--format", "mmv1")
    assert code == 2 and "--spec-format mmv1" in err
    assert not any(tmp_path.iterdir())
