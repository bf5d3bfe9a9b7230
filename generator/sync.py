"""Bring the output folder in line with a generation result, or report how it differs.

`plan_sync()` decides, `apply()` writes, `check()` diffs; both go through the same plan,
so `--check` can never disagree with what `generate` would do.
"""

from __future__ import annotations

import difflib
import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .confine import Escape, checked_output, output_path, read_regular
from .manifest import MANIFEST_NAME, ManifestEntry, read_manifest, render_manifest, sha256_bytes
from .results import GenerationResult, RenderedFile, Selection
from .targets.base import Owner
from .writer import remove_stale_temps, write_text_atomic


class Action(enum.Enum):
    UNCHANGED = "unchanged"
    CREATE = "create"  # missing on disk
    UPDATE = "update"  # spec or generator changed the output
    RESTORE = "restore"  # a generated file was hand-edited: overwritten
    DELETE = "delete"  # its spec was removed: stale
    CONFLICT = "conflict"  # would overwrite a file mmgen does not own


@dataclass(frozen=True)
class FileChange:
    path: str
    action: Action
    old: str | None  # on-disk text (None when missing or binary, or unchanged and not read)
    new: str | None  # generated text (None for deletions, or unchanged and not read)


@dataclass
class SyncPlan:
    out_dir: Path
    changes: list[FileChange] = field(default_factory=list)
    manifest_text: str = ""
    manifest_old: str | None = None
    owned: dict[str, str] = field(default_factory=dict)  # the new manifest: path -> sha256
    # Written before the first new file when there is one (see `apply`).
    manifest_ahead: str | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def drift(self) -> list[FileChange]:
        return [c for c in self.changes if c.action is not Action.UNCHANGED]

    @property
    def manifest_changed(self) -> bool:
        return self.manifest_text != self.manifest_old


def _read(path: Path) -> bytes | None:
    try:
        return read_regular(path)  # a FIFO planted in the output is not waited on
    except OSError:
        return None


def plan_sync(
    result: GenerationResult,
    out_dir: Path,
    selection: Selection | None = None,
    known: Mapping[str, str] | None = None,
) -> SyncPlan:
    """What to write, restore and delete. `known` (path -> sha256) names files whose content
    is known without reading them (up_to_date.known_contents): one known to hold what the
    manifest says and what is generated now is unchanged, and is not read back."""
    selection = selection or Selection()
    known = known or {}
    plan = SyncPlan(out_dir)
    manifest, err = read_manifest(out_dir)
    if err:
        plan.errors.append(err)
        return plan
    old_manifest_bytes = _read(out_dir / MANIFEST_NAME)
    plan.manifest_old = (
        old_manifest_bytes.decode("utf-8", "replace") if old_manifest_bytes is not None else None
    )
    real_dirs: set[str] = set()  # folders found not to be links, for this plan only
    checked: dict[str, str] = {}
    root = os.fspath(out_dir)
    # The manifest is untrusted (it is committed, so a pull request can edit it): every
    # entry must name a file inside the output folder, reached through real folders.
    for path in sorted(manifest):
        try:
            checked[path] = checked_output(root, path, real_dirs)
        except Escape as exc:
            plan.errors.append(
                f"{out_dir / MANIFEST_NAME}: entry {exc}: refusing to touch it. The manifest "
                "only ever lists files inside the output folder; delete the manifest (or the "
                "entry) and regenerate"
            )
    if plan.errors:
        return plan
    in_scope = {p: f for p, f in result.files.items() if selection.covers(f.owner, f.aggregate, p)}
    entries: dict[str, ManifestEntry] = {}
    # Entries outside the selection stay exactly as they were.
    for path, e in manifest.items():
        if not selection.covers(Owner(e.product, e.resource), e.aggregate, path):
            entries[path] = e
    for path, f in sorted(in_scope.items()):
        owned = manifest.get(path)
        sha = f.sha256
        if owned is not None and known.get(path) == owned.sha256 == sha:
            plan.changes.append(FileChange(path, Action.UNCHANGED, None, None))
            entries[path] = _entry(f, sha)
            continue
        try:
            seen = checked.get(path)
            target = Path(seen) if seen is not None else output_path(out_dir, path, real_dirs)
        except Escape as exc:
            plan.errors.append(f"{out_dir}: refusing to write {exc}")
            continue
        data = _read(target)
        old_text = data.decode("utf-8", "replace") if data is not None else None
        new_bytes = f.text.encode("utf-8")
        if data is None:
            action = Action.CREATE
        elif owned is None:
            action = Action.UNCHANGED if data == new_bytes else Action.CONFLICT
        elif data == new_bytes:
            action = Action.UNCHANGED
        elif sha256_bytes(data) != owned.sha256:
            action = Action.RESTORE
        else:
            action = Action.UPDATE
        plan.changes.append(FileChange(path, action, old_text, f.text))
        if action is not Action.CONFLICT:
            entries[path] = _entry(f, sha)
    for path, e in sorted(manifest.items()):
        if path in in_scope or not selection.covers(
            Owner(e.product, e.resource), e.aggregate, path
        ):
            continue
        if path in result.files:
            # Still generated, now by an owner outside the selection: not stale.
            continue
        data = _read(out_dir / path)
        if data is None:
            continue  # already gone; just drop the entry
        plan.changes.append(FileChange(path, Action.DELETE, data.decode("utf-8", "replace"), None))
    plan.manifest_text = render_manifest(list(entries.values()))
    plan.owned = {path: entries[path].sha256 for path in sorted(entries)}
    created = [c.path for c in plan.changes if c.action is Action.CREATE and c.path not in manifest]
    if created:
        # A run killed after creating a file but before writing the manifest would leave
        # a file mmgen no longer owns (a later run with other specs calls it a conflict).
        # So new files are claimed first: old entries plus every entry of this run.
        ahead = dict(manifest)
        ahead.update(entries)
        plan.manifest_ahead = render_manifest([ahead[p] for p in sorted(ahead)])
    for c in plan.changes:
        if c.action is Action.CONFLICT:
            plan.errors.append(
                f"{out_dir / c.path}: exists but is not in {MANIFEST_NAME}; mmgen never overwrites files "
                "it does not own. Move it away (or delete it) and run again."
            )
    return plan


def _entry(f: RenderedFile, sha: str) -> ManifestEntry:
    return ManifestEntry(
        f.path, sha, f.spec, f.template, f.owner.product, f.owner.resource, f.aggregate
    )


def apply(plan: SyncPlan) -> list[FileChange]:
    """Write the plan: atomic writes, unchanged files untouched, stale files deleted."""
    if plan.errors:
        raise RuntimeError("refusing to apply a sync plan with errors")
    done = []
    # Crash safety: every write is atomic (temp file + rename) and the manifest is written
    # ahead of the first new file, so a run killed at any point leaves each file old or
    # new and owned; the next run repairs the rest (see docs/security.md).
    # Temp files a killed run left: one listing per folder the plan touches.
    folders: dict[Path, set[str]] = {plan.out_dir: {MANIFEST_NAME}}
    for c in plan.changes:
        target = plan.out_dir / c.path
        folders.setdefault(target.parent, set()).add(target.name)
    for folder, names in folders.items():
        remove_stale_temps(folder, names)
    if plan.manifest_ahead is not None:
        write_text_atomic(plan.out_dir / MANIFEST_NAME, plan.manifest_ahead)
    for c in plan.changes:
        target = plan.out_dir / c.path
        if c.action in (Action.CREATE, Action.UPDATE, Action.RESTORE) and c.new is not None:
            write_text_atomic(target, c.new)
            done.append(c)
        elif c.action is Action.DELETE:
            target.unlink(missing_ok=True)
            _prune_empty_dirs(target.parent, plan.out_dir)
            done.append(c)
    if plan.manifest_changed or plan.manifest_ahead is not None:
        write_text_atomic(plan.out_dir / MANIFEST_NAME, plan.manifest_text)
    return done


def _prune_empty_dirs(folder: Path, stop: Path) -> None:
    stop = stop.resolve()
    folder = folder.resolve()
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()  # only succeeds when empty
        except OSError:
            return
        folder = folder.parent


def unified_diff(change: FileChange, label: str = "") -> str:
    """A `git apply`-able diff; `label` is the output folder as the user named it."""
    old = (change.old or "").splitlines(keepends=True)
    new = (change.new or "").splitlines(keepends=True)
    shown = f"{label.rstrip('/')}/{change.path}" if label else change.path
    a = f"a/{shown}" if change.old is not None else "/dev/null"
    b = f"b/{shown}" if change.new is not None else "/dev/null"
    text = "".join(difflib.unified_diff(old, new, a, b))
    if text and not text.endswith("\n"):
        text += "\n"
    return text


def describe(change: FileChange) -> str:
    return {
        Action.CREATE: "missing",
        Action.UPDATE: "out of date",
        Action.RESTORE: "hand-edited (generated files are overwritten)",
        Action.DELETE: "stale (its spec is gone)",
        Action.CONFLICT: "not owned by mmgen",
        Action.UNCHANGED: "up to date",
    }[change.action]
