"""The fields upstream's templates add (added_fields.py), counted on the shared corpus
against the docs pages upstream generated from the same specs (../shared/corpus/
google-docs/r). docs/spec-format.md quotes the figures; each test asks for at least them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.loaders.mmv1.loader import Mmv1LoadResult

REPO = Path(__file__).resolve().parents[2]
MM = REPO.parent / "shared" / "corpus" / "magic-modules" / "products"
DOCS = REPO.parent / "shared" / "corpus" / "google-docs" / "r"

pytestmark = pytest.mark.skipif(
    not (MM.is_dir() and DOCS.is_dir()),
    reason=f"Magic Modules corpus not found at {MM} (../shared sits beside the clone)",
)
FIELDS = ("project", "self_link", "terraform_labels", "effective_labels", "effective_annotations")


@pytest.fixture(scope="module")
def corpus(mmv1_corpus_load: tuple[Mmv1LoadResult, float]) -> Mmv1LoadResult:
    return mmv1_corpus_load[0]  # one load per session (tests/loaders/conftest.py)


def _listed(page: str, name: str) -> bool:
    return re.search(rf"^\* `{name}` -", page, re.M) is not None


def test_added_fields_match_the_pages(corpus: Mmv1LoadResult) -> None:
    """Per field: resources with a page that get it, pages that list it, and both."""
    counts = {f: [0, 0, 0] for f in FIELDS}
    for product in corpus.products:
        for res in product.resources:
            page_path = DOCS / (res.terraform_name.removeprefix("google_") + ".html.markdown")
            if not page_path.is_file():
                continue
            page = page_path.read_text(encoding="utf-8")
            names = {p.name for p in res.properties}
            for f in FIELDS:
                ours, theirs = f in names, _listed(page, f)
                counts[f][0] += ours
                counts[f][1] += theirs
                counts[f][2] += ours and theirs
    # Measured (ours, pages, both) over the 590 loaded resources with a page: project
    # 483/484/483, self_link 77/79/77, terraform_labels and effective_labels 187/189/187,
    # effective_annotations 33/35/33.
    for f, (ours, _, both) in counts.items():
        assert ours == both, (f, counts[f])  # never added where the page lacks it
    least = {"project": 483, "self_link": 77, "terraform_labels": 187, "effective_labels": 187}
    least["effective_annotations"] = 33
    assert {f: counts[f][2] >= n for f, n in least.items()} == dict.fromkeys(least, True), counts
