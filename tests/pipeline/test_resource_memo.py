"""The per-resource memo: after an edit, a run re-does only the resources the edit touched,
and gives exactly what a run without any cache gives (files, diagnostics, what is left out)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.product_cache import ProductCache
from generator.targets.go_target import GoTarget
from generator.targets.python_target import PythonTarget

from .helpers import REPO

MMV1 = REPO / "tests" / "fixtures" / "loaders" / "mmv1"
PRODUCT = Path("products") / "documentai"
TEMPLATE = Path("templates/terraform/samples/services/documentai/documentai_processor.tf.tmpl")


def _replace(rel: Path, old: str, new: str) -> Callable[[Path], None]:
    def edit(tree: Path) -> None:
        path = tree / rel
        text = path.read_text()
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1))

    return edit


def _delete(tree: Path) -> None:
    (tree / PRODUCT / "ProcessorDefaultVersion.yaml").unlink()


def _duplicate(tree: Path) -> None:
    shutil.copy(tree / PRODUCT / "Processor.yaml", tree / PRODUCT / "ProcessorCopy.yaml")


SCHEMA = PRODUCT / "Schema.yaml"
EDITS: dict[str, Callable[[Path], None]] = {
    "a description": _replace(
        PRODUCT / "Processor.yaml", "description: |\n", "description: |\n  Edited.\n"
    ),
    # Schema now uses the provider's `zone`: the product gains a parameter, which every
    # resource's page shows in its provider block.
    "a provider parameter used": _replace(
        SCHEMA, "projects/{{project}}/locations", "projects/{{project}}/zones/{{zone}}/locations"
    ),
    "an example template outside the folder": _replace(
        TEMPLATE, "OCR_PROCESSOR", "FORM_PARSER_PROCESSOR"
    ),
    "product.yaml": _replace(PRODUCT / "product.yaml", "display_name:", "display_name: Edited"),
    "an error that leaves a resource out": _replace(
        SCHEMA, "update_verb: PATCH", "update_verb: [PATCH]"
    ),
    "a resource file deleted": _delete,
    "a second file with the same resource name": _duplicate,
}


def _summary(tree: Path, target: str, cache: Path | None) -> dict[str, Any]:
    result = pipeline.generate(tree / "products", target=target, product_cache=ProductCache(cache))
    return {
        "files": {p: f.text for p, f in result.files.items()},
        "diagnostics": [d.to_text() for d in result.diagnostics],
        "fatal": [d.to_text() for d in result.fatal],
        "dropped": list(result.dropped),
        "dropped_by_target": dict(result.dropped_by_target),
        "generated": dict(result.generated),
    }


@pytest.mark.parametrize("target", ["python", "go"])
@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_run_after_an_edit_equals_a_run_without_caches(
    edit: str, target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = tmp_path / "mmv1"
    shutil.copytree(MMV1, tree)
    monkeypatch.chdir(tmp_path)  # diagnostics name files from here, alike in every run
    cache = tmp_path / "cache" / "products"
    before = _summary(tree, target, cache)
    assert before["files"] and not before["fatal"]
    EDITS[edit](tree)
    after = _summary(tree, target, cache)
    assert after["files"] != before["files"] or after["diagnostics"] != before["diagnostics"]
    assert after == _summary(tree, target, None)
    # And the memo filled by the edited run is right for the tree as it now is.
    assert _summary(tree, target, cache) == after


def _planned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the resources the targets plan (and so render), in order."""
    names: list[str] = []
    for cls in (PythonTarget, GoTarget):
        real = cls.plan_resource

        def counting(self: Any, provider: Any, product: Any, res: Any, spec: str, real=real):
            names.append(res.name)
            return real(self, provider, product, res, spec)

        monkeypatch.setattr(cls, "plan_resource", counting)
    return names


@pytest.mark.parametrize("target", ["python", "go"])
def test_only_the_edited_resource_is_planned_again(
    target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = tmp_path / "mmv1"
    shutil.copytree(MMV1, tree)
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache" / "products"
    planned = _planned(monkeypatch)
    _summary(tree, target, cache)
    assert sorted(planned) == ["processor", "processor_default_version", "schema"]
    planned.clear()
    EDITS["a description"](tree)
    _summary(tree, target, cache)
    assert planned == ["processor"]
    planned.clear()
    # A parameter the product gains changes what every resource's page shows.
    EDITS["a provider parameter used"](tree)
    _summary(tree, target, cache)
    assert sorted(planned) == ["processor", "processor_default_version", "schema"]


def test_without_a_cache_folder_nothing_is_kept(tmp_path: Path, monkeypatch) -> None:
    tree = tmp_path / "mmv1"
    shutil.copytree(MMV1, tree)
    monkeypatch.chdir(tmp_path)
    planned = _planned(monkeypatch)
    _summary(tree, "python", None)
    _summary(tree, "python", None)
    assert len(planned) == 6  # three resources, twice
    assert not (tmp_path / "cache").exists()


def test_a_corrupt_entry_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = tmp_path / "mmv1"
    shutil.copytree(MMV1, tree)
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache" / "products"
    first = _summary(tree, "python", cache)
    entries = sorted((tmp_path / "cache" / "resources").rglob("*.pickle"))
    assert entries
    for entry in entries:
        entry.write_bytes(b"not a pickle")
    EDITS["a description"](tree)
    after = _summary(tree, "python", cache)
    assert after == _summary(tree, "python", None) and after != first


def test_a_pointer_that_is_not_a_key_is_never_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder's last-entry pointer names a cache key; anything else (a path, say) is
    ignored, and the product is rendered afresh with the same result."""
    tree = tmp_path / "mmv1"
    shutil.copytree(MMV1, tree)
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache" / "products"
    _summary(tree, "python", cache)
    pointers = list((cache / "latest").iterdir())
    assert len(pointers) == 1
    outside = tmp_path / "elsewhere.pickle"
    outside.write_bytes(b"never read")
    pointers[0].write_text("../../elsewhere")
    planned = _planned(monkeypatch)
    EDITS["a description"](tree)
    after = _summary(tree, "python", cache)
    assert sorted(planned) == ["processor", "processor_default_version", "schema"]
    assert after == _summary(tree, "python", None)
