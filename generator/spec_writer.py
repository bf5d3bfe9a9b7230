"""Model -> mmgen YAML spec text, the inverse of `generator.loaders.mmgen.loader`.

Keys come in the order the spec shapes declare them (`spec_shapes.RESOURCE`/`PROPERTY`),
keys at their default values are left out, multi-line text becomes a literal block
scalar, and each place a loader guessed (e.g. `loaders.docs.Guess`) carries a
`# guess: ...` comment for the human who finishes the spec. Loading the text back with
the mmgen loader gives an equal model.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Protocol

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from .loaders.mmgen.spec_shapes import API, EXAMPLE, PRODUCT, PROPERTY, RESOURCE, TIMEOUTS
from .model.nodes import (
    HOOK_NAMES,
    Allowance,
    ApiStyle,
    AsyncStyle,
    Example,
    MapView,
    Presence,
    Product,
    Property,
    Resource,
    Timeouts,
    Type,
    TypeKind,
)
from .model.server_names import has_derived_regex


class GuessLike(Protocol):
    """Anything with a spec `path` and a `message`, e.g. `loaders.docs.Guess`."""

    @property
    def path(self) -> str: ...

    @property
    def message(self) -> str: ...


_INDENT = 2  # mapping indent; sequence dashes sit 2 in, their content 4 in


def _text(value: str) -> Any:
    """Multi-line text as a literal block scalar when that represents it exactly."""
    if "\n" not in value.rstrip("\n"):
        return value
    lines = value.split("\n")
    plain = all(ch == "\n" or (ch.isprintable() and ch != "\t") for ch in value)
    if (
        plain
        and not value[:1].isspace()
        and all(line == line.rstrip() for line in lines)
        and "\ufeff" not in value
    ):
        return LiteralScalarString(value)
    return value


# ruamel writes some plain scalars in flow sequences that read back as something else
# (`[?0]` is a complex mapping key): quote every item that is not a plain word or path.
_PLAIN_FLOW_ITEM = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-/]*")


def _flow(items: Iterable[str]) -> CommentedSeq:
    seq = CommentedSeq(
        item if _PLAIN_FLOW_ITEM.fullmatch(item) else DoubleQuotedScalarString(item)
        for item in items
    )
    seq.fa.set_flow_style()
    return seq


def _allowances(items: Iterable[Allowance], selector: str | None = None) -> CommentedSeq:
    """`breaking_changes_allowed` entries; `selector` names the key of an entry's path."""
    out = CommentedSeq()
    for a in items:
        m = CommentedMap(rule=a.rule)
        if selector is not None and a.path is not None:
            m[selector] = a.path
        m["reason"] = _text(a.reason)
        out.append(m)
    return out


def _ordered(data: dict[str, Any], order: Iterable[str]) -> CommentedMap:
    out = CommentedMap()
    for key in order:
        if key in data:
            out[key] = data[key]
    return out


class _Writer:
    def __init__(
        self, guesses: Iterable[GuessLike], skip_prefix: str = "", keep_timeouts: Iterable[str] = ()
    ) -> None:
        self.keep_timeouts = frozenset(keep_timeouts)
        self.pending: dict[str, list[str]] = defaultdict(list)
        for g in guesses:
            self.pending[g.path].append(g.message)
        self.skip_prefix = skip_prefix

    # --- comments -----------------------------------------------------------------------

    def _take(self, path: str) -> list[str]:
        return self.pending.pop(path, [])

    @staticmethod
    def _comment(messages: list[str]) -> str:
        return "\n".join(f"guess: {m}" for m in messages)

    def comment_key(self, m: CommentedMap, key: str, path: str, indent: int) -> None:
        messages = self._take(path)
        if messages:
            m.yaml_set_comment_before_after_key(key, before=self._comment(messages), indent=indent)

    def finish(self, root: CommentedMap) -> None:
        """Put guesses whose place is not in the output at the top, labelled by path."""
        top = self._take("")
        for path, messages in sorted(self.pending.items()):
            if self.skip_prefix and path.startswith(self.skip_prefix):
                continue
            top += [f"({path}) {m}" for m in messages]
        if top:
            root.yaml_set_start_comment(self._comment(top))

    # --- properties ---------------------------------------------------------------------

    def properties(self, props: Iterable[Property], prefix: str, dash_indent: int) -> CommentedSeq:
        seq = CommentedSeq()
        for i, p in enumerate(props):
            path = f"{prefix}{p.name}"
            seq.append(self.property(p, path, dash_indent + 4))
            messages = self._take(f"properties.{path}")
            if messages:
                seq.yaml_set_comment_before_after_key(
                    i, before=self._comment(messages), indent=dash_indent
                )
        return seq

    def property(self, p: Property, path: str, child_dash: int) -> CommentedMap:
        t = p.type
        d: dict[str, Any] = {"name": p.name, "type": t.kind.value}
        if p.api_name:
            d["api_name"] = p.api_name
        if p.description:
            d["description"] = _text(p.description)
        if p.presence is not Presence.OPTIONAL:
            d["presence"] = p.presence.value
        flags = ("forces_new", "sensitive", "write_only", "ignore_read", "url_param_only")
        # `parent_id` implies url_param_only, forces_new and the regex of its form.
        implied = ("forces_new", "url_param_only") if p.parent_id else ()
        for key in (*flags, "omit_empty", "config_only"):
            if getattr(p, key) and key not in implied:
                d[key] = True
        if p.parent_id:
            d["parent_id"] = p.parent_id
        if p.default is not None:
            d["default"] = p.default
        if p.deprecation is not None:
            d["deprecation"] = _text(p.deprecation)
        if p.min_version is not None:
            d["min_version"] = p.min_version
        if p.provider_default is not None:
            d["provider_default"] = p.provider_default
        if p.map_view is not MapView.ALL:
            d["map_view"] = p.map_view.value
        if p.view_of is not None:
            d["view_of"] = p.view_of
        if p.version_of is not None:
            d["version_of"] = p.version_of
        v = p.validation
        if has_derived_regex(p):
            v = dataclasses.replace(v, regex=None)
        if not v.is_empty:
            pairs = (
                ("regex", v.regex),
                ("min_length", v.min_length),
                ("max_length", v.max_length),
                ("min", v.minimum),
                ("max", v.maximum),
                ("min_items", v.min_items),
                ("max_items", v.max_items),
            )
            d["validation"] = CommentedMap((k, x) for k, x in pairs if x is not None)
        for key in ("conflicts_with", "exactly_one_of", "at_least_one_of", "required_with"):
            refs = getattr(p, key)
            if refs:
                d[key] = _flow(refs)
        d.update(self.type_keys(t, path, child_dash))
        if p.breaking_changes_allowed:
            d["breaking_changes_allowed"] = _allowances(p.breaking_changes_allowed)
        return _ordered(d, PROPERTY.keys)

    def type_keys(self, t: Type, path: str, child_dash: int) -> dict[str, Any]:
        d: dict[str, Any] = {}
        nested: tuple[Property, ...] = ()
        if t.kind is TypeKind.ENUM and t.enum_values:
            d["enum_values"] = _flow(t.enum_values)
        elif t.kind is TypeKind.NESTED_OBJECT:
            nested = t.properties
        elif t.kind is TypeKind.ARRAY:
            item = t.item or Type(TypeKind.STRING)
            if item.kind is not TypeKind.STRING:
                d["item_type"] = item.kind.value
            if item.kind is TypeKind.ENUM and item.enum_values:
                d["enum_values"] = _flow(item.enum_values)
            if item.kind is TypeKind.NESTED_OBJECT:
                nested = item.properties
            if t.is_set:
                d["is_set"] = True
        elif t.kind is TypeKind.MAP:
            value = t.value or Type(TypeKind.STRING)
            if value.kind is not TypeKind.STRING:
                d["value_type"] = value.kind.value
            if t.key_name is not None:
                d["key_name"] = t.key_name
            if value.kind is TypeKind.NESTED_OBJECT:
                nested = value.properties
        elif t.kind is TypeKind.RESOURCE_REF:
            if t.resource is not None:
                d["resource"] = t.resource
            if t.imports is not None:
                d["imports"] = t.imports
        if nested:
            d["properties"] = self.properties(nested, path + ".", child_dash)
        return d

    # --- resource -----------------------------------------------------------------------

    def resource(self, r: Resource, prefix: str | None) -> CommentedMap:
        d: dict[str, Any] = {"name": r.name}
        if prefix is None or r.terraform_name != f"{prefix}_{r.name}":
            d["terraform_name"] = r.terraform_name
        if r.description:
            d["description"] = _text(r.description)
        if r.schema_version:
            d["schema_version"] = r.schema_version
        if r.min_version is not None:
            d["min_version"] = r.min_version
        if r.deletion_policy is not None:
            d["deletion_policy"] = r.deletion_policy
        if r.deprecation is not None:
            d["deprecation"] = _text(r.deprecation)
        d["api"] = self.api(r)
        default_formats = (r.rest.id_template,) if r.rest.id_template else ()
        if r.import_formats != default_formats:
            d["import_formats"] = CommentedSeq(r.import_formats)
        base = Timeouts()
        timeouts = {
            k: getattr(r.timeouts, k)
            for k in TIMEOUTS.keys
            if k in self.keep_timeouts or getattr(r.timeouts, k) != getattr(base, k)
        }
        if timeouts:
            d["timeouts"] = _ordered(timeouts, TIMEOUTS.keys)
        if r.examples:
            d["examples"] = CommentedSeq(self.example(e) for e in r.examples)
        if r.references:
            d["references"] = CommentedSeq(
                CommentedMap(title=x.title, url=x.url) for x in r.references
            )
        if not r.custom_code.is_empty:
            cc = CommentedMap()
            hooks = dict(r.custom_code.hooks)
            for name in HOOK_NAMES:
                if name in hooks:
                    cc[name] = hooks.pop(name)
            for name, file in sorted(hooks.items()):
                cc[name] = file
            for key in ("expand", "flatten"):
                pairs = getattr(r.custom_code, key)
                if pairs:
                    cc[key] = CommentedMap(pairs)
            d["custom_code"] = cc
        if r.breaking_changes_allowed:
            d["breaking_changes_allowed"] = _allowances(r.breaking_changes_allowed, "field")
        d["properties"] = self.properties(r.properties, "", _INDENT)
        root = _ordered(d, RESOURCE.keys)
        for key in list(root.keys()):
            if key != "properties":
                self.comment_key(root, key, key, 0)
        api = root["api"]
        for key in list(api.keys()):
            self.comment_key(api, key, f"api.{key}", _INDENT)
        for key, messages in list(self.pending.items()):
            head = key.split(".")[0]
            if head in root and key != head and not key.startswith("properties."):
                self.pending.pop(key)
                self.pending[head] += messages
                self.comment_key(root, head, head, 0)
        self.finish(root)
        return root

    def api(self, r: Resource) -> CommentedMap:
        rest = r.rest
        d: dict[str, Any] = {"base_url": rest.base_url, "id_template": rest.id_template}
        if rest.api_version is not None:
            d["api_version"] = rest.api_version
        for key, default in (
            ("create_verb", "PUT"),
            ("read_verb", "GET"),
            ("delete_verb", "DELETE"),
        ):
            if getattr(rest, key) != default:
                d[key] = getattr(rest, key)
        if rest.update_verb is not None:
            d["update_verb"] = rest.update_verb
        if rest.async_style is not AsyncStyle.NONE:
            d["async"] = rest.async_style.value
        if rest.immutable:
            d["immutable"] = True
        if rest.operation_url:
            d["operation_url"] = rest.operation_url
        if rest.result_in_response:
            d["result_in_response"] = True
        nq = rest.nested_query
        if nq is not None:
            nested: dict[str, Any] = {"keys": list(nq.keys), "identity": list(nq.identity)}
            if nq.is_list_of_ids:
                nested["is_list_of_ids"] = True
            if nq.modify_by_patch:
                nested["modify_by_patch"] = True
            d["nested_query"] = CommentedMap(nested)
        if rest.state_only:
            d["state_only"] = CommentedSeq(rest.state_only)
        if not rest.can_read:
            d["can_read"] = False
        if not rest.can_delete:
            d["can_delete"] = False
        return _ordered(d, API.keys)

    @staticmethod
    def example(e: Example) -> CommentedMap:
        d: dict[str, Any] = {"name": e.name, "config": _text(e.config)}
        if e.vars:
            d["vars"] = CommentedMap(
                (
                    v.name,
                    CommentedMap(
                        [("docs", v.docs), ("test", v.test)] + ([("env", v.env)] if v.env else [])
                    ),
                )
                for v in e.vars
            )
        if e.primary_resource is not None:
            d["primary_resource"] = e.primary_resource
        if e.skip_test is not None:
            d["skip_test"] = e.skip_test
        if not e.in_docs:
            d["in_docs"] = False
        if e.title:
            d["title"] = e.title
        if e.ignore_read_fields:
            d["ignore_read_fields"] = _flow(e.ignore_read_fields)
        if e.updates:
            d["updates"] = [_text(u) for u in e.updates]
        return _ordered(d, EXAMPLE.keys)


_LINE_BREAKS = "\x85\u2028\u2029"


def _represent_str(representer: Any, data: str) -> Any:
    """Text with characters YAML would fold or drop goes double-quoted, where they escape."""
    if any(c in _LINE_BREAKS or not (c.isprintable() or c in "\n") for c in data):
        return representer.represent_scalar("tag:yaml.org,2002:str", data, style='"')
    return representer.represent_str(data)


def _dump(root: CommentedMap) -> str:
    yaml = YAML(typ="rt", pure=True)
    yaml.representer.add_representer(str, _represent_str)
    yaml.indent(mapping=_INDENT, sequence=_INDENT + 2, offset=_INDENT)
    yaml.width = 4096
    out = io.StringIO()
    yaml.dump(root, out)
    return out.getvalue()


def resource_to_yaml(
    resource: Resource,
    guesses: Iterable[GuessLike] = (),
    prefix: str | None = None,
    keep_timeouts: Iterable[str] = (),
) -> str:
    """A resource spec file; `terraform_name` is omitted when `prefix` derives it. The
    operations in `keep_timeouts` are written even at their default value."""
    writer = _Writer(guesses, skip_prefix="product", keep_timeouts=keep_timeouts)
    return _dump(writer.resource(resource, prefix))


def product_to_yaml(product: Product, guesses: Iterable[GuessLike] = ()) -> str:
    """The product.yaml of a product (its resources live in their own files)."""
    writer = _Writer(
        (g for g in guesses if g.path == "product" or g.path.startswith("product.")),
    )
    d: dict[str, Any] = {"name": product.name, "prefix": product.prefix}
    if product.display_name != product.name:
        d["display_name"] = product.display_name
    d["versions"] = CommentedSeq(
        CommentedMap(name=v.name, base_url=v.base_url) for v in product.versions
    )
    if product.params:
        params = CommentedSeq()
        for p in product.params:
            m = CommentedMap(name=p.name)
            if p.env is not None:
                m["env"] = p.env
            if p.description:
                m["description"] = _text(p.description)
            if not p.required:
                m["required"] = False
            if p.is_map:
                m["is_map"] = True
            params.append(m)
        d["params"] = params
    if product.api_style is not ApiStyle.ARM:
        d["api_style"] = product.api_style.value
    if product.breaking_changes_allowed:
        d["breaking_changes_allowed"] = _allowances(product.breaking_changes_allowed, "resource")
    root = _ordered(d, PRODUCT.keys)
    for path in list(writer.pending):
        key = path.split(".", 1)[1] if "." in path else ""
        if key in root:
            writer.comment_key(root, key, path, 0)
    writer.pending = defaultdict(list, {"": [m for ms in writer.pending.values() for m in ms]})
    writer.finish(root)
    return _dump(root)
