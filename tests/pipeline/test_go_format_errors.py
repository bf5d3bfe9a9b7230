"""The go target's formatter owns its failures: gofmt rejecting a file is a hard error
that names the file and the line, and nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.api import run_generate
from generator.formatting import FormatError
from generator.targets.go_format import format_go

REPO = Path(__file__).resolve().parents[2]
needs_gofmt = pytest.mark.skipif(shutil.which("gofmt") is None, reason="gofmt is not on PATH")


@needs_gofmt
def test_format_go_names_the_line() -> None:
    good = "package x\nfunc  F( ) {}\n"
    bad = "package x\n\nfunc F() {\n\treturn 1 +\n}\n"
    out = format_go([good, bad, good])
    assert out[good] == "package x\n\nfunc F() {}\n"
    err = out[bad]
    assert isinstance(err, FormatError)
    assert err.line == 5 and "gofmt: line 5" in str(err)


@needs_gofmt
def test_a_template_that_writes_invalid_go_fails_the_run(tmp_path: Path) -> None:
    overrides = tmp_path / "tpl"
    overrides.mkdir()
    original = (REPO / "templates" / "go" / "doc.go.j2").read_text(encoding="utf-8")
    (overrides / "doc.go.j2").write_text(original + "\nfunc broken( {\n", encoding="utf-8")
    out = tmp_path / "out"
    outcome = run_generate(str(REPO / "specs"), str(out), target="go", template_dirs=(overrides,))
    assert outcome.exit_code == 1
    errors = [d for d in outcome.diagnostics if d.code == "format-error"]
    assert len(errors) == 1
    message = errors[0].message
    assert "go target" in message
    assert "go/internal/services/batchai/doc.go:" in message  # file and line
    assert "template `doc.go.j2`" in message
    assert not out.exists()  # nothing written


@needs_gofmt
def test_user_templates_are_formatted_by_gofmt_not_trusted(tmp_path: Path) -> None:
    """go_layout lays out only mmgen's own templates' Go: it checks brackets, not syntax or
    spacing inside a statement. A user's template goes to gofmt, which fixes this line
    (go_layout alone would keep `F(){}` as written)."""
    from generator.targets.go_layout import layout

    overrides = tmp_path / "tpl"
    overrides.mkdir()
    original = (REPO / "templates" / "go" / "doc.go.j2").read_text(encoding="utf-8")
    (overrides / "doc.go.j2").write_text(original + "\nfunc F(){}\n", encoding="utf-8")
    assert layout("package p\n\nfunc F(){}\n") == "package p\n\nfunc F(){}\n"
    out = tmp_path / "out"
    outcome = run_generate(str(REPO / "specs"), str(out), target="go", template_dirs=(overrides,))
    assert outcome.exit_code == 0, [d.to_text() for d in outcome.diagnostics if d.is_error]
    doc = (out / "go" / "internal" / "services" / "batchai" / "doc.go").read_text(encoding="utf-8")
    assert doc.endswith("\nfunc F() {}\n")
