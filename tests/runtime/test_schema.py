from __future__ import annotations

import json
from typing import Any

import mmgen_runtime_sample as sample
import msgpack
import pytest
from mmgen_runtime.blocks import ListNestedBlock, SetNestedBlock, SingleNestedBlock
from mmgen_runtime.spec import Field, ResourceSpec
from mmgen_runtime.tfschema import build_schema
from rt_helpers import new_servicer
from tf.gen import tfplugin_pb2 as pb
from tf.provider import _decode_state, _encode_state
from tf.types import Unknown
from tf.utils import Diagnostics

NESTING = pb.Schema.NestedBlock.NestingMode


@pytest.fixture(scope="module")
def schema_response() -> Any:
    return new_servicer().GetProviderSchema(pb.GetProviderSchema.Request(), None)


def _attrs(block: Any) -> dict[str, Any]:
    return {a.name: a for a in block.attributes}


def _blocks(block: Any) -> dict[str, Any]:
    return {b.type_name: b for b in block.block_types}


def test_resource_schema_top_level(schema_response: Any) -> None:
    assert not schema_response.diagnostics
    schema = schema_response.resource_schemas["mmtest_widget"]
    assert schema.version == 2
    attrs = _attrs(schema.block)
    assert attrs["id"].computed and not attrs["id"].optional
    assert attrs["name"].required and not attrs["name"].computed
    # default -> optional + computed so the planned default is accepted
    assert attrs["size"].optional and attrs["size"].computed and not attrs["size"].required
    assert attrs["tier"].optional and attrs["tier"].computed
    assert attrs["etag"].computed and not attrs["etag"].optional
    assert attrs["password"].sensitive
    assert attrs["legacy_mode"].deprecated
    assert json.loads(attrs["tags"].type) == ["map", "string"]
    assert json.loads(attrs["labels"].type) == ["set", "string"]
    assert json.loads(attrs["ports"].type) == ["list", "number"]
    # computed-only nested object: rendered as an object attribute (blocks cannot be computed)
    assert json.loads(attrs["status"].type) == ["object", {"phase": "string", "ready": "bool"}]
    assert "cluster" not in attrs and "timeouts" not in attrs


def test_nested_blocks_three_deep(schema_response: Any) -> None:
    block = schema_response.resource_schemas["mmtest_widget"].block
    blocks = _blocks(block)
    cluster = blocks["cluster"]
    assert cluster.nesting == NESTING.SINGLE
    assert cluster.min_items == 0 and cluster.max_items == 0
    assert _attrs(cluster.block)["endpoint"].computed
    node = _blocks(cluster.block)["node"]
    assert node.nesting == NESTING.LIST and node.max_items == 4
    assert _attrs(node.block)["secret_value"].sensitive
    mount = _blocks(node.block)["mount"]
    assert mount.nesting == NESTING.LIST
    mount_attrs = _attrs(mount.block)
    assert mount_attrs["path"].required
    assert mount_attrs["mount_id"].computed
    assert mount_attrs["read_only"].optional and mount_attrs["read_only"].computed
    rule = blocks["rule"]
    assert rule.nesting == NESTING.SET
    assert _blocks(rule.block)["source"].nesting == NESTING.SINGLE
    timeouts = blocks["timeouts"]
    assert timeouts.nesting == NESTING.SINGLE
    assert sorted(_attrs(timeouts.block)) == ["create", "delete", "read", "update"]


def test_provider_schema(schema_response: Any) -> None:
    attrs = _attrs(schema_response.provider.block)
    assert set(attrs) == {"endpoint", "token", "subscription_id", "max_retries", "poll_interval"}
    assert attrs["token"].sensitive
    assert all(a.optional for a in attrs.values())


def test_required_single_block_has_one_item() -> None:
    spec = ResourceSpec(
        type_name="x_y",
        id_template="/y/{name}",
        fields=(
            Field("name", kind="string", presence="required", url_param_only=True),
            Field(
                "cfg",
                kind="single",
                presence="required",
                api_path=("cfg",),
                children=(Field("a", kind="string", api_path=("a",)),),
            ),
        ),
    )
    pb_schema = build_schema(spec).to_pb()
    cfg = pb_schema.block.block_types[0]
    assert (cfg.min_items, cfg.max_items) == (1, 1)


def _widget_blocks() -> tuple[dict[str, Any], dict[str, Any]]:
    schema = sample.Widget.get_schema()
    return {a.name: a for a in schema.attributes}, {b.type_name: b for b in schema.block_types}


def test_encode_decode_through_msgpack_keeps_nested_unknowns() -> None:
    attrs, blocks = _widget_blocks()
    mount = {"path": "/a", "read_only": False, "mount_id": Unknown}
    node = {
        "name": "n1",
        "disk_size": 30,
        "secret_value": None,
        "secret_ref": None,
        "mount": [mount],
    }
    state = {"cluster": {"version": "1", "endpoint": Unknown, "node": [node]}}
    dv = _encode_state(attrs, blocks, state, None)
    raw = msgpack.unpackb(dv.msgpack, strict_map_key=False, ext_hook=lambda c, d: "EXT")
    assert raw["cluster"]["endpoint"] == "EXT"
    diags = Diagnostics()
    _, decoded = _decode_state(diags, attrs, blocks, dv)
    assert not diags.diagnostics
    assert decoded["cluster"]["endpoint"] is Unknown
    assert decoded["cluster"]["node"][0]["mount"][0]["mount_id"] is Unknown


def test_semantic_equality_compares_child_blocks() -> None:
    _, blocks = _widget_blocks()
    rule: SetNestedBlock = blocks["rule"]
    a = [
        {"port": 1, "protocol": "tcp", "source": {"cidr": "10.0.0.0/8"}},
        {"port": 2, "protocol": "udp", "source": None},
    ]
    same_other_order = [a[1], a[0]]
    nested_change = [dict(a[0], source={"cidr": "10.0.0.0/16"}), a[1]]
    assert rule.semantically_equal(a, same_other_order)
    assert not rule.semantically_equal(a, nested_change)
    cluster: SingleNestedBlock = blocks["cluster"]
    base: dict[str, Any] = {
        "version": "1",
        "endpoint": "e",
        "node": [{"name": "n", "mount": [{"path": "/a"}]}],
    }
    deeper = {"version": "1", "endpoint": "e", "node": [{"name": "n", "mount": [{"path": "/b"}]}]}
    assert cluster.semantically_equal(base, base)
    assert not cluster.semantically_equal(base, deeper)
    # Unknown is never equal to a known value (would leak unknowns into applied state)
    assert not cluster.semantically_equal(base, Unknown)
    node: ListNestedBlock = cluster._bmap()["node"]
    two = [{"name": "a", "mount": []}, {"name": "b", "mount": []}]
    assert node.semantically_equal(two, list(two))
    assert not node.semantically_equal(two, list(reversed(two)))  # lists are ordered
