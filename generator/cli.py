"""The `mmgen` command line: a thin layer over `generator.api`.

Exit codes: 0 clean, 1 spec errors (or drift for `generate --check`), 2 usage errors.
"""

from __future__ import annotations

import json
import re
import sys

import click

from . import __version__
from .cli_output import (
    OutputOptions,
    by_code,
    colorize,
    emit_diagnostics,
    emit_summary,
    left_out_lines,
    output_options,
    shown,
    visible,
    wrap,
)
from .diagnostics import format_diagnostics
from .loaders.formats import FORMATS as SPEC_FORMATS

FORMATS = click.Choice(["text", "json", "github"])
OUTPUT_FORMATS = ("text", "json", "github")
# `--format` is the output format only; the input format is `--spec-format`. The option
# still accepts the spec-format names so that an old `--format mmv1` gets a usage error
# that says what to write instead, not click's bare "invalid choice". Both options are
# `multiple` only to see a repetition: click keeps the last one silently otherwise.
FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(OUTPUT_FORMATS + SPEC_FORMATS),
    multiple=True,
    help="Output format: text (default), json or github.",
)
SPEC_FORMAT_OPTION = click.option(
    "--spec-format",
    "spec_format",
    type=click.Choice(SPEC_FORMATS),
    multiple=True,
    help="Input format of the specs (default auto: detected by layout).",
)


def _once(option: str, values: tuple[str, ...]) -> str | None:
    """The one value of a repeatable option; different values are a usage error."""
    distinct = list(dict.fromkeys(values))
    if len(distinct) > 1:
        raise click.UsageError(
            f"{option} given more than once with different values ({', '.join(distinct)}); "
            "give it once"
        )
    return distinct[0] if distinct else None


# The per-file lines of `generate`, which -q leaves out (the counts line stays).


def _split_format(fmts: tuple[str, ...], spec_formats: tuple[str, ...]) -> tuple[str, str]:
    """(output format, spec format) from `--format` and `--spec-format`."""
    fmt = _once("--format", fmts) or "text"
    spec_format = _once("--spec-format", spec_formats) or "auto"
    if fmt in SPEC_FORMATS:
        raise click.UsageError(
            f"--format is the output format (text, json or github); `{fmt}` is a spec "
            f"format: write `--spec-format {fmt}`"
        )
    return fmt, spec_format


class _LazyGroup(click.Group):
    """Subcommands whose modules load only when named: `docs` pulls in the linter and the
    site builder (~0.25 s of imports) that `generate` never needs; `emulate` the server."""

    lazy = {
        "docs": ("generator.cli_docs", "docs"),
        "emulate": ("generator.cli_emulate", "emulate"),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            import importlib

            module, attr = self.lazy[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mmgen")
def cli() -> None:
    """Generate Terraform providers, docs pages and acceptance tests from resource specs."""


@cli.command()
@click.argument("paths", nargs=-1)
@FORMAT_OPTION
@SPEC_FORMAT_OPTION
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--target",
    "targets",
    type=click.Choice(["all", "go", "python", "none"]),
    default="all",
    show_default=True,
    help="Also run these targets' checks (regex dialect, supported features) and, for a "
    "spec folder, the provider checks across products.",
)
@output_options
def validate(
    paths: tuple[str, ...],
    fmt: tuple[str, ...],
    spec_format: tuple[str, ...],
    strict: bool,
    targets: str,
    output: OutputOptions,
) -> None:
    """Check every spec under PATHS (default: specs/) and report all problems.

    PATHS may be folders (every product.yaml below them is loaded), a product.yaml (its
    whole product) or single resource spec files (just those, with their product.yaml).
    """
    from os.path import lexists

    paths = paths or ("specs",)
    missing = [p for p in paths if not lexists(p)]
    if missing:
        # A mistyped path is a usage error, not a spec error: CI must not read it as
        # "the specs are broken", nor as "nothing to check".
        names = ", ".join(f"'{p}'" for p in missing)
        raise click.UsageError(f"path does not exist: {names}")
    out_fmt, in_fmt = _split_format(fmt, spec_format)
    from .spec_check import validate_paths

    report = validate_paths(paths, in_fmt)
    if targets != "none":
        from .targets.checks import with_target_checks

        report = with_target_checks(report, paths, targets)
    emit_diagnostics(report.diagnostics, out_fmt, output)
    if out_fmt == "text":
        reason = "resource(s) left out of every target because of spec errors"
        for line in left_out_lines([(reason, report.dropped)], output):
            click.echo(line, err=True)
    n_res = sum(len(p.resources) for p in report.products)
    emit_summary(
        ("" if report.format == "mmgen" else f"{report.format}: ")
        + f"{len(report.products)} product(s), {n_res} resource(s): "
        f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)",
        report.diagnostics,
        out_fmt,
        output,
    )
    sys.exit(1 if report.failed(strict) else 0)


@cli.command()
@click.argument("base", required=False)
@click.argument("head", required=False)
@click.option("--base", "base_opt", default=None, help="Same as BASE (e.g. `--base origin/main`).")
@click.option(
    "--specs",
    "specs_path",
    default=None,
    help="The specs folder a bare revision is read from (default: HEAD's folder, or specs).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json", "github"]),
    default="text",
    show_default=True,
)
@SPEC_FORMAT_OPTION
@click.option(
    "--allow", "allow", multiple=True, help="Accept breaking changes of this rule id (repeatable)."
)
@click.option("--allow-breaking", is_flag=True, help="Accept every breaking change (still listed).")
@output_options
def diff(
    base: str | None,
    head: str | None,
    base_opt: str | None,
    specs_path: str | None,
    fmt: str,
    spec_format: tuple[str, ...],
    allow: tuple[str, ...],
    allow_breaking: bool,
    output: OutputOptions,
) -> None:
    """The breaking changes from BASE to HEAD, at the spec line that makes them.

    Each side is a specs folder or a git revision of this repository (`origin/main`, or
    `REV:PATH`); HEAD defaults to the specs folder. Exit 1 when a breaking change is not
    allowed (by --allow, --allow-breaking or `breaking_changes_allowed` in the head spec),
    or when a side cannot be loaded; 0 otherwise. Rules: docs/diff.md.
    """
    from .diff.report import render
    from .diff.rules import RULES, Kind

    if base_opt is not None:
        if base is not None and head is not None:
            raise click.UsageError("give BASE either as an argument or as --base, not both")
        base, head = base_opt, base if head is None else head
    if base is None:
        raise click.UsageError("missing BASE: a specs folder or a revision such as origin/main")
    unknown = [a for a in allow if a not in RULES or RULES[a].kind is not Kind.BREAKING]
    if unknown:
        raise click.UsageError(f"--allow: not a breaking-change rule: {', '.join(unknown)}")
    from .diff import run_diff

    report = run_diff(
        base,
        head or specs_path or "specs",
        specs_path=specs_path,
        spec_format=_once("--spec-format", spec_format) or "auto",
        allow=allow,
        allow_all=allow_breaking,
    )
    code = report.exit_code  # decided on everything found, whatever is shown
    diags, cut = shown(report.diagnostics, output)
    report.diagnostics = diags
    text = render(report, fmt)
    color = fmt == "text" and output.colors(sys.stdout)
    click.echo(colorize(text) if color else text, nl=False, color=color)
    if cut:
        click.echo(f"... and {cut} more diagnostic(s) (run without --max-diagnostics)", err=True)
    sys.exit(code)


@cli.group()
def schema() -> None:
    """Print the spec format's JSON Schema, or a spec's model as JSON."""


@schema.command("json-schema")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None)
def json_schema_cmd(output: str | None) -> None:
    """The JSON Schema of spec files, for editors (YAML language server)."""
    from .loaders.mmgen.json_schema import spec_json_schema

    text = json.dumps(spec_json_schema(), indent=2, sort_keys=False) + "\n"
    if output:
        from .writer import write_text_atomic

        write_text_atomic(output, text)
    else:
        click.echo(text, nl=False)


@schema.command("model")
@click.argument("paths", nargs=-1, required=True)
def model_cmd(paths: tuple[str, ...]) -> None:
    """The loaded model of the specs under PATHS, as JSON."""
    from .model.serialize import to_data
    from .spec_check import validate_paths

    report = validate_paths(paths)
    if report.errors:
        click.echo(format_diagnostics(report.errors, "text"), nl=False, err=True)
        sys.exit(1)
    click.echo(json.dumps([to_data(p) for p in report.products], indent=2, ensure_ascii=False))


@cli.command()
@click.option(
    "--specs", "specs_dir", default="specs", show_default=True, help="Folder of product specs."
)
@click.option("--out", "out_dir", default="generated", show_default=True, help="Output folder.")
@click.option(
    "--target",
    type=click.Choice(["all", "go", "python"]),
    default="all",
    show_default=True,
    help="Which provider to write: every target (go/ and python/ under --out), or one.",
)
@click.option("--product", "products", multiple=True, help="Only this product (repeatable).")
@click.option("--resource", "resources", multiple=True, help="Only this resource (repeatable).")
@click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(file_okay=False, exists=True),
    help="Folder of template overrides, by name (repeatable; first wins).",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 and print diffs on drift.")
@FORMAT_OPTION
@SPEC_FORMAT_OPTION
@output_options
def generate(
    specs_dir: str,
    out_dir: str,
    target: str,
    products: tuple[str, ...],
    resources: tuple[str, ...],
    template_dirs: tuple[str, ...],
    check: bool,
    fmt: tuple[str, ...],
    spec_format: tuple[str, ...],
    output: OutputOptions,
) -> None:
    """Generate provider code, docs pages and acceptance tests from the specs."""
    from pathlib import Path

    from .api import FILE_VERBS, run_generate

    if not Path(specs_dir).is_dir():
        click.echo(f"{specs_dir}: error[io]: specs folder does not exist", err=True)
        sys.exit(2)
    out_fmt, in_fmt = _split_format(fmt, spec_format)
    outcome = run_generate(
        specs_dir,
        out_dir,
        spec_format=in_fmt,
        target=target,
        products=products,
        resources=resources,
        template_dirs=tuple(Path(t) for t in template_dirs),
        check=check,
    )
    if outcome.diagnostics:
        emit_diagnostics(outcome.diagnostics, out_fmt, output, err=out_fmt == "text")
    for line in outcome.messages:
        if not (output.quiet and line.startswith(FILE_VERBS)):
            click.echo(line, err=True)
    for line in left_out_lines(outcome.left_out, output):
        click.echo(line, err=True)
    counted = visible(outcome.diagnostics, output)
    if counted and out_fmt == "text":
        click.echo(wrap(by_code(counted), indent="  "), err=True)
    if check and outcome.diff:
        click.echo(outcome.diff, nl=False)
    sys.exit(outcome.exit_code)


@cli.command()
@click.argument("src")
@click.option(
    "--from",
    "from_fmt",
    type=click.Choice(["auto", "mmv1", "azure-mm"]),
    default="auto",
    show_default=True,
    help="Format of SRC (auto: detected by layout).",
)
@click.option(
    "-o",
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the mmgen specs: <product>/product.yaml and <product>/<resource>.yaml.",
)
def convert(src: str, from_fmt: str, out_dir: str) -> None:
    """Convert Magic Modules specs (mmv1 or Azure MM) under SRC into mmgen specs.

    Resources whose specs have errors are left out and listed; Go custom code and example
    HCL kept in upstream templates are not carried over. Exit 0 when something converted,
    1 when nothing could be, 2 on usage errors.
    """
    from os.path import lexists

    from .convert import convert_specs

    if not lexists(src):
        raise click.UsageError(f"path does not exist: '{src}'")
    outcome = convert_specs(src, out_dir, from_fmt)
    out = format_diagnostics(visible(outcome.diagnostics), "text")
    if out:
        click.echo(out, nl=False, err=True)
    if outcome.exit_code == 2:
        sys.exit(2)
    click.echo(outcome.summary + (f" -> {out_dir}" if outcome.exit_code == 0 else ""), err=True)
    if outcome.note:
        click.echo(outcome.note, err=True)
    sys.exit(outcome.exit_code)


@cli.command("import-docs")
@click.argument("page", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the spec here (e.g. specs/<product>/<resource>.yaml), and product.yaml beside "
    "it if there is none; default: print the spec.",
)
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.option(
    "--force", is_flag=True, help="Overwrite the -o file if it exists (a hand-edited spec is lost)."
)
def import_docs_cmd(page: str, output: str | None, fmt: str, force: bool) -> None:
    """Turn a Terraform Registry docs PAGE into a draft spec, marking every guess."""
    from dataclasses import replace
    from os.path import lexists
    from pathlib import Path

    from .import_docs_output import refuse_output
    from .loaders.docs import Guess, load_docs_page
    from .spec_writer import product_to_yaml, resource_to_yaml
    from .writer import write_text_atomic

    result = load_docs_page(page)
    out = format_diagnostics(visible(result.diagnostics), fmt)
    if out:
        click.echo(out, nl=False, err=True)
    if result.has_errors or result.resource is None or result.product is None:
        sys.exit(1)
    guesses = [g for g in result.guesses if not g.path.startswith("product")]
    spec = resource_to_yaml(result.resource, guesses, keep_timeouts=result.timeouts_listed)
    if not output:
        click.echo(spec, nl=False)
        sys.exit(0)
    refused = refuse_output(output, force)  # before anything is written, product.yaml too
    if refused:
        click.echo(format_diagnostics(refused, fmt), nl=False, err=True)
        sys.exit(1)
    target = Path(output)
    product_file = target.parent / "product.yaml"
    write_text_atomic(target, spec)
    if not lexists(product_file):  # a link there, even a broken one, is left alone
        product, product_guesses = result.product, result.guesses
        folder = target.parent.resolve().name
        if re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", folder) and folder != product.name:
            display = product.display_name if product.display_name != product.name else folder
            product = replace(product, name=folder, display_name=display)
            product_guesses = [Guess("product.name", "product name from the output folder")]
        write_text_atomic(product_file, product_to_yaml(product, product_guesses))
    sys.exit(0)


@cli.command()
@click.argument("folder", default=".", required=False)
@click.option("--provider", "provider", required=True, help="Provider name, e.g. `acme`.")
@click.option("--product", "product", required=True, help="Product name (snake_case).")
@click.option("--resource", "resource", required=True, help="Resource name (snake_case).")
@click.option(
    "--family",
    type=click.Choice(["azurerm", "google", "generic"]),
    default="generic",
    show_default=True,
    help="Whose API and docs conventions to start from.",
)
def init(folder: str, provider: str, product: str, resource: str, family: str) -> None:
    """Scaffold FOLDER (default .) with provider.yaml, PRODUCT/product.yaml and
    PRODUCT/RESOURCE.yaml: specs that validate, generate and pass their acceptance tests.

    Never overwrites: exit 1 and nothing written when one of the files exists.
    """
    from pathlib import Path

    from .scaffold import InitError, scaffold, write_scaffold

    try:
        files = scaffold(provider, product, resource, family).files
        written = write_scaffold(Path(folder), files)
    except InitError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for path in written:
        click.echo(f"wrote {path}", err=True)
    click.echo(
        f"next: mmgen validate {folder} && mmgen generate --specs {folder} --out generated/",
        err=True,
    )


@cli.command("fmt")
@click.argument("paths", nargs=-1)
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 listing files that would change."
)
def fmt_cmd(paths: tuple[str, ...], check: bool) -> None:
    """Normalise the layout of the YAML spec files under PATHS (default: specs/).

    Indentation, line ends and trailing space change; key order, quoting, comments and
    values stay, so the loaded model is the same (docs/cli.md).
    """
    from os.path import lexists

    from .spec_fmt import fmt_paths

    paths = paths or ("specs",)
    missing = [p for p in paths if not lexists(p)]
    if missing:
        raise click.UsageError(f"path does not exist: {', '.join(missing)}")
    report = fmt_paths(paths, check)
    out = format_diagnostics(visible(report.diagnostics), "text")
    if out:
        click.echo(out, nl=False, err=True)
    verb = "would reformat" if check else "reformatted"
    for path in report.changed:
        click.echo(f"{verb} {path}", err=True)
    click.echo(f"{len(report.changed)} file(s) {verb}, {report.unchanged} unchanged", err=True)
    failed = bool(report.diagnostics) or (check and bool(report.changed))
    sys.exit(1 if failed else 0)


def main() -> None:
    cli(prog_name="mmgen")


if __name__ == "__main__":
    main()
