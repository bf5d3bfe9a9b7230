from __future__ import annotations

import dataclasses
from copy import deepcopy
from typing import Any

import mmgen_runtime_sample as sample
from mmgen_runtime.plan import plan_state, replace_paths
from rt_helpers import block, configure, decode, full_config, new_servicer, path_of, plan
from tf.gen import tfplugin_pb2 as pb
from tf.types import Unknown
from tf.utils import to_dynamic_value

ID = "/subscriptions/sub-1/resourceGroups/rg1/providers/Test.Widgets/widgets/alpha"


def _config() -> dict[str, Any]:
    mounts = [block(sample.MOUNT.children, path="/data"), block(sample.MOUNT.children, path="/b")]
    nodes = [
        block(sample.NODE.children, name="n0"),
        block(sample.NODE.children, name="n1", disk_size=50, mount=mounts),
    ]
    return full_config(
        cluster=block(sample.CLUSTER.children, version="1.2", node=nodes),
        rule=[block(sample.RULE.children, port=22, source={"cidr": "10.0.0.0/8"})],
    )


def _servicer() -> Any:
    servicer = new_servicer()
    configure(servicer, "http://127.0.0.1:9")
    return servicer


def _applied(planned: dict[str, Any]) -> dict[str, Any]:
    """What a successful apply would store: unknowns resolved."""
    state = deepcopy(planned)
    state.update(etag="e1", provisioning_state="Succeeded", tier="basic")
    state["status"] = {"phase": "Running", "ready": True}
    state["cluster"]["endpoint"] = "https://x"
    for node in state["cluster"]["node"]:
        for m, mount in enumerate(node["mount"]):
            mount["mount_id"] = f"m{m}"
    return state


def test_create_plan_marks_computed_unknown_at_every_depth_and_fills_defaults() -> None:
    resp = plan(_servicer(), None, _config())
    assert not resp.diagnostics
    planned = decode(resp.planned_state)
    assert planned["id"] == ID  # all id inputs known: the id is planned, not unknown
    for key in ("etag", "provisioning_state", "status", "tier"):
        assert planned[key] is Unknown, key
    assert planned["size"] == 3
    assert planned["password"] is None and planned["ratio"] is None
    cluster = planned["cluster"]
    assert cluster["endpoint"] is Unknown
    assert cluster["node"][0]["disk_size"] == 30
    assert cluster["node"][1]["disk_size"] == 50
    mount = cluster["node"][1]["mount"][0]
    assert mount["mount_id"] is Unknown and mount["read_only"] is False
    assert planned["rule"][0]["protocol"] == "tcp"
    assert list(resp.requires_replace) == []


def test_update_without_changes_is_a_no_op() -> None:
    servicer = _servicer()
    prior = _applied(decode(plan(servicer, None, _config()).planned_state))
    resp = plan(servicer, prior, _config())
    assert decode(resp.planned_state) == prior
    assert list(resp.requires_replace) == []


def test_nested_forces_new_reports_indexed_replace_path() -> None:
    servicer = _servicer()
    prior = _applied(decode(plan(servicer, None, _config()).planned_state))
    config = _config()
    config["cluster"]["node"][1]["mount"][1]["path"] = "/changed"
    resp = plan(servicer, prior, config)
    assert [path_of(p) for p in resp.requires_replace] == [
        ["cluster", "node", 1, "mount", 1, "path"]
    ]
    planned = decode(resp.planned_state)
    # an update can change computed values: they are unknown again, at every depth
    assert planned["etag"] is Unknown
    assert planned["cluster"]["endpoint"] is Unknown
    assert planned["cluster"]["node"][1]["mount"][0]["mount_id"] is Unknown
    assert planned["tier"] == "basic"  # optional+computed keeps its prior value
    assert planned["id"] == ID


def test_in_place_changes_do_not_force_replacement() -> None:
    servicer = _servicer()
    prior = _applied(decode(plan(servicer, None, _config()).planned_state))
    config = _config()
    config["size"] = 7
    config["cluster"]["node"][0]["disk_size"] = 99
    resp = plan(servicer, prior, config)
    assert list(resp.requires_replace) == []
    assert decode(resp.planned_state)["size"] == 7


def test_set_block_and_top_level_forces_new() -> None:
    servicer = _servicer()
    prior = _applied(decode(plan(servicer, None, _config()).planned_state))
    config = _config()
    config["rule"][0]["port"] = 2222
    config["location"] = "northeurope"
    paths = sorted(path_of(p) for p in plan(servicer, prior, config).requires_replace)
    assert paths == [["location"], ["rule"]]
    # changing a non-forcing attribute inside the set does not replace
    config = _config()
    config["rule"][0]["protocol"] = "udp"
    assert list(plan(servicer, prior, config).requires_replace) == []


def test_adding_a_list_element_with_forcing_children_replaces_by_index() -> None:
    servicer = _servicer()
    prior = _applied(decode(plan(servicer, None, _config()).planned_state))
    config = _config()
    config["cluster"]["node"][0]["mount"] = [block(sample.MOUNT.children, path="/new")]
    paths = [path_of(p) for p in plan(servicer, prior, config).requires_replace]
    assert paths == [["cluster", "node", 0, "mount", 0]]


def test_removing_a_default_resets_it() -> None:
    servicer = _servicer()
    config = _config()
    config["size"] = 9
    prior = _applied(decode(plan(servicer, None, config).planned_state))
    assert decode(plan(servicer, prior, _config()).planned_state)["size"] == 3


def test_immutable_resource_replaces_on_any_argument_change() -> None:
    spec = dataclasses.replace(sample.SPEC, immutable=True)
    config = _config()
    prior = _applied(plan_state(spec, None, config, config, ID))
    changed = deepcopy(prior)
    changed["size"] = 4
    changed["cluster"]["node"][0]["disk_size"] = 31
    paths = replace_paths(spec, prior, changed)
    assert sorted(map(str, paths)) == sorted(
        map(str, [["size"], ["cluster", "node", (0,), "disk_size"]])
    )
    no_update = dataclasses.replace(sample.SPEC, update_verb=None)
    assert replace_paths(no_update, prior, changed) == paths
    # computed values and timeouts never force replacement
    only_computed = deepcopy(prior)
    only_computed["etag"] = "other"
    only_computed["timeouts"] = {"create": "1m", "read": None, "update": None, "delete": None}
    assert replace_paths(spec, prior, only_computed) == []


def test_destroy_plan_is_accepted() -> None:
    servicer = _servicer()
    prior = _applied(decode(plan(servicer, None, _config()).planned_state))
    resp = servicer.PlanResourceChange(
        pb.PlanResourceChange.Request(
            type_name="mmtest_widget",
            prior_state=to_dynamic_value(prior),
            proposed_new_state=to_dynamic_value(None),
            config=to_dynamic_value(None),
        ),
        None,
    )
    assert list(resp.diagnostics) == []
    assert decode(resp.planned_state) is None
