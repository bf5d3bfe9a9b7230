"""Semantic checks of Terraform write-only arguments (`config_only`) and their version
arguments (`version_of`); part of `generator.validate` (docs/spec-format.md,
"Write-only arguments").

Terraform keeps a write-only argument out of plan and state, so it can be neither
computed nor defaulted, is an attribute (not a block), and cannot sit in a set of
blocks (Terraform rejects write-only values there; a Map of NestedObject is a set of
blocks to both targets). A version argument names a write-only sibling.
"""

from __future__ import annotations

from .diagnostics import DiagnosticBag
from .model.nodes import Presence, Property, Resource, TypeKind


def check_write_only_arguments(res: Resource, bag: DiagnosticBag) -> None:
    _level(res.properties, "", False, bag)


def _in_set(p: Property) -> bool:
    """Whether `p`'s children sit in a set of blocks."""
    t = p.type
    return t.is_block and (t.kind is TypeKind.MAP or (t.kind is TypeKind.ARRAY and t.is_set))


def _level(props: tuple[Property, ...], prefix: str, in_set: bool, bag: DiagnosticBag) -> None:
    siblings = {p.name: p for p in props}
    for p in props:
        path = prefix + p.name
        if p.config_only:
            why = None
            if p.presence not in (Presence.OPTIONAL, Presence.REQUIRED):
                why = "is computed; Terraform stores no value of a write-only argument"
            elif p.default is not None:
                why = "has a default; a write-only argument has no planned value to default"
            elif p.type.is_block:
                why = "is a block; only attributes can be write-only"
            elif p.url_param_only:
                why = "is `url_param_only`; a write-only argument is sent in the body"
            elif in_set:
                why = "sits in a set of blocks, where Terraform rejects write-only values"
            if why is not None:
                bag.error(
                    "invalid-config-only",
                    f"write-only argument `{path}` {why}",
                    p.loc,
                    "make it an optional (or required) attribute outside sets, without "
                    "`default`, or drop `config_only`",
                )
        if p.version_of is not None:
            target = siblings.get(p.version_of)
            if target is None or not target.config_only or p.config_only or p.type.is_block:
                bag.error(
                    "unknown-version-of",
                    f"`{path}` is the version of `{p.version_of}`, which is not a write-only "
                    "(`config_only`) sibling of it"
                    + ("; a version argument is itself stored in state" if p.config_only else ""),
                    p.loc,
                    "name a `config_only` property of the same block, and make this one a "
                    "plain attribute",
                )
        if p.type.nested_properties:
            _level(p.type.nested_properties, path + ".", in_set or _in_set(p), bag)
