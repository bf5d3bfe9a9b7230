"""Property tests: random valid bodies built from the kitchen sink's model are accepted and
read back equal (minus write-only values, plus server values); a body with one value of the
wrong type (or outside its enum) is rejected with 400 naming that value's API path."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from emu_helpers import KITCHEN_V, OVEN, SINK, call
from emu_strategies import check_readback, object_strategy, primitive_leaves, wrong_value
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.emulator import Emulator
from generator.emulator.routes import Route

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def route_of(emu: Emulator, type_name: str) -> Route:
    return next(r for r in emu.routes if r.terraform_name == type_name)


@SETTINGS
@given(data=st.data())
def test_valid_sink_bodies_round_trip(emu: Emulator, data: Any) -> None:
    emu.reset()
    shape = route_of(emu, "kitchen_sink").shape
    body = data.draw(object_strategy(shape))
    url = emu.url + SINK.format("prop") + KITCHEN_V
    created = call("PUT", url, body)
    assert created.status == 201, created
    got = call("GET", url).body
    check_readback(shape, body, got)
    assert got["properties"]["provisioningState"] == "Succeeded"
    stored = emu.resource(SINK.format("prop"))
    assert stored is not None and stored["body"] == body  # as sent, write-only included


@SETTINGS
@given(data=st.data())
def test_valid_oven_bodies_round_trip(emu: Emulator, data: Any) -> None:
    emu.reset()
    shape = route_of(emu, "kitchen_oven").shape
    body = data.draw(object_strategy(shape))
    url = emu.url + OVEN.format("prop") + KITCHEN_V
    assert call("PUT", url, body).status == 201
    check_readback(shape, body, call("GET", url).body)


@SETTINGS
@given(data=st.data())
def test_mutated_sink_bodies_are_rejected(emu: Emulator, data: Any) -> None:
    emu.reset()
    shape = route_of(emu, "kitchen_sink").shape
    body = data.draw(object_strategy(shape))
    leaves = primitive_leaves(shape, body)
    path, leaf, keys = data.draw(st.sampled_from(leaves))
    mutated = deepcopy(body)
    node = mutated
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = wrong_value(leaf)
    resp = call("PUT", emu.url + SINK.format("prop") + KITCHEN_V, mutated)
    assert resp.status == 400, resp
    assert resp.error["target"] == path and "details" not in resp.error
    assert emu.resources() == []
