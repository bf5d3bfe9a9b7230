"""Nested resources (`nested_query`) end to end: the python target's provider, in-process
(fn_helpers.Driver), against the emulator in Google mode serving the shelves fixture
(tests/fixtures/nested/mmv1). The go target's provider is held to the same life cycle in
test_nested_go.py.

Each kind upstream has: tags (plain ids in the shelf's `tagInfo.tagNames`, added and
removed by calls of their own, behind operations), books (entries of the shelf's `books`,
written by PATCHing the shelf with the edited list: modify_by_patch) and notes (objects in
the list `.../notes` answers, each updated and deleted at its own URL).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fn_helpers import Driver, decode, errors, generate_provider
from tf.gen import tfplugin_pb2 as pb
from tf.utils import to_dynamic_value

from generator.emulator import Emulator, load_emulator

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "nested" / "mmv1"
SHELF = "/v1/projects/p1/shelves/s1"


@pytest.fixture(scope="module")
def modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    out = tmp_path_factory.mktemp("gen-nested") / "generated"
    return generate_provider(SPECS, out, "google", spec_format="mmv1")


@pytest.fixture(scope="module")
def emulator_session() -> Iterator[Emulator]:
    with load_emulator(str(SPECS / "products")) as emu:
        yield emu


@pytest.fixture
def emu(emulator_session: Emulator) -> Iterator[Emulator]:
    emulator_session.reset()
    emulator_session.config.lro_polls = 1
    yield emulator_session
    emulator_session.reset()


def driver(modules: dict[str, ModuleType], emu: Emulator, name: str) -> Driver:
    d = Driver(modules, f"google_shelves_{name}")
    config = {"endpoint": emu.url, "token": "t", "project": "p1", "poll_interval": 0.01}
    resp = d.servicer.ConfigureProvider(
        pb.ConfigureProvider.Request(config=to_dynamic_value(config)), None
    )
    assert errors(resp.diagnostics) == []
    return d


def apply(d: Driver, prior: Any, **values: Any) -> dict[str, Any]:
    config = d.config(**values)
    planned = d.plan(prior, config)
    assert errors(planned.diagnostics) == [], list(planned.diagnostics)
    applied = d.apply(prior, planned.planned_state, config)
    assert list(applied.diagnostics) == [], list(applied.diagnostics)
    state: dict[str, Any] = decode(applied.new_state)
    return state


def read(d: Driver, state: dict[str, Any]) -> dict[str, Any] | None:
    resp = d.read(state)
    assert errors(resp.diagnostics) == [], list(resp.diagnostics)
    result: dict[str, Any] | None = decode(resp.new_state)
    return result


def imported(d: Driver, resource_id: str) -> dict[str, Any] | None:
    resp = d.import_(resource_id)
    assert errors(resp.diagnostics) == [], list(resp.diagnostics)
    return read(d, decode(resp.imported_resources[0].state))


def destroy(d: Driver, state: dict[str, Any]) -> None:
    assert list(d.destroy(state).diagnostics) == []


def with_shelf(modules: dict[str, ModuleType], emu: Emulator) -> dict[str, Any]:
    return apply(driver(modules, emu, "shelf"), None, name="s1")


def body_of(emu: Emulator, rid: str) -> Any:
    return next(r["response"] for r in emu.resources() if r["id"] == rid)


def test_tags_list_of_ids(modules: dict[str, ModuleType], emu: Emulator) -> None:
    shelf = with_shelf(modules, emu)
    d = driver(modules, emu, "shelf_tag")
    t1 = apply(d, None, shelf="s1", name="t1", color="red")
    t2 = apply(d, None, shelf="s1", name="t2")
    assert t1["id"] == "projects/p1/shelves/s1/tags/t1"
    assert body_of(emu, "projects/p1/shelves/s1")["tagInfo"] == {"tagNames": ["t1", "t2"]}
    assert emu.calls("POST", ":addTag") and not emu.calls("PATCH")
    # Read finds its own id in the shelf's list; the color is kept (ignore_read).
    assert read(d, t1) == t1
    back = imported(d, "projects/p1/shelves/s1/tags/t2")
    assert back is not None and (back["name"], back["shelf"]) == ("t2", "s1")
    destroy(d, t1)
    assert emu.calls("POST", ":removeTag")[-1].query == "tagName=t1"
    assert body_of(emu, "projects/p1/shelves/s1")["tagInfo"] == {"tagNames": ["t2"]}
    # Not in the list any more: read removes it from state, as for a 404.
    assert read(d, t1) is None
    destroy(d, t2)
    destroy(driver(modules, emu, "shelf"), shelf)
    assert emu.resources() == []


def test_books_modify_by_patch(modules: dict[str, ModuleType], emu: Emulator) -> None:
    shelf = with_shelf(modules, emu)
    d = driver(modules, emu, "shelf_book")
    emma = apply(d, None, shelf="s1", title="Emma", pages=400)
    ulysses = apply(d, None, shelf="s1", title="Ulysses")
    books = body_of(emu, "projects/p1/shelves/s1")["books"]
    assert [b["title"] for b in books] == ["Emma", "Ulysses"]
    # Each write PATCHes the shelf with the whole list, masked to it.
    patches = emu.calls("PATCH", "/shelves/s1")
    assert [p.query for p in patches] == ["updateMask=books"] * 2
    assert patches[-1].body == {"books": [{"title": "Emma", "pages": 400}, {"title": "Ulysses"}]}
    # Updating one entry replaces it in the list, the others kept.
    emma = apply(d, emma, shelf="s1", title="Emma", pages=474)
    assert emma["pages"] == 474
    assert [b.get("pages") for b in body_of(emu, "projects/p1/shelves/s1")["books"]] == [474, None]
    back = imported(d, "projects/p1/shelves/s1/books/Ulysses")
    assert back is not None and back["title"] == "Ulysses"
    # A second create of the same book is refused before anything is sent.
    config = d.config(shelf="s1", title="Emma")
    planned = d.plan(None, config)
    failed = d.apply(None, planned.planned_state, config)
    assert "already exists" in errors(failed.diagnostics)[0].detail
    destroy(d, emma)
    assert [b["title"] for b in body_of(emu, "projects/p1/shelves/s1")["books"]] == ["Ulysses"]
    destroy(d, emma)  # gone already: nothing to remove, nothing sent
    assert emu.calls("PATCH", "/shelves/s1")[-1].body == {"books": [{"title": "Ulysses"}]}
    destroy(d, ulysses)
    destroy(driver(modules, emu, "shelf"), shelf)


def test_notes_list_of_objects(modules: dict[str, ModuleType], emu: Emulator) -> None:
    d = driver(modules, emu, "shelf_note")
    note = apply(d, None, shelf="s1", name="n1", text="hello")
    # The synchronous create answers with the entry: its server values are in state.
    assert note["create_time"] and note["id"] == "projects/p1/shelves/s1/notes/n1"
    other = apply(d, None, shelf="s1", name="n2")
    note = apply(d, note, shelf="s1", name="n1", text="bye")
    patch = emu.calls("PATCH", "/notes/n1")[-1]
    assert patch.query == "updateMask=text" and patch.body == {"text": "bye", "name": "n1"}
    assert read(d, note) == note
    back = imported(d, "projects/p1/shelves/s1/notes/n2")
    assert back is not None and back["name"] == "n2"
    assert emu.delete_resource("projects/p1/shelves/s1/notes#notes/n1")
    assert read(d, note) is None  # deleted behind Terraform's back
    destroy(d, other)
    assert emu.resources() == []
