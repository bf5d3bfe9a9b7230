"""`mmgen docs lint`: check Terraform Registry docs pages, ours or hand-written.

The page is read (`source`), its front matter parsed (`front_matter`), its Markdown turned
into located elements (`page`), its family's rules picked (`family`), and each check runs
on its own: sections in order (`headings`), fields and block sections (`fields`,
`blocks`), wording (`sentences`), example HCL (`hcl`), links and anchors (`links`). Every
finding is a Diagnostic of a code registered in `codes`; `lint` runs them all.
"""

from .lint import LintReport, lint_paths

__all__ = ["LintReport", "lint_paths"]
