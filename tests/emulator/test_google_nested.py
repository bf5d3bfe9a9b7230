"""The emulator's Google mode for nested resources (`nested_query`), over real HTTP.

Fixture `tests/fixtures/nested/mmv1`: a Shelf (async, PATCH with a mask), its tags (a list
of plain ids in the shelf's `tagInfo.tagNames`, added and removed by custom methods, async),
its books (the shelf's `books`, rewritten by PATCHing the shelf: modify_by_patch) and its
notes (a list of objects read from `.../notes`, each updated and deleted at its own URL).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from emu_helpers import call

from generator.emulator import Emulator, Fault, load_emulator

REPO = Path(__file__).resolve().parents[2]
SPECS = str(REPO / "tests" / "fixtures" / "nested" / "mmv1" / "products")
SHELF = "/v1/projects/p1/shelves/s1"


@pytest.fixture(scope="module")
def nested_session() -> Iterator[Emulator]:
    with load_emulator(SPECS) as emulator:
        yield emulator


@pytest.fixture
def nemu(nested_session: Emulator) -> Iterator[Emulator]:
    nested_session.reset()
    yield nested_session
    nested_session.reset()


def done(emu: Emulator, op: dict[str, Any]) -> dict[str, Any]:
    for _ in range(10):
        if op.get("done"):
            return op
        op = call("GET", f"{emu.url}/v1/{op['name']}").body
    raise AssertionError(f"operation {op['name']} never finished")


def make_shelf(emu: Emulator) -> None:
    created = call("POST", f"{emu.url}/v1/projects/p1/shelves?shelfId=s1", {"name": "s1"})
    assert created.status == 200, created
    assert "error" not in done(emu, created.body)


def shelf(emu: Emulator) -> dict[str, Any]:
    got = call("GET", emu.url + SHELF)
    assert got.status == 200, got
    body: dict[str, Any] = got.body
    return body


def test_tags_are_ids_in_the_shelf(nemu: Emulator) -> None:
    # The shelf must exist: a tag of a missing shelf is refused.
    assert call("POST", f"{nemu.url}{SHELF}:addTag", {"tagName": "t1"}).status == 404
    make_shelf(nemu)
    for tag in ("t1", "t2"):
        added = call("POST", f"{nemu.url}{SHELF}:addTag", {"tagName": tag, "color": "red"})
        assert added.status == 200, added
        assert "error" not in done(nemu, added.body)
    assert shelf(nemu)["tagInfo"] == {"tagNames": ["t1", "t2"]}
    assert shelf(nemu)["name"] == "s1"  # the shelf's own fields, the list laid over them
    dup = call("POST", f"{nemu.url}{SHELF}:addTag", {"tagName": "t1"})
    assert (dup.status, dup.body["error"]["status"]) == (409, "ALREADY_EXISTS")
    removed = call("POST", f"{nemu.url}{SHELF}:removeTag?tagName=t1")
    assert removed.status == 200 and "error" not in done(nemu, removed.body)
    assert shelf(nemu)["tagInfo"] == {"tagNames": ["t2"]}
    again = call("POST", f"{nemu.url}{SHELF}:removeTag?tagName=t1")
    assert again.status == 404
    missing = call("POST", f"{nemu.url}{SHELF}:removeTag")
    assert missing.status == 400  # the template's query parameter is required


def test_a_failed_operation_puts_the_list_back(nemu: Emulator) -> None:
    make_shelf(nemu)
    nemu.add_fault(Fault(kind="fail_operation", path=":addTag"))
    added = call("POST", f"{nemu.url}{SHELF}:addTag", {"tagName": "t1"})
    assert added.status == 200
    assert done(nemu, added.body)["error"]["code"] == 13
    assert "tagInfo" not in shelf(nemu)


def test_books_are_a_read_modify_write_of_the_shelf(nemu: Emulator) -> None:
    make_shelf(nemu)
    books = [{"title": "Emma", "pages": 400}, {"title": "Ulysses"}]
    patched = call("PATCH", f"{nemu.url}{SHELF}", {"books": books})
    assert patched.status == 200, patched
    assert patched.body["books"] == books  # a sync answer: the shelf with its books
    assert shelf(nemu)["books"] == books
    # A PATCH of the shelf's own fields is the shelf's update, and leaves the books be.
    own = call("PATCH", f"{nemu.url}{SHELF}?updateMask=description", {"description": "d"})
    assert own.status == 200 and "error" not in done(nemu, own.body)
    assert shelf(nemu)["description"] == "d" and shelf(nemu)["books"] == books
    bad = call("PATCH", f"{nemu.url}{SHELF}", {"books": [{"title": "X", "pages": "many"}]})
    assert bad.status == 400 and bad.body["error"]["status"] == "INVALID_ARGUMENT"
    assert call("PATCH", f"{nemu.url}{SHELF}", {"books": []}).status == 200
    assert shelf(nemu)["books"] == []


def test_notes_live_in_a_list_of_their_own(nemu: Emulator) -> None:
    notes = f"{nemu.url}{SHELF}/notes"
    assert call("GET", notes).body == {}  # no parent resource answers there: an empty list
    created = call("POST", notes, {"name": "n1", "text": "hello"})
    assert created.status == 200, created
    assert created.body["name"] == "n1" and created.body["text"] == "hello"
    assert created.body["createTime"]  # server values are filled, as for objects
    assert [n["name"] for n in call("GET", notes).body["notes"]] == ["n1"]
    call("POST", notes, {"name": "n2"})
    updated = call("PATCH", f"{notes}/n1?updateMask=text", {"text": "bye", "name": "x"})
    assert updated.status == 200 and updated.body["text"] == "bye"
    assert updated.body["name"] == "n1"  # outside the mask: untouched
    assert call("PATCH", f"{notes}/n9", {"text": "?"}).status == 404
    listed = call("GET", notes).body["notes"]
    assert [(n["name"], n.get("text")) for n in listed] == [("n1", "bye"), ("n2", None)]
    assert call("DELETE", f"{notes}/n1").status == 200
    assert call("DELETE", f"{notes}/n1").status == 404
    assert [n["name"] for n in call("GET", notes).body["notes"]] == ["n2"]


def test_control_api_lists_and_removes_entries(nemu: Emulator) -> None:
    make_shelf(nemu)
    call("PATCH", f"{nemu.url}{SHELF}", {"books": [{"title": "Emma"}]})
    call("POST", f"{nemu.url}{SHELF}/notes", {"name": "n1"})
    ids = sorted(r["id"] for r in nemu.resources())
    assert ids == [
        "projects/p1/shelves/s1",
        "projects/p1/shelves/s1#books/Emma",
        "projects/p1/shelves/s1/notes#notes/n1",
    ]
    types = {r["id"]: r["resource_type"] for r in nemu.resources()}
    assert types["projects/p1/shelves/s1#books/Emma"] == "google_shelves_shelf_book"
    assert nemu.delete_resource("projects/p1/shelves/s1/notes#notes/n1")
    assert call("GET", f"{nemu.url}{SHELF}/notes").body == {"notes": []}
    # Deleting the shelf takes what lives in it along.
    deleted = call("DELETE", nemu.url + SHELF)
    assert "error" not in done(nemu, deleted.body)
    assert call("GET", nemu.url + SHELF).status == 404
    assert nemu.resources() == []
