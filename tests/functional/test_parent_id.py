"""A resource whose id starts with its parent's (`parent_id`): the generated kitchen
provider's `kitchen_tap`, in-process, against the emulator on a real socket. The go
target's side is in test_parent_id_go.py."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest
from fn_helpers import SUBSCRIPTION, Driver, decode, errors
from test_kitchen_crud import sink_config

from generator.emulator import Emulator

SINK_ID = f"/subscriptions/{SUBSCRIPTION}/sinks/sink-a"
TAP_ID = SINK_ID + "/taps/tap-1"


@pytest.fixture
def tap(kitchen_modules: dict[str, ModuleType], emulator: Emulator) -> Driver:
    driver = Driver(kitchen_modules, "kitchen_tap")
    assert driver.configure(emulator.url) == []
    return driver


@pytest.fixture
def sink(kitchen_modules: dict[str, ModuleType], emulator: Emulator) -> dict[str, Any]:
    """The parent, created first (the emulator, as ARM, refuses a child under none)."""
    driver = Driver(kitchen_modules, "kitchen_sink")
    assert driver.configure(emulator.url) == []
    _, applied = driver.create(sink_config(driver))
    assert list(applied.diagnostics) == []
    state: dict[str, Any] = decode(applied.new_state)
    assert state["id"] == SINK_ID
    return state


def test_no_child_under_a_parent_that_does_not_exist(tap: Driver, emulator: Emulator) -> None:
    config = tap.config(name="tap-1", sink_id=SINK_ID, flow=6)
    _, applied = tap.create(config)
    found = errors(applied.diagnostics)
    assert found and "404 ParentResourceNotFound" in found[0].summary
    assert f"Parent resource '{SINK_ID}' not found" in found[0].detail
    assert emulator.resource(TAP_ID) is None


def test_life_cycle_under_the_parents_id(
    tap: Driver, emulator: Emulator, sink: dict[str, Any]
) -> None:
    config = tap.config(name="tap-1", sink_id=SINK_ID, flow=6)
    assert errors(tap.validate(config)) == []
    _, applied = tap.create(config)
    assert list(applied.diagnostics) == []
    state = decode(applied.new_state)
    # The parent's id fills the template with its slashes: not `%2F`-escaped, not doubled.
    assert state["id"] == TAP_ID
    assert state["sink_id"] == SINK_ID and state["flow"] == 6
    stored = emulator.resource(TAP_ID)
    assert stored is not None and stored["body"]["properties"] == {"flow": 6}
    assert "sinkId" not in stored["body"]  # only in the URL
    put = [r for r in emulator.requests if r.method == "PUT"]
    assert [r.path for r in put] == [SINK_ID, TAP_ID]

    # An import id gives the parent's id back, several segments long.
    imported = tap.import_(TAP_ID)
    assert list(imported.diagnostics) == []
    state_i = decode(imported.imported_resources[0].state)
    assert state_i["sink_id"] == SINK_ID and state_i["name"] == "tap-1"
    read = tap.read(state_i)
    assert list(read.diagnostics) == []
    assert decode(read.new_state)["flow"] == 6

    assert list(tap.destroy(state).diagnostics) == []
    assert emulator.resource(TAP_ID) is None


@pytest.mark.parametrize(
    "bad",
    [
        "/subscriptions/s/sinks/../../ovens/o",  # climbs out of its path
        "/subscriptions/s/ovens/o",  # another kind of parent
        "subscriptions/s/sinks/a",  # not an ARM id
        "/subscriptions/s/sinks/a/taps/t",  # a child, not the parent
    ],
)
def test_a_value_that_is_not_the_parents_id_is_refused_at_plan(tap: Driver, bad: str) -> None:
    found = errors(tap.validate(tap.config(name="tap-1", sink_id=bad)))
    assert len(found) == 1
    assert "must be the id of the object it lives under" in found[0].detail
    assert "/subscriptions/{subscription_id}/sinks/{sink_name}" in found[0].detail
