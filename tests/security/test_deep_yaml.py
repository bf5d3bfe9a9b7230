"""Deeply nested YAML is a diagnostic, never a crash (libyaml segfaulted at ~30,000 levels)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.loaders.yaml_depth import MAX_DEPTH, nesting_overflow
from generator.loaders.yaml_source import parse_yaml

PRODUCT = 'name: p\nprefix: px\nversions: [{name: v1, base_url: "https://x.example.com/"}]\n'


def _tree(tmp_path: Path, resource: str) -> Path:
    folder = tmp_path / "specs" / "p"
    folder.mkdir(parents=True)
    (folder / "product.yaml").write_text(PRODUCT, encoding="utf-8")
    (folder / "x.yaml").write_text(resource, encoding="utf-8")
    return tmp_path / "specs"


def test_thirty_thousand_levels_exit_1_with_a_diagnostic(tmp_path: Path) -> None:
    specs = _tree(tmp_path, "name: x\nproperties: " + "[" * 30000 + "]" * 30000 + "\n")
    proc = subprocess.run(
        [sys.executable, "-m", "generator.cli", "validate", str(specs)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-500:])
    assert "x.yaml:2:" in proc.stdout and "error[yaml-depth]" in proc.stdout


def test_block_nesting_counts_too() -> None:
    deep = "\n".join(" " * i + "a:" for i in range(MAX_DEPTH + 5)) + " 1\n"
    assert nesting_overflow(deep) == (MAX_DEPTH + 1, MAX_DEPTH + 1)
    tree, diags = parse_yaml(deep, "deep.yaml")
    assert tree is None and [d.code for d in diags] == ["yaml-depth"]


def test_brackets_in_quotes_and_comments_do_not_count() -> None:
    text = "a: '" + "[" * 1000 + "'\nb: \"" + "{" * 1000 + '"\n# ' + "[" * 1000 + "\n"
    assert nesting_overflow(text) is None


@given(st.integers(min_value=1, max_value=MAX_DEPTH - 2))
def test_shallow_flow_nesting_is_accepted(depth: int) -> None:
    assert nesting_overflow("a: " + "[" * depth + "1" + "]" * depth) is None


@given(st.integers(min_value=MAX_DEPTH, max_value=5 * MAX_DEPTH))
def test_deep_flow_nesting_is_refused(depth: int) -> None:
    assert nesting_overflow("a: " + "[" * depth + "1" + "]" * depth) is not None


def test_every_yaml_line_break_ends_a_comment(tmp_path: Path) -> None:
    """Found by bench/fuzz_loaders.py: a comment, then CR (or NEL, LS, PS, where libyaml
    breaks lines) and 30,000 brackets. The scan split lines at LF only, saw one comment,
    and libyaml segfaulted on the brackets. In a child process: a regression would kill it."""
    for brk in ("\r", "\x85", "\u2028", "\u2029"):
        text = "# license" + brk + "a: " + "[" * 30000 + "]" * 30000 + "\nname: x\n"
        assert nesting_overflow(text) is not None, repr(brk)
        specs = _tree(tmp_path / f"b{ord(brk)}", text)
        proc = subprocess.run(
            [sys.executable, "-m", "generator.cli", "validate", str(specs)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 1, (repr(brk), proc.returncode, proc.stderr[-500:])
        assert "error[yaml-depth]" in proc.stdout, repr(brk)


def test_explicit_keys_and_values_on_one_line_count(tmp_path: Path) -> None:
    """Found by bench/fuzz_loaders.py: `? ` repeated (with CRs) segfaulted libyaml."""
    for indicator in ("? ", "- ? ", ": ", "? - "):
        text = "name: x\nproperties:\n  " + indicator * 20000 + "x\n"
        assert nesting_overflow(text) is not None, indicator
    specs = _tree(tmp_path, "name: x\r" + "? " * 30000 + "x\r")
    proc = subprocess.run(
        [sys.executable, "-m", "generator.cli", "validate", str(specs)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-500:])
    assert "error[yaml-depth]" in proc.stdout
