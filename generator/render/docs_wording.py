"""Wording rules of a docs page that do not depend on the page's layout: say each thing
once, keep callouts as callouts, order arguments as the family does, and the parts of a
page derived from the REST mapping (API providers) and the provider (its block).

Kept apart from `docs_view` (which assembles the page) so each rule can be read, and
tested, on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.nodes import Presence, Product, Property, Provider, Resource
from .literals import hcl_string, md_inline_code, md_paragraph, md_text

ZERO_UUID = "00000000-0000-0000-0000-000000000000"

# A callout paragraph: the registry's `->` (note), `~>` (warning) and `!>` (danger)
# markers at the start of a line.
_CALLOUT = re.compile(r"^[ \t]*(?:~>|->|!>)[ \t]", re.MULTILINE)
_FORCES_NEW = re.compile(r"\bforces? (?:a )?new\b|\brecreate[sd]?\b", re.IGNORECASE)
_VALUES_PHRASE = re.compile(
    r"\b(?:possible|valid|allowed|accepted|supported) values\b|\bone of\b|\bmust be either\b",
    re.IGNORECASE,
)
_DEFAULT_PHRASE = re.compile(r"\bdefaults? (?:to|is)\b|\bdefault value\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`*\[(])")
# Terraform's resource-group argument in either spelling, first after `name` on azurerm pages.
_LEADING = ("name", "resource_group_name", "resource_group", "location")
_ARM_NAMESPACE = re.compile(r"/providers/([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)/")


def split_callouts(description: str) -> tuple[str, list[str]]:
    """(the description's prose, its callout paragraphs): a `~> **Note:** ...` paragraph
    stays a callout of its own after the bullet or paragraph, as the registry renders it,
    instead of being run into the bullet's sentence."""
    starts = [m.start() for m in _CALLOUT.finditer(description)]
    if not starts:
        return description, []
    prose = description[: starts[0]]
    callouts = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(description)
        # A callout is one paragraph: prose after its blank line belongs to the bullet.
        chunk, _, rest = description[start:end].partition("\n\n")
        callouts.append(md_text(chunk))
        prose += "\n\n" + rest if rest.strip() else ""
    return prose.strip(), [c for c in callouts if c]


def says_forces_new(description: str) -> bool:
    return bool(_FORCES_NEW.search(description))


def says_values(description: str, values: Sequence[str]) -> bool:
    """Whether the description already lists the values: a values phrase and every
    value named, so "Possible values are ..." would say it a second time."""
    if not _VALUES_PHRASE.search(description):
        return False
    return all(re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", description) for v in values)


def says_default(description: str) -> bool:
    return bool(_DEFAULT_PHRASE.search(description))


def once(parts: Sequence[str]) -> list[str]:
    """The bullet's sentences joined, each said once (a spec description that repeats a
    sentence, or a generated sentence the description already holds word for word)."""
    seen: set[str] = set()
    out: list[str] = []
    for part in parts:
        kept = []
        for sentence in _SENTENCE_END.split(part):
            key = " ".join(sentence.lower().split()).rstrip(".")
            if key and key in seen:
                continue
            seen.add(key)
            kept.append(sentence)
        if kept:
            out.append(" ".join(kept))
    return out


def family_order(props: Sequence[Property], top_level: bool) -> list[Property]:
    """azurerm's order: at the top `name`, the resource group and `location` first, then
    the rest A-Z with `tags` last; in a block, A-Z. Required and optional arguments are
    listed apart, each list in this order."""

    def key(p: Property) -> tuple[int, int, str]:
        lead = _LEADING.index(p.name) if top_level and p.name in _LEADING else len(_LEADING)
        return (lead, 1 if top_level and p.name == "tags" else 0, p.name)

    return sorted(props, key=key)


def api_providers(product: Product, res: Resource) -> list[tuple[str, str]]:
    """(ARM namespace, API version) the resource calls, for azurerm's `## API Providers`."""
    found = _ARM_NAMESPACE.search(res.rest.id_template) or _ARM_NAMESPACE.search(
        "/" + res.rest.base_url.lstrip("/") + "/"
    )
    version = res.rest.api_version or (product.versions[0].name if product.versions else "")
    if not found or not version:
        return []
    return [(md_inline_code(found.group(1)), md_text(version))]


def provider_block(provider: Provider | None, product: Product, config: str) -> str:
    """The provider block an azurerm example opens with: each setting the provider
    cannot take from the environment, with a placeholder. "" when the example already has
    one, or when there is no provider to describe."""
    if provider is None or re.search(r'^\s*provider\s+"', config, re.MULTILINE):
        return ""
    names = [s.name for s in provider.settings if s.required and not s.env]
    names += [p.name for p in product.params if p.required and not p.env]
    needed = [(n, "example-" + n.replace("_", "-")) for n in dict.fromkeys(names)]
    if not needed:
        return f"provider {hcl_string(provider.name)} {{}}\n\n"
    width = max(len(name) for name, _ in needed)
    lines = "".join(
        f"  {name.ljust(width)} = {hcl_string(ZERO_UUID if name == 'subscription_id' else hint)}\n"
        for name, hint in needed
    )
    return f"provider {hcl_string(provider.name)} {{\n{lines}}}\n\n"


def callout_paragraphs(description: str) -> tuple[list[str], list[str]]:
    """A resource description as page paragraphs and callouts, each escaped."""
    prose, callouts = split_callouts(description)
    paragraphs = [md_paragraph(par) for par in prose.split("\n\n") if par.strip()]
    return paragraphs, callouts


def presence_word(p: Property) -> str:
    return "Required" if p.presence is Presence.REQUIRED else "Optional"
