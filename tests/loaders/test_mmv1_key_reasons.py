"""Every mmv1 key the loader still reports says why (in its warning) and is listed with
its reason in docs/spec-format.md ("mmv1 keys that stay reported"): on a committed
fixture, and on the whole shared corpus when it is there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic
from generator.loaders.mmv1.key_reasons import KEY_REASONS
from generator.loaders.mmv1.loader import Mmv1LoadResult, load_mmv1
from generator.loaders.mmv1.reader import UNSUPPORTED, go_code_reason

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "loaders" / "mmv1" / "products"
SHARED = REPO.parent / "shared" / "corpus" / "magic-modules" / "products"
SPEC_FORMAT = REPO / "docs" / "spec-format.md"
# `key` is not supported by the mmv1 loader yet; ignored (reason) (N places in this run...)
WARNING = re.compile(
    r"^`(?P<key>[^`]+)` is not supported by the mmv1 loader yet; ignored(?P<rest>.*)$"
)
COUNT = re.compile(r" \(\d+ places? in this run(; the first)?\)$")


def documented() -> dict[str, str]:
    """The docs' table of reported keys: key -> reason."""
    text = SPEC_FORMAT.read_text(encoding="utf-8")
    start = text.index("##### mmv1 keys that stay reported")
    end = text.index("\n#", start + 1)
    rows = re.findall(r"^\| `([^`]+)` \| (.+) \|$", text[start:end], re.M)
    return dict(rows)


def reported(diags: list[Diagnostic]) -> dict[str, str]:
    """key -> the reason its warning gives ("" for none)."""
    out = {}
    for d in diags:
        if d.code != UNSUPPORTED:
            continue
        m = WARNING.match(d.message)
        assert m is not None, d.message
        rest = COUNT.sub("", m.group("rest")).strip()
        reason = rest[1:-1] if rest.startswith("(") and rest.endswith(")") else ""
        out[m.group("key")] = reason
    return out


def check(keys: dict[str, str]) -> None:
    docs = documented()
    missing_reason = sorted(k for k, why in keys.items() if not why)
    assert missing_reason == [], "reported without a reason"
    undocumented = sorted(set(keys) - set(docs))
    assert undocumented == [], "reported but not in docs/spec-format.md"


def test_the_table_gives_every_reason_the_loader_knows() -> None:
    docs = documented()
    for key, why in KEY_REASONS.items():
        assert docs.get(key) == why, key
    for key, why in docs.items():
        assert why.strip(), key
        code_reason = go_code_reason(key)
        if code_reason is not None:
            assert why == code_reason, key


def test_fixture_keys_have_reasons_and_docs() -> None:
    result = load_mmv1([str(FIXTURE)])
    keys = reported(result.diagnostics)
    # The fixture reports a key of each kind: a resource key, Go code, a Go function.
    assert {
        "resource.api_resource_type_kind",
        "custom_code.pre_read",
        "property.diff_suppress_func",
    } <= set(keys)
    assert keys["resource.api_resource_type_kind"] == KEY_REASONS["resource.api_resource_type_kind"]
    check(keys)


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared corpus not found at {SHARED}")
def test_every_key_the_corpus_reports_has_a_reason_and_a_docs_row(
    mmv1_corpus_load: tuple[Mmv1LoadResult, float],
) -> None:
    result = mmv1_corpus_load[0]  # one load per session (tests/loaders/conftest.py)
    keys = reported(result.diagnostics)
    assert len(keys) < 100  # issue 10: under 100 unsupported-key warnings
    check(keys)
