"""Request checks: api-version, body against the model, errors naming the field by API path."""

from __future__ import annotations

from typing import Any

import pytest
from emu_helpers import JOB, JOB_V, KITCHEN_V, OVEN, SINK, call, job_body, sink_body

from generator.emulator import Emulator


def put_sink(emu: Emulator, body: Any, name: str = "s1") -> Any:
    return call("PUT", emu.url + SINK.format(name) + KITCHEN_V, body)


def test_api_version_is_required_and_checked(emu: Emulator) -> None:
    missing = call("PUT", emu.url + SINK.format("s1"), sink_body())
    assert missing.status == 400 and missing.error["code"] == "MissingApiVersionParameter"
    wrong = call("GET", emu.url + JOB.format("j1") + "?api-version=2018-05-01")
    assert wrong.status == 400 and wrong.error["code"] == "InvalidApiVersionParameter"
    assert "2018-03-01" in wrong.error["message"]
    assert emu.resources() == []


@pytest.mark.parametrize(
    "props, path, code",
    [
        ({"depth": "deep"}, "properties.depth", "InvalidPropertyType"),
        ({"depth": 0}, "properties.depth", "InvalidPropertyValue"),
        ({"depth": 2.5}, "properties.depth", "InvalidPropertyType"),
        ({"ratio": 2.0}, "properties.ratio", "InvalidPropertyValue"),
        ({"enabled": "yes"}, "properties.enabled", "InvalidPropertyType"),
        ({"finish": "Gold"}, "properties.finish", "InvalidPropertyValue"),
        ({"zones": ["1", "9"]}, "properties.zones[1]", "InvalidPropertyValue"),
        ({"aliases": list("abcdef")}, "properties.aliases", "InvalidPropertyValue"),
        ({"aliases": "a"}, "properties.aliases", "InvalidPropertyType"),
        ({"limits": {"cups": "x"}}, "properties.limits.cups", "InvalidPropertyType"),
        ({"labels": {str(i): "v" for i in range(11)}}, "properties.labels", "InvalidPropertyValue"),
        ({"installedAt": "yesterday"}, "properties.installedAt", "InvalidPropertyValue"),
        (
            {"faucet": {"handle": {}}},
            "properties.faucet.handle.material",
            "MissingRequiredProperty",
        ),
        ({"faucet": []}, "properties.faucet", "InvalidPropertyType"),
        ({"filters": [{"kind": "sand"}]}, "properties.filters[0].kind", "InvalidPropertyValue"),
        ({"filters": [{"kind": "mesh"}] * 4}, "properties.filters", "InvalidPropertyValue"),
        (
            {"drains": [{"size": 1, "colour": "red"}]},
            "properties.drains[0].colour",
            "UnknownProperty",
        ),
        ({"nodeCount": 1}, "properties.nodeCount", "UnknownProperty"),
    ],
)
def test_invalid_bodies_name_the_field(
    emu: Emulator, props: dict[str, Any], path: str, code: str
) -> None:
    emu.config.lenient_hooks = False  # the sink's hooks would make unknown fields welcome
    resp = put_sink(emu, sink_body(**props))
    assert resp.status == 400, resp
    assert resp.error["target"] == path and resp.error["code"] == code
    assert f"`{path}`" in resp.error["message"]
    assert emu.resources() == [] and emu.calls("PUT", applied=True) == []


def test_missing_required_fields_are_all_reported(emu: Emulator) -> None:
    resp = call("PUT", emu.url + JOB.format("j1") + JOB_V, {"properties": {"nodeCount": 0}})
    assert resp.status == 400
    targets = sorted(d["target"] for d in resp.error["details"])
    assert targets == [
        "location",
        "properties.cluster.id",
        "properties.nodeCount",  # 0 < minimum 1
        "properties.stdOutErrPathPrefix",
    ]


def test_url_parameters_are_validated(emu: Emulator) -> None:
    resp = put_sink(emu, sink_body(), name="Not_Valid")
    assert resp.status == 400 and resp.error["target"] == "name"


def test_malformed_json_and_non_objects(emu: Emulator) -> None:
    bad = call("PUT", emu.url + SINK.format("s1") + KITCHEN_V, raw=b"{nope")
    assert bad.status == 400 and bad.error["code"] == "InvalidRequestContent"
    listy = put_sink(emu, [1, 2])
    assert listy.status == 400 and listy.error["code"] == "InvalidRequestContent"


def test_read_only_fields_sent_by_the_client_are_ignored(emu: Emulator) -> None:
    body = sink_body(fingerprint="client-made", provisioningState="Bogus")
    body.update(id="/x", name="other", type="Other/type")
    resp = put_sink(emu, body)
    assert resp.status == 201
    assert resp.body["id"] == SINK.format("s1") and resp.body["name"] == "s1"
    assert resp.body["type"] == "Kitchen/sinks"
    assert resp.body["properties"]["fingerprint"] != "client-made"
    assert resp.body["properties"]["provisioningState"] == "Succeeded"
    assert "fingerprint" not in emu.resources()[0]["body"]["properties"]


def test_server_values_and_write_only_fields(emu: Emulator) -> None:
    creds = {"username": "u", "password": "p"}
    body = job_body(containerSettings={"imageSourceRegistry": {"image": "x", "credentials": creds}})
    assert call("PUT", emu.url + JOB.format("j1") + JOB_V, body).status == 201
    got = call("GET", emu.url + JOB.format("j1") + JOB_V).body
    props = got["properties"]
    assert got["type"] == "Microsoft.BatchAI/jobs" and got["name"] == "j1"
    assert props["executionState"] == "queued" and props["toolType"] == "cntk"
    assert props["creationTime"].endswith("Z")
    assert props["jobOutputDirectoryPathSegment"] == "j1-job-output-directory-path-segment"
    assert props["executionInfo"]["errors"] == [] and props["executionInfo"]["exitCode"] == 0
    assert props["constraints"]["maxWallClockTime"]  # optional+computed left out
    assert props["containerSettings"]["imageSourceRegistry"]["credentials"] == {"username": "u"}
    stored = emu.resource(JOB.format("j1"))
    assert stored is not None
    stored_creds = stored["body"]["properties"]["containerSettings"]["imageSourceRegistry"]
    assert stored_creds["credentials"]["password"] == "p"


def test_client_values_win_over_server_defaults(emu: Emulator) -> None:
    resp = put_sink(emu, sink_body(state="mine", faucet={"hot": True, "handle": {"material": "b"}}))
    props = resp.body["properties"]
    assert props["state"] == "mine" and props["faucet"]["handle"] == {"material": "b", "wear": 0}
    assert "nickname" not in props  # optional, not computed: never made up


def test_unknown_fields_policy(emu: Emulator) -> None:
    # the sink has a before_create hook: unknown fields are accepted (lenient_hooks)
    assert put_sink(emu, sink_body(createdBy="mmgen")).body["properties"]["createdBy"] == "mmgen"
    emu.config.lenient_hooks = False
    refused = put_sink(emu, sink_body(createdBy="mmgen"), name="s2")
    assert refused.status == 400 and refused.error["target"] == "properties.createdBy"
    # the oven has no hooks; an explicit extra field is accepted
    oven = {"properties": {"temperature": 180, "colour": "red"}}
    refused = call("PUT", emu.url + OVEN.format("o1") + KITCHEN_V, oven)
    assert refused.status == 400 and refused.error["target"] == "properties.colour"
    emu.config.extra_fields = ("kitchen_oven:properties.colour",)
    assert call("PUT", emu.url + OVEN.format("o1") + KITCHEN_V, oven).status == 201


def test_patch_merges_and_validates(emu: Emulator) -> None:
    url = emu.url + SINK.format("s1") + KITCHEN_V
    assert call("PATCH", url, {"properties": {"depth": 5}}).status == 404
    first = put_sink(emu, sink_body(nickname="n", tags=None))
    patched = call("PATCH", url, {"properties": {"depth": 50, "nickname": None}})
    assert patched.status == 200
    props = patched.body["properties"]
    assert props["depth"] == 50 and "nickname" not in props and props["finish"] == "Steel"
    assert props["fingerprint"] != first.body["properties"]["fingerprint"]
    assert call("PATCH", url, {"properties": {"depth": 500}}).error["target"] == "properties.depth"
    assert call("PATCH", url, {"location": None}).error["target"] == "location"  # required
    oven_url = emu.url + OVEN.format("o1") + KITCHEN_V
    assert call("PATCH", oven_url, {"properties": {"temperature": 1}}).status == 405


def test_unknown_paths_and_methods(emu: Emulator) -> None:
    assert call("GET", emu.url + "/nothing/here").error["code"] == "InvalidResourceType"
    assert call("POST", emu.url + SINK.format("s1") + KITCHEN_V, {}).status == 405
    assert call("GET", emu.url + SINK.format("s1") + KITCHEN_V).error["code"] == "ResourceNotFound"


def test_literal_segments_are_case_insensitive(emu: Emulator) -> None:
    assert put_sink(emu, sink_body()).status == 201
    upper = (
        SINK.format("s1").replace("/subscriptions/", "/SUBSCRIPTIONS/").replace("sinks", "Sinks")
    )
    got = call("GET", emu.url + upper + KITCHEN_V)
    assert got.status == 200 and got.body["id"] == SINK.format("s1")


def test_an_omit_empty_required_field_may_be_left_out() -> None:
    """Magic Modules' clients leave zeros (0, false) of fields without `send_empty_value`
    out of bodies, required ones too: Google APIs read absent as zero. A string is not."""
    from generator.emulator.shapes import build_shape, required_paths
    from generator.model.nodes import Presence, Property, Type, TypeKind

    integer = Type(TypeKind.INTEGER)
    shape = build_shape(
        (
            Property("slots", integer, "slotCapacity", presence=Presence.REQUIRED, omit_empty=True),
            Property("size", integer, "size", presence=Presence.REQUIRED),
            Property(
                "title", Type(TypeKind.STRING), "title", presence=Presence.REQUIRED, omit_empty=True
            ),
        )
    )
    assert list(required_paths(shape, {}, "")) == ["size", "title"]
