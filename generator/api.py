"""The library API the CLI wraps; tests call these functions directly."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic
from .manifest import MANIFEST_NAME
from .pipeline import generate, target_names
from .results import Selection
from .spec_check import ValidationReport, validate_paths
from .sync import Action, apply, describe, plan_sync, unified_diff

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
    """`mmgen generate`: render everything in memory, then write (or diff for --check)."""
    out = Path(out_dir)
    result = generate(
        specs_dir,
        target,
        template_dirs,
        out_label=out.resolve().name or "generated",
        fmt=spec_format,
    )
    if result.has_errors:
        return GenerateOutcome(1, result.diagnostics)
    summary = _summary(result)
    left_out = _left_out(result)
    known_products = {p.name for p in result.products}
    known_resources = {r.name for p in result.products for r in p.resources}
    bad = [f"unknown product `{p}`" for p in products if p not in known_products]
    bad += [f"unknown resource `{r}`" for r in resources if r not in known_resources]
    if bad:
        return GenerateOutcome(2, result.diagnostics, [f"error: {b}" for b in bad])
    selection = Selection(tuple(products), tuple(resources), target_names(target))
    try:
        plan = plan_sync(result, out, selection)
    except OSError as exc:  # e.g. a name longer than the file system allows
        return GenerateOutcome(
            1, result.diagnostics, [f"error: cannot read --out {out}: {exc.strerror or exc}"]
        )
    if plan.errors:
        return GenerateOutcome(1, result.diagnostics, [f"error: {e}" for e in plan.errors])
    if check:
        drift = plan.drift
        diff = "".join(unified_diff(c, out_dir) for c in drift)
        messages = [f"{out / c.path}: {describe(c)}" for c in drift]
        if plan.manifest_changed:
            messages.append(f"{out / MANIFEST_NAME}: out of date")
        if drift or plan.manifest_changed:
            messages.append(f"drift in {len(drift)} file(s): run `make generate`")
            return GenerateOutcome(1, result.diagnostics, messages, diff)
        return GenerateOutcome(0, result.diagnostics, [f"{len(plan.changes)} file(s) up to date"])
    unusable = _unwritable(out)
    if unusable:
        return GenerateOutcome(1, result.diagnostics, [f"error: {unusable}; nothing was written"])
    try:
        done = apply(plan)
    except OSError as exc:  # a full disk, a name too long for the file system, ...
        where = exc.filename or out
        return GenerateOutcome(
            1,
            result.diagnostics,
            [
                f"error: cannot write {where}: {exc.strerror or exc}; files written before it "
                "are complete (every write is atomic) and the next run finishes the tree"
            ],
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
    return GenerateOutcome(0, result.diagnostics, messages, left_out=left_out)


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
