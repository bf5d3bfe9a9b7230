"""The change steps of acceptance tests (`acctest_view.change_steps`), derived from an
example or given by its `updates`: which field changes and what Terraform must plan."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.model.nodes import (
    Example,
    ExampleVar,
    Presence,
    Property,
    Resource,
    RestMapping,
    Type,
    TypeKind,
    Validation,
)
from generator.render.docs_view import fill_example
from generator.targets.acctest_view import acceptance_data

STRING = Type(TypeKind.STRING)


def _resource(*props: Property, update_verb: str | None = "PATCH") -> Resource:
    return Resource(
        name="gadget",
        terraform_name="x_gadget",
        description="",
        rest=RestMapping("gadgets", "gadgets/{name}", update_verb=update_verb),
        properties=(Property("name", STRING, presence=Presence.REQUIRED, forces_new=True),) + props,
    )


def _case(res: Resource, ex: Example) -> dict[str, Any]:
    (case,) = acceptance_data(replace(res, examples=(ex,)), fill_example)
    return case


def _changes(res: Resource, ex: Example) -> list[tuple[str | None, str | None]]:
    case = _case(res, ex)
    return [(field, action) for _, field, action, _checks in case["changes"]]


def _example(config: str, **vars: str) -> Example:
    return Example("basic", config, tuple(ExampleVar(k, v, v) for k, v in vars.items()))


def test_literal_update_first_then_the_replacing_var() -> None:
    res = _resource(Property("description", STRING))
    ex = _example(
        'resource "x_gadget" "example" {\n  name        = "{{n}}"\n  description = "A gadget"\n}\n',
        n="g1",
    )
    case = _case(res, ex)
    (update, _, _, _), (replace, _, _, _) = case["changes"]
    assert 'description = "A gadget updated"' in update and '"g1"' in update
    # The replacement keeps the update: one more change on top, not a revert.
    assert 'description = "A gadget updated"' in replace and '"g1-upd"' in replace
    assert _changes(res, ex) == [("description", "update"), ("name", "replace")]


def test_a_var_feeding_an_updatable_field_wins_over_a_literal() -> None:
    res = _resource(Property("description", STRING), Property("size", Type(TypeKind.INTEGER)))
    ex = _example(
        'resource "x_gadget" "example" {\n  name = "n"\n  size = 3\n  description = "{{d}}"\n}\n',
        d="first",
    )
    assert _changes(res, ex) == [("description", "update")]


def test_literals_keep_their_validation() -> None:
    bounded = Property("size", Type(TypeKind.INTEGER), validation=Validation(maximum=3))
    patterned = Property("code", STRING, validation=Validation(regex="^[a-z]+$"))
    res = _resource(bounded, patterned)
    ex = _example('resource "x_gadget" "example" {\n  name = "n"\n  code = "abc"\n  size = 3\n}\n')
    case = _case(res, ex)
    ((config, field, action, checks),) = case["changes"]
    # The first literal whose new value keeps its validation: `abc-upd` breaks the
    # pattern, `abcupd` keeps it.
    assert (field, action, checks) == ("code", "update", (("code", "abcupd"),))
    assert 'code = "abcupd"' in config and "size = 3" in config


def test_an_immutable_resource_only_replaces() -> None:
    res = _resource(Property("description", STRING), update_verb=None)
    ex = _example(
        'resource "x_gadget" "example" {\n  name = "{{n}}"\n  description = "A"\n}\n', n="g"
    )
    assert _changes(res, ex) == [("name", "replace")]


def test_spec_given_updates_in_order_with_actions_from_what_changed() -> None:
    block = 'resource "x_gadget" "example" {{\n  name = "{{{{n}}}}"\n{body}}}\n'
    nested = Type(
        TypeKind.NESTED_OBJECT,
        properties=(Property("a", STRING), Property("b", STRING, forces_new=True)),
    )
    res = _resource(Property("description", STRING), Property("spec", nested))
    ex = Example(
        "basic",
        block.format(body='  description = "one"\n'),
        (ExampleVar("n", "g", "g"),),
        updates=(
            block.format(body='  description = "two"\n'),
            block.format(body='  description = "two"\n') + 'resource "x_other" "o" {}\n',
            block.format(body='  description = "two"\n  spec {\n    a = "x"\n  }\n'),
        ),
    )
    assert _changes(res, ex) == [
        ("description", "update"),
        (None, None),  # only another resource changed: nothing to expect of the gadget
        ("spec", None),  # a block with a field that forces new: not asserted
    ]


def test_import_verify_ignores_what_an_import_cannot_manage() -> None:
    """Non-authoritative map views: an import manages no labels yet, so `labels` and
    `terraform_labels` are empty after it while `effective_labels` holds them all."""
    from generator.model.nodes import MapView

    labels = Type(TypeKind.KEY_VALUE_LABELS)
    res = _resource(
        Property("labels", labels, map_view=MapView.CONFIGURED),
        Property(
            "terraform_labels",
            labels,
            presence=Presence.COMPUTED,
            map_view=MapView.MERGED,
            view_of="labels",
        ),
        Property(
            "effective_labels",
            labels,
            presence=Presence.COMPUTED,
            map_view=MapView.EFFECTIVE,
            view_of="labels",
        ),
        Property("secret", STRING, write_only=True),
    )
    ex = _example('resource "x_gadget" "example" {\n  name = "n"\n}\n')
    assert _case(res, ex)["ignore"] == ("labels", "secret", "terraform_labels")


def test_import_verify_ignores_zeros_that_are_never_sent() -> None:
    """An omit_empty field set to 0 / false / "" is left out of the body, so the API never
    returns it and an import reads null: not comparable after import."""
    res = _resource(
        Property("slots", Type(TypeKind.INTEGER), omit_empty=True),
        Property("managed", Type(TypeKind.BOOLEAN), omit_empty=True),
        Property("size", Type(TypeKind.INTEGER), omit_empty=True),
        Property("count", Type(TypeKind.INTEGER)),
    )
    ex = _example(
        'resource "x_gadget" "example" {\n  name    = "n"\n  slots   = 0\n'
        "  managed = false\n  size    = 3\n  count   = 0\n}\n"
    )
    assert _case(res, ex)["ignore"] == ("managed", "slots")


def test_a_var_naming_the_object_is_not_an_in_place_update() -> None:
    # mmv1 leaves `name` updatable when it is only a URL parameter (Network Services Mesh):
    # a new name addresses another object, so the derived update changes a literal instead.
    res = replace(
        _resource(Property("description", STRING)),
        properties=(
            Property("name", STRING, presence=Presence.REQUIRED, url_param_only=True),
            Property("description", STRING),
        ),
    )
    ex = _example(
        'resource "x_gadget" "example" {\n  name        = "{{n}}"\n  description = "A gadget"\n}\n',
        n="g1",
    )
    assert _changes(res, ex) == [("description", "update")]
    # In the ID template, without url_param_only: the same.
    in_id = replace(
        res,
        properties=(
            Property("name", STRING, presence=Presence.REQUIRED),
            Property("description", STRING),
        ),
    )
    assert _changes(in_id, ex) == [("description", "update")]
