"""The library API the CLI wraps; tests call these functions directly."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, DiagnosticBag, Severity
from .loaders.formats import FOREIGN, drop_failing, load_any
from .manifest import MANIFEST_NAME
from .model.nodes import Product
from .validate import validate_products


@dataclass
class ValidationReport:
    products: list[Product] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[tuple[str, str], str] = field(default_factory=dict)
    format: str = "mmgen"
    usable: list[Product] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))


def validate_paths(paths: Iterable[str], fmt: str = "auto") -> ValidationReport:
    """Load every spec under `paths` (any supported format) and run every check.

    Never raises on bad input. For foreign formats (mmv1, Azure MM), `usable` holds the
    products without the resources whose specs have errors; `dropped` names those.
    """
    loaded, fmt = load_any(paths, fmt)
    bag = DiagnosticBag(list(loaded.diagnostics))
    findings = validate_products(loaded.products, loaded.sources, shape_checked=fmt not in FOREIGN)
    if fmt in FOREIGN:
        findings = [_relax(d) for d in findings]
    bag.extend(findings)
    diagnostics = bag.sorted()
    report = ValidationReport(loaded.products, diagnostics, loaded.sources, fmt)
    if fmt in FOREIGN:
        errors = [d.location for d in diagnostics if d.is_error]
        report.usable, report.dropped = drop_failing(loaded, errors)
    else:
        report.usable = list(loaded.products)
    return report


# Rules of mmgen's own format that Magic Modules' formats do not have: in those corpora
# they are findings to report, not reasons to leave a resource out.
RELAXED_FOR_FOREIGN = frozenset({"empty-nested-object", "id-param-computed"})


def _relax(d: Diagnostic) -> Diagnostic:
    if d.is_error and d.code in RELAXED_FOR_FOREIGN:
        return replace(
            d, severity=Severity.WARNING, hint=d.hint + " (allowed in Magic Modules specs)"
        )
    return d


@dataclass
class GenerateOutcome:
    exit_code: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # one line per changed file
    diff: str = ""


def run_generate(
    specs_dir: str,
    out_dir: str,
    target: str = "python",
    products: tuple[str, ...] = (),
    resources: tuple[str, ...] = (),
    template_dirs: tuple[Path, ...] = (),
    check: bool = False,
    spec_format: str = "auto",
) -> GenerateOutcome:
    """`mmgen generate`: render everything in memory, then write (or diff for --check)."""
    from .pipeline import Selection, generate
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
        return GenerateOutcome(1, result.diagnostics)
    summary = _summary(result)
    known_products = {p.name for p in result.products}
    known_resources = {r.name for p in result.products for r in p.resources}
    bad = [f"unknown product `{p}`" for p in products if p not in known_products]
    bad += [f"unknown resource `{r}`" for r in resources if r not in known_resources]
    if bad:
        return GenerateOutcome(2, result.diagnostics, [f"error: {b}" for b in bad])
    plan = plan_sync(result, out, Selection(tuple(products), tuple(resources)))
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
    done = apply(plan)
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
    return GenerateOutcome(0, result.diagnostics, messages)


def _summary(result: Any) -> str:
    """Counts for foreign corpora: what loaded, what generated, what was left out."""
    if not result.dropped:
        return ""
    generated = sum(len(p.resources) for p in result.products)
    return (
        f"{generated} resource(s) generated; {len(result.dropped)} left out because of spec "
        f"errors: {', '.join(result.dropped[:10])}{' …' if len(result.dropped) > 10 else ''}"
    )
