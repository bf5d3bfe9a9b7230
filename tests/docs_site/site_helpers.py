"""Helpers the docs-site tests share: where the sites come from, and reading them back."""

from __future__ import annotations

import html.parser
from pathlib import Path

from generator.docs_site.build import BuildOutcome, build_site

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "specs"
# A Magic Modules tree (the `google` docs family): nested blocks, `nested_` anchors,
# an output sub-field, a link from a description to a nested block, an example.
MMV1_SPECS = REPO / "tests" / "fixtures" / "docs-site" / "mmv1" / "products"
GOLDEN = REPO / "tests" / "golden" / "docs-site"
COMMIT = "0123456789abcdef0123456789abcdef01234567"


def build(specs: Path, out: Path, commit: str | None = COMMIT) -> BuildOutcome:
    outcome = build_site(str(specs), str(out), commit=commit)
    assert outcome.exit_code == 0, (outcome.messages, [d.to_text() for d in outcome.diagnostics])
    return outcome


def site_files(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


class PageParser(html.parser.HTMLParser):
    """Every start tag with its attributes, every id, every href, and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.append(str(attributes["id"]))
        if tag == "a" and attributes.get("href") is not None:
            self.hrefs.append(str(attributes["href"]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(text: str) -> PageParser:
    parser = PageParser()
    parser.feed(text)
    parser.close()
    return parser
