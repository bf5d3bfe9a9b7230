"""The go target's schema code: relation validators are declared once per group."""

from __future__ import annotations

from generator.model.nodes import Property, Resource, RestMapping, Type, TypeKind
from generator.targets.go_fields import resource_fields, walk_fields
from generator.targets.go_schema import object_body

GROUP = ("a", "b", "c")


def _resource(declared_by: tuple[str, ...], key: str = "exactly_one_of") -> Resource:
    props = tuple(
        Property(
            name=n,
            type=Type(TypeKind.STRING),
            api_name=n,
            **({key: GROUP} if n in declared_by else {}),  # type: ignore[arg-type]
        )
        for n in GROUP
    )
    rest = RestMapping(base_url="things", id_template="/things/{a}")
    return Resource("thing", "x_thing", "A thing.", rest, props)


def _schema(res: Resource) -> str:
    fields = resource_fields(res)
    by_path = {f.dotted: f for f in walk_fields(fields)}
    return object_body(fields, res, by_path, top=True)


def test_a_group_every_member_declares_is_checked_once() -> None:
    code = _schema(_resource(GROUP))
    assert code.count("stringvalidator.ExactlyOneOf(") == 1
    line = next(x for x in code.splitlines() if "ExactlyOneOf(" in x)
    # On the first member, naming the two others (top-level: from the root).
    assert line.count("path.MatchRoot(") == 2
    assert '"b"' in line and '"c"' in line


def test_a_group_only_a_later_member_declares_is_still_checked() -> None:
    code = _schema(_resource(("c",)))
    assert code.count("stringvalidator.ExactlyOneOf(") == 1
    assert '"a"' in next(x for x in code.splitlines() if "ExactlyOneOf(" in x)


def test_pairwise_relations_stay_on_each_member() -> None:
    code = _schema(_resource(GROUP, "conflicts_with"))
    assert code.count("stringvalidator.ConflictsWith(") == 3
