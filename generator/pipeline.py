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
from .formatting import FormatError, format_python, normalize_text
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

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


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
) -> GenerationResult:
    """Render every file of every product under `specs_dir` for `target`."""
    specs_path = Path(specs_dir)
    report = validate_paths([str(specs_path)])
    result = GenerationResult(products=report.products)
    bag = DiagnosticBag(list(report.diagnostics))
    if report.errors:
        result.diagnostics = bag.sorted()
        return result
    target_cls = TARGETS.get(target)
    if target_cls is None:
        bag.error(
            "unknown-target",
            f"unknown target `{target}`",
            hint=f"choose one of: {', '.join(TARGETS)}",
        )
        result.diagnostics = bag.sorted()
        return result
    label = specs_path.resolve().name or "specs"
    options = TargetOptions(specs_dir=specs_path.resolve(), specs_label=label, out_label=out_label)
    tgt = target_cls(options)
    command = f"mmgen generate --specs {label}/ --out {out_label}/"
    env = make_environment(target, template_dirs)
    for product in report.products:
        sources = {
            res_name: _banner_path(report.sources[(product.name, res_name)], specs_path, label)
            for (prod, res_name) in report.sources
            if prod == product.name
        }
        planned, diags = tgt.plan(product, sources)
        bag.extend(diags)
        for pf in planned:
            try:
                text = render_file(env, pf, command)
            except jinja2.TemplateError as exc:
                bag.error(
                    "template-error",
                    f"template `{pf.template}` failed for {_owner_text(pf.owner)}: {exc}",
                    Location(pf.spec),
                    "fix the template (or your --templates override)",
                )
                continue
            if pf.language == "python":
                try:
                    text = format_python(text)
                except FormatError as exc:
                    bag.error(
                        "format-error",
                        f"black cannot format `{pf.path}` ({_owner_text(pf.owner)}, template `{pf.template}`): {exc}",
                        Location(pf.spec),
                        "the template or custom code produced invalid Python; nothing was written",
                    )
                    continue
            else:
                text = normalize_text(text)
            if pf.path in result.files:
                bag.error(
                    "duplicate-output",
                    f"two planned files share the path `{pf.path}`",
                    Location(pf.spec),
                )
            result.files[pf.path] = RenderedFile(
                pf.path, text, pf.spec, pf.template, pf.owner, pf.aggregate
            )
    result.diagnostics = bag.sorted()
    if result.has_errors:
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
