"""mmv1 relations (`conflicts`, `exactly_one_of`, ...) resolved as Magic Modules does.

Part of `generator.loaders.mmv1`. Upstream turns each name into a schema path from the
resource root: the name is split at `.0.`, each part is looked up (as camelCase, so
`uniform_resource_identifier` and `uniformResourceIdentifier` both match) among the
properties of the level reached so far, and a `flatten_object` parent is looked up but
left out of the path. A name that does not resolve that way is left out of the provider
without a word, so the constraint does not exist there: a bare sibling name inside a
nested object (`pull_request`), a path without its `.0.` (`a.b`), a typo, or values
written where property names belong (`exactly_one_of: [CREATING, ACTIVE]`). mmgen leaves
the same names out, and says so once per property and key (`mmv1-relation-dropped`).
A property never conflicts with (or requires) itself; mmv1 often lists the whole group
on each member.
"""

from __future__ import annotations

from dataclasses import replace

from ...diagnostics import DiagnosticBag
from ...model.nodes import Property, Type
from .reader import underscore

DROPPED = "mmv1-relation-dropped"


def resolve_path(
    root: tuple[Property, ...], ref: str, flattened: frozenset[str] = frozenset()
) -> str | None:
    """The dotted model path upstream's lookup finds for `ref`, or None.

    `flattened` holds the would-be paths (`parent.`) of `flatten_object` parents, whose
    children were lifted into the parent's own level.
    """
    level, prefix = root, ""
    for part in ref.strip().split(".0."):
        name = underscore(part.strip())
        hit = next((p for p in level if p.name == name), None)
        if hit is None:
            if f"{prefix}{name}." in flattened:
                continue  # the parent is gone; its children sit at this level
            return None
        prefix += name + "."
        level = hit.type.nested_properties
    return prefix[:-1] or None


def resolve_relations(
    props: tuple[Property, ...],
    flattened: list[tuple[str, str]] | None = None,
    bag: DiagnosticBag | None = None,
) -> tuple[Property, ...]:
    """Relations as absolute dotted paths (`parent.child`), upstream's way (module doc).

    Names upstream leaves out are left out here too, with one warning per property and key
    in `bag`.
    """
    gone = frozenset(g for g, _ in flattened or ())

    def fix(p: Property, path: str, key: str, refs: tuple[str, ...], own: bool) -> tuple[str, ...]:
        out, dropped = [], []
        for ref in refs:
            resolved = resolve_path(props, ref, gone)
            if resolved is None:
                dropped.append(ref)
            elif not (own and resolved == path):
                out.append(resolved)
        if dropped and bag is not None:
            names = ", ".join(f"`{x}`" for x in dropped)
            bag.warning(
                DROPPED,
                f"`{key}` of `{path}` names {names}, which Magic Modules does not find from "
                "the resource root, so the provider it generates has no such constraint; "
                "left out here too",
                p.loc,
                "write the full path from the resource root, e.g. `parent.0.child`",
            )
        return tuple(dict.fromkeys(out))

    def rebuild(level: tuple[Property, ...], prefix: str) -> tuple[Property, ...]:
        out = []
        for p in level:
            path = f"{prefix}{p.name}"
            t = p.type
            nested = t.nested_properties
            if nested:
                children = rebuild(nested, path + ".")
                if children is not nested:
                    t = _with_children(t, children)
            relations = (
                fix(p, path, "conflicts", p.conflicts_with, True),
                fix(p, path, "exactly_one_of", p.exactly_one_of, False),
                fix(p, path, "at_least_one_of", p.at_least_one_of, False),
                fix(p, path, "required_with", p.required_with, True),
            )
            before = (p.conflicts_with, p.exactly_one_of, p.at_least_one_of, p.required_with)
            if t is p.type and relations == before:
                out.append(p)  # most properties have no relations: nothing to rebuild
                continue
            out.append(
                replace(
                    p,
                    type=t,
                    conflicts_with=relations[0],
                    exactly_one_of=relations[1],
                    at_least_one_of=relations[2],
                    required_with=relations[3],
                )
            )
        # The same tuple when nothing in it changed, so that callers can tell.
        return level if all(a is b for a, b in zip(out, level, strict=True)) else tuple(out)

    return rebuild(props, "")


def _with_children(t: Type, children: tuple[Property, ...]) -> Type:
    return t.with_nested_properties(children)
