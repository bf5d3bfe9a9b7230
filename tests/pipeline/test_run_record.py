"""The run record (`up_to_date.py`): a run like the last one, with nothing changed, is
answered without generating; any change to what it depends on or wrote takes the full path.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator import api, up_to_date

from .helpers import KITCHEN_SPECS, copy_specs, gen

SINK = "python/terraform_provider_kitchen/kitchen/sink.py"


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MMGEN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _full_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the runs that generate (rather than answer from the record)."""
    calls: list[int] = []
    real = api._run_generate
    monkeypatch.setattr(api, "_run_generate", lambda *a: calls.append(1) or real(*a))
    return calls


def _age(folder: Path) -> None:
    """Make every file look written long ago (as after a pause): trusted by stat alone."""
    old = time.time_ns() - 10 * up_to_date.RACY_NS
    for p in folder.rglob("*"):
        if p.is_file():
            os.utime(p, ns=(old, old))


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    specs = copy_specs(KITCHEN_SPECS, tmp_path / "specs")
    out = tmp_path / "generated"
    first = gen(specs, out)
    assert first.exit_code == 0
    return specs, out


def test_a_repeated_run_is_answered_from_the_record(
    tmp_path: Path, cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs, out = _setup(tmp_path)
    calls = _full_runs(monkeypatch)
    second = gen(specs, out)  # files just written: checked by content
    third = gen(specs, out)
    assert calls == []
    n = len([p for p in out.rglob("*") if p.is_file()]) - 1  # less the manifest
    for outcome in (second, third):
        assert outcome.exit_code == 0
        assert outcome.messages[0] == f"0 file(s) changed, {n} unchanged"
        assert not any(m.startswith("wrote ") for m in outcome.messages)
    # The answer is what a full no-op run says.
    monkeypatch.setenv("MMGEN_CACHE_DIR", "off")
    full = gen(specs, out)
    assert full.messages == second.messages
    assert full.diagnostics == second.diagnostics


def test_an_edited_spec_takes_the_full_path(
    tmp_path: Path, cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs, out = _setup(tmp_path)
    sink = specs / "kitchen" / "sink.yaml"
    sink.write_text(sink.read_text().replace("The sink's name.", "The name of the sink.", 1))
    calls = _full_runs(monkeypatch)
    outcome = gen(specs, out)
    assert calls == [1]
    assert any(m.startswith("updated ") for m in outcome.messages)


@pytest.mark.parametrize("aged", [False, True], ids=["just-written", "old"])
def test_a_same_size_hand_edit_with_its_mtime_restored_is_still_seen(
    tmp_path: Path, cached: Path, monkeypatch: pytest.MonkeyPatch, aged: bool
) -> None:
    specs, out = _setup(tmp_path)
    if aged:
        _age(out)
        gen(specs, out)  # re-records the aged files by stat alone
    target = out / SINK
    before = target.stat()
    text = target.read_text()
    target.write_text(text.replace("import", "IMPORT", 1))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size
    calls = _full_runs(monkeypatch)
    outcome = gen(specs, out)
    assert calls == [1]
    assert any(m == f"overwrote hand-edited {SINK}" for m in outcome.messages)
    assert target.read_text() == text


def test_a_deleted_output_takes_the_full_path(
    tmp_path: Path, cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs, out = _setup(tmp_path)
    (out / SINK).unlink()
    calls = _full_runs(monkeypatch)
    outcome = gen(specs, out)
    assert calls == [1] and f"wrote {SINK}" in outcome.messages


def test_check_and_selections_never_use_the_record(
    tmp_path: Path, cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs, out = _setup(tmp_path)
    calls = _full_runs(monkeypatch)
    assert gen(specs, out, check=True).exit_code == 0
    assert gen(specs, out, "product=kitchen").exit_code == 0
    assert calls == [1, 1]


def test_no_record_without_a_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MMGEN_CACHE_DIR", "off")
    specs, out = _setup(tmp_path)
    calls = _full_runs(monkeypatch)
    gen(specs, out)
    assert calls == [1]


def test_a_failed_run_drops_the_record(
    tmp_path: Path, cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs, out = _setup(tmp_path)
    sink = specs / "kitchen" / "sink.yaml"
    good = sink.read_text()
    sink.write_text(good.replace("presence: required\n", "presence: requird\n", 1))
    assert gen(specs, out).exit_code == 1
    sink.write_text(good)  # back to the bytes of the recorded run
    calls = _full_runs(monkeypatch)
    assert gen(specs, out).exit_code == 0
    assert calls == [1]


def test_a_link_in_the_specs_never_uses_a_record(
    tmp_path: Path, cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a link points at is outside what the digest hashes: always the full path.
    specs, out = _setup(tmp_path)
    (tmp_path / "elsewhere.md").write_text("notes\n")
    (specs / "NOTES.md").symlink_to(tmp_path / "elsewhere.md")
    gen(specs, out)
    calls = _full_runs(monkeypatch)
    gen(specs, out)
    assert calls == [1]


def test_a_new_empty_folder_in_the_specs_takes_the_full_path(
    tmp_path: Path, cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs, out = _setup(tmp_path)
    (specs / "kitchen" / "drafts").mkdir()
    calls = _full_runs(monkeypatch)
    gen(specs, out)
    assert calls == [1]


def test_the_replayed_count_leaves_out_deleted_files(
    tmp_path: Path, cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs, out = _setup(tmp_path)
    oven = specs / "kitchen" / "oven.yaml"
    oven.unlink()
    after_delete = gen(specs, out)
    assert any(m.startswith("deleted stale ") for m in after_delete.messages)
    replayed = gen(specs, out)
    monkeypatch.setenv("MMGEN_CACHE_DIR", "off")
    assert replayed.messages == gen(specs, out).messages


def _known(out: Path) -> dict[str, str]:
    """What the record vouches for, asked as `gen` runs: from the output's parent."""
    cwd = os.getcwd()
    try:
        os.chdir(out.parent)
        return up_to_date.known_contents(out.name)
    finally:
        os.chdir(cwd)


def _edit_oven(specs: Path) -> None:
    oven = specs / "kitchen" / "oven.yaml"
    text = oven.read_text()
    assert "description: " in text
    oven.write_text(text.replace("description: ", "description: Edited. ", 1))


def test_after_a_spec_edit_a_hand_edit_the_record_cannot_vouch_for_is_restored(
    tmp_path: Path, cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run whose specs changed compares files the record vouches for by hash alone; a
    file hand-edited since (same size, mtime restored) is not vouched for, so it is read
    and restored."""
    specs, out = _setup(tmp_path)
    # _age changes every ctime to now: no file is "racy" for this record all the same, as
    # if it had been written more than RACY_NS before it.
    monkeypatch.setattr(up_to_date, "RACY_NS", 0)
    _age(out)
    gen(specs, out)  # records the aged files by stat alone
    assert SINK in _known(out)
    target = out / SINK
    before = target.stat()
    text = target.read_text()
    target.write_text(text.replace("import", "IMPORT", 1))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert SINK not in _known(out)  # its ctime moved
    _edit_oven(specs)
    calls = _full_runs(monkeypatch)
    outcome = gen(specs, out)
    assert calls == [1]
    assert f"overwrote hand-edited {SINK}" in outcome.messages
    assert target.read_text() == text


def test_after_a_spec_edit_files_the_record_vouches_for_are_not_read_back(
    tmp_path: Path, cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import sync

    specs, out = _setup(tmp_path)
    monkeypatch.setattr(up_to_date, "RACY_NS", 0)  # as above
    _age(out)
    gen(specs, out)
    read: list[str] = []
    real = sync._read
    monkeypatch.setattr(sync, "_read", lambda p: read.append(Path(p).name) or real(p))
    _edit_oven(specs)
    outcome = gen(specs, out)
    changed = {m.split(" ", 1)[1] for m in outcome.messages if m.startswith("updated ")}
    assert changed and SINK not in changed
    # The manifest, and the files whose new text differs from what the record vouches for.
    assert sorted(read) == sorted([".mmgen-manifest.json", *(Path(c).name for c in changed)])
    # And the result is what a run without any record writes.
    fresh = tmp_path / "fresh" / "generated"  # banners name the output folder
    fresh.parent.mkdir()
    monkeypatch.setenv("MMGEN_CACHE_DIR", "off")
    gen(specs, fresh)
    assert sorted(p.name for p in fresh.rglob("*")) == sorted(p.name for p in out.rglob("*"))
    for p in fresh.rglob("*"):
        if p.is_file() and p.name != ".mmgen-manifest.json":
            assert (out / p.relative_to(fresh)).read_bytes() == p.read_bytes(), p
