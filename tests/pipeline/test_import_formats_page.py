"""The docs page lists every import format, in the spec's order, when there are several
(issue 10: Magic Modules resources accept several); one format keeps the single sentence."""

from __future__ import annotations

import shutil
from pathlib import Path

from markdown_it import MarkdownIt

from generator.loaders.docs import load_docs_text
from generator.pipeline import generate

from .helpers import KITCHEN_SPECS

FORMATS = [
    "/subscriptions/{subscription_id}/sinks/{name}",
    "{subscription_id}/{name}",
    "{name}",
]


def _page(tmp_path: Path, formats: list[str]) -> str:
    specs = tmp_path / "specs"
    shutil.copytree(KITCHEN_SPECS, specs)
    sink = specs / "kitchen" / "sink.yaml"
    text = sink.read_text("utf-8")
    block = "import_formats:\n" + "".join(f'  - "{f}"\n' for f in formats)
    old = "import_formats:\n  - /subscriptions/{subscription_id}/sinks/{name}\n"
    assert old in text
    sink.write_text(text.replace(old, block), "utf-8")
    result = generate(specs)
    assert not result.has_errors, [d.to_text() for d in result.diagnostics]
    page = result.files["python/docs/resources/sink.md"].text
    assert result.files["go/docs/resources/sink.md"].text == page
    return page


def _import_section(page: str) -> list[str]:
    """The Import section's list items, as text."""
    tokens = MarkdownIt("commonmark").parse(page.split("## Import", 1)[1])
    return [tokens[i + 2].content for i, t in enumerate(tokens) if t.type == "list_item_open"]


def test_every_format_in_order(tmp_path: Path) -> None:
    page = _page(tmp_path, FORMATS)
    assert "can be imported using any of these accepted formats:" in page
    assert _import_section(page) == [f"`{f}`" for f in FORMATS]
    # The command still uses the first format, and import-docs still reads it back.
    assert "terraform import kitchen_sink.example /subscriptions/" in page
    imported = load_docs_text(page.encode(), "sink.md")
    assert imported.resource is not None
    assert not [d for d in imported.diagnostics if d.code.endswith("-internal")]


def test_one_format_keeps_the_sentence(tmp_path: Path) -> None:
    page = _page(tmp_path, FORMATS[:1])
    assert "can be imported using the `resource id`, e.g." in page
    assert _import_section(page) == []
