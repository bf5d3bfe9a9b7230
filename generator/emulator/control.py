"""The control API under `/_emulator/`: inspect and change the emulator while it runs.

| request | effect |
| --- | --- |
| `GET /_emulator` | the resource types served (terraform name, id template, api-version) |
| `GET /_emulator/resources[?type=T]` | `{"resources": [...]}`: what the store holds |
| `DELETE /_emulator/resources?id=ID` | delete behind the client's back (404 if unknown) |
| `GET /_emulator/faults` | `{"faults": [...]}` |
| `POST /_emulator/faults` | replace the faults: `{"faults": [...]}`, a list or one fault; `"append": true` adds |
| `DELETE /_emulator/faults` | no more faults |
| `GET /_emulator/log` (or `/requests`) | `{"requests": [...]}`; `DELETE` empties it |
| `GET`/`POST /_emulator/config` | `lro_polls`, `extra_fields`, `lenient_hooks` |
| `POST /_emulator/reset` | empty store and log, start-up faults and settings |
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

from .config import EmulatorConfig, Fault, FaultBook, fault_from_dict
from .exchange import Outcome, RequestRecord
from .replies import arm_error
from .routes import Route


class Controllable(Protocol):
    """What the control API needs of the emulator (`server.Emulator` is one).

    A protocol rather than an import of `server`, which imports this module to dispatch.
    """

    config: EmulatorConfig
    faults: FaultBook
    routes: list[Route]

    @property
    def url(self) -> str: ...

    @property
    def requests(self) -> Sequence[RequestRecord]: ...

    def resources(self, resource_type: str | None = None) -> list[dict[str, Any]]: ...

    def delete_resource(self, resource_id: str) -> bool: ...

    def set_faults(self, faults: list[Fault | dict[str, Any]]) -> None: ...

    def add_fault(self, fault: Fault | dict[str, Any]) -> None: ...

    def clear_faults(self) -> None: ...

    def clear_log(self) -> None: ...

    def reset(self) -> None: ...


def _ok(body: Any = None, status: int = 200) -> Outcome:
    return Outcome(status, body)


def _bad(status: int, code: str, message: str) -> Outcome:
    return Outcome(status, arm_error(status, code, message).body)


def handle_control(
    emu: Controllable, method: str, sub: str, query: dict[str, list[str]], raw: bytes
) -> Outcome:
    sub = sub.rstrip("/")
    try:
        body = json.loads(raw) if raw.strip() else None
    except (ValueError, RecursionError):
        return _bad(400, "InvalidRequestContent", "the control request body is not valid JSON")
    try:
        return _route(emu, method, sub, query, body)
    except (ValueError, TypeError) as exc:
        return _bad(400, "InvalidControlRequest", str(exc))


def _route(
    emu: Controllable, method: str, sub: str, query: dict[str, list[str]], body: Any
) -> Outcome:
    if sub == "" and method == "GET":
        return _ok(
            {
                "url": emu.url,
                "resource_types": [
                    {
                        "resource_type": r.terraform_name,
                        "product": r.product.name,
                        "api_style": r.product.api_style.value,
                        "type": r.type,
                        "id_template": r.resource.rest.id_template,
                        "api_version": r.api_version,
                        "async": r.is_async,
                        "immutable": r.immutable,
                        "update_verb": r.update_verb,
                    }
                    for r in emu.routes
                ],
            }
        )
    if sub == "/resources":
        if method == "GET":
            wanted = query.get("type")
            return _ok({"resources": emu.resources(wanted[0] if wanted else None)})
        if method == "DELETE":
            ids = query.get("id")
            if not ids:
                return _bad(400, "MissingParameter", "DELETE /_emulator/resources needs ?id=")
            if not emu.delete_resource(ids[0]):
                return _bad(404, "ResourceNotFound", f"no stored resource {ids[0]!r}")
            return _ok({"deleted": ids[0]})
    if sub == "/faults":
        if method == "GET":
            return _ok({"faults": [f.to_dict() for f in emu.faults.snapshot()]})
        if method == "DELETE":
            emu.clear_faults()
            return _ok({"faults": []})
        if method == "POST":
            append = isinstance(body, dict) and bool(body.get("append"))
            if isinstance(body, dict) and "faults" in body:
                items = body["faults"]
            elif isinstance(body, dict):
                items = [{k: v for k, v in body.items() if k != "append"}]
            else:
                items = body
            if not isinstance(items, list):
                raise ValueError('expected {"faults": [...]}, a list of faults or one fault')
            faults = [fault_from_dict(item) for item in items]  # all valid, or none applied
            if append:
                for fault in faults:
                    emu.add_fault(fault)
            else:
                emu.set_faults(list(faults))
            return _ok({"faults": [f.to_dict() for f in emu.faults.snapshot()]})
    if sub in ("/log", "/requests"):
        if method == "GET":
            return _ok({"requests": [r.to_dict() for r in emu.requests]})
        if method == "DELETE":
            emu.clear_log()
            return _ok({"requests": []})
    if sub == "/config":
        if method == "POST":
            _configure(emu, body)
        if method in ("GET", "POST"):
            cfg = emu.config
            return _ok(
                {
                    "lro_polls": cfg.lro_polls,
                    "extra_fields": list(cfg.extra_fields),
                    "lenient_hooks": cfg.lenient_hooks,
                }
            )
    if sub == "/reset" and method == "POST":
        emu.reset()
        return _ok({"reset": True})
    return _bad(404, "NotFound", f"no control endpoint {method} {'/_emulator' + sub}")


def _configure(emu: Controllable, body: Any) -> None:
    if not isinstance(body, dict):
        raise ValueError("POST /_emulator/config needs a JSON object")
    unknown = sorted(set(body) - {"lro_polls", "extra_fields", "lenient_hooks"})
    if unknown:
        raise ValueError(f"unknown setting(s): {', '.join(unknown)}")
    if "lro_polls" in body:
        polls = int(body["lro_polls"])
        if polls < 0:
            raise ValueError("lro_polls must be >= 0")
        emu.config.lro_polls = polls
    if "extra_fields" in body:
        emu.config.extra_fields = tuple(str(x) for x in body["extra_fields"])
    if "lenient_hooks" in body:
        emu.config.lenient_hooks = bool(body["lenient_hooks"])
