"""Template contexts of one Go resource: its implementation and its tests.

Everything spec-derived is a Go literal built here (go_literals); the templates only
place it. Imports are found by the package selectors the code uses, the way goimports
would, so a file imports exactly what it needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..confine import Escape, input_path, read_regular_text
from ..diagnostics import Diagnostic, DiagnosticBag
from ..model.nodes import (
    HOOK_NAMES,
    AsyncStyle,
    IdParamSource,
    MapView,
    Product,
    Provider,
    Resource,
)
from ..model.server_names import (
    derived_name_template,
    parent_ids,
    path_params,
    server_names,
)
from ..render.go_literals import (
    go_bool,
    go_exported,
    go_float,
    go_int,
    go_package,
    go_string,
    go_unexported,
)
from .go_convert import (
    expand_method,
    flatten_method,
    has_write_only,
    struct_code,
    write_only_method,
)
from .go_fields import (
    GoField,
    GoKind,
    attr_type_expr,
    block_models,
    walk_fields,
)
from .go_nested import nested_context
from .go_schema import FW, FWV, object_body

GO_STRING_LITERAL = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|`[^`]*`')
PLACEHOLDER = re.compile(r"\{\{?%?([A-Za-z_][A-Za-z0-9_]*)\}?\}")
# The operation's name in `operation_url`: filled by the poller, not from the model.
OP_ID = "op_id"

# Package selector -> import path, for the packages generated code may use.
KNOWN_PACKAGES = {
    "context": "context",
    "fmt": "fmt",
    "regexp": "regexp",
    "strings": "strings",
    "time": "time",
    "url": "net/url",
    "attr": f"{FW}/attr",
    "diag": f"{FW}/diag",
    "path": f"{FW}/path",
    "resource": f"{FW}/resource",
    "schema": f"{FW}/resource/schema",
    "planmodifier": f"{FW}/resource/schema/planmodifier",
    "validator": f"{FW}/schema/validator",
    "types": f"{FW}/types",
    "timeouts": "github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts",
}
for _kind in ("string", "int64", "float64", "bool", "list", "set", "map", "object"):
    KNOWN_PACKAGES[f"{_kind}validator"] = f"{FWV}/{_kind}validator"
    KNOWN_PACKAGES[f"{_kind}planmodifier"] = f"{FW}/resource/schema/{_kind}planmodifier"
    KNOWN_PACKAGES[f"{_kind}default"] = f"{FW}/resource/schema/{_kind}default"

HOOK_GO = {
    "before_create": "BeforeCreate",
    "after_create": "AfterCreate",
    "before_update": "BeforeUpdate",
    "after_read": "AfterRead",
    "before_delete": "BeforeDelete",
    "parse_import_id": "ParseImportID",
}
assert set(HOOK_GO) == set(HOOK_NAMES)


# A selector's package name, looked for once string literals are masked (descriptions may
# say "a list of strings."); the known packages (and the provider's own `mmgen` runtime)
# are picked out of the names found.
_IDENT_DOT = re.compile(r"\b([a-z][a-z0-9]*)\.")
_SELECTABLE = frozenset(KNOWN_PACKAGES) | {"mmgen"}


def go_imports(code: str, module: str, extra: Iterable[str] = ()) -> list[str]:
    """Import lines for every known package selector `code` uses, grouped like goimports."""
    names = _SELECTABLE.intersection(_IDENT_DOT.findall(GO_STRING_LITERAL.sub('""', code)))
    used = {f"{module}/internal/mmgen" if n == "mmgen" else KNOWN_PACKAGES[n] for n in names}
    used |= set(extra)
    std = sorted(p for p in used if "." not in p.split("/")[0])
    other = sorted(p for p in used if p not in std)
    lines = [f'"{p}"' for p in std]
    if std and other:
        lines.append("")
    lines += [f'"{p}"' for p in other]
    return lines


def _seconds(minutes: int) -> str:
    return f"{minutes}*time.Minute"


def _id_values(res: Resource, fields: dict[str, GoField]) -> list[tuple[str, str]]:
    params = {p.name: p for p in res.rest.id_params}
    templates = [res.rest.id_template, res.rest.id_format or "", res.rest.create_url or ""]
    templates += [res.rest.update_url or "", res.rest.delete_url or ""]
    templates += [res.rest.operation_url or "", *(g.url for g in res.rest.update_groups)]
    names = list(dict.fromkeys(n for t in templates for n in PLACEHOLDER.findall(t) if n != OP_ID))
    out = []
    for name in names:
        param = params.get(name)
        f = fields.get(name)
        if (param is None or param.source is IdParamSource.PROPERTY) and f is not None:
            expr = {
                GoKind.STRING: f"m.{f.go_name}.ValueString()",
                GoKind.INT64: f"strconv.FormatInt(m.{f.go_name}.ValueInt64(), 10)",
                GoKind.BOOL: f"strconv.FormatBool(m.{f.go_name}.ValueBool())",
                GoKind.FLOAT64: f"strconv.FormatFloat(m.{f.go_name}.ValueFloat64(), 'g', -1, 64)",
            }.get(f.kind, f"m.{f.go_name}.String()")
        else:
            expr = f"r.settings[{go_string(name)}]"
        out.append((go_string(name), expr))
    return out


def _import_fields(res: Resource, fields: dict[str, GoField]) -> tuple[list[Any], list[Any]]:
    params = {p.name: p for p in res.rest.id_params}
    names = list(dict.fromkeys(PLACEHOLDER.findall(res.rest.id_format or res.rest.id_template)))
    attrs, settings = [], []
    for fmt in res.import_formats:
        names += [n for n in PLACEHOLDER.findall(fmt) if n not in names]
    for name in names:
        param = params.get(name)
        f = fields.get(name)
        if (param is None or param.source is IdParamSource.PROPERTY) and f is not None:
            root = f"path.Root({go_string(f.name)})"
            setter = {
                GoKind.STRING: f"resp.Diagnostics.Append(resp.State.SetAttribute(ctx, {root}, v)...)",
                GoKind.INT64: "if n, err := strconv.ParseInt(v, 10, 64); err == nil {\n"
                f"resp.Diagnostics.Append(resp.State.SetAttribute(ctx, {root}, n)...)\n}}",
            }.get(f.kind)
            if setter is not None:
                attrs.append((go_string(name), go_string(f.name), setter))
        elif param is not None:
            settings.append((go_string(name), go_string(name)))
    return attrs, settings


def _import_defaults(res: Resource, fields: dict[str, GoField]) -> list[tuple[str, str]]:
    """(attribute, value) of the virtual arguments an import sets to their default."""
    out = []
    for p in res.virtual_defaults:
        f = fields.get(p.name)
        value = p.default
        if f is None or value is None:
            continue
        if f.kind is GoKind.STRING:
            literal = f"types.StringValue({go_string(str(value))})"
        elif f.kind is GoKind.BOOL:
            literal = f"types.BoolValue({go_bool(bool(value))})"
        elif f.kind is GoKind.INT64:
            literal = f"types.Int64Value({go_int(int(value))})"
        elif f.kind is GoKind.FLOAT64:
            literal = f"types.Float64Value({go_float(float(value))})"
        else:
            continue
        out.append((go_string(p.name), literal))
    return out


def _deletion_policy(res: Resource, op: str, fields: dict[str, GoField]) -> dict[str, str] | None:
    """What Delete needs to honour the resource's destroy guard, if it has one."""
    f = fields.get(res.deletion_policy or "")
    if f is None or f.kind is not GoKind.STRING:
        return None
    name = f.name
    return {
        "field": f.go_name,
        "prevented": go_string(f"{op}: destroy prevented by {name}"),
        "prevented_detail": go_string(
            f'{name} is "PREVENT" in the Terraform state of this resource (id %q), so it was '
            f'not deleted. To destroy it, set {name} = "DELETE" in the configuration and '
            "apply first."
        ),
        "abandoned": go_string(f"{op}: abandoned, not deleted"),
        "abandoned_detail": go_string(
            f'{name} is "ABANDON": the resource (id %q) was removed from the Terraform state '
            "and still exists in the API."
        ),
    }


def _paths_literal(fields: list[GoField]) -> str:
    """The API paths of some fields as a Go `[][]string` literal."""
    inner = ", ".join(
        "{" + ", ".join(go_string(x) for x in f.api_path) + "}" for f in fields if f.api_path
    )
    return "[][]string{" + inner + "}"


def _state_only(res: Resource) -> list[str]:
    """The top-level fields an update changes in state alone: the state-only arguments
    and their merged views (equal in such an update, or it would replace)."""
    names = list(res.rest.state_only)
    names += [
        p.name
        for p in res.properties
        if p.map_view is MapView.MERGED and p.view_of in res.rest.state_only
    ]
    return names


def _mask_names(res: Resource) -> str:
    """The `update_mask_fields` of the top-level fields, as a `[]mmgen.MaskNames`."""
    items = [
        "{Path: "
        + go_string(p.api_name)
        + ", Names: []string{"
        + ", ".join(go_string(n) for n in p.update_mask_fields)
        + "}}"
        for p in res.properties
        if p.update_mask_fields and p.api_name
    ]
    return "[]mmgen.MaskNames{" + ", ".join(items) + "}" if items else "nil"


def _url(template: str | None, fallback: str, paths: set[str]) -> str:
    return go_string(_paths(template or fallback, paths))


def resource_context(
    provider: Provider,
    product: Product,
    res: Resource,
    spec: str,
    specs_parent: Path,
    fields: list[GoField],
) -> tuple[dict[str, Any], dict[str, tuple[str, str]], list[Diagnostic]]:
    bag = DiagnosticBag()
    res_go = go_unexported(res.name)
    type_name = go_exported(res.name) + "Resource"
    model = res_go + "Model"
    top = {f.name: f for f in fields}
    by_path = {f.dotted: f for f in walk_fields(fields)}
    computes_id = "id" not in top
    schema_body = object_body(fields, res, by_path, top=True)

    custom_files: dict[str, tuple[str, str]] = {}
    spec_dir = Path(spec).parent

    def include(rel: str, name: str) -> None:
        """Copy the Go file beside a spec's custom-code file (same name, `.go`)."""
        twin = Path(rel).with_suffix(".go").as_posix()
        src = (spec_dir / twin).as_posix()
        try:
            text = read_regular_text(input_path(specs_parent / spec_dir, twin))
        except (OSError, UnicodeDecodeError, Escape) as exc:
            bag.error(
                "custom-code-missing",
                f"the go target needs `{src}` (the Go twin of `{rel}`): {getattr(exc, 'strerror', None) or exc}",
                res.custom_code.loc,
                "write the hook in Go beside the Python file, same name with `.go`; "
                "docs/targets.md shows each hook's signature",
            )
            return
        custom_files[f"{res.name}_custom_{name}.go"] = (src, text)

    hooks: dict[str, str] = {}
    for hook, rel in res.custom_code.hooks:
        include(rel, hook)
        hooks[hook] = res_go + HOOK_GO[hook]
    custom_expand = set()
    for dotted, rel in res.custom_code.expand:
        include(rel, "expand_" + dotted.replace(".", "_"))
        custom_expand.add(dotted)
    custom_flatten = set()
    for dotted, rel in res.custom_code.flatten:
        include(rel, "flatten_" + dotted.replace(".", "_"))
        custom_flatten.add(dotted)

    extra = ['Timeouts timeouts.Value `tfsdk:"timeouts"`']
    if computes_id:
        extra.insert(0, 'ID types.String `tfsdk:"id"`')
    root_struct = struct_code(
        model, fields, f"is the Terraform state of one {res.terraform_name}.", extra
    )
    nested = [
        struct_code(b.model, b.children, f"is one `{b.dotted}` block.")
        for b in block_models(fields)
    ]
    methods = [
        expand_method(model, fields, model, res_go, custom_expand, None),
        flatten_method(model, fields, res_go, custom_flatten, None),
    ]
    for b in block_models(fields):
        skip = b.key_name
        if not b.kind.is_object_attr:  # computed-only objects are never sent
            methods.append(expand_method(b.model, b.children, model, res_go, custom_expand, skip))
        methods.append(flatten_method(b.model, b.children, res_go, custom_flatten, skip))
    write_only = has_write_only(fields)
    if write_only:
        methods.append(write_only_method(model, fields))
        methods += [
            write_only_method(b.model, b.children)
            for b in block_models(fields)
            if b.kind in (GoKind.SINGLE_BLOCK, GoKind.LIST_BLOCK) and has_write_only(b.children)
        ]
    attr_type_vars = [
        f"// {b.attr_types} are the attribute types of one `{b.dotted}` object.\n"
        f"var {b.attr_types} = map[string]attr.Type{{"
        + "".join(f"\n{go_string(c.name)}: {attr_type_expr(c)}," for c in b.children)
        + ("\n}" if b.children else "}")
        for b in block_models(fields)
        if b.kind.is_object_attr or b.inside_computed
    ]
    nested += attr_type_vars

    rest = res.rest
    update_verb = rest.update_verb if rest.main_update else None
    create_default = rest.base_url if rest.create_verb == "POST" else rest.id_template
    parents = set(parent_ids(res))
    paths = set(path_params(res))  # a server's name, a parent's id: with their slashes
    t = res.timeouts
    op = res.terraform_name
    ctx: dict[str, Any] = {
        "package": go_package(product.name),
        "type_name": type_name,
        "constructor": f"New{type_name}",
        "terraform_name": go_string(res.terraform_name),
        "terraform_name_comment": res.terraform_name,
        "model": model,
        "root_struct": root_struct,
        "nested_structs": nested,
        "schema_version": str(res.schema_version),
        "description": go_string(res.description.strip() or res.terraform_name),
        "schema_body": schema_body,
        "id_values": _id_values(res, top),
        # Where no answer gives the server's name (import), it is derived from its parts.
        "derived_names": [
            (go_string(n), go_string(tpl))
            for n in server_names(res)
            if (tpl := derived_name_template(res)) is not None
        ],
        "api_version": go_string(rest.api_version) if rest.api_version else None,
        "base_url": go_string(product.base_url),
        "id_format": go_string(rest.id_format or rest.id_template),
        "read_url": _url(rest.id_template, rest.id_template, paths),
        "create_url": _url(rest.create_url, create_default, paths),
        "update_url": _url(rest.update_url, rest.id_template, paths),
        "delete_url": _url(rest.delete_url, rest.id_template, paths),
        "create_verb": go_string(rest.create_verb),
        "read_verb": go_string(rest.read_verb),
        "update_verb": go_string(update_verb) if update_verb else None,
        "delete_verb": go_string(rest.delete_verb),
        # A read-modify-write (modify_by_patch) masks to the list's path instead.
        "update_mask": rest.update_mask
        and not (rest.nested_query and rest.nested_query.modify_by_patch),
        "mask_names": _mask_names(res),
        "async_style": rest.async_style.value,
        "operation_url": (
            go_string(
                _paths(rest.operation_url.replace("{" + OP_ID + "}", "{%" + OP_ID + "}"), parents)
            )
            if rest.operation_url
            else None
        ),
        # The self link is built from the API's answer: the resource is the operation's
        # response, or its URL needs a name the server assigns.
        "result_in_response": rest.result_in_response or _named_by_server(res),
        # Whether an update makes API calls; without, it changes the state alone.
        "updates_in_place": rest.api_updates,
        "state_only": [top[n].go_name for n in _state_only(res) if n in top],
        "can_read": rest.can_read,
        "can_delete": rest.can_delete,
        "deprecation": go_string(res.deprecation) if res.deprecation else None,
        "removed": {
            "summary": go_string(f"{op}: removed from state, not deleted"),
            "detail": go_string(
                "The API cannot delete this resource: it (id %q) was removed from the "
                "Terraform state and still exists in the API."
            ),
        },
        "grouped_paths": _paths_literal([top[n] for n in sorted(rest.grouped_fields) if n in top]),
        "update_groups": [
            {
                "url": go_string(_paths(g.url, parents)),
                "verb": go_string(g.verb),
                "paths": _paths_literal([top[n] for n in g.fields if n in top]),
                "fingerprint": go_string(g.fingerprint) if g.fingerprint else None,
                "fields": ", ".join(g.fields),
            }
            for g in rest.update_groups
        ],
        "computes_id": computes_id,
        "hooks": {h: hooks.get(h) for h in HOOK_NAMES},
        "timeouts": {
            "create": _seconds(t.create),
            "read": _seconds(t.read),
            "update": _seconds(t.update),
            "delete": _seconds(t.delete),
        },
        "errors": {
            "create": go_string(f"{op}: create failed"),
            "read": go_string(f"{op}: read failed"),
            "update": go_string(f"{op}: update failed"),
            "delete": go_string(f"{op}: delete failed"),
            "import_": go_string(f"{op}: import failed"),
        },
        "import_formats": [
            go_string(_paths(f, parents))
            for f in (res.import_formats or (rest.id_format or rest.id_template,))
        ],
        "methods": methods,
    }
    ctx["importable"] = res.importable
    ctx["write_only"] = write_only
    ctx["nested"] = nested_context(res, top)
    ctx["created_entry"] = ctx["result_in_response"] or bool(
        ctx["nested"] and ctx["nested"]["sync"]
    )
    ctx["import_fields"], ctx["import_settings"] = (
        _import_fields(res, top) if res.importable else ([], [])
    )
    ctx["import_defaults"] = _import_defaults(res, top) if res.importable else []
    ctx["deletion_policy"] = _deletion_policy(res, op, top)
    ctx["provider_defaults"] = [
        (go_string(f.name), go_string(f.prop.provider_default or ""), f.go_name)
        for f in fields
        if f.prop.provider_default and f.kind is GoKind.STRING
    ]
    ctx["merged_views"] = [
        (
            go_string(f.name),
            go_string(f.prop.view_of or ""),
            go_string(f.prop.provider_default or ""),
            # What the API holds of a state-only argument: a change replaces.
            f.prop.view_of in rest.state_only,
        )
        for f in fields
        if f.prop.map_view is MapView.MERGED
    ]
    views = [f for f in fields if f.prop.map_view is MapView.EFFECTIVE]
    ctx["effective_views"] = [(go_string(f.name), go_string(f.prop.view_of or "")) for f in views]
    ctx["uses_maps"] = bool(ctx["merged_views"])
    ctx["modify_plan"] = bool(ctx["provider_defaults"] or ctx["merged_views"] or views)
    # Imports: what the code (schema, methods, template skeleton) names.
    code = "\n".join(
        [schema_body, root_struct, *nested, *methods, *(e for _, e in ctx["id_values"])]
    )
    code += "\n" + " ".join(x for _, _, x in ctx["import_fields"])
    # What the template's own skeleton uses (resource.go.j2), beyond the code built here.
    skeleton = "context. fmt. url. resource. schema. diag. types. mmgen. time. timeouts."
    if (
        (computes_id and res.importable)
        or ctx["import_fields"]
        or ctx["modify_plan"]
        or ctx["import_defaults"]
    ):
        skeleton += " path."
    if ctx["import_settings"] or (ctx["update_verb"] and ctx["update_mask"]):
        skeleton += " strings."
    extra_imports = {"strconv"} if "strconv." in code else set()
    ctx["imports"] = go_imports(code + " " + skeleton, provider.go_module, extra_imports)
    return ctx, custom_files, bag.items


def _server_names(res: Resource) -> set[str]:
    """Placeholders of the self link that are a relative name the server assigns, filled
    with their slashes (`{%name}`: escaped segment by segment)."""
    return set(server_names(res))


def _named_by_server(res: Resource) -> bool:
    if res.rest.async_style is AsyncStyle.ARM:
        return False  # ARM polls provisioning at the self link: it must be known up front
    return bool(_server_names(res))


def _paths(template: str, names: set[str]) -> str:
    """`template` with each placeholder in `names` made multi-segment (`{%name}`)."""
    for n in sorted(names):
        template = template.replace("{" + n + "}", "{%" + n + "}")
    return template
