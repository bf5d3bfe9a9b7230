"""The library API the CLI wraps; tests call these functions directly."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, DiagnosticBag, Severity
from .loaders.spec_loader import LoadResult, load_specs
from .model.nodes import Product
from .validate import validate_products

MANIFEST_LABEL = ".mmgen-manifest.json"


@dataclass
class ValidationReport:
    products: list[Product] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))


def validate_paths(paths: Iterable[str]) -> ValidationReport:
    """Load every spec under `paths` and run every check; never raises on bad input."""
    loaded: LoadResult = load_specs(paths)
    bag = DiagnosticBag(list(loaded.diagnostics))
    bag.extend(validate_products(loaded.products, loaded.sources, shape_checked=True))
    return ValidationReport(loaded.products, bag.sorted(), loaded.sources)


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
) -> GenerateOutcome:
    """`mmgen generate`: render everything in memory, then write (or diff for --check)."""
    from .pipeline import Selection, generate
    from .sync import Action, apply, describe, plan_sync, unified_diff

    out = Path(out_dir)
    result = generate(specs_dir, target, template_dirs, out_label=out.resolve().name or "generated")
    if result.has_errors:
        return GenerateOutcome(1, result.diagnostics)
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
            messages.append(f"{MANIFEST_LABEL}: out of date")
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
    return GenerateOutcome(0, result.diagnostics, messages)
