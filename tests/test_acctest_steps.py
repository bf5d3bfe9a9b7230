"""The acceptance tests' update step: a value valid for the field, through the update path."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

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
from generator.targets.acctest_values import fresh_literal, next_text
from generator.targets.acctest_view import acceptance_data


def _prop(kind: TypeKind, **kw: object) -> Property:
    enum = kw.pop("enum", ())
    return Property("f", Type(kind, enum_values=enum), **kw)  # type: ignore[arg-type]


def test_an_enum_gets_another_of_its_values() -> None:
    p = _prop(TypeKind.ENUM, enum=("SMALL", "LARGE"))
    assert next_text(p, "SMALL") == "LARGE"
    assert next_text(_prop(TypeKind.ENUM, enum=("ONLY",)), "ONLY") is None


def test_a_string_keeps_its_pattern_and_length() -> None:
    p = _prop(TypeKind.STRING, validation=Validation(regex=r"[a-z]{3,8}", max_length=8))
    new = next_text(p, "abc")
    assert new is not None and new != "abc" and re.fullmatch(r"[a-z]{3,8}", new)
    capped = _prop(TypeKind.STRING, validation=Validation(max_length=5))
    assert next_text(capped, "abcde") not in (None, "abcde")
    assert len(next_text(capped, "abcde") or "") <= 5


@given(st.integers(-50, 50), st.integers(-50, 50), st.integers(-60, 60))
def test_a_number_stays_in_range(lo: int, hi: int, old: int) -> None:
    if lo > hi:
        lo, hi = hi, lo
    p = _prop(TypeKind.INTEGER, validation=Validation(minimum=lo, maximum=hi))
    new = next_text(p, str(old))
    if new is not None:
        assert lo <= int(new) <= hi and int(new) != old
    else:
        assert not any(lo <= n <= hi for n in (old - 1, old + 1))


def test_a_bool_flips_and_a_fresh_literal_avoids_the_default() -> None:
    assert next_text(_prop(TypeKind.BOOLEAN), "true") == "false"
    assert fresh_literal(_prop(TypeKind.BOOLEAN, default=True)) == "false"
    assert fresh_literal(_prop(TypeKind.ENUM, enum=("A", "B"), default="A")) == '"B"'


def _resource(props: tuple[Property, ...], config: str, ex_vars=()) -> Resource:  # type: ignore[no-untyped-def]
    return Resource(
        name="thing",
        terraform_name="acme_thing",
        description="d",
        rest=RestMapping(
            base_url="things", id_template="things/{name}", update_verb="PATCH", update_mask=True
        ),
        properties=props,
        examples=(Example("basic", config, vars=ex_vars),),
    )


NAME = Property("name", Type(TypeKind.STRING), presence=Presence.REQUIRED, url_param_only=True)


def test_a_var_feeding_an_enum_gets_a_valid_value_and_a_check() -> None:
    size = Property("size", Type(TypeKind.ENUM, enum_values=("SMALL", "LARGE")))
    res = _resource(
        (NAME, size),
        'resource "acme_thing" "x" {\n  name = "n"\n  size = "{{size}}"\n}\n',
        (ExampleVar("size", "SMALL", "SMALL"),),
    )
    (case,) = acceptance_data(res, fill_example)
    ((config, field, action, checks),) = case["changes"]
    assert 'size = "LARGE"' in config and "-upd" not in config
    assert (field, action, checks) == ("size", "update", (("size", "LARGE"),))


def test_without_a_changeable_value_an_optional_argument_is_set() -> None:
    label = Property(
        "label", Type(TypeKind.STRING), validation=Validation(regex=r"[a-z-]+", max_length=20)
    )
    res = _resource((NAME, label), 'resource "acme_thing" "x" {\n  name = "n"\n}\n')
    (case,) = acceptance_data(res, fill_example)
    ((config, field, action, checks),) = case["changes"]
    assert config == 'resource "acme_thing" "x" {\n  name = "n"\n  label = "updated"\n}\n'
    assert (field, action, checks) == ("label", "update", (("label", "updated"),))


def test_an_immutable_resource_gets_no_update_step() -> None:
    label = Property("label", Type(TypeKind.STRING), forces_new=True)
    res = _resource((NAME, label), 'resource "acme_thing" "x" {\n  name = "n"\n}\n')
    (case,) = acceptance_data(res, fill_example)
    assert case["changes"] == ()


def test_declared_steps_and_checks() -> None:
    res = _resource((NAME,), 'resource "acme_thing" "x" {\n  name = "{{n}}"\n}\n')
    ex = Example(
        "basic",
        res.examples[0].config,
        vars=(ExampleVar("n", "d", "t-{random}"), ExampleVar("n_step2", "d", "u-{random}")),
        updates=(res.examples[0].config.replace("{{n}}", "{{n_step2}}"),),
        checks=(("name", "{{n}}"),),
        update_checks=((("name", "{{n_step2}}"),),),
    )
    res = Resource(**{**res.__dict__, "examples": (ex,)})
    (case,) = acceptance_data(res, fill_example)
    assert case["checks"] == (("name", "t-{random}"),)
    assert case["changes"][0][3] == (("name", "u-{random}"),)
