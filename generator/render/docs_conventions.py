"""Docs-page conventions per docs family (the provider's `docs_family`): what the Google
provider's pages do that today's azurerm pages do not (anchors, examples, output
sub-fields, import).

`google` follows the pages Magic Modules writes (docs/generation.md lists the
differences); `azurerm` and `generic` keep today's azurerm pages, the convention mmgen's
own specs are written for. Each difference is one field here, read by `docs_view`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.nodes import DocsFamily
from .literals import md_text

VERSIONS_GUIDE = "../guides/provider_versions.html.markdown"
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass(frozen=True)
class Conventions:
    anchor_prefix: str  # `block-` + path joined by `-`, or `nested_` + path joined by `_`
    anchor_joiner: str
    # Output-only sub-fields of a settable block: in that block, marked "(Output)"
    # (Google), or in a block section of their own under Attributes (azurerm).
    computed_inline: bool
    # `## Example Usage` then `### Title` (only when there are several), or one
    # `## Example Usage - Title` heading per example, always (Google).
    example_heading_each: bool
    # The Import section: every format as a bullet with `{{placeholders}}`, an `import {}`
    # block and a `terraform import` line per format (Google); or the azurerm sentence
    # and one `terraform import` line with example values.
    import_formats_listed: bool
    # Fields and resources of a later API release (`min_version`) marked with a link to
    # the provider-versions guide (Google), or not marked.
    release_marks: bool = False

    def release_mark(self, min_version: str | None) -> str:
        """`, [Beta](...)` after a bullet's `(Optional` when the field is a later release."""
        if not (self.release_marks and min_version):
            return ""
        return f", [{md_text(min_version.capitalize())}]({VERSIONS_GUIDE})"

    def release_warning(self, min_version: str | None) -> str:
        """The page's warning for a resource of a later release, or ""."""
        if not (self.release_marks and min_version):
            return ""
        stage = md_text(min_version.lower())
        return (
            f"~> **Warning:** This resource is in {stage}, and should be used with the "
            f"terraform-provider-google-{stage} provider.\nSee [Provider Versions]"
            f"({VERSIONS_GUIDE}) for more details on {stage} resources."
        )

    def anchor(self, path: tuple[str, ...]) -> str:
        joined = self.anchor_joiner.join(path)
        if self.anchor_joiner == "-":
            joined = joined.replace("_", "-")
        return self.anchor_prefix + joined

    def example_title(self, name: str, count: int) -> str:
        """The heading line of an example ("" for azurerm's single example)."""
        if self.example_heading_each:
            title = google_title(name)
            return f"## Example Usage - {title}" if title else "## Example Usage"
        if count == 1:
            return ""
        return "### " + name.replace("_", " ").capitalize()

    def import_format(self, template: str) -> str:
        """An import format as the family writes it: `{name}` or Google's `{{name}}`."""
        if self.import_formats_listed:
            return _PLACEHOLDER.sub(lambda m: "{{" + m.group(1) + "}}", template)
        return template


def google_title(name: str) -> str:
    """Google's example heading: the name's words, split at `_` and at camel humps, each
    capitalised, a number joined to the word before it (`kmsConfig_create` -> `Kms Config
    Create`, `snapshot_basic_2` -> `Snapshot Basic2`)."""
    words: list[str] = []
    for part in name.split():
        for piece in part.split("_"):
            if piece.isdigit() and words:
                words[-1] += piece
            else:
                words += _HUMP.sub(" ", piece).split()
    return " ".join(w[:1].upper() + w[1:] for w in words)


AZURERM = Conventions(
    anchor_prefix="block-",
    anchor_joiner="-",
    computed_inline=False,
    example_heading_each=False,
    import_formats_listed=False,
)
GOOGLE = Conventions(
    anchor_prefix="nested_",
    anchor_joiner="_",
    computed_inline=True,
    example_heading_each=True,
    import_formats_listed=True,
    release_marks=True,
)
CONVENTIONS = {DocsFamily.AZURERM: AZURERM, DocsFamily.GOOGLE: GOOGLE, DocsFamily.GENERIC: AZURERM}


def conventions(family: DocsFamily) -> Conventions:
    return CONVENTIONS[family]
