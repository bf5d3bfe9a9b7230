"""The linter on arbitrary text: it never raises, and every finding is on a line of the
page; the report is the same whatever the order of the paths and the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.docs_lint.links import AnchorCache
from generator.docs_lint.lint import lint_text
from generator.docs_lint.source import PageFile, decode

from .conftest import BAD, GOOD, REPO

# Pieces of real pages, so that generated text reaches the checks, not only the parser.
PIECES = [
    "---\n",
    'layout: "azurerm"\n',
    'page_title: "Azure Resource Manager: azurerm_x"\n',
    'subcategory: ""\n',
    "# azurerm_x\n",
    "## Example Usage\n",
    "## Arguments Reference\n",
    "## Argument Reference\n",
    "## Attributes Reference\n",
    "## Timeouts\n",
    "## Import\n",
    "```hcl\n",
    "```\n",
    'resource "x" "y" {\n',
    "  a = %{b}\n",
    "}\n",
    "* `a` - (Optional) A `b` block as defined below.\n",
    "* `b` - (Required) Possible values are `x` and `y`. Valid values are `y` or `x`.\n",
    "* `a` -\n  (Optional)\n  Structure is [documented below](#nested_a).\n",
    '<a name="nested_a"></a>The `a` block supports:\n',
    "A `b` block supports the following:\n",
    "The `a` block supports the following:\n",
    "<div>\n## Example Usage - X\n",
    "[x](../y.md) [z](https://) [w](#q) [v](sub/page.md#k)\n",
    "---\n",
    "\n",
    "\t",
    "   ",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=40).map("".join)


def _lint(data: bytes, folder: Path) -> None:
    page = PageFile(folder / "page.md", str(folder / "page.md"), folder)
    text, diags = decode(page, data)
    if text is not None:
        diags = lint_text(text, "auto", AnchorCache())
    n_lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    for d in diags:
        assert 1 <= d.location.line <= n_lines, (d, n_lines)
        assert d.location.col >= 1
        assert d.hint


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_never_raises_on_text(text: str) -> None:
    _lint(text.encode("utf-8", "surrogatepass"), GOOD)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_never_raises_on_bytes(data: bytes) -> None:
    _lint(data, GOOD)


def test_order_of_paths_does_not_matter() -> None:
    from generator.docs_lint import lint_paths

    pages = sorted(str(p) for p in BAD.rglob("*.md"))
    forward = lint_paths(pages, jobs=1).diagnostics
    backward = lint_paths(list(reversed(pages)), jobs=1).diagnostics
    assert forward == backward and forward


def test_same_bytes_across_hash_seeds() -> None:
    outs = set()
    for seed in ("0", "1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(REPO))
        proc = subprocess.run(
            [sys.executable, "-m", "generator.cli", "docs", "lint", str(BAD), "--format", "json"],
            capture_output=True,
            env=env,
            cwd=REPO,
            check=False,
        )
        assert proc.returncode == 1, proc.stderr
        outs.add(proc.stdout)
    assert len(outs) == 1
