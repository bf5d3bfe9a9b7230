"""A resource whose id starts with its parent's (`parent_id`): the generated kitchen
provider's `kitchen_tap`, in-process, against the emulator on a real socket. The go
target's side is in test_parent_id_go.py."""

from __future__ import annotations

from types import ModuleType

import pytest
from fn_helpers import SUBSCRIPTION, Driver, decode, errors

from generator.emulator import Emulator

SINK_ID = f"/subscriptions/{SUBSCRIPTION}/sinks/sink-a"
TAP_ID = SINK_ID + "/taps/tap-1"


@pytest.fixture
def tap(kitchen_modules: dict[str, ModuleType], emulator: Emulator) -> Driver:
    driver = Driver(kitchen_modules, "kitchen_tap")
    assert driver.configure(emulator.url) == []
    return driver


def test_life_cycle_under_the_parents_id(tap: Driver, emulator: Emulator) -> None:
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
    assert [r.path for r in put] == [TAP_ID]

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
