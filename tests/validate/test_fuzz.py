"""Property tests: whatever is in the spec files, `validate_paths` returns diagnostics and
never raises (no traceback for any input).

Found so far (and fixed in generator/loaders/yaml_source.py): `a: &x [*x]` looped forever,
`!!bool maybe` raised KeyError, an empty `!!int` raised IndexError."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.api import validate_paths
from generator.diagnostics import Diagnostic

from .conftest import GOOD, REPO

CORPUS = REPO.parent / "shared" / "corpus" / "magic-modules" / "products"
# Small, varied Magic Modules files, validated as if they were mmgen specs (they are not:
# every key is unknown to us), so mutations reach the shape checker with foreign shapes.
CORPUS_FILES = [
    "kms/product.yaml",
    "kms/KeyRing.yaml",
    "iap/AppEngineService.yaml",
    "compute/CrossSiteNetwork.yaml",
    "firebasestorage/Bucket.yaml",
    "alloydb/User.yaml",
]

# MMGEN_FUZZ_EXAMPLES=2000 for a longer hunt; the default keeps the suite fast.
FAST = settings(
    max_examples=int(os.environ.get("MMGEN_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _seeds() -> list[tuple[str, str]]:
    seeds = [
        (p.name, p.read_text(encoding="utf-8")) for p in sorted((GOOD / "batchai").glob("*.yaml"))
    ]
    for rel in CORPUS_FILES:
        p = CORPUS / rel
        if p.is_file():
            seeds.append(
                ("resource.yaml" if p.name != "product.yaml" else "product.yaml", p.read_text())
            )
    return seeds


SEEDS = _seeds()
GOOD_PRODUCT = (GOOD / "batchai" / "product.yaml").read_text(encoding="utf-8")


def check_never_raises(files: dict[str, bytes]) -> list[Diagnostic]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "specs" / "p"
        folder.mkdir(parents=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        report = validate_paths([str(Path(tmp) / "specs")])
        for d in report.diagnostics:
            # Every diagnostic renders in every format.
            d.to_text()
            d.to_github()
            d.to_json()
        return report.diagnostics


YAMLISH = st.text(
    alphabet=st.sampled_from(
        list("abcnpt_ :-[]{},&*!|>'\"#%@`?\n\t 0123456789.~\\") + ["\x00", "é", "\ud800"]
    ),
    max_size=300,
)


@FAST
@given(text=YAMLISH, as_product=st.booleans())
def test_random_yamlish_text(text: str, as_product: bool) -> None:
    data = text.encode("utf-8", "surrogatepass")
    if as_product:
        check_never_raises({"product.yaml": data})
    else:
        check_never_raises({"product.yaml": GOOD_PRODUCT.encode(), "widget.yaml": data})


@FAST
@given(data=st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    check_never_raises({"product.yaml": GOOD_PRODUCT.encode(), "widget.yaml": data})


def _mutate(text: str, ops: list[tuple[int, int, int, str]]) -> str:
    lines = text.splitlines(keepends=True) or [""]
    for op, a, b, junk in ops:
        i = a % len(lines)
        j = b % len(lines)
        if op == 0:  # delete a line
            if len(lines) > 1:
                del lines[i]
        elif op == 1:  # duplicate a line elsewhere
            lines.insert(j, lines[i])
        elif op == 2:  # swap two lines
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:  # splice junk into a line
            cut = b % (len(lines[i]) + 1)
            lines[i] = lines[i][:cut] + junk + lines[i][cut:]
        elif op == 4:  # re-indent a line
            lines[i] = " " * (b % 9) + lines[i].lstrip(" ")
        elif op == 5:  # replace a value with something of another type
            if ":" in lines[i]:
                key = lines[i].split(":", 1)[0]
                lines[i] = f"{key}: {junk or '[]'}\n"
        elif op == 6:  # truncate the document
            lines = lines[: i + 1]
    return "".join(lines)


JUNK = st.sampled_from(
    [
        "",
        "x",
        "- ",
        ": ",
        "[",
        "]",
        "{",
        "&a ",
        "*a",
        "!!int",
        "!!bool maybe",
        "~",
        "42",
        "1e999",
        "'",
        '"',
        "#",
        "\t",
        "<<: *a",
        "? ",
        "|",
        ">",
        "String",
        "NestedObject",
        "{{v}}",
        "{id}",
        "é",
    ]
)
OPS = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, 10_000), st.integers(0, 10_000), JUNK),
    min_size=1,
    max_size=6,
)


@FAST
@given(seed=st.sampled_from(range(len(SEEDS))), ops=OPS)
def test_mutated_real_specs(seed: int, ops: list[tuple[int, int, int, str]]) -> None:
    name, text = SEEDS[seed]
    mutated = _mutate(text, ops).encode("utf-8")
    if name == "product.yaml":
        files = {"product.yaml": mutated}
        if seed < 3:  # the good fixture's product: keep its resources beside it
            for p in (GOOD / "batchai").glob("*.yaml"):
                if p.name != "product.yaml":
                    files[p.name] = p.read_bytes()
    else:
        files = {"product.yaml": GOOD_PRODUCT.encode(), name: mutated}
    check_never_raises(files)


def test_unmutated_corpus_files_load_without_raising() -> None:
    if not CORPUS.is_dir():
        pytest.skip("Magic Modules corpus not present")
    with tempfile.TemporaryDirectory() as tmp:
        for product in ("kms", "alloydb", "iap"):
            shutil.copytree(CORPUS / product, Path(tmp) / product)
        # Forced through mmgen's own loader (auto-detection would pick the mmv1 loader).
        report = validate_paths([tmp], "mmgen")
    # Magic Modules files are not mmgen specs: plenty of findings, no exception.
    assert report.errors
    assert {d.code for d in report.errors} <= {
        "unknown-key",
        "invalid-name",
        "wrong-type",
        "missing-key",
        "invalid-value",
    }
