from __future__ import annotations

import json
from typing import Any

import mmgen_runtime_sample as sample
from hypothesis import given, settings
from hypothesis import strategies as st
from mmgen_runtime.convert import expand, flatten
from mmgen_runtime.resource import conform
from mmgen_runtime.spec import Field
from mmgen_runtime.tfschema import is_block

FIELDS = sample.SPEC.fields

_PRIMITIVES: dict[str, Any] = {
    "string": st.text(max_size=8),
    "integer": st.integers(min_value=-(2**40), max_value=2**40),
    "number": st.floats(allow_nan=False, allow_infinity=False, width=64),
    "bool": st.booleans(),
}


def _value(f: Field) -> st.SearchStrategy[Any]:
    """Random valid Terraform value of a field, as it would sit in state."""
    if f.is_computed_only:
        return st.none()  # never sent, so absent after a round trip
    if is_block(f):
        obj = _object(f.children)
        if f.kind == "single":
            return st.none() | obj
        return st.lists(obj, max_size=2)
    element = _PRIMITIVES[f.element_kind or "string"]
    if f.kind == "map":
        return st.none() | st.dictionaries(st.text(max_size=4), element, max_size=3)
    if f.kind == "list":
        return st.none() | st.lists(element, max_size=3)
    if f.kind == "set":
        return st.none() | st.lists(element, max_size=3, unique=True)
    return st.none() | _PRIMITIVES[f.kind]


def _object(fields: tuple[Field, ...]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({f.name: _value(f) for f in fields})


@settings(max_examples=150, deadline=None)
@given(_object(FIELDS))
def test_flatten_of_expand_is_identity(state: dict[str, Any]) -> None:
    api = json.loads(json.dumps(expand(FIELDS, state)))  # through real JSON, like the wire
    assert conform(FIELDS, flatten(FIELDS, api, prior=state)) == state


def test_expand_follows_api_paths_and_skips_what_is_not_sent() -> None:
    state = conform(
        FIELDS,
        {
            "name": "alpha",
            "location": "westeurope",
            "size": 2,
            "password": "pw",
            "etag": "server-owned",
            "sku_name": "S1",
            "sku_capacity": 2,
            "cluster": {
                "version": "1",
                "endpoint": "server-owned",
                "node": [{"name": "n", "mount": [{"path": "/a", "read_only": True}]}],
            },
            "rule": [{"port": 22, "protocol": "tcp", "source": {"cidr": "1.2.3.4/32"}}],
        },
    )
    body = expand(FIELDS, state)
    assert body == {
        "location": "westeurope",
        "sku": {"name": "S1", "capacity": 2},
        "properties": {
            "size": 2,
            "password": "pw",
            "cluster": {
                "version": "1",
                "nodes": [{"name": "n", "mounts": [{"path": "/a", "readOnly": True}]}],
            },
            "rules": [{"port": 22, "protocol": "tcp", "source": {"cidr": "1.2.3.4/32"}}],
        },
    }


def test_flatten_fills_every_key_keeps_write_only_and_reads_computed() -> None:
    prior = conform(FIELDS, {"name": "alpha", "resource_group": "rg", "password": "pw"})
    api = {
        "location": "x",
        "etag": "e",
        "properties": {
            "password": "never-returned-but-ignored",
            "provisioningState": "Succeeded",
            "status": {"phase": "Running"},
            "size": "4",  # loose API types are coerced to the field kind
            "cluster": {"version": "2", "endpoint": "ep", "nodes": [{"name": "n", "mounts": []}]},
        },
    }
    state = flatten(FIELDS, api, prior)
    assert set(state) == {f.name for f in FIELDS}
    assert state["password"] == "pw" and state["name"] == "alpha"
    assert state["size"] == 4 and state["etag"] == "e"
    assert state["status"] == {"phase": "Running", "ready": None}
    node = state["cluster"]["node"][0]
    assert node["mount"] == [] and node["disk_size"] is None and node["secret_ref"] is None
    assert state["rule"] == [] and state["network"] is None and state["tags"] is None


def test_empty_collections_follow_the_prior_state() -> None:
    tags = next(f for f in FIELDS if f.name == "tags")
    prior_null = {"tags": None}
    assert flatten((tags,), {"tags": {}}, prior_null) == {"tags": None}
    assert flatten((tags,), {}, {"tags": {}}) == {"tags": {}}
    assert flatten((tags,), {"tags": {"a": "b"}}, prior_null) == {"tags": {"a": "b"}}


def test_custom_expand_and_flatten_by_dotted_path() -> None:
    state = conform(FIELDS, {"cluster": {"version": "1.2", "node": []}})
    custom_expand = {"cluster.version": lambda value, root: "v" + value}
    body = expand(FIELDS, state, custom_expand)
    assert body["properties"]["cluster"]["version"] == "v1.2"
    custom_flatten = {"cluster.version": lambda value, api_root: value.removeprefix("v")}
    back = flatten(FIELDS, body, state, custom_flatten)
    assert back["cluster"]["version"] == "1.2"
