"""`omit_empty` fields: empty values left out of bodies, and kept in state when the API
then leaves them out (convert.expand / convert.flatten)."""

from __future__ import annotations

from mmgen_runtime.convert import expand, flatten, is_empty_value
from mmgen_runtime.spec import Field

OMIT = (
    Field("note", "string", api_path=("note",), omit_empty=True),
    Field("count", "integer", api_path=("count",), omit_empty=True),
    Field("on", "bool", api_path=("on",), omit_empty=True),
    Field("tags", "list", element_kind="string", api_path=("tags",), omit_empty=True),
    Field(
        "opts",
        "single",
        api_path=("opts",),
        omit_empty=True,
        children=(Field("mode", "string", api_path=("mode",), omit_empty=True),),
    ),
)
SEND = tuple(
    Field(f.name, f.kind, element_kind=f.element_kind, api_path=f.api_path, children=f.children)
    for f in OMIT
)
EMPTY = {"note": "", "count": 0, "on": False, "tags": [], "opts": {"mode": ""}}


def test_is_empty_value() -> None:
    assert all(is_empty_value(v) for v in ("", 0, 0.0, False, [], {}))
    assert not any(is_empty_value(v) for v in ("x", 1, -0.5, True, [""], {"a": None}, None))


def test_empty_values_are_left_out_or_sent() -> None:
    assert expand(OMIT, EMPTY) == {}
    assert expand(SEND, EMPTY) == {"note": "", "count": 0, "on": False, "tags": [], "opts": {}}
    assert expand(OMIT, {"note": "x", "count": 2, "on": True, "opts": {"mode": "m"}}) == {
        "note": "x",
        "count": 2,
        "on": True,
        "opts": {"mode": "m"},
    }


def test_a_configured_empty_value_stays_when_the_api_leaves_it_out() -> None:
    state = flatten(OMIT, {}, EMPTY)
    assert (state["note"], state["count"], state["on"]) == ("", 0, False)
    # A value the API no longer has is not kept: only empty ones are never sent.
    assert flatten(OMIT, {}, {**EMPTY, "note": "x"})["note"] is None
    assert flatten(SEND, {}, EMPTY)["note"] is None
