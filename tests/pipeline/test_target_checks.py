"""Checks that belong to a target: a regex is checked in the dialect of the code running it.

The python target compiles `validation.regex` with Python's `re`, the go target with RE2
(Go's `regexp`). The spec checks (`validate_paths`) know no target; `mmgen generate`
reports each target's own finding (code `invalid-regex`) at the pattern's line, and so
does `mmgen validate` for the targets of its `--target` (default all; `none`: no target).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.api import validate_paths
from generator.cli import cli
from generator.pipeline import generate

from .helpers import REPO, gen

CASE = REPO / "tests" / "fixtures" / "bad-specs" / "invalid-regex"
PATTERN = '"^[a-z(+$"'  # as written in the case's widget.yaml


def _with_pattern(tmp_path: Path, pattern: str) -> Path:
    specs = tmp_path / "specs"
    shutil.copytree(CASE, specs)
    widget = specs / "widget.yaml"
    text = widget.read_text(encoding="utf-8")
    assert PATTERN in text
    widget.write_text(text.replace(PATTERN, pattern), encoding="utf-8")
    (specs / "expected.txt").unlink()
    return specs


def _regex_errors(specs: Path, target: str = "all") -> dict[str, tuple[int, int]]:
    """Target named in each `invalid-regex` message -> (line, col)."""
    result = generate(specs, target)
    found = {}
    for d in result.diagnostics:
        if d.code == "invalid-regex":
            name = "go" if "for the go target" in d.message else "python"
            assert f"for the {name} target" in d.message, d.message
            found[name] = (d.location.line, d.location.col)
    if found:
        assert result.has_errors and result.files == {}
    return found


def test_invalid_everywhere_is_reported_by_each_target() -> None:
    assert _regex_errors(CASE) == {"python": (15, 7), "go": (15, 7)}
    assert _regex_errors(CASE, "python") == {"python": (15, 7)}
    assert _regex_errors(CASE, "go") == {"go": (15, 7)}


def _validate_regex_errors(specs: Path, *args: str) -> dict[str, tuple[int, int]]:
    result = CliRunner().invoke(cli, ["validate", "--format", "json", *args, str(specs)])
    found = {}
    for d in json.loads(result.stdout):
        if d["code"] == "invalid-regex":
            found["go" if "for the go target" in d["message"] else "python"] = (d["line"], d["col"])
    assert result.exit_code == (1 if found else 0), result.stdout
    return found


def test_spec_checks_leave_regexes_to_the_targets() -> None:
    report = validate_paths([str(CASE)])
    assert report.errors == []
    assert not any(d.code == "invalid-regex" for d in report.diagnostics)


def test_validate_runs_the_targets_checks_it_is_asked_for() -> None:
    assert _validate_regex_errors(CASE) == {"python": (15, 7), "go": (15, 7)}
    assert _validate_regex_errors(CASE, "--target", "all") == {"python": (15, 7), "go": (15, 7)}
    assert _validate_regex_errors(CASE, "--target", "go") == {"go": (15, 7)}
    assert _validate_regex_errors(CASE, "--target", "python") == {"python": (15, 7)}
    assert _validate_regex_errors(CASE, "--target", "none") == {}


@pytest.mark.parametrize(
    "pattern, rejected_by",
    [
        # Look-behind: Python `re` has it, RE2 does not.
        ("'^(?<=a)b$'", "go"),
        # Unicode classes: RE2 has `\p{L}`, Python `re` does not.
        ("'^\\p{L}+$'", "python"),
    ],
)
def test_a_dialect_only_pattern_fails_only_its_other_target(
    tmp_path: Path, pattern: str, rejected_by: str
) -> None:
    specs = _with_pattern(tmp_path, pattern)
    accepted_by = "python" if rejected_by == "go" else "go"
    assert _regex_errors(specs) == {rejected_by: (15, 7)}
    assert _regex_errors(specs, accepted_by) == {}
    assert _validate_regex_errors(specs) == {rejected_by: (15, 7)}
    assert _validate_regex_errors(specs, "--target", accepted_by) == {}
    out = tmp_path / "generated"
    outcome = gen(specs, out, f"target={accepted_by}")
    assert outcome.exit_code == 0, outcome.messages
    assert (out / accepted_by).is_dir() and not (out / rejected_by).exists()


def test_a_pattern_both_dialects_accept_generates(tmp_path: Path) -> None:
    specs = _with_pattern(tmp_path, "'^[a-z][a-z0-9-]*$'")
    result = generate(specs)
    assert not result.has_errors, [d.to_text() for d in result.diagnostics]
    assert "^[a-z][a-z0-9-]*$" in result.files["python/terraform_provider_acme/shop/widget.py"].text
    go = result.files["go/internal/services/shop/widget_resource.go"].text
    assert 'regexp.MustCompile("^[a-z][a-z0-9-]*$")' in go


# ------------------------------------------------------------------ feature support

MMV1 = REPO / "tests" / "fixtures" / "loaders" / "mmv1"


@pytest.fixture
def python_lacks_rest(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A python target without `create_url` and `update_mask`, as it was before issue 10:
    every target now has every feature, and the mechanism is still tested. A fresh cache:
    cached products are keyed by the generator's files, which this does not change."""
    monkeypatch.setenv("MMGEN_CACHE_DIR", str(tmp_path / "cache"))
    from generator.targets.features import Feature
    from generator.targets.python_target import PythonTarget

    lacking = PythonTarget.features - {Feature.CREATE_URL, Feature.UPDATE_MASK}
    monkeypatch.setattr(PythonTarget, "features", lacking)


def test_every_target_supports_the_mmv1_fixture() -> None:
    result = generate(MMV1, fmt="mmv1")
    assert not result.fatal, [d.to_text() for d in result.fatal]
    assert not [d for d in result.diagnostics if d.code == "unsupported-feature"]
    for target in ("go", "python"):
        made = {f.owner.resource for p, f in result.files.items() if p.startswith(f"{target}/")}
        assert {"processor", "processor_default_version", "schema"} <= made, target


def test_a_feature_the_target_lacks_is_a_diagnostic_and_leaves_the_resource_out(
    python_lacks_rest: None,
) -> None:
    """A target lacking `create_url`/`update_mask` leaves their users out of it (foreign
    specs: the rest still generates); go supports both."""
    result = generate(MMV1, fmt="mmv1")
    assert not result.fatal, [d.to_text() for d in result.fatal]
    unsupported = sorted(
        (d.location.file.rsplit("/", 1)[-1], d.location.line, d.message)
        for d in result.diagnostics
        if d.code == "unsupported-feature"
    )
    assert unsupported == [
        (
            "ProcessorDefaultVersion.yaml",
            15,
            "target `python` does not support `create_url`, which resource "
            "`processor_default_version` uses",
        ),
        (
            "Schema.yaml",
            15,
            "target `python` does not support `update_mask`, which resource `schema` uses",
        ),
    ]
    go = {f.owner.resource for p, f in result.files.items() if p.startswith("go/")}
    python = {f.owner.resource for p, f in result.files.items() if p.startswith("python/")}
    assert {"processor", "processor_default_version", "schema"} <= go
    assert "processor" in python
    assert not {"processor_default_version", "schema"} & python
    # Only python's docs lack the pages of what it left out.
    assert "go/docs/resources/document_ai_schema.md" in result.files
    assert "python/docs/resources/document_ai_schema.md" not in result.files


def test_python_alone_lists_what_it_left_out(tmp_path: Path, python_lacks_rest: None) -> None:
    from generator.api import run_generate

    outcome = run_generate(str(MMV1), str(tmp_path / "out"), target="python", spec_format="mmv1")
    assert outcome.exit_code == 0
    assert any("left out" in m for m in outcome.messages), outcome.messages
    # Every name is in `left_out` (the CLI prints them all, wrapped, or counts them with -q).
    assert any(
        "left out of python only" in reason
        and {"documentai/processor_default_version", "documentai/schema"} <= set(names)
        for reason, names in outcome.left_out
    ), outcome.left_out


def test_every_target_lists_what_it_left_out(tmp_path: Path, python_lacks_rest: None) -> None:
    from generator.api import run_generate

    outcome = run_generate(str(MMV1), str(tmp_path / "out"), spec_format="mmv1")
    assert outcome.exit_code == 0
    assert any("left out" in m for m in outcome.messages)
    assert any("documentai/schema" in names for _, names in outcome.left_out)
