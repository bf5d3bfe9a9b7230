"""Writing, regeneration and drift: what `generate` and `--check` do to a real folder."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator.manifest import MANIFEST_NAME

from .helpers import KITCHEN_SPECS, REPO, copy_specs, gen, tree

PKG = "python/terraform_provider_kitchen"
SINK = f"{PKG}/kitchen/sink.py"
OVEN = f"{PKG}/kitchen/oven.py"
GO_SINK = "go/internal/services/kitchen/sink_resource.go"
GO_OVEN = "go/internal/services/kitchen/oven_resource.go"
PANTRY = REPO / "tests" / "fixtures" / "provider-specs" / "pantry"


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    specs = copy_specs(KITCHEN_SPECS, tmp_path / "specs")
    out = tmp_path / "generated"
    assert gen(specs, out).exit_code == 0
    return specs, out


def test_second_run_changes_nothing_and_keeps_mtimes(tmp_path: Path) -> None:
    specs, out = _setup(tmp_path)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    os.utime(out / SINK, ns=(1, 1))  # a distinctive mtime that a rewrite would change
    outcome = gen(specs, out)
    assert outcome.exit_code == 0
    assert outcome.messages[-1].startswith("0 file(s) changed")
    assert (out / SINK).stat().st_mtime_ns == 1
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and p != out / SINK} == {
        p: t for p, t in stamps.items() if p != out / SINK
    }
    assert gen(specs, out, check=True).exit_code == 0


def test_hand_edit_fails_check_then_generate_restores(tmp_path: Path) -> None:
    specs, out = _setup(tmp_path)
    original = (out / SINK).read_text()
    go_original = (out / GO_SINK).read_text()
    (out / SINK).write_text(original + "\nHAND_EDIT = 1\n")
    (out / GO_SINK).write_text(go_original + "\nvar handEdit = 1\n")
    outcome = gen(specs, out, check=True)
    assert outcome.exit_code == 1
    for path in (SINK, GO_SINK):
        assert any(path in m and "hand-edited" in m for m in outcome.messages), path
    assert "+HAND_EDIT = 1" not in outcome.diff and "-HAND_EDIT = 1" in outcome.diff
    assert "-var handEdit = 1" in outcome.diff
    assert (out / SINK).read_text().endswith("HAND_EDIT = 1\n"), "--check must not write"
    assert (out / GO_SINK).read_text().endswith("var handEdit = 1\n"), "--check must not write"
    outcome = gen(specs, out)
    assert outcome.exit_code == 0
    assert any(m == f"overwrote hand-edited {SINK}" for m in outcome.messages)
    assert any(m == f"overwrote hand-edited {GO_SINK}" for m in outcome.messages)
    assert (out / SINK).read_text() == original
    assert (out / GO_SINK).read_text() == go_original


def test_check_reports_missing_files(tmp_path: Path) -> None:
    specs, out = _setup(tmp_path)
    (out / OVEN).unlink()
    (out / GO_OVEN).unlink()
    outcome = gen(specs, out, check=True)
    assert outcome.exit_code == 1
    for path in (OVEN, GO_OVEN):
        assert any(path in m and "missing" in m for m in outcome.messages), path
        assert f"+++ b/generated/{path}" in outcome.diff


def test_removed_spec_deletes_its_files_but_not_hand_written_ones(tmp_path: Path) -> None:
    specs, out = _setup(tmp_path)
    notes = out / PKG / "kitchen" / "NOTES.md"
    notes.write_text("hand-written; not in the manifest\n")
    go_notes = out / "go" / "internal" / "services" / "kitchen" / "NOTES.md"
    go_notes.write_text("hand-written; not in the manifest\n")
    lookalike = out / "python" / "docs" / "resources" / "toaster.md"
    lookalike.write_text("a file named like a generated one, but not owned\n")
    oven_files = [
        OVEN,
        "python/docs/resources/oven.md",
        "python/tests/acceptance/test_kitchen_oven.py",
        GO_OVEN,
        "go/internal/services/kitchen/oven_resource_test.go",
        "go/internal/services/kitchen/oven_unit_test.go",
        "go/docs/resources/oven.md",
    ]
    assert all((out / f).exists() for f in oven_files)
    (specs / "kitchen" / "oven.yaml").unlink()
    check = gen(specs, out, check=True)
    assert check.exit_code == 1
    for path in oven_files:
        assert any(path in m and "stale" in m for m in check.messages), path
    assert gen(specs, out).exit_code == 0
    for path in oven_files:
        assert not (out / path).exists(), path
    assert notes.read_text() == "hand-written; not in the manifest\n"
    assert go_notes.read_text() == "hand-written; not in the manifest\n"
    assert lookalike.exists()
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert not any("oven" in f["path"] for f in manifest["files"])
    registry = (out / PKG / "provider.py").read_text()
    assert "Oven" not in registry and "Sink" in registry
    go_registry = (out / "go/internal/provider/provider.go").read_text()
    assert "NewOvenResource" not in go_registry and "NewSinkResource" in go_registry
    for docs in ("python", "go"):
        index = (out / docs / "docs/index.md").read_text()
        assert "kitchen_oven" not in index and "kitchen_sink" in index


def test_never_overwrites_a_file_it_does_not_own(tmp_path: Path) -> None:
    for mine_path in (SINK, GO_SINK):
        specs = copy_specs(KITCHEN_SPECS, tmp_path / mine_path.split("/")[0] / "specs")
        out = specs.parent / "generated"
        mine = out / mine_path
        mine.parent.mkdir(parents=True)
        mine.write_text("# mine\n")
        outcome = gen(specs, out)
        assert outcome.exit_code == 1
        assert any("not in .mmgen-manifest.json" in m for m in outcome.messages)
        assert mine.read_text() == "# mine\n"
        assert sorted(tree(out)) == [mine_path], "nothing else may be written when the run fails"


def _two_products(tmp_path: Path) -> Path:
    """The kitchen provider with a second product, `pantry` (same prefix)."""
    specs = copy_specs(KITCHEN_SPECS, tmp_path / "specs")
    shutil.copytree(PANTRY, specs / "pantry")
    return specs


def _owned_by(out: Path, product: str) -> set[str]:
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    return {f["path"] for f in manifest["files"] if f["product"] == product}


def test_product_selection_leaves_other_products_untouched(tmp_path: Path) -> None:
    specs = _two_products(tmp_path)
    out = tmp_path / "generated"
    assert gen(specs, out).exit_code == 0
    before = tree(out)
    pantry_files = _owned_by(out, "pantry")
    assert {p.split("/", 1)[0] for p in pantry_files} == {"go", "python"}
    # Change both products' specs, regenerate only kitchen.
    sink = specs / "kitchen" / "sink.yaml"
    sink.write_text(sink.read_text().replace("A sink: exercises", "A sink (edited): exercises"))
    shelf = specs / "pantry" / "shelf.yaml"
    shelf.write_text(shelf.read_text().replace("Height in centimetres.", "Height in inches."))
    (out / PKG / "pantry" / "NOTES.md").write_text("keep\n")
    outcome = gen(specs, out, "product=kitchen")
    assert outcome.exit_code == 0, outcome.messages
    after = tree(out)
    changed = {p for p in after if before.get(p) != after[p]}
    assert SINK in changed and GO_SINK in changed
    assert not changed & pantry_files, sorted(changed & pantry_files)
    assert (out / PKG / "pantry" / "NOTES.md").read_text() == "keep\n"
    assert _owned_by(out, "pantry") == pantry_files, "other products stay owned"
    # Without the selection, the pantry edit lands in both targets.
    outcome = gen(specs, out)
    assert outcome.exit_code == 0, outcome.messages
    assert "Height in inches." in (out / PKG / "pantry" / "shelf.py").read_text()
    assert (
        "Height in inches." in (out / "go/internal/services/pantry/shelf_resource.go").read_text()
    )


def test_resource_selection_rebuilds_aggregates_from_all_specs(tmp_path: Path) -> None:
    specs, out = _setup(tmp_path)
    oven_before = (out / OVEN).read_bytes()
    go_oven_before = (out / GO_OVEN).read_bytes()
    (specs / "kitchen" / "oven.yaml").write_text(
        (specs / "kitchen" / "oven.yaml").read_text().replace("An oven;", "An oven (v2);")
    )
    outcome = gen(specs, out, "resource=sink")
    assert outcome.exit_code == 0
    assert (out / OVEN).read_bytes() == oven_before, "--resource sink must not touch oven"
    assert (out / GO_OVEN).read_bytes() == go_oven_before, "--resource sink must not touch oven"
    registry = (out / PKG / "provider.py").read_text()
    assert "Oven" in registry and "Sink" in registry
    go_registry = (out / "go/internal/provider/provider.go").read_text()
    assert "NewOvenResource" in go_registry and "NewSinkResource" in go_registry
    # The docs index is an aggregate too: rebuilt from every spec, the edited oven included.
    for docs in ("python", "go"):
        assert "An oven (v2);" in (out / docs / "docs/index.md").read_text(), docs


def test_bad_spec_writes_nothing(tmp_path: Path) -> None:
    specs, out = _setup(tmp_path)
    before = tree(out)
    sink = specs / "kitchen" / "sink.yaml"
    sink.write_text(sink.read_text().replace("presence: required\n", "presence: requird\n", 1))
    outcome = gen(specs, out)
    assert outcome.exit_code == 1
    assert any(d.code == "invalid-value" for d in outcome.diagnostics)
    assert tree(out) == before


def test_template_error_writes_nothing(tmp_path: Path) -> None:
    from generator.api import run_generate

    specs, out = _setup(tmp_path)
    before = tree(out)
    overrides = tmp_path / "tpl"
    overrides.mkdir()
    (overrides / "resource.py.j2").write_text("{{ banner }}\n{{ no_such_variable }}\n")
    outcome = run_generate(str(specs), str(out), template_dirs=(overrides,))
    assert outcome.exit_code == 1
    assert any(
        d.code == "template-error" and "resource.py.j2" in d.message for d in outcome.diagnostics
    )
    assert tree(out) == before


def test_black_failure_names_resource_and_template_and_writes_nothing(tmp_path: Path) -> None:
    from generator.api import run_generate

    specs, out = _setup(tmp_path)
    before = tree(out)
    overrides = tmp_path / "tpl"
    overrides.mkdir()
    (overrides / "resource.py.j2").write_text("{{ banner }}\ndef broken(:\n")
    outcome = run_generate(str(specs), str(out), template_dirs=(overrides,))
    assert outcome.exit_code == 1
    errors = [d for d in outcome.diagnostics if d.code == "format-error"]
    assert {e.message.split("(resource `")[1].split("`")[0] for e in errors} == {
        "oven",
        "sink",
        "tap",
    }
    assert all("template `resource.py.j2`" in e.message for e in errors)
    assert tree(out) == before


def test_gofmt_failure_names_resource_and_template_and_writes_nothing(tmp_path: Path) -> None:
    from generator.api import run_generate

    specs, out = _setup(tmp_path)
    before = tree(out)
    overrides = tmp_path / "tpl"
    overrides.mkdir()
    (overrides / "resource.go.j2").write_text("{{ banner }}\npackage kitchen\n\nfunc broken( {\n")
    outcome = run_generate(str(specs), str(out), template_dirs=(overrides,))
    assert outcome.exit_code == 1
    errors = [d for d in outcome.diagnostics if d.code == "format-error"]
    assert {e.message.split("(resource `")[1].split("`")[0] for e in errors} == {
        "oven",
        "sink",
        "tap",
    }
    assert all("template `resource.go.j2`" in e.message for e in errors)
    assert all(e.message.startswith("go target:") and "gofmt" in e.message for e in errors)
    assert tree(out) == before


def test_template_override_wins_by_name(tmp_path: Path) -> None:
    from generator.api import run_generate

    specs = copy_specs(KITCHEN_SPECS, tmp_path / "specs")
    out = tmp_path / "generated"
    overrides = tmp_path / "tpl" / "docs"
    overrides.mkdir(parents=True)
    (overrides / "index.md.j2").write_text("---\n{{ banner }}\n---\n\n# Custom index\n")
    outcome = run_generate(str(specs), str(out), template_dirs=(tmp_path / "tpl",))
    assert outcome.exit_code == 0
    # Docs templates are shared: the override reaches every target's docs.
    for docs in ("python", "go"):
        assert (out / docs / "docs/index.md").read_text().endswith("# Custom index\n")
        # Templates not overridden still come from mmgen.
        assert "Arguments Reference" in (out / docs / "docs/resources/sink.md").read_text()


def test_custom_code_is_copied_with_a_banner_and_survives_regeneration(tmp_path: Path) -> None:
    specs, out = _setup(tmp_path)
    hook = out / PKG / "kitchen/custom/sink__before_create.py"
    text = hook.read_text()
    assert "DO NOT EDIT" in text and "specs/kitchen/custom/sink_before_create.py" in text
    assert 'body.setdefault("properties", {})["createdBy"] = "mmgen"' in text
    # The resource imports it from its product's `custom` package.
    assert "from .custom import sink__before_create" in (out / SINK).read_text()
    # The go target copies the Go twin (same name, `.go`) into the product's package.
    go_hook = out / "go/internal/services/kitchen/sink_custom_before_create.go"
    go_text = go_hook.read_text()
    assert go_text.startswith("// ") and "DO NOT EDIT" in go_text
    assert "specs/kitchen/custom/sink_before_create.go" in go_text
    assert 'props["createdBy"] = "mmgen"' in go_text
    assert gen(specs, out).exit_code == 0
    assert (specs / "kitchen/custom/sink_before_create.py").exists()
    assert (specs / "kitchen/custom/sink_before_create.go").exists()


def test_go_target_needs_the_go_twin_of_custom_code(tmp_path: Path) -> None:
    specs = copy_specs(KITCHEN_SPECS, tmp_path / "specs")
    out = tmp_path / "generated"
    (specs / "kitchen/custom/sink_before_create.go").unlink()
    outcome = gen(specs, out)
    assert outcome.exit_code == 1
    (missing,) = [d for d in outcome.diagnostics if d.code == "custom-code-missing"]
    assert "sink_before_create.go" in missing.message and "go target" in missing.message
    assert missing.location.file.endswith("sink.yaml") and missing.location.line
    assert not out.exists(), "nothing may be written when a target fails"
    # The python target alone does not need it.
    assert gen(specs, out, "target=python").exit_code == 0


SINK_OF = {"python": SINK.removeprefix("python/"), "go": GO_SINK.removeprefix("go/")}


def _snapshot(folder: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("target, other", [("python", "go"), ("go", "python")])
def test_one_target_leaves_the_other_targets_files_and_entries_alone(
    tmp_path: Path, target: str, other: str
) -> None:
    specs, out = _setup(tmp_path)
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    other_entries = [f for f in manifest["files"] if f["path"].startswith(other + "/")]
    assert other_entries
    # An edit that changes both targets' files, and a hand edit in the other target.
    sink = specs / "kitchen" / "sink.yaml"
    sink.write_text(sink.read_text().replace("A sink: exercises", "A sink (edited): exercises"))
    hand_edited = out / other / "docs" / "index.md"
    hand_edited.write_text(hand_edited.read_text() + "\nhand edit\n")
    others = _snapshot(out / other)
    outcome = gen(specs, out, f"target={target}")
    assert outcome.exit_code == 0, outcome.messages
    assert any(m.startswith(f"updated {target}/") for m in outcome.messages), outcome.messages
    assert not any(f" {other}/" in m for m in outcome.messages), outcome.messages
    assert _snapshot(out / other) == others
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert [f for f in manifest["files"] if f["path"].startswith(other + "/")] == other_entries
    # --check of the one target is clean; of every target, it finds the other's drift.
    assert gen(specs, out, f"target={target}", check=True).exit_code == 0
    check = gen(specs, out, check=True)
    assert check.exit_code == 1
    drift = {
        m.split(": ", 1)[0].removeprefix(f"{out.name}/")
        for m in check.messages
        if m.startswith(f"{out.name}/") and not m.startswith(f"{out.name}/{MANIFEST_NAME}")
    }
    assert f"{other}/docs/index.md" in drift and f"{other}/{SINK_OF[other]}" in drift
    assert all(p.startswith(f"{other}/") for p in drift), drift
    assert gen(specs, out).exit_code == 0
    assert not hand_edited.read_text().endswith("hand edit\n")
