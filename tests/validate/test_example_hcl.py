"""Example HCL held against the resource schema at validate time (python-hcl2), each
finding at its line and column inside the spec file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model.nodes import Example, ExampleVar
from generator.validate_examples import fill_placeholders, fill_placeholders_mapped, original_col

from .conftest import FIXTURES

OVEN_EXAMPLE = """      resource "kitchen_oven" "example" {
        name        = "{{oven_name}}"
        temperature = 180
      }"""


def _oven(tmp_path: Path, body: str, extra: str = "") -> Path:
    """The kitchen fixture with the oven's example body replaced (lines 34..37 of oven.yaml)."""
    specs = tmp_path / "specs"
    shutil.copytree(FIXTURES / "gen-specs", specs)
    spec = specs / "kitchen" / "oven.yaml"
    text = spec.read_text(encoding="utf-8")
    assert OVEN_EXAMPLE in text
    spec.write_text(text.replace(OVEN_EXAMPLE, body) + extra, encoding="utf-8")
    return specs


def _findings(mmgen, specs: Path) -> list[tuple[int, int, str, str]]:  # type: ignore[no-untyped-def]
    run = mmgen("validate", "--format", "json", str(specs))
    data = json.loads(run.stdout)
    items = data["diagnostics"] if isinstance(data, dict) else data
    return [
        (d["line"], d["col"], d["code"], d.get("hint", ""))
        for d in items
        if d["code"].startswith("example-")
    ]


def test_the_fixtures_are_clean(mmgen) -> None:  # type: ignore[no-untyped-def]
    for tree in ("gen-specs",):
        run = mmgen("validate", str(FIXTURES / tree))
        assert run.exit_code == 0, run.stdout
    assert mmgen("validate", "specs").exit_code == 0


def test_each_mistake_at_its_line_and_column(mmgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = """      resource "kitchen_oven" "example" {
        name        = "{{oven_name}}"
        temprature  = 180
        mode { x = 1 }
        provisioning_state = "x"
      }
      resource "other_thing" "x" {
        anything = [1]
      }"""
    found = _findings(mmgen, _oven(tmp_path, body))
    # Line 34 is the block's first line in oven.yaml; the HCL is indented 6 columns.
    assert (36, 9, "example-unknown-argument", "did you mean `temperature`?") in found
    assert any(f[:3] == (37, 9, "example-unknown-block") for f in found)
    assert any(f[:3] == (38, 9, "example-computed-argument") for f in found)
    missing = [f for f in found if f[2] == "example-missing-argument"]
    assert len(missing) == 1  # temperature; the other resource's block is not checked
    assert len(found) == 4, found


def test_wrong_literal_types(mmgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = """      resource "kitchen_oven" "example" {
        name        = ["{{oven_name}}"]
        temperature = "hot"
      }"""
    found = _findings(mmgen, _oven(tmp_path, body))
    assert [(f[0], f[1], f[2]) for f in found] == [
        (35, 23, "example-wrong-type"),
        (36, 23, "example-wrong-type"),
    ]


def test_expressions_and_conversions_pass(mmgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = """      resource "kitchen_oven" "example" {
        name        = format("%s", "{{oven_name}}")
        temperature = "180"
        count       = 1
        lifecycle {
          create_before_destroy = true
        }
      }"""
    assert _findings(mmgen, _oven(tmp_path, body)) == []
    body2 = """      resource "kitchen_oven" "example" {
        name        = "{{oven_name}}"
        temperature = var.temp + 1
      }"""
    assert _findings(mmgen, _oven(tmp_path / "2", body2)) == []


def test_syntax_error_at_its_line(mmgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = """      resource "kitchen_oven" "example" {
        name        = "{{oven_name}}"
        temperature = = 180
      }"""
    found = _findings(mmgen, _oven(tmp_path, body))
    assert [(f[0], f[2]) for f in found] == [(36, "example-hcl-syntax")]


def test_update_steps_are_checked(mmgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    extra = """    updates:
      - config: |
          resource "kitchen_oven" "example" {
            name        = "{{oven_name}}"
            temperatur  = 181
          }
        checks:
          temperature: 181
      - vars:
          oven_name: renamed-{random}
"""
    specs = _oven(tmp_path, OVEN_EXAMPLE + "\n", "")
    spec = specs / "kitchen" / "oven.yaml"
    lines = spec.read_text(encoding="utf-8").split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.strip() == "}") + 1
    lines[at:at] = extra.rstrip("\n").split("\n")
    spec.write_text("\n".join(lines), encoding="utf-8")
    found = _findings(mmgen, specs)
    codes = [f[2] for f in found]
    assert codes.count("example-unknown-argument") == 1, found
    assert "example-missing-argument" in codes


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet='ab"\\${}%\n 1', max_size=30),
    st.sampled_from(['x = "{{v}}"', "x = {{v}}", "{{v}}", 'x = "a-{{v}}-b"']),
)
def test_filling_never_leaves_a_placeholder_or_adds_lines(docs: str, line: str) -> None:
    ex = Example("e", line, vars=(ExampleVar("v", docs, "t"),))
    filled = fill_placeholders(line, ex)
    assert "{{v}}" not in filled
    assert filled.count("\n") == line.count("\n")


@pytest.mark.skipif(
    not (FIXTURES.parents[2] / "shared/corpus/magic-modules/products").is_dir(),
    reason="the Magic Modules corpus (../shared/corpus/magic-modules) is not on this machine",
)
def test_mmv1_examples_have_no_flood(mmgen) -> None:  # type: ignore[no-untyped-def]
    """On upstream's own examples the checker finds a handful of real problems (typos such
    as `excludee_objects`, fields added by custom Go code), not a flood."""
    corpus = FIXTURES.parents[2] / "shared/corpus/magic-modules"
    run = mmgen("validate", "--spec-format", "mmv1", "--format", "json", str(corpus))
    data = json.loads(run.stdout)
    items = data["diagnostics"] if isinstance(data, dict) else data
    ours = [d for d in items if d["code"].startswith("example-")]
    assert 0 < len(ours) <= 40, len(ours)


def test_a_column_after_a_placeholder_is_the_spec_text_column(mmgen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The HCL is checked with its `{{var}}`s filled (here by a longer value); a finding after
    one on the same line is still reported at its column in the spec's own text."""
    line = '        name = "{{oven_name}}" temperature = 180'
    body = f"""      resource "kitchen_oven" "example" {{
{line}
      }}"""
    found = _findings(mmgen, _oven(tmp_path, body))
    assert [(f[0], f[2]) for f in found] == [(35, "example-hcl-syntax")]
    # The parser stops at the second argument on the line: where `temperature` is written.
    assert found[0][1] == line.index("temperature") + 1


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", " ", '"', "=", "{{v}}", "{{ w }}", "%{suffix}", "%{ if x }"]),
        max_size=12,
    ),
    st.text(alphabet='ab"-1 ', max_size=12),
)
def test_original_col_finds_each_character_of_the_line(parts: list[str], docs: str) -> None:
    """Outside a replacement, a column of the filled line names the same character in the
    line as written; inside one, the placeholder's first column."""
    line = "".join(parts)
    ex = Example("e", line, vars=(ExampleVar("v", docs, "t"), ExampleVar("w", docs, "t")))
    filled, columns = fill_placeholders_mapped(line, ex)
    spans = columns.get(1, [])
    for col in range(1, len(filled) + 1):
        back = original_col(columns, 1, col)
        inside = [s for s in spans if s[0] <= col - 1 < s[0] + s[1]]
        if inside:
            assert back == inside[0][2] + 1
        else:
            assert line[back - 1] == filled[col - 1], (line, filled, col, back)
