"""The manifest's text is exactly what `json.dumps(indent=2)` writes: it is committed, and
written out by hand for speed (generator/manifest.py)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from generator import __version__
from generator.manifest import ManifestEntry, render_manifest

texts = st.text(max_size=12)  # any code point: quotes, controls, non-ASCII, lone surrogates
entries = st.builds(
    ManifestEntry,
    path=texts,
    sha256=texts,
    spec=texts,
    template=texts,
    product=texts,
    resource=st.none() | texts,
    aggregate=st.booleans(),
)


@given(st.lists(entries, max_size=6))
def test_the_manifest_text_is_json_dumps_with_indent_two(items: list[ManifestEntry]) -> None:
    expected = {
        "generator": "mmgen",
        "version": __version__,
        "files": [
            {
                "path": e.path,
                "sha256": e.sha256,
                "spec": e.spec,
                "template": e.template,
                "product": e.product,
                "resource": e.resource,
                "aggregate": e.aggregate,
            }
            for e in sorted(items, key=lambda e: e.path)
        ],
    }
    text = render_manifest(items)
    assert text == json.dumps(expected, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
    assert json.loads(text) == expected
