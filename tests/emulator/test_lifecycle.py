"""Long-running operations, 404 after delete, 409 on immutable change, idempotent PUT."""

from __future__ import annotations

import shutil
from pathlib import Path

from emu_helpers import JOB, JOB_V, KITCHEN_V, OVEN, SINK, call, job_body, sink_body

from generator.emulator import Emulator, load_emulator

KITCHEN = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "gen-specs"


def test_arm_create_polls_then_succeeds(emu: Emulator) -> None:
    emu.config.lro_polls = 2
    url = emu.url + JOB.format("j1") + JOB_V
    created = call("PUT", url, job_body())
    assert created.status == 201 and created.headers["Retry-After"] == "0"
    assert created.body["properties"]["provisioningState"] == "Creating"
    status_url = created.headers["Azure-AsyncOperation"]
    assert status_url.startswith(emu.url) and "api-version=2018-03-01" in status_url
    polls = [call("GET", status_url).body["status"] for _ in range(4)]
    assert polls == ["InProgress", "InProgress", "Succeeded", "Succeeded"]
    assert call("GET", url).body["properties"]["provisioningState"] == "Succeeded"


def test_get_shows_creating_while_in_progress(emu: Emulator) -> None:
    url = emu.url + JOB.format("j1") + JOB_V
    call("PUT", url, job_body())
    # a GET of the resource also moves the operation on (for clients that only poll GET)
    assert call("GET", url).body["properties"]["provisioningState"] == "Creating"
    assert call("GET", url).body["properties"]["provisioningState"] == "Succeeded"


def test_arm_delete_with_location_polling(emu: Emulator) -> None:
    url = emu.url + JOB.format("j1") + JOB_V
    call("PUT", url, job_body())
    deleted = call("DELETE", url)
    assert deleted.status == 202 and deleted.body is None
    location = deleted.headers["Location"]
    assert call("GET", url).body["properties"]["provisioningState"] == "Deleting"
    assert call("GET", location).status == 204  # the GET above moved it on once
    assert emu.resources() == []
    gone = call("GET", url)
    assert gone.status == 404 and gone.error["code"] == "ResourceNotFound"
    assert call("DELETE", url).status == 204  # already gone: success, no content


def test_location_poll_answers_202_until_done(emu: Emulator) -> None:
    emu.config.lro_polls = 1
    url = emu.url + OVEN.format("o1") + KITCHEN_V
    call("PUT", url, {"properties": {"temperature": 180}})
    location = call("DELETE", url).headers["Location"]
    first = call("GET", location)
    assert first.status == 202 and first.headers["Location"] == location
    assert call("GET", location).status == 204 and emu.resources() == []


def test_synchronous_resources(emu: Emulator) -> None:
    url = emu.url + SINK.format("s1") + KITCHEN_V
    created = call("PUT", url, sink_body())
    assert created.status == 201 and "Azure-AsyncOperation" not in created.headers
    replaced = call("PUT", url, sink_body(depth=11))  # PUT on a mutable resource replaces it
    assert replaced.status == 200 and replaced.body["properties"]["depth"] == 11
    assert call("DELETE", url).status == 200
    assert call("GET", url).status == 404


def test_immutable_put_conflicts_unless_identical(emu: Emulator) -> None:
    url = emu.url + JOB.format("j1") + JOB_V
    call("PUT", url, job_body())
    same = call("PUT", url, job_body())
    assert same.status == 200  # idempotent; still tied to the pending operation
    assert "Azure-AsyncOperation" in same.headers
    changed = call("PUT", url, job_body(nodeCount=2))
    assert changed.status == 409 and changed.error["code"] == "PropertyChangeNotAllowed"
    assert changed.error["target"] == "properties.nodeCount"
    # read-only fields echoed back do not count as a change
    echoed = call("GET", url).body
    assert call("PUT", url, echoed).status == 200
    assert len(emu.calls("PUT", applied=True)) == 1
    stored = emu.resource(JOB.format("j1"))
    assert stored is not None and stored["body"]["properties"]["nodeCount"] == 1


def test_put_during_delete_conflicts(emu: Emulator) -> None:
    url = emu.url + JOB.format("j1") + JOB_V
    call("PUT", url, job_body())
    call("DELETE", url)
    assert call("PUT", url, job_body()).error["code"] == "AnotherOperationInProgress"


def test_ids_keep_their_first_spelling_and_are_unquoted(emu: Emulator) -> None:
    url = emu.url + JOB.format("j1").replace("/rg/", "/rg-%C3%A9/") + JOB_V
    rid = call("PUT", url, job_body()).body["id"]
    assert rid == JOB.format("j1").replace("/rg/", "/rg-é/")
    assert emu.resource(rid.upper()) is not None


def test_unknown_operation(emu: Emulator) -> None:
    resp = call("GET", emu.url + "/providers/Mmgen.Emulator/operationStatuses/op-999")
    assert resp.status == 404 and resp.error["code"] == "OperationNotFound"


def test_routes_sit_under_the_path_of_the_products_base_url(tmp_path: Path) -> None:
    """The runtimes join every call to the product's base URL, path included (an endpoint
    override replaces only scheme and host): a base URL of `https://host/api/v2/` puts the
    sink at `/api/v2/subscriptions/...`, and nowhere else."""
    specs = tmp_path / "specs"
    shutil.copytree(KITCHEN, specs)
    product = specs / "kitchen" / "product.yaml"
    text = product.read_text()
    assert "base_url: https://kitchen.example.com/\n" in text
    product.write_text(text.replace("kitchen.example.com/\n", "kitchen.example.com/api/v2/\n"))
    with load_emulator([str(specs)]) as emu:
        url = emu.url + "/api/v2" + SINK.format("s1") + KITCHEN_V
        assert call("PUT", url, sink_body()).status == 201
        assert call("GET", url).body["properties"]["depth"] == 10
        assert call("GET", emu.url + SINK.format("s1") + KITCHEN_V).status == 404
        assert call("DELETE", url).status == 200
