from __future__ import annotations

import email.utils
import time
from collections.abc import Iterator
from typing import Any

import mmgen_runtime_sample as sample
import pytest
from arm_fake import FakeArm
from mmgen_runtime.timeouts import Deadline, OperationTimeout, parse_duration
from mmgen_runtime.transport import HttpClient, Response, TransportError, retry_after_seconds
from rt_helpers import (
    TYPE,
    apply,
    block,
    configure,
    decode,
    errors,
    full_config,
    new_servicer,
    plan,
    read,
)
from tf.gen import tfplugin_pb2 as pb
from tf.utils import to_dynamic_value

ID = "/subscriptions/sub-1/resourceGroups/rg1/providers/Test.Widgets/widgets/{}"


@pytest.fixture()
def arm() -> Iterator[FakeArm]:
    with FakeArm() as fake:
        yield fake


@pytest.fixture()
def servicer(arm: FakeArm) -> Any:
    servicer = new_servicer()
    assert configure(servicer, arm.base) == []
    return servicer


def _config(name: str = "alpha", **extra: Any) -> dict[str, Any]:
    nodes = [
        block(sample.NODE.children, name="n0", mount=[block(sample.MOUNT.children, path="/d")])
    ]
    return full_config(
        name=name,
        password="hunter2",
        tags={"env": "test"},
        cluster=block(sample.CLUSTER.children, version="1", node=nodes),
        **extra,
    )


def _create(servicer: Any, config: dict[str, Any]) -> Any:
    planned = plan(servicer, None, config)
    assert not planned.diagnostics
    return apply(servicer, None, planned.planned_state, config)


def test_full_lifecycle(arm: FakeArm, servicer: Any) -> None:
    config = _config()
    created = _create(servicer, config)
    assert list(created.diagnostics) == []
    state = decode(created.new_state)
    assert state["id"] == ID.format("alpha")
    assert state["etag"].startswith("etag-") and state["provisioning_state"] == "Succeeded"
    assert state["password"] == "hunter2"  # write-only: kept from the plan
    assert state["tier"] == "basic"  # optional+computed filled by the server
    assert state["status"] == {"phase": "Running", "ready": True}
    assert state["cluster"]["endpoint"] == "https://alpha.example"
    assert state["cluster"]["node"][0]["mount"][0]["mount_id"] == "mount-0-0"
    assert state["timeouts"] is None and state["rule"] == []

    put = arm.calls("PUT")[0]
    assert put["query"]["api-version"] == ["2024-01-01"]
    assert put["auth"] == "Bearer secret-token"
    assert put["body"]["properties"]["password"] == "hunter2"
    assert "name" not in put["body"]  # url_param_only
    assert [r["path"].split("/")[1] for r in arm.requests].count("operations") == 2  # polled

    # read, surviving one throttled request (429 + Retry-After: 0)
    arm.throttle["GET"] = 1
    refreshed = read(servicer, state)
    assert list(refreshed.diagnostics) == []
    assert decode(refreshed.new_state) == state

    # no-change plan, then an in-place update
    assert decode(plan(servicer, state, config).planned_state) == state
    changed = dict(config, size=5)
    planned = plan(servicer, state, changed)
    assert list(planned.requires_replace) == []
    updated = apply(servicer, state, planned.planned_state, changed)
    assert list(updated.diagnostics) == []
    new_state = decode(updated.new_state)
    assert new_state["size"] == 5 and new_state["etag"] != state["etag"]
    assert arm.calls("PUT")[-1]["body"]["properties"]["size"] == 5

    # delete: 202 + Location polling, then the resource is gone
    deleted = apply(servicer, new_state, to_dynamic_value(None), None)
    assert list(deleted.diagnostics) == []
    assert decode(deleted.new_state) is None
    assert any(r["path"].startswith("/locations/") for r in arm.requests)
    gone = read(servicer, new_state)
    assert list(gone.diagnostics) == [] and decode(gone.new_state) is None
    # deleting something already gone (404) is success
    again = apply(servicer, new_state, to_dynamic_value(None), None)
    assert list(again.diagnostics) == [] and decode(again.new_state) is None


def test_timeouts_only_change_needs_no_request(arm: FakeArm, servicer: Any) -> None:
    config = _config()
    state = decode(_create(servicer, config).new_state)
    before = len(arm.requests)
    timeouts = {"create": "1h", "read": None, "update": None, "delete": None}
    changed = dict(config, timeouts=timeouts)
    planned = plan(servicer, state, changed)
    result = decode(apply(servicer, state, planned.planned_state, changed).new_state)
    assert result["timeouts"] == timeouts and result["etag"] == state["etag"]
    assert len(arm.requests) == before


def test_failed_async_operation_reports_arm_error(arm: FakeArm, servicer: Any) -> None:
    resp = _create(servicer, _config(name="fail-one"))
    errs = errors(list(resp.diagnostics))
    assert len(errs) == 1
    assert "QuotaExceeded" in errs[0].summary and "Failed" in errs[0].summary
    assert errs[0].detail == "Not enough cores in region"
    # the API accepted the resource: it stays in state (tainted) with no unknowns
    partial = decode(resp.new_state)
    assert partial["id"] == ID.format("fail-one") and partial["etag"] is None


def test_create_deadline_from_timeouts_block(arm: FakeArm, servicer: Any) -> None:
    config = _config(name="slow-one", timeouts={"create": "300ms"})
    started = time.monotonic()
    resp = _create(servicer, config)
    assert time.monotonic() - started < 5
    errs = errors(list(resp.diagnostics))
    assert errs and "timed out" in errs[0].summary.lower()


def test_api_error_on_put_is_a_diagnostic(arm: FakeArm, servicer: Any) -> None:
    arm.throttle["PUT"] = 10  # more 429s than max_retries (3)
    resp = _create(servicer, _config())
    errs = errors(list(resp.diagnostics))
    assert "HTTP 429" in errs[0].summary and "TooManyRequests" in errs[0].summary
    assert decode(resp.new_state) is None
    assert len(arm.calls("PUT")) == 4  # first try + 3 retries


def test_import_by_id(arm: FakeArm, servicer: Any) -> None:
    state = decode(_create(servicer, _config()).new_state)
    resp = servicer.ImportResourceState(
        pb.ImportResourceState.Request(type_name=TYPE, id=ID.format("alpha")), None
    )
    assert list(resp.diagnostics) == []
    imported = decode(resp.imported_resources[0].state)
    assert imported["name"] == "alpha" and imported["resource_group"] == "rg1"
    assert imported["id"] == state["id"] and imported["etag"] == state["etag"]
    assert imported["password"] is None  # write-only values cannot be imported
    bad = servicer.ImportResourceState(
        pb.ImportResourceState.Request(type_name=TYPE, id="/not/an/id"), None
    )
    assert "invalid import id" in errors(list(bad.diagnostics))[0].summary
    missing = servicer.ImportResourceState(
        pb.ImportResourceState.Request(type_name=TYPE, id=ID.format("nothere")), None
    )
    assert "non-existent" in errors(list(missing.diagnostics))[0].summary


def test_handler_exceptions_become_diagnostics(arm: FakeArm) -> None:
    class Exploding(sample.Widget):
        def before_create(self, ctx: Any, body: dict[str, Any]) -> dict[str, Any]:
            raise RuntimeError("boom")

    class Provider(sample.SampleProvider):
        RESOURCES = (Exploding,)

    servicer = new_servicer(Provider())
    configure(servicer, arm.base)
    resp = _create(servicer, _config())
    errs = errors(list(resp.diagnostics))
    assert "RuntimeError" in errs[0].summary and errs[0].detail == "boom"
    # an exception escaping the servicer itself (unknown type) is still a diagnostic
    broken = servicer.ReadResource(
        pb.ReadResource.Request(type_name="nope", current_state=to_dynamic_value({})), None
    )
    assert "internal error" in errors(list(broken.diagnostics))[0].summary


def test_missing_required_provider_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MMTEST_SUBSCRIPTION_ID", raising=False)
    diags = configure(new_servicer(), "http://127.0.0.1:9", subscription_id=None)
    assert [d.attribute.steps[0].attribute_name for d in errors(diags)] == ["subscription_id"]
    monkeypatch.setenv("MMTEST_SUBSCRIPTION_ID", "from-env")
    provider = sample.SampleProvider()
    assert configure(new_servicer(provider), "http://x", subscription_id=None) == []
    assert provider.param_value("subscription_id") == "from-env"


def test_transport_retries_connection_errors_then_gives_up() -> None:
    sleeps: list[float] = []
    client = HttpClient(max_retries=2, backoff_base=0.001, sleep=sleeps.append)
    with pytest.raises(TransportError):
        client.request("GET", "http://127.0.0.1:1/x")
    assert len(sleeps) == 2 and sleeps[1] > sleeps[0] * 0.9


def test_retry_after_forms_and_deadlines() -> None:
    assert retry_after_seconds(Response(429, {"retry-after": "7"})) == 7.0
    when = email.utils.formatdate(time.time() + 60, usegmt=True)
    assert 50 < (retry_after_seconds(Response(503, {"retry-after": when})) or 0) <= 60
    assert retry_after_seconds(Response(503, {"retry-after-ms": "250"})) == 0.25
    assert retry_after_seconds(Response(503, {})) is None
    assert parse_duration("1h5m") == 3900 and parse_duration("1.5s") == 1.5
    with pytest.raises(ValueError):
        parse_duration("5 minutes")
    with pytest.raises(OperationTimeout):
        Deadline(0.0, "create").check()


def test_provider_numbers_given_as_decimal_strings(arm: FakeArm) -> None:
    provider = sample.SampleProvider()
    servicer = new_servicer(provider)
    resp = servicer.ValidateProviderConfig(
        pb.ValidateProviderConfig.Request(config=to_dynamic_value({"poll_interval": "0.01"})), None
    )
    assert list(resp.diagnostics) == []
    assert configure(servicer, arm.base, poll_interval="0.02") == []
    assert provider.get_settings().poll_interval == 0.02
