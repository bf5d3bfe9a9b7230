"""The generated Batch AI provider: its full schema against the spec, and CRUD over ARM LROs."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fn_helpers import SUBSCRIPTION, Driver, decode, errors, path_of
from tf.gen import tfplugin_pb2 as pb

from generator.api import validate_paths
from generator.emulator import Emulator, Fault
from generator.emulator.shapes import is_rfc3339
from generator.model.nodes import STRING_MAP_KINDS, Presence, Property, Resource, Type, TypeKind

SPECS = Path(__file__).resolve().parents[2] / "specs"
TYPE = "azurerm_batch_ai_job"
JOB_ID = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/rg-1/providers/Microsoft.BatchAI/jobs/{{}}"
CLUSTER = (
    f"/subscriptions/{SUBSCRIPTION}/resourceGroups/rg-1/providers/Microsoft.BatchAI/clusters/c1"
)
Nesting = pb.Schema.NestedBlock


@pytest.fixture(scope="module")
def model() -> Resource:
    report = validate_paths([str(SPECS)])
    assert report.errors == []
    return next(r for p in report.products for r in p.resources if r.terraform_name == TYPE)


@pytest.fixture
def job(batchai_modules: dict[str, ModuleType], emulator: Emulator) -> Driver:
    driver = Driver(batchai_modules, TYPE)
    assert driver.configure(emulator.url) == []
    return driver


# ---------------------------------------------------------------------- schema


def expected_type(t: Type) -> Any:
    if t.kind.is_string_like:
        return "string"
    if t.kind in (TypeKind.INTEGER, TypeKind.DOUBLE):
        return "number"
    if t.kind is TypeKind.BOOLEAN:
        return "bool"
    if t.kind in STRING_MAP_KINDS:
        return ["map", "string"]
    if t.kind is TypeKind.MAP:
        assert t.value is not None
        return ["map", expected_type(t.value)]
    if t.kind is TypeKind.ARRAY:
        assert t.item is not None
        return ["set" if t.is_set else "list", expected_type(t.item)]
    assert t.kind is TypeKind.NESTED_OBJECT
    return ["object", {p.name: expected_type(p.type) for p in t.properties}]


def check_members(props: tuple[Property, ...], block: Any, where: str, seen: list[str]) -> None:
    attrs = {a.name: a for a in block.attributes}
    blocks = {b.type_name: b for b in block.block_types}
    for p in props:
        path = f"{where}{p.name}"
        seen.append(path)
        if p.type.is_block and p.presence is not Presence.COMPUTED:
            assert p.name in blocks and p.name not in attrs, f"{path} should be a block"
            nested = blocks.pop(p.name)
            required = p.presence is Presence.REQUIRED
            if p.type.kind is TypeKind.NESTED_OBJECT:
                assert nested.nesting == Nesting.SINGLE, path
                assert (nested.min_items, nested.max_items) == ((1, 1) if required else (0, 0))
            else:
                mode = Nesting.SET if p.type.is_set else Nesting.LIST
                assert nested.nesting == mode, path
                low = p.validation.min_items
                assert nested.min_items == (low if low is not None else int(required)), path
                assert nested.max_items == (p.validation.max_items or 0), path
            assert nested.block.description == p.description, path
            check_members(p.type.nested_properties, nested.block, f"{path}.", seen)
            continue
        assert p.name in attrs, f"{path} missing from the schema"
        a = attrs.pop(p.name)
        required = p.presence is Presence.REQUIRED and p.default is None
        flags = (a.required, a.optional, a.computed, a.sensitive)
        want = (
            required,
            not required and p.presence is not Presence.COMPUTED,
            p.presence.computed or p.default is not None,
            p.sensitive,
        )
        assert flags == want, f"{path}: (required, optional, computed, sensitive) {flags} != {want}"
        assert json.loads(a.type) == expected_type(p.type), path
        assert a.description == p.description, path
        assert a.deprecated == bool(p.deprecation), path
    if where == "":
        assert set(blocks) == {"timeouts"}
        timeouts = blocks.pop("timeouts")
        assert timeouts.nesting == Nesting.SINGLE
        assert sorted(a.name for a in timeouts.block.attributes) == [
            "create",
            "delete",
            "read",
            "update",
        ]
    assert attrs == {} and blocks == {}, f"{where or 'schema'}: not in the spec: {attrs} {blocks}"


def test_full_schema_matches_the_spec(job: Driver, model: Resource) -> None:
    schema = job.schema()
    assert schema.version == model.schema_version == 0
    assert schema.block.description == model.description
    seen: list[str] = []
    check_members(model.properties, schema.block, "", seen)
    # every depth was visited, down to execution_info.errors.details.value (an attribute of
    # a computed object) and container_settings...password_secret_reference.secret_url
    assert "container_settings.image_source_registry.credentials.password" in seen
    assert "mount_volumes.azure_file_shares.credentials.account_key_secret_reference" in seen
    assert len(seen) > 90


# ---------------------------------------------------------------------- CRUD


def job_config(d: Driver, name: str = "job-1", **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = dict(
        name=name,
        resource_group="rg-1",
        location="eastus",
        cluster_id=CLUSTER,
        node_count=1,
        std_out_err_path_prefix="$AZ_BATCHAI_MOUNT_ROOT/azfiles",
        custom_toolkit_settings=d.block("custom_toolkit_settings", command_line="echo hi"),
        input_directories=[d.block("input_directories", id="INPUT", path="$AZ/input")],
        output_directories=[
            d.block("output_directories", id="OUT", path_prefix="$AZ/", path_suffix="files")
        ],
        container_settings=d.block(
            "container_settings",
            image_source_registry=d.block(
                "container_settings.image_source_registry",
                image="ubuntu",
                credentials=d.block(
                    "container_settings.image_source_registry.credentials",
                    username="u",
                    password="registry-secret",
                ),
            ),
        ),
        tags={"env": "test"},
    )
    values.update(overrides)
    return d.config(**values)


def create(d: Driver, config: dict[str, Any]) -> dict[str, Any]:
    assert errors(d.validate(config)) == []
    _, applied = d.create(config)
    assert list(applied.diagnostics) == []
    state: dict[str, Any] = decode(applied.new_state)
    return state


def test_lifecycle_with_long_running_operations(job: Driver, emulator: Emulator) -> None:
    config = job_config(job)
    state = create(job, config)
    rid = JOB_ID.format("job-1")
    assert state["id"] == rid and state["type"] == "Microsoft.BatchAI/jobs"
    assert state["provisioning_state"] == "Succeeded" and state["execution_state"] == "queued"
    assert is_rfc3339(state["creation_time"])
    assert state["job_output_directory_path_segment"] == "job-1-job-output-directory-path-segment"
    # optional+computed block left out of the configuration: the server fills it, but a block
    # the plan had absent must stay absent in state (Terraform: "was absent, but now present")
    assert state["constraints"] is None
    assert state["execution_info"]["exit_code"] == 0
    assert state["priority"] == 0 and state["output_directories"][0]["type"] == "custom"
    creds = state["container_settings"]["image_source_registry"]["credentials"]
    assert creds["password"] == "registry-secret"  # write-only: kept from the plan
    stored = emulator.resource(rid)
    assert stored is not None and stored["provisioning_state"] == "Succeeded"
    sent = stored["body"]["properties"]["containerSettings"]["imageSourceRegistry"]["credentials"]
    answered = stored["response"]["properties"]["containerSettings"]["imageSourceRegistry"]
    assert sent["password"] == "registry-secret" and "password" not in answered["credentials"]
    server_constraints = stored["response"]["properties"]["constraints"]
    assert is_rfc3339(server_constraints["maxWallClockTime"])  # a name ending in `Time`
    # 201 + Azure-AsyncOperation, polled: InProgress once, then Succeeded
    assert [r.status for r in emulator.calls("PUT")] == [201]
    polls = emulator.calls("GET", "operationStatuses")
    assert len(polls) == 2

    assert decode(job.read(state).new_state) == state
    again = job.plan(state, config)
    assert list(again.requires_replace) == [] and decode(again.planned_state) == state

    # immutable: every argument forces replacement
    bigger = job.plan(state, dict(config, node_count=2))
    assert [path_of(p) for p in bigger.requires_replace] == [["node_count"]]
    cmd = job.block("custom_toolkit_settings", command_line="echo bye")
    other = job.plan(state, dict(config, custom_toolkit_settings=cmd))
    # the block itself is forces_new in the spec: its path is reported
    assert [path_of(p) for p in other.requires_replace] == [["custom_toolkit_settings"]]

    imported = job.import_(rid)
    assert list(imported.diagnostics) == []
    state_i = decode(imported.imported_resources[0].state)
    path = ("container_settings", "image_source_registry", "credentials", "password")
    assert state_i[path[0]][path[1]][path[2]][path[3]] is None  # write-only: not importable
    state_i[path[0]][path[1]][path[2]][path[3]] = "registry-secret"
    # import has no configuration to follow: it reads the server's optional+computed block
    wall_clock = server_constraints["maxWallClockTime"]
    assert state_i.pop("constraints") == {"max_wall_clock_time": wall_clock}
    state_i["constraints"] = None
    assert state_i == state

    # delete: 202 + Location, polled until done
    assert list(job.destroy(state).diagnostics) == []
    assert emulator.resources() == []
    assert [r.status for r in emulator.calls("DELETE")] == [202]
    assert [r.status for r in emulator.calls("GET", "operationResults")] == [202, 204]
    assert decode(job.read(state).new_state) is None


def test_configured_optional_computed_block_gets_server_values(
    job: Driver, emulator: Emulator
) -> None:
    config = job_config(job, name="job-c", constraints=job.block("constraints"))
    state = create(job, config)
    assert is_rfc3339(state["constraints"]["max_wall_clock_time"])
    again = job.plan(state, config)
    assert list(again.requires_replace) == [] and decode(again.planned_state) == state


def test_failed_operation_is_reported_and_tainted(job: Driver, emulator: Emulator) -> None:
    emulator.add_fault(
        Fault(kind="fail_operation", method="PUT", code="QuotaExceeded", message="no cores left")
    )
    _, applied = job.create(job_config(job, name="job-f"))
    (diag,) = errors(applied.diagnostics)
    assert "Operation Failed: QuotaExceeded" in diag.summary and diag.detail == "no cores left"
    partial = decode(applied.new_state)  # kept so Terraform taints it instead of leaking it
    assert partial is not None and partial["name"] == "job-f"
    assert emulator.resource(JOB_ID.format("job-f"))["provisioning_state"] == "Failed"
    assert list(job.destroy(partial).diagnostics) == []
    assert emulator.resources() == []


def test_throttling_and_unavailability_during_create(job: Driver, emulator: Emulator) -> None:
    emulator.set_faults(
        [
            Fault(status=429, retry_after=0, count=2, method="PUT"),
            Fault(status=503, retry_after=0, method="PUT"),
            Fault(status=503, retry_after=0, method="GET", path="operationStatuses"),
        ]
    )
    state = create(job, job_config(job, name="job-t"))
    assert [r["id"] for r in emulator.resources()] == [state["id"]]
    assert [r.status for r in emulator.calls("PUT")] == [429, 429, 503, 201]
    assert len(emulator.calls("PUT", applied=True)) == 1


def test_dropped_response_after_the_write(job: Driver, emulator: Emulator) -> None:
    # The job is created, the connection drops before the answer: the client's retry of the
    # same PUT is idempotent (200, same operation), and exactly one job exists.
    emulator.add_fault(Fault(kind="drop", method="PUT", when="after"))
    state = create(job, job_config(job, name="job-d"))
    assert [r["id"] for r in emulator.resources()] == [state["id"]]
    assert [r.status for r in emulator.calls("PUT")] == [None, 200]
    assert state["provisioning_state"] == "Succeeded"


def test_oven_lifecycle(kitchen_modules: dict[str, ModuleType], emulator: Emulator) -> None:
    oven = Driver(kitchen_modules, "kitchen_oven")
    assert oven.configure(emulator.url) == []
    config = oven.config(name="oven-1", temperature=180)
    state = create(oven, config)
    assert state["provisioning_state"] == "Succeeded"
    assert decode(oven.plan(state, config).planned_state) == state
    hotter = oven.plan(state, dict(config, temperature=200))
    assert [path_of(p) for p in hotter.requires_replace] == [["temperature"]]
    assert list(oven.destroy(state).diagnostics) == []
    assert emulator.resources() == []
