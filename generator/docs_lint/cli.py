"""`mmgen docs lint PAGE|DIR...`: the command, over `lint_paths`.

Exit codes as `mmgen validate`: 0 clean (warnings allowed unless --strict), 1 errors (or
warnings under --strict), 2 usage errors: a path that does not exist, or no page to lint.
"""

from __future__ import annotations

import sys
from os.path import lexists

import click

from ..diagnostics import format_diagnostics
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
def lint(paths: tuple[str, ...], fmt: str, family: str, strict: bool, jobs: int | None) -> None:
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
    out = format_diagnostics(report.diagnostics, fmt)
    if out:
        click.echo(out, nl=False)
    if fmt == "text":
        click.echo(
            f"{report.pages} page(s): {len(report.errors)} error(s), "
            f"{len(report.warnings)} warning(s)",
            err=True,
        )
    sys.exit(1 if report.failed(strict) else 0)
