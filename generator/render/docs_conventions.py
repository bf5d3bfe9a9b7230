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
from .literals import md_inline_code, md_text

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
    # The page's template: azurerm's one-line bullets, or Google's marker and each
    # sentence on a line of its own (`docs/resource_google.md.j2`).
    template: str = "docs/resource.md.j2"
    # azurerm: `name`, resource group, `location`, then A-Z, `tags` last (blocks A-Z);
    # Google keeps the spec's order, as Magic Modules does.
    sorted_arguments: bool = False
    # azurerm examples open with the provider block; Google's never do.
    example_provider_block: bool = False
    # azurerm's `## API Providers` (the ARM namespace and API version the resource calls).
    api_providers: bool = False
    # Google's `## User Project Overrides` on resources in a project.
    user_project_overrides: bool = False

    def block_reference(self, name: str, anchor: str, many: bool) -> str:
        """The sentence that sends an argument's reader to its block's section."""
        if self.anchor_joiner == "_":
            return f"Structure is [documented below](#{anchor})."
        link = f"[{md_inline_code(name)}](#{anchor})"
        qualifier = "One or more" if many else article(name)
        return f"{qualifier} {link} block{'s' if many else ''} as defined below."

    def block_intro(self, label: str, name: str, settable: bool) -> str:
        """The sentence that opens a block's section (`label`: "`x` block (within ...)")."""
        if self.anchor_joiner == "_":
            return f"The {label} {'supports' if settable else 'contains'}:"
        return f"{article(name)} {label} {'supports' if settable else 'exports'} the following:"

    def block_heading(self, anchor: str, intro: str) -> str:
        """The anchor element and the intro: Google's share a line, azurerm's do not."""
        if self.anchor_joiner == "_":
            return f'<a name="{anchor}"></a>{intro}'
        return f'<a id="{anchor}"></a>\n{intro}'

    def possible_values(self, values: list[str]) -> str:
        if self.anchor_joiner == "_":
            return f"Possible values are: {', '.join(values)}."
        listing = values[0] if len(values) == 1 else ", ".join(values[:-1]) + " and " + values[-1]
        return f"Possible values are {listing}."

    def default_value(self, value: str) -> str:
        if self.anchor_joiner == "_":
            return f"Default value is {value}."
        return f"Defaults to {value}."

    def timeout_text(self, duration: str, verb: str, human: str) -> str:
        if self.anchor_joiner == "_":
            return f"Default is {duration}."
        return f"(Defaults to {duration}) Used when {verb} the {human}."

    def id_attribute(self, human: str, formats: list[str]) -> str:
        if self.anchor_joiner == "_" and formats:
            return f"an identifier for the resource with format {md_inline_code(formats[0])}"
        return f"The ID of the {human}."

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


def article(word: str) -> str:
    """`A` or `An` before a block name, by its first letter (good enough for identifiers)."""
    return "An" if word[:1].lower() in "aeiou" else "A"


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
    sorted_arguments=True,
    example_provider_block=True,
    api_providers=True,
)
GOOGLE = Conventions(
    anchor_prefix="nested_",
    anchor_joiner="_",
    computed_inline=True,
    example_heading_each=True,
    import_formats_listed=True,
    release_marks=True,
    template="docs/resource_google.md.j2",
    user_project_overrides=True,
)
CONVENTIONS = {DocsFamily.AZURERM: AZURERM, DocsFamily.GOOGLE: GOOGLE, DocsFamily.GENERIC: AZURERM}


def conventions(family: DocsFamily) -> Conventions:
    return CONVENTIONS[family]
