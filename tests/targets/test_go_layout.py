"""go_layout against gofmt: what it lays out is what gofmt prints, byte for byte, and what it
does not know it hands back (None) rather than guess.

The property test writes Go in the shapes mmgen's templates and builders write (composite
literals nested in each other with keys short and long, struct types with tags, `var (`
blocks, functions, blank lines anywhere, any indentation and spacing around the columns)
and holds `layout` to gofmt on each. The corpus check is in
tests/loaders/test_corpus_generation.py (every Go file of the Magic Modules corpus)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.targets.go_layout import layout

GOFMT = shutil.which("gofmt") or (
    "/usr/local/go/bin/gofmt" if shutil.which("/usr/local/go/bin/gofmt") else None
)
needs_gofmt = pytest.mark.skipif(GOFMT is None, reason="gofmt is not on PATH")


def gofmt(source: str) -> str:
    assert GOFMT is not None
    proc = subprocess.run([GOFMT], input=source, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr + "\n" + source
    return proc.stdout


# -- a generator of Go in mmgen's shapes, written carelessly ------------------------------

_IDENT = st.from_regex(r"[A-Z][A-Za-z0-9]{0,12}", fullmatch=True)
# Keys from 1 to 70 bytes: past 40, gofmt compares each to the geometric mean of the others.
_LONG_KEY = st.integers(1, 70).map(lambda n: ("K" + "x" * 70)[:n])
_STRING = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30).map(
    lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
)
_SCALAR = st.one_of(
    st.sampled_from(["true", "false", "0", "42", "types.StringType", "nil", "x.Y(a, b)"]),
    _STRING,
)
_GAP = st.sampled_from([" ", "  ", "\t", "      "])
_INDENT = st.sampled_from(["", "\t", "  ", "\t\t\t", "    "])


@st.composite
def _literal(draw: st.DrawFn, depth: int) -> list[str]:
    """`T{` ... `}` with keyed elements (one line or a nested literal), as lines."""
    lines: list[str] = []
    count = draw(st.integers(1, 6))
    for _ in range(count):
        if draw(st.booleans()):
            lines.append("")  # a blank line between elements
        key = draw(st.one_of(_IDENT, _LONG_KEY, _STRING))
        if depth < 3 and draw(st.integers(0, 3)) == 0:
            inner = draw(_literal(depth + 1))
            lines.append(f"{key}: T{{")
            lines.extend(inner)
            lines.append("},")
        else:
            lines.append(f"{key}:{draw(_GAP)}{draw(_SCALAR)},")
    if draw(st.booleans()):
        lines.append("")  # gofmt drops a blank line before the closing brace
    return lines


@st.composite
def _struct(draw: st.DrawFn) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.integers(0, 4)) == 0:
            lines.append("")
        name = draw(_IDENT)
        typ = draw(st.sampled_from(["types.String", "*fooModel", "[]barModel", "int64"]))
        tag = draw(st.sampled_from(["", '`tfsdk:"a"`', '`tfsdk:"a_long_name"`']))
        gap = draw(_GAP)
        lines.append(f"{name}{gap}{typ}{gap + tag if tag else ''}")
    return lines


@st.composite
def go_files(draw: st.DrawFn) -> str:
    lines = ["package p", ""]
    if draw(st.booleans()):
        lines += ["import (", "", '"context"', '"fmt"', "", '"github.com/x/y"', ")", ""]
    lines += [f"type M{draw(_IDENT)} struct {{", *draw(_struct()), "}", "", ""]
    lines += ["var (", "_ a.B = (*C)(nil)", "_ a.LongerName = (*C)(nil)", ")", ""]
    lines += ["func F() {", "x := f(1)", "if x {"]
    if draw(st.booleans()):
        lines.append("return // a trailing comment")
    lines += ["}", "v := T{", *draw(_literal(0)), "}", "_ = v", "}", ""]
    indent = draw(st.lists(_INDENT, min_size=len(lines), max_size=len(lines)))
    return "\n".join(i + line if line else line for i, line in zip(indent, lines, strict=True))


@needs_gofmt
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(go_files())
def test_layout_is_what_gofmt_prints(source: str) -> None:
    laid = layout(source)
    assert laid is not None, source  # every shape drawn here is one mmgen writes
    assert laid == gofmt(source)


@needs_gofmt
def test_keys_far_from_the_mean_break_the_alignment() -> None:
    """gofmt's exprList: past 40 bytes a key more than 2.5 times off the geometric mean of
    the keys before it starts a new section."""
    long = "K" * 60
    source = (
        "package p\n\nvar v = T{\nA: 1,\nBb: 2,\n"
        + f"{long}: 3,\nC: 4,\n{long}: 5,\n{long}x: 6,\n}}\n"
    )
    laid = layout(source)
    assert laid is not None and laid == gofmt(source)
    assert "A:  1," in laid  # aligned with Bb, not with the long key


@pytest.mark.parametrize(
    "source",
    [
        # trailing comments on adjacent lines at different depths
        "package p\n\nfunc f() {\nif a {\nx() // a\n}\ny() // b\n}\n".replace("}\ny", "} // c\ny"),
        # a multi-line raw string
        "package p\n\nvar s = `a\nb`\n",
        # an expression continued on the next line
        "package p\n\nfunc f() bool {\nreturn a &&\nb\n}\n",
        # a label
        "package p\n\nfunc f() {\nloop:\nfor {\nbreak loop\n}\n}\n",
        # an element closed and the next opened on one line
        "package p\n\nvar v = []T{{\nA: 1,\n}, {\nA: 2,\n}}\n",
        # a `const (` block
        "package p\n\nconst (\na = 1\nbb = 2\n)\n",
        # an opener with more code after it
        "package p\n\nvar v = f(a,\nb)\n",
        # spacing gofmt changes inside a statement
        "package p\n\nfunc f() {\nx  :=  1\n_ = x\n}\n",
        # an empty multi-line literal (gofmt writes `{}`)
        "package p\n\nvar v = map[string]int{\n}\n",
        # imports out of order (gofmt sorts them)
        'package p\n\nimport (\n"os"\n"fmt"\n)\n',
        # a doc comment with an indented line (gofmt rewrites it)
        "package p\n\n// F does\n//   this.\nfunc F() {}\n",
        # unbalanced brackets
        "package p\n\nfunc f() {\n",
    ],
)
def test_shapes_it_does_not_know_go_to_gofmt(source: str) -> None:
    assert layout(source) is None


@needs_gofmt
def test_trailing_comments_of_adjacent_lines_share_a_column() -> None:
    source = "package p\n\nfunc f() {\nif a {\nx() // a\n}\ny() // b\nzzzz() // c\n}\n"
    laid = layout(source)
    assert laid is not None and laid == gofmt(source)
    assert "\ty()    // b\n" in laid


def test_layout_of_its_own_output_is_the_same() -> None:
    source = 'package p\n\nvar v = T{\nName: "x",\nLongerName: 1,\nN: T{\nA: 1,\n},\n}\n'
    laid = layout(source)
    assert laid is not None
    assert layout(laid) == laid
    assert "\tName:       " in laid
