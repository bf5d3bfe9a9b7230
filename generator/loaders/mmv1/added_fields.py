"""The fields upstream's resource templates add to every Google resource, as properties.

Magic Modules' specs do not declare these; upstream's templates add them from other
keys, and its docs pages list them. The rules, read off the corpus's specs against the
pages generated from them (docs/spec-format.md quotes the counts):

- `project`, `region`, `zone`: a placeholder of that name in a URL template (base_url,
  self_link, create/update/delete URLs) that no top-level property declares becomes an
  optional+computed, forces-new, URL-only property that the provider setting of the same
  name supplies when unset. A declared, optional one used in a URL gets the same
  provider default (upstream fills every `{{project}}`, `{{region}}`, `{{zone}}` from the
  provider when the resource leaves it unset).
- `self_link`: `has_self_link: true` adds a computed `self_link` read from `selfLink`.
- Labels: a top-level `KeyValueLabels` property becomes non-authoritative (it manages
  only its configured keys), with computed `terraform_labels` (it merged over the
  provider's `default_labels`: what is sent) and `effective_labels` (every label the API
  returns). A top-level `KeyValueAnnotations` property likewise, with
  `effective_annotations` (upstream has no provider default for annotations).
- Labels on a resource without an update call (`immutable: true`): upstream's provider
  lets the top-level `labels` argument (and `terraform_labels`) change without replacing
  the resource, and its update then sends nothing (`RestMapping.state_only`); a change
  of the merged labels, which the API holds and nothing can send, replaces it (upstream:
  through `effective_labels`, forces-new there). Annotations stay forces-new.
- `deletion_policy`: every resource gets an optional, client-side (virtual) String
  argument of that name defaulting to `DELETE` (or the spec's `deletion_policy_default`),
  which guards destroy (`Resource.deletion_policy`): `PREVENT` fails it, `ABANDON` only
  removes the resource from state. A spec that declares its own field of that name keeps
  it (its text, its values), and it guards destroy all the same.
"""

from __future__ import annotations

from dataclasses import replace

from ...diagnostics import Location
from ...model.nodes import MapView, Presence, Property, Type, TypeKind, UpdateGroup

DEFAULTED = ("project", "region", "zone")
DEFAULT_LABELS = "default_labels"
DEFAULTED_TEXT = {
    "project": "The ID of the project in which the resource belongs.\n"
    "If it is not provided, the provider project is used.",
    "region": "The region in which the resource belongs.\n"
    "If it is not provided, the provider region is used.",
    "zone": "The zone in which the resource belongs.\n"
    "If it is not provided, the provider zone is used.",
}
SELF_LINK_TEXT = "The URI of the created resource."
NOTE = (
    "**Note**: This field is non-authoritative, and will only manage the {what} present in "
    "your configuration.\nPlease refer to the field `effective_{what}` for all of the {what} "
    "present on the resource."
)
TERRAFORM_LABELS_TEXT = (
    "The combination of labels configured directly on the resource\n"
    " and default labels configured on the provider."
)
EFFECTIVE_TEXT = (
    "All of {what} (key/value pairs) present on the resource in GCP, including the {what} "
    "configured through Terraform, other clients and services."
)
VIEWS = {TypeKind.KEY_VALUE_LABELS: "labels", TypeKind.KEY_VALUE_ANNOTATIONS: "annotations"}
DELETION_POLICY = "deletion_policy"
# Upstream's page text, less its "Defaults to DELETE." (the page states the default).
DELETION_POLICY_TEXT = (
    "Whether Terraform will be prevented from destroying the resource.\n"
    "When a 'terraform destroy' or 'terraform apply' would delete the resource,\n"
    'the command will fail if this field is set to "PREVENT" in Terraform state.\n'
    'When set to "ABANDON", the command will remove the resource from Terraform\n'
    "management without updating or deleting the resource in the API.\n"
    'When set to "DELETE", deleting the resource is allowed.'
)


def add_fields(
    props: tuple[Property, ...],
    placeholders: set[str],
    has_self_link: bool,
    loc: Location,
) -> tuple[Property, ...]:
    """`props` with the fields upstream's templates add; `placeholders` are the names
    every URL template of the resource uses."""
    out = provider_defaulted(props, placeholders, loc)
    return map_views(self_link(out, has_self_link, loc))


def provider_defaulted(
    props: tuple[Property, ...], placeholders: set[str], loc: Location
) -> tuple[Property, ...]:
    """`project`, `region` and `zone`, defaulting from the provider's settings."""
    out = list(props)
    names = {p.name for p in props}
    for i, p in enumerate(out):
        settable = p.presence in (Presence.OPTIONAL, Presence.OPTIONAL_COMPUTED)
        if p.name in DEFAULTED and p.name in placeholders and settable:
            out[i] = replace(p, presence=Presence.OPTIONAL_COMPUTED, provider_default=p.name)
    for name in DEFAULTED:
        if name in placeholders and name not in names:
            out.append(
                Property(
                    name=name,
                    type=Type(TypeKind.STRING, loc=loc),
                    description=DEFAULTED_TEXT[name],
                    presence=Presence.OPTIONAL_COMPUTED,
                    forces_new=True,
                    url_param_only=True,
                    provider_default=name,
                    loc=loc,
                )
            )
    return tuple(out)


def self_link(
    props: tuple[Property, ...], has_self_link: bool, loc: Location
) -> tuple[Property, ...]:
    """A computed `self_link` where the spec says `has_self_link: true`."""
    out = list(props)
    if has_self_link and all(p.name != "self_link" for p in props):
        out.append(
            Property(
                name="self_link",
                type=Type(TypeKind.STRING, loc=loc),
                api_name="selfLink",
                description=SELF_LINK_TEXT,
                presence=Presence.COMPUTED,
                loc=loc,
            )
        )
    return tuple(out)


def map_views(props: tuple[Property, ...]) -> tuple[Property, ...]:
    """Non-authoritative labels and annotations with their computed views."""
    out = list(props)
    names = {p.name for p in props}
    for kind in (TypeKind.KEY_VALUE_LABELS, TypeKind.KEY_VALUE_ANNOTATIONS):
        out = _map_views(out, kind, names)
    return tuple(out)


def _map_views(props: list[Property], kind: TypeKind, names: set[str]) -> list[Property]:
    what = VIEWS[kind]
    arg = next((p for p in props if p.type.kind is kind and p.presence.settable), None)
    if arg is None or f"effective_{what}" in names:
        return props
    description = arg.description.rstrip()
    description = (description + "\n\n" if description else "") + NOTE.format(what=what)
    out = [
        replace(p, map_view=MapView.CONFIGURED, description=description) if p is arg else p
        for p in props
    ]

    def view(name: str, text: str, map_view: MapView, default: str | None) -> Property:
        return Property(
            name=name,
            type=Type(TypeKind.KEY_VALUE_PAIRS, loc=arg.loc),
            api_name=arg.api_name,
            description=text,
            presence=Presence.COMPUTED,
            provider_default=default,
            map_view=map_view,
            view_of=arg.name,
            loc=arg.loc,
        )

    if kind is TypeKind.KEY_VALUE_LABELS and f"terraform_{what}" not in names:
        out.append(view("terraform_labels", TERRAFORM_LABELS_TEXT, MapView.MERGED, DEFAULT_LABELS))
    out.append(view(f"effective_{what}", EFFECTIVE_TEXT.format(what=what), MapView.EFFECTIVE, None))
    return out


def deletion_policy(
    props: tuple[Property, ...], default: str | None, loc: Location
) -> tuple[Property, ...]:
    """`props` with the virtual `deletion_policy` argument, unless one is declared."""
    if any(p.name == DELETION_POLICY for p in props):
        return props
    return (
        *props,
        Property(
            name=DELETION_POLICY,
            type=Type(TypeKind.STRING, loc=loc),
            description=DELETION_POLICY_TEXT,
            presence=Presence.OPTIONAL,
            default=default or "DELETE",
            url_param_only=True,
            loc=loc,
        ),
    )


def state_only_labels(
    props: tuple[Property, ...], main_update: bool, groups: tuple[UpdateGroup, ...]
) -> tuple[tuple[Property, ...], tuple[str, ...]]:
    """On a resource without an update call of its own, the top-level non-authoritative
    `labels` argument (outside any update group) changes in state alone: `props` with its
    own forces-new cleared (upstream ignores `immutable` there), and its name."""
    if main_update:
        return props, ()
    grouped = {name for g in groups for name in g.fields}
    arg = next(
        (
            p
            for p in props
            if p.type.kind is TypeKind.KEY_VALUE_LABELS
            and p.map_view is MapView.CONFIGURED
            and p.name not in grouped
        ),
        None,
    )
    if arg is None:
        return props, ()
    cleared = tuple(replace(p, forces_new=False) if p is arg else p for p in props)
    return cleared, (arg.name,)
