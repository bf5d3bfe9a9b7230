"""Custom-code files define the functions the targets call (generator/validate_hooks.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.validate_hooks import go_function, go_problem, python_problem

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "source",
    [
        "def after_read(resource, ctx, state):\n    return state\n",
        "def after_read(resource, ctx, state, extra=None):\n    return state\n",
        "def after_read(*args):\n    return args[2]\n",
        "from helpers import after_read\n",
        "after_read = lambda resource, ctx, state: state\n",
    ],
)
def test_python_hook_accepted(source: str) -> None:
    assert python_problem(source, "after_read", ("resource", "ctx", "state")) is None


@pytest.mark.parametrize(
    ("source", "why"),
    [
        ('"""only a docstring"""\n', "defines no top-level function `after_read`"),
        ("def after_read(state):\n    return state\n", "parameters that do not take"),
        ("def after_read(a, b, c, d):\n    return a\n", "parameters that do not take"),
        ("def after_read(a, b, c, *, d):\n    return a\n", "parameters that do not take"),
        ("async def after_read(a, b, c):\n    return a\n", "`async def`"),
        ("class X:\n    def after_read(self, a, b, c):\n        pass\n", "defines no top-level"),
        ("def after_read(:\n", "is not valid Python (line 1"),
    ],
)
def test_python_hook_refused(source: str, why: str) -> None:
    problem = python_problem(source, "after_read", ("resource", "ctx", "state"))
    assert problem is not None and why in problem


def test_go_function_names_follow_the_go_target() -> None:
    assert go_function("sink", "hook", "before_create") == ("sinkBeforeCreate", 2)
    assert go_function("sink", "hook", "parse_import_id") == ("sinkParseImportID", 1)
    assert go_function("sink", "expand", "nickname") == ("sinkExpandNickname", 3)
    assert go_function("batch_ai_cluster", "flatten", "a.vm_id") == (
        "batchAiClusterFlattenAVMID",
        3,
    )


def test_go_twin_checks() -> None:
    good = (
        "package p\n\n// func sinkAfterRead( in a comment does not count\n"
        "func sinkAfterRead(_ context.Context, state *sinkModel) error {\n\treturn nil\n}\n"
    )
    assert go_problem(good, "sinkAfterRead", 2) is None
    assert "defines no `func sinkAfterRead(`" in (
        go_problem("package p\n", "sinkAfterRead", 2) or ""
    )
    commented = "package p\n/*\nfunc sinkAfterRead(a, b int) error { return nil }\n*/\n"
    assert go_problem(commented, "sinkAfterRead", 2) is not None
    three = "package p\nfunc sinkAfterRead(a context.Context, b map[string]any, c int) error {}\n"
    assert "3 parameter(s)" in (go_problem(three, "sinkAfterRead", 2) or "")
    fn_param = "package p\nfunc sinkParseImportID(f func(a, b int) int) error {}\n"
    assert go_problem(fn_param, "sinkParseImportID", 1) is None


@given(st.text(max_size=200))
def test_checkers_never_raise(text: str) -> None:
    python_problem(text, "expand", ("value", "root"))
    go_problem(text, "sinkExpandX", 3)


def test_kitchen_hooks_pass_and_documented_fixture_imports(tmp_path: Path) -> None:
    """The good-specs fixture's hooks (once empty docstrings, which validated and then
    failed on import) define their functions: its python provider imports."""
    sys.path.insert(0, str(REPO / "tests" / "functional"))
    try:
        from fn_helpers import generate_provider
    finally:
        sys.path.remove(str(REPO / "tests" / "functional"))
    modules = generate_provider(REPO / "tests/fixtures/good-specs", tmp_path, "azurerm")
    assert modules["provider"].Provider.RESOURCES
