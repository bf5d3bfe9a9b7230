"""Google API semantics over an in-memory store: create at the collection, Operations, masks.

`GoogleService.handle` maps one parsed request for a product with `api_style: google` to a
`Reply`. Bodies are the resource itself (no ARM envelope): api_name paths are top-level
camelCase. What it answers (docs/emulator.md, "Google mode"):

- create: `create_verb` at the create URL; the object's name is `id_template` filled from
  the URL (path and query) and the body. `409 ALREADY_EXISTS` when it exists.
- read: `read_verb` at the self link; server values filled as in ARM mode, plus a computed
  top-level `name` (the relative resource name) and `selfLink` (its URL).
- update: PATCH/POST honour `updateMask` (only the named fields change, an absent field in
  the body clears it); no mask means every field the body populates. PUT replaces.
- delete: `{}` (sync), or an Operation; afterwards `404 NOT_FOUND`.
- async resources (`async: operation`) answer `{"name": ".../operations/op-N", "done":
  false, "metadata": {...}}`, polled at `GET <base>/<name>` until `done` with `response`
  (or `error`). A failed operation rolls its change back, as a failed Google call leaves
  the resource as it was.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from ..model.nodes import TypeKind
from .computed import ValueSource, fill
from .config import EmulatorConfig, FaultBook
from .google_nested import NestedStore
from .google_routes import (
    CREATE,
    DELETE,
    OPERATION_PATH,
    READ,
    UPDATE,
    Endpoint,
    GoogleRoute,
    build_google_routes,
    find_google,
    owns_path,
    template_params,
)
from .replies import Reply, google_error, google_field_errors, grpc_code, utc_now
from .routes import Route
from .shapes import Checker, FieldError, Leaf, Shape, merge_patch, strip_write_only

OPS_METADATA = "type.googleapis.com/mmgen.emulator.OperationMetadata"
EMPTY = "type.googleapis.com/google.protobuf.Empty"


@dataclass
class GoogleRecord:
    id: str  # the relative resource name: id_template filled
    groute: GoogleRoute
    name: str
    body: dict[str, Any]  # as sent, cleaned (write-only values included)
    served: dict[str, Any]  # body + server values, write-only removed
    created: str
    op: str | None = None

    @property
    def route(self) -> Route:
        return self.groute.route


@dataclass
class GoogleOperation:
    id: str
    name: str
    kind: str  # create | update | delete
    key: str
    polls_left: int
    error: dict[str, Any] | None  # set when the operation is to fail
    rollback: GoogleRecord | None  # the record before the change (None: it did not exist)
    started: str
    done: bool = False
    undo: Callable[[], None] | None = None  # a nested change: puts its container back


class GoogleService:
    def __init__(
        self,
        routes: list[Route],
        config: EmulatorConfig,
        faults: FaultBook,
        lock: threading.RLock,
    ) -> None:
        self.routes = build_google_routes(routes)
        self.nested = NestedStore(self, self.routes)
        self.config = config
        self.faults = faults
        self.lock = lock
        self.records: dict[str, GoogleRecord] = {}
        self.ops: dict[str, GoogleOperation] = {}
        self.base_url = ""
        self._ids = itertools.count(1)

    def reset(self) -> None:
        with self.lock:
            self.records.clear()
            self.ops.clear()
            self.nested.reset()

    def owns(self, path: str) -> bool:
        """Whether `path` is a Google resource's (or operation's): Google answers it."""
        return owns_path(self.routes, path)

    # ------------------------------------------------------------------ dispatch

    def handle(
        self, method: str, path: str, query: dict[str, list[str]], body: Any, bad_json: bool
    ) -> Reply:
        with self.lock:
            op_match = OPERATION_PATH.search(path)
            if op_match and method == "GET" and op_match.group("op") in self.ops:
                return self._poll(self.ops[op_match.group("op")])
            nested = self.nested.handle(method, path, query, body, bad_json)
            if nested is not None:
                return nested
            found = find_google(self.nested.plain, method, path, query)
            if found is None:
                return google_error(404, f"no resource of the loaded specs serves {path}")
            groute, endpoints = found
            reply = self._dispatch(groute, endpoints, method, path, query, body, bad_json)
            reply.resource_type = groute.route.terraform_name
            return reply

    def _dispatch(
        self,
        groute: GoogleRoute,
        endpoints: list[tuple[Endpoint, dict[str, str]]],
        method: str,
        path: str,
        query: dict[str, list[str]],
        body: Any,
        bad_json: bool,
    ) -> Reply:
        if not endpoints:
            return google_error(
                405, f"{method} is not a method of {groute.route.type} at {path}", "UNIMPLEMENTED"
            )
        actions = {e.action: (e, v) for e, v in endpoints}
        endpoint, values = next(iter(actions.values()))
        if CREATE in actions and len(actions) > 1:
            # One URL and verb for create and update/read (PUT at the self link): an existing
            # object is updated, a new one created.
            endpoint, values = actions[CREATE]
            rid = self.rid(groute, values, body if isinstance(body, dict) else {})
            if rid is not None and rid.lower() in self.records:
                endpoint, values = next(v for k, v in actions.items() if k != CREATE)
        missing = endpoint.missing_query(query)
        if missing:
            return google_error(400, f"the query parameter `{missing[0]}` is required")
        if endpoint.action in (CREATE, UPDATE) and (bad_json or not isinstance(body, dict)):
            what = "is not valid JSON" if bad_json else "must be a JSON object"
            return google_error(400, f"the request body {what}")
        url_check = groute.route.check_url_params(values)
        if url_check.errors:
            return google_field_errors(url_check.errors, groute.route)
        if endpoint.action == CREATE:
            return self._create(groute, values, body, method, path)
        rid = self.rid(groute, values, {})
        if rid is None:
            return google_error(400, f"{path} does not name a {groute.route.type}")
        rec = self.records.get(rid.lower())
        if rec is None:
            return self._not_found(groute, rid)
        if endpoint.action == READ:
            return Reply(200, self.view(rec))
        pending = self.ops.get(rec.op or "")
        if pending is not None and pending.kind == DELETE and not pending.done:
            if endpoint.action == DELETE:
                return Reply(200, self._op_view(pending))
            return google_error(409, f"{rid} is being deleted", "ABORTED")
        if endpoint.action == UPDATE:
            return self._update(rec, method, path, query, body)
        return self._delete(rec, method, path)

    def rid(self, groute: GoogleRoute, values: dict[str, str], body: dict[str, Any]) -> str | None:
        """The relative resource name; placeholders the URL leaves out come from the body."""
        template = groute.self_template
        filled = dict(values)
        for name in template_params(template):
            if name in filled:
                continue
            value = _body_value(groute.route, name, body)
            if value is None:
                return None
            filled[name] = value.rsplit("/", 1)[-1]
        out = template.partition("?")[0]
        for name, value in filled.items():
            out = out.replace("{" + name + "}", value)
        return out.strip("/")

    # ------------------------------------------------------------------ verbs

    def checker(self, route: Route, **kwargs: Any) -> Checker:
        extras = set(self.config.extra_fields)
        lenient = self.config.lenient_hooks and route.has_body_hooks

        def allow(path: str) -> bool:
            return lenient or path in extras or f"{route.terraform_name}:{path}" in extras

        return Checker(allow, **kwargs)

    def _create(
        self, groute: GoogleRoute, values: dict[str, str], body: Any, method: str, path: str
    ) -> Reply:
        route = groute.route
        checker = self.checker(route)
        cleaned = checker.object(route.shape, body)
        if checker.errors:
            return google_field_errors(checker.errors, route)
        rid = self.rid(groute, values, cleaned)
        if rid is None:
            missing = [n for n in template_params(groute.self_template) if n not in values]
            return google_error(400, f"the request names no `{missing[0]}`")
        key = rid.lower()
        if key in self.records:
            return google_error(409, f"{route.type} {rid} already exists")
        now = utc_now()
        rec = GoogleRecord(rid, groute, rid.rsplit("/", 1)[-1], cleaned, {}, now)
        rec.served = self._serve(rec, cleaned, None)
        self.records[key] = rec
        if route.is_async:
            op = self._start_op(CREATE, rec, None, method, path)
            return Reply(200, self._op_view(op), applied=True)
        return Reply(200, self.view(rec), applied=True)

    def _update(
        self, rec: GoogleRecord, method: str, path: str, query: dict[str, list[str]], body: Any
    ) -> Reply:
        route = rec.route
        if method == "PUT":
            whole = self.checker(route)
            merged = whole.object(route.shape, body)
            if whole.errors:
                return google_field_errors(whole.errors, route)
        else:
            partial = self.checker(route, check_required=False)
            patch = partial.object(route.shape, body)
            if partial.errors:
                return google_field_errors(partial.errors, route)
            mask = self.update_mask(query, rec.groute, method, path)
            if mask is None:
                merged = merge_patch(rec.body, patch)  # no mask: every field the body sets
            else:
                bad = [m for m in mask if m != "*" and not _in_shape(route.shape, m.split("."))]
                if bad:
                    errors = [
                        FieldError(m, "InvalidMask", f"unknown field `{m}` in updateMask")
                        for m in bad
                    ]
                    return google_field_errors(errors, route)
                merged = self.masked(rec.body, patch, mask)
            whole = self.checker(route)
            merged = whole.object(route.shape, merged)
            if whole.errors:
                return google_field_errors(whole.errors, route)
        before = deepcopy(rec)
        rec.body = merged
        rec.served = self._serve(rec, merged, rec.served)
        if route.is_async:
            self._supersede(rec)
            op = self._start_op(UPDATE, rec, before, method, path)
            return Reply(200, self._op_view(op), applied=True)
        return Reply(200, self.view(rec), applied=True)

    def update_mask(
        self, query: dict[str, list[str]], groute: GoogleRoute, method: str, path: str
    ) -> list[str] | None:
        return _mask(query, groute, method, path)

    @staticmethod
    def masked(stored: dict[str, Any], patch: dict[str, Any], mask: list[str]) -> Any:
        return _apply_mask(stored, patch, mask)

    def _delete(self, rec: GoogleRecord, method: str, path: str) -> Reply:
        if not rec.route.is_async:
            del self.records[rec.id.lower()]
            self.nested.drop_under(self._path(rec))
            return Reply(200, {}, applied=True)
        self._supersede(rec)
        op = self._start_op(DELETE, rec, deepcopy(rec), method, path)
        return Reply(200, self._op_view(op), applied=True)

    def _serve(self, rec: GoogleRecord, body: dict[str, Any], prior: Any) -> dict[str, Any]:
        shape = rec.route.shape
        source = ValueSource.for_body(rec.name, rec.created, body)
        served = strip_write_only(shape, fill(shape, body, prior, source))
        # What Google servers fill in: the relative name and the self link.
        for key, value in (("name", rec.id), ("selfLink", self._self_link(rec))):
            entry = shape.fields.get(key)
            if isinstance(entry, Leaf) and entry.prop.presence.computed and key not in body:
                if entry.prop.type.kind.is_string_like:
                    served[key] = value
        return served

    def _self_link(self, rec: GoogleRecord) -> str:
        return f"{self.base_url}{self._path(rec)}"

    @staticmethod
    def _path(rec: GoogleRecord) -> str:
        return f"{rec.groute.base}{rec.id}"

    def _not_found(self, groute: GoogleRoute, rid: str) -> Reply:
        return google_error(404, f"{groute.route.type} {rid} not found")

    # ------------------------------------------------------------------ operations

    def _start_op(
        self,
        kind: str,
        rec: GoogleRecord,
        rollback: GoogleRecord | None,
        method: str,
        path: str,
    ) -> GoogleOperation:
        op = self._new_op(kind, rec.id, rollback, method, path)
        rec.op = op.id
        return op

    def nested_operation(
        self, kind: str, key: str, undo: Callable[[], None], method: str, path: str
    ) -> Reply:
        """An Operation for a change to a nested resource's container (`key`)."""
        op = self._new_op(kind, key, None, method, path, undo)
        return Reply(200, self._op_view(op), applied=True)

    def _new_op(
        self,
        kind: str,
        target: str,
        rollback: GoogleRecord | None,
        method: str,
        path: str,
        undo: Callable[[], None] | None = None,
    ) -> GoogleOperation:
        op_id = f"op-{next(self._ids)}"
        parent = _parent(target)
        name = f"{parent}/operations/{op_id}" if parent else f"operations/{op_id}"
        fault = self.faults.take(method, path, ("fail_operation",), None)
        error = None
        if fault is not None:
            error = {
                "code": grpc_code(fault.code),
                "message": fault.message or f"the {kind} operation failed (injected fault)",
            }
        op = GoogleOperation(
            op_id,
            name,
            kind,
            target.lower(),
            max(0, self.config.lro_polls),
            error,
            rollback,
            utc_now(),
            undo=undo,
        )
        self.ops[op_id] = op
        return op

    def _supersede(self, rec: GoogleRecord) -> None:
        """A new change while one runs: the running one ends as it is (no rollback)."""
        op = self.ops.get(rec.op or "")
        if op is not None and not op.done:
            op.rollback, op.error = None, None
            self._finish(op)
        rec.op = None

    def _finish(self, op: GoogleOperation) -> None:
        op.done = True
        if op.undo is not None:
            if op.error is not None:
                op.undo()  # a failed nested change: the container as it was
            return
        rec = self.records.get(op.key)
        if op.error is None:
            if op.kind == DELETE:
                gone = self.records.pop(op.key, None)
                if gone is not None:
                    self.nested.drop_under(self._path(gone))
        elif op.rollback is None:
            self.records.pop(op.key, None)  # a failed create leaves nothing behind
        else:
            self.records[op.key] = op.rollback
            op.rollback.op = None
        if rec is not None and rec.op == op.id:
            rec.op = None

    def _poll(self, op: GoogleOperation) -> Reply:
        if not op.done:
            if op.polls_left > 0:
                op.polls_left -= 1  # `lro_polls` polls answer `done: false`, as in ARM mode
            else:
                self._finish(op)
        rec = self.records.get(op.key)
        return Reply(
            200, self._op_view(op), resource_type=rec.route.terraform_name if rec else None
        )

    def _op_view(self, op: GoogleOperation) -> dict[str, Any]:
        target = self.records.get(op.key)
        out: dict[str, Any] = {
            "name": op.name,
            "metadata": {
                "@type": OPS_METADATA,
                "createTime": op.started,
                "target": target.id if target else op.key,
                "verb": op.kind,
            },
            "done": op.done,
        }
        if not op.done:
            return out
        if op.error is not None:
            out["error"] = dict(op.error)
        elif op.kind == DELETE or target is None:
            out["response"] = {"@type": EMPTY}
        else:
            out["response"] = self.view(target)
        return out

    # ------------------------------------------------------------------ views

    def view(self, rec: GoogleRecord) -> dict[str, Any]:
        return deepcopy(rec.served)

    def snapshot(self) -> list[dict[str, Any]]:
        with self.lock:
            return [
                {
                    "id": rec.id,
                    "resource_type": rec.route.terraform_name,
                    "type": rec.route.type,
                    "provisioning_state": "Succeeded",
                    "body": deepcopy(rec.body),
                    "response": self.nested.laid_over(self._path(rec), self.view(rec)),
                }
                for rec in self.records.values()
            ] + self.nested.snapshot()

    def remove(self, rid: str) -> bool:
        with self.lock:
            rec = self.records.pop(rid.lower().strip("/"), None)
            if rec is not None:
                op = self.ops.get(rec.op or "")
                if op is not None:
                    op.done, op.rollback = True, None
                self.nested.drop_under(self._path(rec))
                return True
            return self.nested.remove(rid)


def _parent(rid: str) -> str:
    """`projects/p/locations/l` of a name under it (operations live there), else `projects/p`."""
    parts = rid.split("/")
    if len(parts) >= 4 and parts[0] == "projects" and parts[2] in ("locations", "regions", "zones"):
        return "/".join(parts[:4])
    if len(parts) >= 2 and parts[0] == "projects":
        return "/".join(parts[:2])
    return ""


def _body_value(route: Route, name: str, body: dict[str, Any]) -> str | None:
    prop = next((p for p in route.resource.properties if p.name == name and p.api_name), None)
    if prop is None:
        return None
    value: Any = body
    for part in prop.api_name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return str(value) if isinstance(value, (str, int)) and str(value) else None


def _mask(
    query: dict[str, list[str]], groute: GoogleRoute, method: str, path: str
) -> list[str] | None:
    """The update mask: `updateMask` values (comma-separated), else the URL template's own."""
    given = query.get("updateMask")
    if given is None:
        for endpoint in groute.endpoints:
            if (
                endpoint.action == UPDATE
                and endpoint.verb == method
                and "updateMask" in (endpoint.query)
            ):
                if endpoint.pattern.fullmatch(path):
                    given = [endpoint.query["updateMask"]]
    if given is None:
        return None
    return [m.strip() for text in given for m in text.split(",") if m.strip()]


def _in_shape(shape: Shape, parts: list[str]) -> bool:
    """Whether a mask path names a field: implicit objects and nested objects are walked;
    a path may go on into a map's keys."""
    entry: Shape | Leaf | None = shape
    for i, part in enumerate(parts):
        if isinstance(entry, Leaf):
            kind = entry.prop.type.kind
            if entry.obj is not None and kind is TypeKind.NESTED_OBJECT:
                entry = entry.obj
            else:
                return kind is not TypeKind.ARRAY and not kind.is_primitive and i == len(parts) - 1
        assert isinstance(entry, Shape)
        entry = entry.fields.get(part)
        if entry is None:
            return False
    return True


def _apply_mask(stored: dict[str, Any], patch: dict[str, Any], mask: list[str]) -> Any:
    """`stored` with each masked path taken from `patch` (cleared where `patch` has none)."""
    if "*" in mask:
        return deepcopy(patch)
    out = deepcopy(stored)
    for path in mask:
        parts = path.split(".")
        source: Any = patch
        for part in parts:
            source = source.get(part) if isinstance(source, dict) else None
        target = out
        for part in parts[:-1]:
            nxt = target.get(part)
            if not isinstance(nxt, dict):
                if source is None:
                    break
                nxt = target[part] = {}
            target = nxt
        else:
            if source is None:
                target.pop(parts[-1], None)
            else:
                target[parts[-1]] = deepcopy(source)
    return out
