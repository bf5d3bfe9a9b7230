"""Plain HTTP (urllib) against the emulator, and request bodies built from the specs."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

SUB = "00000000-0000-0000-0000-000000000000"
SINK = f"/subscriptions/{SUB}/sinks/{{}}"
OVEN = f"/subscriptions/{SUB}/ovens/{{}}"
JOB = f"/subscriptions/{SUB}/resourceGroups/rg/providers/Microsoft.BatchAI/jobs/{{}}"
KITCHEN_V = "?api-version=2024-01-01"
JOB_V = "?api-version=2018-03-01"


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: Any) -> None:
        self.status, self.headers, self.body = status, headers, body

    @property
    def error(self) -> dict[str, Any]:
        err: dict[str, Any] = self.body["error"]
        return err

    def __repr__(self) -> str:
        return f"Response({self.status}, {self.body!r})"


def call(method: str, url: str, body: Any = None, raw: bytes | None = None) -> Response:
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            payload = resp.read()
            return Response(
                resp.status, dict(resp.headers), json.loads(payload) if payload else None
            )
    except urllib.error.HTTPError as exc:
        payload = exc.read()
        return Response(exc.code, dict(exc.headers), json.loads(payload) if payload else None)


def sink_body(**props: Any) -> dict[str, Any]:
    properties = {"depth": 10, "finish": "Steel", **props}
    return {"location": "westeurope", "properties": properties}


def job_body(**props: Any) -> dict[str, Any]:
    properties = {
        "cluster": {"id": "/clusters/c1"},
        "nodeCount": 1,
        "stdOutErrPathPrefix": "$AZ_BATCHAI_MOUNT_ROOT/azfiles",
        **props,
    }
    return {"location": "eastus", "properties": properties}
