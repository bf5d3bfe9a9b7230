"""`mmgen docs lint PAGE|DIR...`: the command, over `lint_paths`.

Exit codes as `mmgen validate`: 0 clean (warnings allowed unless --strict), 1 errors (or
warnings under --strict), 2 usage errors: a path that does not exist, or no page to lint.
"""

from __future__ import annotations

import sys
from os.path import lexists

import click

from ..cli_output import OutputOptions, emit_diagnostics, emit_summary, output_options
from .family import FAMILIES
from .lint import lint_paths


@click.command("lint")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="Output format of the diagnostics.",
)
@click.option(
    "--family",
    type=click.Choice(FAMILIES),
    default="auto",
    show_default=True,
    help="Page conventions to check against (auto: from `layout:` and the page itself).",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: one per core for 24 pages or more).",
)
@output_options
def lint(
    paths: tuple[str, ...],
    fmt: str,
    family: str,
    strict: bool,
    jobs: int | None,
    output: OutputOptions,
) -> None:
    """Check Terraform Registry docs pages: front matter, sections in order, arguments and
    blocks, repeated sentences, example HCL, links and anchors (docs/docs-lint.md).

    PATHS are pages (any name) or folders, whose `*.md` and `*.markdown` pages are linted.
    """
    missing = [p for p in paths if not lexists(p)]
    if missing:
        names = ", ".join(f"'{p}'" for p in missing)
        raise click.UsageError(f"path does not exist: {names}")
    report = lint_paths(list(paths), family, jobs)
    if report.pages == 0:
        raise click.UsageError(
            "no docs page to lint under "
            + ", ".join(f"'{p}'" for p in paths)
            + " (folders are searched for *.md and *.markdown)"
        )
    emit_diagnostics(report.diagnostics, fmt, output)
    emit_summary(
        f"{report.pages} page(s): {len(report.errors)} error(s), "
        f"{len(report.warnings)} warning(s)",
        report.diagnostics,
        fmt,
        output,
    )
    sys.exit(1 if report.failed(strict) else 0)
