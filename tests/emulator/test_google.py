"""The emulator's Google mode, over real HTTP: products with `api_style: google` (every mmv1
product) are served as Google APIs answer: create at the collection, Operations polled until
`done`, `updateMask` semantics, Google error bodies, faults and the control API.

Fixtures: `tests/fixtures/emulator-google` (an async resource with an update mask and a sync
one created with PUT at its own name) and `tests/fixtures/python-rest/mmv1` (custom
`update_url`/`delete_url` methods).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from emu_helpers import Response, call

from generator.emulator import Emulator, Fault, load_emulator

REPO = Path(__file__).resolve().parents[2]
SPECS = [
    str(REPO / "tests" / "fixtures" / "emulator-google" / "products"),
    str(REPO / "tests" / "fixtures" / "python-rest" / "mmv1" / "products"),
]
GADGETS = "/v1/projects/p1/locations/l1/gadgets"
GADGET = GADGETS + "/g1"
GIZMO = "/v1/projects/p1/gizmos/z1"
WIDGETS = "/v1/projects/p1/locations/l1/widgets"


@pytest.fixture(scope="module")
def google_session() -> Iterator[Emulator]:
    with load_emulator(SPECS) as emulator:
        yield emulator


@pytest.fixture
def gemu(google_session: Emulator) -> Iterator[Emulator]:
    google_session.reset()
    yield google_session
    google_session.reset()


def gadget(**fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "displayName": "first",
        "size": 3,
        "labels": {"env": "test"},
        "finish": {"color": "red", "glossy": True},
    }
    body.update(fields)
    return body


def poll_until_done(emu: Emulator, op: dict[str, Any], limit: int = 10) -> dict[str, Any]:
    for _ in range(limit):
        if op["done"]:
            return op
        polled = call("GET", f"{emu.url}/v1/{op['name']}")
        assert polled.status == 200, polled
        op = polled.body
    raise AssertionError(f"operation {op['name']} never finished")


def create_gadget(emu: Emulator, **fields: Any) -> dict[str, Any]:
    created = call("POST", f"{emu.url}{GADGETS}?gadgetId=g1", gadget(**fields))
    assert created.status == 200, created
    return poll_until_done(emu, created.body)


def assert_google_error(resp: Response, status: int, name: str) -> dict[str, Any]:
    assert resp.status == status, resp
    error: dict[str, Any] = resp.body["error"]
    assert (error["code"], error["status"]) == (status, name)
    assert isinstance(error["message"], str) and error["message"]
    return error


# ---------------------------------------------------------------------- life cycle


def test_create_answers_an_operation_polled_until_done(gemu: Emulator) -> None:
    gemu.config.lro_polls = 2
    created = call("POST", f"{gemu.url}{GADGETS}?gadgetId=g1", gadget())
    assert created.status == 200
    op = created.body
    assert op["name"].startswith("projects/p1/locations/l1/operations/op-")
    assert op["done"] is False and "response" not in op
    assert op["metadata"]["verb"] == "create"
    assert op["metadata"]["target"] == "projects/p1/locations/l1/gadgets/g1"
    polls = [call("GET", f"{gemu.url}/v1/{op['name']}").body for _ in range(3)]
    assert [p["done"] for p in polls] == [False, False, True]
    response = polls[-1]["response"]
    # No ARM envelope: the body's own fields, plus what the server fills in.
    assert response["name"] == "projects/p1/locations/l1/gadgets/g1"
    assert response["displayName"] == "first" and response["finish"]["color"] == "red"
    assert response["createTime"].endswith("Z")
    assert "properties" not in response and "provisioningState" not in str(response)


def test_read_returns_the_resource_with_server_values(gemu: Emulator) -> None:
    create_gadget(gemu)
    got = call("GET", gemu.url + GADGET)
    assert got.status == 200
    assert got.body["name"] == "projects/p1/locations/l1/gadgets/g1"
    assert got.body["labels"] == {"env": "test"}
    assert "kind" not in got.body  # optional and not sent: the server fills nothing
    stored = gemu.resource("projects/p1/locations/l1/gadgets/g1")
    assert stored is not None and stored["type"] == "gadgets.googleapis.com/Gadget"
    assert stored["response"] == got.body


def test_delete_through_an_operation_then_404(gemu: Emulator) -> None:
    create_gadget(gemu)
    deleted = call("DELETE", gemu.url + GADGET)
    assert deleted.status == 200 and deleted.body["done"] is False
    assert deleted.body["metadata"]["verb"] == "delete"
    assert call("GET", gemu.url + GADGET).status == 200  # still there while it runs
    done = poll_until_done(gemu, deleted.body)
    assert done["response"] == {"@type": "type.googleapis.com/google.protobuf.Empty"}
    assert_google_error(call("GET", gemu.url + GADGET), 404, "NOT_FOUND")
    assert_google_error(call("DELETE", gemu.url + GADGET), 404, "NOT_FOUND")
    assert gemu.resources() == []


def test_sync_resource_created_with_put_answers_the_object(gemu: Emulator) -> None:
    created = call("PUT", gemu.url + GIZMO, {"name": "z1", "note": "hi"})
    assert created.status == 200 and created.body == {"name": "z1", "note": "hi"}
    # The same PUT again is a second create (updates PATCH).
    again = call("PUT", gemu.url + GIZMO, {"name": "z1", "note": "again"})
    assert_google_error(again, 409, "ALREADY_EXISTS")
    assert len(gemu.resources("google_gadgets_gizmo")) == 1
    assert call("DELETE", gemu.url + GIZMO).body == {}
    assert_google_error(call("GET", gemu.url + GIZMO), 404, "NOT_FOUND")


def test_custom_method_urls_and_query_named_ids(gemu: Emulator) -> None:
    created = call("POST", f"{gemu.url}{WIDGETS}?widgetId=w1", {"displayName": "a", "size": 1})
    assert created.status == 200 and created.body["name"] == "projects/p1/locations/l1/widgets/w1"
    patched = call("PATCH", f"{gemu.url}{WIDGETS}/w1:modify?updateMask=size", {"size": 2})
    assert patched.status == 200 and patched.body["size"] == 2
    # `:modify` is the update's URL, not an id: the self link does not take PATCH.
    assert_google_error(call("PATCH", f"{gemu.url}{WIDGETS}/w1", {"size": 3}), 405, "UNIMPLEMENTED")
    assert call("POST", f"{gemu.url}{WIDGETS}/w1:remove").status == 200
    assert_google_error(call("GET", f"{gemu.url}{WIDGETS}/w1"), 404, "NOT_FOUND")


# ---------------------------------------------------------------------- update masks


def test_update_mask_changes_only_the_named_fields(gemu: Emulator) -> None:
    create_gadget(gemu)
    sent = gadget(displayName="second", size=9, finish={"color": "blue", "glossy": False})
    op = call("PATCH", f"{gemu.url}{GADGET}?updateMask=size,finish.color", sent).body
    assert op["metadata"]["verb"] == "update"
    done = poll_until_done(gemu, op)
    got = call("GET", gemu.url + GADGET).body
    assert done["response"] == got
    assert got["size"] == 9 and got["finish"] == {"color": "blue", "glossy": True}
    assert got["displayName"] == "first"  # sent, but outside the mask: untouched


def test_a_masked_field_missing_from_the_body_is_cleared(gemu: Emulator) -> None:
    create_gadget(gemu)
    op = call("PATCH", f"{gemu.url}{GADGET}?updateMask=labels,finish", {"displayName": "x"})
    poll_until_done(gemu, op.body)
    got = call("GET", gemu.url + GADGET).body
    assert "labels" not in got and "finish" not in got and got["displayName"] == "first"


def test_no_mask_updates_every_field_the_body_sets(gemu: Emulator) -> None:
    create_gadget(gemu)
    op = call("PATCH", gemu.url + GADGET, {"size": 5, "finish": {"color": "green"}})
    poll_until_done(gemu, op.body)
    got = call("GET", gemu.url + GADGET).body
    # Populated fields change (nested ones field by field); the rest stay as they were.
    assert got["size"] == 5 and got["finish"] == {"color": "green", "glossy": True}
    assert got["labels"] == {"env": "test"} and got["displayName"] == "first"


def test_star_mask_and_put_replace_the_whole_object(gemu: Emulator) -> None:
    call("PUT", gemu.url + GIZMO, {"name": "z1", "note": "a", "labels": {"k": "v"}})
    star = call("PATCH", f"{gemu.url}{GIZMO}?updateMask=*", {"name": "z1", "note": "b"})
    assert star.status == 200 and star.body == {"name": "z1", "note": "b"}
    # A POST that names the object in its body; PUT (mmv1's default update) replaces it.
    doohickeys = gemu.url + "/v1/projects/p1/doohickeys"
    made = call("POST", doohickeys, {"name": "d1", "note": "a", "weight": 2})
    assert made.status == 200 and made.body == {"name": "d1", "note": "a", "weight": 2}
    replaced = call("PUT", doohickeys + "/d1", {"name": "d1", "note": "b"})
    assert replaced.status == 200 and replaced.body == {"name": "d1", "note": "b"}
    assert_google_error(call("POST", doohickeys, {"note": "x"}), 400, "INVALID_ARGUMENT")


def test_bad_masks_and_bodies_are_invalid_arguments(gemu: Emulator) -> None:
    create_gadget(gemu)
    error = assert_google_error(
        call("PATCH", f"{gemu.url}{GADGET}?updateMask=size,nope", {"size": 1}),
        400,
        "INVALID_ARGUMENT",
    )
    violations = error["details"][0]["fieldViolations"]
    assert error["details"][0]["@type"] == "type.googleapis.com/google.rpc.BadRequest"
    assert [v["field"] for v in violations] == ["nope"]
    # A path below a scalar names no field either.
    assert_google_error(
        call("PATCH", f"{gemu.url}{GADGET}?updateMask=size.x", {"size": 1}), 400, "INVALID_ARGUMENT"
    )
    bad = call("PATCH", f"{gemu.url}{GADGET}?updateMask=size", {"size": "big", "kind": "HUGE"})
    error = assert_google_error(bad, 400, "INVALID_ARGUMENT")
    fields = [v["field"] for v in error["details"][0]["fieldViolations"]]
    assert fields == ["size", "kind"]
    # Clearing a required field through the mask is refused too.
    missing = call("PATCH", f"{gemu.url}{GADGET}?updateMask=displayName", {})
    assert "displayName" in assert_google_error(missing, 400, "INVALID_ARGUMENT")["message"]
    assert call("GET", gemu.url + GADGET).body["size"] == 3  # nothing changed


# ---------------------------------------------------------------------- errors


def test_create_errors(gemu: Emulator) -> None:
    create_gadget(gemu)
    dup = call("POST", f"{gemu.url}{GADGETS}?gadgetId=g1", gadget())
    assert_google_error(dup, 409, "ALREADY_EXISTS")
    no_id = call("POST", gemu.url + GADGETS, gadget())
    assert "gadgetId" in assert_google_error(no_id, 400, "INVALID_ARGUMENT")["message"]
    bad_id = call("POST", f"{gemu.url}{GADGETS}?gadgetId=Not_Valid", gadget())
    assert assert_google_error(bad_id, 400, "INVALID_ARGUMENT")["details"][0]["fieldViolations"]
    unknown = call("POST", f"{gemu.url}{GADGETS}?gadgetId=g2", gadget(colour="red"))
    assert "colour" in assert_google_error(unknown, 400, "INVALID_ARGUMENT")["message"]
    raw = call("POST", f"{gemu.url}{GADGETS}?gadgetId=g3", raw=b"{not json")
    assert_google_error(raw, 400, "INVALID_ARGUMENT")
    assert_google_error(call("GET", gemu.url + "/v1/projects/p1/nothing/x"), 404, "NOT_FOUND")
    assert [r["id"] for r in gemu.resources()] == ["projects/p1/locations/l1/gadgets/g1"]


def test_update_while_deleting_is_aborted(gemu: Emulator) -> None:
    create_gadget(gemu)
    call("DELETE", gemu.url + GADGET)
    busy = call("PATCH", f"{gemu.url}{GADGET}?updateMask=size", {"size": 1})
    assert_google_error(busy, 409, "ABORTED")


# ---------------------------------------------------------------------- faults


@pytest.mark.parametrize(
    ("status", "name"), [(429, "RESOURCE_EXHAUSTED"), (503, "UNAVAILABLE"), (500, "INTERNAL")]
)
def test_status_faults_answer_google_errors(gemu: Emulator, status: int, name: str) -> None:
    gemu.add_fault(Fault(status=status, retry_after=0, method="POST"))
    faulted = call("POST", f"{gemu.url}{GADGETS}?gadgetId=g1", gadget())
    assert_google_error(faulted, status, name)
    assert faulted.headers["Retry-After"] == "0"
    assert gemu.resources() == []  # `before`: the write did not happen
    create_gadget(gemu)  # the retry creates exactly one
    assert len(gemu.resources()) == 1


def test_after_fault_keeps_the_write_and_the_retry_finds_it(gemu: Emulator) -> None:
    gemu.add_fault(Fault(status=503, method="POST", when="after"))
    lost = call("POST", f"{gemu.url}{GADGETS}?gadgetId=g1", gadget())
    assert_google_error(lost, 503, "UNAVAILABLE")
    retry = call("POST", f"{gemu.url}{GADGETS}?gadgetId=g1", gadget())
    assert_google_error(retry, 409, "ALREADY_EXISTS")
    assert len(gemu.resources()) == 1


def test_failed_operations_are_done_with_an_error_and_roll_back(gemu: Emulator) -> None:
    gemu.add_fault(Fault(kind="fail_operation", method="POST", code="RESOURCE_EXHAUSTED"))
    op = call("POST", f"{gemu.url}{GADGETS}?gadgetId=g1", gadget()).body
    done = poll_until_done(gemu, op)
    assert done["error"]["code"] == 8 and done["error"]["message"]  # google.rpc.Code number
    assert "response" not in done
    assert gemu.resources() == []  # a failed create leaves nothing
    create_gadget(gemu)
    gemu.add_fault(Fault(kind="fail_operation", method="PATCH"))
    op = call("PATCH", f"{gemu.url}{GADGET}?updateMask=size", {"size": 7}).body
    assert poll_until_done(gemu, op)["error"]["code"] == 13  # INTERNAL by default
    assert call("GET", gemu.url + GADGET).body["size"] == 3  # the update was rolled back


def test_delay_and_drop_faults(gemu: Emulator) -> None:
    gemu.add_fault(Fault(kind="drop", method="GET", path="/operations/"))
    op = call("POST", f"{gemu.url}{GADGETS}?gadgetId=g1", gadget()).body
    with pytest.raises(OSError):
        call("GET", f"{gemu.url}/v1/{op['name']}")
    gemu.add_fault(Fault(kind="delay", delay=0.05, method="GET"))
    assert poll_until_done(gemu, op)["done"] is True
    assert [r.fault for r in gemu.calls("GET", "/operations/")][:2] == ["drop", "delay"]


# ---------------------------------------------------------------------- control API


def test_control_api_lists_and_deletes_behind_the_clients_back(gemu: Emulator) -> None:
    create_gadget(gemu)
    listed = call("GET", f"{gemu.url}/_emulator/resources?type=google_gadgets_gadget").body
    (item,) = listed["resources"]
    assert item["id"] == "projects/p1/locations/l1/gadgets/g1"
    assert item["type"] == "gadgets.googleapis.com/Gadget"
    types = {
        t["resource_type"]: t for t in call("GET", f"{gemu.url}/_emulator").body["resource_types"]
    }
    assert types["google_gadgets_gadget"]["async"] is True
    assert types["google_gadgets_gizmo"]["async"] is False
    gone = call("DELETE", f"{gemu.url}/_emulator/resources?id={item['id']}")
    assert gone.status == 200
    assert_google_error(call("GET", gemu.url + GADGET), 404, "NOT_FOUND")
    log = call("GET", f"{gemu.url}/_emulator/log").body["requests"]
    assert {r["resource_type"] for r in log} == {"google_gadgets_gadget"}


def test_a_self_link_the_server_names_is_the_collection_and_the_id(gemu: Emulator) -> None:
    # `self_link: {{name}}` with `name` output-only: the server names the object after the
    # create URL's collection and the id its query gives (Service Directory namespaces).
    spaces = "/v1/projects/p1/locations/l1/spaces"
    created = call("POST", f"{gemu.url}{spaces}?spaceId=s1", {"note": "a"})
    assert created.status == 200, created
    assert created.body["name"] == "projects/p1/locations/l1/spaces/s1"
    read = call("GET", f"{gemu.url}/v1/{created.body['name']}")
    assert read.status == 200 and read.body["note"] == "a"
    patched = call("PATCH", f"{gemu.url}{spaces}/s1?updateMask=note", {"note": "b"})
    assert patched.status == 200 and patched.body["note"] == "b"
    assert call("DELETE", f"{gemu.url}{spaces}/s1").status == 200
    assert_google_error(call("GET", f"{gemu.url}{spaces}/s1"), 404, "NOT_FOUND")
