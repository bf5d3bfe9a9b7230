"""Expand (model -> API JSON) and flatten (API JSON -> model) methods, as Go source.

One method pair per model struct. Flatten keeps what the API never returns (write-only,
ignore_read, URL parameters) from the prior value, treats null and empty collections
alike, and leaves an optional+computed block the configuration left out absent, exactly
as the python runtime does (templates/python/runtime/convert.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model.nodes import MapView
from ..render.go_literals import go_exported, go_string
from .go_fields import GoField, GoKind


def _path_args(f: GoField) -> str:
    return ", ".join(go_string(p) for p in f.api_path)


def custom_name(resource_go: str, kind: str, dotted: str) -> str:
    """The function a custom-code file must define: `sinkExpandNickname`."""
    return resource_go + kind + "".join(go_exported(p) for p in dotted.split("."))


VALUE_METHOD = {
    GoKind.STRING: "ValueString",
    GoKind.INT64: "ValueInt64",
    GoKind.FLOAT64: "ValueFloat64",
    GoKind.BOOL: "ValueBool",
}


def expand_method(
    model: str,
    fields: list[GoField],
    root: str,
    resource_go: str,
    custom: set[str],
    skip: str | None,
) -> str:
    lines = [
        f"func (m *{model}) expand(ctx context.Context, root *{root}, diags *diag.Diagnostics) map[string]any {{",
        "body := map[string]any{}",
    ]
    # A merged map view (terraform_labels) is sent in place of its argument.
    merged = {f.prop.view_of for f in fields if f.prop.map_view is MapView.MERGED}
    for f in fields:
        sent = f.prop.map_view is MapView.MERGED or (f.settable and f.name not in merged)
        if not sent or f.prop.url_param_only or f.name == skip:
            continue
        x = f"m.{f.go_name}"
        args = _path_args(f)

        putter = "mmgen.PutNonEmpty" if f.prop.omit_empty else "mmgen.Put"

        def put(value: str, args: str = args, putter: str = putter) -> str:
            # Not a %-template: API names may hold `%` (they arrive as Go literals here).
            return f"{putter}(body, {value}, {args})"

        if f.dotted in custom:
            fn = custom_name(resource_go, "Expand", f.dotted)
            lines += [
                f"if mmgen.Known({x}) {{",
                f"if v, err := {fn}(ctx, {x}, root); err != nil {{",
                f"diags.AddAttributeError(path.Root({go_string(f.path[0])}), "
                f"{go_string('Custom expand of ' + f.dotted + ' failed')}, err.Error())",
                "} else if v != nil {",
                put("v"),
                "}",
                "}",
            ]
        elif f.kind in VALUE_METHOD:
            lines += [f"if mmgen.Known({x}) {{", put(f"{x}.{VALUE_METHOD[f.kind]}()"), "}"]
        elif f.kind.is_collection:
            lines += [f"if mmgen.Known({x}) {{", put(f"mmgen.Expand{f.kind.value}({x})"), "}"]
        elif f.kind is GoKind.SINGLE_BLOCK:
            lines += [f"if {x} != nil {{", put(f"{x}.expand(ctx, root, diags)"), "}"]
        elif f.kind is GoKind.MAP_BLOCK:
            key = go_exported(f.key_name or "name")
            lines += [
                f"if len({x}) > 0 {{",
                "items := map[string]any{}",
                f"for i := range {x} {{",
                f"if mmgen.Known({x}[i].{key}) {{",
                f"items[{x}[i].{key}.ValueString()] = {x}[i].expand(ctx, root, diags)",
                "}",
                "}",
                put("items"),
                "}",
            ]
        else:
            lines += [
                f"if len({x}) > 0 {{",
                f"items := make([]any, 0, len({x}))",
                f"for i := range {x} {{",
                f"items = append(items, {x}[i].expand(ctx, root, diags))",
                "}",
                put("items"),
                "}",
            ]
    lines += ["return body", "}"]
    return "\n".join(lines)


def _prior_value(f: GoField) -> str:
    x = f"prior.{f.go_name}"
    if f.kind in VALUE_METHOD:
        return f"mmgen.Prior{f.kind.value}({x})"
    if f.kind.is_collection:
        return f"mmgen.Prior{f.kind.value}({x}, {f.elem_type})"
    if f.kind is GoKind.SINGLE_BLOCK:
        return x
    return f"mmgen.PriorBlocks({x})"


def _null_value(f: GoField) -> str:
    if f.kind.is_collection:
        return f"types.{f.kind.value}Null({f.elem_type})"
    return f"types.{f.kind.value}Null()"


def has_write_only(fields: list[GoField]) -> bool:
    """Whether a struct holds a write-only argument, itself or in a block it holds."""
    return any(
        f.prop.config_only or (f.kind.is_block and has_write_only(f.children)) for f in fields
    )


def write_only_method(model: str, fields: list[GoField]) -> str:
    """`takeWriteOnly`: the write-only arguments' values from the configuration, which
    alone holds them. Each is taken when its version argument changed from `prior` (or
    there is no prior: a create, or a block new in this update); one without a version
    argument only then. Blocks are followed element by element."""
    versions = {f.prop.version_of: f for f in fields if f.prop.version_of}
    lines = [
        f"func (m *{model}) takeWriteOnly(config, prior *{model}) {{",
        "if config == nil {",
        "return",
        "}",
    ]
    for f in fields:
        x, c = f"m.{f.go_name}", f"config.{f.go_name}"
        if f.prop.config_only:
            v = versions.get(f.name)
            changed = f" || !m.{v.go_name}.Equal(prior.{v.go_name})" if v is not None else ""
            lines += [f"if prior == nil{changed} {{", f"{x} = {c}", "}"]
        elif f.kind is GoKind.SINGLE_BLOCK and has_write_only(f.children):
            lines += [
                f"if {x} != nil {{",
                f"var p *{f.model}",
                "if prior != nil {",
                f"p = prior.{f.go_name}",
                "}",
                f"{x}.takeWriteOnly({c}, p)",
                "}",
            ]
        elif f.kind is GoKind.LIST_BLOCK and has_write_only(f.children):
            lines += [
                f"for i := range {x} {{",
                f"if i >= len({c}) {{",
                "break",
                "}",
                f"var p *{f.model}",
                f"if prior != nil && i < len(prior.{f.go_name}) {{",
                f"p = &prior.{f.go_name}[i]",
                "}",
                f"{x}[i].takeWriteOnly(&{c}[i], p)",
                "}",
            ]
    lines.append("}")
    return "\n".join(lines)


def flatten_method(
    model: str, fields: list[GoField], resource_go: str, custom: set[str], skip: str | None
) -> str:
    lines = [
        f"func (m *{model}) flatten(ctx context.Context, api map[string]any, prior *{model}, "
        "root map[string]any, diags *diag.Diagnostics) {",
    ]
    for f in fields:
        x = f"m.{f.go_name}"
        if f.name == skip:
            continue
        if f.prop.config_only:
            lines.append(f"{x} = {_null_value(f)} // write-only: never in state")
            continue
        if f.kept_from_prior:
            lines.append(f"{x} = {_prior_value(f)}")
            continue
        get = f"mmgen.Get(api, {_path_args(f)})"
        stays_absent = f.kind.is_block and f.prop.presence.computed and f.prop.presence.settable
        if f.dotted in custom:
            fn = custom_name(resource_go, "Flatten", f.dotted)
            lines += [
                "{",
                f"raw, _ := {get}",
                f"if v, err := {fn}(ctx, raw, root); err != nil {{",
                f"diags.AddAttributeError(path.Root({go_string(f.path[0])}), "
                f"{go_string('Custom flatten of ' + f.dotted + ' failed')}, err.Error())",
                "} else {",
                f"{x} = v",
                "}",
                "}",
            ]
        elif f.kind in VALUE_METHOD and f.prop.omit_empty and f.settable:
            # Not sent when empty, so not returned: the configured "" / 0 / false stays.
            kind = f.kind.value
            lines.append(
                f"{x} = mmgen.KeepEmpty{kind}(mmgen.{kind}Value({get}), prior.{f.go_name})"
            )
        elif f.kind in VALUE_METHOD:
            lines.append(f"{x} = mmgen.{f.kind.value}Value({get})")
        elif f.kind is GoKind.OBJECT_ATTR:
            lines += [
                "{",
                f"raw, ok := {get}",
                "obj, isObj := mmgen.Object(raw)",
                f"{x} = types.ObjectNull({f.attr_types})",
                "if ok && isObj && len(obj) > 0 {",
                f"var v {f.model}",
                f"v.flatten(ctx, obj, &{f.model}{{}}, root, diags)",
                f"o, d := types.ObjectValueFrom(ctx, {f.attr_types}, v)",
                "diags.Append(d...)",
                f"{x} = o",
                "}",
                "}",
            ]
        elif f.kind.is_object_attr:
            kind = "List" if f.kind is GoKind.LIST_OBJECT_ATTR else "Set"
            key = go_exported(f.key_name) if f.key_name else None
            lines += [
                "{",
                f"raw, ok := {get}",
                f"items := make([]{f.model}, 0)",
            ]
            if key:
                lines += [
                    "obj, _ := mmgen.Object(raw)",
                    "for _, k := range mmgen.SortedKeys(obj) {",
                    "item, isObj := mmgen.Object(obj[k])",
                    "if !isObj {",
                    "continue",
                    "}",
                    f"var v {f.model}",
                    f"v.flatten(ctx, item, &{f.model}{{}}, root, diags)",
                    f"v.{key} = types.StringValue(k)",
                    "items = append(items, v)",
                    "}",
                ]
            else:
                lines += [
                    "list, _ := raw.([]any)",
                    "for _, item := range list {",
                    "obj, isObj := mmgen.Object(item)",
                    "if !isObj {",
                    "continue",
                    "}",
                    f"var v {f.model}",
                    f"v.flatten(ctx, obj, &{f.model}{{}}, root, diags)",
                    "items = append(items, v)",
                    "}",
                ]
            elem = f"types.ObjectType{{AttrTypes: {f.attr_types}}}"
            lines += [
                f"{x} = types.{kind}Null({elem})",
                "if ok {",
                f"v, d := types.{kind}ValueFrom(ctx, {elem}, items)",
                "diags.Append(d...)",
                f"{x} = v",
                "}",
                "}",
            ]
        elif f.kind.is_collection:
            lines += [
                "{",
                f"raw, ok := {get}",
                f"v, d := mmgen.{f.kind.value}Value(raw, ok, {f.elem_type})",
                "diags.Append(d...)",
                (
                    f"{x} = mmgen.ManagedKeys(ctx, v, prior.{f.go_name})"
                    if f.prop.map_view in (MapView.CONFIGURED, MapView.MERGED)
                    else f"{x} = mmgen.KeepEmpty{f.kind.value}(v, {_prior_value(f)})"
                ),
                "}",
            ]
        elif f.kind is GoKind.SINGLE_BLOCK:
            cond = f"ok && isObj && (len(obj) > 0 || prior.{f.go_name} != nil)"
            if stays_absent:
                cond += f" && (prior.{f.go_name} != nil || mmgen.IsImporting(ctx))"
            lines += [
                "{",
                f"raw, ok := {get}",
                "obj, isObj := mmgen.Object(raw)",
                f"{x} = nil",
                f"if {cond} {{",
                f"p := prior.{f.go_name}",
                "if p == nil {",
                f"p = &{f.model}{{}}",
                "}",
                f"v := &{f.model}{{}}",
                "v.flatten(ctx, obj, p, root, diags)",
                f"{x} = v",
                "}",
                "}",
            ]
        elif f.kind is GoKind.MAP_BLOCK:
            key = go_exported(f.key_name or "name")
            guard = (
                f"len(prior.{f.go_name}) > 0 || mmgen.IsImporting(ctx)" if stays_absent else "true"
            )
            lines += [
                "{",
                f"raw, _ := {get}",
                "obj, _ := mmgen.Object(raw)",
                f"priors := map[string]*{f.model}{{}}",
                f"for i := range prior.{f.go_name} {{",
                f"if mmgen.Known(prior.{f.go_name}[i].{key}) {{",
                f"priors[prior.{f.go_name}[i].{key}.ValueString()] = &prior.{f.go_name}[i]",
                "}",
                "}",
                f"{x} = make([]{f.model}, 0, len(obj))",
                "for _, key := range mmgen.SortedKeys(obj) {",
                "item, isObj := mmgen.Object(obj[key])",
                f"if !isObj || !({guard}) {{",
                "continue",
                "}",
                "p := priors[key]",
                "if p == nil {",
                f"p = &{f.model}{{}}",
                "}",
                f"var v {f.model}",
                "v.flatten(ctx, item, p, root, diags)",
                f"v.{key} = types.StringValue(key)",
                f"{x} = append({x}, v)",
                "}",
                "}",
            ]
        else:
            guard = (
                f"len(prior.{f.go_name}) > 0 || mmgen.IsImporting(ctx)" if stays_absent else "true"
            )
            lines += [
                "{",
                f"raw, _ := {get}",
                "items, _ := raw.([]any)",
                f"{x} = make([]{f.model}, 0, len(items))",
                "for i, item := range items {",
                "obj, isObj := mmgen.Object(item)",
                f"if !isObj || !({guard}) {{",
                "continue",
                "}",
                f"var p {f.model}",
                f"if i < len(prior.{f.go_name}) {{",
                f"p = prior.{f.go_name}[i]",
                "}",
                f"var v {f.model}",
                "v.flatten(ctx, obj, &p, root, diags)",
                f"{x} = append({x}, v)",
                "}",
                "}",
            ]
    lines.append("}")
    return "\n".join(lines)


def struct_code(model: str, fields: list[GoField], doc: str, extra: Sequence[str] = ()) -> str:
    body = [f"{f.go_name} {f.framework_type} `tfsdk:{go_string(f.name)}`" for f in fields]
    body += list(extra)
    return f"// {model} {doc}\ntype {model} struct {{\n" + "\n".join(body) + "\n}"
