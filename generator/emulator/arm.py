"""ARM semantics over an in-memory store: PUT/GET/PATCH/DELETE and long-running operations.

`ArmService.handle` maps one parsed request to a `Reply`; it knows nothing about sockets.
Everything runs under one re-entrant lock, so the store, the operations and the fault
counters change atomically per request.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from ..model.server_names import parent_ids
from .computed import ValueSource, fill
from .config import EmulatorConfig, FaultBook
from .replies import Reply, arm_error, field_errors, utc_now
from .routes import Route, find_route
from .shapes import Checker, first_difference, merge_patch, strip_write_only

OPS_STATUS = "/providers/Mmgen.Emulator/operationStatuses/"
OPS_RESULT = "/providers/Mmgen.Emulator/operationResults/"
IN_PROGRESS, SUCCEEDED, FAILED, CANCELED = "InProgress", "Succeeded", "Failed", "Canceled"


@dataclass
class Record:
    id: str
    route: Route
    name: str
    body: dict[str, Any]  # what the client sent, cleaned (write-only values included)
    served: dict[str, Any]  # body + server values, write-only removed
    state: str  # provisioningState
    created: str
    op: str | None = None  # pending operation


@dataclass
class Operation:
    id: str
    kind: str  # create | update | delete
    key: str
    polls_left: int
    outcome: str
    error: dict[str, str] | None
    api_version: str | None
    started: str
    status: str = IN_PROGRESS


class ArmService:
    def __init__(self, routes: list[Route], config: EmulatorConfig, faults: FaultBook) -> None:
        self.routes = routes
        self.config = config
        self.faults = faults
        self.lock = threading.RLock()
        self.records: dict[str, Record] = {}
        self.ops: dict[str, Operation] = {}
        self.base_url = ""
        self._ids = itertools.count(1)

    def reset(self) -> None:
        with self.lock:
            self.records.clear()
            self.ops.clear()

    # ------------------------------------------------------------------ dispatch

    def handle(
        self, method: str, path: str, query: dict[str, list[str]], body: Any, bad_json: bool
    ) -> Reply:
        with self.lock:
            lowered = path.lower()
            for prefix, location in ((OPS_STATUS, False), (OPS_RESULT, True)):
                if lowered.startswith(prefix.lower()) and method == "GET":
                    return self._poll(path[len(prefix) :].strip("/"), location)
            found = find_route(self.routes, path)
            if found is None:
                return arm_error(
                    404,
                    "InvalidResourceType",
                    f"no resource type of the loaded specs serves {path}",
                )
            route, values = found
            reply = self._dispatch(route, values, method, path, query, body, bad_json)
            reply.resource_type = route.terraform_name
            return reply

    def _dispatch(
        self,
        route: Route,
        values: dict[str, str],
        method: str,
        path: str,
        query: dict[str, list[str]],
        body: Any,
        bad_json: bool,
    ) -> Reply:
        if route.api_version is not None:
            got = query.get("api-version")
            if not got:
                return arm_error(
                    400,
                    "MissingApiVersionParameter",
                    f"The api-version query parameter (?api-version=) is required for all "
                    f"requests. Supported: '{route.api_version}'.",
                )
            if got[0] != route.api_version:
                return arm_error(
                    400,
                    "InvalidApiVersionParameter",
                    f"The api-version '{got[0]}' is invalid. The supported versions are "
                    f"'{route.api_version}'.",
                )
        rid = _fill(route.resource.rest.id_template, values)
        key = rid.lower()
        if method in ("PUT", "PATCH"):
            if bad_json or not isinstance(body, dict):
                what = "is not valid JSON" if bad_json else "must be a JSON object"
                return arm_error(400, "InvalidRequestContent", f"The request content {what}.")
            if method == "PUT":
                return self._put(route, values, rid, key, body, path)
            return self._patch(route, key, body, path)
        if method == "GET":
            return self._get(route, key, rid)
        if method == "DELETE":
            return self._delete(route, key, path)
        return arm_error(405, "MethodNotAllowed", f"{method} is not supported on {path}")

    # ------------------------------------------------------------------ verbs

    def _allow_extra(self, route: Route) -> Callable[[str], bool]:
        extras = set(self.config.extra_fields)
        lenient = self.config.lenient_hooks and route.has_body_hooks

        def allow(path: str) -> bool:
            return lenient or path in extras or f"{route.terraform_name}:{path}" in extras

        return allow

    def _put(
        self, route: Route, values: dict[str, str], rid: str, key: str, body: Any, path: str
    ) -> Reply:
        url_check = route.check_url_params(values)
        if url_check.errors:
            return field_errors(url_check.errors, route)
        checker = Checker(self._allow_extra(route))
        cleaned = checker.object(route.shape, body)
        if checker.errors:
            return field_errors(checker.errors, route)
        rec = self.records.get(key)
        if rec is None:
            missing = self._missing_parent(route, values)
            if missing is not None:
                return arm_error(
                    404,
                    "ParentResourceNotFound",
                    f"Can not perform requested operation on nested resource. Parent resource "
                    f"'{missing}' not found.",
                )
            return self._create(route, values, rid, key, cleaned, path)
        pending = self.ops.get(rec.op or "")
        if pending is not None and pending.kind == "delete":
            return arm_error(409, "AnotherOperationInProgress", f"{rec.id} is being deleted")
        if route.immutable:
            # Compare as the server would store them: server values the client echoes back
            # (or leaves out) are no change.
            source = ValueSource.for_body(rec.name, rec.created, rec.body)
            before = fill(route.shape, rec.body, rec.served, source)
            changed = first_difference(before, fill(route.shape, cleaned, rec.served, source))
            if changed is not None:
                return arm_error(
                    409,
                    "PropertyChangeNotAllowed",
                    f"`{changed}` cannot be changed: {route.type} resources cannot be updated "
                    "in place (delete and re-create)",
                    changed,
                )
            return Reply(200, self.view(rec), self._async_headers(rec.op, rec.route, False))
        return self._update(rec, key, cleaned, "PUT", path)

    def _missing_parent(self, route: Route, values: dict[str, str]) -> str | None:
        """The parent id (a `parent_id` argument's value) of an object this emulator serves
        the kind of but does not hold: ARM refuses to create a child under it. A parent of a
        kind no spec here describes is taken on trust."""
        for name in parent_ids(route.resource):
            parent = values.get(name, "")
            served = any(r.id_pattern.fullmatch(parent) for r in self.routes if r is not route)
            if served and parent.lower().rstrip("/") not in self.records:
                return parent
        return None

    def _create(
        self,
        route: Route,
        values: dict[str, str],
        rid: str,
        key: str,
        cleaned: dict[str, Any],
        path: str,
    ) -> Reply:
        now = utc_now()
        name = list(values.values())[-1] if values else rid.rsplit("/", 1)[-1]
        source = ValueSource.for_body(name, now, cleaned)
        served = strip_write_only(route.shape, fill(route.shape, cleaned, None, source))
        rec = Record(rid, route, name, cleaned, served, SUCCEEDED, now)
        self.records[key] = rec
        headers: dict[str, str] = {}
        if route.is_async:
            rec.state = "Creating"
            rec.op = self._start_op("create", key, route, "PUT", path)
            headers = self._async_headers(rec.op, route, False)
        return Reply(201, self.view(rec), headers, applied=True)

    def _update(
        self, rec: Record, key: str, cleaned: dict[str, Any], method: str, path: str
    ) -> Reply:
        route = rec.route
        source = ValueSource.for_body(rec.name, rec.created, cleaned)
        rec.body = cleaned
        rec.served = strip_write_only(route.shape, fill(route.shape, cleaned, rec.served, source))
        headers: dict[str, str] = {}
        if route.is_async:
            self._cancel(rec)
            rec.state = "Updating"
            rec.op = self._start_op("update", key, route, method, path)
            headers = self._async_headers(rec.op, route, False)
        else:
            rec.state = SUCCEEDED
        return Reply(200, self.view(rec), headers, applied=True)

    def _patch(self, route: Route, key: str, body: Any, path: str) -> Reply:
        if route.update_verb != "PATCH":
            return arm_error(
                405, "MethodNotAllowed", f"{route.type} resources cannot be updated with PATCH"
            )
        rec = self.records.get(key)
        if rec is None:
            return self._not_found(route, path)
        partial = Checker(self._allow_extra(route), check_required=False, keep_nulls=True)
        patch = partial.object(route.shape, body)
        if partial.errors:
            return field_errors(partial.errors, route)
        whole = Checker(self._allow_extra(route))
        merged = whole.object(route.shape, merge_patch(rec.body, patch))
        if whole.errors:
            return field_errors(whole.errors, route)
        return self._update(rec, key, merged, "PATCH", path)

    def _get(self, route: Route, key: str, rid: str) -> Reply:
        rec = self.records.get(key)
        if rec is not None and rec.op is not None and rec.op in self.ops:
            self._advance(self.ops[rec.op])  # a GET of the resource also moves its operation on
            rec = self.records.get(key)
        if rec is None:
            return self._not_found(route, rid)
        return Reply(200, self.view(rec))

    def _delete(self, route: Route, key: str, path: str) -> Reply:
        rec = self.records.get(key)
        if rec is None:
            return Reply(204)  # ARM: deleting what does not exist is a success without content
        if not route.is_async:
            del self.records[key]
            return Reply(200, applied=True)
        pending = self.ops.get(rec.op or "")
        if pending is not None and pending.kind == "delete":
            return Reply(202, None, self._async_headers(pending.id, route, True))
        self._cancel(rec)
        rec.state = "Deleting"
        rec.op = self._start_op("delete", key, route, "DELETE", path)
        return Reply(202, None, self._async_headers(rec.op, route, True), applied=True)

    def _not_found(self, route: Route, rid: str) -> Reply:
        return arm_error(
            404,
            "ResourceNotFound",
            f"The Resource '{route.type}/{rid.rsplit('/', 1)[-1]}' ({rid}) was not found.",
        )

    # ------------------------------------------------------------------ operations

    def _start_op(self, kind: str, key: str, route: Route, method: str, path: str) -> str:
        op_id = f"op-{next(self._ids)}"
        fault = self.faults.take(method, path, ("fail_operation",), None)
        outcome, error = SUCCEEDED, None
        if fault is not None:
            outcome = FAILED
            error = {
                "code": fault.code or "OperationFailed",
                "message": fault.message or f"the {kind} operation failed (injected fault)",
            }
        self.ops[op_id] = Operation(
            op_id,
            kind,
            key,
            max(0, self.config.lro_polls),
            outcome,
            error,
            route.api_version,
            utc_now(),
        )
        return op_id

    def _async_headers(self, op_id: str | None, route: Route, location: bool) -> dict[str, str]:
        if op_id is None:
            return {}
        query = f"?api-version={route.api_version}" if route.api_version else ""
        if location:
            return {"Location": f"{self.base_url}{OPS_RESULT}{op_id}{query}", "Retry-After": "0"}
        url = f"{self.base_url}{OPS_STATUS}{op_id}{query}"
        return {"Azure-AsyncOperation": url, "Retry-After": "0"}

    def _cancel(self, rec: Record) -> None:
        op = self.ops.get(rec.op or "")
        if op is not None and op.status == IN_PROGRESS:
            op.status = CANCELED
            op.error = {"code": "Canceled", "message": "superseded by a later request"}
        rec.op = None

    def _advance(self, op: Operation) -> None:
        if op.status != IN_PROGRESS:
            return
        if op.polls_left > 0:
            op.polls_left -= 1
            return
        rec = self.records.get(op.key)
        if op.outcome == SUCCEEDED and op.kind == "delete":
            self.records.pop(op.key, None)
        elif rec is not None:
            failed = op.outcome != SUCCEEDED
            rec.state = (SUCCEEDED if op.kind == "delete" else FAILED) if failed else SUCCEEDED
        if rec is not None and rec.op == op.id:
            rec.op = None
        op.status = op.outcome

    def _poll(self, op_id: str, location: bool) -> Reply:
        op = self.ops.get(op_id)
        if op is None:
            return arm_error(404, "OperationNotFound", f"no operation {op_id!r}")
        self._advance(op)
        rec = self.records.get(op.key)
        route_type = rec.route.terraform_name if rec else None
        if not location:
            body: dict[str, Any] = {"id": op.id, "name": op.id, "status": op.status}
            body["startTime"] = op.started
            if op.error and op.status != IN_PROGRESS:
                body["error"] = dict(op.error)
            headers = {"Retry-After": "0"} if op.status == IN_PROGRESS else {}
            return Reply(200, body, headers, route_type)
        if op.status == IN_PROGRESS:
            assert rec is not None
            return Reply(202, None, self._async_headers(op.id, rec.route, True), route_type)
        if op.status != SUCCEEDED:
            return Reply(400, {"error": dict(op.error or {})}, {}, route_type)
        if op.kind == "delete" or rec is None:
            return Reply(204, None, {}, route_type)
        return Reply(200, self.view(rec), {}, route_type)

    # ------------------------------------------------------------------ views

    def view(self, rec: Record) -> dict[str, Any]:
        """The resource as GET returns it: envelope, body, server values, provisioningState."""
        out: dict[str, Any] = {"id": rec.id, "name": rec.name, "type": rec.route.type}
        for key, value in rec.served.items():
            if key not in out:
                out[key] = deepcopy(value)
        props = out.get("properties")
        if not isinstance(props, dict):
            props = out["properties"] = {}
        props["provisioningState"] = rec.state
        return out

    def snapshot(self) -> list[dict[str, Any]]:
        with self.lock:
            return [
                {
                    "id": rec.id,
                    "resource_type": rec.route.terraform_name,
                    "type": rec.route.type,
                    "provisioning_state": rec.state,
                    "body": deepcopy(rec.body),
                    "response": self.view(rec),
                }
                for rec in self.records.values()
            ]

    def remove(self, rid: str) -> bool:
        """Delete behind the client's back (control API)."""
        with self.lock:
            rec = self.records.pop(rid.lower().rstrip("/"), None)
            if rec is not None:
                self._cancel(rec)
            return rec is not None


def _fill(template: str, values: dict[str, str]) -> str:
    out = template
    for name, value in values.items():
        out = out.replace("{" + name + "}", value)
    return out
