"""FIFOs, devices and folders where files belong: every read goes through
`confine.read_regular`, which refuses them on the open descriptor, so no run blocks on a
FIFO planted in a pull request and nothing is skipped without a word."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from click.testing import CliRunner

from generator.api import run_generate
from generator.cli import cli
from generator.confine import NotRegularFile, read_regular, read_regular_text
from generator.manifest import MANIFEST_NAME, read_manifest
from generator.spec_check import validate_paths

from .conftest_paths import KITCHEN

T = TypeVar("T")

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")


def within(seconds: float, fifo: Path, fn: Callable[[], T]) -> T:
    """fn() in a thread; if it blocks (on the FIFO), unblock it by opening the write end
    and fail: a hang is the bug these tests guard against, and it must not hang the suite."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # re-raised in the test's thread
            box["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    if t.is_alive():
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        t.join(5)
        pytest.fail(f"blocked on the FIFO {fifo} for {seconds} s")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def test_read_regular_refuses_fifo_folder_and_reads_files(tmp_path: Path) -> None:
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFile):
        within(10, fifo, lambda: read_regular(fifo))
    with pytest.raises(IsADirectoryError):
        read_regular(tmp_path)
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "missing")
    f = tmp_path / "a.txt"
    f.write_bytes(b"x" * 100 + b"\r\ny\rz")
    assert read_regular(f) == f.read_bytes()
    assert read_regular(f, 10) == b"x" * 11  # limit + 1: enough to tell "too big"
    assert read_regular_text(f) == f.read_text(encoding="utf-8")  # universal newlines
    with pytest.raises(NotRegularFile):
        read_regular("/dev/zero")  # a device that never ends


def test_import_docs_on_a_fifo_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "page.md"
    os.mkfifo(fifo)
    result = within(30, fifo, lambda: CliRunner().invoke(cli, ["import-docs", str(fifo)]))
    assert result.exit_code == 1, result.output
    assert "not a regular file" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _specs(tmp_path: Path) -> Path:
    specs = tmp_path / "specs"
    shutil.copytree(KITCHEN, specs)
    return specs


def test_fifo_spec_is_reported(tmp_path: Path) -> None:
    specs = _specs(tmp_path)
    fifo = specs / "kitchen" / "drain.yaml"
    os.mkfifo(fifo)
    report = within(60, fifo, lambda: validate_paths([str(specs)]))
    hits = [d for d in report.diagnostics if d.code == "io" and "drain.yaml" in d.location.file]
    assert hits and "not a regular file" in hits[0].message
    assert report.errors


def test_folder_named_like_a_spec_is_a_warning(tmp_path: Path) -> None:
    specs = _specs(tmp_path)
    (specs / "kitchen" / "drain.yaml").mkdir()
    report = validate_paths([str(specs)])
    hits = [d for d in report.diagnostics if "drain.yaml" in d.location.file]
    assert [(d.severity.value, d.code) for d in hits] == [("warning", "io")], hits
    assert "folder named like a spec" in hits[0].message
    assert not report.errors


def test_custom_code_naming_a_fifo(tmp_path: Path) -> None:
    specs = _specs(tmp_path)
    hook = specs / "kitchen" / "custom" / "sink_before_create.py"
    hook.unlink()
    os.mkfifo(hook)
    result = within(120, hook, lambda: run_generate(str(specs), str(tmp_path / "out")))
    assert result.exit_code == 1
    text = "\n".join(d.message for d in result.diagnostics)
    assert "sink_before_create.py" in text and "not a regular file" in text, text
    assert not (tmp_path / "out").exists()  # nothing half-written


@pytest.mark.parametrize("target", ["python", "go"])
def test_fifo_planted_in_the_output(tmp_path: Path, target: str) -> None:
    """A generated file replaced by a FIFO: --check says it differs, generate replaces it."""
    specs = _specs(tmp_path)
    out = tmp_path / "out"
    assert run_generate(str(specs), str(out), target=target).exit_code == 0
    entries, err = read_manifest(out)
    assert err is None
    victim = out / sorted(entries)[0]
    victim.unlink()
    os.mkfifo(victim)
    check = within(
        120, victim, lambda: run_generate(str(specs), str(out), target=target, check=True)
    )
    assert check.exit_code == 1
    again = within(120, victim, lambda: run_generate(str(specs), str(out), target=target))
    assert again.exit_code == 0
    assert victim.is_file() and not victim.is_symlink()


def test_manifest_that_is_a_fifo(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    fifo = out / MANIFEST_NAME
    os.mkfifo(fifo)
    entries, err = within(10, fifo, lambda: read_manifest(out))
    assert entries == {} and err is not None and "unreadable manifest" in err


@pytest.mark.parametrize(
    "name", ['"custom/a\\0b.py"', '"custom/' + "x" * 5000 + '.py"', '"' + "y" * 300 + '/z.py"']
)
def test_custom_code_names_no_file_system_can_hold(tmp_path: Path, name: str) -> None:
    """A NUL or a name too long for the file system is a diagnostic (Path.is_file raises)."""
    specs = _specs(tmp_path)
    sink = specs / "kitchen" / "sink.yaml"
    text = sink.read_text("utf-8")
    sink.write_text(
        text.replace("before_create: custom/sink_before_create.py", f"before_create: {name}")
    )
    report = validate_paths([str(specs)])
    codes = {d.code for d in report.errors}
    assert codes & {"custom-code-outside", "custom-code-missing"}, [
        d.to_text() for d in report.errors
    ]


def test_azure_example_with_a_name_too_long(tmp_path: Path) -> None:
    """Found by bench/fuzz_loaders.py: a prerequisite naming a product of 100,000
    characters made the Azure loader fail with an internal error."""
    tree = tmp_path / "azure"
    shutil.copytree(KITCHEN.parent / "loaders" / "azure-mm", tree)
    example = tree / "batchaccount" / "examples" / "terraform" / "basic.yaml"
    text = example.read_text("utf-8")
    assert "product: resourcegroup" in text
    example.write_text(text.replace("product: resourcegroup", "product: " + "r" * 100_000))
    report = validate_paths([str(tree)], "azure-mm")
    assert not [d for d in report.diagnostics if d.code.endswith("-internal")]
    assert "azure-mm-example-prerequisite" in {d.code for d in report.diagnostics}
