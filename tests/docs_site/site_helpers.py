"""Helpers the docs-site tests share: where the sites come from, and reading them back."""

from __future__ import annotations

import html.parser
import posixpath
import re
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


def check_links(files: dict[str, str]) -> int:
    """Every `#x` resolves to an id on its page; every relative link to a page of the
    site and, with a fragment, to an id there; no id twice on a page. Returns how many
    links were followed."""
    pages = {p: parse_html(text) for p, text in files.items() if p.endswith(".html")}
    ids = {p: set(doc.ids) for p, doc in pages.items()}
    followed = 0
    for path, doc in pages.items():
        assert len(doc.ids) == len(ids[path]), f"{path}: duplicate ids"
        for href in doc.hrefs:
            if re.match(r"[a-z][a-z0-9+.-]*:", href):
                continue  # another site
            target, _, frag = href.partition("#")
            if target:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
                assert target in pages, f"{path}: link to {href} leaves the site"
            if frag:
                assert frag in ids[target or path], f"{path}: {href} resolves to no id"
            followed += 1
    return followed
