"""load -> model -> validate -> plan files -> render -> format; returns text, writes nothing.

`generate()` is pure: it returns every file's text in memory, or diagnostics. Only
`sync.apply()` touches the disk, and only when generation produced no error, so a bad
spec or a template bug can never leave a half-written tree.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .api import validate_paths
from .banner import banner
from .diagnostics import Diagnostic, DiagnosticBag, Location, Severity
from .formatting import FormatCache, FormatError, format_all, normalize_text
from .loaders.formats import FOREIGN, detect_format
from .loaders.spec_loader import PRODUCT_FILE
from .model.nodes import Product
from .product_cache import ProductCache
from .render.environment import builtin_templates_dir, make_environment
from .targets import TARGETS
from .targets.base import Owner, PlannedFile, TargetOptions


@dataclass(frozen=True)
class RenderedFile:
    path: str
    text: str
    spec: str
    template: str
    owner: Owner
    aggregate: bool

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class GenerationResult:
    files: dict[str, RenderedFile] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    # Errors that stop the run (nothing is written); for foreign formats, spec errors only
    # drop their resource (listed in `dropped`) and are not fatal.
    fatal: list[Diagnostic] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.fatal)


@dataclass(frozen=True)
class Selection:
    """Which specs a run regenerates; aggregates are rebuilt from the full set anyway."""

    products: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()

    def covers(self, owner: Owner, aggregate: bool) -> bool:
        if self.products and owner.product not in self.products:
            return aggregate
        if self.resources:
            return aggregate or owner.resource in self.resources
        return True


def render_file(env: jinja2.Environment, planned: PlannedFile, command: str) -> str:
    prefix = "# "
    head = banner(planned.spec, planned.template, command, prefix)
    if planned.static_text is not None:
        return head + "\n" + planned.static_text
    template = env.get_template(planned.template)
    return template.render(banner=head, **planned.context)


def generate(
    specs_dir: str | Path,
    target: str = "python",
    template_dirs: Sequence[Path] | None = None,
    out_label: str = "generated",
    fmt: str = "auto",
    cache: FormatCache | None = None,
    product_cache: ProductCache | None = None,
) -> GenerationResult:
    """Render every file of every product under `specs_dir` for `target`.

    For mmgen specs any error stops generation. For foreign formats (mmv1, Azure MM) the
    resources whose specs have errors are left out (`result.dropped`) and the rest render.

    Products are rendered one by one, each cached by the content of its spec folder (see
    `product_cache.py`); the result is the same with or without the cache.
    """
    specs_path = Path(specs_dir)
    fmt = detect_format([str(specs_path)]) if fmt == "auto" else fmt
    folders = _product_folders(specs_path, fmt)
    if folders is None or target not in TARGETS:
        pending = _generate(specs_path, [str(specs_path)], target, template_dirs, out_label, fmt)
        return _format_pending([pending], cache)[0]
    store = product_cache or ProductCache.default()
    label = specs_path.resolve().name or "specs"
    env_key = store.environment_key(
        [builtin_templates_dir() / target, *(template_dirs or ())], [target, label, out_label]
    )
    parts: list[GenerationResult | None] = []
    keys: list[str] = []
    missing: list[Path] = []
    for folder in folders:
        key = store.key(env_key, folder, fmt)
        cached = store.get(key)
        keys.append(key)
        if isinstance(cached, GenerationResult):
            parts.append(cached)
        else:
            parts.append(None)
            missing.append(folder)
    jobs = [(specs_path, [str(f)], target, template_dirs, out_label, fmt) for f in missing]
    workers = min(os.cpu_count() or 1, len(jobs))
    if workers > 1 and len(jobs) >= PARALLEL_PRODUCTS:
        # Products are independent: load, validate, plan and render them in parallel.
        with ProcessPoolExecutor(max_workers=workers) as pool:
            misses = list(pool.map(_generate_job, jobs, chunksize=4))
    else:
        misses = [_generate_job(job) for job in jobs]
    fresh = iter(_format_pending(misses, cache))
    result = GenerationResult()
    diagnostics: list[Diagnostic] = []
    for key, part in zip(keys, parts, strict=True):
        if part is None:
            part = next(fresh)
            if not part.fatal:
                store.put(key, _slim(part))
        result.products.extend(part.products)
        result.dropped.extend(part.dropped)
        result.fatal.extend(part.fatal)
        diagnostics.extend(part.diagnostics)
        for path, f in part.files.items():
            if path in result.files:
                result.fatal.append(
                    Diagnostic(
                        Severity.ERROR,
                        "duplicate-output",
                        f"two products write `{path}`",
                        Location(f.spec),
                        "product names must be unique",
                    )
                )
            result.files[path] = f
    result.products.sort(key=lambda p: p.name)
    result.diagnostics = sorted(set(diagnostics), key=Diagnostic.sort_key)
    if result.fatal:
        result.files = {}
    return result


# Below this many products to render, worker start-up costs more than it saves.
PARALLEL_PRODUCTS = 8


def _generate_job(job: tuple[Any, ...]) -> _Pending:
    pending = _generate(*job)
    # The templates' contexts are done with; do not ship them back across processes.
    for pf, _ in pending.rendered:
        pf.context = {}
    return pending


def _slim(part: GenerationResult) -> GenerationResult:
    """What a cached product needs to keep: files, diagnostics, and names (not the model)."""
    import dataclasses

    products = [
        dataclasses.replace(
            p,
            resources=tuple(
                dataclasses.replace(r, properties=(), examples=(), description="")
                for r in p.resources
            ),
        )
        for p in part.products
    ]
    return dataclasses.replace(part, products=products)


def _product_folders(specs_path: Path, fmt: str) -> list[Path] | None:
    """Folders that generate independently, or None when the run cannot be split."""
    if fmt not in ("mmgen", "mmv1") or not specs_path.is_dir():
        return None
    if (specs_path / PRODUCT_FILE).is_file():
        return [specs_path]
    folders = sorted({p.parent for p in specs_path.rglob(PRODUCT_FILE) if p.is_file()})
    return folders or None


def _generate(
    specs_path: Path,
    paths: list[str],
    target: str,
    template_dirs: Sequence[Path] | None,
    out_label: str,
    fmt: str,
) -> _Pending:
    report = validate_paths(paths, fmt)
    result = GenerationResult(products=report.usable, dropped=list(report.dropped))
    bag = DiagnosticBag(list(report.diagnostics))
    foreign = report.format in FOREIGN
    if report.errors and not foreign:
        result.fatal = list(report.errors)
        return _Pending(result, bag)
    target_cls = TARGETS.get(target)
    if target_cls is None:
        bag.error(
            "unknown-target",
            f"unknown target `{target}`",
            hint=f"choose one of: {', '.join(TARGETS)}",
        )
        result.fatal = [d for d in bag.items if d.code == "unknown-target"]
        return _Pending(result, bag)
    label = specs_path.resolve().name or "specs"
    options = TargetOptions(specs_dir=specs_path.resolve(), specs_label=label, out_label=out_label)
    tgt = target_cls(options)
    command = f"mmgen generate --specs {label}/ --out {out_label}/"
    env = make_environment(target, template_dirs)
    fatal = DiagnosticBag()
    rendered: list[tuple[PlannedFile, str]] = []
    for product in report.usable:
        sources = {
            res_name: _banner_path(report.sources[(product.name, res_name)], specs_path, label)
            for (prod, res_name) in report.sources
            if prod == product.name
        }
        planned, diags = tgt.plan(product, sources)
        bag.extend(diags)
        fatal.extend(d for d in diags if d.is_error)
        for pf in planned:
            try:
                rendered.append((pf, render_file(env, pf, command)))
            except jinja2.TemplateError as exc:
                fatal.error(
                    "template-error",
                    f"template `{pf.template}` failed for {_owner_text(pf.owner)}: {exc}",
                    Location(pf.spec),
                    "fix the template (or your --templates override)",
                )
    return _Pending(result, bag, fatal, rendered)


@dataclass
class _Pending:
    """A product rendered but not yet formatted: formatting runs once for all products."""

    result: GenerationResult
    bag: DiagnosticBag = field(default_factory=DiagnosticBag)
    fatal: DiagnosticBag = field(default_factory=DiagnosticBag)
    rendered: list[tuple[PlannedFile, str]] = field(default_factory=list)

    @property
    def python_sources(self) -> list[str]:
        return [text for pf, text in self.rendered if pf.language == "python"]

    def finish(self, formatted: dict[str, str | FormatError]) -> GenerationResult:
        result, bag, fatal = self.result, self.bag, self.fatal
        for pf, text in self.rendered:
            if pf.language == "python":
                outcome = formatted[text]
                if isinstance(outcome, FormatError):
                    fatal.error(
                        "format-error",
                        f"cannot format `{pf.path}` ({_owner_text(pf.owner)}, "
                        f"template `{pf.template}`): {outcome}",
                        Location(pf.spec),
                        "the template or custom code produced invalid Python; nothing was written",
                    )
                    continue
                text = outcome
            else:
                text = normalize_text(text)
            if pf.path in result.files:
                fatal.error(
                    "duplicate-output",
                    f"two planned files share the path `{pf.path}`",
                    Location(pf.spec),
                )
            result.files[pf.path] = RenderedFile(
                pf.path, text, pf.spec, pf.template, pf.owner, pf.aggregate
            )
        bag.extend(fatal.items)
        result.diagnostics = bag.sorted()
        result.fatal = result.fatal or fatal.sorted()
        if result.fatal:
            result.files = {}
        return result


def _format_pending(pending: list[_Pending], cache: FormatCache | None) -> list[GenerationResult]:
    sources = [text for p in pending for text in p.python_sources]
    formatted = format_all(sources, cache or FormatCache())
    return [p.finish(formatted) for p in pending]


def _owner_text(owner: Owner) -> str:
    return (
        f"resource `{owner.resource}` of `{owner.product}`"
        if owner.resource
        else f"product `{owner.product}`"
    )


def _banner_path(display: str, specs_path: Path, label: str) -> str:
    """A spec's path as banners show it: from the specs folder's name, POSIX, machine-free."""
    try:
        rel = Path(display).resolve().relative_to(specs_path.resolve())
    except ValueError:
        return Path(display).as_posix()
    return f"{label}/{rel.as_posix()}"
