"""mmv1 `write_only: true`: the two arguments upstream's generator adds beside the field.

Part of `generator.loaders.mmv1`, in the style of `added_fields`. Magic Modules reads
`write_only: true` on a field `X` as "also offer it as a Terraform write-only argument".
Its pages (`../shared/corpus/google-docs/r/`, e.g. `compute_ssl_certificate`) document,
beside `X` itself:

- `X_wo`: "(Optional, Write-Only)", never stored in plan or state (Terraform >= 1.11),
  sent under `X`'s API name; it conflicts with `X` ("One of `X` or `X_wo` can only be
  set."). When `X` was required, `X` becomes optional and exactly one of the two is
  required. Wherever `X` stands in an `exactly_one_of` / `at_least_one_of` group, `X_wo`
  can stand in for it too.
- `X_wo_version`: an optional, client-side String (stored in state, never sent) that
  `X_wo` requires and that requires `X_wo`; changing it sends `X_wo`'s configured value
  again: in the update, or by replacing the resource when `X` is immutable.

`X` keeps its mmv1 meaning otherwise. In the model it is `write_only` (the API never
returns it): every `write_only` field of the shared corpus is a secret that is
`ignore_read`, sits in an `ignore_read` or URL-only block, or has a custom flatten that
keeps the configured value (upstream's provider never reads it back), and a value sent
through `X_wo` must not come back into state through `X`.
"""

from __future__ import annotations

from dataclasses import replace

from ...model.nodes import Presence, Property, Type, TypeKind

WO = "_wo"
VERSION = "_wo_version"
VERSION_TEXT = (
    "Triggers update of `{wo}` write-only. Increment this value when an update to `{wo}` "
    "is needed."
)


def write_only_companions(props: tuple[Property, ...]) -> tuple[Property, ...]:
    """`props` (relations already resolved to dotted paths) with the `_wo` / `_wo_version`
    companions of each `write_only` field, at its own level, after its siblings."""
    stands_in: dict[str, str] = {}  # X's path -> X_wo's path
    out = _level(props, "", stands_in)
    return _with_stand_ins(out, stands_in) if stands_in else out


def _eligible(p: Property) -> bool:
    """A settable attribute (not a block, not URL-only) can have a write-only twin."""
    return (
        p.write_only
        and p.presence.settable
        and not p.presence.computed
        and not p.type.is_block
        and not p.url_param_only
    )


def _level(
    props: tuple[Property, ...], prefix: str, stands_in: dict[str, str], in_set: bool = False
) -> tuple[Property, ...]:
    """One level; in a set of blocks (an Array with `is_set`, a Map of objects) Terraform
    allows no write-only value, so none is added there (upstream's `is_set` lists hold
    none in the corpus)."""
    names = {p.name for p in props}
    out: list[Property] = []
    added: list[Property] = []
    for p in props:
        t = p.type
        if t.nested_properties:
            inner = in_set or t.kind is TypeKind.MAP or (t.kind is TypeKind.ARRAY and t.is_set)
            children = _level(t.nested_properties, f"{prefix}{p.name}.", stands_in, inner)
            if children is not t.nested_properties:
                p = replace(p, type=t.with_nested_properties(children))
        wo, version = p.name + WO, p.name + VERSION
        if in_set or not _eligible(p) or wo in names or version in names:
            out.append(p)
            continue
        path, wo_path, version_path = (f"{prefix}{n}" for n in (p.name, wo, version))
        stands_in[path] = wo_path
        x = replace(p, conflicts_with=(*p.conflicts_with, wo_path))
        if p.presence is Presence.REQUIRED:
            # Either one does: exactly one of them (the group pass adds `X_wo`).
            x = replace(x, presence=Presence.OPTIONAL, exactly_one_of=p.exactly_one_of or (path,))
        out.append(x)
        added.append(
            replace(
                p,
                name=wo,
                presence=Presence.OPTIONAL,
                forces_new=False,
                default=None,
                ignore_read=True,
                config_only=True,
                conflicts_with=(path,),
                exactly_one_of=(),
                at_least_one_of=(),
                required_with=(version_path,),
            )
        )
        added.append(
            Property(
                name=version,
                type=Type(TypeKind.STRING, loc=p.loc),
                description=VERSION_TEXT.format(wo=wo),
                presence=Presence.OPTIONAL,
                forces_new=p.forces_new,
                url_param_only=True,
                required_with=(wo_path,),
                min_version=p.min_version,
                version_of=wo,
                loc=p.loc,
            )
        )
    if not added and all(a is b for a, b in zip(out, props, strict=True)):
        return props  # no write-only field at this level or below: nothing rebuilt
    return (*out, *added)


def _with_stand_ins(props: tuple[Property, ...], stands_in: dict[str, str]) -> tuple[Property, ...]:
    """Every `exactly_one_of` / `at_least_one_of` group naming `X` names `X_wo` too."""

    def grow(refs: tuple[str, ...]) -> tuple[str, ...]:
        extra = [stands_in[r] for r in refs if r in stands_in]
        return tuple(dict.fromkeys((*refs, *extra)))

    def rebuild(level: tuple[Property, ...]) -> tuple[Property, ...]:
        out = []
        for p in level:
            t = p.type
            if t.nested_properties:
                t = t.with_nested_properties(rebuild(t.nested_properties))
            out.append(
                replace(
                    p,
                    type=t,
                    exactly_one_of=grow(p.exactly_one_of),
                    at_least_one_of=grow(p.at_least_one_of),
                )
            )
        return tuple(out)

    return rebuild(props)
