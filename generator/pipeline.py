"""load -> model -> validate -> plan files -> render -> format; returns text, writes nothing.

`generate()` is pure: it returns every file's text in memory, or diagnostics. Only
`sync.apply()` touches the disk, and only when generation produced no error, so a bad
spec or a template bug can never leave a half-written tree.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import resource_memo
from .diagnostics import Diagnostic, DiagnosticBag, Location, Severity
from .formatting import FormatCache, formatter_name
from .gc_budget import fewer_collections
from .loaders.formats import FOREIGN, PRODUCT_FILE, detect_format
from .model.nodes import CustomCode, Product, Provider, RestMapping, Timeouts
from .outside_reads import recording
from .product_cache import ProductCache
from .progress import Bar, stage
from .provider_tree import check_provider, provider_products, resolve_provider
from .render.environment import builtin_templates_dir, shared_environment
from .rendering import (
    Pending,
    RenderedParts,
    format_here,
    format_pending,
    render_all,
    resource_files,
)
from .results import GenerationResult, RenderedFile
from .spec_check import validate_paths
from .targets import TARGETS
from .targets.base import (
    PlannedFile,
    TargetOptions,
    resource_spec,
)
from .targets.checks import target_checks
from .workers import worker_pool


def target_names(target: str | Sequence[str]) -> tuple[str, ...]:
    """`all` (every target, in name order), one name, or several."""
    if isinstance(target, str):
        return tuple(sorted(TARGETS)) if target == "all" else (target,)
    return tuple(target)


@fewer_collections
def generate(
    specs_dir: str | Path,
    target: str | Sequence[str] = "all",
    template_dirs: Sequence[Path] | None = None,
    out_label: str = "generated",
    fmt: str = "auto",
    cache: FormatCache | None = None,
    product_cache: ProductCache | None = None,
) -> GenerationResult:
    """Render every file of the tree's provider under `specs_dir`, for each target.

    For mmgen specs any error stops generation. For foreign formats (mmv1, Azure MM) the
    resources whose specs have errors, or use a feature the target lacks, are left out
    (`result.dropped`) and the rest render.

    Products are rendered one by one, each cached by the content of its spec folder (see
    `product_cache.py`); the result is the same with or without the cache.
    """
    specs_path = Path(specs_dir)
    fmt = detect_format([str(specs_path)]) if fmt == "auto" else fmt
    names = target_names(target)
    unknown = [n for n in names if n not in TARGETS]
    if unknown:
        bad = Diagnostic(
            Severity.ERROR,
            "unknown-target",
            f"unknown target `{unknown[0]}`",
            Location(str(specs_path)),
            f"choose one of: {', '.join(sorted(TARGETS))}, or all",
        )
        return GenerationResult(diagnostics=[bad], fatal=[bad])
    folders = _product_folders(specs_path, fmt)
    provider, provider_diags = resolve_provider(
        specs_path, fmt, [f / PRODUCT_FILE for f in folders or ()]
    )
    if provider is None:
        return GenerationResult(diagnostics=provider_diags, fatal=list(provider_diags))
    result = GenerationResult()
    diagnostics: list[Diagnostic] = list(provider_diags)
    with stage("generating products", len(folders or [specs_path]) * len(names)) as bar:
        parts = [
            _generate_target(
                specs_path,
                folders,
                name,
                provider,
                template_dirs,
                out_label,
                fmt,
                cache,
                product_cache,
                bar,
            )
            for name in names
        ]
    for name, part in zip(names, parts, strict=True):
        result.outside_reads.update(part.outside_reads)
        if not result.products:
            result.products = part.products
        # Spec errors drop a resource from every target; a missing feature from one.
        result.dropped.extend(d for d in part.dropped if d not in result.dropped)
        result.dropped_by_target[name] = sorted(part.dropped_by_target.get(name, []))
        result.generated[name] = sum(len(p.resources) for p in part.products)
        result.fatal.extend(part.fatal)
        diagnostics.extend(part.diagnostics)
        for path, f in part.files.items():
            _add_file(result, path, f)
    result.provider = provider
    result.diagnostics = sorted(set(diagnostics), key=Diagnostic.sort_key)
    if result.fatal:
        result.files = {}
    return result


def _add_file(result: GenerationResult, path: str, f: RenderedFile) -> None:
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


def _generate_target(
    specs_path: Path,
    folders: list[Path] | None,
    target: str,
    provider: Provider,
    template_dirs: Sequence[Path] | None,
    out_label: str,
    fmt: str,
    cache: FormatCache | None,
    product_cache: ProductCache | None,
    bar: Bar | None = None,
) -> GenerationResult:
    """Every product of one target (cached per product), then the provider-wide files."""
    bar = bar or Bar(None, "", 0)
    if folders is None:
        whole = (specs_path, [str(specs_path)], target, provider, template_dirs, out_label, fmt)
        parts = _run_jobs([(whole, None)], target, cache, bar)
    else:
        store = product_cache or ProductCache.default()
        label = specs_path.resolve().name or "specs"
        env_key = store.environment_key(
            [
                builtin_templates_dir() / target,
                builtin_templates_dir() / "docs",
                *(template_dirs or ()),
            ],
            [target, label, out_label, repr(provider)],
        )
        keys = [store.key(env_key, folder, fmt) for folder in folders]
        cached = [store.get(k) for k in keys]
        missing = [i for i, c in enumerate(cached) if not isinstance(c, GenerationResult)]
        # Largest products first, one per task: a big product started last (compute is a
        # quarter of the corpus) would leave the other worker idle at the end.
        missing.sort(key=lambda i: -_folder_size(folders[i]))
        # Resources are kept one by one beside the products (resource_memo.py); their
        # rendered files, in the product's last entry (its folder's tag names it).
        tags = [store.folder_tag(env_key, folder, fmt) for folder in folders]
        jobs = [
            (
                (specs_path, [str(folders[i])], target, provider, template_dirs, out_label, fmt),
                _MemoArgs(env_key, store.directory, tags[i]),
            )
            for i in missing
        ]
        bar.advance(len(folders) - len(jobs))
        fresh = dict(zip(missing, _run_jobs(jobs, target, cache, bar), strict=True))
        parts = []
        for i, (key, hit) in enumerate(zip(keys, cached, strict=True)):
            if isinstance(hit, GenerationResult):
                parts.append(hit)
                continue
            part = fresh[i]
            if not part.fatal:
                store.put(key, _slim(part), tags[i])
            parts.append(part)
    result = GenerationResult()
    diagnostics: list[Diagnostic] = []
    for part in parts:
        result.outside_reads.update(part.outside_reads)
        result.products.extend(part.products)
        result.dropped.extend(part.dropped)
        for key, names in part.dropped_by_target.items():
            result.dropped_by_target.setdefault(key, []).extend(names)
        result.fatal.extend(part.fatal)
        diagnostics.extend(part.diagnostics)
        for path, f in part.files.items():
            _add_file(result, path, f)
    result.products.sort(key=lambda p: p.name)
    checks = check_provider(provider, result.products)
    diagnostics.extend(checks)
    result.fatal.extend(d for d in checks if d.is_error)
    if not result.fatal:
        tail = format_pending(
            [
                _plan_provider(
                    specs_path, target, provider, result.products, template_dirs, out_label
                )
            ],
            target,
            cache,
        )[0]
        result.fatal.extend(tail.fatal)
        diagnostics.extend(tail.diagnostics)
        for path, f in tail.files.items():
            _add_file(result, path, f)
    result.diagnostics = diagnostics
    return result


# Below this many products to render, worker start-up costs more than it saves.
PARALLEL_PRODUCTS = 8


def _run_jobs(
    jobs: list[Any], target: str, cache: FormatCache | None, bar: Bar
) -> list[GenerationResult]:
    """Each job's product loaded, validated, planned and rendered (in worker processes when
    there are enough), then formatted in batches while the workers go on: one formatter
    process per batch of files, not per product (ruff and gofmt start in milliseconds
    but format a batch on every core), overlapping the rendering of later products."""
    workers = min(os.cpu_count() or 1, len(jobs))
    if workers <= 1 or len(jobs) < PARALLEL_PRODUCTS:
        rendered = []
        for job in jobs:
            rendered.append(_generate_job(job))
            bar.advance()
        return format_pending(rendered, target, cache)
    # black formats in a process pool of its own, which must not be forked from a thread:
    # it gets one batch, formatted below in this thread once the workers are done.
    overlap = formatter_name() != "black"
    batch: list[tuple[int, Pending]] = []
    formatting: list[Future[list[tuple[int, GenerationResult]]]] = []
    with ThreadPoolExecutor(1) as formatter, worker_pool(workers) as pool:
        for i, pending in enumerate(pool.map(_generate_job, jobs, chunksize=1)):
            bar.advance()
            batch.append((i, pending))
            if overlap and sum(len(p.rendered) for _, p in batch) >= FORMAT_BATCH:
                formatting.append(formatter.submit(_format_batch, batch, target, cache))
                batch = []
    parts = [pair for done in formatting for pair in done.result()]
    parts += _format_batch(batch, target, cache) if batch else []
    return [part for _, part in sorted(parts, key=lambda pair: pair[0])]


# Files per formatter process: large enough that start-up is noise, small enough that the
# first batch starts while most products are still rendering.
FORMAT_BATCH = 400


def _format_batch(
    batch: list[tuple[int, Pending]], target: str, cache: FormatCache | None
) -> list[tuple[int, GenerationResult]]:
    parts = format_pending([p for _, p in batch], target, cache)
    return [(i, part) for (i, _), part in zip(batch, parts, strict=True)]


@dataclass(frozen=True)
class _MemoArgs:
    """What a product job needs to keep and reuse its resources' parts."""

    env_key: str
    products_dir: Path | None  # the product cache's folder; the memo's is beside it
    tag: str  # the product folder's tag there (its last entry)


def _generate_job(job: tuple[tuple[Any, ...], _MemoArgs | None]) -> Pending:
    """One product (or the whole tree) loaded, validated, planned and rendered; with memo
    arguments, each resource's part is kept and reused on its own."""
    args, memo_args = job
    memo = parts = None
    if memo_args is not None and memo_args.products_dir is not None:
        # One pack per product folder, whatever the target: the load and validate entries
        # of one target's run are the other target's too.
        pack = resource_memo.key_of("pack", *(os.path.abspath(p) for p in job[0][1]))
        memo = resource_memo.ResourceMemo(memo_args.products_dir.parent / "resources", pack)
        store = ProductCache(memo_args.products_dir)
        parts = RenderedParts(lambda: store.previous(memo_args.tag))
    with recording() as reads, resource_memo.using(memo):
        specs_path, paths, target, provider, template_dirs, out_label, fmt = args
        env_key = memo_args.env_key if memo_args is not None else None
        pending = _generate(
            specs_path, paths, target, provider, template_dirs, out_label, fmt, env_key, parts
        )
    # The templates' contexts are done with; do not ship them back across processes.
    for pf, _ in pending.rendered:
        pf.context = {}
    pending.result.outside_reads = dict(sorted(reads.items()))
    if memo is not None:
        memo.flush()
        # A run with a cache returns every product as the cache keeps it, fresh or not (so
        # what `generate` returns never depends on what was cached); and full models cost
        # more to send back to the parent than anything else a product holds.
        pending.result = _slim(pending.result)
    return pending


def _folder_size(folder: Path) -> int:
    """Bytes of a product's spec files: how long it takes, near enough, to schedule by."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# What a resource keeps once its files are rendered: the provider-wide files and the
# summary read names, types, the first paragraph of the description and a few flags.
_NO_REST = RestMapping(base_url="", id_template="")


def _slim(part: GenerationResult) -> GenerationResult:
    """What a product needs to keep once rendered (in the cache, and on its way back from a
    worker): files, diagnostics, names and summaries. The provider-wide files are made from
    these alone, which the cache tests hold them to (the same output cached or not)."""

    products = [
        dataclasses.replace(
            p,
            resources=tuple(
                dataclasses.replace(
                    r,
                    rest=_NO_REST,
                    properties=(),
                    import_formats=(),
                    timeouts=Timeouts(),
                    examples=(),
                    references=(),
                    custom_code=CustomCode(),
                    breaking_changes_allowed=(),
                    description=r.description.strip().split("\n\n")[0],
                )
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


def _command(specs_path: Path, out_label: str) -> str:
    label = specs_path.resolve().name or "specs"
    return f"mmgen generate --specs {label}/ --out {out_label}/"


def _generate(
    specs_path: Path,
    paths: list[str],
    target: str,
    provider: Provider,
    template_dirs: Sequence[Path] | None,
    out_label: str,
    fmt: str,
    env_key: str | None = None,
    parts: RenderedParts | None = None,
) -> Pending:
    report = validate_paths(paths, fmt)
    products = provider_products(provider, report.usable)
    result = GenerationResult(products=products, dropped=list(report.dropped))
    bag = DiagnosticBag(list(report.diagnostics))
    foreign = report.format in FOREIGN
    if report.errors and not foreign:
        result.fatal = list(report.errors)
        return Pending(result, bag)
    label = specs_path.resolve().name or "specs"
    options = TargetOptions(specs_dir=specs_path.resolve(), specs_label=label, out_label=out_label)
    tgt = TARGETS[target](options)
    checked: list[Product] = []
    fatal = DiagnosticBag()
    for product in products:
        kept, diags, dropped = target_checks(tgt, provider, product)
        bag.extend(diags)
        if foreign:
            result.dropped_by_target.setdefault(target, []).extend(dropped)
            checked.append(kept)
        else:
            fatal.extend(d for d in diags if d.is_error)
            checked.append(product)
    result.products = checked
    if fatal.has_errors:
        result.fatal = fatal.sorted()
        return Pending(result, bag)
    env = shared_environment(target, template_dirs)
    command = _command(specs_path, out_label)
    rendered: list[tuple[PlannedFile, str]] = []
    ready: list[tuple[PlannedFile, str]] = []
    keep: list[tuple[str, int, int, list[Diagnostic]]] = []
    memo = resource_memo.current()
    result.parts = {}
    for product in checked:
        sources = {
            res_name: _banner_path(report.sources[(product.name, res_name)], specs_path, label)
            for (prod, res_name) in report.sources
            if prod == product.name
        }
        # A resource's files see the product without its resources (see Target.plan_resource).
        shell = dataclasses.replace(product, resources=())
        # What a resource's files depend on besides the resource itself (resource_memo.py).
        context_key = (
            resource_memo.key_of(
                "plan", env_key, repr(options), command, pickle.dumps(shell, protocol=5)
            )
            if memo is not None and env_key is not None and parts is not None
            else None
        )
        of_resources: list[PlannedFile] = []
        for res in product.resources:
            spec = resource_spec(options, product, res, sources)
            load_key = memo.load_key(res) if memo is not None else None
            key = None
            if context_key is not None and load_key is not None:
                key = resource_memo.key_of(context_key, load_key, spec)
            hit = parts.get(key) if parts is not None and key is not None else None
            if key is not None and hit is not None:
                diags, files = hit
                bag.extend(diags)
                of_resources.extend(pf for pf, _ in files)
                ready.extend(files)
                result.parts[key] = (diags, [(pf.path, pf.language) for pf, _ in files])
                continue
            files, keepable = resource_files(
                tgt, env, provider, shell, res, spec, command, bag, fatal
            )
            of_resources.extend(pf for pf, _ in files)
            if key is not None and keepable is not None:
                keep.append((key, len(rendered), len(rendered) + len(files), keepable))
            rendered.extend(files)
        planned, diags = tgt.plan_product_files(provider, shell, of_resources)
        bag.extend(diags)
        fatal.extend(d for d in diags if d.is_error)
        render_all(env, tgt, planned, command, rendered, fatal)
    pending = Pending(result, bag, fatal, rendered, ready, keep)
    format_here(pending, tgt)
    return pending


def _plan_provider(
    specs_path: Path,
    target: str,
    provider: Provider,
    products: list[Product],
    template_dirs: Sequence[Path] | None,
    out_label: str,
) -> Pending:
    label = specs_path.resolve().name or "specs"
    options = TargetOptions(specs_dir=specs_path.resolve(), specs_label=label, out_label=out_label)
    tgt = TARGETS[target](options)
    bag, fatal = DiagnosticBag(), DiagnosticBag()
    planned, diags = tgt.plan_provider(provider, products)
    bag.extend(diags)
    fatal.extend(d for d in diags if d.is_error)
    rendered: list[tuple[PlannedFile, str]] = []
    env = shared_environment(target, template_dirs)
    render_all(env, tgt, planned, _command(specs_path, out_label), rendered, fatal)
    return Pending(GenerationResult(), bag, fatal, rendered)


def _banner_path(display: str, specs_path: Path, label: str) -> str:
    """A spec's path as banners show it: from the specs folder's name, POSIX, machine-free."""
    try:
        rel = Path(display).resolve().relative_to(specs_path.resolve())
    except ValueError:
        return Path(display).as_posix()
    return f"{label}/{rel.as_posix()}"
