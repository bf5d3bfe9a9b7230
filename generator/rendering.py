"""Planned files to formatted text: render each, format them in batches, keep resources'
files in the resource memo once formatted.

Rendering returns text; nothing here touches the output folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import jinja2

from .banner import banner
from .diagnostics import Diagnostic, DiagnosticBag, Location
from .formatting import FormatCache, FormatError, normalize_text
from .model.nodes import Product, Provider, Resource
from .results import GenerationResult, RenderedFile
from .targets import TARGETS
from .targets.base import PROVIDER_OWNER, Owner, PlannedFile, Target, TargetOptions


def render_file(
    env: jinja2.Environment, planned: PlannedFile, command: str, prefix: str | None
) -> str:
    head = banner(planned.spec, planned.template, command, prefix or "# ")
    if planned.static_text is not None:
        if not planned.banner or prefix is None:
            return planned.static_text
        return head + "\n" + planned.static_text
    template = env.get_template(planned.template)
    planned.own_template = bool(getattr(env, "mmgen_own_templates", False))
    return template.render(banner=head, **planned.context)


def resource_files(
    tgt: Target,
    env: jinja2.Environment,
    provider: Provider,
    shell: Product,
    res: Resource,
    spec: str,
    command: str,
    bag: DiagnosticBag,
    fatal: DiagnosticBag,
) -> tuple[list[tuple[PlannedFile, str]], list[Diagnostic] | None]:
    """One resource's files planned and rendered; with its plan diagnostics when they can
    be kept once formatted (no error on the way)."""
    planned, diags = tgt.plan_resource(provider, shell, res, spec)
    bag.extend(diags)
    errors = [d for d in diags if d.is_error]
    fatal.extend(errors)
    rendered: list[tuple[PlannedFile, str]] = []
    failed = len(fatal.items)
    render_all(env, tgt, planned, command, rendered, fatal)
    keepable = not errors and len(fatal.items) == failed
    return rendered, (diags if keepable else None)


class RenderedParts:
    """Resources' formatted files from their product's last cache entry, by memo key: a
    product re-done after an edit takes every resource whose key is unchanged from there,
    so that each text is kept once (in the product's entry), not once more per resource."""

    def __init__(self, load: Callable[[], GenerationResult | None]) -> None:
        self._load = load
        self._entry: GenerationResult | None = None
        self._loaded = False

    def get(self, key: str) -> tuple[list[Diagnostic], list[tuple[PlannedFile, str]]] | None:
        if not self._loaded:
            self._entry, self._loaded = self._load(), True
        entry = self._entry
        part = entry.parts.get(key) if entry is not None else None
        if entry is None or part is None:
            return None
        diags, paths = part
        files = []
        for path, language in paths:
            f = entry.files.get(path)
            if f is None:
                return None
            pf = PlannedFile(path, f.template, f.spec, f.owner, language, aggregate=f.aggregate)
            files.append((pf, f.text))
        return list(diags), files


def render_all(
    env: jinja2.Environment,
    tgt: Target,
    planned: list[PlannedFile],
    command: str,
    rendered: list[tuple[PlannedFile, str]],
    fatal: DiagnosticBag,
) -> None:
    for pf in planned:
        try:
            rendered.append((pf, render_file(env, pf, command, tgt.comment_prefix(pf.language))))
        except jinja2.TemplateError as exc:
            fatal.error(
                "template-error",
                f"template `{pf.template}` failed for {owner_text(pf.owner)}: {exc}",
                Location(pf.spec),
                "fix the template (or your --templates override)",
            )


@dataclass
class Pending:
    """A product rendered but not yet formatted: formatting runs once for all products."""

    result: GenerationResult
    bag: DiagnosticBag = field(default_factory=DiagnosticBag)
    fatal: DiagnosticBag = field(default_factory=DiagnosticBag)
    rendered: list[tuple[PlannedFile, str]] = field(default_factory=list)
    # Files taken from the resource memo: formatted already.
    ready: list[tuple[PlannedFile, str]] = field(default_factory=list)
    # Resources to keep once formatted (GenerationResult.parts): (memo key, first and end
    # index in `rendered`, their plan diagnostics).
    keep: list[tuple[str, int, int, list[Diagnostic]]] = field(default_factory=list)

    def finish(
        self, tgt: Target, formatted: dict[str, dict[str, str | FormatError]]
    ) -> GenerationResult:
        result, bag, fatal = self.result, self.bag, self.fatal
        finals: list[str | None] = []
        for pf, text in self.rendered:
            outcomes = None if pf.preformatted else formatted.get(pf.language)
            if outcomes is not None:
                outcome = outcomes[text]
                if isinstance(outcome, FormatError):
                    where = f"{pf.path}:{outcome.line}" if outcome.line else pf.path
                    fatal.error(
                        "format-error",
                        f"{tgt.name} target: cannot format `{where}` ({owner_text(pf.owner)}, "
                        f"template `{pf.template}`): {outcome}",
                        Location(pf.spec),
                        f"the template or custom code produced invalid {pf.language}; "
                        "nothing was written",
                    )
                    finals.append(None)
                    continue
                text = outcome
            elif not pf.preformatted:
                text = normalize_text(text)
            finals.append(text)
            self._add(pf, text)
        for pf, text in self.ready:
            self._add(pf, text)
        self._keep_formatted(finals)
        bag.extend(fatal.items)
        result.diagnostics = bag.sorted()
        result.fatal = result.fatal or fatal.sorted()
        if result.fatal:
            result.files = {}
        return result

    def _add(self, pf: PlannedFile, text: str) -> None:
        if pf.path in self.result.files:
            self.fatal.error(
                "duplicate-output",
                f"two planned files share the path `{pf.path}`",
                Location(pf.spec),
            )
        self.result.files[pf.path] = RenderedFile(
            pf.path, text, pf.spec, pf.template, pf.owner, pf.aggregate
        )

    def _keep_formatted(self, finals: list[str | None]) -> None:
        """Each resource rendered fresh and formatted without error, as a part of the result
        (GenerationResult.parts) for the next run of its product."""
        for key, first, end, diags in self.keep:
            if all(t is not None for t in finals[first:end]):
                files = [(pf.path, pf.language) for pf, _ in self.rendered[first:end]]
                self.result.parts[key] = (diags, files)


def format_here(pending: Pending, tgt: Target) -> None:
    """Own-template files of the languages `tgt` formats in the worker, formatted where
    they were rendered; a file its formatter rejects is left to `format_pending`, which
    reports the error."""
    by_language: dict[str, list[int]] = {}
    for i, (pf, _) in enumerate(pending.rendered):
        if pf.own_template and not pf.preformatted:
            by_language.setdefault(pf.language, []).append(i)
    for language, indexes in sorted(by_language.items()):
        formatter = tgt.worker_formatter(language)
        if formatter is None:
            continue
        outcomes = formatter([pending.rendered[i][1] for i in indexes], FormatCache())
        for i in indexes:
            pf, text = pending.rendered[i]
            outcome = outcomes[text]
            if isinstance(outcome, str):
                pf.preformatted = True
                pending.rendered[i] = (pf, outcome)


def format_pending(
    pending: list[Pending], target: str, cache: FormatCache | None
) -> list[GenerationResult]:
    """Format every rendered file of `target`, one formatter call per language."""
    tgt = TARGETS[target](TargetOptions())
    by_language: dict[tuple[str, bool], list[str]] = {}
    for p in pending:
        for pf, text in p.rendered:
            if not pf.preformatted:
                by_language.setdefault((pf.language, pf.own_template), []).append(text)
    formatted: dict[str, dict[str, str | FormatError]] = {}
    shared_cache = cache or FormatCache()
    # Own templates' texts first: the same text from a user template or custom code is
    # then formatted the untrusting way, and its error (if any) is what the file gets.
    for (language, own), sources in sorted(
        by_language.items(), key=lambda kv: (kv[0][0], not kv[0][1])
    ):
        formatter = tgt.formatter(language, own)
        if formatter is not None:
            formatted.setdefault(language, {}).update(formatter(sources, shared_cache))
    return [p.finish(tgt, formatted) for p in pending]


def owner_text(owner: Owner) -> str:
    if owner.product == PROVIDER_OWNER:
        return "the provider"
    return (
        f"resource `{owner.resource}` of `{owner.product}`"
        if owner.resource
        else f"product `{owner.product}`"
    )
