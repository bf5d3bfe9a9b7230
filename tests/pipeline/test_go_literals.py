"""Go literals: whatever a spec holds, the generated Go evaluates to exactly that value.

Hypothesis draws batches of strings (any Unicode, control characters, quotes,
backslashes, line separators); one Go program per batch compares each `go_string`
literal with the string's UTF-8 bytes. Lone surrogates have no UTF-8 form: they become
U+FFFD, as Python's own encoder with `errors="replace"` makes them.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.render.go_literals import (
    _NEEDS_ESCAPE,
    GO_KEYWORDS,
    _go_char,
    go_exported,
    go_float,
    go_package,
    go_string,
    go_unexported,
)

PROGRAM = """package main

import (
	"encoding/base64"
	"fmt"
	"os"
)

var got = []string{
%s
}

var want = []string{
%s
}

func main() {
	for i := range got {
		w, _ := base64.StdEncoding.DecodeString(want[i])
		if got[i] != string(w) {
			fmt.Printf("case %%d: got %%q want %%q\\n", i, got[i], string(w))
			os.Exit(1)
		}
	}
	fmt.Println("ok", len(got))
}
"""


def _expected(value: str) -> str:
    """The value's UTF-8 bytes, base64 (so the want side never goes through go_string)."""
    fixed = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in value)
    return base64.b64encode(fixed.encode("utf-8")).decode()


def _run_go(values: list[str], tmp: Path) -> subprocess.CompletedProcess[str]:
    got = "\n".join(f"\t{go_string(v)}," for v in values)
    want = "\n".join(f'\t"{_expected(v)}",' for v in values)
    (tmp / "main.go").write_text(PROGRAM % (got, want), encoding="utf-8")
    return subprocess.run(
        ["go", "run", "main.go"], cwd=tmp, capture_output=True, text=True, timeout=300
    )


needs_go = pytest.mark.skipif(shutil.which("go") is None, reason="the Go toolchain is not on PATH")

TRICKY = [
    "",
    '"',
    "\\",
    "\n\r\t\x00\x1b\x7f",
    "\u2028\u2029\ufeff",
    "`backticks` and ${template} and %{directive}",
    "*/ /* // comment",
    "\U0001f600 non-BMP",
    "\ud800 lone surrogate",
]


@needs_go
def test_tricky_strings_round_trip(tmp_path: Path) -> None:
    proc = _run_go(TRICKY, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == f"ok {len(TRICKY)}"


@needs_go
@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(st.characters(codec=None), max_size=40), min_size=50, max_size=200))
def test_any_string_round_trips(tmp_path: Path, values: list[str]) -> None:
    proc = _run_go(values, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@given(st.text(st.characters(max_codepoint=0x7F), max_size=60))
def test_ascii_fast_path_matches_the_general_escaper(value: str) -> None:
    """Plain ASCII takes string replaces, the rest a regex; both must write the same
    literal (the round trip above compiles the result; this pins the two paths together)."""
    general = '"' + _NEEDS_ESCAPE.sub(_go_char, value) + '"'
    assert go_string(value) == general
    assert go_string(value + "\u00e9") == general[:-1] + '\u00e9"'


@given(st.from_regex(r"[a-z][a-z0-9_]{0,20}", fullmatch=True))
def test_identifiers_are_valid_go(name: str) -> None:
    for ident in (go_exported(name), go_unexported(name)):
        assert ident.isidentifier() and ident not in GO_KEYWORDS
    assert go_exported(name)[0].isupper()
    pkg = go_package(name)
    assert pkg.isalnum() and pkg.islower() and pkg[0].isalpha() and pkg not in GO_KEYWORDS


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_floats_are_go_float_literals(value: float) -> None:
    text = go_float(value)
    assert float(text) == value and any(c in text for c in ".e")


def test_no_float_literal_for_nan_or_inf() -> None:
    for bad in (float("nan"), float("inf"), float("-inf")):
        with pytest.raises(ValueError):
            go_float(bad)
