"""The acceptance life cycle, driven through a real Terraform.

Each test gets a fresh working directory; the provider runs once per session in reattach
mode (`--dev`), so Terraform does not pay its start-up for every command. The API is the
mmgen emulator (started in-process from the specs) unless `MMGEN_ACC_ENDPOINT` points at a
real API, in which case the same steps run against it.
"""

from __future__ import annotations

import copy
import importlib
import json
import os
import random
import string
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .terraform import Terraform, which_terraform

requires_terraform = pytest.mark.skipif(
    os.environ.get("TF_ACC") != "1",
    reason="acceptance tests drive a real Terraform: set TF_ACC=1 to run them",
)


@dataclass(frozen=True)
class AcceptanceCase:
    name: str
    resource_type: str
    config: str  # HCL; `{random}` is replaced by a per-test suffix
    primary: str  # TYPE.NAME of the resource under test
    ignore_on_import: tuple[str, ...] = ()
    # False: the resource refuses `terraform import`; the import step is left out.
    importable: bool = True
    # Change steps applied in turn: (config, field it is about, expected action, checks),
    # where the action is "update", "replace", or None when the step does not say, and
    # checks are (state attribute path, expected value) pairs held after the step applies.
    changes: tuple[tuple[str, str | None, str | None, tuple[tuple[str, str], ...]], ...] = ()
    # (state attribute path, expected value) held after the first apply.
    checks: tuple[tuple[str, str], ...] = ()
    # (variable, emulator value) of each `{env:NAME}` token in the configs.
    env: tuple[tuple[str, str], ...] = ()
    skip: str | None = None


def state_value(state: Any, path: str) -> str | None:
    """The value at a dotted state path (`settings.0.size`, `tags.env`) as text: bools as
    `true`/`false`, whole numbers without a fraction; None when the path is absent."""
    node = state
    for part in path.split("."):
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    if isinstance(node, bool):
        return str(node).lower()
    if isinstance(node, float) and node.is_integer():
        return str(int(node))
    return None if node is None else str(node)


class Locator:
    """Where a resource lives, from its Terraform state: its URL (the self link, as the
    provider reads it) and the name the emulator stores it under (the id template filled)."""

    def __init__(self, endpoint: str, provider_cls: Any, param_value: Any) -> None:
        package = provider_cls.__module__.rsplit(".", 1)[0]
        self.ids = importlib.import_module(f"{package}._runtime.ids")
        self.nested = importlib.import_module(f"{package}._runtime.nested")
        self.product_base = importlib.import_module(f"{package}._runtime.provider").product_base
        self.endpoint = endpoint
        self.specs = {r.SPEC.type_name: r.SPEC for r in provider_cls.RESOURCES}
        self.param_value = param_value

    def _values(self, resource_type: str, state: dict[str, Any]) -> tuple[Any, dict[str, str]]:
        spec = self.specs[resource_type]
        return spec, self.ids.id_values(spec, state, self.param_value)

    def url(self, resource_type: str, state: dict[str, Any]) -> str:
        spec, values = self._values(resource_type, state)
        base = self.product_base(self.endpoint, True, spec.base_url)
        paths = self.ids.path_params(spec)
        return str(
            self.ids.request_url(base, spec.id_template, values, spec.api_version, None, paths)
        )

    def stored_name(self, resource_type: str, state: dict[str, Any]) -> str:
        """The emulator's id; a nested resource's is `<its URL's>#<keys>/<identity>`."""
        spec, values = self._values(resource_type, state)
        name = str(self.ids.fill_template(spec.id_template, values, quote_values=False))
        if spec.nested is not None:
            ident = "/".join(str(state.get(n)) for n in spec.nested.identity)
            name += f"#{'.'.join(spec.nested.keys)}/{ident}"
        return name

    def create_verb(self, resource_type: str) -> str:
        return str(self.specs[resource_type].create_verb)

    def holds(self, resource_type: str, state: dict[str, Any], answer: Any) -> bool:
        """Whether a 200 answer of the resource's URL is the resource: for a nested one
        (an entry of a list there), whether the list has its entry."""
        spec = self.specs[resource_type]
        if spec.nested is None:
            return True
        index, _ = self.nested.find(spec, answer if isinstance(answer, dict) else {}, state, {})
        return bool(index >= 0)


class ApiBackend:
    """What the life cycle needs from the API besides Terraform: look, delete, faults."""

    def __init__(self, endpoint: str, token: str, locator: Locator, emulated: bool) -> None:
        self.endpoint = endpoint.rstrip("/")
        self.token = token
        self.locator = locator
        self.emulated = emulated

    def _request(self, method: str, url: str, body: Any = None) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(url, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if self.token:
            req.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                raw = resp.read()
                return resp.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            try:
                return exc.code, json.loads(raw) if raw else None
            except ValueError:
                return exc.code, None

    def exists(self, resource_type: str, state: dict[str, Any]) -> bool:
        url = self.locator.url(resource_type, state)
        status, answer = self._request("GET", url)
        if status not in (200, 404):
            raise AssertionError(f"GET {url}: HTTP {status}")
        return status == 200 and self.locator.holds(resource_type, state, answer)

    def delete_behind_terraforms_back(self, resource_type: str, state: dict[str, Any]) -> None:
        if self.emulated:
            name = self.locator.stored_name(resource_type, state)
            query = urllib.parse.urlencode({"id": name})
            status, _ = self._request("DELETE", f"{self.endpoint}/_emulator/resources?{query}")
        else:
            name = self.locator.url(resource_type, state)
            status, _ = self._request("DELETE", name)
        if status not in (200, 202, 204):
            raise AssertionError(f"could not delete {name} behind Terraform's back: HTTP {status}")

    def stored_ids(self) -> list[str]:
        """Every object the emulator holds (emulator only)."""
        status, body = self._request("GET", f"{self.endpoint}/_emulator/resources")
        assert status == 200, status
        items = body.get("resources", body) if isinstance(body, dict) else body
        return sorted(item["id"] if isinstance(item, dict) else str(item) for item in items)

    def set_faults(self, faults: list[dict[str, Any]]) -> None:
        status, _ = self._request("POST", f"{self.endpoint}/_emulator/faults", {"faults": faults})
        assert status in (200, 204), f"emulator rejected faults: HTTP {status}"

    def request_log(self) -> list[dict[str, Any]]:
        status, body = self._request("GET", f"{self.endpoint}/_emulator/log")
        assert status == 200, status
        return list(body.get("requests", body) if isinstance(body, dict) else body)


def hcl_escaped(value: str) -> str:
    """A value for the inside of an HCL string (the tokens it replaces sit in quotes)."""
    named = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    out = "".join(
        named.get(c) or (f"\\u{ord(c):04x}" if ord(c) < 0x20 or c == "\x7f" else c) for c in value
    )
    return out.replace("${", "$${").replace("%{", "%%{")


def _suffix() -> str:
    return "".join(random.choices(string.ascii_lowercase + string.digits, k=8))


def _drop_path(values: Any, path: list[str]) -> None:
    if not path or values is None:
        return
    if isinstance(values, list):
        for item in values:
            _drop_path(item, path)
        return
    if isinstance(values, dict):
        if len(path) == 1:
            values.pop(path[0], None)
        else:
            _drop_path(values.get(path[0]), path[1:])


def comparable(values: dict[str, Any], ignore: tuple[str, ...]) -> dict[str, Any]:
    out = copy.deepcopy(values)
    for path in (*ignore, "timeouts"):
        _drop_path(out, path.split("."))
    return out


class Acceptance:
    """The steps of one test; `workdir` is fresh for each test."""

    def __init__(
        self,
        workdir: Path,
        env: dict[str, str],
        provider_block: str,
        backend: ApiBackend,
    ) -> None:
        self.workdir = workdir
        self.env = env
        self.provider_block = provider_block
        self.backend = backend
        self.suffix = _suffix()
        self.env_values: dict[str, str] = {}

    def _tf(self, name: str) -> Terraform:
        folder = self.workdir / name
        folder.mkdir(parents=True, exist_ok=True)
        return Terraform(folder, self.env)

    def _write(self, tf: Terraform, config: str) -> None:
        body = config.replace("{random}", self.suffix)
        for name, value in self.env_values.items():
            body = body.replace("{env:" + name + "}", hcl_escaped(value))
        (tf.workdir / "main.tf").write_text(self.provider_block + "\n" + body, encoding="utf-8")

    def _check_attributes(
        self, state: dict[str, Any], checks: tuple[tuple[str, str], ...], when: str
    ) -> None:
        """Each (attribute path, value) against the state, as Terraform renders values."""
        for path, expected in checks:
            want = expected.replace("{random}", self.suffix)
            for name, value in self.env_values.items():
                want = want.replace("{env:" + name + "}", value)
            got = state_value(state, path)
            assert got == want, f"{when}: `{path}` is {got!r}, expected {want!r}"

    def _apply_ok(self, tf: Terraform) -> None:
        tf.apply().check()
        changed, res = tf.plan_has_changes()
        assert not changed, f"plan after apply is not empty:\n{res.stdout}"

    def _id_of(self, tf: Terraform, case: AcceptanceCase) -> str:
        state = tf.state()
        assert case.primary in state, f"{case.primary} not in state: {sorted(state)}"
        return str(state[case.primary]["id"])

    def _skip_if_needed(self, case: AcceptanceCase) -> None:
        if case.skip:
            pytest.skip(case.skip)
        reason = which_terraform()
        if reason:
            pytest.skip(reason)
        # Against the emulator an unset variable takes its emulator value; against a real
        # API the test needs the real thing (an existing project, an organization id).
        for name, fallback in case.env:
            value = os.environ.get(name) or (fallback if self.backend.emulated else "")
            if not value:
                pytest.skip(f"set {name}: this example needs it from the environment")
            self.env_values[name] = value

    def run_lifecycle(self, case: AcceptanceCase) -> None:
        """apply -> empty plan -> refresh -> import and compare -> change -> destroy."""
        self._skip_if_needed(case)
        tf = self._tf("main")
        self._write(tf, case.config)
        tf.init()
        try:
            self._apply_ok(tf)
            tf.apply("-refresh-only").check()
            changed, res = tf.plan_has_changes()
            assert not changed, f"plan after refresh is not empty:\n{res.stdout}"
            original = tf.state()[case.primary]
            self._check_attributes(original, case.checks, "after create")
            resource_id = str(original["id"])
            located = original
            assert self.backend.exists(case.resource_type, located)

            # Import into an empty state and compare every attribute.
            if case.importable:
                imp = self._tf("import")
                self._write(imp, case.config)
                imp.init()
                imp.import_(case.primary, resource_id).check()
                imported = imp.state()[case.primary]
                same = comparable(imported, case.ignore_on_import) == comparable(
                    original, case.ignore_on_import
                )
                assert same, "imported state differs from the applied state"

            for config, field, action, checks in case.changes:
                self._write(tf, config)
                if action is not None:  # "update" or "replace", as `plan -json` words them
                    planned = tf.plan_actions().get(case.primary)
                    expected = f"changing {field}: expected {action!r}"
                    assert planned == action, f"{expected}, the plan says {planned!r}"
                self._apply_ok(tf)
                new_id = self._id_of(tf, case)
                after = tf.state()[case.primary]
                self._check_attributes(after, checks, f"after changing {field}")
                assert self.backend.exists(case.resource_type, after)
                if new_id != resource_id:
                    old_exists = self.backend.exists(case.resource_type, located)
                    assert not old_exists, "the replaced object is still in the API"
                resource_id, located = new_id, after
        finally:
            destroyed = tf.destroy()
        destroyed.check()
        left = self.backend.exists(case.resource_type, located)
        assert not left, "destroy left the object behind"
        if self.backend.emulated:
            assert self.backend.stored_ids() == [], "the emulator still holds objects after destroy"

    def run_disappears(self, case: AcceptanceCase) -> None:
        """Deleted behind Terraform's back: refresh notices and the next plan recreates it."""
        self._skip_if_needed(case)
        tf = self._tf("main")
        self._write(tf, case.config)
        tf.init()
        try:
            self._apply_ok(tf)
            state = tf.state()[case.primary]
            self.backend.delete_behind_terraforms_back(case.resource_type, state)
            planned = tf.plan_actions().get(case.primary)
            assert planned == "create", f"expected the plan to recreate it, got {planned!r}"
            self._apply_ok(tf)
            assert self.backend.exists(case.resource_type, tf.state()[case.primary])
        finally:
            tf.destroy().check()

    def run_with_faults(self, case: AcceptanceCase) -> None:
        """429 and 503 during apply: the apply succeeds and exactly one object exists."""
        self._skip_if_needed(case)
        if not self.backend.emulated:
            pytest.skip("fault injection needs the emulator, not a real API")
        tf = self._tf("main")
        self._write(tf, case.config)
        tf.init()
        try:
            create = self.backend.locator.create_verb(case.resource_type)
            self.backend.set_faults(
                [
                    {"status": 429, "retry_after": 0, "count": 2, "method": create},
                    {"status": 503, "count": 1, "method": "GET"},
                ]
            )
            self._apply_ok(tf)
            name = self.backend.locator.stored_name(case.resource_type, tf.state()[case.primary])
            stored = self.backend.stored_ids()
            same_id = [s for s in stored if s.lower().strip("/") == name.lower().strip("/")]
            assert len(same_id) == 1, f"expected exactly one object, the emulator holds {stored}"
            statuses = [r.get("status") for r in self.backend.request_log()]
            assert 429 in statuses and 503 in statuses, "the faults were not exercised"
        finally:
            self.backend.set_faults([])
            tf.destroy().check()
