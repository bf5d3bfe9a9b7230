"""The library API the CLI wraps; tests call these functions directly."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .diagnostics import Diagnostic

if TYPE_CHECKING:
    from .spec_check import ValidationReport, validate_paths


def __getattr__(name: str) -> Any:
    # Loaded on first use: `generate` answered from its run record needs no loader.
    if name in ("ValidationReport", "validate_paths"):
        from . import spec_check

        return getattr(spec_check, name)
    raise AttributeError(name)


__all__ = ["GenerateOutcome", "ValidationReport", "run_generate", "validate_paths"]


@dataclass
class GenerateOutcome:
    exit_code: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # one line per changed file
    diff: str = ""
    # (reason, names) of the resources left out, every name: the CLI prints or counts them.
    left_out: list[tuple[str, list[str]]] = field(default_factory=list)


def run_generate(
    specs_dir: str,
    out_dir: str,
    target: str = "all",
    products: tuple[str, ...] = (),
    resources: tuple[str, ...] = (),
    template_dirs: tuple[Path, ...] = (),
    check: bool = False,
    spec_format: str = "auto",
) -> GenerateOutcome:
    """`mmgen generate`: render everything in memory, then write (or diff for --check).

    A run like the last one, with nothing it depends on or wrote changed since, is
    answered from the record of that run (`up_to_date.py`) without loading a spec."""
    from . import up_to_date
    from .render.template_root import builtin_templates_dir

    digest: str | None = None
    record = up_to_date.read_record(out_dir)
    if not (check or products or resources):
        digest = up_to_date.run_digest(
            specs_dir, out_dir, target, template_dirs, spec_format, builtin_templates_dir()
        )
        last = up_to_date.recorded(out_dir, digest, record) if digest is not None else None
        if last is not None:
            return last.outcome
    outcome, written = _run_generate(
        specs_dir, out_dir, target, products, resources, template_dirs, check, spec_format, record
    )
    if digest is not None:
        if outcome.exit_code == 0 and written is not None:
            # Reported again by the next run like this one, when every file is unchanged.
            again = [m for m in outcome.messages if not m.startswith(FILE_VERBS)]
            again = [
                f"0 file(s) changed, {written.in_scope} unchanged" if " file(s) changed" in m else m
                for m in again
            ]
            recorded = GenerateOutcome(0, outcome.diagnostics, again, left_out=outcome.left_out)
            up_to_date.remember(out_dir, digest, written.outside_reads, written.owned, recorded)
        else:
            up_to_date.forget(out_dir)
    return outcome


# The lines that name one file each (`-q` leaves them out; a run record drops them).
FILE_VERBS = ("wrote ", "updated ", "overwrote hand-edited ", "deleted stale ")


def _run_generate(
    specs_dir: str,
    out_dir: str,
    target: str,
    products: tuple[str, ...],
    resources: tuple[str, ...],
    template_dirs: tuple[Path, ...],
    check: bool,
    spec_format: str,
    record: Any = None,
) -> tuple[GenerateOutcome, _Written | None]:
    """The outcome, and after a successful write what the run record needs; `record` is
    the last run's (up_to_date.RunRecord), for the files it vouches for."""
    from . import up_to_date
    from .manifest import MANIFEST_NAME, sha256_bytes
    from .pipeline import generate, target_names
    from .results import Selection
    from .sync import Action, apply, describe, plan_sync, unified_diff

    out = Path(out_dir)
    result = generate(
        specs_dir,
        target,
        template_dirs,
        out_label=out.resolve().name or "generated",
        fmt=spec_format,
    )
    if result.has_errors:
        return _no_record(GenerateOutcome(1, result.diagnostics))
    summary = _summary(result)
    left_out = _left_out(result)
    known_products = {p.name for p in result.products}
    known_resources = {r.name for p in result.products for r in p.resources}
    bad = [f"unknown product `{p}`" for p in products if p not in known_products]
    bad += [f"unknown resource `{r}`" for r in resources if r not in known_resources]
    if bad:
        return _no_record(GenerateOutcome(2, result.diagnostics, [f"error: {b}" for b in bad]))
    selection = Selection(tuple(products), tuple(resources), target_names(target))
    try:
        known = up_to_date.known_contents(out_dir, record)
        plan = plan_sync(result, out, selection, known)
    except OSError as exc:  # e.g. a name longer than the file system allows
        return _no_record(
            GenerateOutcome(
                1, result.diagnostics, [f"error: cannot read --out {out}: {exc.strerror or exc}"]
            )
        )
    if plan.errors:
        return _no_record(
            GenerateOutcome(1, result.diagnostics, [f"error: {e}" for e in plan.errors])
        )
    if check:
        drift = plan.drift
        diff = "".join(unified_diff(c, out_dir) for c in drift)
        messages = [f"{out / c.path}: {describe(c)}" for c in drift]
        if plan.manifest_changed:
            messages.append(f"{out / MANIFEST_NAME}: out of date")
        if drift or plan.manifest_changed:
            messages.append(f"drift in {len(drift)} file(s): run `make generate`")
            return _no_record(GenerateOutcome(1, result.diagnostics, messages, diff))
        return _no_record(
            GenerateOutcome(0, result.diagnostics, [f"{len(plan.changes)} file(s) up to date"])
        )
    unusable = _unwritable(out)
    if unusable:
        return _no_record(
            GenerateOutcome(1, result.diagnostics, [f"error: {unusable}; nothing was written"])
        )
    try:
        done = apply(plan)
    except OSError as exc:  # a full disk, a name too long for the file system, ...
        where = exc.filename or out
        return _no_record(
            GenerateOutcome(
                1,
                result.diagnostics,
                [
                    f"error: cannot write {where}: {exc.strerror or exc}; files written before it "
                    "are complete (every write is atomic) and the next run finishes the tree"
                ],
            )
        )
    messages = []
    for c in done:
        verb = {
            Action.CREATE: "wrote",
            Action.UPDATE: "updated",
            Action.RESTORE: "overwrote hand-edited",
            Action.DELETE: "deleted stale",
        }[c.action]
        messages.append(f"{verb} {c.path}")
    unchanged = sum(1 for c in plan.changes if c.action is Action.UNCHANGED)
    messages.append(f"{len(done)} file(s) changed, {unchanged} unchanged")
    if summary:
        messages.append(summary)
    owned = dict(plan.owned)
    owned[MANIFEST_NAME] = sha256_bytes(plan.manifest_text.encode("utf-8"))
    kept = sum(1 for c in done if c.action is not Action.DELETE) + unchanged
    written = _Written(owned, kept, dict(result.outside_reads))
    return GenerateOutcome(0, result.diagnostics, messages, left_out=left_out), written


@dataclass
class _Written:
    """What a successful write leaves for the run record."""

    owned: dict[str, str]  # every file the manifest lists, and the manifest: path -> sha256
    in_scope: int  # files of this run: the next no-op reports them unchanged
    outside_reads: dict[str, str]


def _no_record(outcome: GenerateOutcome) -> tuple[GenerateOutcome, None]:
    return outcome, None


def _unwritable(out: Path) -> str | None:
    """Why the output folder cannot be written, checked before the first write."""
    probe = out
    try:
        while not probe.exists() and probe.parent != probe:
            probe = probe.parent
        exists = probe.exists()
    except OSError as exc:
        return f"--out {out}: {exc.strerror or exc}"
    if exists and not probe.is_dir():
        return f"--out {out}: `{probe}` is a file, not a folder"
    if exists and not os.access(probe, os.W_OK | os.X_OK):
        return f"--out {out}: `{probe}` is not writable"
    return None


def _summary(result: Any) -> str:
    """Counts for foreign corpora: what generated per target, and how many were left out.

    The names themselves are in `GenerateOutcome.left_out`, every one of them."""
    left_out = _left_out(result)
    if not left_out:
        return ""
    counts = ", ".join(f"{t}: {n}" for t, n in sorted(result.generated.items()))
    parts = [f"resource(s) generated ({counts})"]
    parts += [f"{len(names)} {reason}" for reason, names in left_out]
    return "; ".join(parts)


def _left_out(result: Any) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    if result.dropped:
        out.append(
            ("resource(s) left out of every target because of spec errors", list(result.dropped))
        )
    for target, names in sorted(result.dropped_by_target.items()):
        if names:
            out.append(
                (
                    f"resource(s) left out of {target} only (unsupported-feature or a {target} check, "
                    "see the diagnostics)",
                    list(names),
                )
            )
    return out
