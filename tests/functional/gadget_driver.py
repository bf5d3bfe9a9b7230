"""Driving the python target's `Gadget` (tests/fixtures/python-rest/mmv1) in-process
against gadget_api's recording server: what test_mmv1_operations.py and
test_deletion_policy.py share."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from fn_helpers import Driver, decode, errors, path_of
from tf.gen import tfplugin_pb2 as pb
from tf.utils import to_dynamic_value

TYPE = "google_widgets_gadget"


def configured(modules: dict[str, ModuleType], endpoint: str) -> Driver:
    """A driver of the gadget whose provider is configured for `endpoint`."""
    driver = Driver(modules, TYPE)
    # No pause between operation polls: the recording server answers at once, and the
    # default interval (10 s) slept 40 s through this file's four operations.
    config = {
        "endpoint": endpoint,
        "token": "t",
        "project": "p1",
        "max_retries": 0,
        "poll_interval": 0,
    }
    resp = driver.servicer.ConfigureProvider(
        pb.ConfigureProvider.Request(config=to_dynamic_value(config)), None
    )
    assert errors(resp.diagnostics) == []
    return driver


def gadget_config(d: Driver, **overrides: Any) -> dict[str, Any]:
    """The gadget's configuration: every argument the fixture's tests set, `overrides` on top."""
    values: dict[str, Any] = dict(
        location="l1",
        description="",
        enabled=False,
        count=0,
        options=d.block("options"),
        tags={"a": "1"},
        size=3,
    )
    values.update(overrides)
    return d.config(**values)


def apply_in_place(d: Driver, prior: Any, config: Any) -> dict[str, Any]:
    """Plan and apply `config` over `prior`, both clean and without a replacement."""
    planned = d.plan(prior, config)
    assert errors(planned.diagnostics) == [], list(planned.diagnostics)
    assert [path_of(p) for p in planned.requires_replace] == []
    applied = d.apply(prior, planned.planned_state, config)
    assert list(applied.diagnostics) == []
    state: dict[str, Any] = decode(applied.new_state)
    return state
