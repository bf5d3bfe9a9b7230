"""The runtime's Magic Modules REST mappings: call URLs, update masks, id_format.

Unit level (no server): `ids.request_url` fills a call's own template relative to the
product's base URL, `ids.changed_paths` is the update mask (as the go runtime's
`ChangedPaths`), and a resource's Terraform ID is built from and parsed by `id_format`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from mmgen_runtime import ids
from mmgen_runtime.spec import Field, IdParam, ResourceSpec

BASE = "https://widgets.example.com/v1"


def _spec(**kw: Any) -> ResourceSpec:
    defaults: dict[str, Any] = dict(
        type_name="google_widget",
        fields=(
            Field("location", kind="string", presence="required", url_param_only=True),
            Field("widget_id", kind="string", presence="required", url_param_only=True),
            Field("size", kind="integer", api_path=("size",)),
        ),
        id_template="projects/{project}/locations/{location}/widgets/{widget_id}",
        id_params=(
            IdParam("project", source="provider"),
            IdParam("location", field="location"),
            IdParam("widget_id", field="widget_id"),
        ),
        create_verb="POST",
        create_url="projects/{project}/locations/{location}/widgets?widgetId={widget_id}",
        update_url="projects/{project}/locations/{location}/widgets/{widget_id}:modify",
        delete_url="{location}/trash/{widget_id}",
        update_mask=True,
        id_format="{project}/{location}/{widget_id}",
    )
    defaults.update(kw)
    return ResourceSpec(**defaults)


STATE = {"location": "eu west", "widget_id": "w/1", "size": 3}


def _provider(name: str) -> str | None:
    return {"project": "p1"}.get(name)


def _url(spec: ResourceSpec, template: str, query: dict[str, str] | None = None) -> str:
    values = ids.id_values(spec, STATE, _provider, template)
    return ids.request_url(BASE + "/", template, values, spec.api_version, query)


# ------------------------------------------------------------------ call URLs


def test_each_call_fills_its_own_template_relative_to_the_base_url() -> None:
    spec = _spec()
    assert spec.create_url and spec.update_url and spec.delete_url
    # Values are path-escaped (a space, a slash), the template's own query kept.
    assert _url(spec, spec.create_url) == (
        f"{BASE}/projects/p1/locations/eu%20west/widgets?widgetId=w%2F1"
    )
    assert _url(spec, spec.update_url) == (
        f"{BASE}/projects/p1/locations/eu%20west/widgets/w%2F1:modify"
    )
    assert _url(spec, spec.delete_url) == f"{BASE}/eu%20west/trash/w%2F1"
    assert _url(spec, spec.id_template) == (f"{BASE}/projects/p1/locations/eu%20west/widgets/w%2F1")


def test_query_parameters_are_sorted_and_join_a_query_the_template_has() -> None:
    spec = _spec(api_version="2024-01-01")
    mask = {"updateMask": "size,finish.color"}
    assert _url(spec, "x/{widget_id}", mask) == (
        f"{BASE}/x/w%2F1?api-version=2024-01-01&updateMask=size%2Cfinish.color"
    )
    assert _url(spec, "x?view=FULL", mask) == (
        f"{BASE}/x?view=FULL&api-version=2024-01-01&updateMask=size%2Cfinish.color"
    )
    assert _url(spec, "/x", None) == f"{BASE}/x?api-version=2024-01-01"  # one slash


def test_only_the_values_a_template_needs_are_required() -> None:
    spec = _spec(delete_url="trash/{widget_id}")
    state = {"widget_id": "w1"}  # no location: the id template cannot be filled
    assert ids.id_values(spec, state, _provider, "trash/{widget_id}") == {"widget_id": "w1"}
    with pytest.raises(ids.MissingIdValue, match="argument 'location'"):
        ids.id_values(spec, state, _provider)  # default: the id template
    with pytest.raises(ids.MissingIdValue, match="provider setting 'project'"):
        ids.id_values(spec, STATE, lambda name: None, "{project}/x")


# ------------------------------------------------------------------ update mask


def test_update_mask_lists_only_changed_api_paths_sorted() -> None:
    before = {
        "displayName": "a",
        "size": 3,
        "finish": {"color": "red", "glossy": True},
        "tags": ["x", "y"],
    }
    after = {
        "displayName": "a",
        "size": 4,
        "finish": {"color": "blue", "glossy": True},
        "tags": ["x", "y"],
    }
    assert ids.changed_paths(before, after) == ["finish.color", "size"]
    assert ",".join(ids.changed_paths(before, after)) == "finish.color,size"
    assert ids.changed_paths(before, dict(before)) == []


def test_update_mask_counts_added_and_removed_keys_and_whole_values() -> None:
    before: dict[str, Any] = {"zeta": 1, "finish": {"color": "red"}, "tags": ["x"]}
    after: dict[str, Any] = {"alpha": "new", "finish": {}, "tags": ["x", "y"]}
    # Sorted as Go's sort.Strings: byte order, so upper case before lower case.
    assert ids.changed_paths(before, after) == ["alpha", "finish.color", "tags", "zeta"]
    assert ids.changed_paths({"B": 1}, {"B": 2, "a": 1}) == ["B", "a"]
    # An object replaced by a scalar (or null) is one changed path, not its leaves.
    assert ids.changed_paths({"finish": {"color": "red"}}, {"finish": None}) == ["finish"]


def test_update_mask_tells_apart_values_python_would_call_equal() -> None:
    assert ids.changed_paths({"on": 1}, {"on": True}) == ["on"]
    assert ids.changed_paths({"n": 1}, {"n": 1.0}) == ["n"]
    assert ids.changed_paths({"l": [1]}, {"l": [True]}) == ["l"]
    assert ids.changed_paths({"l": [{"a": 1}]}, {"l": [{"a": 1}]}) == []


# ------------------------------------------------------------------ id_format


def test_the_terraform_id_is_id_format_unescaped_and_parses_back() -> None:
    spec = _spec()
    template = spec.id_format_or_template
    assert template == "{project}/{location}/{widget_id}"
    values = ids.id_values(spec, {"location": "l1", "widget_id": "w1"}, _provider, template)
    resource_id = ids.fill_template(template, values, quote_values=False)
    assert resource_id == "p1/l1/w1"
    assert ids.parse_id((template,), resource_id) == {
        "project": "p1",
        "location": "l1",
        "widget_id": "w1",
    }
    with pytest.raises(ValueError, match="does not match"):
        ids.parse_id((template,), "projects/p1/locations/l1/widgets/w1")


def test_without_id_format_the_id_template_is_the_terraform_id() -> None:
    spec = replace(_spec(), id_format=None)
    assert spec.id_format_or_template == spec.id_template


def _server_named() -> ResourceSpec:
    return ResourceSpec(
        type_name="google_space",
        fields=(
            Field("location", kind="string", presence="required", url_param_only=True),
            Field("space_id", kind="string", presence="required", url_param_only=True),
            Field("name", kind="string", presence="computed", api_path=("name",)),
        ),
        id_template="{name}",
        id_params=(IdParam("project", source="provider"),),
        create_verb="POST",
        create_url="projects/{project}/locations/{location}/spaces?spaceId={space_id}",
    )


def test_a_name_the_server_assigns_keeps_its_slashes_and_is_derived_on_import() -> None:
    spec = _server_named()
    assert ids.server_names(spec) == {"name"}
    assert (
        ids.derived_name_template(spec)
        == "projects/{project}/locations/{location}/spaces/{space_id}"
    )
    name = "projects/p 1/locations/l1/spaces/s1"
    url = ids.request_url(BASE, spec.id_template, {"name": name}, paths=ids.server_names(spec))
    assert url == BASE + "/projects/p%201/locations/l1/spaces/s1"
    # Any other value is escaped whole: it cannot add path segments.
    assert ids.request_url(BASE, "{name}", {"name": name}) == BASE + "/projects%2Fp%201%2F" + (
        "locations%2Fl1%2Fspaces%2Fs1"
    )
    # On import the state has the parts, not the name: the name is made from them.
    state = {"location": "l1", "space_id": "s1", "name": None}
    filled = ids.with_server_names(spec, state, lambda attr: "p1" if attr == "project" else None)
    assert filled["name"] == "projects/p1/locations/l1/spaces/s1"
    # A name the state has wins; without the parts nothing is derived.
    assert ids.with_server_names(spec, {**state, "name": "x/y"}, lambda a: "p1")["name"] == "x/y"
    assert ids.with_server_names(spec, {"name": None}, lambda a: None) == {"name": None}
    # A self link that is not only that name derives nothing.
    assert ids.derived_name_template(replace(spec, id_template="{name}/extra")) is None


def test_update_mask_fields_replace_a_fields_own_paths() -> None:
    before = {"limits": {"low": 1, "high": 9}, "sli": {"ratio": {"good": "a"}}, "note": ""}
    after = {"limits": {"low": 2, "high": 9}, "sli": {"ratio": {"good": "b"}}, "note": "n"}
    names = (
        ("limits", ("limits.low", "limits.high", "limitsMode")),
        ("sli.ratio", ("sli.ratio.good", "sli.ratio.bad")),
    )
    # Each changed path inside a named field gives that field's names, once, in order
    # (the go runtime's `UpdateMask` gives the same); other paths stay as they are.
    assert ids.update_mask(before, after, names) == [
        "limits.low",
        "limits.high",
        "limitsMode",
        "note",
        "sli.ratio.good",
        "sli.ratio.bad",
    ]
    assert ids.update_mask(before, after) == ids.changed_paths(before, after)
    assert ids.update_mask(before, dict(before), names) == []
