# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/resource.py
# Template:    python/runtime/resource.py
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""``GeneratedResource``: tf's Resource protocol implemented generically from a SPEC."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any, ClassVar

from tf.iface import Resource
from tf.schema import Schema
from tf.types import Unknown

from . import convert, ids, nested
from .lro import OperationFailed
from .plan import arguments_changed, plan_state, replace_paths
from .provider import GeneratedProvider, ProviderSettings
from .spec import Field, ResourceSpec, UpdateGroup
from .states import conform, strip_unknown
from .states import fill_unknown as _fill_unknown
from .states import typed as _typed
from .tfschema import build_schema, is_block
from .timeouts import Deadline, OperationTimeout, operation_timeout
from .transport import ApiError, Response, TransportError, error_from_response
from .validate import validate_config

State = dict[str, Any]


def describe_error(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, ApiError):
        code = f" {exc.code}" if exc.code else ""
        return f"API error: HTTP {exc.status}{code}", exc.message or str(exc)
    if isinstance(exc, OperationFailed):
        code = f" {exc.code}" if exc.code else ""
        return f"Operation {exc.status}:{code}", exc.message or str(exc)
    if isinstance(exc, OperationTimeout):
        return "Operation timed out", str(exc)
    if isinstance(exc, TransportError):
        return "Request failed", str(exc)
    if isinstance(exc, ids.MissingIdValue):
        return "Cannot build the resource id", str(exc)
    if isinstance(exc, nested.NestedConflict):
        return "Cannot change the parent's list", str(exc)
    return f"Unexpected error: {type(exc).__name__}", str(exc)


class GeneratedResource(Resource):
    SPEC: ClassVar[ResourceSpec]
    CUSTOM_EXPAND: ClassVar[dict[str, Callable[[Any, Any], Any]]] = {}
    CUSTOM_FLATTEN: ClassVar[dict[str, Callable[[Any, Any], Any]]] = {}

    _schema_cache: ClassVar[dict[type, Schema]] = {}

    def __init__(self, provider: GeneratedProvider) -> None:
        self.provider = provider

    # ------------------------------------------------------------ identity & schema

    @classmethod
    def get_name(cls) -> str:
        return cls.SPEC.type_name

    @classmethod
    def get_schema(cls) -> Schema:
        if cls not in GeneratedResource._schema_cache:
            GeneratedResource._schema_cache[cls] = build_schema(cls.SPEC)
        return GeneratedResource._schema_cache[cls]

    # ------------------------------------------------------------ hooks (override in custom code)

    def before_create(self, ctx: Any, body: dict[str, Any]) -> dict[str, Any]:
        return body

    def after_create(self, ctx: Any, state: State) -> State:
        return state

    def before_update(self, ctx: Any, body: dict[str, Any]) -> dict[str, Any]:
        return body

    def after_read(self, ctx: Any, state: State) -> State:
        return state

    def before_delete(self, ctx: Any, state: State) -> None:
        return None

    def parse_import_id(self, import_id: str) -> dict[str, str]:
        formats = self.SPEC.import_formats or (self.SPEC.id_format_or_template,)
        return ids.parse_id(formats, import_id, frozenset(self.SPEC.parent_ids))

    # ------------------------------------------------------------ helpers

    @property
    def settings(self) -> ProviderSettings:
        return self.provider.get_settings()

    def id_values(self, state: State, template: str | None = None) -> dict[str, str]:
        state = ids.with_server_names(self.SPEC, state, self.provider.param_value)
        return ids.id_values(self.SPEC, state, self.provider.param_value, template)

    def resource_id(self, state: State) -> str:
        template = self.SPEC.id_format_or_template
        return ids.fill_template(template, self.id_values(state, template), quote_values=False)

    def resource_url(self, state: State) -> str:
        """The resource's own URL (its self link): reads, and polls after create/update."""
        return self.call_url(self.SPEC.id_template, state)

    def call_url(
        self, template: str | None, state: State, query: dict[str, str] | None = None
    ) -> str:
        """The URL of a call to ``template`` (None: the resource's own URL)."""
        template = self.SPEC.id_template if template is None else template
        base = self.settings.base_for(self.SPEC.base_url)
        values = self.id_values(state, template)
        paths = ids.path_params(self.SPEC)
        return ids.request_url(base, template, values, self.SPEC.api_version, query, paths)

    def expand(self, state: State) -> dict[str, Any]:
        return convert.expand(self.SPEC.fields, state, type(self).CUSTOM_EXPAND)

    def flatten(self, api: Any, prior: State) -> State:
        """Full state from an API object; id and timeouts come from the prior state."""
        state = convert.flatten(self.SPEC.fields, api, prior, type(self).CUSTOM_FLATTEN)
        state = conform(self.SPEC.fields, state)
        if not self.SPEC.declares_id:
            state["id"] = self.resource_id({**prior, **state})
        state["timeouts"] = strip_unknown(prior.get("timeouts"))
        return state

    def _deadline(self, state: State | None, op: str) -> Deadline:
        return Deadline(operation_timeout(self.SPEC, state, op), f"{op} of {self.SPEC.type_name}")

    def _report(self, ctx: Any, op: str, exc: BaseException) -> None:
        summary, detail = describe_error(exc)
        expected = (ApiError, OperationFailed, OperationTimeout, TransportError)
        if not isinstance(exc, (*expected, nested.NestedConflict)):
            # Unexpected: keep the traceback for TF_LOG users (stderr, never stdout).
            traceback.print_exc(file=sys.stderr)
        ctx.diagnostics.add_error(f"{self.SPEC.type_name}: {op} failed: {summary}", detail)

    def _check(self, resp: Response, method: str, accept: tuple[int, ...] = ()) -> None:
        if resp.status >= 400 and resp.status not in accept:
            raise error_from_response(resp, method)

    def _wait(
        self, resp: Response, url: str, deadline: Deadline, deleting: bool, state: State
    ) -> dict[str, Any] | None:
        """Wait for the operation ``resp`` started; a Google operation's `response`."""
        if self.SPEC.async_style == "operation":
            base = self.settings.base_for(self.SPEC.base_url)
            template = self.SPEC.operation_url
            poll_url = None if template is None else (lambda name: self.operation_url(state, name))
            return self.settings.poller.wait_for_google_operation(resp, base, deadline, poll_url)
        if self.SPEC.async_style != "arm":
            return None
        self.settings.poller.wait_for_operation(resp, deadline, gone_ok=deleting)
        if not deleting:
            self.settings.poller.wait_for_provisioning(url, deadline)
        return None

    def operation_url(self, state: State, name: str) -> str:
        """Where the pending operation ``name`` is polled: `operation_url`, its `{op_id}`
        the name as it is, its other placeholders filled from ``state``."""
        template = self.SPEC.operation_url or "{op_id}"
        parts = template.split("{op_id}")
        base = self.settings.base_for(self.SPEC.base_url)
        filled = []
        for part in parts:
            values = self.id_values(state, part)
            filled.append(ids.fill_template(part, values, quote_values=True))
        return base.rstrip("/") + "/" + name.strip("/").join(filled).lstrip("/")

    def _fetch(self, ctx: Any, prior: State, deadline: Deadline) -> State | None:
        """GET the resource and flatten it; None when it does not exist."""
        url = self.resource_url(prior)
        resp = self.settings.client.request(self.SPEC.read_verb, url, deadline=deadline)
        if resp.status == 404:
            return None
        self._check(resp, self.SPEC.read_verb)
        api = resp.json() or {}
        if self.SPEC.nested is not None:
            _, api = self._find_nested(api, prior)
            if api is None:
                return None  # not in its parent's list: gone, as a 404 says
        state = self.flatten(api, prior)
        return self.after_read(ctx, state)

    # ------------------------------------------------------------ nested resources

    def _find_nested(self, api: Any, prior: State) -> tuple[int, Any]:
        return nested.find(self.SPEC, api, prior, type(self).CUSTOM_FLATTEN)

    def _patch_body(
        self, state: State, entry: dict[str, Any], op: str, deadline: Deadline
    ) -> dict[str, Any] | None:
        """A read-modify-write of the parent (``modify_by_patch``): read it now, then
        ``nested.patch_body``; None when the entry to remove is not there."""
        url = self.resource_url(state)
        resp = self.settings.client.request(self.SPEC.read_verb, url, deadline=deadline)
        if resp.status == 404 and op == nested.REMOVE:
            return None
        self._check(resp, self.SPEC.read_verb)
        parent = resp.json() or {}
        return nested.patch_body(self.SPEC, parent, state, entry, op, type(self).CUSTOM_FLATTEN)

    def _patch_query(self) -> dict[str, str] | None:
        nq = self.SPEC.nested
        return {"updateMask": nq.patch_mask} if nq is not None and nq.patch_mask else None

    def _patching(self) -> bool:
        return self.SPEC.nested is not None and self.SPEC.nested.modify_by_patch

    def _created_entry(self, resp: Response, result: Any, planned: State, in_response: bool) -> Any:
        """What the create call says of the new resource, if anything: the operation's
        response (`result_in_response`), a synchronous answer where the server names the
        resource; for a nested resource also a synchronous answer, the entry itself or the
        parent holding it."""
        answer = result if in_response else None
        nq = self.SPEC.nested
        if nq is None:
            if in_response and answer is None and self.SPEC.async_style == "none":
                answer = resp.json()  # a synchronous create answers with the resource
            return answer
        if self.SPEC.async_style == "none":
            answer = resp.json()
        if isinstance(answer, dict) and nq.keys[0] in answer:
            answer = self._find_nested(answer, planned)[1]
        return answer

    # ------------------------------------------------------------ Resource protocol

    def validate(self, diags: Any, type_name: str, config: Any) -> None:
        validate_config(self.SPEC, config, diags)

    def plan(self, ctx: Any, current: State | None, planned: State) -> State | None:
        config = getattr(ctx, "config", None)
        state = plan_state(self.SPEC, current, planned, config)
        for f in self.SPEC.fields:
            # Unset and not kept from the prior state: the provider setting, when known.
            configured = config.get(f.name) if isinstance(config, dict) else None
            if f.provider_default and configured is None and state.get(f.name) is Unknown:
                state[f.name] = self.provider.param_value(f.provider_default) or Unknown
        self._plan_map_views(current, state)
        if current is None and not self.SPEC.declares_id:
            try:
                state["id"] = self.resource_id(state)
            except ids.MissingIdValue:
                state["id"] = Unknown
        return state

    def _plan_map_views(self, current: State | None, state: State) -> None:
        """Merged views from their argument and the provider; effective ones unknown
        whenever what is sent changes: the merged view, where the argument has one."""
        changed: set[str] = set()
        merged_of = {f.view_of for f in self.SPEC.fields if f.map_view == "merged"}
        for f in self.SPEC.fields:
            if f.map_view == "merged" and f.view_of:
                defaults = self.provider.map_value(f.provider_default or "")
                state[f.name] = convert.merged_map(state.get(f.view_of), defaults)
                if current is None or current.get(f.name) != state[f.name]:
                    changed.add(f.view_of)
            elif (
                f.map_view == "configured"
                and f.name not in merged_of
                and (current is None or current.get(f.name) != state.get(f.name))
            ):
                changed.add(f.name)
        for f in self.SPEC.fields:
            if f.map_view == "effective" and (current is None or f.view_of in changed):
                state[f.name] = Unknown

    def _provider_defaults(self, state: State) -> State:
        """``state`` with the arguments a provider setting supplies filled where unset."""
        out = dict(state)
        for f in self.SPEC.fields:
            value = out.get(f.name)
            if f.provider_default and (value is None or value is Unknown):
                out[f.name] = self.provider.param_value(f.provider_default)
        return out

    def requires_replace(self, current: State | None, planned: State | None) -> list[Any]:
        return replace_paths(self.SPEC, current, planned)

    def create(self, ctx: Any, planned: State) -> State | None:
        accepted = False
        planned = self._provider_defaults(planned)
        known = planned  # what is known of the new resource: the plan, then the API's answer
        try:
            deadline = self._deadline(planned, "create")
            # With the resource in the operation's response, or a self link that needs values
            # only the server knows (its name), the self link is built from the API's answer.
            in_response = self.SPEC.result_in_response or (
                self.SPEC.async_style != "arm" and bool(ids.server_names(self.SPEC))
            )
            url = "" if in_response else self.resource_url(planned)
            body: dict[str, Any] | None = self.before_create(ctx, self.expand(planned))
            query = None
            if self._patching():
                body = self._patch_body(planned, body or {}, nested.ADD, deadline)
                query = self._patch_query()
            create_url = self.call_url(self.SPEC.create_url, planned, query)
            resp = self.settings.client.request(self.SPEC.create_verb, create_url, body, deadline)
            self._check(resp, self.SPEC.create_verb)
            accepted = True
            result = self._wait(resp, url, deadline, False, planned)
            if not self.SPEC.can_read:
                return self.after_create(ctx, self._unread(planned, resp, result))
            created = self._created_entry(resp, result, planned, in_response)
            if isinstance(created, dict) and created:
                # The values the server chose fill what the plan left unknown.
                known = _fill_unknown(planned, self.flatten(created, planned))
            url = self.resource_url(known)
            state = self._fetch(ctx, known, deadline)
            if state is None:
                raise ApiError(404, "NotFound", "resource not found after create", "GET", url)
            return self.after_create(ctx, state)
        except Exception as exc:
            self._report(ctx, "create", exc)
            if not accepted:
                return None
            # The API accepted the resource: keep it in state (Terraform taints it) so it
            # is not leaked.
            partial = strip_unknown(known)
            if not self.SPEC.declares_id:
                try:
                    partial["id"] = self.resource_id(known)
                except ids.MissingIdValue:
                    return None
            return dict(partial)

    def _unread(self, planned: State, resp: Response, result: Any) -> State:
        """The state of a created resource the API cannot read: the plan, its unknowns
        filled from the create answer (the operation's response, else the body), else
        null."""
        answer = result if self.SPEC.async_style == "operation" else None
        if answer is None and self.SPEC.async_style == "none":
            try:
                answer = resp.json()
            except ValueError:
                answer = None
        known = planned
        if isinstance(answer, dict) and answer:
            known = _fill_unknown(planned, self.flatten(answer, planned))
        state = dict(strip_unknown(known))
        if not self.SPEC.declares_id:
            state["id"] = self.resource_id(state)
        return state

    def read(self, ctx: Any, current: State) -> State | None:
        if not self.SPEC.can_read:
            return current  # nothing to read it with: the state stays as it is
        try:
            prior = self._with_id_fields(current)
            return self._fetch(ctx, prior, self._deadline(current, "read"))
        except Exception as exc:
            self._report(ctx, "read", exc)
            return current

    def update(self, ctx: Any, current: State, planned: State) -> State | None:
        try:
            grouped = self.SPEC.grouped
            main_fields = tuple(f for f in self.SPEC.fields if f.name not in grouped)
            # A merged view (labels over the provider's default_labels) changes what is
            # sent even when no argument did.
            merged_changed = any(
                f.map_view == "merged" and current.get(f.name) != planned.get(f.name)
                for f in main_fields
            )
            main = self.SPEC.update_verb is not None and (
                merged_changed or arguments_changed(main_fields, current, planned)
            )
            groups = [
                g
                for g in self.SPEC.update_groups
                if arguments_changed(self._fields(g.fields), current, planned)
            ]
            if not main and not groups:
                # Only timeouts (or nothing the API knows) changed: no request needed.
                merged = _fill_unknown(planned, current)
                return dict(strip_unknown(merged))
            deadline = self._deadline(planned, "update")
            url = self.resource_url(planned)
            if main:
                self._update_main(ctx, current, planned, main_fields, deadline)
            for group in groups:
                self._update_group(group, planned, deadline)
            state = self._fetch(ctx, planned, deadline)
            if state is None:
                raise ApiError(404, "NotFound", "resource not found after update", "GET", url)
            return state
        except Exception as exc:
            self._report(ctx, "update", exc)
            return current

    def _fields(self, names: tuple[str, ...]) -> tuple[Field, ...]:
        return tuple(f for f in self.SPEC.fields if f.name in names)

    def _update_main(
        self,
        ctx: Any,
        current: State,
        planned: State,
        fields: tuple[Field, ...],
        deadline: Deadline,
    ) -> None:
        """The resource-level update: every argument outside the update groups."""
        custom = type(self).CUSTOM_EXPAND
        body: dict[str, Any] | None = self.before_update(
            ctx, convert.expand(fields, planned, custom)
        )
        query = None
        if self._patching():
            body = self._patch_body(current, body or {}, nested.REPLACE, deadline)
            query = self._patch_query()
        elif self.SPEC.update_mask and body is not None:
            # What changed, from the prior state's body to the one sent (as go does).
            before = convert.expand(fields, current, custom)
            mask = ids.update_mask(before, body, self.SPEC.update_mask_fields)
            query = {"updateMask": ",".join(mask)}
        assert self.SPEC.update_verb is not None
        update_url = self.call_url(self.SPEC.update_url, planned, query)
        resp = self.settings.client.request(self.SPEC.update_verb, update_url, body, deadline)
        self._check(resp, self.SPEC.update_verb)
        self._wait(resp, self.resource_url(planned), deadline, False, planned)

    def _update_group(self, group: UpdateGroup, planned: State, deadline: Deadline) -> None:
        """One property-level update call: the group's fields, and its fingerprint as the
        resource has it now."""
        body = convert.expand(self._fields(group.fields), planned, type(self).CUSTOM_EXPAND)
        if group.fingerprint:
            url = self.resource_url(planned)
            resp = self.settings.client.request(self.SPEC.read_verb, url, deadline=deadline)
            self._check(resp, self.SPEC.read_verb)
            current = resp.json()
            if isinstance(current, dict) and group.fingerprint in current:
                body[group.fingerprint] = current[group.fingerprint]
        group_url = self.call_url(group.url, planned)
        resp = self.settings.client.request(group.verb, group_url, body, deadline)
        self._check(resp, group.verb)
        self._wait(resp, self.resource_url(planned), deadline, False, planned)

    def delete(self, ctx: Any, current: State) -> State | None:
        policy = current.get(self.SPEC.deletion_policy) if self.SPEC.deletion_policy else None
        if policy == "PREVENT":
            ctx.diagnostics.add_error(
                f"{self.SPEC.type_name}: destroy prevented by {self.SPEC.deletion_policy}",
                f'{self.SPEC.deletion_policy} is "PREVENT" in the Terraform state of this '
                f"resource (id {current.get('id')!r}), so it was not deleted. To destroy it, "
                f'set {self.SPEC.deletion_policy} = "DELETE" in the configuration and apply '
                "first.",
            )
            return current
        if policy == "ABANDON":
            ctx.diagnostics.add_warning(
                f"{self.SPEC.type_name}: abandoned, not deleted",
                f'{self.SPEC.deletion_policy} is "ABANDON": the resource (id '
                f"{current.get('id')!r}) was removed from the Terraform state and still exists "
                "in the API.",
            )
            return None
        if not self.SPEC.can_delete:
            ctx.diagnostics.add_warning(
                f"{self.SPEC.type_name}: removed from state, not deleted",
                f"The API cannot delete this resource: it (id {current.get('id')!r}) was "
                "removed from the Terraform state and still exists in the API.",
            )
            return None
        try:
            deadline = self._deadline(current, "delete")
            prior = self._with_id_fields(current)
            self.before_delete(ctx, prior)
            body, query = None, None
            if self._patching():
                body = self._patch_body(prior, {}, nested.REMOVE, deadline)
                if body is None:
                    return None  # not in its parent's list any more
                query = self._patch_query()
            url = self.call_url(self.SPEC.delete_url, prior, query)
            resp = self.settings.client.request(self.SPEC.delete_verb, url, body, deadline)
            if resp.status == 404:
                return None
            self._check(resp, self.SPEC.delete_verb)
            self._wait(resp, url, deadline, True, prior)
            return None
        except Exception as exc:
            self._report(ctx, "delete", exc)
            return current

    def import_(self, ctx: Any, id: str) -> State | None:
        if not self.SPEC.importable:
            ctx.diagnostics.add_error(
                f"{self.SPEC.type_name}: import not supported",
                "This resource does not support import: create it with Terraform instead.",
            )
            return None
        try:
            prior = self._state_from_id(id)
            if not self.SPEC.can_read:
                # Nothing to read it with: the values the id holds are all there is.
                return dict(strip_unknown(prior))
            state = self._fetch(ctx, prior, self._deadline(None, "read"))
        except Exception as exc:
            if isinstance(exc, ValueError) and not isinstance(exc, ids.MissingIdValue):
                ctx.diagnostics.add_error(f"{self.SPEC.type_name}: invalid import id", str(exc))
            else:
                self._report(ctx, "import", exc)
            return None
        if state is None:
            ctx.diagnostics.add_error(
                f"{self.SPEC.type_name}: cannot import non-existent remote object",
                f"No object exists with id {id!r}.",
            )
        return state

    def upgrade(self, ctx: Any, version: int, old: State) -> State | None:
        # Keep values of known keys, add new ones as null, drop removed ones.
        state = conform(self.SPEC.fields, old)
        if not self.SPEC.declares_id:
            state["id"] = old.get("id")
        state["timeouts"] = old.get("timeouts")
        return state

    # ------------------------------------------------------------ import helpers

    def _state_from_id(self, import_id: str) -> State:
        values = self.parse_import_id(import_id)
        state: State = conform(self.SPEC.fields, {})
        for block in self.SPEC.fields:
            if is_block(block) and block.presence == "optional_computed":
                state[block.name] = Unknown  # read from the API (see convert._stays_absent)
        if not self.SPEC.declares_id:
            state["id"] = import_id
        state["timeouts"] = None
        for name in self.SPEC.virtual_defaults:
            virtual = self.SPEC.field(name)
            state[name] = virtual.default if virtual is not None else None
        for defaulted in self.SPEC.fields:
            if defaulted.provider_default and defaulted.name not in values:
                setting = defaulted.provider_default
                state[defaulted.name] = self.provider.param_value(setting)
        for param in self.SPEC.id_params:
            if param.name not in values:
                continue
            if param.source == "field":
                f = self.SPEC.field(param.attribute)
                raw = values[param.name]
                state[param.attribute] = _typed(f.kind if f else "string", raw)
            else:
                configured = self.provider.param_value(param.attribute)
                if configured and configured.lower() != values[param.name].lower():
                    raise ValueError(
                        f"import id has {param.name} {values[param.name]!r} but the provider "
                        f"is configured with {configured!r}"
                    )
        return state

    def _with_id_fields(self, current: State) -> State:
        """Fill id fields missing from state (e.g. after a bad import) from its id."""
        try:
            self.id_values(current)
            return current
        except ids.MissingIdValue:
            if self.SPEC.declares_id or not current.get("id"):
                raise
        parsed = self._state_from_id(str(current["id"]))
        recovered = {k: v for k, v in parsed.items() if current.get(k) is None and v is not Unknown}
        return {**current, **recovered}
