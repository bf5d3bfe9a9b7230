"""mmv1 `nested_query` (part of `generator.loaders.mmv1`): the resource is one entry of a
list inside its parent's read response.

Upstream's rules: `keys` is the API path to the list; the entry is found by the
resource's identity (`identity:` property names, else the property `name`); with
`is_list_of_ids` the list holds the identity value itself; with `modify_by_patch`
create/update/delete rewrite the parent's list. A `nested_query` without `keys` or
without an identity is an `mmv1-nested-query` error: the resource could never be found.
"""

from __future__ import annotations

from ...model.nodes import NestedQuery, Property
from ..yaml_source import YMap
from .reader import Mmv1Reader, key_loc, underscore

NESTED_KEYS = frozenset({"keys", "is_list_of_ids", "modify_by_patch"})
NESTED_QUERY = "mmv1-nested-query"


def nested_query(r: Mmv1Reader, m: YMap, properties: tuple[Property, ...]) -> NestedQuery | None:
    node = r.map_(m, "nested_query", "resource")
    if node is None:
        return None
    ctx = "nested_query"
    r.unsupported_keys(node, NESTED_KEYS, ctx)
    keys = r.strs(node, "keys", ctx)
    if not keys:
        r.bag.error(
            NESTED_QUERY,
            "`nested_query` has no `keys`: the path to the list holding the resource",
            node.loc,
            "add `keys: [<api name>, ...]`, e.g. `keys: [items]`",
        )
        return None
    names = {p.name for p in properties}
    declared = r.strs(m, "identity", "resource")
    identity = tuple(underscore(x) for x in declared) or (("name",) if "name" in names else ())
    if not identity:
        r.bag.error(
            NESTED_QUERY,
            "`nested_query` needs an identity to find the resource in its list, and the "
            "resource has no `identity:` and no property `name`",
            node.loc,
            "list the properties that identify an entry under `identity:`",
        )
        return None
    return NestedQuery(
        keys=keys,
        identity=identity,
        is_list_of_ids=r.bool_(node, "is_list_of_ids", ctx),
        modify_by_patch=r.bool_(node, "modify_by_patch", ctx),
        loc=key_loc(m, "nested_query"),
    )
