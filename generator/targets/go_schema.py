"""The framework schema of a resource, as Go source built from its GoField tree.

Every literal goes through go_literals. Imports are not tracked here: go_resource finds
them from the package selectors the finished code uses.
"""

from __future__ import annotations

from ..model.nodes import IdParamSource, Presence, Resource
from ..model.server_names import regex_message
from ..render.go_literals import go_bool, go_float, go_int, go_string
from .go_fields import GoField, GoKind

FW = "github.com/hashicorp/terraform-plugin-framework"
FWV = "github.com/hashicorp/terraform-plugin-framework-validators"

# kind -> (validator interface, validators package, plan modifier package, default package)
KIND_PACKAGES = {
    GoKind.STRING: ("String", "stringvalidator", "stringplanmodifier", "stringdefault"),
    GoKind.INT64: ("Int64", "int64validator", "int64planmodifier", "int64default"),
    GoKind.FLOAT64: ("Float64", "float64validator", "float64planmodifier", "float64default"),
    GoKind.BOOL: ("Bool", "boolvalidator", "boolplanmodifier", "booldefault"),
    GoKind.LIST: ("List", "listvalidator", "listplanmodifier", ""),
    GoKind.SET: ("Set", "setvalidator", "setplanmodifier", ""),
    GoKind.MAP: ("Map", "mapvalidator", "mapplanmodifier", ""),
    GoKind.SINGLE_BLOCK: ("Object", "objectvalidator", "objectplanmodifier", ""),
    GoKind.LIST_BLOCK: ("List", "listvalidator", "listplanmodifier", ""),
    GoKind.SET_BLOCK: ("Set", "setvalidator", "setplanmodifier", ""),
    GoKind.MAP_BLOCK: ("Set", "setvalidator", "setplanmodifier", ""),
    GoKind.OBJECT_ATTR: ("Object", "objectvalidator", "objectplanmodifier", ""),
    GoKind.LIST_OBJECT_ATTR: ("List", "listvalidator", "listplanmodifier", ""),
    GoKind.SET_OBJECT_ATTR: ("Set", "setvalidator", "setplanmodifier", ""),
}


def _element_step(f: GoField | None) -> str:
    """The step into an element of a list or set of blocks; '' for anything else."""
    if f is None or f.kind is GoKind.SINGLE_BLOCK or not f.kind.is_block:
        return ""
    return ".AtAnyListIndex()" if f.kind is GoKind.LIST_BLOCK else ".AtAnySetValue()"


def _relation_expr(f: GoField, other: str, by_path: dict[str, GoField]) -> str:
    """A path expression from `f` to the property at dotted `other`, relative when they
    share an ancestor, so that within a list each element is checked on its own."""
    mine = list(f.path)
    theirs = other.split(".")
    k = 0
    while k < min(len(mine), len(theirs)) and mine[k] == theirs[k]:
        k += 1
    if k == 0:
        expr = f"path.MatchRoot({go_string(theirs[0])})"
        start = 1
    else:
        # Climb from `f` to the object holding `theirs[k]`: one step per name left, and
        # one more per list element left on the way.
        ups = 0
        for i in range(k, len(mine)):
            ups += 1
            if i < len(mine) - 1 and _element_step(by_path.get(".".join(mine[: i + 1]))):
                ups += 1
        expr = "path.MatchRelative()" + ".AtParent()" * ups
        if ups == 0:  # `other` lies inside `f` itself
            expr += _element_step(f)
        start = k
    for i in range(start, len(theirs)):
        # Into each list element on the way down (after the climb we already stand in one).
        if i > start or k == 0:
            expr += _element_step(by_path.get(".".join(theirs[:i])))
        expr += f".AtName({go_string(theirs[i])})"
    return expr


# Relations about a whole group (its members list each other): one validator checks them
# all, so it is declared once, not once per member (a 75-member group would otherwise
# build 75 x 74 path expressions). Pairwise relations stay on each member.
GROUP_RELATIONS = frozenset({"exactly_one_of", "at_least_one_of"})


def _group(f: GoField, key: str, by_path: dict[str, GoField]) -> frozenset[str]:
    return frozenset({f.dotted, *(r for r in getattr(f.prop, key) if r in by_path)})


def _declares_group_first(f: GoField, key: str, by_path: dict[str, GoField]) -> bool:
    group = _group(f, key, by_path)
    declarers = sorted(
        m for m in group if m in by_path and _group(by_path[m], key, by_path) == group
    )
    return not declarers or declarers[0] == f.dotted


def _validators(f: GoField, by_path: dict[str, GoField]) -> list[str]:
    iface, pkg, _, _ = KIND_PACKAGES[f.kind]
    p = f.prop
    v = p.validation
    out: list[str] = []

    if f.kind is GoKind.STRING:
        lo, hi = v.min_length, v.max_length
        if lo is not None and hi is not None:
            out.append(f"{pkg}.LengthBetween({go_int(lo)}, {go_int(hi)})")
        elif lo is not None:
            out.append(f"{pkg}.LengthAtLeast({go_int(lo)})")
        elif hi is not None:
            out.append(f"{pkg}.LengthAtMost({go_int(hi)})")
        if v.regex is not None:
            out.append(
                f"{pkg}.RegexMatches(regexp.MustCompile({go_string(v.regex)}), "
                f"{go_string(regex_message(p))})"
            )
        if p.type.enum_values:
            values = ", ".join(go_string(e) for e in p.type.enum_values)
            out.append(f"{pkg}.OneOf({values})")
    elif f.kind in (GoKind.INT64, GoKind.FLOAT64):
        num = go_int if f.kind is GoKind.INT64 else go_float
        lo_v = v.minimum
        hi_v = v.maximum
        if f.kind is GoKind.INT64:
            lo_v = None if lo_v is None else int(lo_v)
            hi_v = None if hi_v is None else int(hi_v)
        if lo_v is not None and hi_v is not None:
            out.append(f"{pkg}.Between({num(lo_v)}, {num(hi_v)})")  # type: ignore[arg-type]
        elif lo_v is not None:
            out.append(f"{pkg}.AtLeast({num(lo_v)})")  # type: ignore[arg-type]
        elif hi_v is not None:
            out.append(f"{pkg}.AtMost({num(hi_v)})")  # type: ignore[arg-type]
    elif f.kind in (
        GoKind.LIST,
        GoKind.SET,
        GoKind.MAP,
        GoKind.LIST_BLOCK,
        GoKind.SET_BLOCK,
        GoKind.MAP_BLOCK,
    ):
        lo, hi = v.min_items, v.max_items
        if lo is not None and hi is not None:
            out.append(f"{pkg}.SizeBetween({go_int(lo)}, {go_int(hi)})")
        elif lo is not None and lo > 0:
            out.append(f"{pkg}.SizeAtLeast({go_int(lo)})")
        elif hi is not None:
            out.append(f"{pkg}.SizeAtMost({go_int(hi)})")
        if (
            f.kind in (GoKind.LIST, GoKind.SET)
            and p.type.item is not None
            and p.type.item.enum_values
        ):
            values = ", ".join(go_string(e) for e in p.type.item.enum_values)
            out.append(f"{pkg}.ValueStringsAre(stringvalidator.OneOf({values}))")
    for key, method in (
        ("conflicts_with", "ConflictsWith"),
        ("exactly_one_of", "ExactlyOneOf"),
        ("at_least_one_of", "AtLeastOneOf"),
        ("required_with", "AlsoRequires"),
    ):
        refs = [r for r in getattr(p, key) if r != f.dotted and r in by_path]
        if refs and key in GROUP_RELATIONS and not _declares_group_first(f, key, by_path):
            continue  # the group's first member that declares it checks the whole group
        if refs:
            exprs = ", ".join(_relation_expr(f, r, by_path) for r in refs)
            check = f"{pkg}.{method}({exprs})"
            if f.in_blocks and f.in_blocks[-1] is GoKind.SINGLE_BLOCK:
                # The framework validates attributes of an absent single block too (as
                # nulls): a relation applies only where the block is written.
                check = f"mmgen.InBlock{iface}({check})"
            out.append(check)
    return out


def _modifiers(f: GoField, res: Resource, top: bool) -> list[str]:
    _, _, pkg, _ = KIND_PACKAGES[f.kind]
    p = f.prop
    out: list[str] = []
    # The destroy guard changes in state alone, whatever else replaces the resource.
    guard = top and f.name == res.deletion_policy
    replace = p.forces_new or (
        top and not guard and res.rest.replaces(f.name) and p.presence.settable
    )
    if replace and p.presence.settable:
        out.append(f"{pkg}.RequiresReplace()")
    keeps = (
        (top and f.name == "id" and p.presence.computed)
        or p.presence is Presence.OPTIONAL_COMPUTED
        or (p.presence is Presence.COMPUTED and not res.rest.api_updates)
        # The self link's values (a name the server chose) do not change in place.
        or (top and p.presence is Presence.COMPUTED and f.name in _id_names(res))
    )
    if keeps and not f.kind.is_block:
        # Before RequiresReplace: a value left unset keeps its state instead of planning
        # an unknown that would differ from it (a provider default such as project).
        insert = 0 if p.provider_default else len(out)
        out.insert(insert, f"{pkg}.UseStateForUnknown()")
    return out


def _id_names(res: Resource) -> set[str]:
    return {p.name for p in res.rest.id_params if p.source is IdParamSource.PROPERTY}


def _default(f: GoField) -> str | None:
    value = f.prop.default
    if value is None or f.kind.is_collection or f.kind.is_block:
        return None
    _, _, _, pkg = KIND_PACKAGES[f.kind]
    if f.kind is GoKind.BOOL:
        return f"{pkg}.StaticBool({go_bool(bool(value))})"
    if f.kind is GoKind.INT64:
        return f"{pkg}.StaticInt64({go_int(int(value))})"
    if f.kind is GoKind.FLOAT64:
        return f"{pkg}.StaticFloat64({go_float(float(value))})"
    return f"{pkg}.StaticString({go_string(str(value))})"


def _description(f: GoField) -> str:
    # The description as written, like the python target's schema (docs pages render it).
    return go_string(f.prop.description)


def _in_single_block(f: GoField) -> bool:
    return bool(f.in_blocks) and f.in_blocks[-1] is GoKind.SINGLE_BLOCK


def attribute_code(f: GoField, res: Resource, by_path: dict[str, GoField], top: bool) -> str:
    p = f.prop
    lines = [f"MarkdownDescription: {_description(f)},"]
    default = _default(f)
    if f.inside_computed:
        lines.append("Computed: true,")
    elif p.presence is Presence.REQUIRED and not _in_single_block(f):
        lines.append("Required: true,")
    elif p.presence is Presence.REQUIRED:
        # The framework enforces Required inside an absent single block too; the block's
        # AlsoRequires validator enforces it only when the block is there.
        lines.append("Optional: true,")
    elif p.presence is Presence.COMPUTED:
        lines.append("Computed: true,")
    else:
        lines.append("Optional: true,")
        if p.presence is Presence.OPTIONAL_COMPUTED or default is not None:
            lines.append("Computed: true,")
    if p.sensitive:
        lines.append("Sensitive: true,")
    if p.config_only:
        # Never in plan or state: Create and Update read it from the configuration.
        lines.append("WriteOnly: true,")
    if p.deprecation:
        lines.append(f"DeprecationMessage: {go_string(p.deprecation)},")
    if f.kind.is_object_attr:
        inner = "".join(
            f"\n{go_string(c.name)}: {attribute_code(c, res, by_path, False)}," for c in f.children
        )
        attrs = f"Attributes: map[string]schema.Attribute{{{inner}\n}},"
        if f.kind is GoKind.OBJECT_ATTR:
            lines.append(attrs)
        else:
            lines.append(f"NestedObject: schema.NestedAttributeObject{{\n{attrs}\n}},")
    if f.kind.is_collection:
        lines.append(f"ElementType: {f.elem_type},")
    if default is not None:
        lines.append(f"Default: {default},")
    iface = KIND_PACKAGES[f.kind][0]
    validators = _validators(f, by_path) if p.presence.settable and not f.inside_computed else []
    if p.sensitive and f.kind is GoKind.STRING:
        # The framework's validators quote the value they reject: keep secrets out.
        validators = [f"mmgen.Redacted({v})" for v in validators]
    if validators:
        body = "".join(f"\n{v}," for v in validators)
        lines.append(f"Validators: []validator.{iface}{{{body}\n}},")
    # A write-only value is null in every plan: nothing to replace for or keep.
    modifiers = [] if f.inside_computed or p.config_only else _modifiers(f, res, top)
    if modifiers:
        body = "".join(f"\n{m}," for m in modifiers)
        lines.append(f"PlanModifiers: []planmodifier.{iface}{{{body}\n}},")
    kind = f.kind.value if f.kind.is_object_attr else f.kind.value + "Attribute"
    return f"schema.{kind}{{\n" + "\n".join(lines) + "\n}"


def block_code(f: GoField, res: Resource, by_path: dict[str, GoField], top: bool) -> str:
    p = f.prop
    inner = object_body(f.children, res, by_path, top=False)
    lines = [f"MarkdownDescription: {_description(f)},"]
    if p.deprecation:
        lines.append(f"DeprecationMessage: {go_string(p.deprecation)},")
    iface = KIND_PACKAGES[f.kind][0]
    validators = _validators(f, by_path)
    if p.presence is Presence.REQUIRED:
        pkg = KIND_PACKAGES[f.kind][1]
        required = f"{pkg}.IsRequired()"
        if _in_single_block(f):
            # The framework validates the blocks of an absent single block too (as nulls):
            # a required block is required only where the block holding it is written.
            # (Inside a list or set of blocks there is no element to validate then.)
            required = f"mmgen.InBlock{iface}({required})"
        validators.insert(0, required)
    required_inside = [
        c for c in f.children if c.prop.presence is Presence.REQUIRED and not c.kind.is_block
    ]
    if f.kind is GoKind.SINGLE_BLOCK and required_inside:
        exprs = ", ".join(
            f"path.MatchRelative().AtName({go_string(c.name)})" for c in required_inside
        )
        validators.append(f"objectvalidator.AlsoRequires({exprs})")
    if validators:
        body = "".join(f"\n{v}," for v in validators)
        lines.append(f"Validators: []validator.{iface}{{{body}\n}},")
    modifiers = _modifiers(f, res, top)
    if modifiers:
        body = "".join(f"\n{m}," for m in modifiers)
        lines.append(f"PlanModifiers: []planmodifier.{iface}{{{body}\n}},")
    if f.kind is GoKind.SINGLE_BLOCK:
        lines.append(inner)
        return "schema.SingleNestedBlock{\n" + "\n".join(lines) + "\n}"
    kind = "ListNestedBlock" if f.kind is GoKind.LIST_BLOCK else "SetNestedBlock"
    lines.append("NestedObject: schema.NestedBlockObject{\n" + inner + "\n},")
    return f"schema.{kind}{{\n" + "\n".join(lines) + "\n}"


def object_body(
    fields: list[GoField], res: Resource, by_path: dict[str, GoField], top: bool
) -> str:
    attrs = [f for f in fields if not f.kind.is_block]
    blocks = [f for f in fields if f.kind.is_block]
    parts = []
    id_attr = ""
    if top and not any(f.name == "id" for f in fields):
        # The resource id, built from the id template (the python target adds it too).
        id_attr = (
            '\n"id": schema.StringAttribute{\nMarkdownDescription: '
            + go_string(f"The ID of the {res.terraform_name}.")
            + ",\nComputed: true,\nPlanModifiers: []planmodifier.String{\n"
            "stringplanmodifier.UseStateForUnknown(),\n},\n},"
        )
    if attrs or id_attr:
        body = id_attr + "".join(
            f"\n{go_string(f.name)}: {attribute_code(f, res, by_path, top)}," for f in attrs
        )
        parts.append(f"Attributes: map[string]schema.Attribute{{{body}\n}},")
    extra = ""
    if top:
        extra = (
            "\n"
            + go_string("timeouts")
            + ": timeouts.Block(ctx, timeouts.Opts{"
            + (
                "Create: true, Read: true, Update: true, Delete: true"
                if res.rest.updates_in_place
                else "Create: true, Read: true, Delete: true"
            )
            + "}),"
        )
    if blocks or extra:
        body = "".join(
            f"\n{go_string(f.name)}: {block_code(f, res, by_path, top)}," for f in blocks
        )
        parts.append(f"Blocks: map[string]schema.Block{{{body}{extra}\n}},")
    return "\n".join(parts)
