"""One `!ruby/object:Api::Resource` of an Azure Magic Modules api.yaml, with its terraform.yaml
override, -> a model `Resource`. The mapping table is in `generator.loaders.azure_mm.loader`.

Properties are read into mutable `drafts.Prop`s first so that terraform.yaml property overrides
(renames, flags, validation) apply before the frozen model is built; the SDK definition's
request/response keys give each property its JSON path (`api_name`) and the resource id.
"""

from __future__ import annotations

from pathlib import Path

from ...diagnostics import DiagnosticBag, Location
from ...model.nodes import (
    AsyncStyle,
    Presence,
    Property,
    Resource,
    RestMapping,
    Type,
    TypeKind,
    Validation,
)
from ..ids import PLACEHOLDER, id_params
from ..naming import snake
from ..yaml_source import YMap, YNode, YScalar
from . import keys as K
from .drafts import (
    ALL_SDKS,
    BOOLEAN_ENUM,
    LOCATION,
    OPERATIONS,
    RESOURCE_GROUP,
    SDK_TYPES,
    TYPES,
    Operation,
    Prop,
    SdkType,
)
from .examples import ExampleSource, build_examples

RESOURCE_CLASS = "Api::Resource"
PREFIX = "azurerm"
ARM_BASE_URL = "https://management.azure.com/"
NOT_USED = "NotUsedInAzure"


class ResourceLoader:
    def __init__(
        self,
        folder: Path,
        bag: DiagnosticBag,
        m: YMap,
        override: YMap | None,
        api_version: str | None,
    ) -> None:
        self.folder = folder
        self.bag = bag
        self.m = m
        self.override = override
        self.api_version = api_version
        self.ops: dict[str, Operation] = {}
        self.provider = ""

    # --- SDK definition --------------------------------------------------------------------

    def _sdk_types(self, m: YMap | None, out: dict[str, SdkType], is_override: bool) -> None:
        for k, v in m.entries if m is not None else []:
            key = str(k.value)
            if not isinstance(v, YMap):
                continue
            cls = K.ruby_class(v)
            if cls not in SDK_TYPES:
                self.bag.warning(
                    "azure-mm-unknown-sdk-type",
                    f"SDK type definition `{key}` has the unknown type `{v.tag or '(none)'}`",
                    v.loc,
                    "use one of the `Api::Azure::SDKTypeDefinition::*Object` types",
                )
            K.check_keys(v, K.SDK_TYPE, self.bag, key)
            applies = frozenset(K.get_strs(v, "applicable_to")) or ALL_SDKS
            portion_node = v.get("id_portion")
            portion = K.get_str(v, "id_portion")
            old = out.get(key)
            if old is not None and is_override:
                if portion_node is not None:
                    old.id_portion = portion
                if v.get("applicable_to") is not None:
                    old.applies = applies
                continue
            out[key] = SdkType(key, portion, applies, k.loc)

    def _read_sdk(self) -> None:
        sdk = K.get_map(self.m, "azure_sdk_definition")
        if sdk is None:
            self.bag.error(
                "azure-mm-no-sdk-definition",
                "the resource has no `azure_sdk_definition`; its REST mapping cannot be derived",
                self.m.loc,
            )
            return
        K.check_keys(sdk, K.SDK_DEFINITION, self.bag)
        self.provider = K.get_str(sdk, "provider_name") or ""
        for name in OPERATIONS:
            op = K.get_map(sdk, name)
            if op is None:
                continue
            K.check_keys(op, K.OPERATION, self.bag, name)
            o = Operation(name, K.key_loc(sdk, name))
            o.is_async = bool(K.get_bool(op, "async"))
            o.go_func = K.get_str(op, "go_func_name") or ""
            self._sdk_types(K.get_map(op, "request"), o.request, False)
            self._sdk_types(K.get_map(op, "response"), o.response, False)
            self.ops[name] = o
        over = K.get_map(self.override, "azure_sdk_definition") if self.override else None
        if over is None:
            return
        K.check_keys(over, K.SDK_DEFINITION_OVERRIDE, self.bag)
        for name in OPERATIONS:
            op = K.get_map(over, name)
            if op is None:
                continue
            K.check_keys(op, K.OPERATION_OVERRIDE, self.bag, name)
            target = self.ops.get(name)
            if target is None:
                self.bag.warning(
                    "azure-mm-override-unknown-operation",
                    f"terraform.yaml overrides the `{name}` operation, which api.yaml does not define",
                    K.key_loc(over, name),
                )
                continue
            if K.get_bool(op, "async") is not None:
                target.is_async = bool(K.get_bool(op, "async"))
            self._sdk_types(K.get_map(op, "request"), target.request, True)
            self._sdk_types(K.get_map(op, "response"), target.response, True)

    def _types_by_key(self) -> dict[str, list[SdkType]]:
        out: dict[str, list[SdkType]] = {}
        for op in self.ops.values():
            for t in (*op.request.values(), *op.response.values()):
                out.setdefault(t.key, []).append(t)
        return out

    # --- properties ------------------------------------------------------------------------

    def _prop(self, m: YMap, where: str) -> Prop | None:
        name = K.get_str(m, "name")
        if name is None:
            self.bag.error("azure-mm-property", f"a property in {where} has no `name`", m.loc)
            return None
        path = f"{where}.{name}" if where else name
        cls = K.ruby_class(m)
        kind = TYPES.get(cls)
        if kind is None:
            hint = "use one of the `Api::Type::*` or `Api::Azure::Type::*` types"
            if "unknown-primary" in cls:
                hint = (
                    "autorest.cli writes this placeholder for a swagger type it could not map "
                    "(here `uuid`); a UUID is an `!ruby/object:Api::Type::String`"
                )
            self.bag.error(
                "azure-mm-unknown-type",
                f"property `{path}` has the type `{m.tag or '(no tag)'}`, which is not an Azure "
                "Magic Modules type; the property is not loaded",
                m.loc,
                hint,
            )
            return None
        K.check_keys(m, K.PROPERTY, self.bag, path)
        p = Prop(name, cls, kind, K.key_loc(m, "name"))
        self._apply(p, m, path)
        p.refs = K.get_strs(m, "azure_sdk_references")
        if cls == BOOLEAN_ENUM:
            p.values = [
                str(v) for v in (K.get_scalar(m, k) for k in ("true_value", "false_value")) if v
            ]
        p.children = self._props(K.get_maps(m, "properties"), path)
        item = m.get("item_type")
        if kind is TypeKind.ARRAY:
            self._item(p, item, m, path)
        elif item is not None:
            self.bag.warning(
                K.UNSUPPORTED,
                f"`item_type` in property `{path}` applies to Arrays only; it is not read",
                K.key_loc(m, "item_type"),
            )
        return p

    def _item(self, p: Prop, item: YNode | None, m: YMap, path: str) -> None:
        if isinstance(item, YScalar) and isinstance(item.value, str):
            cls = item.value.removeprefix("!ruby/object:")
        elif isinstance(item, YMap):
            cls = K.ruby_class(item)
            K.check_keys(item, K.ARRAY_ITEM, self.bag, f"{path}[]")
            p.children = self._props(K.get_maps(item, "properties"), path)
            p.values = K.get_strs(item, "values") or p.values
        else:
            cls = ""
        kind = TYPES.get(cls)
        if kind is None:
            self.bag.error(
                "azure-mm-unknown-type",
                f"Array `{path}` has the item type `{cls or '(none)'}`, which is not an Azure Magic "
                "Modules type; its items are loaded as strings",
                item.loc if item is not None else m.loc,
                "give `item_type` a type such as `Api::Type::String`",
            )
            kind = TypeKind.STRING
        p.item_cls, p.item_kind = cls, kind

    def _props(self, maps: list[YMap], where: str) -> list[Prop]:
        return [p for p in (self._prop(x, where) for x in maps) if p is not None]

    def _apply(self, p: Prop, m: YMap, path: str) -> None:
        """Read the property attributes that api.yaml and terraform.yaml overrides share."""
        if (d := K.get_str(m, "description")) is not None:
            p.description = d.strip()
        for attr in (
            "required",
            "input",
            "output",
            "default_from_api",
            "sensitive",
            "ignore_read",
            "is_set",
        ):
            value = K.get_bool(m, attr)
            if value is not None:
                setattr(p, attr, value)
        if m.get("default_value") is not None:
            p.default = K.get_scalar(m, "default_value")
        if m.get("values") is not None:
            p.values = K.get_strs(m, "values")
        for attr in ("min_size", "max_size"):
            if (n := K.get_int(m, attr)) is not None:
                setattr(p, attr, n)

    def _override_props(self, props: list[Prop]) -> None:
        node = K.get_map(self.override, "properties") if self.override else None
        for k, v in node.entries if node is not None else []:
            path = str(k.value)
            if not isinstance(v, YMap):
                continue
            targets = self._find(props, path.split("."))
            if not targets:
                self.bag.warning(
                    "azure-mm-override-unknown-property",
                    f"terraform.yaml overrides property `{path}`, which api.yaml does not define; "
                    "the override is not applied",
                    k.loc,
                    "name the property as api.yaml does; nested ones as `parent.child`",
                )
                continue
            K.check_keys(v, K.PROPERTY_OVERRIDE, self.bag, path)
            for p in targets:
                self._apply(p, v, path)
                if (new := K.get_str(v, "name")) is not None:
                    p.tf_name = snake(new)
                if v.get("conflicts_with") is not None:
                    p.conflicts_with = [
                        ".".join(snake(s) for s in c.split("."))
                        for c in K.get_strs(v, "conflicts_with")
                    ]
                val = K.get_map(v, "validation")
                if val is not None:
                    K.check_keys(val, K.VALIDATION, self.bag, path)
                    p.regex = K.get_str(val, "regex") or p.regex

    @staticmethod
    def _find(props: list[Prop], parts: list[str]) -> list[Prop]:
        hits = [p for p in props if parts[0] in (p.name, p.tf_name)]
        if len(parts) == 1:
            return hits
        return [c for p in hits for c in ResourceLoader._find(p.children, parts[1:])]

    # --- to the model ----------------------------------------------------------------------

    def _wire(self, p: Prop, parent: str, by_key: dict[str, list[SdkType]], path: str) -> str:
        """The JSON path (`/properties/x`) a property maps to: its Go-applicable reference."""
        body = [r for r in p.refs if r.startswith("/") and r != "/"]
        for r in p.refs:
            if r not in by_key:
                self.bag.warning(
                    "azure-mm-unknown-sdk-reference",
                    f"property `{path}` refers to `{r}`, which no operation of the "
                    "azure_sdk_definition defines",
                    p.loc,
                    "list keys of the operations' `request`/`response` in `azure_sdk_references`",
                )
        known = [r for r in body if r in by_key]
        wire = [r for r in known if any("go" in t.applies for t in by_key[r])]
        for group in (wire, known, body):
            under = [r for r in group if r.startswith(parent + "/")]
            if under:
                return under[0]
        return ""

    def _property(
        self,
        p: Prop,
        parent: str,
        by_key: dict[str, list[SdkType]],
        url_keys: set[str],
        where: str,
    ) -> Property:
        path = f"{where}.{p.tf_name}" if where else p.tf_name
        top = not where
        presence = Presence.OPTIONAL
        if p.required:
            presence = Presence.REQUIRED
        elif p.output:
            presence = Presence.COMPUTED
        elif p.default_from_api:
            presence = Presence.OPTIONAL_COMPUTED
        forces_new = p.input or p.cls in (LOCATION, RESOURCE_GROUP)
        url_param = top and any(r in url_keys for r in p.refs)
        if p.cls == RESOURCE_GROUP:
            presence, url_param = Presence.REQUIRED, True
        if not presence.settable:
            forces_new = False  # `input` on an output-only property has nothing to force
        wire = self._wire(p, parent, by_key, path)
        api_name = ""
        if wire:
            api_name = wire[len(parent) + 1 :].replace("/", ".")
        elif not url_param:
            calls = [r for r in p.refs if r in by_key and not r.startswith("/")]
            if calls and top:
                # An SDK call argument outside the id and the body (a header such as
                # x-ms-client-request-id): url_param_only keeps it out of the body.
                url_param = True
                self.bag.warning(
                    "azure-mm-no-wire-path",
                    f"property `{path}` refers only to SDK call arguments "
                    f"({', '.join(f'`{c}`' for c in calls)}) that are neither in the resource id "
                    "nor in the body; it is loaded as `url_param_only` and its value is not sent",
                    p.loc,
                    "add the body path (e.g. `/properties/x`) to `azure_sdk_references`, or drop it",
                )
            else:
                api_name = p.name
                self.bag.warning(
                    "azure-mm-no-wire-path",
                    f"property `{path}` has no body path in `azure_sdk_references`; its API name "
                    f"is taken to be `{p.name}`",
                    p.loc,
                    "add the body path (e.g. `/properties/x`) to `azure_sdk_references`",
                )
        children = tuple(
            self._property(c, wire or parent, by_key, url_keys, path) for c in p.children
        )
        return Property(
            name=p.tf_name,
            type=self._type(p, children, path),
            api_name=api_name,
            description=p.description,
            presence=presence,
            forces_new=forces_new,
            default=p.default,
            sensitive=p.sensitive,
            validation=Validation(
                regex=p.regex,
                min_items=p.min_size if p.kind is TypeKind.ARRAY else None,
                max_items=p.max_size if p.kind is TypeKind.ARRAY else None,
            ),
            conflicts_with=tuple(p.conflicts_with),
            ignore_read=p.ignore_read,
            url_param_only=url_param,
            loc=p.loc,
        )

    def _type(self, p: Prop, children: tuple[Property, ...], path: str) -> Type:
        kind, values = p.kind, tuple(p.values)
        if kind is TypeKind.ENUM:
            return Type(kind, enum_values=values, loc=p.loc)
        if kind is TypeKind.NESTED_OBJECT:
            return Type(kind, properties=children, loc=p.loc)
        if kind is TypeKind.ARRAY:
            item_kind = p.item_kind or TypeKind.STRING
            if item_kind is TypeKind.NESTED_OBJECT:
                item = Type(item_kind, properties=children, loc=p.loc)
            else:
                item = Type(
                    item_kind, enum_values=values if item_kind is TypeKind.ENUM else (), loc=p.loc
                )
            return Type(kind, item=item, is_set=p.is_set, loc=p.loc)
        if kind is TypeKind.MAP:
            value = (
                Type(TypeKind.NESTED_OBJECT, properties=children)
                if children
                else Type(TypeKind.STRING)
            )
            return Type(kind, value=value, loc=p.loc)
        # Children or values on other kinds stay visible to `generator.validate`.
        return Type(kind, properties=children, enum_values=values, loc=p.loc)

    # --- REST mapping ----------------------------------------------------------------------

    def _id_template(self, props: list[Prop]) -> tuple[str, str]:
        names: dict[str, str] = {}
        for p in props:
            for r in p.refs:
                names.setdefault(r, p.tf_name)
        self_link = K.get_str(self.m, "self_link")
        base = K.get_str(self.m, "base_url")

        def convert(url: str) -> str:
            # ARM ids are absolute paths (`/subscriptions/...`): the id users import.
            url = "/" + url.removeprefix(ARM_BASE_URL).strip("/")
            return PLACEHOLDER.sub(
                lambda mm: "{" + self._param(mm.group(1), names, self.m.loc) + "}", url
            )

        if self_link and self_link != NOT_USED:
            id_template = convert(self_link)
            collection = (
                convert(base) if base and base != NOT_USED else id_template.rsplit("/", 1)[0]
            )
            return id_template, collection
        op = self.ops.get("read") or self.ops.get("create") or self.ops.get("delete")
        if op is None:
            self.bag.error(
                "azure-mm-no-id",
                "no `read`, `create` or `delete` operation: the resource id cannot be derived",
                self.m.loc,
            )
            return "", ""
        parts = ["subscriptions", "{subscription_id}"]
        tail: list[str] = []
        for t in op.request.values():
            if not t.id_portion:
                continue
            low = t.id_portion.lower()
            if low == "subscriptions":
                continue
            segment = [t.id_portion, "{" + self._param(t.key, names, t.loc) + "}"]
            if low == "resourcegroups":
                parts += segment
            else:
                tail += segment
        if self.provider:
            parts += ["providers", self.provider]
        elif tail:
            self.bag.warning(
                "azure-mm-no-provider",
                "`azure_sdk_definition` has no `provider_name`; the id template lacks `providers/<namespace>`",
                self.m.loc,
            )
        id_template = "/" + "/".join(parts + tail)
        return id_template, id_template.rsplit("/", 1)[0]

    def _param(self, key: str, names: dict[str, str], loc: Location) -> str:
        if key in names:
            return names[key]
        if key in ("subscriptionId", "subscription_id"):
            return "subscription_id"
        self.bag.warning(
            "azure-mm-id-param-unmapped",
            f"id parameter `{key}` is not referenced by any property's `azure_sdk_references`",
            loc,
            f"add `{key}` to the `azure_sdk_references` of the property that holds it",
        )
        return snake(key)

    def _verbs(self) -> tuple[str | None, bool]:
        """(update verb, immutable)."""
        update = self.ops.get("update")
        create = self.ops.get("create")
        if update is not None:
            return ("PATCH" if update.go_func == "Update" else "PUT"), False
        if create is not None and create.go_func == "CreateOrUpdate":
            return "PUT", False  # the format leaves `update` out when create_or_update covers it
        return None, True

    # --- the resource ----------------------------------------------------------------------

    def build(self) -> Resource | None:
        m = self.m
        if K.ruby_class(m) != RESOURCE_CLASS:
            self.bag.error(
                "azure-mm-not-resource",
                f"`objects` entries must be `!ruby/object:{RESOURCE_CLASS}`, not `{m.tag or '(no tag)'}`",
                m.loc,
            )
            return None
        api_name = K.get_str(m, "name")
        if not api_name:
            self.bag.error("azure-mm-resource-name", "the resource has no `name`", m.loc)
            return None
        K.check_keys(m, K.RESOURCE, self.bag, api_name)
        if self.override is not None:
            K.check_keys(self.override, K.RESOURCE_OVERRIDE, self.bag, api_name)
            for k, _ in self.override.entries:
                if k.value == "custom_code":
                    self._custom_code(K.get_map(self.override, "custom_code"))
        self._read_sdk()
        props = self._props(K.get_maps(m, "parameters") + K.get_maps(m, "properties"), "")
        self._override_props(props)
        ov = self.override
        name = snake((K.get_str(ov, "name") if ov else None) or api_name)
        description = (
            (K.get_str(ov, "description") if ov else None) or K.get_str(m, "description") or ""
        )
        id_template, base_url = self._id_template(props)
        url_keys = {t.key for op in self.ops.values() for t in op.request.values() if t.id_portion}
        by_key = self._types_by_key()
        properties = tuple(self._property(p, "", by_key, url_keys, "") for p in props)
        update_verb, immutable = self._verbs()
        if "delete" not in self.ops:
            self.bag.warning(
                "azure-mm-no-delete",
                "the SDK definition has no `delete` operation; the model assumes DELETE on the id",
                self.m.loc,
                "add the delete operation, or expect destroy to fail against the real API",
            )
        if self.api_version is None:
            self.bag.warning(
                "azure-mm-no-api-version",
                "the Azure Magic Modules format does not record the REST `api-version` (the Ruby "
                "generator took it from the Go SDK package): requests carry none",
                K.key_loc(m, "name"),
                "set `api.api_version` in the converted mmgen spec",
            )
        rest = RestMapping(
            base_url=base_url,
            id_template=id_template,
            id_params=id_params(id_template, properties, K.key_loc(m, "name")),
            api_version=self.api_version,
            update_verb=update_verb,
            async_style=(
                AsyncStyle.ARM
                if any(
                    o.is_async for n, o in self.ops.items() if n in ("create", "update", "delete")
                )
                else AsyncStyle.NONE
            ),
            immutable=immutable,
            loc=K.key_loc(m, "azure_sdk_definition"),
        )
        terraform_name = f"{PREFIX}_{name}"
        examples = build_examples(
            ExampleSource(self.folder, terraform_name, properties, self.override, self.bag)
        )
        return Resource(
            name=name,
            terraform_name=terraform_name,
            description=description.strip(),
            rest=rest,
            properties=properties,
            import_formats=(id_template,) if id_template else (),
            examples=examples,
            loc=K.key_loc(m, "name"),
        )

    def _custom_code(self, cc: YMap | None) -> None:
        for k, v in cc.entries if cc is not None else []:
            file = v.raw if isinstance(v, YScalar) else "?"
            self.bag.warning(
                K.UNSUPPORTED,
                f"`custom_code.{k.value}` is not supported yet: `{file}` is Go template code for the "
                "Ruby generator; it is not carried into the model",
                k.loc,
                "port it to a Python hook (before_create, after_read, ...) in the mmgen spec",
            )
