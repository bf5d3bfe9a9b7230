"""`mmgen docs ...`: the documentation publishing commands (pages, lint, site).

Each command lives with its library code; this module only groups them, so `cli.py`
stays a list of top-level commands.
"""

from __future__ import annotations

import click

from .docs_lint.cli import lint


@click.group()
def docs() -> None:
    """Docs pages: check them (`lint`) and publish them (`build`, a static HTML site)."""


docs.add_command(lint)
