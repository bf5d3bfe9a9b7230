"""Example configurations (```hcl, ```terraform, ```tf) parsed by a real HCL parser
(`hcl_parse`), with its error's line and column mapped to the page's."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Location
from ..hcl_parse import HclSyntaxError, parse_hcl
from .codes import finding
from .page import Fence

HCL_INFOS = frozenset({"hcl", "terraform", "tf"})


def check_fence(fence: Fence, display: str) -> list[Diagnostic]:
    if fence.info not in HCL_INFOS or not fence.content.strip():
        return []
    try:
        parse_hcl(fence.content)
    except HclSyntaxError as err:
        return [_at(fence, display, err)]
    return []


def _at(fence: Fence, display: str, err: HclSyntaxError) -> Diagnostic:
    where = Location(display, fence.body_line + err.line - 1, max(err.col, 1) + fence.indent)
    return finding(
        "lint-hcl-syntax",
        f"example {fence.info} block (line {fence.line}) is not valid HCL: {err.message}",
        where,
        err.hint or "fix the configuration so that `terraform validate` would accept it",
    )
