"""Every diagnostic code the docs linter reports, with its severity.

One table, so that a check cannot invent a code nobody documented: `docs/docs-lint.md`
describes each of them (tests/validate/test_docs.py holds the two together), and the
severity of a finding is the code's, not the caller's choice.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Location, Severity

E, W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Severity] = {
    # the file itself
    "lint-unreadable": E,
    "lint-encoding": E,
    "lint-empty": E,
    # front matter and title
    "lint-front-matter-missing": E,
    "lint-front-matter-unclosed": E,
    "lint-front-matter-yaml": E,
    "lint-front-matter-key": E,
    "lint-title-missing": E,
    "lint-title-mismatch": E,
    # the `##` sections of the family
    "lint-heading-missing": E,
    "lint-heading-order": E,
    "lint-heading-duplicate": E,
    "lint-heading-old": W,
    "lint-heading-unknown": W,
    "lint-example-missing": W,
    # argument and attribute bullets, block sections
    "lint-bullet-unparsed": W,
    "lint-argument-duplicate": E,
    "lint-description-empty": E,
    "lint-block-undefined": E,
    "lint-block-name": E,
    "lint-block-ambiguous": E,
    "lint-block-self-nested": E,
    "lint-block-above": W,
    "lint-block-unlinked": W,
    "lint-block-unreferenced": W,
    # wording
    "lint-sentence-repeated": W,
    "lint-values-repeated": W,
    # code blocks
    "lint-hcl-syntax": E,
    # links and anchors
    "lint-anchor-duplicate": E,
    "lint-anchor-unresolved": E,
    "lint-link-broken": E,
    "lint-link-outside": W,
    "lint-link-malformed": E,
}


def finding(code: str, message: str, location: Location, hint: str) -> Diagnostic:
    """A diagnostic of a registered code; an unregistered one is a bug in the linter."""
    return Diagnostic(CODES[code], code, message, location, hint)
