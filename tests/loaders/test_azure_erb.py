r"""ERB placeholders in Azure MM examples: a linear scan that agrees with the regex it
replaced (`<%=?\s*(.*?)\s*-?%>`, which took 55 s on a 2 MB example the fuzzer made)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from generator.diagnostics import DiagnosticBag, Location
from generator.loaders.azure_mm.examples import _Vars

REFERENCE = re.compile(r"<%=?\s*(.*?)\s*-?%>", re.S)
WHERE = Location("example.yaml", 1, 1)
PARTS = ["<%", "<%=", "%>", "-%>", " ", "\u2028", "\n", "x", "-", "=", "get_location()"]
PARTS += ["resource_id_hint", "get_resource_name('resourceGroups', 'rg')", "get_thing_name()"]


def _scan(text: str) -> str:
    return _Vars({}, DiagnosticBag()).text(text, WHERE)


def _reference(text: str) -> str:
    v = _Vars({}, DiagnosticBag())
    return REFERENCE.sub(lambda m: v.erb(m.group(1).strip(), WHERE), text)


@given(st.lists(st.sampled_from(PARTS), max_size=14).map("".join))
def test_the_scan_agrees_with_the_reference_regex(text: str) -> None:
    assert _scan(text) == _reference(text)


@given(st.text(max_size=40))
def test_any_text_agrees_too(text: str) -> None:
    assert _scan(text) == _reference(text)


def test_pathological_input_is_linear() -> None:
    """200,000 unclosed tags and a long run of line separators: the regex backtracked
    over them for minutes; the scan reads them once (no timing asserted: a regression
    shows as a suite that does not finish)."""
    text = "<%" * 200_000 + "\u2028" * 200_000 + "x"
    assert _scan(text) == text
    assert _scan("<%= get_location() %>" + " " * 200_000 + "<%").startswith('"') is False
