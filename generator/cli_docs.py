"""`mmgen docs ...`: the documentation publishing commands (pages, lint, site).

Each command lives with its library code; this module only groups them, so `cli.py`
stays a list of top-level commands.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli_output import visible
from .diagnostics import format_diagnostics
from .docs_lint.cli import lint
from .loaders.formats import FORMATS as SPEC_FORMATS


@click.group()
def docs() -> None:
    """Docs pages: check them (`lint`) and publish them (`build`, a static HTML site)."""


@docs.command("build")
@click.option(
    "--specs", "specs_dir", default="specs", show_default=True, help="Folder of product specs."
)
@click.option("--out", "out_dir", default="site", show_default=True, help="Folder of the site.")
@click.option(
    "--spec-format",
    "spec_format",
    type=click.Choice(SPEC_FORMATS),
    default="auto",
    show_default=True,
    help="Input format of the specs (auto: detected by layout).",
)
@click.option(
    "--commit",
    default=None,
    help="The commit the footers name (default: `git rev-parse HEAD` of the specs' "
    "repository, or `not in git`).",
)
@click.option(
    "--target",
    type=click.Choice(["go", "python"]),
    default="python",
    show_default=True,
    help="Whose provider's resources the site lists (the pages are the same in both).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="Format of the diagnostics.",
)
def build_cmd(
    specs_dir: str, out_dir: str, spec_format: str, commit: str | None, target: str, fmt: str
) -> None:
    """Build a static HTML site of the provider's docs pages into --out.

    An index by subcategory, one page per resource, the provider page, search over
    resources, arguments and blocks, and copy buttons on code. It works opened from
    file:// or served over HTTP, and fetches nothing from other hosts. Spec errors are
    reported like `mmgen generate` reports them: exit 1 and nothing written.
    """
    from .docs_site.build import build_site

    if not Path(specs_dir).is_dir():
        click.echo(f"{specs_dir}: error[io]: specs folder does not exist", err=True)
        sys.exit(2)
    outcome = build_site(specs_dir, out_dir, spec_format, commit, target)
    shown = visible(outcome.diagnostics)
    if shown:
        click.echo(format_diagnostics(shown, fmt), nl=False, err=fmt == "text")
    for line in outcome.messages:
        click.echo(line, err=True)
    sys.exit(outcome.exit_code)


docs.add_command(lint)
