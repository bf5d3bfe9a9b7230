"""load -> model -> validate -> plan files -> render -> format; returns text, writes nothing.

`generate()` is pure: it returns every file's text in memory, or diagnostics. Only
`sync.apply()` touches the disk, and only when generation produced no error, so a bad
spec or a template bug can never leave a half-written tree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .api import validate_paths
from .banner import banner
from .diagnostics import Diagnostic, DiagnosticBag, Location
from .formatting import FormatCache, FormatError, format_all, normalize_text
from .loaders.formats import FOREIGN
from .model.nodes import Product
from .render.environment import make_environment
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
) -> GenerationResult:
    """Render every file of every product under `specs_dir` for `target`.

    For mmgen specs any error stops generation. For foreign formats (mmv1, Azure MM) the
    resources whose specs have errors are left out (`result.dropped`) and the rest render.
    """
    specs_path = Path(specs_dir)
    report = validate_paths([str(specs_path)], fmt)
    result = GenerationResult(products=report.usable, dropped=list(report.dropped))
    bag = DiagnosticBag(list(report.diagnostics))
    foreign = report.format in FOREIGN
    if report.errors and not foreign:
        result.diagnostics = bag.sorted()
        result.fatal = list(report.errors)
        return result
    target_cls = TARGETS.get(target)
    if target_cls is None:
        bag.error(
            "unknown-target",
            f"unknown target `{target}`",
            hint=f"choose one of: {', '.join(TARGETS)}",
        )
        result.diagnostics = bag.sorted()
        result.fatal = [d for d in result.diagnostics if d.code == "unknown-target"]
        return result
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
    formatted = format_all(
        [text for pf, text in rendered if pf.language == "python"], cache or FormatCache()
    )
    for pf, text in rendered:
        if pf.language == "python":
            outcome = formatted[text]
            if isinstance(outcome, FormatError):
                fatal.error(
                    "format-error",
                    f"black cannot format `{pf.path}` ({_owner_text(pf.owner)}, "
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
    result.fatal = fatal.sorted()
    if result.fatal:
        result.files = {}
    return result


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
