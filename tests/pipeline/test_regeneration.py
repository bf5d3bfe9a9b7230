"""Writing, regeneration and drift: what `generate` and `--check` do to a real folder."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from generator.manifest import MANIFEST_NAME

from .helpers import KITCHEN_SPECS, SPECS, copy_specs, gen, tree

SINK = "python/kitchen/terraform_provider_kitchen/resources/sink.py"
OVEN = "python/kitchen/terraform_provider_kitchen/resources/oven.py"


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
    (out / SINK).write_text(original + "\nHAND_EDIT = 1\n")
    outcome = gen(specs, out, check=True)
    assert outcome.exit_code == 1
    assert any(SINK in m and "hand-edited" in m for m in outcome.messages)
    assert "+HAND_EDIT = 1" not in outcome.diff and "-HAND_EDIT = 1" in outcome.diff
    assert (out / SINK).read_text().endswith("HAND_EDIT = 1\n"), "--check must not write"
    outcome = gen(specs, out)
    assert outcome.exit_code == 0
    assert any(m == f"overwrote hand-edited {SINK}" for m in outcome.messages)
    assert (out / SINK).read_text() == original


def test_check_reports_missing_files(tmp_path: Path) -> None:
    specs, out = _setup(tmp_path)
    (out / OVEN).unlink()
    outcome = gen(specs, out, check=True)
    assert outcome.exit_code == 1
    assert any(OVEN in m and "missing" in m for m in outcome.messages)
    assert f"+++ b/generated/{OVEN}" in outcome.diff


def test_removed_spec_deletes_its_files_but_not_hand_written_ones(tmp_path: Path) -> None:
    specs, out = _setup(tmp_path)
    notes = out / "python" / "kitchen" / "terraform_provider_kitchen" / "resources" / "NOTES.md"
    notes.write_text("hand-written; not in the manifest\n")
    lookalike = out / "python" / "kitchen" / "docs" / "resources" / "toaster.md"
    lookalike.write_text("a file named like a generated one, but not owned\n")
    (specs / "kitchen" / "oven.yaml").unlink()
    check = gen(specs, out, check=True)
    assert check.exit_code == 1 and any(OVEN in m and "stale" in m for m in check.messages)
    assert gen(specs, out).exit_code == 0
    assert not (out / OVEN).exists()
    assert not (out / "python/kitchen/docs/resources/oven.md").exists()
    assert not (out / "python/kitchen/tests/acceptance/test_oven.py").exists()
    assert notes.read_text() == "hand-written; not in the manifest\n"
    assert lookalike.exists()
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert not any("oven" in f["path"] for f in manifest["files"])
    registry = (out / "python/kitchen/terraform_provider_kitchen/provider.py").read_text()
    assert "Oven" not in registry


def test_never_overwrites_a_file_it_does_not_own(tmp_path: Path) -> None:
    specs = copy_specs(KITCHEN_SPECS, tmp_path / "specs")
    out = tmp_path / "generated"
    mine = out / SINK
    mine.parent.mkdir(parents=True)
    mine.write_text("# mine\n")
    outcome = gen(specs, out)
    assert outcome.exit_code == 1
    assert any("not in .mmgen-manifest.json" in m for m in outcome.messages)
    assert mine.read_text() == "# mine\n"
    assert sorted(tree(out)) == [SINK], "nothing else may be written when the run fails"


def test_product_selection_leaves_other_products_untouched(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    shutil.copytree(KITCHEN_SPECS / "kitchen", specs / "kitchen")
    shutil.copytree(SPECS / "batchai", specs / "batchai")
    out = tmp_path / "generated"
    assert gen(specs, out).exit_code == 0
    before = tree(out)
    # Change both products' specs, regenerate only kitchen.
    sink = specs / "kitchen" / "sink.yaml"
    sink.write_text(sink.read_text().replace("A sink: exercises", "A sink (edited): exercises"))
    job = next(p for p in (specs / "batchai").glob("*.yaml") if p.name != "product.yaml")
    job.write_text(job.read_text().replace("  create: 30\n", "  create: 31\n", 1), encoding="utf-8")
    (out / "python/batchai/NOTES.md").write_text("keep\n")
    outcome = gen(specs, out, "product=kitchen")
    assert outcome.exit_code == 0, outcome.messages
    after = tree(out)
    changed = {p for p in after if before.get(p) != after[p]}
    assert any("kitchen" in p for p in changed)
    assert not any(
        p.startswith("python/batchai/") and p != "python/batchai/NOTES.md" for p in changed
    )
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert any(f["product"] == "batchai" for f in manifest["files"]), "other products stay owned"


def test_resource_selection_rebuilds_aggregates_from_all_specs(tmp_path: Path) -> None:
    specs, out = _setup(tmp_path)
    oven_before = (out / OVEN).read_bytes()
    (specs / "kitchen" / "oven.yaml").write_text(
        (specs / "kitchen" / "oven.yaml").read_text().replace("An oven;", "An oven (v2);")
    )
    outcome = gen(specs, out, "resource=sink")
    assert outcome.exit_code == 0
    assert (out / OVEN).read_bytes() == oven_before, "--resource sink must not touch oven"
    registry = (out / "python/kitchen/terraform_provider_kitchen/provider.py").read_text()
    assert "Oven" in registry and "Sink" in registry


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
    assert {e.message.split("(resource `")[1].split("`")[0] for e in errors} == {"oven", "sink"}
    assert all("template `resource.py.j2`" in e.message for e in errors)
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
    assert (out / "python/kitchen/docs/index.md").read_text().endswith("# Custom index\n")
    # Templates not overridden still come from mmgen.
    assert "Arguments Reference" in (out / "python/kitchen/docs/resources/sink.md").read_text()


def test_custom_code_is_copied_with_a_banner_and_survives_regeneration(tmp_path: Path) -> None:
    specs, out = _setup(tmp_path)
    hook = out / "python/kitchen/terraform_provider_kitchen/custom/sink__before_create.py"
    text = hook.read_text()
    assert "DO NOT EDIT" in text and "specs/kitchen/custom/sink_before_create.py" in text
    assert 'body.setdefault("properties", {})["createdBy"] = "mmgen"' in text
    assert gen(specs, out).exit_code == 0
    assert (specs / "kitchen/custom/sink_before_create.py").exists()
