"""One fixture pair per rule (tests/fixtures/diff/<rule>/{base,head}): the rule's finding
at its file:line:col, in all four formats, against golden files (tests/golden/diff/).

Regenerate with `UPDATE_GOLDEN=1 python -m pytest tests -k golden` and review the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.diff import RULES, Kind, run_diff
from generator.diff.report import FORMATS, render

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "diff"
GOLDEN = REPO / "tests" / "golden" / "diff"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
SUFFIX = {"text": "txt", "markdown": "md", "json": "json", "github": "github.txt"}
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "base").is_dir())


def test_every_detectable_rule_has_a_fixture() -> None:
    missing = [r.id for r in RULES.values() if r.detectable and r.id not in CASES]
    assert not missing, f"add tests/fixtures/diff/<rule>/ for: {missing}"


@pytest.mark.parametrize("case", CASES)
def test_golden_diff(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    folder = FIXTURES.relative_to(REPO) / case
    report = run_diff(str(folder / "base"), str(folder / "head"))
    assert report.compared and not report.diagnostics, report.diagnostics
    if case in RULES:
        hits = [f for f in report.findings if f.rule == case]
        assert hits, f"{case}: the fixture does not trigger its rule"
        # At the head spec's line, or the base's for a removal.
        side = "base" if "removal" in case else "head"
        for f in hits:
            assert f.side == side and f.location.line > 0
            assert f.location.file.startswith(str(folder / side) + os.sep)
        breaking = RULES[case].kind is Kind.BREAKING
        assert report.exit_code == (1 if breaking else 0)
    for fmt in FORMATS:
        got = render(report, fmt)
        golden = GOLDEN / case / f"{fmt}.{SUFFIX[fmt]}"
        if UPDATE:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(got, encoding="utf-8")
        assert golden.is_file(), f"no golden file {golden}: run with UPDATE_GOLDEN=1"
        assert got == golden.read_text(encoding="utf-8"), f"{case} {fmt} differs from {golden}"


def test_allowances_show_their_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    folder = FIXTURES.relative_to(REPO) / "allowances"
    report = run_diff(str(folder / "base"), str(folder / "head"))
    by_rule = {f.rule: f for f in report.findings}
    assert "API returned 501" in (by_rule["resource-map-resource-removal-or-rename"].allowed or "")
    assert "moved to the account" in (
        by_rule["resource-schema-field-removal-or-rename"].allowed or ""
    )
    assert "rejects a widget" in (by_rule["field-optional-to-required"].allowed or "")
    # The default change has no allowance: it still fails the diff.
    assert [f.rule for f in report.blocking] == ["field-changing-default-value"]
    assert report.exit_code == 1
    flagged = run_diff(
        str(folder / "base"), str(folder / "head"), allow=("field-changing-default-value",)
    )
    assert flagged.exit_code == 0
    assert by_rule["field-changing-default-value"].rule in {f.rule for f in flagged.findings}
    assert run_diff(str(folder / "base"), str(folder / "head"), allow_all=True).exit_code == 0


def test_every_rule_has_a_docs_entry_with_an_example() -> None:
    doc = (REPO / "docs" / "diff.md").read_text(encoding="utf-8")
    for r in RULES.values():
        assert f"\n### {r.id}\n" in doc, f"docs/diff.md: add an entry for {r.id}"
        entry = doc.split(f"\n### {r.id}\n", 1)[1].split("\n### ", 1)[0]
        assert r.explanation in entry and "Example:" in entry, r.id
