from __future__ import annotations

from typing import Any

import mmgen_runtime_sample as sample
from rt_helpers import block, errors, full_config, new_servicer, path_of, validate
from tf.gen import tfplugin_pb2 as pb
from tf.types import Unknown

NODE_FIELDS = sample.NODE.children
MOUNT_FIELDS = sample.MOUNT.children


def _cluster(*nodes: dict[str, Any]) -> dict[str, Any]:
    return block(sample.CLUSTER.children, version="1", node=list(nodes))


def _node(**values: Any) -> dict[str, Any]:
    return block(NODE_FIELDS, **{"name": "node", **values})


def _error_paths(config: dict[str, Any]) -> list[tuple[list[Any], str]]:
    return [(path_of(d.attribute), d.detail) for d in errors(validate(new_servicer(), config))]


def test_valid_config_has_no_diagnostics() -> None:
    config = full_config(
        tier="basic",
        labels=["a", "b"],
        ports=[80, 443],
        cluster=_cluster(_node(mount=[block(MOUNT_FIELDS, path="/x")])),
        rule=[block(sample.RULE.children, port=22, source={"cidr": "10.0.0.0/8"})],
        network=block(sample.NETWORK.children, subnet_id="s"),
        timeouts={"create": "1h5m", "read": "30s", "update": None, "delete": "10m"},
    )
    assert validate(new_servicer(), config) == []


def test_enum_regex_length_and_range_paths() -> None:
    found = _error_paths(full_config(tier="gold", name="Bad_Name", size=11, ports=[80, 0]))
    paths = [p for p, _ in found]
    assert ["tier"] in paths
    assert ["name"] in paths
    assert ["size"] in paths
    assert ["ports", 1] in paths  # element of a list of primitives, by index
    assert any("'gold'" in d for _, d in found)


def test_nested_paths_carry_list_indexes() -> None:
    config = full_config(
        cluster=_cluster(_node(), _node(name="x", disk_size=5)),
    )
    found = _error_paths(config)
    assert (["cluster", "node", 1, "name"], "Length must be at least 2, got 1.") in found
    assert ["cluster", "node", 1, "disk_size"] in [p for p, _ in found]


def test_set_elements_are_addressed_by_the_set_path() -> None:
    rule = block(sample.RULE.children, port=70000, source={"cidr": "nope"})
    found = [p for p, _ in _error_paths(full_config(rule=[rule]))]
    assert ["rule", "port"] in found
    assert ["rule", "source", "cidr"] in found


def test_item_counts() -> None:
    found = [p for p, _ in _error_paths(full_config(labels=["a", "b", "c", "d"]))]
    assert ["labels"] in found
    nodes = [_node(name=f"n{i}") for i in range(5)]
    found = [p for p, _ in _error_paths(full_config(cluster=_cluster(*nodes)))]
    assert ["cluster", "node"] in found


def test_conflicts_with_within_the_same_list_element() -> None:
    ok = full_config(cluster=_cluster(_node(secret_value="v"), _node(secret_ref="r")))
    assert _error_paths(ok) == []
    bad = full_config(cluster=_cluster(_node(), _node(secret_value="v", secret_ref="r")))
    paths = [p for p, _ in _error_paths(bad)]
    assert ["cluster", "node", 1, "secret_value"] in paths
    assert ["cluster", "node", 1, "secret_ref"] in paths


def test_exactly_one_of() -> None:
    none_set = full_config(cert_url=None)
    found = _error_paths(none_set)
    assert len(found) == 1 and "Exactly one of cert_pem, cert_url" in found[0][1]
    both = full_config(cert_pem="pem")
    assert len(_error_paths(both)) == 1
    unknown = full_config(cert_url=Unknown)
    assert _error_paths(unknown) == []


def test_at_least_one_of_and_required_with() -> None:
    empty_network = full_config(network=block(sample.NETWORK.children))
    found = _error_paths(empty_network)
    assert len(found) == 1 and found[0][0][0] == "network"
    assert _error_paths(full_config(network=block(sample.NETWORK.children, vnet_name="v"))) == []
    found = _error_paths(full_config(sku_capacity=2))
    assert found == [(["sku_capacity"], '"sku_capacity" requires "sku_name" to be specified too.')]
    assert _error_paths(full_config(sku_capacity=2, sku_name="S1")) == []


def test_unknown_values_are_skipped() -> None:
    config = full_config(
        tier=Unknown,
        name=Unknown,
        size=Unknown,
        labels=Unknown,
        cluster=_cluster(_node(name=Unknown, disk_size=Unknown)),
        rule=Unknown,
    )
    assert _error_paths(config) == []


def test_deprecation_warning_and_bad_timeout() -> None:
    diags = validate(
        new_servicer(), full_config(legacy_mode="x", timeouts={"create": "soon", "read": None})
    )
    warnings = [d for d in diags if d.severity == pb.Diagnostic.WARNING]
    assert [path_of(w.attribute) for w in warnings] == [["legacy_mode"]]
    assert [path_of(e.attribute) for e in errors(diags)] == [["timeouts", "create"]]


def test_fractional_numbers_arrive_as_decimal_strings() -> None:
    # Terraform's msgpack encodes non-integral numbers as strings: still validated as numbers.
    found = [p for p, _ in _error_paths(full_config(size="12"))]
    assert found == [["size"]]
    assert _error_paths(full_config(ratio="0.25")) == []


def test_an_optional_blocks_minimum_holds_only_where_it_is_written() -> None:
    # mmv1's `min_size` on an optional block (EdgeCacheKeyset's validation_shared_keys):
    # not in Terraform's schema, which would demand the block, but checked when written.
    from dataclasses import replace

    from mmgen_runtime.spec import ResourceSpec
    from mmgen_runtime.tfschema import build_block
    from mmgen_runtime.validate import validate_config
    from tf.utils import Diagnostics

    node = replace(sample.NODE, min_items=2)
    required = replace(node, presence="required")
    assert build_block(node).min_items in (None, 0)
    assert build_block(required).min_items == 2
    spec = ResourceSpec("mmtest_thing", (node,), "things/{name}")

    def found(nodes: list[dict[str, Any]]) -> list[str]:
        diags = Diagnostics()
        validate_config(spec, {"node": nodes, "timeouts": None}, diags)
        return [d.detail for d in diags.diagnostics]

    assert found([]) == []
    assert found([_node(), _node()]) == []
    assert found([_node()]) == ["node needs at least 2 item(s), got 1."]
