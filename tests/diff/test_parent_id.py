"""`mmgen diff` on a `parent_id`: its form said as the parent's id template, at its key."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.diff import run_diff

KITCHEN = Path(__file__).resolve().parents[1] / "fixtures" / "gen-specs"
FORM = "parent_id: /subscriptions/{subscription_id}/sinks/{sink_name}"


def _sides(tmp_path: Path, old: str, new: str) -> tuple[str, str]:
    for side, text in (("base", old), ("head", new)):
        shutil.copytree(KITCHEN, tmp_path / side)
        tap = tmp_path / side / "kitchen" / "tap.yaml"
        tap.write_text(tap.read_text(encoding="utf-8").replace(FORM, text), encoding="utf-8")
    return str(tmp_path / "base"), str(tmp_path / "head")


def _findings(tmp_path: Path, old: str, new: str) -> list[tuple[str, str | None, str, int]]:
    report = run_diff(*_sides(tmp_path, old, new))
    return [(f.rule, f.field, f.message, f.location.line) for f in report.findings]


def test_a_changed_form_is_breaking_and_names_both_templates(tmp_path: Path) -> None:
    wider = FORM.replace("/sinks/", "/resourceGroups/{rg}/sinks/")
    found = _findings(tmp_path, FORM, wider)
    assert found == [
        (
            "field-tightening-validation",
            "sink_id",
            "the parent's id form changed from `/subscriptions/{subscription_id}/sinks/"
            "{sink_name}` to `/subscriptions/{subscription_id}/resourceGroups/{rg}/sinks/"
            "{sink_name}` (ids of another form fail it)",
            20,  # the `parent_id:` line of the head spec
        )
    ]


def test_the_same_form_is_no_change(tmp_path: Path) -> None:
    assert _findings(tmp_path, FORM, FORM) == []
