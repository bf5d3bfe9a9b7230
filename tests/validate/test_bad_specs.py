"""Snapshot tests: one folder under tests/fixtures/bad-specs/ per check.

Each case folder holds a product (or a broken file) and `expected.txt`, the exact
`mmgen validate --format text` output a spec author would see, plus the exit code.
A check that belongs to the targets (the regex dialect: Python `re` for python, RE2 for
go) runs in `mmgen generate`, per target, and in `mmgen validate` through its targets
(`--target`, default all): such a case also holds `expected-generate.txt`, the output of
`mmgen generate --specs CASE`, and `mmgen validate --target none` passes it.
Regenerate after a deliberate wording change and review the diff:

    UPDATE_SNAPSHOTS=1 /work/venv/bin/python -m pytest tests/validate
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .conftest import BAD, REPO

UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"

# The diagnostic code each case exists to show. A new case must be added here, so that a
# snapshot cannot silently stop showing the check it was written for.
PRIMARY_CODE = {
    "binary-file": "yaml-binary",
    "computed-with-default": "computed-with-default",
    "computed-with-validation": "computed-with-validation",
    "base-url-mismatch": "base-url-mismatch",
    "custom-code-function": "custom-code-function",
    "id-template-relative": "id-template-relative",
    "invalid-base-url": "invalid-base-url",
    "custom-code-missing": "custom-code-missing",
    "custom-code-unknown-path": "unknown-reference",
    "default-not-in-enum": "default-not-in-enum",
    "default-type": "default-type",
    "default-not-finite": "default-not-finite",
    "duplicate-name": "duplicate-name",
    "duplicate-resource": "duplicate-name",
    "empty-description": "empty-description",
    "empty-file": "yaml-empty",
    "empty-nested-object": "empty-nested-object",
    "encoding-latin1": "encoding",
    "enum-without-values": "enum-without-values",
    "example-without-resource": "example-without-resource",
    "forces-new-computed": "forces-new-computed",
    "id-param-computed": "id-param-computed",
    "invalid-name": "invalid-name",
    "invalid-range": "invalid-range",
    "invalid-regex": "invalid-regex",
    "key-not-applicable": "key-not-applicable",
    "many-errors": "unknown-key",
    "missing-key": "missing-key",
    "no-versions": "no-versions",
    "product-errors": "unknown-key",
    "product-yaml-is-directory": "io",
    "properties-not-nested": "properties-not-nested",
    "required-with-default": "required-with-default",
    "unknown-example-var": "unknown-example-var",
    "unknown-id-param": "unknown-id-param",
    "unknown-key-nested": "unknown-key",
    "unknown-key-top-level": "unknown-key",
    "unknown-key-typo": "unknown-key",
    "unknown-reference": "unknown-reference",
    "url-param-type": "url-param-type",
    "validation-type": "validation-type",
    "wrong-type": "wrong-type",
    "yaml-bomb": "yaml-too-large",
    "yaml-duplicate-key": "yaml-duplicate-key",
    "yaml-merge-key": "yaml-merge",
    "yaml-recursive-alias": "yaml-recursive-alias",
    "yaml-syntax": "yaml-syntax",
    "yaml-tab-indent": "yaml-syntax",
}

# Cases that only warn: `mmgen validate` passes them unless --strict.
WARNING_ONLY = {"empty-description", "base-url-mismatch"}

# Cases whose check a target runs (snapshot of `mmgen generate`: expected-generate.txt).
TARGET_CHECKS = {"invalid-regex"}

CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir())
GENERATE_CASES = sorted(p.parent.name for p in BAD.glob("*/expected-generate.txt"))
DIAG_LINE = re.compile(
    r"^(?P<loc>\S+): (?P<sev>error|warning)\[(?P<code>[a-z0-9-]+)\]: (?P<msg>.+)$"
)


def case_path(case: str) -> str:
    return (BAD / case).relative_to(REPO).as_posix()


def test_every_case_is_registered() -> None:
    assert sorted(PRIMARY_CODE) == CASES, "add new bad-spec cases to PRIMARY_CODE (and vice versa)"
    assert GENERATE_CASES == sorted(TARGET_CHECKS), "expected-generate.txt <-> TARGET_CHECKS"


def _generate(mmgen, case: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    out = tmp_path / "generated"
    run = mmgen("generate", "--specs", case_path(case), "--out", str(out))
    assert not out.exists(), "a run with errors writes nothing"
    return run


@pytest.mark.parametrize("case", GENERATE_CASES)
def test_generate_snapshot(case: str, mmgen, tmp_path: Path) -> None:
    run = _generate(mmgen, case, tmp_path)
    expected = BAD / case / "expected-generate.txt"
    if UPDATE:
        expected.write_text(run.snapshot, encoding="utf-8")
        return
    assert run.snapshot == expected.read_text(encoding="utf-8"), (
        f"`mmgen generate --specs {case_path(case)}` output changed; if that is intended, run "
        "UPDATE_SNAPSHOTS=1 pytest tests/validate and review the diff of expected-generate.txt"
    )


# Snapshots that show a generator bug (kept as the author should see them; strict, so
# that a fix makes them fail until the mark goes).
KNOWN_BUGS: dict[str, str] = {}


@pytest.mark.parametrize(
    "case",
    [
        (
            pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[c]))
            if c in KNOWN_BUGS
            else c
        )
        for c in CASES
    ],
)
def test_snapshot(case: str, mmgen) -> None:
    run = mmgen("validate", "--format", "text", case_path(case))
    expected = BAD / case / "expected.txt"
    if UPDATE:
        expected.write_text(run.snapshot, encoding="utf-8")
        return
    assert (
        expected.exists()
    ), f"no snapshot; create it with UPDATE_SNAPSHOTS=1 pytest tests/validate -k {case}"
    assert run.snapshot == expected.read_text(encoding="utf-8"), (
        f"`mmgen validate {case_path(case)}` output changed; if that is intended, run "
        "UPDATE_SNAPSHOTS=1 pytest tests/validate and review the diff of expected.txt"
    )


@pytest.mark.parametrize("case", CASES)
def test_case_shows_its_check(case: str, mmgen, tmp_path: Path) -> None:
    runs = [("validate", mmgen("validate", case_path(case)))]
    if case in TARGET_CHECKS:
        # A target's check: without targets `mmgen validate` passes; `mmgen generate`
        # shows it too (on stderr), each target once.
        bare = mmgen("validate", "--target", "none", case_path(case))
        assert bare.exit_code == 0 and bare.stdout == "", bare.stdout
        runs.append(("generate", _generate(mmgen, case, tmp_path)))
    for command, run in runs:
        _shows_its_check(case, command, run)


def _shows_its_check(case: str, command: str, run) -> None:  # type: ignore[no-untyped-def]
    output = run.stdout if command == "validate" else run.stderr
    lines = output.splitlines()
    diags = [m for m in map(DIAG_LINE.match, lines) if m]
    codes = {m["code"] for m in diags}
    assert PRIMARY_CODE[case] in codes, output
    if case in TARGET_CHECKS:
        shown = [m["msg"] for m in diags if m["code"] == PRIMARY_CODE[case]]
        assert len(shown) == 2, shown
        assert any("for the python target" in m for m in shown), shown
        assert any("for the go target" in m for m in shown), shown
    # Every diagnostic line has a well-formed location inside the case folder.
    for m in diags:
        assert m["loc"].startswith(case_path(case) + "/"), m.group(0)
        assert re.search(r":\d+:\d+$", m["loc"]), f"no line:col in {m.group(0)}"
    # Every diagnostic is followed by a hint the author can act on.
    for i, line in enumerate(lines):
        if DIAG_LINE.match(line):
            assert i + 1 < len(lines) and lines[i + 1].startswith(
                "    hint: "
            ), f"no hint for: {line}"
    if case in WARNING_ONLY:
        assert run.exit_code == 0 and all(m["sev"] == "warning" for m in diags)
    else:
        assert run.exit_code == 1


def test_many_errors_are_all_collected(mmgen) -> None:
    run = mmgen("validate", "--format", "json", case_path("many-errors"))
    import json

    diags = json.loads(run.stdout)
    errors = [d for d in diags if d["severity"] == "error"]
    # One file, many independent mistakes: each must be reported, not only the first.
    assert len(errors) >= 10
    assert len({d["line"] for d in errors}) >= 9
    assert {
        "unknown-key",
        "invalid-value",
        "invalid-name",
        "unknown-id-param",
        "default-not-in-enum",
        "duplicate-name",
        "forces-new-computed",
        "computed-with-validation",
        "invalid-regex",
        "required-with-default",
        "unknown-reference",
    } <= {d["code"] for d in errors}
    # `regex: "("` is invalid in every dialect: each target reports it once.
    regex = [d for d in errors if d["code"] == "invalid-regex"]
    assert sorted("go target" in d["message"] for d in regex) == [False, True]


def test_typo_in_property_key_points_at_it(mmgen) -> None:
    run = mmgen("validate", case_path("unknown-key-typo"))
    path = Path(case_path("unknown-key-typo")) / "widget.yaml"
    line = next(
        i + 1
        for i, text in enumerate((REPO / path).read_text().splitlines())
        if text.strip().startswith("requried:")
    )
    assert f"{path.as_posix()}:{line}:5: error[unknown-key]: unknown key `requried`" in run.stdout
    assert "did you mean `required`?" in run.stdout


def test_checks_required_by_the_issue_are_all_covered() -> None:
    required = {
        "yaml-syntax",
        "unknown-key",
        "wrong-type",
        "missing-key",
        "duplicate-name",
        "invalid-name",
        "unknown-reference",
        "default-type",
        "default-not-in-enum",
        "required-with-default",
        "computed-with-validation",
        "empty-nested-object",
        "forces-new-computed",
        "empty-description",
        "yaml-duplicate-key",
        "unknown-id-param",
        "unknown-example-var",
        "custom-code-missing",
        "invalid-regex",
        "invalid-range",
        "yaml-binary",
        "yaml-empty",
        "yaml-too-large",
    }
    shown = set()
    for case in CASES:
        for name in ("expected.txt", "expected-generate.txt"):
            expected = BAD / case / name
            if expected.exists():
                shown |= {
                    m["code"] for m in map(DIAG_LINE.match, expected.read_text().splitlines()) if m
                }
    assert required <= shown, f"no snapshot shows: {sorted(required - shown)}"
