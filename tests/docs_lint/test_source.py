"""Pages that cannot be read, decoded or trusted: a diagnostic each, never a traceback, and
nothing read outside the linted folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import GOOD, found, lint

WIDGET = (GOOD / "resources" / "widget.md").read_bytes()
GADGET = (GOOD / "r" / "gadget.html.markdown").read_bytes()


def test_binary_page(tmp_path: Path) -> None:
    page = tmp_path / "bin.md"
    page.write_bytes(b"---\nab\x00cd\n")
    assert found(lint(page)) == [("lint-encoding", 2, 1)]


def test_page_not_utf8(tmp_path: Path) -> None:
    page = tmp_path / "latin1.md"
    page.write_bytes("---\nnaïve: ab".encode() + b"\xff\n")
    assert found(lint(page)) == [("lint-encoding", 2, 10)]  # the column in characters


def test_empty_page(tmp_path: Path) -> None:
    page = tmp_path / "empty.md"
    page.write_text("  \n\n", encoding="utf-8")
    assert found(lint(page)) == [("lint-empty", 1, 1)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    diags = lint(fifo)
    assert found(diags) == [("lint-unreadable", 1, 1)]
    assert "FIFO" in diags[0].message


def test_dangling_link_as_page(tmp_path: Path) -> None:
    page = tmp_path / "gone.md"
    page.symlink_to(tmp_path / "nowhere.md")
    assert found(lint(page)) == [("lint-unreadable", 1, 1)]


def test_crlf_and_bom_keep_positions(tmp_path: Path) -> None:
    bad = (GOOD.parent / "bad" / "hcl-syntax.md").read_bytes()
    page = tmp_path / "hcl-syntax.md"
    page.write_bytes(b"\xef\xbb\xbf" + bad.replace(b"\n", b"\r\n"))
    assert found(lint(page)) == [("lint-hcl-syntax", 21, 12)]


def test_folder_walk_stays_inside(tmp_path: Path) -> None:
    """A page linked in from outside the folder is neither linted nor read for links; a
    link through it is reported as leaving the tree."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# secret\n", encoding="utf-8")
    tree = tmp_path / "docs"
    (tree / "resources").mkdir(parents=True)
    (tree / "resources" / "widget.md").write_bytes(WIDGET)
    (tree / "resources" / "evil.md").symlink_to(outside / "secret.md")
    index = tree / "index.md"
    index.write_text(
        '---\nlayout: x\npage_title: "Provider: X"\ndescription: x\n---\n\n# X Provider\n\n'
        "See [the widget](resources/widget.md#arguments-reference), "
        "[a secret](resources/evil.md), [the parent](../outside/secret.md).\n",
        encoding="utf-8",
    )
    diags = lint(tree)
    assert {d.location.file for d in diags} == {str(index)}
    assert found(diags) == [("lint-link-outside", 9, 71)]
    # `../outside/secret.md` leaves the folder by its path: not checked, not reported.


def test_links_into_other_pages(tmp_path: Path) -> None:
    tree = tmp_path / "docs"
    (tree / "resources").mkdir(parents=True)
    (tree / "resources" / "widget.md").write_bytes(WIDGET)
    (tree / "r").mkdir()
    (tree / "r" / "gadget.html.markdown").write_bytes(GADGET)
    index = tree / "index.md"
    index.write_text(
        '---\nlayout: x\npage_title: "Provider: X"\ndescription: x\n---\n\n# X Provider\n\n'
        "* [one](resources/widget.md#nope)\n"
        "* [two](resources/gadget.md)\n"
        "* [three](resources/widget.html#block-setting)\n"
        "* [four](resources/)\n"
        "* [five](r/gadget.html#nested_config) and [six](r/gadget.html#nested_other)\n",
        encoding="utf-8",
    )
    diags = [d for d in lint(tree) if d.location.file == str(index)]
    # The Registry serves `x.html.markdown` as `x.html`, and only those.
    assert found(diags) == [
        ("lint-anchor-unresolved", 9, 9),
        ("lint-link-broken", 10, 9),
        ("lint-link-broken", 11, 11),
        ("lint-anchor-unresolved", 13, 49),
    ]
