"""Every fault kind, and that the store is consistent after each; the control API."""

from __future__ import annotations

import http.client
import time
import urllib.error
from urllib.parse import quote, urlsplit

import pytest
from emu_helpers import JOB, JOB_V, KITCHEN_V, SINK, call, job_body, sink_body

from generator.emulator import Emulator, Fault, fault_from_dict


def test_503_before_the_write_leaves_the_store_empty(emu: Emulator) -> None:
    emu.add_fault(Fault(status=503, method="PUT", retry_after=0))
    url = emu.url + SINK.format("s1") + KITCHEN_V
    failed = call("PUT", url, sink_body())
    assert failed.status == 503 and failed.error["code"] == "ServiceUnavailable"
    assert failed.headers["Retry-After"] == "0"
    assert emu.resources() == []
    assert call("PUT", url, sink_body()).status == 201  # the retry
    assert len(emu.resources()) == 1 and len(emu.calls("PUT", applied=True)) == 1
    assert [(r.status, r.fault) for r in emu.calls("PUT")] == [(503, "status"), (201, None)]


def test_429_counts_and_targets(emu: Emulator) -> None:
    emu.set_faults([Fault(status=429, retry_after=2, count=2, method="GET", path=r"/sinks/")])
    url = emu.url + SINK.format("s1") + KITCHEN_V
    assert call("PUT", url, sink_body()).status == 201  # other method: untouched
    assert call("GET", emu.url + JOB.format("j1") + JOB_V).status == 404  # other path
    first, second, third = (call("GET", url) for _ in range(3))
    assert (first.status, second.status, third.status) == (429, 429, 200)
    assert first.headers["Retry-After"] == "2" and first.error["code"] == "TooManyRequests"
    assert emu.faults.snapshot() == []  # used up


def test_500_after_the_write_keeps_the_write(emu: Emulator) -> None:
    emu.add_fault(Fault(status=500, method="PUT", when="after"))
    url = emu.url + SINK.format("s1") + KITCHEN_V
    assert call("PUT", url, sink_body()).status == 500
    assert len(emu.resources()) == 1  # applied; only the answer was lost
    assert call("PUT", url, sink_body()).status == 200  # the retry: no duplicate
    assert len(emu.resources()) == 1


@pytest.mark.parametrize("when, stored", [("before", 0), ("after", 1)])
def test_dropped_connection(emu: Emulator, when: str, stored: int) -> None:
    emu.add_fault(Fault(kind="drop", method="PUT", when=when))
    with pytest.raises((urllib.error.URLError, http.client.HTTPException, ConnectionError)):
        call("PUT", emu.url + JOB.format("j1") + JOB_V, job_body())
    assert len(emu.resources()) == stored
    assert emu.calls("PUT")[0].status is None and emu.calls("PUT")[0].fault == "drop"
    again = call("PUT", emu.url + JOB.format("j1") + JOB_V, job_body())
    assert again.status == (201 if stored == 0 else 200) and len(emu.resources()) == 1


def test_delay(emu: Emulator) -> None:
    emu.add_fault(Fault(kind="delay", delay=0.3, method="GET"))
    started = time.monotonic()
    assert call("GET", emu.url + SINK.format("s1") + KITCHEN_V).status == 404
    assert time.monotonic() - started >= 0.3
    assert emu.calls("GET")[0].fault == "delay"


def test_failed_operations(emu: Emulator) -> None:
    emu.add_fault(Fault(kind="fail_operation", method="PUT", code="QuotaExceeded", message="no"))
    url = emu.url + JOB.format("j1") + JOB_V
    op_url = call("PUT", url, job_body()).headers["Azure-AsyncOperation"]
    call("GET", op_url)
    failed = call("GET", op_url).body
    assert failed["status"] == "Failed" and failed["error"] == {
        "code": "QuotaExceeded",
        "message": "no",
    }
    assert call("GET", url).body["properties"]["provisioningState"] == "Failed"
    # a failed delete (Location) answers an ARM error and keeps the resource
    emu.add_fault(Fault(kind="fail_operation", method="DELETE"))
    location = call("DELETE", url).headers["Location"]
    call("GET", location)
    result = call("GET", location)
    assert result.status == 400 and result.error["code"] == "OperationFailed"
    assert len(emu.resources()) == 1


def test_fault_definitions_are_checked() -> None:
    assert fault_from_dict({"status": 429}).kind == "status"
    assert fault_from_dict({"delay": 1}).kind == "delay"
    for bad in ({"kind": "explode"}, {"status": 200}, {"sttaus": 500}, {"when": "during"}):
        with pytest.raises(ValueError):
            fault_from_dict(bad)


def test_control_api(emu: Emulator) -> None:
    base = emu.url + "/_emulator"
    info = call("GET", base).body
    types = {t["resource_type"]: t for t in info["resource_types"]}
    assert (
        types["azurerm_batch_ai_job"]["async"] and types["kitchen_sink"]["update_verb"] == "PATCH"
    )

    faults = [{"status": 429, "retry_after": 0, "count": 2, "method": "PUT"}]
    assert call("POST", base + "/faults", {"faults": faults}).body["faults"][0]["count"] == 2
    call("POST", base + "/faults", {"status": 503, "method": "GET", "append": True})
    assert len(call("GET", base + "/faults").body["faults"]) == 2
    assert call("POST", base + "/faults", {"faults": [{"kind": "nope"}]}).status == 400
    assert len(call("GET", base + "/faults").body["faults"]) == 2  # a bad list changes nothing
    assert call("POST", base + "/faults", {"faults": []}).body["faults"] == []

    url = emu.url + SINK.format("s1") + KITCHEN_V
    call("PUT", url, sink_body())
    listed = call("GET", base + "/resources").body["resources"]
    assert [r["id"] for r in listed] == [SINK.format("s1")]
    assert call("GET", base + "/resources?type=kitchen_oven").body["resources"] == []
    log = call("GET", base + "/log").body["requests"]
    assert [(r["method"], r["status"], r["applied"]) for r in log] == [("PUT", 201, True)]

    # delete behind the client's back
    target = base + "/resources?id=" + quote(SINK.format("s1"), safe="")
    assert call("DELETE", target).status == 200
    assert call("GET", url).status == 404
    assert call("DELETE", target).status == 404

    assert call("POST", base + "/config", {"lro_polls": 3}).body["lro_polls"] == 3
    assert call("POST", base + "/config", {"bogus": 1}).status == 400
    assert call("POST", base + "/reset").status == 200
    assert emu.config.lro_polls == 1 and emu.requests == []
    assert call("GET", base + "/nothing").status == 404


def test_concurrent_writes_are_serialised(emu: Emulator) -> None:
    from concurrent.futures import ThreadPoolExecutor

    url = emu.url + SINK.format("s1") + KITCHEN_V
    with ThreadPoolExecutor(8) as pool:
        statuses = sorted(
            pool.map(lambda i: call("PUT", url, sink_body(depth=i + 1)).status, range(16))
        )
    assert statuses == [200] * 15 + [201]  # one create, the rest replace it
    assert len(emu.resources()) == 1


def test_url_and_loopback_only() -> None:
    with pytest.raises(ValueError, match="non-loopback"):
        Emulator((), host="0.0.0.0")
    with Emulator((), host="127.0.0.1") as emu:
        assert urlsplit(emu.url).port == emu.port != 0
