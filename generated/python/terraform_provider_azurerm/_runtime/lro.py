# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/lro.py
# Template:    python/runtime/lro.py
# Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Azure Resource Manager long-running operations.

ARM answers a mutating request with 201/202 and either an ``Azure-AsyncOperation`` URL
(poll until ``status`` is terminal) or a ``Location`` URL (poll until it stops answering
202).  After create/update the resource's ``properties.provisioningState`` is polled too.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from .timeouts import Deadline, OperationTimeout
from .transport import (
    HttpClient,
    Response,
    error_code_message,
    error_from_response,
    retry_after_seconds,
)

SUCCEEDED = "succeeded"
FAILED_STATES = frozenset({"failed", "canceled", "cancelled"})
TERMINAL_STATES = FAILED_STATES | {SUCCEEDED}


# google.rpc.Code names by number: what users search for, as the go target names them.
GRPC_CODES = (
    "OK CANCELLED UNKNOWN INVALID_ARGUMENT DEADLINE_EXCEEDED NOT_FOUND ALREADY_EXISTS "
    "PERMISSION_DENIED RESOURCE_EXHAUSTED FAILED_PRECONDITION ABORTED OUT_OF_RANGE "
    "UNIMPLEMENTED INTERNAL UNAVAILABLE DATA_LOSS UNAUTHENTICATED"
).split()


def grpc_code_name(code: str) -> str:
    """`NOT_FOUND` for "5"; anything that is not a known number is kept."""
    return GRPC_CODES[int(code)] if code.isdigit() and int(code) < len(GRPC_CODES) else code


class OperationFailed(Exception):
    """An ARM operation ended in Failed/Canceled; carries the ARM error code and message."""

    def __init__(self, status: str, code: str, message: str) -> None:
        self.status = status
        self.code = code
        self.message = message
        super().__init__(f"operation {status}: {code}: {message}".strip())


def _error_of(body: Any) -> tuple[str, str]:
    if not isinstance(body, dict):
        return "", ""
    err = body.get("error")
    if not isinstance(err, dict):
        props = body.get("properties")
        err = props.get("error") if isinstance(props, dict) else None
    if not isinstance(err, dict):
        return "", ""
    return str(err.get("code") or ""), str(err.get("message") or "")


def provisioning_state(body: Any) -> str | None:
    if isinstance(body, dict):
        props = body.get("properties")
        if isinstance(props, dict) and props.get("provisioningState") is not None:
            return str(props["provisioningState"])
    return None


def _is_operation(body: Any) -> bool:
    """A Google Operation: a `name` with `done` (JSON leaves out `done: false`, so a
    pending one may show only `metadata`, compute's `status`, or a name under
    `operations/`)."""
    if not isinstance(body, dict) or not isinstance(body.get("name"), str):
        return False
    keys = ("done", "metadata", "status")
    return any(k in body for k in keys) or "operations/" in body["name"]


class ArmPoller:
    def __init__(
        self,
        client: HttpClient,
        poll_interval: float,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client = client
        self.poll_interval = poll_interval
        self.sleep = sleep

    def _pause(self, resp: Response | None, deadline: Deadline) -> None:
        hinted = retry_after_seconds(resp) if resp is not None else None
        # A `Retry-After: 0` must not make polling spin: never below the floor (1 s, or
        # the configured interval when that is shorter, as in tests against the emulator).
        floor = min(1.0, self.poll_interval)
        wait = self.poll_interval if hinted is None else max(hinted, floor)
        if wait >= deadline.remaining():
            raise OperationTimeout(
                f"{deadline.operation} timed out after {deadline.seconds:g}s waiting for "
                "the operation to finish"
            )
        self.sleep(wait)

    def _get(self, url: str, deadline: Deadline) -> Response:
        return self.client.request("GET", url, deadline=deadline)

    def wait_for_operation(
        self, initial: Response, deadline: Deadline, gone_ok: bool = False
    ) -> None:
        """Follow the async-operation headers of ``initial`` until the operation ends."""
        async_url = initial.header("azure-asyncoperation")
        location = initial.header("location")
        if async_url and initial.status in (200, 201, 202):
            self._poll_async_operation(async_url, deadline)
        elif location and initial.status == 202:
            self._poll_location(location, deadline, gone_ok)

    def _poll_async_operation(self, url: str, deadline: Deadline) -> None:
        while True:
            resp = self._get(url, deadline)
            if resp.status >= 400:
                raise error_from_response(resp, "GET")
            body = resp.json()
            status = str(body.get("status", "")).lower() if isinstance(body, dict) else ""
            if status == SUCCEEDED:
                return
            if status in FAILED_STATES:
                code, message = _error_of(body)
                raise OperationFailed(str(body.get("status")), code, message)
            self._pause(resp, deadline)

    def _poll_location(self, url: str, deadline: Deadline, gone_ok: bool) -> Response:
        while True:
            resp = self._get(url, deadline)
            if resp.status == 202:
                self._pause(resp, deadline)
                continue
            if resp.status == 404 and gone_ok:
                return resp
            if resp.status >= 400:
                body = resp.json()
                code, message = _error_of(body)
                if code or message:
                    raise OperationFailed("Failed", code, message)
                raise error_from_response(resp, "GET")
            return resp

    def wait_for_google_operation(
        self,
        initial: Response,
        endpoint: str,
        deadline: Deadline,
        poll_url: Callable[[str], str] | None = None,
    ) -> dict[str, Any] | None:
        """Poll a Google-style Operation (`{"name": ..., "done": false}`) until `done`;
        return its `response` (the resource, for some APIs), None when it has none.

        A pending operation is polled at ``poll_url(name)`` when given (the spec's
        operation URL), else at its `selfLink`, else at its `name` relative to the API's
        versioned endpoint (or as it is when absolute). An `error` in the finished
        operation is the operation's failure.
        """
        body = initial.json() if initial.status in (200, 201, 202) else None
        while _is_operation(body):
            assert isinstance(body, dict)
            done = body.get("done") is True or str(body.get("done")).lower() == "true"
            if done or str(body.get("status", "")).upper() == "DONE":
                error = body.get("error")
                if isinstance(error, dict):
                    code, message = error_code_message(error)
                    if "status" not in error:
                        code = grpc_code_name(code)  # Operations carry google.rpc.Code numbers
                    raise OperationFailed("DONE", code, message)
                response = body.get("response")
                return response if isinstance(response, dict) else None
            name = str(body["name"])
            if "://" in name:
                url = name
            elif poll_url is not None:
                url = poll_url(name)
            else:
                name = str(body.get("selfLink") or name)
                url = name if "://" in name else endpoint.rstrip("/") + "/" + name.lstrip("/")
            self._pause(None, deadline)
            resp = self._get(url, deadline)
            if resp.status >= 400:
                raise error_from_response(resp, "GET")
            body = resp.json()
        return None

    def wait_for_provisioning(self, url: str, deadline: Deadline) -> Response | None:
        """Poll the resource until ``provisioningState`` is terminal; None on 404."""
        while True:
            resp = self._get(url, deadline)
            if resp.status == 404:
                return None
            if resp.status >= 400:
                raise error_from_response(resp, "GET")
            body = resp.json()
            state = provisioning_state(body)
            if state is None or state.lower() == SUCCEEDED:
                return resp
            if state.lower() in FAILED_STATES:
                code, message = _error_of(body)
                raise OperationFailed(
                    state, code or f"Provisioning{state}", message or "provisioning " + state
                )
            self._pause(resp, deadline)
