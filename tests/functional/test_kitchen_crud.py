"""The generated kitchen provider, in-process, against the emulator on a real socket."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest
from fn_helpers import SUBSCRIPTION, Driver, decode, errors, path_of

from generator.emulator import Emulator, Fault

SINK_ID = f"/subscriptions/{SUBSCRIPTION}/sinks/{{}}"


@pytest.fixture
def sink(kitchen_modules: dict[str, ModuleType], emulator: Emulator) -> Driver:
    driver = Driver(kitchen_modules, "kitchen_sink")
    assert driver.configure(emulator.url) == []
    return driver


def sink_config(d: Driver, name: str = "sink-a", **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = dict(
        name=name,
        location="westeurope",
        nickname="shiny",  # the custom expand upper-cases it for the API, the flatten lowers it
        depth=20,
        ratio=0.5,
        finish="Stone",
        tags={"env": "test"},
        labels={"team": "plumbing"},
        annotations={"note": "x"},
        limits={"cups": 3},
        aliases=["basin"],
        zones=["1", "2"],
        drain_id="/drains/d1",
        installed_at="2024-01-02T03:04:05Z",
        secret="hunter2",
        serial="SN-1",
        faucet=d.block(
            "faucet", hot=True, model="m1", handle=d.block("faucet.handle", material="brass")
        ),
        filters=[
            d.block(
                "filters",
                kind="carbon",
                credentials=d.block("filters.credentials", user="vendor", password="pw"),
            )
        ],
        drains=[d.block("drains", size=40, credentials=d.block("drains.credentials", key="k1"))],
    )
    values.update(overrides)
    return d.config(**values)


def create(d: Driver, config: dict[str, Any]) -> dict[str, Any]:
    assert errors(d.validate(config)) == []
    _, applied = d.create(config)
    assert list(applied.diagnostics) == []
    state: dict[str, Any] = decode(applied.new_state)
    return state


def test_lifecycle(sink: Driver, emulator: Emulator) -> None:
    config = sink_config(sink)
    state = create(sink, config)
    rid = SINK_ID.format("sink-a")
    assert state["id"] == rid
    assert state["state"] == "sink-a-state"  # optional+computed, filled by the server
    assert len(state["fingerprint"]) == 16
    assert state["faucet"]["handle"]["wear"] == 0  # nested computed
    assert state["secret"] == "hunter2" and state["serial"] == "SN-1"  # write-only / ignore_read
    assert state["filters"][0]["credentials"]["password"] == "pw"

    stored = emulator.resource(rid)
    assert stored is not None
    assert stored["body"]["properties"]["secret"] == "hunter2"  # sent...
    assert "secret" not in stored["response"]["properties"]  # ...never returned
    assert stored["response"]["properties"]["drains"][0]["credentials"] == {}
    assert "name" not in stored["body"]  # url_param_only
    assert len(emulator.calls("PUT", "/sinks/", applied=True)) == 1

    # read, then a plan with no changes
    read = sink.read(state)
    assert list(read.diagnostics) == []
    assert decode(read.new_state) == state
    again = sink.plan(state, config)
    assert list(again.requires_replace) == [] and decode(again.planned_state) == state

    # in place update: PATCH
    changed = dict(config, depth=30)
    planned = sink.plan(state, changed)
    assert list(planned.requires_replace) == []
    updated = sink.apply(state, planned.planned_state, changed)
    assert list(updated.diagnostics) == []
    new_state = decode(updated.new_state)
    assert new_state["depth"] == 30 and new_state["fingerprint"] != state["fingerprint"]
    assert emulator.calls("PATCH")[-1].status == 200
    assert emulator.resource(rid)["body"]["properties"]["depth"] == 30
    assert decode(sink.plan(new_state, changed).planned_state) == new_state

    # forces-new changes: top level and nested
    moved = sink.plan(new_state, dict(changed, location="northeurope"))
    assert [path_of(p) for p in moved.requires_replace] == [["location"]]
    faucet = dict(changed["faucet"], model="m2")
    remodel = dict(changed, faucet=faucet)
    replaced = sink.plan(new_state, remodel)
    assert [path_of(p) for p in replaced.requires_replace] == [["faucet", "model"]]
    # replace = destroy + create
    assert list(sink.destroy(new_state).diagnostics) == []
    assert emulator.resources() == []
    recreated = create(sink, remodel)
    assert emulator.resource(rid)["body"]["properties"]["faucet"]["model"] == "m2"

    # import by id: everything but write-only and ignore_read values
    imported = sink.import_(rid)
    assert list(imported.diagnostics) == []
    state_i = decode(imported.imported_resources[0].state)
    for key in ("secret", "serial", "filters", "drains"):
        state_i.pop(key), recreated.pop(key)
    assert state_i == recreated

    # delete: the emulator is empty, a read drops it from state
    assert list(sink.destroy(recreated).diagnostics) == []
    assert emulator.resources() == []
    gone = sink.read(recreated)
    assert list(gone.diagnostics) == [] and decode(gone.new_state) is None


def test_hooks_take_effect(sink: Driver, emulator: Emulator) -> None:
    create(sink, sink_config(sink, name="sink-h", nickname="shiny"))
    body = emulator.resource(SINK_ID.format("sink-h"))["body"]
    assert body["properties"]["createdBy"] == "mmgen"  # before_create hook
    assert body["properties"]["nickname"] == "SHINY"  # custom expand


def test_faults_during_create_leave_one_object(sink: Driver, emulator: Emulator) -> None:
    emulator.set_faults(
        [
            Fault(status=429, retry_after=0, count=2, method="PUT"),
            Fault(status=503, retry_after=0, count=1, method="PUT"),
            Fault(status=503, retry_after=0, count=1, method="GET"),
        ]
    )
    state = create(sink, sink_config(sink, name="sink-f"))
    assert [r["id"] for r in emulator.resources()] == [state["id"]]
    statuses = [r.status for r in emulator.calls("PUT")]
    assert statuses == [429, 429, 503, 201]
    assert len(emulator.calls("PUT", applied=True)) == 1
    assert 503 in [r.status for r in emulator.calls("GET")]


def test_lost_response_is_retried_without_duplicates(sink: Driver, emulator: Emulator) -> None:
    # The PUT is applied, then its response is replaced by a 503: the retry finds the
    # resource and updates it in place; the store still holds one object.
    emulator.add_fault(Fault(status=503, retry_after=0, method="PUT", when="after"))
    state = create(sink, sink_config(sink, name="sink-l"))
    assert [r["id"] for r in emulator.resources()] == [state["id"]]
    assert [r.status for r in emulator.calls("PUT")] == [503, 200]


def test_deleted_behind_terraforms_back(sink: Driver, emulator: Emulator) -> None:
    state = create(sink, sink_config(sink, name="sink-d"))
    assert emulator.delete_resource(state["id"])
    read = sink.read(state)
    assert list(read.diagnostics) == [] and decode(read.new_state) is None


def test_validation_catches_bad_config(sink: Driver) -> None:
    bad = sink_config(sink, depth=500, finish="Gold")
    summaries = " ".join(d.summary + d.detail for d in errors(sink.validate(bad)))
    assert "depth" in summaries and "finish" in summaries
